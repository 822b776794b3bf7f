"""The top floor of the platform: what spans the other apps.

Provisioning and reorganisation of agencies (`provisioning`), the standard sections
every agency gets (`sections`), the portal's own pages (`portal`), the agency admin
for platform admins (`admin`) and the commands that set the platform up
(`setup_platform`, `create_agency`, `archive_agency`). It may import every app below
it; nothing below imports it (see the import-linter contract in pyproject.toml).
"""

from django.apps import AppConfig


class PlatformConfig(AppConfig):
    name = "cms.platform"
    label = "platform"
    verbose_name = "Platform"
