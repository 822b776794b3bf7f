"""Citizen appeals and feedback forms."""

from django.apps import AppConfig


class AppealsConfig(AppConfig):
    name = "cms.appeals"
    label = "appeals"
