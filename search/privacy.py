"""Which pages a view restriction hides from the public, at query time.

Indexing leaves private pages out (`search.documents.indexable_pages` takes only
`Page.objects.public()`), and adding or removing a restriction requeues the subtree
below it (`search.indexing`). Between that change and the moment every engine has
been drained (the next drain after an engine outage, say) an engine may still hold
documents of a page that is private now: every search therefore also excludes the
pages under a restriction as they are now (`SearchQuery.exclude_pages`).

Restrictions of any kind count (login, password, groups): the public search is
anonymous. The ids are read from the chrome cache (cms.core.chrome) under the private
sections' version (cms.pages.privacy: replaced by any restriction saved or deleted and
by any page move), so a search asks the database nothing about them.
"""

from __future__ import annotations

from django.db.models import Q
from wagtail.models import Page, PageViewRestriction

from cms.core import chrome
from cms.pages.privacy import SCOPE as PRIVACY_SCOPE


def restricted_paths() -> list[str]:
    """Tree paths of the restricted pages, without those inside another one."""
    paths = sorted(set(PageViewRestriction.objects.values_list("page__path", flat=True)))
    kept: list[str] = []
    for path in paths:
        if not kept or not path.startswith(kept[-1]):
            kept.append(path)
    return kept


def private_page_ids() -> frozenset[int]:
    """Ids of every page under a view restriction (its own or an ancestor's)."""
    return chrome.cached(("search-private-ids",), (PRIVACY_SCOPE,), _private_page_ids)


def _private_page_ids() -> frozenset[int]:
    paths = restricted_paths()
    if not paths:
        return frozenset()
    condition = Q()
    for path in paths:
        condition |= Q(path__startswith=path)
    return frozenset(Page.objects.filter(condition).values_list("pk", flat=True))
