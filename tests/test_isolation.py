"""Agency isolation in the Wagtail admin, as a matrix: object kind x action x user.

Every row (a `Case`) is one action on one object of agency A. It runs three ways:

* `test_other_agency_is_refused`: B's editor and B's moderator get 403/404 (or a
  redirect to the dashboard), or a listing/chooser/search that does not contain
  A's marker; a POST never has its effect on A's object.
* `test_own_agency_can`: the positive control; A's user (or a platform admin for
  platform screens) sees the marker / gets the effect. Without it the refusal
  tests could pass for a broken URL.

A new kind of object gets its rows in CASES.
"""

from dataclasses import dataclass, field
from typing import Callable

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.log_actions import log
from wagtail.models import Collection, CollectionViewRestriction, Page

from cms.navigation.models import QuickLink
from cms.pages.models import NewsPage, SectionPage
from cms.recyclebin.models import RecycledItem
from tests.factories import UserFactory, editor_of, moderator_of

PAGE = "IsoAlphaPage"
IMAGE = "IsoAlphaImage"
DOC = "IsoAlphaDoc"
LINK = "IsoAlphaLink"
NEW_LINK = "IsoCreatedLink"
# Search for a prefix: the query is echoed in the page, the full marker must not be.
QUERY = "IsoAlpha"
INTRUDERS = ("editor_b", "moderator_b")
# Files must not reach another agency's users nor the public.
FILE_INTRUDERS = (*INTRUDERS, "anonymous")
DOC_BYTES = "isolation"
DRAFT_DOC, DRAFT_BYTES = "IsoDraftDoc", b"IsoEmbargoedBytes"
PRIVATE_DOC, PRIVATE_BYTES = "IsoPrivateDoc", b"IsoPrivateCollectionBytes"
PUBLIC_DOC, PUBLIC_BYTES = "IsoPublicDoc", b"IsoPublishedBytes"
PNG = "PNG"
# Agency A's name as each admin language shows it (tests/conftest.py, AGENCY_A).
AGENCY_A_NAMES = ("А агенттігі", "Агентство А", "Agency A")


