"""The judged query set (search/relevance/queries.json) is well formed and follows the
demo content: `make relevance` measures with it, so a broken key must fail here first."""

import json
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
QUERIES = json.loads((ROOT / "search/relevance/queries.json").read_text(encoding="utf-8"))[
    "queries"
]


def live_demo_pages() -> set[str]:
    """Keys of the demo pages that get published (not left in moderation)."""
    demo = ROOT / "static/demo_content"
    keys = set()
    for name in json.loads((demo / "index.json").read_text(encoding="utf-8"))["agencies"]:
        data = json.loads((demo / name).read_text(encoding="utf-8"))
        slug = data["agency"]["slug"]
        for page in data["pages"]:
            if "moderation" not in page:
                keys.add(f"{slug}/{page['path']}")
        # The pages the demo loads through the importer (all published).
        imported = demo / "import" / name
        if imported.exists():
            for record in json.loads(imported.read_text(encoding="utf-8"))["records"]:
                keys.add(f"{slug}/{record['section']}/{record['slug']}/")
    return keys


def test_size_languages_and_scripts():
    assert len(QUERIES) >= 150
    languages = Counter(q["lang"] for q in QUERIES)
    assert set(languages) == {"kk", "ru", "en"} and min(languages.values()) >= 40
    scripts = Counter(q.get("script", "cyr") for q in QUERIES if q["lang"] == "kk")
    assert set(scripts) == {"cyr", "lat", "ascii"} and min(scripts.values()) >= 10


def test_every_query_is_judged_with_live_demo_pages():
    pages = live_demo_pages()
    ids = [q["id"] for q in QUERIES]
    assert len(ids) == len(set(ids))
    for q in QUERIES:
        assert q["q"].strip(), q["id"]
        assert 2 in q["grades"].values(), q["id"]
        assert set(q["grades"].values()) <= {1, 2}, q["id"]
        unknown = set(q["grades"]) - pages
        assert not unknown, (q["id"], unknown)
        agency = q.get("agency")
        if agency:
            assert all(key.startswith(agency + "/") for key, g in q["grades"].items() if g == 2)


def test_queries_are_not_copied_titles():
    """Citizens' words, not the page titles: at most a tenth equal a title."""
    demo = ROOT / "static/demo_content"
    titles = set()
    for name in json.loads((demo / "index.json").read_text(encoding="utf-8"))["agencies"]:
        for page in json.loads((demo / name).read_text(encoding="utf-8"))["pages"]:
            title = page["fields"].get("title")
            if isinstance(title, dict):
                titles.update(str(t).strip().lower() for t in title.values() if t)
    copied = [q["id"] for q in QUERIES if q["q"].strip().lower() in titles]
    assert len(copied) <= len(QUERIES) // 10, copied
