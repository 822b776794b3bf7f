"""Russian stemming (Snowball) with a small exception table, and stop words.

Snowball cuts a few frequent government words badly: the genitive plural «граждан»
becomes «гражда» while «гражданам» gives «граждан» and «гражданин» «гражданин», so a
query never meets the page. ``EXCEPTIONS`` maps such word forms to the stem their
other forms get (checked with tests/test_text_analysis.py). The forms were found by
running the demo platform's Russian text through the stemmer and looking at stems one
or two letters apart (scripts: see the test module's docstring).
"""

from __future__ import annotations

from functools import lru_cache

from .snowball import stemmer

__all__ = ["stem", "STOP_WORDS", "EXCEPTIONS", "is_stop_word"]

_STEMMER = stemmer("russian")

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


def _forms(stem_: str, words: str) -> dict[str, str]:
    return dict.fromkeys(words.split(), stem_)


# word form (ё already read as е) → the stem its other forms get from Snowball
EXCEPTIONS: dict[str, str] = {
    # граждан (gen. pl.) → «гражда»; гражданин → «гражданин»: all citizens meet
    **_forms("граждан", "граждан гражданин гражданина гражданину гражданином гражданине"),
    # органы/орган/органа → «орга», органов → «орган»
    **_forms("орган", "орган органа органы органе"),
    # систем (gen. pl.), систему → «сист», система → «систем»
    **_forms("систем", "систем систему"),
    # портала → «порта» (as if a verb), портале → «портал»
    **_forms("портал", "портал портала"),
    # -пись nouns: подпись → «подп», подписи → «подпис»
    **_forms("подпис", "подпись"),
    **_forms("запис", "запись записаться записался записалась записались записан"),
    **_forms("роспис", "роспись"),
    # аким → «ак», акима → «аким»
    **_forms("аким", "аким"),
    # fleeting о in the genitive plural: справок → «справок», справка → «справк»
    **_forms("справк", "справок"),
    **_forms("выписк", "выписок"),
    **_forms("заявк", "заявок"),
    **_forms("ошибк", "ошибок"),
    **_forms("остановк", "остановок"),
    **_forms("прописк", "прописок"),
    **_forms("ребенк", "ребенок"),
    **_forms("отц", "отец"),
    **_forms("матер", "мать"),
    **_forms("земл", "земель"),
    **_forms("ден", "дня дней дню днем"),
}


def is_stop_word(token: str) -> bool:
    return token.replace("ё", "е") in STOP_WORDS


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Snowball Russian stem of a lowercase word (ё is treated as е), with the
    exceptions of ``EXCEPTIONS``."""
    word = word.replace("ё", "е")
    return EXCEPTIONS.get(word) or _STEMMER.stemWord(word)
