"""English stemming (Snowball "english", i.e. Porter2), UK/US spelling folded, and a
small stop-word list.

Kazakhstan's official English follows British spelling (organisation, programme,
licence, centre) while citizens and machine translations often type the American one.
``us_spelling`` rewrites a word to the American form before stemming, so both meet:

* -isation/-ise/-yse → -ization/-ize/-yze, only after stem endings that make -ize
  verbs (organise, realise, prioritise, analyse), never advise, promise, exercise,
  enterprise, arise...;
* -our → -or for a list of roots (colour, labour, behaviour, neighbourhood);
* -re → -er (centre, metre, theatre, fibre), -ence → -ense (licence, defence,
  offence), -ogue → -og (catalogue, dialogue), -dgement → -dgment;
* medical ae/oe (paediatric, anaemia, haemo-, gynaecology, oestrogen);
* enquiry → inquiry, practise → practice, instalment → installment,
  counsellor → counselor;
* programme → program. Decision: British usage keeps "program" for software and
  "programme" for a plan of action; American uses "program" for both. On a
  government portal nearly every occurrence is a state programme, and a citizen
  typing "program" wants it, so they are folded; a software program is rare enough
  here that the lost distinction costs little.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .snowball import stemmer

__all__ = ["stem", "STOP_WORDS", "is_stop_word", "us_spelling"]

_STEMMER = stemmer("english")

STOP_WORDS = frozenset(
    """
    a an and are as at be been but by for from has have he her his i if in into is it
    its me my no not of on or our she so such than that the their them then there these
    they this those to was we were what when where which who whom why will with would
    you your about also can do does did
    """.split()
)

# -ise → -ize after these endings of what precedes "is" (organ-ise, real-ise, ...).
_IZE = re.compile(
    r"^(?P<root>[a-z]{2,}(?:al|an|ar|er|or|on|im|it|ic|og|il|gn|iv|om|at|ud|ur|in|et|rn|id|th|es))"
    r"is(?P<end>e|es|ed|ing|er|ers|ation|ations|ational|able)$"
)
_NOT_IZE = frozenset(
    "promise promises promised promising compromise compromises compromised compromising "
    "premise premises".split()
)
_YSE = re.compile(
    r"^(?P<root>[a-z]*(?:anal|paral|catal|dial|electrol|hydrol))ys(?P<end>e|es|ed|ing|er|ers)$"
)
_OUR_ROOTS = (
    "arbour ardour armour behaviour candour clamour colour demeanour endeavour favour "
    "fervour flavour harbour honour humour labour neighbour odour parlour rancour rumour "
    "saviour savour splendour succour tumour valour vapour vigour"
).split()
_OUR = re.compile(r"^(" + "|".join(r[:-3] for r in _OUR_ROOTS) + r")our")
_WORDS = {
    **dict.fromkeys(["programme", "programmes"], None),
    "licence": "license",
    "licences": "licenses",
    "licenced": "licensed",
    "defence": "defense",
    "defences": "defenses",
    "offence": "offense",
    "offences": "offenses",
    "pretence": "pretense",
    "practise": "practice",
    "practised": "practiced",
    "practises": "practices",
    "practising": "practicing",
    "instalment": "installment",
    "instalments": "installments",
    "counsellor": "counselor",
    "counsellors": "counselors",
    "counselling": "counseling",
    "ageing": "aging",
}
_RE_WORDS = re.compile(
    r"^(cent|met|kilomet|centimet|millimet|lit|millilit|theat|fib|calib|sab|lust|spect|meag)re(s|d)?$"
)
_OGUE = re.compile(r"^(catal|dial|anal|prol|monol|epil)ogue(s|d)?$")
_MEDICAL = re.compile(r"^(paed|haem|anaem|gynaec|orthopaed|oestr|oesoph|foet|leukaem|diarrhoe)")
_MEDICAL_US = {
    "paed": "ped",
    "haem": "hem",
    "anaem": "anem",
    "gynaec": "gynec",
    "orthopaed": "orthoped",
    "oestr": "estr",
    "oesoph": "esoph",
    "foet": "fet",
    "leukaem": "leukem",
    "diarrhoe": "diarrhe",
}


def us_spelling(word: str) -> str:
    """The American spelling of a lowercase British word (the word itself otherwise)."""
    if word in _WORDS:
        return _WORDS[word] or word.replace("programme", "program")
    if word.startswith("enquir"):
        return "inquir" + word[6:]
    if word.endswith(("dgement", "dgements")):
        return word.replace("dgement", "dgment")
    if word not in _NOT_IZE:
        m = _IZE.match(word)
        if m:
            return m["root"] + "iz" + m["end"]
    m = _YSE.match(word)
    if m:
        return m["root"] + "yz" + m["end"]
    m = _RE_WORDS.match(word)
    if m:
        return m[1] + "er" + (m[2] or "").replace("d", "ed")
    m = _OGUE.match(word)
    if m:
        return m[1] + "og" + (m[2] or "")
    m = _OUR.match(word)
    if m:
        return m[1] + "or" + word[m.end() :]
    m = _MEDICAL.match(word)
    if m:
        return _MEDICAL_US[m[1]] + word[m.end() :]
    return word


def is_stop_word(token: str) -> bool:
    return token in STOP_WORDS


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Snowball English stem of a lowercase word, UK spelling folded to US first."""
    return _STEMMER.stemWord(us_spelling(word))
