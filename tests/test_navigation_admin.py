"""The agency menu in the admin is scoped to the agency, as a matrix: each row is one
action on agency A's menu (or with A's pages), run by B's editor and B's moderator
(refused: 404/403, or not listed, or no effect) and, as the positive control, by A's
editor (allowed)."""

from dataclasses import dataclass, field
from typing import Callable

import pytest
from django.urls import reverse
from wagtail.log_actions import log

from cms.navigation.models import AgencyMenu
from cms.pages.models import SectionPage
from tests.factories import editor_of, moderator_of

PAGE_A = "IsoMenuPageA"


def link_data(prefix: str, page="", url="", kk="", ru="", en="") -> dict:
    return {
        f"{prefix}-page": page,
        f"{prefix}-url": url,
        f"{prefix}-label_kk": kk,
        f"{prefix}-label_ru": ru,
        f"{prefix}-label_en": en,
    }


def form_data(agency, *pages, external=None) -> dict:
    """The admin form's POST data: one main item per page (no submenu), no footer."""
    data = {"agency": agency.pk, "main_items-count": len(pages), "footer_columns-count": 0}
    for index, page in enumerate(pages):
        prefix = f"main_items-{index}"
        data.update(
            {
                f"{prefix}-type": "item",
                f"{prefix}-deleted": "",
                f"{prefix}-order": index,
                f"{prefix}-id": "",
                f"{prefix}-value-children-count": 0,
            }
        )
        data.update(link_data(f"{prefix}-value", page=page.pk))
    if external:
        index = len(pages)
        prefix = f"main_items-{index}"
        data["main_items-count"] = index + 1
        data.update(
            {
                f"{prefix}-type": "item",
                f"{prefix}-deleted": "",
                f"{prefix}-order": index,
                f"{prefix}-id": "",
                f"{prefix}-value-children-count": 0,
            }
        )
        data.update(link_data(f"{prefix}-value", **external))
    return data


class World:
    def __init__(self, a, b):
        self.a, self.b = a, b
        self.editor_a = editor_of(a)
        self.editor_b = editor_of(b)
        self.moderator_b = moderator_of(b)
        self.about_a = SectionPage.objects.child_of(a.home_page).get(slug="about")
        self.about_a.title_ru = self.about_a.title_kk = self.about_a.title_en = PAGE_A
        self.about_a.save_revision().publish()
        self.about_b = SectionPage.objects.child_of(b.home_page).get(slug="about")
        self.menu = AgencyMenu(agency=a)
        self.menu.main_items = [
            {
                "type": "item",
                "value": {"page": self.about_a.pk, "url": "", "children": []},
            }
        ]
        self.menu.save()
        log(self.menu, "wagtail.create", user=self.editor_a)

    def user(self, name):
        return getattr(self, name)


@pytest.fixture
def world(agency_a, agency_b):
    return World(agency_a, agency_b)


def menu_url(name, world=None):
    args = [world.menu.pk] if world is not None else []
    return reverse(f"wagtailsnippets_navigation_agencymenu:{name}", args=args)


@dataclass
class Case:
    id: str
    url: Callable
    method: str = "GET"
    data: Callable | None = None
    # For a listing: the text that must be absent for intruders and present for A.
    marker: Callable | None = None
    # For a POST: a check of the database that is True when the action took effect.
    effect: Callable | None = None
    owner_status: tuple = field(default=(200,))


def edit_marker(w):
    return menu_url("edit", w)


CASES = [
    Case("list", lambda w: menu_url("list"), marker=edit_marker),
    Case("edit-form", lambda w: menu_url("edit", w), marker=lambda w: PAGE_A),
    Case(
        "edit",
        lambda w: menu_url("edit", w),
        "POST",
        data=lambda w, me: form_data(
            w.a, w.about_a, external={"url": "https://x.kz/", "kk": "X", "ru": "X"}
        ),
        effect=lambda w: (
            "https://x.kz/" in str(AgencyMenu.objects.get(pk=w.menu.pk).main_items.raw_data)
        ),
        owner_status=(302,),
    ),
    Case("history", lambda w: menu_url("history", w), marker=lambda w: "wagtail.create"),
    Case("usage", lambda w: menu_url("usage", w), marker=None),
    Case(
        "chooser",
        lambda w: reverse("wagtailsnippetchoosers_navigation_agencymenu:choose"),
        marker=lambda w: f"/agencymenu/chosen/{w.menu.pk}/",
    ),
    Case(
        "chosen",
        lambda w: reverse("wagtailsnippetchoosers_navigation_agencymenu:chosen", args=[w.menu.pk]),
        marker=None,
    ),
    # The page chooser of the menu's page fields: browsing and searching.
    Case(
        "page-chooser-browse",
        lambda w: f"/admin/choose-page/{w.a.home_page.pk}/",
        marker=lambda w: PAGE_A,
    ),
    Case(
        "page-chooser-search",
        lambda w: f"/admin/choose-page/search/?q={PAGE_A}",
        marker=lambda w: PAGE_A,
    ),
]


