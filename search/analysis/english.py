"""English stemming (Snowball "english", i.e. Porter2) and a small stop-word list."""

from __future__ import annotations

from functools import lru_cache

import snowballstemmer

__all__ = ["stem", "STOP_WORDS", "is_stop_word"]

_STEMMER = snowballstemmer.stemmer("english")

STOP_WORDS = frozenset(
    """
    a an and are as at be been but by for from has have he her his i if in into is it
    its me my no not of on or our she so such than that the their them then there these
    they this those to was we were what when where which who whom why will with would
    you your about also can do does did
    """.split()
)


def is_stop_word(token: str) -> bool:
    return token in STOP_WORDS


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Snowball English stem of a lowercase word (possessive 's is dropped)."""
    return _STEMMER.stemWord(word)
