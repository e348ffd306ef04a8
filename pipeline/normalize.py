"""Normalize raw text for the extractors, keeping a map back to the raw offsets.

Each step finds spans with a regex and replaces them, recording where each edit landed; offsets
are carried back through those edits on demand, so the cost grows with the number of edits, not
the length of the text.
"""
from __future__ import annotations

import unicodedata
from itertools import chain
from typing import Callable, Iterable

import regex

from pipeline.vocab import BODY_OPENERS
from pipeline.models import Edits, NormText

Edit = tuple[int, int, str]   # replace text[start:end] with the string


def _apply(text: str, edits: Iterable[Edit]) -> tuple[str, Edits]:
    """The text with the edits made (overlapping ones skipped), and where each one landed."""
    out: list[str] = []
    made = Edits([], [], [], [])
    pos = shift = 0
    for start, end, repl in edits:
        if start < pos:
            continue
        out.append(text[pos:start])
        out.append(repl)
        made.new_start.append(start + shift)
        made.new_end.append(start + shift + len(repl))
        made.old_start.append(start)
        made.old_end.append(end)
        shift += len(repl) - (end - start)
        pos = end
    out.append(text[pos:])
    return "".join(out), made


# ---------------------------------------------------------------- the steps, in order
_MARKS = regex.compile(r"\p{M}+")


def _nfc(text: str) -> Iterable[Edit]:
    r"""NFC per base+marks cluster (seed 002 has decomposed passages).

    A cluster is a run of marks with the character before it: runs are found by a one-class scan,
    far cheaper than `\P{M}\p{M}+` (tried at every character) or than asking whether the whole
    text is NFC (a full normalization as soon as it holds a mark)."""
    for m in _MARKS.finditer(text):
        start = m.start() - 1
        if start < 0:       # marks opening the text have no base
            continue
        cluster = text[start:m.end()]
        composed = unicodedata.normalize("NFC", cluster)
        if composed != cluster:
            yield start, m.end(), composed


# Look-alikes and invisibles. Example: 'Ðoàn' (U+00D0, cp1252 misread of cp1258) → 'Đoàn'.
CHAR_MAP = {
    "\u00d0": "Đ", "\u00f0": "đ", "\u0189": "Đ", "\u0256": "đ",
    "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u3000": " ", "\t": " ",
    "\u200b": "", "\u200c": "", "\u200d": "", "\u2060": "", "\ufeff": "", "\u00ad": "",
    "\ufffe": "",
}


def _chars(text: str) -> Iterable[Edit]:
    # each character looked for with str.find: a regex scans a class of these literals slowly
    edits = []
    for char, repl in CHAR_MAP.items():
        i = text.find(char)
        while i >= 0:
            edits.append((i, i + 1, repl))
            i = text.find(char, i + 1)
    return sorted(edits)


# New ("phonological") tone placement → old style, in open syllables only: 'hoà' → 'hòa',
# 'uỷ' → 'ủy', 'khoá' → 'khóa'; 'hoàn' and 'quý' are left alone.
_TONES = "\u0300\u0301\u0309\u0303\u0323"


def _tone_pairs() -> dict[str, str]:
    pairs = {}
    for first, second in (("o", "a"), ("o", "e"), ("u", "y")):
        for tone in _TONES:
            for f, s in ((first, second), (first.upper(), second.upper()), (first.upper(), second)):
                new = unicodedata.normalize("NFC", f + s + tone)
                old = unicodedata.normalize("NFC", f + tone + s)
                pairs[new] = old
    return pairs


TONE_STYLE = _tone_pairs()
# a character class, then the table: far cheaper than an alternation of 45 pairs at every position;
# the 'not after q' lookbehind comes last, as a pattern that opens with one is tried at every character
_TONE_RE = regex.compile(r"[oOuU][" + "".join(sorted({k[1] for k in TONE_STYLE})) + r"](?!\p{L})(?<![qQ]..)")


def _tone_style(text: str) -> Iterable[Edit]:
    for m in _TONE_RE.finditer(text):
        old = TONE_STYLE.get(m.group())
        if old:
            yield m.start(), m.end(), old


# Markdown emphasis: '**08**' → '08', '*(Duy trì …)*' → '(Duy trì …)'; '***' lines stay.
# (The stars open each pattern and what may not stand before them is checked after: see _TONE_RE.)
# No star inside: the emphasis can only close at the next star, so the text up to it is taken
# possessively (never given back); a bold span on one line first as a plain class run, many times
# faster than the group that lets it run on over single line breaks (tried when the run fails).
_BOLD = regex.compile(r"\*\*(?<!\*\*\*)(?=[^\s*])(?:[^*\n]{1,600}+|(?:[^*\n]|\n(?!\n)){1,600}+)(?<=[^\s*])\*\*(?!\*)")
_ITALIC = regex.compile(r"\*(?=[^\s*])(?<![*\w]\*)[^*\n]{1,600}+(?<=[^\s*])\*(?![*\w])")


