"""Scoping of the Wagtail reports that have no hook of their own.

The page types usage report names the last edited page of every page type across
the whole tree. Wagtail offers no hook for that report, so its
`decorate_paginated_queryset` is wrapped here to drop a page the user may not see.
"""

from functools import wraps

from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportView

from .querysets import page_is_visible


def _scoped_decorate(original):
    @wraps(original)
    def decorate_paginated_queryset(self, page_types):
        page_types = original(self, page_types)
        user = self.request.user
        for item in page_types:
            page = getattr(item, "last_edited_page", None)
            if page is not None and not page_is_visible(page, user):
                item.last_edited_page = None
                item.last_edited_page_id = None
        return page_types

    decorate_paginated_queryset._agency_scoped = True
    return decorate_paginated_queryset


def install() -> None:
    current = PageTypesUsageReportView.decorate_paginated_queryset
    if not getattr(current, "_agency_scoped", False):
        PageTypesUsageReportView.decorate_paginated_queryset = _scoped_decorate(current)
