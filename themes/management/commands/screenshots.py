"""Screenshots of the theme in every language at desktop and mobile width.

It starts nothing itself: run a server first (e.g. `manage.py runserver 127.0.0.1:8000`)
and point --base-url at it. Uses Debian's Chromium through Playwright.
"""

from pathlib import Path
from urllib.parse import urljoin

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
VI = "text:large|contrast:dark|spacing:wide"
VIEWPORTS = {"desktop": (1280, 900), "mobile": (375, 812)}
OUTPUT = Path(__file__).resolve().parent.parent.parent / "screenshots"


class Command(BaseCommand):
    help = (
        "Write PNGs of the portal home, an agency home, a section, a news page and the news "
        "archive in every language (and kk-latn, Kazakh in the Latin script) at desktop "
        "(1280x900) and mobile (375x812) into themes/screenshots/, "
        "plus the agency home in the visually-impaired version and the component catalogue "
        "(when the server runs with DEBUG)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--base-url", default="http://127.0.0.1:8000")
        parser.add_argument("--agency", help="Agency slug (default: the first on the portal).")
        parser.add_argument("--section", default="about", help="Section slug (default: about).")
        parser.add_argument("--output", default=str(OUTPUT), help="Directory for the PNGs.")
        parser.add_argument(
            "--full-page", action="store_true", help="Capture the whole page, not the viewport."
        )

    def handle(self, *args, **options):
        from playwright.sync_api import Error as PlaywrightError
        from playwright.sync_api import sync_playwright

        base = options["base_url"].rstrip("/") + "/"
        self.full_page = options["full_page"]
        output = Path(options["output"])
        output.mkdir(parents=True, exist_ok=True)
        # The languages, and Kazakh in the Latin script (/kk-latn/, cms.core.script).
        languages = [code for code, _name in settings.LANGUAGES] + [
            row[0] for row in getattr(settings, "SCRIPT_VARIANTS", ())
        ]
        written = 0
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                try:
                    for viewport, (width, height) in VIEWPORTS.items():
                        context = browser.new_context(
                            viewport={"width": width, "height": height},
                            reduced_motion="reduce",
                        )
                        page = context.new_page()
                        for lang in languages:
                            urls = dict(self._urls(page, base, lang, options))
                            for name, url in urls.items():
                                self._shoot(page, url, output / f"{name}-{lang}-{viewport}.png")
                                written += 1
                            if "agency-home" in urls:
                                # The visually-impaired version: large text, white on
                                # black, wide spacing (the combination the tests check).
                                context.add_cookies([{"name": "vi", "value": VI, "url": base}])
                                path = output / f"agency-home-vi-{lang}-{viewport}.png"
                                self._shoot(page, urls["agency-home"], path)
                                written += 1
                                context.clear_cookies()
                            catalogue = urljoin(base, f"{lang}/catalogue/")
                            response = page.goto(catalogue)
                            if response is not None and response.status == 200:
                                self._shoot(
                                    page, catalogue, output / f"catalogue-{lang}-{viewport}.png"
                                )
                                written += 1
                            else:
                                self.stderr.write(
                                    f"{catalogue} is for staff or DEBUG only: not captured."
                                )
                        context.close()
                finally:
                    browser.close()
        except PlaywrightError as error:
            raise CommandError(f"Chromium failed: {error}") from error
        self.stdout.write(self.style.SUCCESS(f"{written} screenshots in {output}"))

    def _shoot(self, page, url, path):
        response = page.goto(url, wait_until="networkidle")
        if response is None or response.status != 200:
            status = response.status if response else "no response"
            raise CommandError(f"{url} answered {status}")
        page.screenshot(path=str(path), full_page=self.full_page)
        self.stdout.write(f"{path.name}  ← {url}")

    def _urls(self, page, base, lang, options):
        """(name, url) pairs for one language; the agency and news item are found by
        following links, so nothing is read from the database."""
        portal = urljoin(base, f"{lang}/")
        yield "portal-home", portal
        agency = options["agency"]
        if agency:
            agency_url = urljoin(portal, f"{agency}/")
        else:
            page.goto(portal)
            first = page.locator(".directory-item__link").first
            if first.count() == 0:
                self.stderr.write(f"No agency listed on {portal}: only the portal is captured.")
                return
            agency_url = urljoin(portal, first.get_attribute("href"))
        yield "agency-home", agency_url
        yield "section", urljoin(agency_url, f"{options['section']}/")
        page.goto(agency_url)
        # The latest news item (components/news_card); the key services below it are
        # components/card_list cards, which a plain ".card__link" would pick.
        news = page.locator(".two-col__main .news-card__link").first
        if news.count() == 0:
            self.stderr.write(f"No news on {agency_url}: the news pages are not captured.")
            return
        news_url = urljoin(agency_url, news.get_attribute("href"))
        yield "news", news_url
        # The news archive (filter_form, news_card, pagination): the item's parent.
        yield "news-index", urljoin(news_url, "..")
