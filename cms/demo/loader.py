"""Load the demo platform from its data files (static/demo_content/, see its README.md).

The loader knows no demo text: every agency, page, image, document, user and menu is
read from one JSON file per agency, in the order of `index.json` (a parent agency
before its subordinate bodies). What the importer's format can say (news, legal acts,
plain standard pages) is in `import/<slug>.json` and goes in through
`manage.py import_content`, so the demo exercises the importer; this loader sets up
only what that format cannot: the agency, its media, users, the other page types,
moderation and the menu.

Idempotent: every object is looked up by a natural key (agency slug, page path under
the agency's home, image/document title in the agency's collection, username) and
created only when missing. A page the provisioning made (home, sections) is filled
only while every field the data gives it is still empty, so a second run creates
nothing (not even a revision) and never overwrites what an editor changed.
"""

import io
import json
import tempfile
from collections import Counter
from collections.abc import Callable
from contextlib import contextmanager
from datetime import datetime, time, timedelta
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.management import CommandError, call_command
from django.db import transaction
from django.db.models.signals import post_save
from django.utils import timezone, translation
from modelsearch import index as search_index
from modelsearch.signal_handlers import post_save_signal_handler as search_on_save
from modeltranslation.translator import NotRegistered, translator
from wagtail import blocks
from wagtail.documents import get_document_model
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import Page, ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update
from wagtail.utils.file import hash_filelike

from cms.core.languages import LANGUAGE_CODES
from cms.importer.models import ImportedRecord
from cms.navigation.models import AgencyMenu
from cms.pages.models import PortalHomePage, PortalTopTask
from cms.platform.portal import ensure_portal
from cms.platform.provisioning import provision_agency
from cms.speech.signals import deferred as speech_deferred
from cms.tenants.models import Agency

from . import credentials, media

# Data, never code: outside cms/ and never collected as static (see cms/settings/base.py).
DATA_DIR = Path(settings.BASE_DIR) / "static" / "demo_content"
IMPORT_FOLDER = "import"
# The portal's own demo content (its top tasks), loaded after every agency.
PORTAL_FILE = Path("portal") / "top_tasks.json"
LANGS = LANGUAGE_CODES
DRAWINGS = {
    "emblem": lambda colour, item: media.emblem_png(colour),
    "illustration": lambda colour, item: media.illustration_png(item["topic"], seed=item["seed"]),
    "photo": lambda colour, item: media.photo_png(colour, seed=item["seed"]),
}
User = get_user_model()


def agencies(data_dir: Path = DATA_DIR) -> list[dict]:
    """Every demo agency's data, parents first (the order of index.json)."""
    index = json.loads((data_dir / "index.json").read_text(encoding="utf-8"))
    return [json.loads((data_dir / name).read_text(encoding="utf-8")) for name in index["agencies"]]


def import_file(slug: str, data_dir: Path = DATA_DIR) -> dict | None:
    """The agency's records in the importer's format, or None when it has none."""
    path = data_dir / IMPORT_FOLDER / f"{slug}.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None


def _translated_fields(model) -> set[str]:
    try:
        return set(translator.get_options_for_model(model).all_fields)
    except NotRegistered:
        return set()


@contextmanager
def deferred_indexing():
    """Index each saved object once, at the end, not on every save.

    A demo page is saved three times (created, revision, published), and Wagtail
    updates its reference index and its own search index on each save. Inside this
    block both wait; on the way out every saved object is indexed once, in its final
    state. Models whose search indexing is switched off stay off.
    """
    saved: dict[tuple, type] = {}
    searched = [
        model
        for model in search_index.get_indexed_models()
        if post_save.disconnect(search_on_save, sender=model)
    ]

    def record(sender, instance, raw=False, **kwargs):
        if not raw:
            saved[(sender, instance.pk)] = sender

    post_save.connect(record, weak=False, dispatch_uid="demo-deferred-indexing")
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        post_save.disconnect(dispatch_uid="demo-deferred-indexing")
        for model in searched:
            post_save.connect(search_on_save, sender=model)
    for model, pk in saved:
        references, search = ReferenceIndex.is_indexed(model), model in searched
        if not (references or search):
            continue
        instance = model._default_manager.filter(pk=pk).first()
        if instance is None:
            continue
        if references:
            ReferenceIndex.create_or_update_for_object(instance)
        if search:
            search_index.insert_or_update_object(instance)


