"""Provisioning, reorganisation and archiving of agencies.

`provision_agency` is the one way an agency comes into being: the management
command, the admin screen and the demo loader all call it. It runs in one
transaction and is idempotent: running it again for an existing agency with the
same names repairs whatever is missing and changes nothing else.
"""

from dataclasses import dataclass, field

from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from cms.core.languages import LANGUAGE_CODES
from cms.pages.models import AgencyHomePage, LegalActPage, PortalHomePage, SectionPage
from cms.pages.sections import EDITOR_SNIPPET_PERMISSIONS, STANDARD_SECTIONS, StandardSection
from cms.tenants.models import Agency

from .portal import ensure_portal

LANGS = LANGUAGE_CODES


def section_model(section: StandardSection):
    """The page type of a standard section (a label in the table, resolved here: the
    platform floor may reach every app's page types)."""
    return apps.get_model(section.page_type)


# Editors write and submit; only moderators publish (through the agency's workflow,
# see _ensure_workflow). Editors once had publish_page: grant_permissions takes it back.
EDITOR_PAGE_PERMISSIONS = ("add_page", "change_page")
EDITOR_REVOKED_PAGE_PERMISSIONS = ("publish_page",)
MODERATOR_PAGE_PERMISSIONS = ("change_page", "publish_page", "lock_page", "unlock_page")
EDITOR_COLLECTION_PERMISSIONS = (
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
)
MODERATOR_COLLECTION_PERMISSIONS = (
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "choose_document"),
)


class AgencyConflict(ValidationError):
    """The request contradicts an agency that already exists."""


@dataclass
class ProvisionResult:
    agency: Agency
    created: bool
    changes: list[str] = field(default_factory=list)


def portal_home() -> PortalHomePage:
    return PortalHomePage.objects.first() or ensure_portal()


def _perm(app_label: str, codename: str) -> Permission:
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _names_of(agency: Agency) -> dict[str, str]:
    return {lang: getattr(agency, f"name_{lang}") or "" for lang in LANGS}


def provision_agency(**kwargs) -> "ProvisionResult":
    """Create (or complete) an agency and everything it needs to run its site.

    Runs in the default language: with modeltranslation, assigning a plain field
    such as `title` writes the active language's column.
    """
    with translation.override(settings.LANGUAGE_CODE):
        return _provision_agency(**kwargs)


@transaction.atomic
def _provision_agency(
    *,
    slug: str,
    names: dict[str, str],
    short_names: dict[str, str] | None = None,
    category: str = Agency.Category.OTHER,
    parent: Agency | None = None,
    hostname: str | None = None,
    brand_colour: str | None = None,
) -> ProvisionResult:
    hostname = (hostname or "").strip().lower() or None
    changes: list[str] = []
    agency = Agency.objects.select_for_update().filter(slug=slug).first()
    created = agency is None
    if agency is not None:
        existing = _names_of(agency)
        wanted = {lang: names.get(lang) or "" for lang in LANGS}
        if any(wanted[lang] and wanted[lang] != existing[lang] for lang in LANGS):
            raise AgencyConflict(
                _("An agency with the address “%(slug)s” already exists with other names."),
                code="duplicate_slug",
                params={"slug": slug},
            )
        if hostname and agency.hostname and hostname != agency.hostname:
            raise AgencyConflict(
                _("The agency “%(slug)s” already has the host name %(host)s."),
                code="hostname_mismatch",
                params={"slug": slug, "host": agency.hostname},
            )
    else:
        agency = Agency(slug=slug, category=category, parent=parent)
        for lang in LANGS:
            setattr(agency, f"name_{lang}", names.get(lang) or "")
            setattr(agency, f"short_name_{lang}", (short_names or {}).get(lang) or "")
        if brand_colour:
            agency.brand_colour = brand_colour
        changes.append("agency")
    if hostname and not agency.hostname:
        agency.hostname = hostname
        if not created:
            changes.append("hostname")
    agency.full_clean(
        exclude=["collection", "editors_group", "moderators_group", "workflow", "site"]
    )
    agency.save()

    home = _ensure_home(agency, changes)
    _ensure_sections(home, changes)
    _ensure_collection(agency, changes)
    _ensure_groups(agency, changes)
    if not agency.is_archived:
        grant_permissions(agency)
    _ensure_workflow(agency, home, changes)
    _ensure_site(agency, home, changes)
    agency.save()
    return ProvisionResult(agency=agency, created=created, changes=changes)


