"""Feed routes, included inside i18n_patterns before Wagtail's pages."""

from django.urls import path

from .feeds import AgencyNewsAtomFeed, AgencyNewsFeed

urlpatterns = [
    path("news/feed/", AgencyNewsFeed(), name="host-news-feed"),
    path("news/atom/", AgencyNewsAtomFeed(), name="host-news-atom"),
    path("<slug:agency_slug>/news/feed/", AgencyNewsFeed(), name="agency-news-feed"),
    path("<slug:agency_slug>/news/atom/", AgencyNewsAtomFeed(), name="agency-news-atom"),
]
