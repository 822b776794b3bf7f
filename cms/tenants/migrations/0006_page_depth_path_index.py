"""An index on wagtailcore_page (depth, path) (issue 14: flat in the number of agencies).

Treebeard finds a page's children by depth and a path range (`depth = 3 AND path
BETWEEN '00010001' AND '00010001ZZZZ'`) and the root by depth; with only the unique
index on path, the range covers every page below the parent, so listing the portal's
children (the agencies, in the explorer and the page chooser) and finding the root
read the whole page table: 17 ms of the editor's page chooser with 1,000 agencies,
nothing with 10. With (depth, path) both are index ranges of the rows they return.

Wagtail's own table, so plain SQL that SQLite and PostgreSQL both accept.
"""

from django.db import migrations

INDEX = "wagtailcore_page_depth_path_idx"


class Migration(migrations.Migration):
    dependencies = [
        ("tenants", "0005_agency_path_and_host_redirects"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunSQL(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailcore_page (depth, path)",
            f"DROP INDEX IF EXISTS {INDEX}",
            elidable=False,
        ),
    ]
