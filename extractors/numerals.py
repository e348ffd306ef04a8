"""Vietnamese numerals: '1.000' is one thousand, '02' is 2, '2/3', '5%', '12,5%', 'một trăm'."""
from __future__ import annotations

from functools import lru_cache
from typing import Iterator, Optional

import regex

from extractors.structure import starts_of
from pipeline.vocab import NUMBER_WORDS

_WORDS = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
_AFTER = regex.compile(r"[\p{L}\d/.,\-]")      # what a number never follows (NUMBER's lookbehind)
# One quantity. Thousands are grouped with '.', decimals use ',' (Vietnamese style).
# Examples: '1.000', '02', '12,5%', '2/3', 'một trăm'.
_LEAD = rf"(?<!{_AFTER.pattern})"
_DIGITS = r"(?P<num>\d{1,3}(?:\.\d{3}){1,4}|\d{1,7})(?:,(?P<dec>\d{1,3}))?(?:/(?P<den>\d{1,4}))?"      # '1.000', '12,5', '2/3'
_WORDED = rf"(?P<words>(?:{_WORDS})(?:[ ](?:{_WORDS})){{0,6}})(?![\p{{L}}])"                          # 'một trăm'
_END = r"(?P<pct>[ ]{0,1}%)?(?![\d%]|[.,/\-]\d|/\p{L}{0,3}[\-/])"
NUMBER = regex.compile(rf"{_LEAD}(?:{_DIGITS}|{_WORDED}){_END}", regex.IGNORECASE)
# NUMBER where it opens with a digit (a numeral word never does): one search finds them all, as
# no digit inside a match may open another (a digit there follows a digit, '.', ',' or '/').
DIGIT_NUMBER = regex.compile(rf"{_LEAD}{_DIGITS}{_END}", regex.IGNORECASE)


@lru_cache(maxsize=1024)
def _after(char: str) -> bool:
    """An _AFTER character (a few hundred distinct characters before numeral words: each is read once)."""
    return _AFTER.match(char) is not None


# Another numeral word after one space, in a case-folded text: where a NUMBER match goes on past its first word.
_NEXT_WORD = rf"[ ](?:{_WORDS})"
assert _WORDS == _WORDS.casefold()


def word_starts(text: str, lo: int = 0, hi: Optional[int] = None, grouped: frozenset[str] = frozenset()) -> list[int]:
    """Where a NUMBER match that opens with a word may start in text[lo:hi] (see structure.matches_at):
    a whole numeral word ('chín' in 'chính' is none), not after an _AFTER character; a word of
    `grouped` only where a match of several words may start ('năm mươi', not 'năm' alone)."""
    followed = {w: _NEXT_WORD for w in grouped}
    return [s for s in starts_of(text, NUMBER_WORDS, lo, hi, whole=True, followed=followed)
            if not (s and _after(text[s - 1]))]


def digit_numbers(text: str, lo: int = 0, hi: Optional[int] = None,
                  pattern: regex.Pattern = DIGIT_NUMBER) -> Iterator[regex.Match]:
    """The NUMBER matches that open with a digit and start in text[lo:hi] (one may run on past hi);
    `pattern`: DIGIT_NUMBER, or one that gives some of its matches (see targets._COUNTING_DIGITS)."""
    hi = len(text) if hi is None else hi
    for m in pattern.finditer(text, lo):
        if m.start() >= hi:
            return
        yield m


def words_value(text: str) -> Optional[int]:
    """'một trăm' → 100, 'hai mươi lăm' → 25, 'ba nghìn' → 3000; None if not a well-formed numeral."""
    total, group, last = 0, 0, None
    for w in text.lower().split():
        v = NUMBER_WORDS.get(w)
        if v is None:
            return None
        if v in (100, 1000, 1000000):
            group = (group or 1) * v
            if v >= 1000:
                total, group = total + group, 0
        elif v == 10 and w in ("mươi",):
            group = group - (last or 0) + (last or 1) * 10
        else:
            group += v
        last = v if v < 10 else None
    return total + group


def value_of(m: regex.Match) -> Optional[float]:
    """The value of a NUMBER match (a ratio '2/3' gives its numerator)."""
    if m.group("words"):
        v = words_value(m.group("words"))
        return float(v) if v is not None else None
    v = float(m.group("num").replace(".", ""))
    if m.group("dec"):
        v += float("0." + m.group("dec"))
    return v
