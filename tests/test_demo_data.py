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

from cms.demo.loader import DATA_DIR, agencies

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
    for path in DATA_DIR.iterdir():
        assert finders.find(f"demo_content/{path.name}") is None, path.name


def test_every_agency_file_is_listed_and_loaded_in_order():
    index = json.loads((DATA_DIR / "index.json").read_text(encoding="utf-8"))
    files = sorted(path.name for path in DATA_DIR.glob("*.json") if path.name != "index.json")
    assert sorted(index["agencies"]) == files
    seen = set()
    for data in agencies():
        parent = data["agency"]["parent"]
        assert parent is None or parent in seen, data["agency"]["slug"]
        seen.add(data["agency"]["slug"])


def test_no_demo_prose_under_cms_or_search():
    # Every title of the demo in kk/ru/en longer than a few words.
    phrases = set()
    for data in agencies():
        for page in data["pages"]:
            title = page["fields"].get("title") or {}
            phrases.update(text for text in _texts(title) if len(text) > 25)
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
        [sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "False"]
    assert "cms.demo" in settings.INSTALLED_APPS  # the test (and dev) settings keep it
