"""Security events in the audit log (Wagtail's log entries on the user concerned),
and in the `security` logger for log shipping.

Events: sign-in, failed sign-in, lockout, session expiry, sign-out, second factor
verified / enrolled / removed / recovery codes renewed, group and permission changes,
data exports (`record_export`: who exported what, of which agency, how many rows).
"""

import logging

from django.utils.functional import LazyObject, empty
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from cms.core.client_ip import client_ip

logger = logging.getLogger("security")

ACTIONS = {
    "accounts.login": (_("Signed in"), _("Signed in")),
    "accounts.login_failed": (_("Failed sign-in"), _("Failed sign-in")),
    "accounts.locked_out": (_("Sign-in locked out"), _("Sign-in locked out")),
    "accounts.logout": (_("Signed out"), _("Signed out")),
    "accounts.session_expired": (_("Session expired"), _("Session expired")),
    "accounts.2fa_verified": (_("Second factor verified"), _("Second factor verified")),
    "accounts.2fa_enrolled": (_("Second factor set up"), _("Second factor set up")),
    "accounts.2fa_removed": (_("Second factor removed"), _("Second factor removed")),
    "accounts.2fa_failed": (_("Wrong second factor code"), _("Wrong second factor code")),
    "accounts.recovery_codes": (_("Recovery codes renewed"), _("Recovery codes renewed")),
    "accounts.permissions_changed": (_("Permissions changed"), _("Permissions changed")),
    "accounts.export": (_("Data exported"), _("Data exported")),
}


def _unwrap(obj):
    """request.user is a lazy object (django-otp wraps it); log the model instance."""
    while isinstance(obj, LazyObject):
        if obj._wrapped is empty:
            obj._setup()
        obj = obj._wrapped
    return obj


def record(user, action: str, *, request=None, actor=None, data=None) -> None:
    """One log entry on `user` (the account concerned); `actor` did it (the user by
    default, or the signed-in user of `request`)."""
    user, actor = _unwrap(user), _unwrap(actor)
    details = dict(data or {})
    if request is not None:
        details.setdefault("ip", client_ip(request))
        request_user = getattr(request, "user", None)
        if actor is None and request_user is not None and request_user.is_authenticated:
            actor = _unwrap(request_user)
    if actor is None or not getattr(actor, "pk", None):
        actor = user if getattr(user, "pk", None) else None
    logger.info(
        "%s user=%s actor=%s %s",
        action,
        getattr(user, "pk", None),
        getattr(actor, "pk", None),
        details,
    )
    if getattr(user, "pk", None):
        log(instance=user, action=action, user=actor, data=details)


def record_export(request, *, what: str, file_format: str, rows: int, agencies=()) -> None:
    """An export (CSV, XLSX) by the signed-in user: `what` names the export (a view or
    report), `agencies` the slugs of the agencies whose data it holds (empty: the
    portal or the whole platform), `rows` how many data rows it wrote."""
    record(
        request.user,
        "accounts.export",
        request=request,
        data={
            "what": what,
            "format": file_format,
            "agencies": sorted(agencies),
            "rows": rows,
            "path": request.get_full_path()[:500],
        },
    )
