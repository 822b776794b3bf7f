"""The portal's own pages: created in Python (not in a data migration) because the
modeltranslation columns of wagtailcore_page only exist after `migrate` has synced
them, so a data migration could not fill title_kk/title_ru/title_en.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import Page, Site

from .models import PortalHomePage

PORTAL_TITLES = {
    "kk": "Мемлекеттік органдардың бірыңғай платформасы",
    "ru": "Единая платформа государственных органов",
    "en": "Unified platform of government bodies",
}
PORTAL_INTRO = {
    "kk": "Министрліктердің, комитеттердің, әкімдіктер мен елшіліктердің ресми сайттары бір жерде.",
    "ru": "Официальные сайты министерств, комитетов, акиматов и посольств в одном месте.",
    "en": "The official websites of ministries, committees, akimats and embassies in one place.",
}


@transaction.atomic
def ensure_portal(hostname: str = "localhost", port: int = 80) -> PortalHomePage:
    """Create the portal home page and the default Site if they are missing."""
    portal = PortalHomePage.objects.first()
    if portal is None:
        root = Page.get_first_root_node()
        # Wagtail's own migration leaves a "Welcome" page; it has no place here.
        for welcome in root.get_children().filter(
            content_type__app_label="wagtailcore", content_type__model="page"
        ):
            if welcome.numchild == 0:
                Site.objects.filter(root_page=welcome).delete()
                welcome.delete()
        portal = PortalHomePage(slug="portal")
        for lang, title in PORTAL_TITLES.items():
            setattr(portal, f"title_{lang}", title)
            setattr(portal, f"intro_{lang}", PORTAL_INTRO[lang])
        root.refresh_from_db()
        root.add_child(instance=portal)
        portal.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname=hostname,
            port=port,
            root_page=portal,
            is_default_site=True,
            site_name="Birtutas",
        )
    elif site.root_page_id != portal.pk:
        site.root_page = portal
        site.save()
    ensure_platform_admins_group()
    return portal


def ensure_platform_admins_group() -> Group:
    from django.conf import settings

    group, _created = Group.objects.get_or_create(name=settings.PLATFORM_ADMINS_GROUP)
    wanted = Permission.objects.filter(
        content_type__app_label="tenants", codename__in=["add_agency", "change_agency"]
    ) | Permission.objects.filter(content_type__app_label="wagtailadmin", codename="access_admin")
    group.permissions.add(*wanted)
    return group
