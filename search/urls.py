"""Routes of the public search, included inside i18n_patterns before Wagtail's pages."""

from django.urls import path

from . import views

urlpatterns = [
    path("search/", views.search_page, name="search"),
    path("search/suggest/", views.suggest, name="search-suggest"),
    path("<slug:agency_slug>/search/", views.search_page, name="agency-search"),
]
