"""Security events from Django, django-axes and group/permission changes."""

import time

from axes.signals import user_locked_out
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db.models.signals import m2m_changed, post_save, pre_save
from django.dispatch import receiver

from .audit import record
from .middleware import SESSION_LAST_SEEN, SESSION_STARTED

User = get_user_model()


def _user_named(username):
    if not username:
        return None
    return User._default_manager.filter(**{User.USERNAME_FIELD: username}).first()


@receiver(user_logged_in, dispatch_uid="accounts_logged_in")
def on_logged_in(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        now = int(time.time())
        request.session[SESSION_STARTED] = now
        request.session[SESSION_LAST_SEEN] = now
    record(user, "accounts.login", request=request, actor=user)


@receiver(user_logged_out, dispatch_uid="accounts_logged_out")
def on_logged_out(sender, request, user, **kwargs):
    if user is not None:
        record(user, "accounts.logout", actor=user)


@receiver(user_login_failed, dispatch_uid="accounts_login_failed")
def on_login_failed(sender, credentials, request=None, **kwargs):
    user = _user_named(credentials.get("username"))
    record(
        user,
        "accounts.login_failed",
        request=request,
        data={"username": credentials.get("username", "")[:150]},
    )


@receiver(user_locked_out, dispatch_uid="accounts_locked_out")
def on_locked_out(sender, request, username, ip_address, **kwargs):
    record(
        _user_named(username),
        "accounts.locked_out",
        request=request,
        data={"username": (username or "")[:150], "ip": ip_address},
    )


@receiver(m2m_changed, sender=User.groups.through, dispatch_uid="accounts_user_groups")
def on_user_groups(sender, instance, action, pk_set, reverse, **kwargs):
    if action not in {"post_add", "post_remove", "post_clear"}:
        return
    if reverse:  # group.user_set.add(...): instance is the group
        users = User._default_manager.filter(pk__in=pk_set or [])
        groups = [instance.name]
    else:
        users = [instance]
        groups = list(Group.objects.filter(pk__in=pk_set or []).values_list("name", flat=True))
    for user in users:
        record(user, "accounts.permissions_changed", data={"change": action, "groups": groups})


@receiver(m2m_changed, sender=User.user_permissions.through, dispatch_uid="accounts_user_perms")
def on_user_permissions(sender, instance, action, pk_set, reverse, **kwargs):
    if action in {"post_add", "post_remove", "post_clear"} and not reverse:
        record(
            instance,
            "accounts.permissions_changed",
            data={"change": action, "permissions": sorted(pk_set or [])},
        )


@receiver(m2m_changed, sender=Group.permissions.through, dispatch_uid="accounts_group_perms")
def on_group_permissions(sender, instance, action, pk_set, reverse, **kwargs):
    if action in {"post_add", "post_remove", "post_clear"} and not reverse:
        from wagtail.log_actions import log

        log(
            instance=instance,
            action="accounts.permissions_changed",
            data={"change": action, "permissions": sorted(pk_set or [])},
        )


@receiver(pre_save, sender=User, dispatch_uid="accounts_user_flags_before")
def remember_flags(sender, instance, **kwargs):
    if instance.pk:
        instance._accounts_flags = (
            User._default_manager.filter(pk=instance.pk)
            .values_list("is_superuser", "is_staff", "is_active")
            .first()
        )


@receiver(post_save, sender=User, dispatch_uid="accounts_user_flags_after")
def compare_flags(sender, instance, created, **kwargs):
    before = getattr(instance, "_accounts_flags", None)
    after = (instance.is_superuser, instance.is_staff, instance.is_active)
    if not created and before is not None and tuple(before) != after:
        names = ("is_superuser", "is_staff", "is_active")
        changed = {
            name: new for name, old, new in zip(names, before, after, strict=True) if old != new
        }
        record(instance, "accounts.permissions_changed", data=changed)