def _ensure_home(agency: Agency, changes: list[str]) -> AgencyHomePage:
    home = AgencyHomePage.objects.filter(agency_record=agency).first()
    if home is not None:
        return home
    home = AgencyHomePage(agency_record=agency, slug=agency.slug)
    for lang in LANGS:
        setattr(home, f"title_{lang}", getattr(agency, f"name_{lang}") or "")
    portal_home().add_child(instance=home)
    home.save_revision().publish()
    changes.append("home page")
    return home


def _ensure_sections(home: AgencyHomePage, changes: list[str]) -> None:
    existing = {page.slug: page for page in home.get_children()}
    for standard in STANDARD_SECTIONS:
        slug, titles = standard.slug, standard.names
        model = section_model(standard)
        if slug in existing:
            if _convert_section(existing[slug], model):
                changes.append(f"section {slug} is now a {model._meta.verbose_name}")
            continue
        section = model(slug=slug)
        for lang in LANGS:
            setattr(section, f"title_{lang}", titles[lang])
        home.add_child(instance=section)
        section.save_revision().publish()
        changes.append(f"section {slug}")


def _convert_section(page: Page, model) -> bool:
    """Turn a plain SectionPage into `model`, a subclass of it, keeping the same page.

    Multi-table inheritance: the subclass row is inserted beside the existing
    SectionPage row, so the id, URL, titles, intro, body, revisions and children stay.
    Only plain SectionPages are converted; any other type is left alone.
    """
    if page.specific_class is model or page.specific_class is not SectionPage:
        return False
    if not issubclass(model, SectionPage):
        return False
    section = page.specific
    converted = model(sectionpage_ptr_id=section.pk)
    for model_field in SectionPage._meta.concrete_fields:
        setattr(converted, model_field.attname, getattr(section, model_field.attname))
    converted.save_base(raw=True, force_insert=True)
    Page.objects.filter(pk=section.pk).update(content_type=ContentType.objects.get_for_model(model))
    converted = model.objects.get(pk=section.pk)
    if converted.live and not converted.has_unpublished_changes:
        # A revision of the new type, so the search index and previews see it.
        converted.save_revision().publish()
    return True


def _ensure_collection(agency: Agency, changes: list[str]) -> None:
    if agency.collection_id:
        return
    root = Collection.get_first_root_node()
    agency.collection = root.add_child(name=f"{agency.slug}: {agency.name_ru or agency.name_kk}")
    changes.append("collection")


def _ensure_groups(agency: Agency, changes: list[str]) -> None:
    if not agency.editors_group_id:
        agency.editors_group, _created = Group.objects.get_or_create(name=f"{agency.slug}: editors")
        changes.append("editors group")
    if not agency.moderators_group_id:
        agency.moderators_group, _created = Group.objects.get_or_create(
            name=f"{agency.slug}: moderators"
        )
        changes.append("moderators group")


def grant_permissions(agency: Agency) -> None:
    """Give the agency's groups their standard permissions (idempotent)."""
    home = agency.home_page
    access_admin = _perm("wagtailadmin", "access_admin")
    for group, page_perms, collection_perms in (
        (agency.editors_group, EDITOR_PAGE_PERMISSIONS, EDITOR_COLLECTION_PERMISSIONS),
        (agency.moderators_group, MODERATOR_PAGE_PERMISSIONS, MODERATOR_COLLECTION_PERMISSIONS),
    ):
        group.permissions.add(access_admin)
        for codename in page_perms:
            GroupPagePermission.objects.get_or_create(
                group=group, page=home, permission=_perm("wagtailcore", codename)
            )
        for app_label, codename in collection_perms:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=agency.collection, permission=_perm(app_label, codename)
            )
    remove_editor_publish(agency)
    # Model-level snippet permissions; AgencyScopedSnippetViewSet scopes them to the agency.
    agency.editors_group.permissions.add(
        *(
            _perm(app_label, codename)
            for app_label, codename in (
                *EDITOR_SNIPPET_PERMISSIONS,
                *(perm for section in STANDARD_SECTIONS for perm in section.editor_permissions),
            )
        )
    )


def remove_editor_publish(agency: Agency) -> int:
    """Take publishing away from the agency's editors (idempotent); returns how many
    page permissions were removed."""
    if not agency.editors_group_id:
        return 0
    deleted, _detail = GroupPagePermission.objects.filter(
        group=agency.editors_group,
        permission__content_type__app_label="wagtailcore",
        permission__codename__in=EDITOR_REVOKED_PAGE_PERMISSIONS,
    ).delete()
    return deleted


