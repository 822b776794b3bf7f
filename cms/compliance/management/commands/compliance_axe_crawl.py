"""`manage.py compliance_axe_crawl --base-url URL [--agency SLUG] [--limit N]`: open
each agency's live pages in headless Chromium against a running site and store the
axe-core result; the next `compliance_check` counts the pages with violations.
Says clearly, and stops, when Chromium or the Python packages are missing."""

from django.core.management.base import BaseCommand, CommandError

from cms.compliance.crawl import (
    CHROMIUM_ARGS,
    CrawlUnavailable,
    chromium_path,
    crawl_agency,
    load_tools,
)
from cms.compliance.snapshots import agencies_to_check


class Command(BaseCommand):
    help = "Run axe-core in Chromium over each agency's live pages (a running site is needed)."

    def add_arguments(self, parser):
        parser.add_argument("--base-url", required=True,
                            help="where the site answers, e.g. http://127.0.0.1:8000")
        parser.add_argument("--agency", metavar="SLUG", help="crawl only this agency")
        parser.add_argument("--limit", type=int, default=20,
                            help="pages per agency and language (nearest the home page first)")
        parser.add_argument("--chromium", help="path of the Chromium binary")

    def handle(self, *args, **options):
        try:
            executable = chromium_path(options["chromium"])
            sync_playwright, Axe = load_tools()
        except CrawlUnavailable as error:
            raise CommandError(str(error)) from error
        agencies = list(agencies_to_check(options["agency"]))
        if options["agency"] and not agencies:
            raise CommandError(f"No active agency with the slug {options['agency']!r}.")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
            try:
                for agency in agencies:
                    result = crawl_agency(agency, options["base_url"], browser, Axe(),
                                          limit=max(1, options["limit"]))
                    self.stdout.write(
                        f"{agency.slug}: {result.pages} pages checked, "
                        f"{len(result.failures)} with violations"
                    )
            finally:
                browser.close()