class World:
    """Two provisioned agencies, their users, and one object of every kind in A."""

    def __init__(self, agency_a, agency_b):
        self.a, self.b = agency_a, agency_b
        self.editor_a = editor_of(agency_a)
        self.moderator_a = moderator_of(agency_a)
        self.editor_b = editor_of(agency_b)
        self.moderator_b = moderator_of(agency_b)
        self.admin = UserFactory(username="platform-admin", is_superuser=True)
        platform_admins, _created = Group.objects.get_or_create(name="Platform admins")
        self.platform_admin = UserFactory(username="platform-member", groups=[platform_admins])

        self.news_a = SectionPage.objects.child_of(agency_a.home_page).get(slug="news")
        # Files of A beyond the unused image and document further down: one used only
        # by a draft (an embargoed release), one in a password-protected collection, one
        # used on a published page (public until A is archived). Made before A's page
        # below, which the page-types report must show as the newest news item.
        self.draft_document = Document.objects.create(
            title=DRAFT_DOC,
            file=ContentFile(DRAFT_BYTES, name="iso-draft.txt"),
            collection=agency_a.collection,
        )
        draft = NewsPage(slug="iso-embargo", owner=self.editor_a, live=False)
        for lang in ("kk", "ru", "en"):
            setattr(draft, f"title_{lang}", "Iso embargo")
        draft.body_kk = [("document", {"document": self.draft_document, "title": "PDF"})]
        self.news_a.add_child(instance=draft)
        private = agency_a.collection.add_child(instance=Collection(name="agency-a private"))
        CollectionViewRestriction.objects.create(
            collection=private, restriction_type=CollectionViewRestriction.PASSWORD,
            password="iso-secret",
        )
        self.private_document = Document.objects.create(
            title=PRIVATE_DOC,
            file=ContentFile(PRIVATE_BYTES, name="iso-private.txt"),
            collection=private,
        )
        self.public_document = Document.objects.create(
            title=PUBLIC_DOC,
            file=ContentFile(PUBLIC_BYTES, name="iso-public.txt"),
            collection=agency_a.collection,
        )
        used = NewsPage(slug="iso-with-file", owner=self.editor_a)
        for lang in ("kk", "ru", "en"):
            setattr(used, f"title_{lang}", "Iso with file")
        used.body_kk = [("document", {"document": self.public_document, "title": "PDF"})]
        self.news_a.add_child(instance=used)
        used.save_revision().publish()
        self.page = NewsPage(slug="iso-alpha", owner=self.editor_a)
        for lang in ("kk", "ru", "en"):
            setattr(self.page, f"title_{lang}", PAGE)
        self.news_a.add_child(instance=self.page)
        self.revision = self.page.save_revision(user=self.editor_a)
        self.revision.publish(user=self.moderator_a)
        self.page.refresh_from_db()

        self.image = Image.objects.create(
            title=IMAGE,
            file=get_test_image_file(),
            collection=agency_a.collection,
            uploaded_by_user=self.editor_a,
        )
        self.document = Document.objects.create(
            title=DOC,
            file=ContentFile(b"isolation", name="iso-alpha.txt"),
            collection=agency_a.collection,
            uploaded_by_user=self.editor_a,
        )
        self.rendition = self.image.get_rendition("fill-20x20")

        self.link = QuickLink(agency=agency_a, url="https://a.example.kz/", sort_order=1)
        for lang in ("kk", "ru", "en"):
            setattr(self.link, f"title_{lang}", LINK)
        self.link.save()
        log(self.link, "wagtail.create", user=self.editor_a)

    def user(self, name):
        return getattr(self, name)

    def agency_of(self, actor):
        return self.b if actor.endswith("_b") else self.a

    def section_of(self, actor, slug="about"):
        home = self.agency_of(actor).home_page
        return SectionPage.objects.child_of(home).get(slug=slug)

    # --- setups -----------------------------------------------------------------
    def submit_for_moderation(self):
        self.a.workflow.start(self.page, user=self.editor_a)
        self.page.refresh_from_db()

    def lock_page(self):
        Page.objects.filter(pk=self.page.pk).update(locked=True, locked_by=self.moderator_a)

    def unpublish_page(self):
        self.page.unpublish()

    def archive_a(self):
        from cms.platform.provisioning import archive_agency

        archive_agency(self.a)

    # --- effects ------------------------------------------------------------------
    def page_gone(self):
        # Deleting moves the page to its agency's recycle bin (cms.recyclebin).
        return not Page.objects.filter(pk=self.page.pk).exists() or RecycledItem.objects.filter(
            kind="page", object_id=self.page.pk).exists()

    def page_moved(self):
        return Page.objects.get(pk=self.page.pk).get_parent().pk != self.news_a.pk

    def page_copied(self):
        return Page.objects.filter(slug="iso-copy").exists()

    def page_unpublished(self):
        return not Page.objects.get(pk=self.page.pk).live

    def page_live(self):
        return Page.objects.get(pk=self.page.pk).live

    def page_locked(self):
        return Page.objects.get(pk=self.page.pk).locked

    def page_approved(self):
        page = Page.objects.get(pk=self.page.pk)
        return page.workflow_states.filter(status="approved").exists()

    def image_gone(self):
        return not Image.objects.filter(pk=self.image.pk).exists()

    def image_moved(self):
        return Image.objects.get(pk=self.image.pk).collection_id != self.a.collection_id

    def document_gone(self):
        return not Document.objects.filter(pk=self.document.pk).exists() or (
            RecycledItem.objects.filter(kind="document", object_id=self.document.pk).exists())

    def document_moved(self):
        return Document.objects.get(pk=self.document.pk).collection_id != self.a.collection_id

    def link_gone(self):
        return not QuickLink.objects.filter(pk=self.link.pk).exists()

    def link_created_in_a(self):
        return QuickLink.objects.filter(agency=self.a, title_kk=NEW_LINK).exists()

    def check_compliance(self):
        from cms.compliance.snapshots import check_agency

        check_agency(self.a)
        check_agency(self.b)

    def scorecard_withdrawn(self):
        from cms.compliance.models import ScorecardSetting

        return not ScorecardSetting.is_public()


@dataclass
class Case:
    id: str
    url: Callable  # (world, actor) -> str
    method: str = "GET"
    data: Callable | None = None  # (world, actor) -> dict
    markers: tuple = ()  # strings that reveal A's object
    effect: str | None = None  # name of a World method: did the POST act on A's object?
    owner: str | None = "editor_a"  # positive control; None: no positive control possible
    intruders: tuple = INTRUDERS
    setup: str | None = None  # name of a World method run before the request
    extra: dict = field(default_factory=dict)


def _url(template):
    return lambda w, actor: template.format(w=w)


def _bulk(app, model, action, obj):
    return lambda w, actor: (
        f"/admin/bulk/{app}/{model}/{action}/?next=/admin/&id={getattr(w, obj).pk}"
    )


def _link_url(name, obj=True):
    def build(w, actor):
        args = [w.link.pk] if obj else []
        return reverse(f"wagtailsnippets_navigation_quicklink:{name}", args=args)

    return build