def revoke_permissions(agency: Agency) -> None:
    groups = [g for g in (agency.editors_group, agency.moderators_group) if g]
    GroupPagePermission.objects.filter(group__in=groups).delete()
    GroupCollectionPermission.objects.filter(group__in=groups).delete()
    for group in groups:
        group.permissions.clear()


def _ensure_workflow(agency: Agency, home: Page, changes: list[str]) -> None:
    """The agency's moderation workflow: one approval task for its moderators group,
    assigned to the agency's home page (and so to its whole subtree)."""
    if agency.workflow_id is None:
        workflow = Workflow.objects.create(name=f"{agency.slug}: moderation")
        task = GroupApprovalTask.objects.create(name=f"{agency.slug}: moderator approval")
        task.groups.set([agency.moderators_group])
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
        agency.workflow = workflow
        changes.append("workflow")
    else:
        # Repair: the approval task must name exactly this agency's moderators.
        for workflow_task in agency.workflow.workflow_tasks.select_related("task"):
            task = workflow_task.task.specific
            if isinstance(task, GroupApprovalTask) and set(
                task.groups.values_list("pk", flat=True)
            ) != {agency.moderators_group_id}:
                task.groups.set([agency.moderators_group])
                changes.append("workflow approvers")
        if not agency.workflow.active:
            agency.workflow.active = True
            agency.workflow.save(update_fields=["active"])
            changes.append("workflow enabled")
    WorkflowPage.objects.get_or_create(page=home, defaults={"workflow": agency.workflow})


def _ensure_site(agency: Agency, home: Page, changes: list[str]) -> None:
    if not agency.hostname:
        return
    if agency.site_id and agency.site.hostname == agency.hostname:
        return
    taken = Site.objects.filter(hostname=agency.hostname, port=80)
    if agency.site_id:
        taken = taken.exclude(pk=agency.site_id)
    if taken.exists():
        raise AgencyConflict(
            _("The host name %(host)s is already used by another site."),
            code="hostname_taken",
            params={"host": agency.hostname},
        )
    if agency.site_id:
        agency.site.hostname = agency.hostname
        agency.site.save()
    else:
        agency.site = Site.objects.create(
            hostname=agency.hostname,
            port=80,
            root_page=home,
            site_name=agency.name_ru or agency.name_kk,
            is_default_site=False,
        )
    changes.append("site")


# Page types an archived agency keeps published.
KEPT_WHEN_ARCHIVED = (LegalActPage,)


@transaction.atomic
def archive_agency(agency: Agency, successor: Agency | None = None) -> Agency:
    """Unpublish the agency's subtree and take its groups' rights; keep all data.
    `successor`, the body that continues its work, is named on the 410 page its old
    addresses answer (cms/tenants/archived.py); an archived agency can be given one
    (or another one) later by archiving it again with it."""
    agency = Agency.objects.select_for_update().get(pk=agency.pk)
    if successor is not None:
        set_successor(agency, successor)
    if agency.is_archived:
        return agency
    home = agency.home_page
    # Legal acts stay published: the law requires them to remain reachable; they say
    # that they belong to a former body (LegalActPage.get_context). Wagtail routes to a
    # live page under unpublished ancestors, so the rest of the site can go.
    live_pages = list(
        home.get_descendants(inclusive=True).live().not_type(*KEPT_WHEN_ARCHIVED).order_by("path")
    )
    agency.archived_live_page_ids = [p.pk for p in live_pages]
    for page in reversed(live_pages):
        page.specific.unpublish(set_expired=False, log_action="wagtail.unpublish")
    revoke_permissions(agency)
    agency.status = Agency.Status.ARCHIVED
    agency.save()
    return agency


def set_successor(agency: Agency, successor: Agency | None) -> Agency:
    """Name the body that continues `agency` (None: none), refusing itself and loops."""
    if successor is not None:
        if successor.pk == agency.pk:
            raise ValidationError(
                _("An agency cannot be its own successor."), code="successor_self"
            )
        node, seen = successor, set()
        while node is not None and node.pk not in seen:
            if node.successor_id == agency.pk:
                raise ValidationError(
                    _("%(successor)s is already a successor of %(agency)s."),
                    code="successor_loop",
                    params={"successor": successor, "agency": agency},
                )
            seen.add(node.pk)
            node = node.successor
    agency.successor = successor
    agency.save(update_fields=["successor", "updated_at"])
    return agency


