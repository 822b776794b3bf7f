"""Provisioning, reorganisation and archiving of agencies.

`provision_agency` is the one way an agency comes into being: the management
command, the admin screen and the demo loader all call it. It runs in one
transaction and is idempotent: running it again for an existing agency with the
same names repairs whatever is missing and changes nothing else.
"""

from contextlib import contextmanager
from dataclasses import dataclass, field

from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import get_active_log_context
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    PageLogEntry,
    ReferenceIndex,
    Revision,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)
from wagtail.signal_handlers import (
    disable_reference_index_auto_update,
    reference_index_auto_update_disabled,
)
from wagtail.signals import page_published, published

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


def _perms(pairs) -> dict[tuple[str, str], Permission]:
    """The permissions named by (app_label, codename) pairs, in one query."""
    pairs = set(pairs)
    found = {
        (perm.content_type.app_label, perm.codename): perm
        for perm in Permission.objects.filter(
            codename__in={codename for _app, codename in pairs}
        ).select_related("content_type")
    }
    missing = pairs - set(found)
    if missing:
        raise Permission.DoesNotExist(f"No such permissions: {sorted(missing)}")
    return {pair: found[pair] for pair in pairs}


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
    publish_new_children(portal_home(), [home], validate=True)
    changes.append("home page")
    return home


def _ensure_sections(home: AgencyHomePage, changes: list[str]) -> None:
    existing = {page.slug: page for page in home.get_children()} if home.numchild else {}
    missing = []
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
        missing.append(section)
        changes.append(f"section {slug}")
    # A repaired agency may have pages of its own under the home: a section slug they
    # already use is then refused (validated) rather than duplicated.
    publish_new_children(home, missing, validate=bool(existing))


@contextmanager
def _references_not_updated():
    """Wagtail's disable_reference_index_auto_update, which may not be nested (its
    exit deletes the flag, and an outer exit then fails): inside the demo loader's
    own one (cms.demo.loader.deferred_indexing) it is already off."""
    if getattr(reference_index_auto_update_disabled, "value", False):
        yield
    else:
        with disable_reference_index_auto_update():
            yield


def publish_new_children(parent: Page, pages: list[Page], *, validate: bool) -> None:
    """Add `pages` under `parent` as live pages with one published revision each.

    What `parent.add_child(instance=page)` and `page.save_revision().publish()` leave
    behind, page for page: the rows, a revision that is both latest and live, the
    "wagtail.create" and "wagtail.publish" log entries, the search and reference index
    entries (post_save) and the page_published and published signals (the search
    outbox, page cache invalidation). Those three calls save each page three times
    and cost ~95 queries a page; here each page is saved once, the revisions are
    inserted in one statement and attached in one UPDATE.

    `validate` runs full_clean (slug free among the siblings and the rest); provisioning
    skips it for the standard sections of a new home page, which has no other children.
    """
    if not pages:
        return
    now = timezone.now()
    last = parent.get_last_child() if parent.numchild else None
    step = Page._str2int(last.path[-Page.steplen :]) if last is not None else 0
    for page in pages:
        step += 1
        page.depth = parent.depth + 1
        page.path = Page._get_path(parent.path, page.depth, step)
        page.numchild = 0
        page.locale_id = parent.locale_id
        page.live, page.expired, page.has_unpublished_changes = True, False, False
        page.first_published_at = page.last_published_at = now
        page.draft_title = page.title
        if validate:
            page.full_clean()
        page._cached_parent_obj = parent  # as treebeard's add_child does
        # Its "wagtail.create" entry comes below; its references are indexed here and
        # now rather than by a task that would load the page again.
        with _references_not_updated():
            page.save(clean=False, log_action=None)
        if ReferenceIndex.is_indexed(type(page)):
            ReferenceIndex.create_or_update_for_object(page)
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
    parent.numchild += len(pages)
    revisions = Revision.objects.bulk_create(
        [
            Revision(
                content_type_id=page.content_type_id,
                base_content_type=page.get_base_content_type(),
                object_id=str(page.pk),
                created_at=now,
                content=page.serializable_data(),
                object_str=str(page),
            )
            for page in pages
        ]
    )
    for page, revision in zip(pages, revisions, strict=True):
        page.latest_revision = page.live_revision = revision
        page.latest_revision_created_at = revision.created_at
    Page.objects.bulk_update(
        pages, ["latest_revision", "live_revision", "latest_revision_created_at"]
    )
    _log_created_and_published(pages, revisions)
    for page, revision in zip(pages, revisions, strict=True):
        page_published.send(sender=page.specific_class, instance=page, revision=revision)
        published.send(sender=type(page), instance=page, revision=revision)