CASES = [
    # --- pages ----------------------------------------------------------------------
    Case("page-explorer", _url("/admin/pages/{w.news_a.pk}/"), markers=(PAGE,)),
    Case("page-explorer-results", _url("/admin/pages/{w.news_a.pk}/results/"), markers=(PAGE,)),
    Case("page-edit", _url("/admin/pages/{w.page.pk}/edit/"), markers=(PAGE,)),
    Case("page-delete-form", _url("/admin/pages/{w.page.pk}/delete/"), markers=(PAGE,),
         owner="admin"),
    Case("page-delete", _url("/admin/pages/{w.page.pk}/delete/"), "POST", effect="page_gone",
         owner="admin"),
    Case("page-move-form", _url("/admin/pages/{w.page.pk}/move/"), markers=(PAGE,),
         owner="admin"),
    Case("page-move",
         lambda w, actor: f"/admin/pages/{w.page.pk}/move/{w.section_of(actor).pk}/confirm/",
         "POST", effect="page_moved", owner="admin"),
    Case("page-copy-form", _url("/admin/pages/{w.page.pk}/copy/"), markers=(PAGE,)),
    Case("page-copy", _url("/admin/pages/{w.page.pk}/copy/"), "POST",
         data=lambda w, actor: {
             "new_title_kk": "Iso copy", "new_title_ru": "Iso copy", "new_title_en": "",
             "new_slug": "iso-copy",
             "new_parent_page": w.section_of(actor).pk,
             "publish_copies": "", "copy_subpages": "",
         },
         effect="page_copied"),
    # Publishing and unpublishing belong to moderators (editors submit to them).
    Case("page-unpublish-form", _url("/admin/pages/{w.page.pk}/unpublish/"), markers=(PAGE,),
         owner="moderator_a"),
    Case("page-unpublish", _url("/admin/pages/{w.page.pk}/unpublish/"), "POST",
         effect="page_unpublished", owner="moderator_a"),
    Case("page-lock", _url("/admin/pages/{w.page.pk}/lock/"), "POST", effect="page_locked",
         owner="moderator_a"),
    Case("page-revision-view", _url("/admin/pages/{w.page.pk}/revisions/{w.revision.pk}/view/"),
         markers=(PAGE,)),
    Case("page-revisions-compare",
         _url("/admin/pages/{w.page.pk}/revisions/compare/earliest...{w.revision.pk}/"),
         markers=(PAGE,)),
    Case("page-history", _url("/admin/pages/{w.page.pk}/history/"), markers=(PAGE,)),
    Case("page-view-draft", _url("/admin/pages/{w.page.pk}/view_draft/"), markers=(PAGE,)),
    Case("page-usage", _url("/admin/pages/{w.page.pk}/usage/"), markers=(PAGE,)),
    Case("page-search", _url(f"/admin/pages/search/?q={QUERY}"), markers=(PAGE,)),
    Case("page-chooser-browse", _url("/admin/choose-page/{w.news_a.pk}/"), markers=(PAGE,)),
    Case("page-chooser-search", _url(f"/admin/choose-page/search/?q={QUERY}"), markers=(PAGE,)),
    Case("api-pages-detail", _url("/admin/api/main/pages/{w.page.pk}/"), markers=(PAGE,),
         intruders=FILE_INTRUDERS),
    Case("api-pages-children", _url("/admin/api/main/pages/?child_of={w.news_a.pk}"),
         markers=(PAGE,), intruders=FILE_INTRUDERS),
    Case("api-pages-search", _url(f"/admin/api/main/pages/?search={PAGE}"), markers=(PAGE,),
         intruders=FILE_INTRUDERS),
    Case("bulk-page-delete-form", _bulk("wagtailcore", "page", "delete", "page"),
         markers=(PAGE,), owner="admin"),
    Case("bulk-page-delete", _bulk("wagtailcore", "page", "delete", "page"), "POST",
         effect="page_gone", owner="admin"),
    Case("bulk-page-move", _bulk("wagtailcore", "page", "move", "page"), "POST",
         data=lambda w, actor: {"chooser": w.section_of(actor).pk},
         effect="page_moved", owner="admin"),
    Case("bulk-page-publish", _bulk("wagtailcore", "page", "publish", "page"), "POST",
         setup="unpublish_page", effect="page_live", owner="moderator_a"),
    Case("bulk-page-unpublish", _bulk("wagtailcore", "page", "unpublish", "page"), "POST",
         effect="page_unpublished", owner="moderator_a"),
    # --- images ---------------------------------------------------------------------
    Case("image-index", _url("/admin/images/"), markers=(IMAGE,)),
    Case("image-search", _url(f"/admin/images/?q={QUERY}"), markers=(IMAGE,)),
    Case("image-edit", _url("/admin/images/{w.image.pk}/"), markers=(IMAGE,)),
    Case("image-delete-form", _url("/admin/images/{w.image.pk}/delete/"), markers=(IMAGE,)),
    Case("image-delete", _url("/admin/images/{w.image.pk}/delete/"), "POST",
         effect="image_gone"),
    Case("image-usage", _url("/admin/images/usage/{w.image.pk}/"), markers=(IMAGE,)),
    Case("image-chooser", _url("/admin/images/chooser/"), markers=(IMAGE,)),
    Case("image-chooser-search", _url(f"/admin/images/chooser/results/?q={QUERY}"),
         markers=(IMAGE,)),
    Case("image-chosen", _url("/admin/images/chooser/chosen/{w.image.pk}/"),
         markers=(IMAGE,)),
    Case("bulk-image-delete-form", _bulk("wagtailimages", "image", "delete", "image"),
         markers=(IMAGE,)),
    Case("bulk-image-delete", _bulk("wagtailimages", "image", "delete", "image"), "POST",
         effect="image_gone"),
    Case("bulk-image-to-collection",
         _bulk("wagtailimages", "image", "add_to_collection", "image"), "POST",
         data=lambda w, actor: {"collection": w.agency_of(actor).collection.get_parent().pk},
         effect="image_moved", owner="admin"),
    # --- documents ------------------------------------------------------------------
    Case("document-index", _url("/admin/documents/"), markers=(DOC,)),
    Case("document-search", _url(f"/admin/documents/?q={QUERY}"), markers=(DOC,)),
    Case("document-edit", _url("/admin/documents/edit/{w.document.pk}/"), markers=(DOC,)),
    Case("document-delete-form", _url("/admin/documents/delete/{w.document.pk}/"),
         markers=(DOC,)),
    Case("document-delete", _url("/admin/documents/delete/{w.document.pk}/"), "POST",
         effect="document_gone"),
    Case("document-usage", _url("/admin/documents/usage/{w.document.pk}/"), markers=(DOC,)),
    Case("document-chooser", _url("/admin/documents/chooser/"), markers=(DOC,)),
    Case("document-chooser-search", _url(f"/admin/documents/chooser/results/?q={QUERY}"),
         markers=(DOC,)),
    Case("document-chosen", _url("/admin/documents/chooser/chosen/{w.document.pk}/"),
         markers=(DOC,)),
    Case("bulk-document-delete-form", _bulk("wagtaildocs", "document", "delete", "document"),
         markers=(DOC,)),
    Case("bulk-document-delete", _bulk("wagtaildocs", "document", "delete", "document"),
         "POST", effect="document_gone"),
    Case("bulk-document-to-collection",
         _bulk("wagtaildocs", "document", "add_to_collection", "document"), "POST",
         data=lambda w, actor: {"collection": w.agency_of(actor).collection.get_parent().pk},
         effect="document_moved", owner="admin"),
    # --- files: downloads, /media/, public and admin API (anonymous too) ---------------
    # An unused upload, a draft's (embargoed) PDF: only A's users download them.
    Case("file-document-download", _url("{w.document.url}"), markers=(DOC_BYTES,),
         intruders=FILE_INTRUDERS),
    Case("file-draft-document-download", _url("{w.draft_document.url}"),
         markers=(DRAFT_BYTES.decode(),), intruders=FILE_INTRUDERS),
    # A password-protected collection: a password form, never the bytes (Wagtail asks
    # A's users for the password too, so there is no positive control).
    Case("file-private-collection-download", _url("{w.private_document.url}"),
         markers=(PRIVATE_BYTES.decode(),), intruders=FILE_INTRUDERS, owner=None),
    # An archived agency's published file: A's users keep it, nobody else.
    Case("file-archived-document-download", _url("{w.public_document.url}"),
         markers=(PUBLIC_BYTES.decode(),), intruders=FILE_INTRUDERS, setup="archive_a"),
    # /media/ never serves a document, to anyone.
    Case("file-media-document", _url("/media/{w.document.file.name}"), markers=(DOC_BYTES,),
         intruders=FILE_INTRUDERS, owner=None),
    Case("file-media-draft-document", _url("/media/{w.draft_document.file.name}"),
         markers=(DRAFT_BYTES.decode(),), intruders=FILE_INTRUDERS, owner=None),
    Case("file-media-private-document", _url("/media/{w.private_document.file.name}"),
         markers=(PRIVATE_BYTES.decode(),), intruders=FILE_INTRUDERS, owner=None),
    Case("file-media-public-document", _url("/media/{w.public_document.file.name}"),
         markers=(PUBLIC_BYTES.decode(),), intruders=FILE_INTRUDERS, owner=None),
    # An image no published page uses: its original and its renditions.
    Case("file-media-image", _url("/media/{w.image.file.name}"), markers=(PNG,),
         intruders=FILE_INTRUDERS),
    Case("file-media-rendition", _url("/media/{w.rendition.file.name}"), markers=(PNG,),
         intruders=FILE_INTRUDERS),
    # The public API lists only files live public pages use: no positive control for A.
    Case("file-api-documents", _url("/api/v2/documents/"),
         markers=(DOC, DRAFT_DOC, PRIVATE_DOC), intruders=FILE_INTRUDERS, owner=None),
    Case("file-api-documents-agency", _url("/api/v2/documents/?agency=agency-a"),
         markers=(DOC, DRAFT_DOC, PRIVATE_DOC), intruders=FILE_INTRUDERS, owner=None),
    Case("file-api-documents-search", _url(f"/api/v2/documents/?search={QUERY}"),
         markers=(DOC, DRAFT_DOC, PRIVATE_DOC), intruders=FILE_INTRUDERS, owner=None),
    Case("file-api-document-detail", _url("/api/v2/documents/{w.document.pk}/"),
         markers=(DOC,), intruders=FILE_INTRUDERS, owner=None),
    Case("file-api-draft-document-detail", _url("/api/v2/documents/{w.draft_document.pk}/"),
         markers=(DRAFT_DOC,), intruders=FILE_INTRUDERS, owner=None),
    Case("file-api-private-document-detail",
         _url("/api/v2/documents/{w.private_document.pk}/"), markers=(PRIVATE_DOC,),
         intruders=FILE_INTRUDERS, owner=None),
    Case("file-api-archived-document-detail",
         _url("/api/v2/documents/{w.public_document.pk}/"), markers=(PUBLIC_DOC,),
         intruders=FILE_INTRUDERS, owner=None, setup="archive_a"),
    Case("file-api-images", _url("/api/v2/images/"), markers=(IMAGE,),
         intruders=FILE_INTRUDERS, owner=None),
    Case("file-api-images-search", _url(f"/api/v2/images/?search={QUERY}"), markers=(IMAGE,),
         intruders=FILE_INTRUDERS, owner=None),
    Case("file-api-image-detail", _url("/api/v2/images/{w.image.pk}/"), markers=(IMAGE,),
         intruders=FILE_INTRUDERS, owner=None),
    # The admin API: A's users only.
    Case("file-admin-api-documents", _url("/admin/api/main/documents/?limit=20"),
         markers=(DOC,), intruders=FILE_INTRUDERS),
    Case("file-admin-api-documents-search", _url(f"/admin/api/main/documents/?search={DOC}"),
         markers=(DOC,), intruders=FILE_INTRUDERS),
    Case("file-admin-api-document-detail", _url("/admin/api/main/documents/{w.document.pk}/"),
         markers=(DOC,), intruders=FILE_INTRUDERS),
    Case("file-admin-api-draft-document-detail",
         _url("/admin/api/main/documents/{w.draft_document.pk}/"), markers=(DRAFT_DOC,),
         intruders=FILE_INTRUDERS),
    Case("file-admin-api-images", _url("/admin/api/main/images/?limit=20"), markers=(IMAGE,),
         intruders=FILE_INTRUDERS),
    Case("file-admin-api-image-detail", _url("/admin/api/main/images/{w.image.pk}/"),
         markers=(IMAGE,), intruders=FILE_INTRUDERS),
    # --- collections (managed by platform admins only) -------------------------------
    Case("collection-index", _url("/admin/collections/"), markers=("agency-a:",), owner="admin"),
    Case("collection-edit", _url("/admin/collections/{w.a.collection.pk}/"),
         markers=("agency-a:",), owner="admin"),
    Case("collection-delete-form", _url("/admin/collections/{w.a.collection.pk}/delete/"),
         markers=("agency-a:",), owner="admin"),
    # --- snippets (QuickLink, an AgencyScopedSnippetViewSet) --------------------------
    Case("snippet-index", _link_url("list", obj=False), markers=(LINK,)),
    Case("snippet-search", lambda w, actor: _link_url("list", obj=False)(w, actor)
         + f"?q={QUERY}", markers=(LINK,)),
    Case("snippet-edit", _link_url("edit"), markers=(LINK,)),
    Case("snippet-delete-form", _link_url("delete"), markers=(LINK,)),
    Case("snippet-delete", _link_url("delete"), "POST", effect="link_gone"),
    Case("snippet-history", _link_url("history"), markers=(LINK,)),
    Case("snippet-usage", _link_url("usage"), markers=(LINK,)),
    Case("snippet-add-form", _link_url("add", obj=False),
         markers=("А агенттігі", "Агентство А", "Agency A")),
    Case("snippet-add-into-a", _link_url("add", obj=False), "POST",
         data=lambda w, actor: {
             "agency": w.a.pk, "title_kk": NEW_LINK, "title_ru": NEW_LINK, "title_en": "",
             "url": "https://x.example.kz/", "sort_order": 0,
         },
         effect="link_created_in_a"),
    Case("snippet-chooser", lambda w, actor: reverse(
        "wagtailsnippetchoosers_navigation_quicklink:choose"), markers=(LINK,)),
    Case("snippet-chooser-search", lambda w, actor: reverse(
        "wagtailsnippetchoosers_navigation_quicklink:choose_results") + f"?q={QUERY}",
         markers=(LINK,)),
    Case("snippet-chosen", lambda w, actor: reverse(
        "wagtailsnippetchoosers_navigation_quicklink:chosen", args=[w.link.pk]),
         markers=(LINK,)),
    Case("bulk-snippet-delete-form", _bulk("navigation", "quicklink", "delete", "link"),
         markers=(LINK,)),
    Case("bulk-snippet-delete", _bulk("navigation", "quicklink", "delete", "link"), "POST",
         effect="link_gone"),
    Case("bulk-snippet-delete-all",
         lambda w, actor: "/admin/bulk/navigation/quicklink/delete/?next=/admin/&id=all",
         "POST", effect="link_gone"),
    # --- form submissions -------------------------------------------------------------
    # No form page model exists yet, so there is nothing to see and no positive control.
    Case("forms-index", _url("/admin/forms/"), markers=(PAGE,), owner=None),
    # --- workflows ----------------------------------------------------------------------
    Case("dashboard-awaiting-review", _url("/admin/"), markers=(PAGE,),
         setup="submit_for_moderation", owner="moderator_a"),
    Case("workflow-approve",
         lambda w, actor: (
             f"/admin/pages/workflow/action/{w.page.pk}/approve/"
             f"{w.page.current_workflow_task_state.pk}/"
         ),
         "POST", data=lambda w, actor: {"comment": ""}, setup="submit_for_moderation",
         effect="page_approved", owner="moderator_a"),
    Case("workflow-history", _url("/admin/pages/{w.page.pk}/workflow_history/"),
         markers=(PAGE,), setup="submit_for_moderation"),
    # --- reports ----------------------------------------------------------------------
    Case("report-locked-pages", _url("/admin/reports/locked/"), markers=(PAGE,),
         setup="lock_page", owner="moderator_a"),
    # The aging pages report lists pages the user may publish: moderators.
    Case("report-aging-pages", _url("/admin/reports/aging-pages/"), markers=(PAGE,),
         owner="moderator_a"),
    Case("report-site-history-page", _url("/admin/reports/site-history/"), markers=(PAGE,)),
    Case("report-site-history-snippet", _url("/admin/reports/site-history/"), markers=(LINK,)),
    # --- compliance (cms.compliance): A's scores, items and card --------------------------
    Case("compliance-agency-page", _url("/admin/compliance/agency/{w.a.slug}/"),
         markers=AGENCY_A_NAMES, setup="check_compliance"),
    Case("compliance-dashboard-card", _url("/admin/"), markers=AGENCY_A_NAMES,
         setup="check_compliance"),
    Case("compliance-dashboard", _url("/admin/compliance/"), markers=AGENCY_A_NAMES,
         setup="check_compliance", owner="admin"),
    Case("compliance-export", _url("/admin/compliance/?format=csv"), markers=AGENCY_A_NAMES,
         setup="check_compliance", owner="admin"),
    Case("compliance-scorecard-switch", _url("/admin/compliance/scorecard/"), "POST",
         data=lambda w, actor: {"public": "off"}, effect="scorecard_withdrawn", owner="admin"),
    Case("report-agency-audit-log", _url("/admin/reports/agency-audit-log/"), markers=(PAGE,)),
    Case("report-agency-audit-log-snippet", _url("/admin/reports/agency-audit-log/"),
         markers=(LINK,)),
    Case("report-agency-audit-log-filtered",
         _url("/admin/reports/agency-audit-log/?agency={w.a.pk}"), markers=(PAGE,)),
    Case("report-page-types-usage", _url("/admin/reports/page-types-usage/"), markers=(PAGE,)),
    Case("report-workflow", _url("/admin/reports/workflow/"), markers=(PAGE,),
         setup="submit_for_moderation"),
    Case("report-workflow-tasks", _url("/admin/reports/workflow_tasks/"), markers=(PAGE,),
         setup="submit_for_moderation"),
    # --- platform screens (platform admins only) ----------------------------------------
    Case("users", _url("/admin/users/"), markers=("agency-a-editor",), owner="admin"),
    Case("groups", _url("/admin/groups/"), markers=("agency-a: editors",), owner="admin"),
    Case("sites", _url("/admin/sites/"), markers=("localhost",), owner="admin"),
    Case("redirects", _url("/admin/redirects/"), markers=("Redirects",), owner="admin"),
    Case("workflows", _url("/admin/workflows/list/"), markers=("agency-a: moderation",),
         owner="admin"),
    Case("workflow-tasks", _url("/admin/workflows/tasks/index/"),
         markers=("agency-a: moderator approval",), owner="admin"),
]


