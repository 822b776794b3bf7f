"""Freshness: each top-level section by its rule (models.SectionRule).

- "newest item" (news): the newest live item of the section filled in the language
  (kk, ru) was first published at most N working days ago; the section falls due N
  working days after it. A section without any item falls due N working days after
  the section itself was published.
- "pending change" (every other section): a change started in the section (a page
  with unpublished changes, or a new page never published) must go live within N
  working days of its first unpublished revision.

Working days are Kazakhstan's (calendar.py). A section is stale when `today` is past
its due date.
"""

from collections import defaultdict

from wagtail.models import Revision

from cms.core.languages import REQUIRED, has_content

from ..calendar import add_working_days
from ..models import SectionRule
from .result import FRESHNESS, CheckResult, item, percent
from .site import AgencySite, local_date


def _draft_since(site: AgencySite, pages) -> dict[int, object]:
    """{page id: date of its first revision after the last publication}."""
    pages = list(pages)
    if not pages:
        return {}
    published = {page.pk: page.last_published_at for page in pages}
    since: dict[int, object] = {}
    revisions = (
        Revision.objects.filter(
            base_content_type=site.page_ct, object_id__in=[str(pk) for pk in published]
        )
        .order_by("created_at")
        .values_list("object_id", "created_at")
    )
    for object_id, created_at in revisions:
        page_id = int(object_id)
        last = published[page_id]
        if page_id not in since and (last is None or created_at > last):
            since[page_id] = local_date(created_at)
    return since


def check_freshness(site: AgencySite) -> CheckResult:
    today = site.today
    items, due_dates = [], []
    total = good = 0
    per_lang_total: dict[str, int] = defaultdict(int)
    per_lang_good: dict[str, int] = defaultdict(int)
    pending = [p for p in site.pages if p.has_unpublished_changes] + site.drafts
    draft_since = _draft_since(site, pending)
    for section in site.sections:
        rule = site.rules.for_section(section.slug)
        if rule.kind == SectionRule.Kind.NEWEST_ITEM:
            below = site.descendants(section)
            for lang in REQUIRED:
                dates = [
                    p.first_published_at
                    for p in below
                    if p.first_published_at and has_content(getattr(p, f"title_{lang}", ""))
                ]
                newest = local_date(max(dates)) if dates else None
                start = newest or local_date(section.first_published_at) or today
                due = add_working_days(start, rule.working_days)
                stale = today > due
                total += 1
                per_lang_total[lang] += 1
                if stale:
                    items.append(
                        item(FRESHNESS, "stale", lang=lang, page=section.pk, due=due, newest=newest)
                    )
                else:
                    good += 1
                    per_lang_good[lang] += 1
                due_dates.append(
                    {"page": section.pk, "lang": lang, "due": due.isoformat(), "stale": stale,
                     "newest": newest.isoformat() if newest else None, "kind": rule.kind}
                )
            continue
        # A started change in the section or below it.
        prefix = section.path
        changes = [
            (draft_since[p.pk], p)
            for p in pending
            if p.path.startswith(prefix) and p.pk in draft_since
        ]
        overdue = []
        first_due = None
        for since, page in sorted(changes, key=lambda pair: pair[0]):
            due = add_working_days(since, rule.working_days)
            first_due = first_due or due
            if today > due:
                overdue.append(page.pk)
                items.append(
                    item(FRESHNESS, "unpublished_change", page=page.pk, due=due, since=since,
                         section=section.pk)
                )
        total += 1
        good += 0 if overdue else 1
        due_dates.append(
            {"page": section.pk, "lang": "", "due": first_due.isoformat() if first_due else None,
             "stale": bool(overdue), "newest": None, "kind": rule.kind}
        )
    return CheckResult(
        score=percent(good, total),
        items=items,
        by_language={lang: percent(per_lang_good[lang], per_lang_total[lang]) for lang in REQUIRED},
        due_dates=due_dates,
    )
