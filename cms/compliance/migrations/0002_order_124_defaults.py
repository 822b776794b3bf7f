"""The rules of Order 124-НҚ of 31 March 2025, as shipped defaults (for every agency
category; platform admins add per-category rows in the admin):

- news: the newest item at most 1 working day old;
- every other section: a started change published within 3 working days;
- required sections: news, documents, about, leadership, contacts, services, appeals;
- required content: contacts with phone and address, reception schedule, feedback
  form or appeals link, links to e-services, legal acts with number, date,
  signatory, text and file.

The section list is written out here (a migration must not change when the code's
table of standard sections does).
"""

from django.db import migrations

REQUIRED_SECTIONS = ("news", "documents", "about", "leadership", "contacts", "services", "appeals")
OPTIONAL_SECTIONS = ("vacancies", "events", "faq", "media")
CONTENT_CODES = ("contacts", "reception", "feedback", "e_services", "legal_acts")


def add_defaults(apps, schema_editor):
    SectionRule = apps.get_model("compliance", "SectionRule")
    ContentRule = apps.get_model("compliance", "ContentRule")
    ScorecardSetting = apps.get_model("compliance", "ScorecardSetting")
    SectionRule.objects.get_or_create(
        section="news",
        category="",
        defaults={"required": True, "kind": "newest_item", "working_days": 1},
    )
    for slug in REQUIRED_SECTIONS + OPTIONAL_SECTIONS + ("*",):
        if slug == "news":
            continue
        SectionRule.objects.get_or_create(
            section=slug,
            category="",
            defaults={
                "required": slug in REQUIRED_SECTIONS,
                "kind": "pending_change",
                "working_days": 3,
            },
        )
    for code in CONTENT_CODES:
        ContentRule.objects.get_or_create(code=code, category="", defaults={"enabled": True})
    ScorecardSetting.objects.get_or_create(pk=1, defaults={"public": True})


def remove_defaults(apps, schema_editor):
    apps.get_model("compliance", "SectionRule").objects.filter(category="").delete()
    apps.get_model("compliance", "ContentRule").objects.filter(category="").delete()


class Migration(migrations.Migration):
    dependencies = [("compliance", "0001_rules_and_snapshots")]

    operations = [migrations.RunPython(add_defaults, remove_defaults)]