@pytest.fixture(scope="module")
def _world(_agency_a_pk, _agency_b_pk, django_db_blocker):
    """Build the world once per module, on the standard agencies A and B, inside the
    module's transaction (tests/conftest.py) that is rolled back at the end; every test
    runs in a savepoint of it (like TestCase.setUpTestData)."""
    from cms.tenants.models import Agency

    with django_db_blocker.unblock():
        return World(Agency.objects.get(pk=_agency_a_pk), Agency.objects.get(pk=_agency_b_pk))


@pytest.fixture
def world(_world, db):
    for obj in (_world.page, _world.a, _world.b, _world.link, _world.image, _world.document):
        obj.refresh_from_db()
    return _world


def _request(client, world, case, actor):
    if case.setup:
        getattr(world, case.setup)()
    if actor == "anonymous":
        client.logout()
    else:
        client.force_login(world.user(actor))
    url = case.url(world, actor)
    if case.method == "POST":
        data = case.data(world, actor) if case.data else {}
        return client.post(url, data)
    return client.get(url)


def _refused(response) -> bool:
    if response.status_code in (403, 404):
        return True
    # Wagtail's admin answers "permission denied" with a redirect to the dashboard.
    return response.status_code == 302 and response["Location"] in ("/admin/", "/admin")


def _shows(response, markers) -> bool:
    raw = b"".join(response.streaming_content) if response.streaming else response.content
    body = raw.decode(errors="replace")
    return any(marker in body for marker in markers)


