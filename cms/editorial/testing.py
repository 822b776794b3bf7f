"""Helpers shared by the editorial tests (tests/test_editorial_*.py).

They drive the admin as a person would: the demo-style users `<slug>-editor` and
`<slug>-moderator`, the add/edit forms of a news item, the workflow action URLs.
"""

from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield
from wagtail.users.models import UserProfile

from cms.pages.models import NewsPage
from tests.factories import UserFactory


def admin_user(username, *, groups=(), language="en", **kwargs):
    user = UserFactory(username=username, groups=list(groups), **kwargs)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


def editor(agency, language="en"):
    return admin_user(f"{agency.slug}-editor", groups=[agency.editors_group], language=language)


def moderator(agency, language="en"):
    return admin_user(
        f"{agency.slug}-moderator", groups=[agency.moderators_group], language=language
    )


def platform_admin(language="en"):
    return admin_user("platform-root", language=language, is_superuser=True)


def news_section(agency):
    """The agency's news section, whatever its (specific) type."""
    return agency.home_page.get_children().get(slug="news").specific


def add_url(parent, model=NewsPage):
    return reverse(
        "wagtailadmin_pages:add",
        args=(model._meta.app_label, model._meta.model_name, parent.pk),
    )


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=(page.pk,))


def news_form(slug="budget-hearing", action="action-save-draft", **extra):
    data = {
        "title_kk": "Бюджет бойынша қоғамдық тыңдау",
        "title_ru": "Публичные слушания по бюджету",
        "title_en": "Public hearing on the budget",
        "slug": slug,
        "date": "2026-11-20",
        "intro_kk": "",
        "intro_ru": "",
        "intro_en": "",
        "body_kk": streamfield([("paragraph", rich_text("<p>Тыңдау желтоқсанда өтеді.</p>"))]),
        "body_ru": streamfield([("paragraph", rich_text("<p>Слушания пройдут в декабре.</p>"))]),
        "body_en": streamfield([("paragraph", rich_text("<p>The hearing is in December.</p>"))]),
        "comments": {"TOTAL_FORMS": 0, "INITIAL_FORMS": 0, "MIN_NUM_FORMS": 0,
                     "MAX_NUM_FORMS": 1000},
    }
    data.update(extra)
    form = nested_form_data(data)
    if action:
        form[action] = "1"
    return form


def edit_form(page, action="action-save-draft", **extra):
    """The edit form of a news item as it stands, with `extra` changes."""
    page = page.specific
    data = {
        "title_kk": page.title_kk,
        "title_ru": page.title_ru,
        "title_en": page.title_en or "",
        "slug": page.slug,
        "date": page.date.isoformat(),
        "intro_kk": page.intro_kk or "",
        "intro_ru": page.intro_ru or "",
        "intro_en": page.intro_en or "",
        "body_kk": streamfield([("paragraph", rich_text("<p>Тыңдау желтоқсанда өтеді.</p>"))]),
        "body_ru": streamfield([("paragraph", rich_text("<p>Слушания пройдут в декабре.</p>"))]),
        "body_en": streamfield([("paragraph", rich_text("<p>The hearing is in December.</p>"))]),
    }
    data.update(extra)
    data.setdefault(
        "comments",
        {"TOTAL_FORMS": 0, "INITIAL_FORMS": 0, "MIN_NUM_FORMS": 0, "MAX_NUM_FORMS": 1000},
    )
    form = nested_form_data(data)
    if action:
        form[action] = "1"
    return form


def workflow_action_url(page, action="approve"):
    page = Page.objects.get(pk=page.pk)
    task_state = page.current_workflow_task_state
    return reverse("wagtailadmin_pages:workflow_action", args=(page.pk, action, task_state.pk))
