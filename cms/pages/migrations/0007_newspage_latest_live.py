"""News items keep copies of Wagtail's `live` and `first_published_at` in their own
table, under a partial index, so that the portal's latest news of every agency are
one index walk (cms.pages.models.news.NewsPage, issue 14). Existing items get their
copies from wagtailcore_page."""

from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def copy_from_pages(apps, schema_editor):
    NewsPage = apps.get_model("pages", "NewsPage")
    Page = apps.get_model("wagtailcore", "Page")
    page = Page.objects.filter(pk=OuterRef("pk"))
    NewsPage.objects.update(
        live_copy=Subquery(page.values("live")[:1]),
        first_published_at_copy=Subquery(page.values("first_published_at")[:1]),
    )


class Migration(migrations.Migration):

    dependencies = [
        ("pages", "0006_portal_top_tasks"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AddField(
            model_name="newspage",
            name="first_published_at_copy",
            field=models.DateTimeField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name="newspage",
            name="live_copy",
            field=models.BooleanField(default=False, editable=False),
        ),
        migrations.RunPython(copy_from_pages, migrations.RunPython.noop, elidable=True),
        migrations.AddIndex(
            model_name="newspage",
            index=models.Index(
                condition=models.Q(("live_copy", True)),
                fields=["date", "first_published_at_copy", "page_ptr"],
                name="newspage_latest_live",
            ),
        ),
    ]