def _refused(response, case, w):
    """403/404 (a 404 under /admin/ reaches the client as LocaleMiddleware's redirect to
    /kk/admin/..., which is followed), Wagtail's redirect to the dashboard, or a page
    without A's marker."""
    if response.status_code in (403, 404):
        return True
    if response.redirect_chain:
        final = response.redirect_chain[-1][0]
        if final in ("/admin/", "/admin"):
            return True
    assert response.status_code == 200
    return case.marker is not None and case.marker(w) not in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
@pytest.mark.parametrize("intruder", ["editor_b", "moderator_b"])
def test_other_agency_is_refused(client, world, case, intruder):
    client.force_login(world.user(intruder))
    url = case.url(world)
    if case.method == "POST":
        response = client.post(url, case.data(world, intruder))
        assert response.status_code < 500
        assert not case.effect(world)
    else:
        assert _refused(client.get(url, follow=True), case, world)


@pytest.mark.django_db
@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_own_agency_can(client, world, case):
    client.force_login(world.editor_a)
    url = case.url(world)
    if case.method == "POST":
        response = client.post(url, case.data(world, "editor_a"))
        assert response.status_code in case.owner_status, response.content.decode()[:2000]
        assert case.effect(world)
    else:
        response = client.get(url)
        assert response.status_code == 200
        if case.marker is not None:
            assert case.marker(world) in response.content.decode()


def test_editors_get_the_menu_permissions(world):
    assert world.editor_a.has_perm("navigation.add_agencymenu")
    assert world.editor_a.has_perm("navigation.change_agencymenu")


def test_foreign_agency_is_not_offered_and_refused(client, world):
    client.force_login(world.editor_b)
    form = client.get(menu_url("add")).context["form"]
    assert list(form.fields["agency"].queryset) == [world.b]
    AgencyMenu.objects.filter(agency=world.b).delete()
    response = client.post(menu_url("add"), form_data(world.a, world.about_b))
    assert response.status_code == 200
    assert "agency" in response.context["form"].errors
    assert not AgencyMenu.objects.filter(agency=world.b).exists()
    assert AgencyMenu.objects.filter(agency=world.a).count() == 1


def test_a_crafted_page_of_another_agency_is_refused(client, world):
    """The chooser does not offer A's pages to B; a forged id is refused on save."""
    client.force_login(world.editor_b)
    response = client.post(menu_url("add"), form_data(world.b, world.about_b, world.about_a))
    assert response.status_code == 200
    html = response.content.decode()
    assert not AgencyMenu.objects.filter(agency=world.b).exists()
    assert "own site" in html or "өз сайтының" in html or "собственного сайта" in html


def test_own_menu_can_be_created_with_own_pages(client, world):
    client.force_login(world.editor_b)
    response = client.post(
        menu_url("add"),
        form_data(
            world.b, world.about_b, external={"url": "https://egov.kz/", "kk": "eGov", "ru": "eGov"}
        ),
    )
    assert response.status_code == 302
    menu = AgencyMenu.objects.get(agency=world.b)
    assert len(menu.main_items) == 2
    # The public menu shows it at once (the save invalidated the cached menu).
    html = client.get("/ru/agency-b/").content.decode()
    assert 'href="https://egov.kz/">eGov</a>' in html


def test_external_link_without_labels_gives_a_clear_error(client, world):
    client.force_login(world.editor_b)
    response = client.post(
        menu_url("add"), form_data(world.b, external={"url": "https://egov.kz/"})
    )
    assert response.status_code == 200
    assert not AgencyMenu.objects.filter(agency=world.b).exists()