def _empty(value) -> bool:
    return value is None or value == "" or (hasattr(value, "__len__") and len(value) == 0)


class DemoLoader:
    def __init__(self, log: Callable[[str], None] | None = None, data_dir: Path = DATA_DIR):
        self.log = log or (lambda message: None)
        self.data_dir = data_dir
        self.created: Counter = Counter()
        self._password_hashes: dict[str, str] = {}

    # --- entry point -----------------------------------------------------------
    def load(self) -> Counter:
        # Plain (untranslated) attribute access writes the active language's column.
        # Speech: made afterwards by `speak_pages --missing` (make run: in the
        # background), not inline for every demo page.
        with translation.override("kk"), speech_deferred():
            with deferred_indexing():
                ensure_portal()
            for data in agencies(self.data_dir):
                with transaction.atomic(), deferred_indexing():
                    self._load_agency(data)
            with transaction.atomic():
                self._top_tasks()
            self._ensure_admin()
        return self.created

    def _load_agency(self, data: dict) -> None:
        before = sum(self.created.values())
        spec = data["agency"]
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

        self.agency = agency
        self.home = agency.home_page
        self.images = {item["title"]: self._image(agency, item) for item in data["images"]}
        self.documents = {item["title"]: self._document(agency, item) for item in data["documents"]}
        # The import file names them by file.
        self.files = {
            item["file"]: stored
            for items, found in ((data["images"], self.images), (data["documents"], self.documents))
            for item in items
            for stored in [found[item["title"]]]
        }
        self.users = {item["username"]: self._user(agency, item) for item in data["users"]}
        self._agency_details(agency, data.get("details", {}))
        self.pages: dict[str, Page] = {}
        for item in data["pages"]:
            self._page(item)
        self._import(agency)
        if data.get("menu"):
            self._menu(agency, data["menu"])

        made = sum(self.created.values()) - before
        where = f" (also at its own host {agency.hostname})" if agency.hostname else ""
        self.log(
            f"  {agency.slug:<12} {spec['names']['en']}{where}: "
            + (f"{made} objects created" if made else "already loaded, nothing to do")
        )

    def _top_tasks(self) -> None:
        """The portal's top tasks, only while it has none (an admin's list is kept).
        A task names a page by its path under the portal ("digital/services/x/")."""
        path = self.data_dir / PORTAL_FILE
        if not path.is_file():
            return
        portal = PortalHomePage.objects.get()
        if portal.top_tasks.exists():
            return
        tasks = json.loads(path.read_text(encoding="utf-8"))["top_tasks"]
        for order, item in enumerate(tasks):
            task = PortalTopTask(page=portal, sort_order=order, link_url=item.get("url", ""))
            if item.get("page"):
                task.link_page = Page.objects.get(url_path=portal.url_path + item["page"])
            for column, value in self._fields(PortalTopTask, {"label": item["label"]}).items():
                setattr(task, column, value)
            task.full_clean(exclude=["page"])
            task.save()
            self.created["top task"] += 1
        # The live revision holds the tasks too (the admin edits that revision).
        portal.save_revision().publish()

    # --- references ------------------------------------------------------------
    def _ref(self, value):
        """ "image:<title>", "document:<title>", "page:<path under the home>" → object."""
        if not isinstance(value, str):
            return value
        kind, _, key = value.partition(":")
        if kind == "image":
            return self.images[key]
        if kind == "document":
            return self.documents[key]
        if kind == "page":
            return self._page_at(key)
        raise ValueError(f"Unknown demo reference {value!r}")

    def _page_at(self, path: str) -> Page:
        if path not in self.pages:
            url_path = path if path.startswith("/") else self.home.url_path + path
            self.pages[path] = Page.objects.get(url_path=url_path).specific
        return self.pages[path]

    def _stream(self, block, value):
        """Raw StreamField data with the references of chooser blocks made ids."""
        if isinstance(block, blocks.StreamBlock):
            return [
                {
                    "type": item["type"],
                    "value": self._stream(block.child_blocks[item["type"]], item["value"]),
                }
                for item in value or []
            ]
        if isinstance(block, blocks.ListBlock):
            return [
                {"type": "item", "value": self._stream(block.child_block, item["value"])}
                if isinstance(item, dict) and item.get("type") == "item" and "value" in item
                else self._stream(block.child_block, item)
                for item in value or []
            ]
        if isinstance(block, blocks.StructBlock):
            return {
                name: self._stream(block.child_blocks[name], item)
                if name in block.child_blocks
                else item
                for name, item in (value or {}).items()
            }
        if isinstance(block, (ImageChooserBlock, DocumentChooserBlock, blocks.PageChooserBlock)):
            return self._ref(value).pk if value else value
        return value

    def _value(self, model, name: str, value):
        field = model._meta.get_field(name)
        if isinstance(field, StreamField):
            return field.attname, self._stream(field.stream_block, value)
        if field.is_relation:
            return field.attname, self._ref(value).pk if value else None
        if isinstance(value, dict) and "days_from_today" in value:
            day = timezone.localdate() + timedelta(days=value["days_from_today"])
            if "time" not in value:
                return field.attname, day
            moment = datetime.combine(day, time.fromisoformat(value["time"]))
            return field.attname, timezone.make_aware(moment)
        return field.attname, field.to_python(value)

    def _fields(self, model, fields: dict) -> dict:
        """Model attribute → value; a translated field {"kk":..} sets its three columns."""
        translated = _translated_fields(model)
        values = {}
        for name, value in fields.items():
            if name in translated:
                for lang in LANGS:
                    values.update([self._value(model, f"{name}_{lang}", value.get(lang, ""))])
            else:
                values.update([self._value(model, name, value)])
        return values

    # --- agency, media, users --------------------------------------------------
    def _agency_details(self, agency: Agency, details: dict) -> None:
        """Address, phone, email, logo: each filled only while it is empty."""
        translated = _translated_fields(Agency)
        changed = False
        for name, value in details.items():
            columns = [f"{name}_{lang}" for lang in LANGS] if name in translated else [name]
            if all(_empty(getattr(agency, column)) for column in columns):
                for column, column_value in self._fields(Agency, {name: value}).items():
                    setattr(agency, column, column_value)
                changed = True
        if changed:
            agency.save()
            self.created["agency details"] += 1

    def _image(self, agency: Agency, item: dict):
        Image = get_image_model()
        image = Image.objects.filter(collection=agency.collection, title=item["title"]).first()
        if image is None:
            data = DRAWINGS[item["draw"]](agency.brand_colour, item)
            image = Image(title=item["title"], collection=agency.collection)
            image.file = ImageFile(io.BytesIO(data), name=item["file"])
            image.file_size = len(data)
            image.file_hash = hash_filelike(io.BytesIO(data))
            image.save()
            self.created["image"] += 1
        return image

    def _document(self, agency: Agency, item: dict):
        Document = get_document_model()
        document = Document.objects.filter(
            collection=agency.collection, title=item["title"]
        ).first()
        if document is None:
            data = media.pdf_bytes(item["lines"])
            document = Document(title=item["title"], collection=agency.collection)
            document.file = ContentFile(data, name=item["file"])
            document.file_size = len(data)
            document.file_hash = hash_filelike(io.BytesIO(data))
            document.save()
            self.created["document"] += 1
        return document

    def _hash(self, password: str) -> str:
        # Hashing is deliberately slow; all demo users of one password share a hash.
        if password not in self._password_hashes:
            self._password_hashes[password] = make_password(password)
        return self._password_hashes[password]

    def _user(self, agency: Agency, item: dict):
        user = User.objects.filter(username=item["username"]).first()
        if user is None:
            user = User.objects.create(
                username=item["username"],
                email=item["email"],
                first_name=item["first_name"],
                last_name=item["last_name"],
                password=self._hash(credentials.password_for(item["username"])),
            )
            self.created["user"] += 1
        group = {"editors": agency.editors_group, "moderators": agency.moderators_group}[
            item["group"]
        ]
        if not user.groups.filter(pk=group.pk).exists():
            user.groups.add(group)
        return user

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

    # --- the importer ----------------------------------------------------------
    def _import(self, agency: Agency) -> None:
        """Run `import_content` on the agency's import file.

        The file names its images and documents by the `file` of the agency file's
        `images` and `documents`: they are written beside a copy of it in a scratch
        folder, and the importer, which finds a file by its bytes in the agency's
        collection, uses the objects made above. A record whose page exists without
        having been imported (an older demo, or an editor's page at that address) is
        left out, as the loader never overwrites a page it did not make.
        """
        content = import_file(agency.slug, self.data_dir)
        if content is None:
            return
        imported = set(
            ImportedRecord.objects.filter(agency=agency).values_list("external_id", flat=True)
        )
        taken = set(Page.objects.descendant_of(self.home).values_list("url_path", flat=True))
        content["records"] = [
            record
            for record in content["records"]
            if record["id"] in imported
            or f"{self.home.url_path}{record['section']}/{record['slug']}/" not in taken
        ]
        before = len(imported)
        with tempfile.TemporaryDirectory(prefix="demo-import-") as folder:
            folder = Path(folder)
            for name, stored in self.files.items():
                with stored.file.open("rb") as handle:
                    (folder / name).write_bytes(handle.read())
            path = folder / f"{agency.slug}.json"
            path.write_text(json.dumps(content, ensure_ascii=False), encoding="utf-8")
            out = io.StringIO()
            try:
                call_command("import_content", str(path), stdout=out, stderr=io.StringIO())
            except CommandError as error:
                raise CommandError(f"{agency.slug}: {error}\n{out.getvalue()}") from error
        made = ImportedRecord.objects.filter(agency=agency).count() - before
        if made:
            self.created["imported page"] += made

    # --- pages and menu --------------------------------------------------------
    def _page(self, item: dict) -> None:
        path = item["path"]
        url_path = self.home.url_path + path
        existing = Page.objects.filter(url_path=url_path).first()
        if existing is not None:
            self._fill(existing.specific, item)
            return
        parent_path = path.rstrip("/").rpartition("/")[0]
        parent = self._page_at(parent_path + "/" if parent_path else "")
        model = apps.get_model(item["type"])
        page = model(slug=path.rstrip("/").rpartition("/")[2])
        self._assign(page, item)
        moderation = item.get("moderation")
        if moderation:
            editor = self.users[moderation["submitted_by"]]
            page.owner = editor
            page.live = False
            parent.add_child(instance=page)
            page.save_revision(user=editor)
            self.agency.workflow.start(page, editor)
            self.created["news item awaiting moderation"] += 1
        else:
            parent.add_child(instance=page)
            self._publish(page)
        self.pages[path] = page

    def _assign(self, page, item: dict) -> None:
        for name, value in self._fields(type(page), item.get("fields", {})).items():
            setattr(page, name, value)
        for relation, children in item.get("children", {}).items():
            child_model = getattr(type(page), relation).rel.related_model
            setattr(
                page,
                relation,
                [child_model(**self._fields(child_model, child)) for child in children],
            )
        if "tags" in item:
            page.tags.set(item["tags"])

    def _fill(self, page, item: dict) -> None:
        """A page the provisioning made: filled only while the data's fields are empty."""
        if type(page)._meta.label_lower != item["type"]:
            raise ValueError(f"{page.url_path} is a {type(page).__name__}, not {item['type']}")
        values = self._fields(type(page), item.get("fields", {}))
        content = [name for name in values if not name.startswith("title")]
        if any(not _empty(getattr(page, name)) for name in content):
            return
        if any(getattr(page, relation).exists() for relation in item.get("children", {})):
            return
        self._assign(page, item)
        self._publish(page)

    def _publish(self, page) -> None:
        page.save_revision().publish()
        with translation.override("en"):
            self.created[str(type(page)._meta.verbose_name)] += 1

    def _menu(self, agency: Agency, data: dict) -> None:
        if AgencyMenu.objects.filter(agency=agency).exists():
            return
        menu = AgencyMenu(agency=agency)
        for name, value in data.items():
            setattr(menu, name, self._stream(AgencyMenu._meta.get_field(name).stream_block, value))
        menu.full_clean()
        menu.save()
        self.created["menu"] += 1


def load_demo(log: Callable[[str], None] | None = None) -> Counter:
    """Load (or complete) the demo platform; returns what was created, by kind."""
    return DemoLoader(log).load()