def _log_created_and_published(pages: list[Page], revisions: list[Revision]) -> None:
    """The "wagtail.create" and "wagtail.publish" entries `log()` would write for each
    page (same fields, same log context), in one INSERT. `log()` validates and inserts
    each entry on its own: four queries an entry."""
    context = get_active_log_context()
    entries = []
    for page, revision in zip(pages, revisions, strict=True):
        common = {
            "page": page,
            "content_type": ContentType.objects.get_for_model(page, for_concrete_model=False),
            "label": page.get_admin_display_title(),
            "uuid": context.uuid,
            "content_changed": True,
            "data": {},
        }
        entries.append(
            PageLogEntry(
                action="wagtail.create",
                user=context.user or page.owner,
                timestamp=timezone.now(),
                **common,
            )
        )
        entries.append(
            PageLogEntry(
                action="wagtail.publish",
                user=context.user,
                revision=revision,
                timestamp=timezone.now(),
                **common,
            )
        )
    PageLogEntry.objects.bulk_create(entries)


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
    """The editors and moderators groups, found by name or created (two statements)."""
    wanted = {
        "editors_group": (f"{agency.slug}: editors", "editors group"),
        "moderators_group": (f"{agency.slug}: moderators", "moderators group"),
    }
    missing = {attr: spec for attr, spec in wanted.items() if not getattr(agency, f"{attr}_id")}
    if not missing:
        return
    names = [name for name, _change in missing.values()]
    groups = {group.name: group for group in Group.objects.filter(name__in=names)}
    created = Group.objects.bulk_create([Group(name=name) for name in names if name not in groups])
    groups.update({group.name: group for group in created})
    for attr, (name, change) in missing.items():
        setattr(agency, attr, groups[name])
        changes.append(change)


def grant_permissions(agency: Agency) -> None:
    """Give the agency's groups their standard permissions (idempotent): a few bulk
    statements, whatever is already there (the unique constraints skip existing rows)."""
    home = agency.home_page
    snippet_perms = (
        *EDITOR_SNIPPET_PERMISSIONS,
        *(perm for section in STANDARD_SECTIONS for perm in section.editor_permissions),
    )
    perms = _perms(
        [
            ("wagtailadmin", "access_admin"),
            *(("wagtailcore", codename) for codename in EDITOR_PAGE_PERMISSIONS),
            *(("wagtailcore", codename) for codename in MODERATOR_PAGE_PERMISSIONS),
            *EDITOR_COLLECTION_PERMISSIONS,
            *MODERATOR_COLLECTION_PERMISSIONS,
            *snippet_perms,
        ]
    )
    page_rows, collection_rows = [], []
    for group, page_perms, collection_perms in (
        (agency.editors_group, EDITOR_PAGE_PERMISSIONS, EDITOR_COLLECTION_PERMISSIONS),
        (agency.moderators_group, MODERATOR_PAGE_PERMISSIONS, MODERATOR_COLLECTION_PERMISSIONS),
    ):
        page_rows += [
            GroupPagePermission(group=group, page=home, permission=perms["wagtailcore", codename])
            for codename in page_perms
        ]
        collection_rows += [
            GroupCollectionPermission(
                group=group, collection=agency.collection, permission=perms[pair]
            )
            for pair in collection_perms
        ]
    GroupPagePermission.objects.bulk_create(page_rows, ignore_conflicts=True)
    GroupCollectionPermission.objects.bulk_create(collection_rows, ignore_conflicts=True)
    remove_editor_publish(agency)
    access_admin = perms["wagtailadmin", "access_admin"]
    agency.moderators_group.permissions.add(access_admin)
    # Model-level snippet permissions; AgencyScopedSnippetViewSet scopes them to the agency.
    agency.editors_group.permissions.add(access_admin, *(perms[pair] for pair in snippet_perms))


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
    + ["submission_retention_days"]
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
