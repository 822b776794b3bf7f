"""Merge agency A into agency B.

- A's news items go into B's news section and its legal acts into B's register (a
  slug B already uses gets A's address as a suffix); every other section of A moves,
  whole, under a new section of B named after A (with A's home page introduction).
- A's images and documents join B's media collection.
- A's editors and moderators either follow (they join B's editors or moderators
  group) or are retired (deactivated, unless they still work for another agency or
  are platform admins); either way they leave A's groups.
- A's subordinate bodies come under B; A's own host name leads to B's site.
- Every old address of A answers 301 to where its page went (one row per moved
  subtree, not per page); A is archived with B as its successor, so anything left
  answers 410 naming B.
- Search re-indexes the moved pages (agency and URL changed); A's go from the index.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

from cms.core.languages import LANGUAGE_CODES
from cms.pages.models import LegalActIndexPage, NewsIndexPage, SectionPage
from cms.platform.provisioning import archive_agency, publish_new_children, update_agency
from cms.tenants.models import Agency, AgencyHostRedirect, AgencyPathRedirect

from . import common
from .plan import Change, PageMove, Plan

FOLLOW, RETIRE = "follow", "retire"
USER_OPTIONS = (FOLLOW, RETIRE)
# Sections whose items join the matching section of B, by page type.
MERGED_SECTION_TYPES = (NewsIndexPage, LegalActIndexPage)


def _check(source: Agency, target: Agency, users: str) -> None:
    if source.pk == target.pk:
        raise ValidationError(
            {
                "target": ValidationError(
                    gettext_lazy("An agency cannot be merged into itself."), code="merge_self"
                )
            }
        )
    common.require_active(source)
    if target.is_archived:
        raise ValidationError(
            {
                "target": ValidationError(
                    gettext_lazy("%(name)s is archived: choose an active agency to merge into."),
                    code="target_archived",
                    params={"name": target},
                )
            }
        )
    if users not in USER_OPTIONS:
        raise ValidationError(
            {"users": ValidationError(gettext_lazy("Choose what happens to the editors."))}
        )


def _matching(section: Page, target_sections: list[Page]) -> Page | None:
    cls = section.specific_class
    if cls not in MERGED_SECTION_TYPES:
        return None
    return next((s for s in target_sections if s.specific_class is cls), None)


def plan_merge(source: Agency, target: Agency, *, users: str = FOLLOW) -> Plan:
    """What `merge_agencies` would do (reads only)."""
    _check(source, target, users)
    plan = Plan(operation="merge", agency=source.slug, target=target.slug)
    a_home, b_home = common.home_of(source), common.home_of(target)
    a_sections = list(a_home.get_children().order_by("path"))
    b_sections = list(b_home.get_children().order_by("path"))
    b_slugs = {page.slug for page in b_sections}
    legacy_slug = common.free_slug(source.slug, b_slugs, "archive")
    legacy_prefix = f"{target.slug}/{legacy_slug}/"
    merged, whole = [], []
    for section in a_sections:
        match = _matching(section, b_sections)
        old_prefix = common.prefix_of(section, a_home, source.slug)
        if match is None:
            whole.append(section.pk)
            plan.moves.append(
                PageMove(
                    page_id=section.pk,
                    title=section.title,
                    old_path=old_prefix,
                    new_path=f"{legacy_prefix}{section.slug}/",
                    pages=section.get_descendants(inclusive=True).count(),
                )
            )
            plan.redirects[old_prefix] = f"{legacy_prefix}{section.slug}/"
            continue
        new_section_prefix = common.prefix_of(match, b_home, target.slug)
        plan.redirects[old_prefix] = new_section_prefix
        taken = set(match.get_children().values_list("slug", flat=True))
        for item in section.get_children().order_by("path"):
            slug = common.free_slug(item.slug, taken, source.slug)
            taken.add(slug)
            new_path = f"{new_section_prefix}{slug}/"
            plan.moves.append(
                PageMove(
                    page_id=item.pk,
                    title=item.title,
                    old_path=f"{old_prefix}{item.slug}/",
                    new_path=new_path,
                    pages=item.get_descendants(inclusive=True).count(),
                    new_slug=slug if slug != item.slug else None,
                )
            )
            merged.append((item.pk, match.pk, slug))
            if slug != item.slug:
                plan.redirects[f"{old_prefix}{item.slug}/"] = new_path
        plan.summary.append(
            _("“%(section)s” of %(source)s: its pages join “%(target)s” of %(agency)s.")
            % {"section": section.title, "source": source, "target": match.title, "agency": target}
        )
    # The home page (and anything else below A): the section named after A, or B's
    # home page when every section of A joined one of B's.
    plan.redirects[f"{source.slug}/"] = legacy_prefix if whole else f"{target.slug}/"
    plan.summary.insert(
        0,
        _("%(source)s is merged into %(target)s and archived with %(target)s as its successor.")
        % {"source": source, "target": target},
    )
    if whole:
        plan.summary.append(
            _(
                "The other sections of %(source)s move under a new section of "
                "%(target)s: /<lang>/%(prefix)s"
            )
            % {"source": source, "target": target, "prefix": legacy_prefix}
        )
    files = sum(
        model.objects.filter(collection_id=source.collection_id).count()
        for model in (get_image_model(), get_document_model())
    )
    plan.summary.append(
        _("%(count)s images and documents join the media collection of %(target)s.")
        % {"count": files, "target": target}
    )
    for child in source.children.exclude(pk=target.pk).order_by("slug"):
        plan.summary.append(
            _("%(child)s becomes subordinate to %(target)s.") % {"child": child, "target": target}
        )
    if source.hostname:
        plan.hosts[source.hostname] = target.hostname or f"/<lang>/{legacy_prefix}"
    people = _plan_people(plan, source, target, users)
    if target.parent_id == source.pk:
        plan.summary.append(
            _("%(target)s takes the place of %(source)s under %(parent)s.")
            % {"target": target, "source": source, "parent": source.parent or "—"}
        )
    plan.steps = {
        "people": people,
        "users": users,
        "legacy_slug": legacy_slug,
        "merged": merged,
        "whole": whole,
    }
    return plan


def _plan_people(plan: Plan, source: Agency, target: Agency, users: str) -> dict:
    User = get_user_model()
    admins = common.platform_admin_ids()
    source_groups = [g for g in (source.editors_group, source.moderators_group) if g]
    other_agency_groups = set(
        Agency.objects.exclude(pk=source.pk).values_list("editors_group_id", flat=True)
    ) | set(Agency.objects.exclude(pk=source.pk).values_list("moderators_group_id", flat=True))
    follow, retire, keep = [], [], []
    for group, target_group in (
        (source.editors_group, target.editors_group),
        (source.moderators_group, target.moderators_group),
    ):
        if group is None:
            continue
        for user in User.objects.filter(groups=group).order_by("username"):
            if users == FOLLOW:
                plan.users.append(
                    Change(
                        user.get_username(),
                        _("joins %(group)s") % {"group": target_group.name},
                    )
                )
                follow.append((user.pk, group.pk, target_group.pk))
                continue
            others = set(user.groups.values_list("pk", flat=True)) & other_agency_groups
            if user.pk in admins or others or not user.is_active:
                plan.users.append(
                    Change(
                        user.get_username(),
                        _("leaves %(group)s (keeps the other access)") % {"group": group.name},
                    )
                )
                keep.append((user.pk, group.pk))
            else:
                plan.users.append(
                    Change(
                        user.get_username(),
                        _("leaves %(group)s and is deactivated (can no longer sign in)")
                        % {"group": group.name},
                    )
                )
                retire.append((user.pk, group.pk))
    for group in source_groups:
        plan.groups.append(
            Change(group.name, _("emptied; keeps no rights (the agency is archived)"))
        )
    return {"follow": follow, "retire": retire, "keep": keep}


def merge_agencies(
    source: Agency, target: Agency, *, users: str = FOLLOW, user=None, dry_run: bool = False
) -> Plan:
    """Merge `source` into `target` (see the module doc) in one transaction;
    `dry_run` returns the plan and changes nothing."""
    plan = plan_merge(source, target, users=users)
    if dry_run:
        return plan
    with transaction.atomic():
        source = Agency.objects.select_for_update().get(pk=source.pk)
        target = Agency.objects.select_for_update().get(pk=target.pk)
        plan = plan_merge(source, target, users=users)
        _run(source, target, plan, user)
    return plan


def _legacy_section(source: Agency, target: Agency, slug: str) -> SectionPage:
    a_home, b_home = common.home_of(source), common.home_of(target)
    section = SectionPage(slug=slug)
    for lang in LANGUAGE_CODES:
        setattr(section, f"title_{lang}", getattr(source, f"name_{lang}") or "")
        setattr(section, f"intro_{lang}", getattr(a_home.specific, f"intro_{lang}", "") or "")
    publish_new_children(b_home, [section], validate=True)
    return section


def _run(source: Agency, target: Agency, plan: Plan, user) -> None:
    started = timezone.now()
    User = get_user_model()
    steps = plan.steps
    moved: list[Page] = []
    if steps["whole"]:
        legacy = _legacy_section(source, target, steps["legacy_slug"])
        for page in Page.objects.filter(pk__in=steps["whole"]).order_by("path"):
            common.move_page(page, legacy, user)
            moved.append(page)
    parent_ids = {parent_id for _page, parent_id, _slug in steps["merged"]}
    parents = {page.pk: page for page in Page.objects.filter(pk__in=parent_ids)}
    for page_id, parent_id, slug in steps["merged"]:
        page = Page.objects.get(pk=page_id)
        if slug != page.slug:
            common.set_slug(page, slug)
        common.move_page(page, parents[parent_id], user)
        moved.append(page)
    moved_ids = common.subtree_ids(moved)
    common.cancel_workflows(moved_ids, user)

    # Files join B's collection.
    for model in (get_image_model(), get_document_model()):
        model.objects.filter(collection_id=source.collection_id).update(
            collection_id=target.collection_id
        )
    # People.
    people = steps["people"]
    for user_id, old_group, new_group in people["follow"]:
        member = User.objects.get(pk=user_id)
        member.groups.remove(old_group)
        member.groups.add(new_group)
    for user_id, old_group in people["keep"]:
        User.objects.get(pk=user_id).groups.remove(old_group)
    for user_id, old_group in people["retire"]:
        member = User.objects.get(pk=user_id)
        member.groups.remove(old_group)
        member.is_active = False
        member.save(update_fields=["is_active"])
    # Subordinate bodies, addresses, host names.
    for child in source.children.exclude(pk=target.pk):
        update_agency(child, user=user, parent=target)
    if target.parent_id == source.pk:
        update_agency(target, user=user, parent=source.parent)
    AgencyPathRedirect.objects.filter(agency=source).update(agency=target)
    AgencyHostRedirect.objects.filter(agency=source).update(agency=target)
    common.record_redirects(
        target,
        plan.redirects,
        claimed=(f"{target.slug}/{steps['legacy_slug']}/",) if steps["whole"] else (),
    )
    if source.hostname:
        old_hostname = source.hostname
        source = update_agency(source, user=user, hostname=None)
        common.record_host(target, old_hostname, source.slug)
    archive_agency(source, successor=target)
    common.finish(plan, target, user, page_ids=moved_ids, others=[source], started=started)
