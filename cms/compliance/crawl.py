"""The axe-core crawl: each agency's live public pages opened in headless Chromium,
axe-core (WCAG 2.0/2.1/2.2 A and AA, the rules of the browser tests) run on each, and
the pages with violations stored as the agency's `AxeCrawl`, which the accessibility
check adds to its publish-time findings.

Chromium (Debian's package) and the Python packages playwright and
axe-playwright-python are needed; `compliance_axe_crawl` says so, and stops, when one
is missing. `crawl_agency` takes an open browser, so that a caller that already runs
one (the browser tests) can lend it.
"""

import shutil
from dataclasses import dataclass
from pathlib import Path

from django.utils import timezone
from wagtail.models import Page

from cms.core.languages import LANGUAGE_CODES
from cms.pages.privacy import public
from cms.tenants.models import Agency

from .models import AxeCrawl

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
INSTALL_HINT = (
    "Install Chromium with `apt-get update && apt-get install -y chromium` and the "
    "Python packages with `pip install playwright axe-playwright-python`."
)


class CrawlUnavailable(Exception):
    """What the crawl needs is not installed (the message says what and how)."""


@dataclass
class CrawlResult:
    agency: str
    pages: int
    failures: list


def chromium_path(path: str | None = None) -> str:
    candidate = path or CHROMIUM
    if Path(candidate).exists():
        return candidate
    found = None if path else shutil.which("chromium")
    if found:
        return found
    raise CrawlUnavailable(
        f"Chromium is not installed ({candidate} is missing): the axe crawl did not run, "
        f"and the accessibility check keeps the publish-time checks only. {INSTALL_HINT}"
    )


def load_tools():
    """(sync_playwright, Axe) or CrawlUnavailable."""
    try:
        from axe_playwright_python.sync_playwright import Axe
        from playwright.sync_api import sync_playwright
    except ImportError as error:
        raise CrawlUnavailable(f"{error.name} is not installed. {INSTALL_HINT}") from error
    return sync_playwright, Axe


def page_urls(agency: Agency, limit: int, languages=LANGUAGE_CODES) -> list[tuple[int, str, str]]:
    """(page id, language, path) of up to `limit` live public pages per language,
    nearest the home page first."""
    pages = public(
        Page.objects.live().filter(path__startswith=agency.home_page.path)
    ).order_by("depth", "path")[:limit]
    urls = []
    for page in pages:
        # url_path is /<portal>/<agency>/...: the portal answers under /<lang>/.
        tail = page.url_path.split("/", 2)[2]
        for lang in languages:
            urls.append((page.pk, lang, f"/{lang}/{tail}"))
    return urls


def crawl_agency(agency: Agency, base_url: str, browser, axe, *, limit: int = 20,
                 languages=LANGUAGE_CODES) -> CrawlResult:
    failures = []
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        tab = context.new_page()
        urls = page_urls(agency, limit, languages)
        for page_id, lang, path in urls:
            response = tab.goto(base_url.rstrip("/") + path, wait_until="load")
            if response is None or response.status >= 400:
                failures.append({"page": page_id, "lang": lang, "url": path,
                                 "violations": [f"http-{response.status if response else 0}"]})
                continue
            results = axe.run(tab, options={"runOnly": {"type": "tag", "values": AXE_TAGS},
                                            "resultTypes": ["violations"]})
            rules = sorted({v["id"] for v in results.response["violations"]})
            if rules:
                failures.append({"page": page_id, "lang": lang, "url": path, "violations": rules})
    finally:
        context.close()
    AxeCrawl.objects.update_or_create(
        agency=agency,
        defaults={"ran_at": timezone.now(), "pages_checked": len(urls), "failures": failures},
    )
    return CrawlResult(agency.slug, len(urls), failures)