def _row_ids(cases, with_owner=False):
    rows = []
    for case in cases:
        if with_owner:
            if case.owner:
                rows.append(pytest.param(case, id=case.id))
        else:
            for intruder in case.intruders:
                # The other agency's moderator reaches the same scoped querysets as
                # its editor (other groups, same SQL): on PostgreSQL the editor's and
                # the anonymous visitor's rows run, on SQLite all three.
                marks = [pytest.mark.first_database_only] if intruder == "moderator_b" else []
                rows.append(pytest.param(case, intruder, id=f"{case.id}-{intruder}", marks=marks))
    return rows


@pytest.mark.django_db
@pytest.mark.parametrize(("case", "intruder"), _row_ids(CASES))
def test_other_agency_is_refused(client, world, case, intruder):
    response = _request(client, world, case, intruder)
    if case.effect:
        assert not getattr(world, case.effect)(), f"{intruder} acted on A's object"
    assert response.status_code < 500
    if _refused(response):
        return
    if case.markers:
        assert not _shows(response, case.markers), f"{intruder} sees A's object"
    elif case.method == "GET":
        pytest.fail(f"{intruder} got {response.status_code} for {case.id}")


@pytest.mark.django_db
@pytest.mark.parametrize("case", _row_ids(CASES, with_owner=True))
def test_own_agency_can(client, world, case):
    response = _request(client, world, case, case.owner)
    if case.effect:
        assert getattr(world, case.effect)(), (
            f"{case.owner} could not act: {response.status_code} {response.get('Location')}"
        )
        return
    assert response.status_code == 200, response.status_code
    assert _shows(response, case.markers), f"{case.owner} does not see the object"


