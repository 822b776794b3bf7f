"""Parameters of the `tag_list` component (`themes/templates/components/tag_list/`)."""

from cms.core.languages import text_language


def tag(name: str, url: str = "", current: bool = False, *, language: str) -> dict:
    """One topic: its name, the archive filtered by it (empty: plain text), whether
    it is the filter in use, and `lang`: the language the name is written in. Tags
    are not translated, so a Kazakh tag is shown as it is on a Russian or English page
    and must say so (guessed from its letters: cms.core.languages.text_language)."""
    return {
        "name": name,
        "url": url,
        "current": current,
        "lang": text_language(name, language),
    }