def _markdown(text: str) -> Iterable[Edit]:
    """Emphasis left in plain text (a web page saved as .txt). Markdown files are rendered by their
    reader (`ingest/markdown.py`), which leaves no star: the scans are skipped then."""
    if "*" not in text:
        return []
    edits = []
    for rx, k in ((_BOLD, 2), (_ITALIC, 1)):
        for m in rx.finditer(text):
            edits.append((m.start(), m.start() + k, ""))
            edits.append((m.end() - k, m.end(), ""))
    return sorted(edits)


# Bullets at the start of a line become '-'. Example: '· Nhận định …', '\uf0b7 Tiếp tục …'.
BULLETS = "·•‣◦▪●■□♦❖➢➤►–—‐\uf0b7\uf0a7\uf0d8\uf076\uf0fc"
# A line that opens with a bullet (≤ 12 spaces in), found by its line break: a literal the search
# scans for fast, where a multiline `^` would be tried at every character.
_BULLET_LINE = regex.compile(r"\n[ ]{0,12}[" + regex.escape(BULLETS) + "]")


def _bullets(text: str) -> Iterable[Edit]:
    """A bullet is the first character of a line (≤ 12 spaces in) with text ≤ 4 spaces after it.
    The text's first line has no break before it: it is matched with one put before it."""
    first = _BULLET_LINE.match("\n" + text[:13])
    for b in chain([first.end() - 2] if first else [], (m.end() - 1 for m in _BULLET_LINE.finditer(text))):
        end = text.find("\n", b)
        after = text[b + 1:end if end >= 0 else len(text)]
        rest = after.lstrip(" ")
        if rest and not rest[0].isspace() and len(after) - len(rest) <= 4:
            yield b, b + 1, "-"


# A line that starts with a lower-case word continues the previous line ('… Hội \ntrong các …').
# The match opens with the line break (a literal is scanned for fast; a pattern that opens with a
# lookbehind is tried at every character); the spaces before it are added by _join_lines.
_CONTINUATION = regex.compile(r"\n(?<=\S[ ]{0,40}\n)[ ]{0,40}(?:\n[ ]{0,40}){0,3}(?=\p{Ll}\p{L})")
# Wrapped PDF lines: a long line without final punctuation runs on into the next one (a word,
# or a date or a quantity, which a list marker is not: '… ngày \n15/5/2016', '… \n180 đoàn viên').
_WRAPPED = regex.compile(
    r"(?m)(?<=^[^\n]{55,}[^\s.:;!?”\")])[ ]{0,8}\n[ ]{0,8}(?=[\p{Lu}\p{Ll}(“\"][\p{Ll}\p{L} ]|\d{1,4}[/-]\d|\d{1,6}(?:[.,]\d{3}){0,3}%?[ ]\p{Ll})"
    r"(?![IVX]{1,4}[./]|\p{Lu}{2,}[ ,]\p{Lu}{2,}|" + "|".join(map(regex.escape, BODY_OPENERS)) + r")")
# A symbol broken after its hyphen: '280-KH/TĐTN-\nTCKT' → '280-KH/TĐTN-TCKT'.
_BROKEN_SYMBOL = regex.compile(r"(?<=/[\p{Lu}\d]{1,12}-)[ ]{0,4}\n[ ]{0,4}(?=\p{Lu}{2,10}\b)"
                            r"|(?<=\d{1,5}[ ]?-)[ ]{0,4}\n[ ]{0,4}(?=\p{Lu}[\p{L}]{0,5}/)")


def _join_lines(text: str) -> Iterable[Edit]:
    for m in _CONTINUATION.finditer(text):
        first = text.rfind("\n", 0, m.start()) + 1
        line = text[first:m.start()].rstrip(" ")
        if any(c.islower() for c in line):   # not onto capitals: 'KẾ HOẠCH' / 'khắc phục …'
            yield first + len(line), m.end(), " "     # from the spaces that end the line


def _join_wrapped(text: str) -> Iterable[Edit]:
    edits = [(m.start(), m.end(), "") for m in _BROKEN_SYMBOL.finditer(text)]
    edits += [(m.start(), m.end(), " ") for m in _WRAPPED.finditer(text)]
    return sorted(edits)


STEPS: list[Callable[[str], Iterable[Edit]]] = [_nfc, _chars, _tone_style, _markdown, _bullets, _join_lines]


def _line_ends(text: str) -> Iterable[Edit]:
    if "\r" not in text:        # a str scan: the readers have made most texts' line ends `\n`
        return
    for m in _CR.finditer(text):
        yield m.start(), m.end(), "\n"


_CR = regex.compile(r"\r\n?")


def normalize(raw: str, wrapped: bool = False) -> NormText:
    """NFC, one tone style, look-alike letters, bullets, markdown, broken lines — with a map back.

    `wrapped=True` (PDF text layers) also joins lines that the page width broke.
    """
    text, steps = raw, []
    for step in [_line_ends, *STEPS, *([_join_wrapped] if wrapped else [])]:
        edits = list(step(text))
        if edits:
            text, made = _apply(text, edits)
            steps.append(made)
    return NormText(text=text, raw=raw, steps=steps)
