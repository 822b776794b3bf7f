"""Russian stemming (Snowball) and a small stop-word list."""

from __future__ import annotations

from functools import lru_cache

import snowballstemmer

__all__ = ["stem", "STOP_WORDS", "is_stop_word"]

_STEMMER = snowballstemmer.stemmer("russian")

STOP_WORDS = frozenset(
    """
    и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по
    только ее её мне было вот от меня еще ещё нет о об из ему когда даже ли если уже или
    ни быть был него до вас там себя ей может они тут где есть для мы тебя их чем
    была сам без чего тоже себе под будет ж тогда кто этот того потому этого какой
    ним здесь этом тем чтобы нее были куда всех можно при над тот через эти нас про
    всего них какая эту этой перед том такой им более всю между также который
    которые которых которая которой которого это а также либо
    """.split()
)


def is_stop_word(token: str) -> bool:
    return token.replace("ё", "е") in STOP_WORDS


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Snowball Russian stem of a lowercase word (ё is treated as е)."""
    return _STEMMER.stemWord(word.replace("ё", "е"))
