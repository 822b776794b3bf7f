"""Existing agencies: editors lose the publish permission on pages.

New and repaired agencies get this from `cms.platform.provisioning.grant_permissions`;
this migration does the same once for databases provisioned before the editorial
workflow, so that every page an editor writes goes through the moderators.
"""

from django.db import migrations


def remove_editor_publish(apps, schema_editor):
    Agency = apps.get_model("tenants", "Agency")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    editor_groups = Agency.objects.exclude(editors_group=None).values("editors_group_id")
    GroupPagePermission.objects.filter(
        group_id__in=editor_groups,
        permission__content_type__app_label="wagtailcore",
        permission__codename="publish_page",
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("tenants", "0002_agency_header_layout"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(remove_editor_publish, migrations.RunPython.noop)]