# --- Platform admins (superuser and "Platform admins" group) see everything -----------
@pytest.mark.django_db
@pytest.mark.parametrize(
    "case_id",
    ["page-explorer", "page-chooser-search", "image-index", "document-index", "snippet-index",
     "report-site-history-snippet", "page-search"],
)
def test_platform_admin_sees_all(client, world, case_id):
    case = next(c for c in CASES if c.id == case_id)
    response = _request(client, world, case, "admin")
    assert response.status_code == 200
    assert _shows(response, case.markers)


def test_platform_admin_group_member_is_unrestricted(world):
    from cms.tenants.isolation.querysets import scope_by_agency, scope_pages

    user = world.platform_admin
    assert scope_by_agency(QuickLink.objects.all(), user).filter(pk=world.link.pk).exists()
    assert scope_pages(Page.objects.all(), user).filter(pk=world.page.pk).exists()


# --- A page of A cannot be moved or copied into B, even by A's editor --------------------
@pytest.mark.django_db
def test_move_into_other_agency_is_refused(client, world):
    client.force_login(world.editor_a)
    target = world.section_of("editor_b")
    response = client.post(f"/admin/pages/{world.page.pk}/move/{target.pk}/confirm/")
    assert _refused(response) or response.status_code == 200
    assert not world.page_moved()
    response = client.post(
        f"/admin/bulk/wagtailcore/page/move/?next=/admin/&id={world.page.pk}",
        {"chooser": target.pk},
    )
    assert not world.page_moved()


