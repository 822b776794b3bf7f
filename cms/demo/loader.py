"""Load the demo platform: agencies, their pages, media and users.

Idempotent: every object is looked up by a natural key (agency slug, page slug under
its parent, image/document title in the agency's collection, username) and created
only when missing. Pages that already have content are left alone, so a second run
creates nothing (not even a revision) and never overwrites what an editor changed.
"""

import io
from collections import Counter
from collections.abc import Callable
from datetime import date

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import translation
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from cms.pages.models import NewsPage
from cms.platform.portal import ensure_portal
from cms.platform.provisioning import provision_agency
from cms.tenants.models import Agency

from . import credentials, extra, media
from .content import AGENCIES
from .content.blocks import IMAGE_KEY, LANGS

User = get_user_model()


def _text(values: dict | None, lang: str) -> str:
    return (values or {}).get(lang, "") or ""


class DemoLoader:
    def __init__(self, log: Callable[[str], None] | None = None):
        self.log = log or (lambda message: None)
        self.created: Counter = Counter()
        self._password_hashes: dict[str, str] = {}

    # --- entry point -----------------------------------------------------------
    def load(self) -> Counter:
        # Plain (untranslated) attribute access writes the active language's column.
        with translation.override("kk"):
            ensure_portal()
            for spec in AGENCIES:
                self._load_agency(spec)
            self._ensure_admin()
        return self.created

    @transaction.atomic
    def _load_agency(self, spec: dict) -> None:
        before = sum(self.created.values())
        parent = Agency.objects.get(slug=spec["parent"]) if spec.get("parent") else None
        result = provision_agency(
            slug=spec["slug"],
            names=spec["names"],
            short_names=spec.get("short_names"),
            category=spec["category"],
            parent=parent,
            hostname=spec.get("hostname"),
            brand_colour=spec.get("brand_colour"),
        )
        agency = result.agency
        if result.created:
            self.created["agency"] += 1
        repaired = len(result.changes) - int(result.created)
        if repaired:
            self.created["provisioning step"] += repaired

        logo = self._image(agency, f"{spec['short_names']['ru']}: эмблема", "emblem.png",
                           lambda: media.emblem_png(agency.brand_colour))
        banner = self._image(agency, spec["image_title"], "banner.png",
                             lambda: media.banner_png(agency.brand_colour))
        documents = {d["key"]: self._document(agency, spec, d) for d in spec["documents"]}
        self._agency_fields(agency, spec, logo)

        refs = {IMAGE_KEY: banner.pk}
        refs.update({f"document:{key}": doc.pk for key, doc in documents.items()})
        home = agency.home_page
        if not any(getattr(home, f"intro_{lang}") for lang in LANGS):
            for lang in LANGS:
                setattr(home, f"intro_{lang}", _text(spec["intro"], lang))
            self._publish(home, "home intro")
        sections = {page.slug: page.specific for page in home.get_children()}
        for slug, data in spec["sections"].items():
            self._fill_section(sections[slug], data, refs)
        for item in spec["news"]:
            self._news(sections["news"], item, refs)
        for extension in extra.extensions():
            sections = {page.slug: page.specific for page in home.get_children()}
            extension.load(self, agency, spec, sections, refs)
        for role in credentials.ROLES:
            self._agency_user(agency, role)

        made = sum(self.created.values()) - before
        where = f" at http://{agency.hostname}:8000/" if agency.hostname else ""
        self.log(
            f"  {agency.slug:<12} {spec['names']['en']}{where}: "
            + (f"{made} objects created" if made else "already loaded, nothing to do")
        )

    # --- agency, media ---------------------------------------------------------
    def _agency_fields(self, agency: Agency, spec: dict, logo) -> None:
        changed = False
        if not any(getattr(agency, f"address_{lang}") for lang in LANGS):
            for lang in LANGS:
                setattr(agency, f"address_{lang}", _text(spec["address"], lang))
            changed = True
        for name in ("phone", "email"):
            if not getattr(agency, name):
                setattr(agency, name, spec[name])
                changed = True
        if agency.logo_id is None:
            agency.logo = logo
            changed = True
        if changed:
            agency.save()
            self.created["agency details"] += 1

    def _image(self, agency: Agency, title: str, filename: str, render: Callable[[], bytes]):
        Image = get_image_model()
        image = Image.objects.filter(collection=agency.collection, title=title).first()
        if image is None:
            data = render()
            image = Image(title=title, collection=agency.collection)
            image.file = ImageFile(io.BytesIO(data), name=f"{agency.slug}-{filename}")
            image.file_size = len(data)
            image.save()
            self.created["image"] += 1
        return image

    def _document(self, agency: Agency, spec: dict, item: dict):
        Document = get_document_model()
        title = item["title"]["kk"]
        document = Document.objects.filter(collection=agency.collection, title=title).first()
        if document is None:
            lines = [
                item["title"]["en"],
                spec["names"]["en"],
                "",
                *item["pdf_lines"],
                "",
                "Demonstration document of the Birtutas platform. Not an official act.",
            ]
            data = media.pdf_bytes(lines)
            document = Document(title=title, collection=agency.collection)
            document.file = ContentFile(data, name=f"{agency.slug}-{item['key']}.pdf")
            document.file_size = len(data)
            document.save()
            self.created["document"] += 1
        return document

    # --- pages -----------------------------------------------------------------
    @staticmethod
    def _resolve(blocks: list[dict], refs: dict) -> list[dict]:
        resolved = []
        for block in blocks:
            value = block["value"]
            if block["type"] == "image":
                value = {**value, "image": refs[value["image"]]}
            elif block["type"] == "document":
                value = {**value, "document": refs[value["document"]]}
            resolved.append({"type": block["type"], "value": value})
        return resolved

    def _set_texts(self, page, data: dict, refs: dict) -> None:
        for lang in LANGS:
            if "title" in data:
                setattr(page, f"title_{lang}", _text(data["title"], lang))
            setattr(page, f"intro_{lang}", _text(data.get("intro"), lang))
            setattr(page, f"body_{lang}", self._resolve(data.get("body", {}).get(lang, []), refs))

    def _fill_section(self, page, data: dict, refs: dict) -> None:
        if any(getattr(page, f"intro_{lang}") or getattr(page, f"body_{lang}") for lang in LANGS):
            return
        self._set_texts(page, data, refs)
        if data.get("no_english"):
            page.title_en = ""
        self._publish(page, "section")

    def _news(self, section, item: dict, refs: dict) -> None:
        if section.get_children().filter(slug=item["slug"]).exists():
            return
        page = NewsPage(slug=item["slug"], date=date.fromisoformat(item["date"]))
        self._set_texts(page, item, refs)
        section.add_child(instance=page)
        self._publish(page, "news item")

    def _publish(self, page, kind: str) -> None:
        page.save_revision().publish()
        self.created[kind] += 1

    # --- users -----------------------------------------------------------------
    def _hash(self, password: str) -> str:
        # Hashing is deliberately slow; all demo users of one password share a hash.
        if password not in self._password_hashes:
            self._password_hashes[password] = make_password(password)
        return self._password_hashes[password]

    def _agency_user(self, agency: Agency, role: str) -> None:
        username = credentials.agency_username(agency.slug, role)
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User.objects.create(
                username=username,
                email=f"{username}@demo.example.kz",
                first_name=agency.short_name_ru or agency.slug,
                last_name={"editor": "Редактор", "moderator": "Модератор"}[role],
                password=self._hash(credentials.password_for(username)),
            )
            self.created["user"] += 1
        group = agency.editors_group if role == "editor" else agency.moderators_group
        if not user.groups.filter(pk=group.pk).exists():
            user.groups.add(group)

    def _ensure_admin(self) -> None:
        if User.objects.filter(username=credentials.ADMIN_USERNAME).exists():
            return
        User.objects.create(
            username=credentials.ADMIN_USERNAME,
            email=credentials.ADMIN_EMAIL,
            is_staff=True,
            is_superuser=True,
            password=self._hash(credentials.ADMIN_PASSWORD),
        )
        self.created["user"] += 1
        self.log(f"  superuser {credentials.ADMIN_USERNAME} created")


def load_demo(log: Callable[[str], None] | None = None) -> Counter:
    """Load (or complete) the demo platform; returns what was created, by kind."""
    return DemoLoader(log).load()
