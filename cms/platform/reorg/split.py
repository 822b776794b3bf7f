"""Split chosen sections of agency A off into a new agency C.

C is provisioned as usual (`provision_agency`: home page, standard sections, media
collection, editors and moderators groups, workflow, optional Site); each chosen
section of A then moves, whole, under C's home page, in the place of C's new empty
standard section of the same address if there is one. Old addresses answer 301:
`/<lang>/a/<section>/…` → `/<lang>/c/<section>/…`. C's groups start empty: the
platform admin adds its people, as for any new agency.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Page

from cms.core.languages import REQUIRED
from cms.platform.provisioning import provision_agency
from cms.tenants.models import Agency

from . import common
from .plan import Change, PageMove, Plan


def plan_split(
    agency: Agency,
    *,
    sections: list[str],
    slug: str,
    names: dict[str, str],
    category: str | None = None,
    parent: Agency | None = None,
) -> Plan:
    """What `split_agency` would do (reads only). `sections`: slugs of A's sections."""
    common.require_active(agency)
    slug = (slug or "").strip()
    common.check_free_slug(slug)
    missing = [lang for lang in REQUIRED if not (names.get(lang) or "").strip()]
    if missing:
        raise ValidationError(
            {
                f"name_{missing[0]}": ValidationError(
                    gettext_lazy("Enter the new agency's name in Kazakh and in Russian."),
                    code="name_required",
                )
            }
        )
    home = common.home_of(agency)
    children = {page.slug: page for page in home.get_children()}
    wanted = list(dict.fromkeys(s.strip() for s in sections if s and s.strip()))
    if not wanted:
        raise ValidationError(
            {
                "sections": ValidationError(
                    gettext_lazy("Choose at least one section to split off."),
                    code="no_sections",
                )
            }
        )
    unknown = [s for s in wanted if s not in children]
    if unknown:
        raise ValidationError(
            {
                "sections": ValidationError(
                    gettext_lazy("%(agency)s has no section “%(slug)s”."),
                    code="unknown_section",
                    params={"agency": agency, "slug": unknown[0]},
                )
            }
        )
    if parent is not None and parent.is_archived:
        raise ValidationError(
            {
                "parent": ValidationError(
                    gettext_lazy("%(name)s is archived: choose an active parent body."),
                    code="parent_archived",
                    params={"name": parent},
                )
            }
        )
    plan = Plan(operation="split", agency=agency.slug, target=slug)
    plan.summary.append(
        _("A new agency “%(name)s” is created at /<lang>/%(slug)s/ with the standard sections.")
        % {"name": names.get("ru") or names.get("kk"), "slug": slug}
    )
    for section_slug in wanted:
        section = children[section_slug]
        old_prefix = f"{agency.slug}/{section_slug}/"
        new_prefix = f"{slug}/{section_slug}/"
        plan.moves.append(
            PageMove(
                page_id=section.pk,
                title=section.title,
                old_path=old_prefix,
                new_path=new_prefix,
                pages=section.get_descendants(inclusive=True).count(),
            )
        )
        plan.redirects[old_prefix] = new_prefix
    for role in ("editors", "moderators"):
        plan.groups.append(Change(f"{slug}: {role}", _("created, with no members yet")))
    plan.steps = {
        "sections": [children[s].pk for s in wanted],
        "slug": slug,
        "names": {lang: (value or "").strip() for lang, value in names.items()},
        "category": category or agency.category,
        "parent": parent.pk if parent else None,
    }
    return plan


def split_agency(
    agency: Agency,
    *,
    sections: list[str],
    slug: str,
    names: dict[str, str],
    category: str | None = None,
    parent: Agency | None = None,
    user=None,
    dry_run: bool = False,
) -> Plan:
    """Split `sections` of `agency` off into a new agency (see the module doc) in one
    transaction; `dry_run` returns the plan and changes nothing."""
    kwargs = {"sections": sections, "slug": slug, "names": names, "category": category}
    plan = plan_split(agency, parent=parent, **kwargs)
    if dry_run:
        return plan
    with transaction.atomic():
        agency = Agency.objects.select_for_update().get(pk=agency.pk)
        plan = plan_split(agency, parent=parent, **kwargs)
        _run(agency, plan, user)
    return plan


def _run(agency: Agency, plan: Plan, user) -> None:
    started = timezone.now()
    steps = plan.steps
    parent = Agency.objects.get(pk=steps["parent"]) if steps["parent"] else None
    new = provision_agency(
        slug=steps["slug"], names=steps["names"], category=steps["category"], parent=parent
    ).agency
    new_home = common.home_of(new)
    placeholders = {page.slug: page for page in new_home.get_children()}
    moved = []
    for section in Page.objects.filter(pk__in=steps["sections"]).order_by("path"):
        placeholder = placeholders.get(section.slug)
        if placeholder is not None:
            # The standard section provisioning just made, empty: the moved one takes
            # its place (and its address).
            Page.objects.get(pk=placeholder.pk).specific.delete()
        common.move_page(section, new_home, user)
        moved.append(section)
    moved_ids = common.subtree_ids(moved)
    common.cancel_workflows(moved_ids, user)
    common.record_redirects(new, plan.redirects, claimed=(f"{new.slug}/",))
    common.finish(plan, agency, user, page_ids=moved_ids, others=[new], started=started)
