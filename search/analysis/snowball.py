"""The Snowball stemmers this project uses (Russian and English), from the installed
`snowballstemmer` package without the rest of it.

`import snowballstemmer` (or any of its modules) runs the package's __init__, which
imports the stemmers of all its 36 languages: 2.5 MB in every web worker, for the two
that search uses (issue 14, memory per worker; `python -m tests.benchmarks.
memory_profile`). Here the package's folder is mounted as a package of this module's
own (``search.analysis._snowballstemmer``, whose __init__ is never run) and only the
Russian and English stemmer modules and their base classes are imported from it: the
same files, so the stems are the package's (tests/test_memory.py compares them with
``snowballstemmer.stemmer(language)`` and checks the package's __init__ stays out).
"""

from __future__ import annotations

import importlib
import sys
from importlib.machinery import ModuleSpec
from importlib.util import find_spec, module_from_spec
from pathlib import Path

__all__ = ["stemmer"]

PACKAGE = f"{__name__.rsplit('.', 1)[0]}._snowballstemmer"
CLASSES = {"russian": "RussianStemmer", "english": "EnglishStemmer"}


def _package():
    """The installed snowballstemmer folder as the package PACKAGE (its modules import
    each other relatively: `.basestemmer`, `.among`)."""
    if PACKAGE not in sys.modules:
        # find_spec of a top-level name locates the package without importing it.
        folder = Path(find_spec("snowballstemmer").origin).parent
        spec = ModuleSpec(PACKAGE, None, is_package=True)
        spec.submodule_search_locations = [str(folder)]
        sys.modules[PACKAGE] = module_from_spec(spec)
    return sys.modules[PACKAGE]


def stemmer(language: str):
    """A new Snowball stemmer for `language` ("russian" or "english"): its
    `stemWord(word)` is snowballstemmer.stemmer(language).stemWord(word)."""
    _package()
    module = importlib.import_module(f"{PACKAGE}.{language}_stemmer")
    return getattr(module, CLASSES[language])()
