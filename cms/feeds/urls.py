"""Feed and sitemap routes, included inside i18n_patterns before Wagtail's pages.

Every one of them is stored by the page cache (cms.core.pagecache)."""

from django.urls import path

from cms.core.pagecache import cacheable

from . import views
from .feeds import AgencyNewsAtomFeed, AgencyNewsFeed

urlpatterns = [
    path("sitemap.xml", views.host_sitemap, name="host-sitemap"),
    path("<slug:agency_slug>/sitemap.xml", views.agency_sitemap, name="agency-sitemap"),
    path("news/feed/", cacheable()(AgencyNewsFeed()), name="host-news-feed"),
    path("news/atom/", cacheable()(AgencyNewsAtomFeed()), name="host-news-atom"),
    path("<slug:agency_slug>/news/feed/", cacheable()(AgencyNewsFeed()), name="agency-news-feed"),
    path(
        "<slug:agency_slug>/news/atom/", cacheable()(AgencyNewsAtomFeed()), name="agency-news-atom"
    ),
]
