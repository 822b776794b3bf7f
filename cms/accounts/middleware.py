"""Session lifetime and the second factor, for signed-in users."""

import time
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from . import twofactor
from .audit import record

SESSION_STARTED = "_accounts_started"
SESSION_LAST_SEEN = "_accounts_last_seen"
# The last-seen time is written at most this often (seconds), not on every request.
LAST_SEEN_RESOLUTION = 60

ADMIN_PREFIX = "/admin/"
# Reachable before the second factor: signing in and out, the second factor's own
# pages, and what the admin's login layout loads.
TWO_FACTOR_EXEMPT = (
    "/admin/login/",
    "/admin/logout/",
    "/admin/2fa/",
    "/admin/jsi18n/",
    "/admin/sprite",
    "/admin/password_reset/",
)


class SessionLifetimeMiddleware:
    """A signed-in session ends after SESSION_IDLE_TIMEOUT seconds without a request,
    and SESSION_ABSOLUTE_LIFETIME seconds after signing in. Requests without a
    session cookie are not touched (public pages stay cacheable)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.SESSION_COOKIE_NAME in request.COOKIES and request.user.is_authenticated:
            self._check(request)
        return self.get_response(request)

    def _check(self, request):
        session = request.session
        now = int(time.time())
        started = session.get(SESSION_STARTED)
        last_seen = session.get(SESSION_LAST_SEEN)
        if started is None:
            # Signed in before this middleware existed: start counting now.
            session[SESSION_STARTED] = started = now
        idle = settings.SESSION_IDLE_TIMEOUT
        absolute = settings.SESSION_ABSOLUTE_LIFETIME
        if (last_seen is not None and now - last_seen > idle) or now - started > absolute:
            user = request.user
            logout(request)
            record(user, "accounts.session_expired", request=request)
            messages.info(request, _("Your session has expired. Please sign in again."))
            return
        if last_seen is None or now - last_seen >= LAST_SEEN_RESOLUTION:
            session[SESSION_LAST_SEEN] = now


class TwoFactorMiddleware:
    """No /admin/ page for a user who needs (or has set up) a second factor until it
    is verified in this session: to the verification page, or to enrolment when the
    user has no device yet. Runs after django-otp's OTPMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            request.path.startswith(ADMIN_PREFIX)
            and not request.path.startswith(TWO_FACTOR_EXEMPT)
            and twofactor.is_enforced()
            and request.user.is_authenticated
            and not request.user.is_verified()
        ):
            has_device = twofactor.has_device(request.user)
            if has_device or twofactor.is_required(request.user):
                target = "accounts_2fa_verify" if has_device else "accounts_2fa_enrol"
                query = urlencode({"next": request.get_full_path()})
                return redirect(f"{reverse(target)}?{query}")
        return self.get_response(request)
