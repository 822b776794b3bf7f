"""The date each language of a page last changed ("Last updated" on every page).

Wagtail knows when a page was last published, not which language changed: a page
published to fix a Russian typo would tell Kazakh readers that their text is new.
On every publish the handler hashes each language's translated fields and moves
that language's date only when its hash changed. Pages published before this app
existed have no record: they show their last publish date.

Reading costs no query on a warm cache: the value is cached under the page id and
its last publish time, so a new publish is a new key.
"""

import datetime
import hashlib
import json

from django.core.cache import cache
from modeltranslation.translator import NotRegistered, translator
from wagtail.signals import page_published

from cms.core.languages import LANGUAGE_CODES

from .models import LanguageUpdate

# Translated fields that are addresses or bookkeeping, not text a reader sees.
NOT_TEXT = {"slug", "url_path"}
CACHE_TIMEOUT = 24 * 60 * 60
_NONE = "-"


def translated_fields(model) -> list[str]:
    try:
        options = translator.get_options_for_model(model)
    except NotRegistered:
        return ["title"]
    return sorted(name for name in options.all_fields if name not in NOT_TEXT)


def language_digest(page, language: str) -> str:
    """A hash of the page's text in `language` (its translated fields)."""
    values = []
    for name in translated_fields(type(page)):
        field = type(page)._meta.get_field(f"{name}_{language}")
        values.append(_canonical(field.value_to_string(page)))
    return hashlib.sha256(json.dumps(values, default=str).encode()).hexdigest()


def _canonical(text):
    """A StreamField's JSON with its keys sorted: PostgreSQL's jsonb does not keep the
    order it was given, so the same text must not hash differently after a load."""
    if isinstance(text, str) and text[:1] in "[{":
        try:
            return json.dumps(json.loads(text), sort_keys=True)
        except ValueError:
            return text
    return text


def record(page, when: datetime.datetime) -> list[str]:
    """Move the date of each language whose text changed; the languages moved. Two
    queries for a page seen before (read, one update per changed language), two for
    a new one (read, one bulk insert): provisioning publishes a dozen pages at once."""
    known = {row.language: row for row in LanguageUpdate.objects.filter(page_id=page.pk)}
    moved, new = [], []
    for language in LANGUAGE_CODES:
        digest = language_digest(page, language)
        row = known.get(language)
        if row is None:
            new.append(
                LanguageUpdate(page_id=page.pk, language=language, digest=digest, updated=when)
            )
            moved.append(language)
        elif row.digest != digest:
            row.digest, row.updated = digest, when
            row.save(update_fields=["digest", "updated"])
            moved.append(language)
    if new:
        # A concurrent publish that recorded a language first keeps its row.
        LanguageUpdate.objects.bulk_create(new, ignore_conflicts=True)
    return moved


def _published(sender, instance, revision=None, **kwargs):
    when = instance.last_published_at or (revision.created_at if revision else None)
    if when is not None:
        record(instance, when)


def connect() -> None:
    page_published.connect(_published, dispatch_uid="feedback-language-updates")


def _key(page, language: str) -> str:
    published = page.last_published_at.timestamp() if page.last_published_at else 0
    return f"feedback:updated:{page.pk}:{published}:{language}"


def last_updated(page, language: str) -> datetime.datetime | None:
    """When the page's text in `language` last changed (its last publish when
    unknown; None for a page never published)."""
    if page.last_published_at is None:
        return None
    key = _key(page, language)
    found = cache.get(key)
    if found is None:
        found = (
            LanguageUpdate.objects.filter(page_id=page.pk, language=language)
            .values_list("updated", flat=True)
            .first()
        ) or _NONE
        cache.set(key, found, CACHE_TIMEOUT)
    if found == _NONE or found > page.last_published_at:
        return page.last_published_at
    return found
