"""The feedback page of a public page: `/<lang>/feedback/<page id>/`.

- GET: the form (answer, message), with a fresh token; `?useful=yes|no` preselects
  the answer, `?sent=...` is the thank-you after a post.
- POST: from the block at the foot of a (cached) page or from this form. Stored
  only with a valid, unused token and an empty honeypot; a post without a token is
  shown the form again with the answer kept, to confirm. 429 when the address has
  sent too much about the page; 400 with a message for bad input; never a 500.
- GET `token/`: a fresh token as JSON, for the block's optional script.

Nothing here is stored by the page cache (no `pagecache.allow`), and every answer
says `no-cache`. CSRF: the pages that carry the block are shared by every visitor
and cannot hold a CSRF token; this form changes nothing but adds a row that the
single-use token already guards, so Django's CSRF check is off for it.
"""

import logging

from django.conf import settings
from django.core import signing
from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods
from wagtail.models import Page

from cms.core.client_ip import client_ip
from cms.pages.privacy import public
from cms.tenants.scoping import agency_for_page

from . import rendering
from .forms import (
    HONEYPOT_FIELD,
    NO,
    TOKEN_FIELD,
    YES,
    FeedbackForm,
    new_token,
    over_rate_limit,
    rate_limited_message,
    use_token,
)
from .models import Feedback

logger = logging.getLogger(__name__)

TEMPLATE = "feedback/feedback.html"
SENT_SALT = "feedback.sent"
SENT_MAX_AGE = 60 * 60


def feedback_target(page_id: int):
    """(page, agency) of a live, public page of an agency's site, else 404."""
    page = public(Page.objects.live()).filter(pk=page_id).first()
    agency = agency_for_page(page) if page is not None else None
    if page is None or agency is None:
        raise Http404
    return page.specific, agency


def _render(request, page, agency, form, *, status=200, errors=(), confirm=False, sent=False):
    context = rendering.page_context(request, page, agency, form, errors=errors)
    context.update(confirm=confirm, sent=sent)
    response = TemplateResponse(request, TEMPLATE, context, status=status)
    add_never_cache_headers(response)
    return response


def _sent_url(request, page_id: int, stored: bool) -> str:
    return f"{request.path}?sent={signing.dumps({'p': page_id, 's': stored}, salt=SENT_SALT)}"


def _see_other(location: str):
    """303: the browser GETs the thank-you (POST/redirect/GET)."""
    response = HttpResponseRedirect(location)
    response.status_code = 303
    return response


def _is_sent(token: str, page_id: int) -> bool:
    try:
        value = signing.loads(token, salt=SENT_SALT, max_age=SENT_MAX_AGE)
    except signing.BadSignature:
        return False
    return isinstance(value, dict) and value.get("p") == page_id


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def feedback(request, page_id: int):
    page, agency = feedback_target(page_id)
    if request.method != "POST":
        if _is_sent(request.GET.get("sent", ""), page.pk):
            return _render(request, page, agency, None, sent=True)
        useful = request.GET.get("useful")
        initial = {"useful": useful} if useful in (YES, NO) else {}
        return _render(request, page, agency, FeedbackForm(initial=initial, page_id=page.pk))

    form = FeedbackForm(request.POST, page_id=page.pk)
    if over_rate_limit(page.pk, client_ip(request)):
        logger.info("Feedback rate limit reached on page %s", page.pk)
        form.is_valid()  # the answers are kept, their errors are not shown
        response = _render(
            request,
            page,
            agency,
            FeedbackForm(initial=form.cleaned_data, page_id=page.pk),
            status=429,
            errors=[rate_limited_message()],
        )
        response["Retry-After"] = str(settings.FEEDBACK_RATE_LIMIT_WINDOW)
        return response
    if request.POST.get(HONEYPOT_FIELD):
        logger.info("Honeypot filled in the feedback of page %s; dropped", page.pk)
        return _see_other(_sent_url(request, page.pk, False))
    if not form.is_valid():
        return _render(request, page, agency, form, status=400)
    value = form.token_value()
    if value is None:
        if not request.POST.get(TOKEN_FIELD):
            # From the block of a cached page without JavaScript: confirm here.
            return _render(request, page, agency, _unbound(form, page), confirm=True)
        return _render(
            request,
            page,
            agency,
            _unbound(form, page),
            status=400,
            errors=[_("The form has expired. Please check your answer and send it again.")],
        )
    if not use_token(value):
        return _render(
            request,
            page,
            agency,
            _unbound(form, page),
            status=400,
            errors=[_("This answer has already been sent. Thank you!")],
        )
    useful = form.cleaned_data.get("useful")
    Feedback.objects.create(
        agency=agency,
        page=page,
        language=get_language(),
        useful=None if not useful else useful == YES,
        message=form.cleaned_data.get("message", ""),
    )
    return _see_other(_sent_url(request, page.pk, True))


def _unbound(form, page):
    """The form again with the visitor's answers, without errors."""
    return FeedbackForm(initial=form.cleaned_data, page_id=page.pk)


@require_GET
def token(request, page_id: int):
    """A fresh token for the block's script (no query: the page is checked on post)."""
    response = JsonResponse({"token": new_token(page_id)})
    add_never_cache_headers(response)
    return response
