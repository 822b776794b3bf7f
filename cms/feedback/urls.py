"""Feedback routes, included inside i18n_patterns before Wagtail's pages ("feedback"
is a reserved slug: no agency can take it). Never stored by the page cache."""

from django.urls import path

from . import views

urlpatterns = [
    path("feedback/<int:page_id>/", views.feedback, name="page-feedback"),
    path("feedback/<int:page_id>/token/", views.token, name="page-feedback-token"),
]
