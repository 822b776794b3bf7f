"""Project-wide HTTP middleware: the public site's URLconf, the database-outage page
and the admin's headers."""

from django.conf import settings
from django.http import HttpResponseBadRequest
from django.urls import set_urlconf
from django.utils.datastructures import MultiValueDictKeyError
from django.utils.translation import gettext

from .errors import DATABASE_ERRORS, render_error
from .urlconfs import public_urlconf

# The Wagtail admin's Content-Security-Policy, as strict as Wagtail 8 allows:
# * script-src needs 'unsafe-inline': InlinePanel, MultipleChooserPanel, the date/time
#   widgets and search promotions write inline <script> blocks with per-form data
#   (no nonce hook exists, hashes cannot cover per-form content);
# * style-src needs 'unsafe-inline': Draftail, the sidebar and tooltips (Tippy) set
#   style attributes;
# * img-src needs data: and blob: (icons, image upload previews);
# * frame-src 'self': the page preview panel; media embeds are previewed from their
#   providers' thumbnails, which stay blocked (no external request from the admin);
# * no eval, no external host anywhere, no plugins, forms post only to the admin.
ADMIN_CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self' 'unsafe-inline'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "frame-src 'self'",
        "worker-src 'self' blob:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'self'",
    ]
)
ADMIN_PREFIX = "/admin/"


class PublicURLConfMiddleware:
    """Public requests are resolved with the public part of ROOT_URLCONF
    (settings.PUBLIC_URLCONFS: cms.urls_public), which leaves out the admin's routes,
    so that a worker serving public pages never imports the admin's URLconf and views
    (issue 14, memory per worker).

    The whole ROOT_URLCONF stays for /admin/ (and /admin without its slash, which
    CommonMiddleware redirects) and for any request with a session cookie: a signed-in
    visitor's pages show Wagtail's user bar, which names admin URLs. It is set for the
    middleware below too (set_urlconf: their resolve() and reverse() calls), not only
    for the view (request.urlconf). A ROOT_URLCONF without a public part is used whole.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        urlconf = public_urlconf()
        if (
            urlconf
            and not request.path_info.startswith(ADMIN_PREFIX.rstrip("/"))
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
        ):
            request.urlconf = urlconf
            set_urlconf(urlconf)
        return self.get_response(request)


class DatabaseOutageMiddleware:
    """A view failing on the database (connection refused, dropped, read-only
    failover) answers the 503 page, which needs no database; handler500 does the
    same for failures in other middleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, DATABASE_ERRORS):
            return render_error(request, 503)
        return None


class AdminContentSecurityPolicyMiddleware:
    """CSP on /admin/ (the public site has its own, stricter one: themes.middleware),
    and the Permissions-Policy on every response."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith(ADMIN_PREFIX):
            response.headers.setdefault("Content-Security-Policy", ADMIN_CONTENT_SECURITY_POLICY)
        policy = getattr(settings, "PERMISSIONS_POLICY", "")
        if policy:
            response.headers.setdefault("Permissions-Policy", policy)
        return response


class AdminIncompleteFormMiddleware:
    """An admin form posted without the fields its widgets always send (a StreamField
    or inline panel's `-count`, a chooser's inputs) made Wagtail raise
    MultiValueDictKeyError, a 500. It is the client's fault: 400 with a message in the
    user's language (found by tests/test_admin_fuzz.py posting empty forms)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if request.path.startswith(ADMIN_PREFIX) and isinstance(exception, MultiValueDictKeyError):
            return HttpResponseBadRequest(
                gettext("The form was incomplete. Reload the page and try again."),
                content_type="text/plain; charset=utf-8",
            )
        return None
