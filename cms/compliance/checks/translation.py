"""Translation: pages missing a required language (kk, ru; by the one rule of
cms.core.languages, as the editorial report "Pages missing a language"), and pages
whose text in one required language changed after the other was last updated.

When did a language change? Each revision of a page holds all its translated fields
("title_kk", "body_ru"...): a language changed in a revision when one of its fields
differs from the previous revision. Language A is behind B when B's last change came
after A's last change, and that change of B was an edit (B had text before it):
adding a translation later does not make the original "behind". Only the revisions
up to the live one count (drafts are not published yet), and only those of the last
year (REVISIONS_SINCE_DAYS), which bounds the work on pages with long histories.
"""

import datetime
from collections import defaultdict
from itertools import groupby

from modeltranslation.translator import NotRegistered, translator
from wagtail.models import Revision

from cms.core.languages import REQUIRED, has_content
from cms.editorial.languages import language_status

from .result import TRANSLATION, CheckResult, item, percent
from .site import AgencySite, local_date

REVISIONS_SINCE_DAYS = 365
NOT_TEXT = {"slug", "url_path"}


def _translated_fields(model) -> tuple[str, ...]:
    try:
        options = translator.get_options_for_model(model)
    except NotRegistered:
        return ("title",)
    return tuple(sorted(name for name in options.all_fields if name not in NOT_TEXT))


def last_changes(revisions, fields) -> dict[str, tuple[datetime.datetime, bool]]:
    """{language: (when it last changed, whether that change was an edit of existing
    text)} from a page's revisions' (created_at, content), oldest first."""
    changes: dict[str, tuple[datetime.datetime, bool]] = {}
    previous: dict | None = None
    for created_at, content in revisions:
        for lang in REQUIRED:
            keys = [f"{name}_{lang}" for name in fields]
            now = [content.get(key) for key in keys]
            if previous is None:
                if any(has_content(value) for value in now):
                    changes[lang] = (created_at, False)
                continue
            before = [previous.get(key) for key in keys]
            if now != before:
                had_text = any(has_content(value) for value in before)
                changes[lang] = (created_at, had_text)
        previous = content
    return changes


def check_translation(site: AgencySite) -> CheckResult:
    items = []
    failing: set[int] = set()
    missing_by_lang: dict[str, int] = defaultdict(int)
    status = language_status(site.pages)
    for page in site.pages:
        for lang in REQUIRED:
            if not status.get(page.pk, {}).get(lang, True):
                failing.add(page.pk)
                missing_by_lang[lang] += 1
                items.append(item(TRANSLATION, "missing", lang=lang, page=page.pk))
    since = site.today - datetime.timedelta(days=REVISIONS_SINCE_DAYS)
    live_revision = {page.pk: page.live_revision_id for page in site.pages}
    revisions = (
        Revision.objects.filter(
            base_content_type=site.page_ct,
            object_id__in=[str(pk) for pk in site.by_id],
            created_at__date__gte=since,
        )
        .order_by("object_id", "created_at", "pk")
        .values_list("object_id", "pk", "created_at", "content")
    )
    for object_id, rows in groupby(revisions.iterator(chunk_size=200), key=lambda r: r[0]):
        page = site.by_id[int(object_id)]
        live_id = live_revision[page.pk]
        history = [(created, content) for _o, pk, created, content in rows
                   if live_id is None or pk <= live_id]
        changes = last_changes(history, _translated_fields(page.specific_class or type(page)))
        for behind in REQUIRED:
            for ahead in REQUIRED:
                if behind == ahead or behind not in changes or ahead not in changes:
                    continue
                ahead_at, was_edit = changes[ahead]
                if was_edit and ahead_at > changes[behind][0] and (
                    local_date(ahead_at) > local_date(changes[behind][0])
                ):
                    failing.add(page.pk)
                    items.append(
                        item(TRANSLATION, "behind", lang=behind, page=page.pk, ahead=ahead,
                             since=local_date(ahead_at))
                    )
    total = len(site.pages)
    return CheckResult(
        score=percent(total - len(failing), total),
        items=items,
        by_language={lang: percent(total - missing_by_lang[lang], total) for lang in REQUIRED},
    )
