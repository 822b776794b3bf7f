"""The demo platform is data, kept out of the product: its files live in
static/demo_content/ (never collected as static), no file under cms/ or search/ holds
its texts, and production settings do not install the demo app."""

import json
import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders

from cms.demo.loader import DATA_DIR, IMPORT_FOLDER, agencies, import_file

ROOT = Path(settings.BASE_DIR)


def _texts(value):
    if isinstance(value, dict):
        for item in value.values():
            yield from _texts(item)
    elif isinstance(value, list):
        for item in value:
            yield from _texts(item)
    elif isinstance(value, str):
        yield value


def test_data_files_are_outside_cms_and_never_collected():
    assert DATA_DIR == ROOT / "static" / "demo_content"
    assert (DATA_DIR / "index.json").is_file()
    assert finders.find("demo_content/index.json") is None
    assert finders.find("index.json") is None
    for path in DATA_DIR.rglob("*"):
        name = path.relative_to(DATA_DIR).as_posix()
        assert finders.find(f"demo_content/{name}") is None, name


def test_every_agency_file_is_listed_and_loaded_in_order():
    index = json.loads((DATA_DIR / "index.json").read_text(encoding="utf-8"))
    files = sorted(path.name for path in DATA_DIR.glob("*.json") if path.name != "index.json")
    assert sorted(index["agencies"]) == files
    seen = set()
    for data in agencies():
        parent = data["agency"]["parent"]
        assert parent is None or parent in seen, data["agency"]["slug"]
        seen.add(data["agency"]["slug"])


def test_news_acts_and_plain_pages_go_through_the_importer_format():
    """What the importer's format can say is in import/<slug>.json (loaded by
    import_content, see test_demo.py); the agency files keep only what it cannot say."""
    import_files = sorted(path.name for path in (DATA_DIR / IMPORT_FOLDER).glob("*.json"))
    assert import_files == sorted(f"{data['agency']['slug']}.json" for data in agencies())
    for data in agencies():
        content = import_file(data["agency"]["slug"])
        assert content["agency"] == data["agency"]["slug"]
        assert {record["kind"] for record in content["records"]} == {"news", "legal_act", "page"}
        files = {item["file"] for item in data["images"] + data["documents"]}
        for record in content["records"]:
            referenced = [record.get("lead_image", {}).get("file")]
            referenced += list(record.get("files", {}).values())
            assert {name for name in referenced if name} <= files, record["id"]
        for page in data["pages"]:
            # Left to the loader: drafts in moderation, and news/acts nowhere else.
            if page["type"] in ("pages.newspage", "pages.legalactpage"):
                assert "moderation" in page, page["path"]


def test_no_demo_prose_under_cms_or_search():
    # Every title of the demo in kk/ru/en longer than a few words.
    phrases = set()
    for data in agencies():
        for page in data["pages"]:
            title = page["fields"].get("title") or {}
            phrases.update(text for text in _texts(title) if len(text) > 25)
        for record in (import_file(data["agency"]["slug"]) or {"records": []})["records"]:
            phrases.update(text for text in _texts(record["title"]) if len(text) > 25)
        for text in _texts(data["agency"]["names"]):
            phrases.add(text)
    assert len(phrases) > 100
    offenders = []
    # The importer's documented example file imports into the demo agency "digital" and
    # names it; it is the importer's test material, not loaded by load_demo.
    examples = ROOT / "cms" / "importer" / "examples"
    for folder in ("cms", "search"):
        for path in (ROOT / folder).rglob("*"):
            if not path.is_file() or path.suffix not in {".py", ".json", ".html", ".txt", ".md"}:
                continue
            if examples in path.parents:
                continue
            text = path.read_text(encoding="utf-8", errors="ignore")
            offenders += [(str(path), p) for p in phrases if p in text]
    assert offenders == []


def test_production_settings_do_not_install_the_demo_app():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": "x" * 50,
        "ALLOWED_HOSTS": "example.kz",
        "WAGTAILADMIN_BASE_URL": "https://example.kz",
        "DATABASE_URL": "sqlite:///:memory:",
    }
    code = (
        "import django; django.setup(); from django.conf import settings; "
        "from django.apps import apps; "
        "print('cms.demo' in settings.INSTALLED_APPS, apps.is_installed('cms.demo'))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "False"]
    assert "cms.demo" in settings.INSTALLED_APPS  # the test (and dev) settings keep it


def test_news_illustrations_are_deterministic_and_differ_by_topic():
    """Issue 16: every demo news image was the same emblem-like banner. Each topic now
    has its own composition, drawn the same way every time (so nothing is committed)."""
    import io

    import pytest
    from PIL import Image

    from cms.demo.media import TOPICS, illustration_png

    assert len(TOPICS) >= 10
    pictures = {topic: illustration_png(topic, seed="s") for topic in TOPICS}
    assert len(set(pictures.values())) == len(TOPICS)
    for topic, data in pictures.items():
        assert illustration_png(topic, seed="s") == data, topic
        image = Image.open(io.BytesIO(data))
        assert image.format == "PNG" and image.size == (1200, 675)
        # A picture, not a flat fill: several colours cover sizeable areas.
        colours = sorted(image.getcolors(1200 * 675), reverse=True)
        assert sum(1 for count, _colour in colours if count > 1200 * 675 * 0.02) >= 3, topic
    # The seed varies a topic's picture (two items on the same topic do not look alike).
    assert illustration_png("transport", seed="a") != illustration_png("transport", seed="b")
    with pytest.raises(ValueError, match="no illustration for topic"):
        illustration_png("fireworks")


def test_every_demo_news_item_has_its_topics_illustration():
    topics = set()
    for data in agencies():
        images = {image["file"]: image for image in data["images"]}
        assert not [i for i in data["images"] if i["draw"] in {"banner", "portrait"}]
        for record in import_file(data["agency"]["slug"])["records"]:
            if record["kind"] != "news":
                continue
            lead = record.get("lead_image")
            assert lead, record["id"]
            image = images[lead["file"]]
            assert image["draw"] == "illustration", record["id"]
            topics.add(image["topic"])
            alt = lead["alt"]
            assert set(alt) == {"kk", "ru", "en"} and all(alt.values()), record["id"]
    assert len(topics) >= 10


def test_demo_leaders_have_no_silhouette_photo():
    """A silhouette is not a photo: the demo's people have none, so their cards show
    their initials (components/person_card)."""
    people = [
        page
        for data in agencies()
        for page in data["pages"]
        if page["type"] == "organisation.personpage"
    ]
    assert len(people) >= 12
    assert not [page["path"] for page in people if page["fields"].get("photo")]
