"""The weekly digest: each agency's moderators get, by e-mail and in their own admin
language, the agency's latest scores and the items to fix, with a link to the
agency's compliance page. One message per moderator (no one sees the others'
addresses). Sent on Mondays by the daily task, or by `manage.py compliance_digest`.
E-mail goes through Django's configured backend (the console in development)."""

import datetime

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.users.models import UserProfile

from cms.core.languages import LANGUAGE_CODES

from .models import Snapshot
from .presenters import describe, score_cells, status
from .snapshots import agencies_to_check

MAX_ITEMS = 20


def _language(user) -> str:
    profile = UserProfile.objects.filter(user=user).first()
    language = (profile.preferred_language if profile else "") or settings.LANGUAGE_CODE
    return language if language in LANGUAGE_CODES else settings.LANGUAGE_CODE


def render_digest(snapshot: Snapshot, language: str) -> tuple[str, str]:
    """(subject, body) of an agency's digest in `language`."""
    with translation.override(language):
        agency = snapshot.agency
        url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
            "compliance_agency", args=(agency.slug,)
        )
        subject = _("Weekly compliance digest: %(agency)s") % {"agency": agency}
        body = render_to_string(
            "compliance/email/digest.txt",
            {
                "agency": agency,
                "snapshot": snapshot,
                "overall": status(snapshot.overall),
                "cells": score_cells(snapshot),
                "items": [describe(entry) for entry in snapshot.items[:MAX_ITEMS]],
                "more": max(0, len(snapshot.items) - MAX_ITEMS),
                "url": url,
            },
        )
    return subject, body


def send_digests(today: datetime.date | None = None, agency_slug: str | None = None) -> list:
    """Send every agency's digest; [(agency slug, username, language)] of those sent."""
    today = today or timezone.localdate()
    sent = []
    for agency in agencies_to_check(agency_slug):
        snapshot = (
            Snapshot.objects.filter(agency=agency, date__lte=today).order_by("-date").first()
        )
        if snapshot is None or agency.moderators_group_id is None:
            continue
        moderators = agency.moderators_group.user_set.filter(is_active=True).exclude(email="")
        for user in moderators.order_by("username"):
            language = _language(user)
            subject, body = render_digest(snapshot, language)
            EmailMessage(subject, body, to=[user.email]).send()
            sent.append((agency.slug, user.username, language))
    return sent
