"""Retire every page stored by the page cache (cms.core.pagecache), e.g. after a
deploy that did not set PAGE_CACHE_VERSION and changed only Python code."""

from django.core.management.base import BaseCommand

from cms.core import pagecache


class Command(BaseCommand):
    help = "Retire every page stored by the anonymous page cache (and tell the purge hook)."

    def handle(self, *args, **options):
        pagecache.clear()
        self.stdout.write("Page cache cleared.")
