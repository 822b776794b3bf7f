"""Accessibility: the publish-time checks of cms.pages.accessibility (alternative
texts, heading order, vague link texts, table headers, video titles) over every live
page of the agency, plus the pages that failed axe-core in the last Chromium crawl
(`manage.py compliance_axe_crawl`), where one ran."""

from collections import defaultdict

from cms.core.languages import LANGUAGE_CODES
from cms.pages.accessibility import check_page

from ..models import AxeCrawl
from .result import ACCESSIBILITY, CheckResult, item, percent
from .site import AgencySite


def check_accessibility(site: AgencySite) -> CheckResult:
    items, failing = [], set()
    failing_by_lang: dict[str, set[int]] = defaultdict(set)
    for page in site.specific_pages:
        problems = check_page(page)
        by_lang: dict[str, list[str]] = defaultdict(list)
        for problem in problems:
            by_lang[problem.language].append(problem.code)
        for lang, codes in sorted(by_lang.items()):
            failing.add(page.pk)
            failing_by_lang[lang].add(page.pk)
            items.append(
                item(ACCESSIBILITY, "content", lang=lang, page=page.pk, count=len(codes),
                     codes=sorted(set(codes)))
            )
    crawl = AxeCrawl.objects.filter(agency=site.agency).first()
    if crawl is not None:
        for failure in crawl.failures:
            page_id = failure.get("page")
            if page_id not in site.by_id:
                continue  # gone since the crawl
            failing.add(page_id)
            failing_by_lang[failure.get("lang", "")].add(page_id)
            items.append(
                item(ACCESSIBILITY, "axe", lang=failure.get("lang", ""), page=page_id,
                     rules=failure.get("violations", []), crawled=crawl.ran_at.date())
            )
    total = len(site.pages)
    return CheckResult(
        score=percent(total - len(failing), total),
        items=items,
        by_language={
            lang: percent(total - len(failing_by_lang[lang]), total) for lang in LANGUAGE_CODES
        },
    )