@pytest.mark.django_db
def test_copy_into_other_agency_is_refused(client, world):
    client.force_login(world.editor_a)
    target = world.section_of("editor_b")
    client.post(
        f"/admin/pages/{world.page.pk}/copy/",
        {"new_title_kk": "Iso copy", "new_title_ru": "Iso copy", "new_slug": "iso-copy",
         "new_parent_page": target.pk},
    )
    assert not world.page_copied()


@pytest.mark.django_db
def test_move_destinations_do_not_offer_other_agency(client, world):
    client.force_login(world.editor_a)
    b_home = world.b.home_page
    response = client.get(
        f"/admin/choose-page/{b_home.pk}/?page_type=wagtailcore.page&user_perms=move_to"
        f"&target_pages={world.page.pk}&match_subclass=true"
    )
    body = response.content.decode()
    assert _refused(response) or "Біз туралы" not in body


@pytest.mark.django_db
def test_snippet_form_defaults_to_the_only_agency(client, world):
    client.force_login(world.editor_b)
    response = client.get(_link_url("add", obj=False)(world, "editor_b"))
    form = response.context["form"]
    assert list(form.fields["agency"].queryset) == [world.b]
    assert form.initial.get("agency") == world.b.pk


# --- search: promoted results (an AgencyScopedSnippetViewSet) and the query report -----
# The objects are made per test by `_search_world` (the World above stays as it is).
PROMO = "isoalphapromo"
NEW_PROMO = "isocreatedpromo"
ASKED = "isoalphaasked"
PROMO_PERMISSIONS = ("add_promotedresult", "change_promotedresult", "delete_promotedresult")
REPORT = "/admin/reports/search-queries/"


