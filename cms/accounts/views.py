"""Sign-in lockout page, POST-only sign-out, and the second factor's pages."""

import segno
from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from django.views.decorators.http import require_http_methods
from django_otp import login as otp_login
from django_otp import match_token
from wagtail.admin.forms.auth import LoginForm
from wagtail.admin.views.account import LogoutView

from . import twofactor
from .audit import record
from .forms import TokenForm

LOCKOUT_MSGID = gettext_noop(
    "Too many failed sign-in attempts. Signing in to this account or from this address is locked for %(minutes)s minutes. Try again later or ask a platform administrator to unlock it."  # noqa: E501
)


def lockout_message(minutes: int) -> str:
    return _(LOCKOUT_MSGID) % {"minutes": minutes}


def lockout_response(request, original_response=None, credentials=None):
    """AXES_LOCKOUT_CALLABLE: the admin's sign-in page with the lockout message (429)."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    context = {
        "form": LoginForm(request=request),
        "lockout_message": lockout_message(minutes),
        "show_password_reset": False,
        "username_field": _("Username"),
    }
    # Axes returns this from its middleware, after the view: render it here.
    return TemplateResponse(request, "accounts/login_locked.html", context, status=429).render()


@require_http_methods(["GET", "POST"])
def logout(request):
    """Wagtail's sign-out, for POST only: a GET (a link on another site) changes nothing
    and does not delete the session cookie."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    return LogoutView.as_view()(request)


def _next_url(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("wagtailadmin_home")


def _signed_in(view):
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), reverse("wagtailadmin_login"))
        return view(request, *args, **kwargs)

    return wrapper


@_signed_in
def verify(request):
    """Enter a code from the authenticator app or a recovery code."""
    user = request.user
    if not twofactor.has_device(user):
        return redirect(f"{reverse('accounts_2fa_enrol')}?next={_next_url(request)}")
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = match_token(user, form.cleaned_data["token"])
        if device is not None:
            otp_login(request, device)
            record(
                user,
                "accounts.2fa_verified",
                request=request,
                data={"device": device.persistent_id.split("/")[0]},
            )
            return redirect(_next_url(request))
        record(user, "accounts.2fa_failed", request=request)
        form.add_error("token", _("This code is not valid. Try again with a new code."))
    return TemplateResponse(
        request, "accounts/verify.html", {"form": form, "next": _next_url(request)}
    )


@_signed_in
def enrol(request):
    """Set up the authenticator app: scan the code, confirm with one code, then get
    the recovery codes (shown once)."""
    user = request.user
    if twofactor.has_device(user):
        if user.is_verified():
            return redirect("accounts_2fa_manage")
        return redirect(f"{reverse('accounts_2fa_verify')}?next={_next_url(request)}")
    device = twofactor.pending_totp_device(user)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"]):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            codes = twofactor.new_recovery_codes(user)
            otp_login(request, device)
            record(user, "accounts.2fa_enrolled", request=request)
            return TemplateResponse(
                request,
                "accounts/recovery_codes.html",
                {"codes": codes, "next": _next_url(request)},
            )
        form.add_error("token", _("This code is not valid. Try again with a new code."))
    qr = segno.make(device.config_url, error="m")
    context = {
        "form": form,
        "next": _next_url(request),
        "qr_svg": qr.svg_inline(scale=4, dark="#000", light="#fff", title=_("QR code")),
        "secret": _grouped_secret(device),
        "required": twofactor.is_required(user),
    }
    return TemplateResponse(request, "accounts/enrol.html", context)


def _grouped_secret(device) -> str:
    from base64 import b32encode

    secret = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


@_signed_in
def manage(request):
    """Status, new recovery codes, and removing the second factor when not required."""
    user = request.user
    if twofactor.has_device(user) and not user.is_verified():
        return redirect(f"{reverse('accounts_2fa_verify')}?next={reverse('accounts_2fa_manage')}")
    required = twofactor.is_required(user)
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "recovery" and twofactor.has_device(user):
            codes = twofactor.new_recovery_codes(user)
            record(user, "accounts.recovery_codes", request=request)
            return TemplateResponse(
                request,
                "accounts/recovery_codes.html",
                {"codes": codes, "next": reverse("accounts_2fa_manage")},
            )
        if action == "remove" and not required:
            twofactor.remove_devices(user)
            record(user, "accounts.2fa_removed", request=request)
            return redirect("accounts_2fa_manage")
    context = {
        "has_device": twofactor.has_device(user),
        "required": required,
        "codes_left": twofactor.recovery_codes_left(user),
    }
    return TemplateResponse(request, "accounts/manage.html", context)