@transaction.atomic
def restore_agency(agency: Agency) -> Agency:
    """Undo `archive_agency`: republish what was live and give the rights back."""
    agency = Agency.objects.select_for_update().get(pk=agency.pk)
    if not agency.is_archived:
        return agency
    pages = Page.objects.filter(pk__in=agency.archived_live_page_ids).order_by("path").specific()
    for page in pages:
        revision = page.get_latest_revision() or page.save_revision()
        revision.publish()
    agency.archived_live_page_ids = []
    agency.status = Agency.Status.ACTIVE
    agency.save()
    grant_permissions(agency)
    return agency


# Fields of an agency that `update_agency` may change. The slug is not among them:
# every URL of the agency's site depends on it.
UPDATABLE_FIELDS = frozenset(
    [f"{base}_{lang}" for base in ("name", "short_name", "address") for lang in LANGS]
    + ["category", "parent", "hostname", "logo", "brand_colour", "header_layout", "phone", "email"]
)


PROVISIONED_FIELDS = ["collection", "editors_group", "moderators_group", "workflow", "site"]


@transaction.atomic
def update_agency(agency: Agency, *, user=None, **values) -> Agency:
    """Change an agency's fields and keep what provisioning derived from them in sync:
    the home page titles, the Wagtail Site's host name and name, the collection name.

    Translated fields are passed per language (`name_kk=...`), never as `name=...`.
    Raises ValidationError (or AgencyConflict) and changes nothing if the result is
    invalid.
    """
    unknown = set(values) - UPDATABLE_FIELDS
    if unknown:
        raise TypeError(f"update_agency() cannot change {', '.join(sorted(unknown))}")
    agency = Agency.objects.select_for_update().get(pk=agency.pk)
    if "hostname" in values:
        values["hostname"] = (values["hostname"] or "").strip().lower() or None
    for name, value in values.items():
        setattr(agency, name, value)
    agency.full_clean(exclude=PROVISIONED_FIELDS)
    agency.save()
    _sync_home_titles(agency, user)
    _sync_site(agency)
    if agency.collection_id:
        wanted = f"{agency.slug}: {agency.name_ru or agency.name_kk}"
        if agency.collection.name != wanted:
            agency.collection.name = wanted
            agency.collection.save(update_fields=["name"])
    return agency


def _sync_home_titles(agency: Agency, user=None) -> None:
    home = AgencyHomePage.objects.filter(agency_record=agency).first()
    if home is None:
        return
    wanted = _names_of(agency)
    if all((getattr(home, f"title_{lang}") or "") == wanted[lang] for lang in LANGS):
        return
    for lang in LANGS:
        setattr(home, f"title_{lang}", wanted[lang])
    if home.live and not home.has_unpublished_changes:
        # Nothing else is pending: publish the new titles as a normal revision, so
        # that history and publish signals (search index, caches) see the change.
        # The caller (a platform admin) need not hold page permissions in the tree.
        home.save_revision(user=user).publish(user=user, skip_permission_checks=True)
        return
    # A draft is pending or the agency is archived: change the titles without
    # publishing anybody's draft or bringing an archived site back online.
    home.draft_title = wanted[settings.LANGUAGE_CODE] or home.draft_title
    home.save()
    titles = {f"title_{lang}": wanted[lang] for lang in LANGS}
    titles["title"] = wanted[settings.LANGUAGE_CODE]
    titles["draft_title"] = home.draft_title
    for revision in {r for r in (home.latest_revision, home.live_revision) if r is not None}:
        revision.content.update(titles)
        revision.save(update_fields=["content"])


def _sync_site(agency: Agency) -> None:
    if not agency.hostname:
        if agency.site_id:
            site = agency.site
            agency.site = None
            agency.save(update_fields=["site"])
            site.delete()
        return
    taken = Site.objects.filter(hostname=agency.hostname)
    if agency.site_id:
        taken = taken.exclude(pk=agency.site_id)
    if taken.exists():
        raise AgencyConflict(
            {
                "hostname": ValidationError(
                    _("The host name %(host)s is already used by another site."),
                    code="hostname_taken",
                    params={"host": agency.hostname},
                )
            },
        )
    site_name = agency.name_ru or agency.name_kk
    if agency.site_id:
        site = agency.site
        if site.hostname != agency.hostname or site.site_name != site_name:
            site.hostname = agency.hostname
            site.site_name = site_name
            site.save()
        return
    agency.site = Site.objects.create(
        hostname=agency.hostname,
        port=80,
        root_page=agency.home_page,
        site_name=site_name,
        is_default_site=False,
    )
    agency.save(update_fields=["site"])
