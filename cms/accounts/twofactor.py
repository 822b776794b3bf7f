"""Who needs a second factor, and the devices that give one (django-otp).

A user's second factor is one TOTP device (an authenticator app) plus one static
device holding single-use recovery codes.
"""

from django.conf import settings
from django.db.models import Q
from django_otp import devices_for_user
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

RECOVERY_DEVICE_NAME = "recovery"
TOTP_DEVICE_NAME = "authenticator"


def is_enforced() -> bool:
    return getattr(settings, "ACCOUNTS_2FA_ENFORCED", True)


def is_required(user) -> bool:
    """Platform admins (superusers and the platform admins group) always; members of a
    group whose TwoFactorPolicy requires it."""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    return user.groups.filter(
        Q(name=settings.PLATFORM_ADMINS_GROUP) | Q(two_factor_policy__required=True)
    ).exists()


def has_device(user) -> bool:
    return any(devices_for_user(user, confirmed=True))


def totp_device(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def pending_totp_device(user) -> TOTPDevice:
    """The unconfirmed device of an enrolment in progress (a new secret each time one
    is created; kept until confirmed so a reload shows the same QR code)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=TOTP_DEVICE_NAME, confirmed=False)
    return device


def new_recovery_codes(user) -> list[str]:
    """Replace the user's recovery codes; the plain codes are shown once."""
    device, _created = StaticDevice.objects.get_or_create(
        user=user, name=RECOVERY_DEVICE_NAME, defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    count = getattr(settings, "ACCOUNTS_RECOVERY_CODES", 10)
    codes = [StaticToken.random_token() for _ in range(count)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=code) for code in codes])
    return codes


def recovery_codes_left(user) -> int:
    return StaticToken.objects.filter(
        device__user=user, device__name=RECOVERY_DEVICE_NAME, device__confirmed=True
    ).count()


def remove_devices(user) -> None:
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