def _search_world(world):
    from django.contrib.auth.models import Permission
    from django.utils import timezone

    from search.models import PromotedResult, SearchQueryLog

    permissions = Permission.objects.filter(
        content_type__app_label="birtutas_search", codename__in=PROMO_PERMISSIONS
    )
    for agency in (world.a, world.b):
        agency.editors_group.permissions.add(*permissions)
    world.promo = PromotedResult.objects.create(
        agency=world.a, page=world.page, query=PROMO, language="all"
    )
    log(world.promo, "wagtail.create", user=world.editor_a)
    SearchQueryLog.objects.create(
        agency=world.a, language="kk", query=ASKED, day=timezone.localdate(), count=3
    )
    world.promo_gone = lambda: not PromotedResult.objects.filter(pk=world.promo.pk).exists()
    world.promo_created_in_a = lambda: PromotedResult.objects.filter(
        agency=world.a, query=NEW_PROMO
    ).exists()
    world.promo_changed = lambda: PromotedResult.objects.get(pk=world.promo.pk).sort_order == 7


def _promo_url(name, obj=True):
    def build(w, actor):
        args = [w.promo.pk] if obj else []
        return reverse(f"wagtailsnippets_birtutas_search_promotedresult:{name}", args=args)

    return build


def _promo_chooser_url(name, obj=False):
    def build(w, actor):
        args = [w.promo.pk] if obj else []
        return reverse(f"wagtailsnippetchoosers_birtutas_search_promotedresult:{name}", args=args)

    return build


SEARCH_CASES = [
    Case("promo-index", _promo_url("list", obj=False), markers=(PROMO,)),
    Case("promo-search", lambda w, actor: _promo_url("list", obj=False)(w, actor)
         + "?q=isoalpha", markers=(PROMO,)),
    Case("promo-edit", _promo_url("edit"), markers=(PROMO,)),
    Case("promo-edit-post", _promo_url("edit"), "POST",
         data=lambda w, actor: {
             "agency": w.agency_of(actor).pk, "query": PROMO, "language": "all",
             "page": w.page.pk, "sort_order": 7,
         },
         effect="promo_changed"),
    Case("promo-delete-form", _promo_url("delete"), markers=(PROMO,)),
    Case("promo-delete", _promo_url("delete"), "POST", effect="promo_gone"),
    Case("promo-history", _promo_url("history"), markers=(PROMO,)),
    Case("promo-usage", _promo_url("usage"), markers=(PROMO,)),
    Case("promo-add-form", _promo_url("add", obj=False),
         markers=("А агенттігі", "Агентство А", "Agency A")),
    Case("promo-add-into-a", _promo_url("add", obj=False), "POST",
         data=lambda w, actor: {
             "agency": w.a.pk, "query": NEW_PROMO, "language": "all",
             "page": w.page.pk, "sort_order": 0,
         },
         effect="promo_created_in_a"),
    Case("promo-add-page-of-a", _promo_url("add", obj=False), "POST",
         data=lambda w, actor: {
             "agency": w.agency_of(actor).pk, "query": NEW_PROMO, "language": "all",
             "page": w.page.pk, "sort_order": 0,
         },
         effect="promo_created_in_a"),
    Case("promo-chooser", _promo_chooser_url("choose"), markers=(PROMO,)),
    Case("promo-chooser-search",
         lambda w, actor: _promo_chooser_url("choose_results")(w, actor) + "?q=isoalpha",
         markers=(PROMO,)),
    Case("promo-chosen", _promo_chooser_url("chosen", obj=True), markers=(PROMO,)),
    Case("bulk-promo-delete-form",
         _bulk("birtutas_search", "promotedresult", "delete", "promo"), markers=(PROMO,)),
    Case("bulk-promo-delete", _bulk("birtutas_search", "promotedresult", "delete", "promo"),
         "POST", effect="promo_gone"),
    Case("report-site-history-promo", _url("/admin/reports/site-history/"), markers=(PROMO,)),
    Case("report-search-queries", _url(REPORT), markers=(ASKED,), owner="moderator_a"),
    Case("report-search-queries-of-a", _url(REPORT + "?agency=agency-a"), markers=(ASKED,)),
    Case("report-search-queries-csv", _url(REPORT + "?agency=agency-a&format=csv"),
         markers=(ASKED,)),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("case", "intruder"), _row_ids(SEARCH_CASES))
def test_search_admin_other_agency_is_refused(client, world, case, intruder):
    _search_world(world)
    test_other_agency_is_refused(client, world, case, intruder)


@pytest.mark.django_db
@pytest.mark.parametrize("case", _row_ids(SEARCH_CASES, with_owner=True))
def test_search_admin_own_agency_can(client, world, case):
    _search_world(world)
    test_own_agency_can(client, world, case)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("case_id", "query"),
    [("promo-index", ""), ("report-search-queries", ""),
     ("report-search-queries", "?agency=agency-a")],
)
def test_search_admin_platform_admin_sees_all(client, world, case_id, query):
    _search_world(world)
    case = next(c for c in SEARCH_CASES if c.id == case_id)
    client.force_login(world.admin)
    response = client.get(case.url(world, "admin") + query)
    assert response.status_code == 200
    assert _shows(response, case.markers)


@pytest.mark.django_db
def test_search_report_of_other_agency_is_403(client, world):
    _search_world(world)
    client.force_login(world.editor_b)
    assert client.get(REPORT + "?agency=agency-a").status_code == 403
