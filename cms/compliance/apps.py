"""Compliance with the rules of the unified platform (Order 124-НҚ of 31 March 2025).

The content-control unit's tools, on the platform floor beside `cms.platform`:

- the rules as data (`models`: section rules, content rules, Order 124-НҚ defaults
  shipped by a data migration), editable by platform admins in the admin;
- the checks (`checks`), per agency and language, over the live site: freshness with
  due dates in Kazakhstan's working days (`calendar`), click depth, broken internal
  links, accessibility, translation, moderation, required sections and content;
- a daily snapshot per agency (`snapshots`), written by `manage.py compliance_check`
  and by a task on the django-tasks worker (`tasks`);
- the dashboard for platform admins and each agency's own card (`admin`), exports,
  the weekly digest (`digest`), and the public scorecard `/<lang>/transparency/`
  (`public`).

It may import the content apps, pages, tenants and core; nothing imports it.
"""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ComplianceConfig(AppConfig):
    name = "cms.compliance"
    label = "compliance"
    verbose_name = _("Compliance")

    def ready(self):
        from . import signals  # noqa: F401
