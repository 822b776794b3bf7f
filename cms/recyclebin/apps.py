"""The recycle bin of each agency: deleted pages and documents wait 30 days."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RecycleBinConfig(AppConfig):
    name = "cms.recyclebin"
    label = "recyclebin"
    verbose_name = _("Recycle bin")
    default_auto_field = "django.db.models.BigAutoField"
