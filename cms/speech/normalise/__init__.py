"""Text normalisation before speech: what eSpeak NG would misread, written out in words.

For Kazakh and Russian (English: dates only; eSpeak reads English numbers well):

- dates: 07.12.2026 -> «2026 жылғы 7 желтоқсан» / «7 декабря 2026 года" (`expand_dates`),
  whose numbers are then read as ordinals («екі мың жиырма алтыншы жылғы жетінші
  желтоқсан», «седьмого декабря две тысячи двадцать шестого года»);
- ordinals: «1-тарау» -> «бірінші тарау», «3-ші» -> «үшінші»; «12-я статья» ->
  «двенадцатая статья», «в 2026 году» -> «в две тысячи двадцать шестом году»;
- a case suffix written after a number is joined to the number's word («5-ке» ->
  «беске», «10-нан» -> «оннан»);
- times (09:00), percentages, decimals (2,5), numbers with grouped thousands
  (1 250 000), telephone numbers (group by group), Roman-numeral centuries (ХХІ
  ғасыр, XXI век), «млн», «млрд», «тыс.», «№», «₸»;
- abbreviations: «ҚР» -> «Қазақстан Республикасы» (with its case suffix: «ҚР-ның» ->
  «Қазақстан Республикасының»), «ЖСН», «ХҚКО», «ЭЦҚ»...; «РК» -> «Республика
  Казахстан» in the case the preposition before it asks for («в РК» -> «в Республике
  Казахстан»), «ЦОН» with its written endings («в ЦОНе» -> «в центре обслуживания
  населения»), «ИИН», «ЭЦП», «г.», «т.е.»...

The package: `numbers_kk` and `numbers_ru` (numbers in words), `common` (dates,
telephone numbers, Roman numerals), `kazakh` and `russian` (their rules). Each rule
is a regular expression with a function; `normalise(text, language)` runs
them in order. Tested in tests/test_speech_normalise.py on real phrases.
"""

from .common import expand_dates, tidy_whitespace
from .kazakh import normalise_kk
from .numbers_kk import kk_attach, kk_cardinal, kk_ordinal
from .numbers_ru import ru_cardinal, ru_genitive, ru_ordinal
from .russian import normalise_ru

__all__ = [
    "expand_dates", "kk_attach", "kk_cardinal", "kk_ordinal", "normalise", "normalise_kk",
    "normalise_ru", "ru_cardinal", "ru_genitive", "ru_ordinal",
]


def normalise(text: str, language: str) -> str:
    """The text as it should be spoken in `language` (kk, ru; en: dates; other
    languages: whitespace only)."""
    if language == "kk":
        return normalise_kk(text)
    if language == "ru":
        return normalise_ru(text)
    return tidy_whitespace(expand_dates(text, language))
