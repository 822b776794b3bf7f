"""Rename an agency: its names in kk/ru/en and, if wanted, its address and host name.

A new address moves the whole site (`/<lang>/health/…` → `/<lang>/health-care/…`):
the home page's slug changes through Wagtail's own machinery (every descendant's
url_path follows, so routing, search, the sitemap and the caches see the new
addresses) and one moved-address row answers every old address, in every language,
with a 301. A host name given up redirects to the agency's site.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Site

from cms.core.languages import LANGUAGE_CODES
from cms.platform.provisioning import update_agency
from cms.tenants.models import HOSTNAME_VALIDATOR, Agency, AgencyHostRedirect

from . import common
from .plan import Change, PageMove, Plan

UNCHANGED = object()


def _clean_hostname(hostname, agency: Agency):
    if hostname is UNCHANGED:
        return UNCHANGED
    hostname = (hostname or "").strip().lower() or None
    if hostname == agency.hostname:
        return UNCHANGED
    if hostname is None:
        return None
    try:
        HOSTNAME_VALIDATOR(hostname)
    except ValidationError as error:
        raise ValidationError({"hostname": error.error_list}) from error
    sites = Site.objects.filter(hostname=hostname)
    if agency.site_id:
        sites = sites.exclude(pk=agency.site_id)
    if Agency.objects.filter(hostname=hostname).exclude(pk=agency.pk).exists() or sites.exists():
        raise ValidationError(
            {
                "hostname": ValidationError(
                    gettext_lazy("The host name %(host)s is already used by another site."),
                    code="hostname_taken",
                    params={"host": hostname},
                )
            }
        )
    return hostname


def plan_rename(
    agency: Agency, *, names: dict[str, str] | None = None, slug=None, hostname=UNCHANGED
) -> Plan:
    """What `rename_agency` would do (reads only). `names` per language (missing or
    empty: unchanged), `slug` the new address (None: unchanged), `hostname` the new
    host name ("" or None: none; omitted: unchanged)."""
    common.require_active(agency)
    plan = Plan(operation="rename", agency=agency.slug)
    new_names = {
        lang: value.strip()
        for lang, value in (names or {}).items()
        if lang in LANGUAGE_CODES and value and value.strip() != getattr(agency, f"name_{lang}")
    }
    slug = (slug or "").strip() or None
    if slug == agency.slug:
        slug = None
    if slug is not None:
        common.check_free_slug(slug)
    hostname = _clean_hostname(hostname, agency)
    if not new_names and slug is None and hostname is UNCHANGED:
        raise ValidationError(
            gettext_lazy("Nothing to change: give a new name, address or host name."),
            code="nothing_to_change",
        )
    for lang, value in new_names.items():
        plan.summary.append(
            _("Name (%(language)s): “%(old)s” → “%(new)s”")
            % {"language": lang, "old": getattr(agency, f"name_{lang}"), "new": value}
        )
    steps = {"names": new_names, "slug": slug, "hostname": hostname}
    if slug is not None:
        home = common.home_of(agency)
        plan.target = slug
        plan.summary.append(
            _("Address: /<lang>/%(old)s/ → /<lang>/%(new)s/") % {"old": agency.slug, "new": slug}
        )
        plan.moves.append(_home_move(home, agency.slug, slug))
        plan.redirects[f"{agency.slug}/"] = f"{slug}/"
        for group in (agency.editors_group, agency.moderators_group):
            if group is not None and group.name.startswith(f"{agency.slug}: "):
                new = f"{slug}: " + group.name[len(agency.slug) + 2 :]
                plan.groups.append(Change(group.name, _("renamed “%(new)s”") % {"new": new}))
    if hostname is not UNCHANGED:
        plan.summary.append(
            _("Host name: %(old)s → %(new)s")
            % {"old": agency.hostname or "—", "new": hostname or "—"}
        )
        if agency.hostname:
            plan.hosts[agency.hostname] = hostname or f"/<lang>/{slug or agency.slug}/"
    plan.steps = steps
    return plan


def _home_move(home, old_slug: str, new_slug: str) -> PageMove:
    return PageMove(
        page_id=home.pk,
        title=home.title,
        old_path=f"{old_slug}/",
        new_path=f"{new_slug}/",
        pages=home.get_descendants(inclusive=True).count(),
        new_slug=new_slug,
    )


def rename_agency(
    agency: Agency,
    *,
    names: dict[str, str] | None = None,
    slug=None,
    hostname=UNCHANGED,
    user=None,
    dry_run: bool = False,
) -> Plan:
    """Rename `agency` (see the module doc) in one transaction; `dry_run` returns the
    plan and changes nothing. Raises ValidationError (a message in the active
    language) and changes nothing when the request is not possible."""
    plan = plan_rename(agency, names=names, slug=slug, hostname=hostname)
    if dry_run:
        return plan
    with transaction.atomic():
        agency = Agency.objects.select_for_update().get(pk=agency.pk)
        # Checked again under the lock: another admin may have been quicker.
        plan = plan_rename(agency, names=names, slug=slug, hostname=hostname)
        _run(agency, plan, user)
    return plan


def _run(agency: Agency, plan: Plan, user) -> None:
    started = timezone.now()
    steps = plan.steps
    old_slug, old_hostname = agency.slug, agency.hostname
    page_ids: list[int] = []
    if steps["slug"]:
        new_slug = steps["slug"]
        home = common.home_of(agency)
        agency.slug = new_slug
        agency.save(update_fields=["slug", "updated_at"])
        common.set_slug(home, new_slug)
        for group in (agency.editors_group, agency.moderators_group):
            if group is not None and group.name.startswith(f"{old_slug}: "):
                group.name = f"{new_slug}: " + group.name[len(old_slug) + 2 :]
                group.save(update_fields=["name"])
        if agency.workflow_id:
            workflow = agency.workflow
            workflow.name = workflow.name.replace(f"{old_slug}: ", f"{new_slug}: ", 1)
            workflow.save(update_fields=["name"])
            for workflow_task in workflow.workflow_tasks.select_related("task"):
                task = workflow_task.task
                task.name = task.name.replace(f"{old_slug}: ", f"{new_slug}: ", 1)
                task.save(update_fields=["name"])
        common.record_redirects(agency, plan.redirects, claimed=(f"{new_slug}/",))
        page_ids = common.subtree_ids([home])
    values = {f"name_{lang}": value for lang, value in steps["names"].items()}
    if steps["hostname"] is not UNCHANGED:
        values["hostname"] = steps["hostname"]
        if steps["hostname"]:
            AgencyHostRedirect.objects.filter(old_hostname=steps["hostname"]).delete()
    # Names, home page titles, the Site's host and name, the collection's name.
    agency = update_agency(agency, user=user, **values)
    if steps["hostname"] is not UNCHANGED and old_hostname:
        common.record_host(agency, old_hostname, old_slug)
    if not page_ids and steps["names"]:
        page_ids = common.subtree_ids([common.home_of(agency)])
    common.finish(plan, agency, user, page_ids=page_ids, started=started)
