"""Services, vacancies, events, FAQ and galleries."""

from django.apps import AppConfig


class ListingsConfig(AppConfig):
    name = "cms.listings"
    label = "listings"
