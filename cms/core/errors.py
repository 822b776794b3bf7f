"""Error pages (403, 404, 410, 500, 503) in the request's language, with the platform's look.

They never touch the database: a 500 may be a database failure, and a database
outage must still answer the 503 page. The language comes from the /<lang>/ prefix
(Kazakh, the default, when there is none); the templates (themes/templates/errors/)
get only static values: no user, no messages, no site chrome from the database.
"""

import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader
from django.utils import translation
from django.utils.translation import gettext

from .i18n import LANGUAGE_CODES, language_alternates

DATABASE_ERRORS = (OperationalError, InterfaceError)
# Seconds a client (or a load balancer) should wait before retrying after a 503.
RETRY_AFTER = "120"


def language_of(request) -> str:
    parts = (request.path_info or "/").split("/", 2)
    if len(parts) > 1 and parts[1] in LANGUAGE_CODES:
        return parts[1]
    if parts[1:2] == ["admin"]:
        # The admin has no prefix: the language LocaleMiddleware chose (cookie,
        # browser), so an editor refused a screen reads why in their language.
        current = translation.get_language()
        if current in LANGUAGE_CODES:
            return current
    return settings.LANGUAGE_CODE


def render_error(request, status: int, extra=None) -> HttpResponse:
    """The error page for `status`. `extra(language)` (optional, called in the page's
    language) returns context that replaces or adds to the defaults: `title`,
    `message`, `links` (a list of {"url", "label"} shown instead of the home link)."""
    language = language_of(request)
    with translation.override(language):
        context = {
            "status": status,
            "language": language,
            "platform_name": settings.PLATFORM_NAME.get(language, settings.PLATFORM_NAME["kk"]),
            "home_url": f"/{language}/",
            "language_alternates": language_alternates(request.path_info or "/", language),
            "title": _titles()[status],
            "message": _messages()[status],
        }
        if extra is not None:
            context.update(extra(language))
        body = loader.get_template(f"errors/{status}.html").render(context)
    response = HttpResponse(body, status=status, content_type="text/html; charset=utf-8")
    response["Content-Language"] = language
    if status == 503:
        response["Retry-After"] = RETRY_AFTER
        response["Cache-Control"] = "no-store"
    return response


def _titles():
    return {
        403: gettext("Access denied"),
        404: gettext("Page not found"),
        410: gettext("Page removed"),
        500: gettext("Something went wrong"),
        503: gettext("Service temporarily unavailable"),
    }


def _messages():
    return {
        403: gettext(
            "You do not have permission to open this page. If your work needs it, ask "
            "your agency's administrator or the platform's support team."
        ),
        404: gettext(
            "There is no page at this address. Check the address or start from the home page."
        ),
        410: gettext("This page has been removed permanently and is no longer available."),
        500: gettext(
            "An error occurred on our side. It has been recorded; please try again later."
        ),
        503: gettext(
            "The site is under maintenance or overloaded. Please try again in a few minutes."
        ),
    }


def permission_denied(request, exception=None):
    """handler403: the admin's refusals (workflow screens without the workflow
    permissions, another agency's objects) and the site's, with the platform's look."""
    return render_error(request, 403)


def page_not_found(request, exception=None):
    """handler404."""
    return render_error(request, 404)


def gone(request, exception=None):
    """A 410 page, for content removed on purpose."""
    return render_error(request, 410)


def server_error(request):
    """handler500: a database failure answers the 503 page instead."""
    error = sys.exc_info()[1]
    if isinstance(error, DATABASE_ERRORS):
        return render_error(request, 503)
    return render_error(request, 500)


def service_unavailable(request):
    return render_error(request, 503)
