"""Legacy Vietnamese font encodings (TCVN3/ABC, VNI) → Unicode NFC.

Text typed in `.VnTime` (TCVN3) or `VNI-Times` (VNI) fonts reaches us as the cp1252 reading of the
font's bytes (`Céng hoµ`, `Coäng hoaø`). `detect` decides the encoding from the font name or from the
text; `convert` maps it back; `repair` does both line by line, leaving Unicode lines untouched.
"""
from __future__ import annotations

import regex
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

__all__ = ["Detection", "detect", "convert", "repair", "repair_pdf_text", "pdf_glyphs", "docx_run_encoding",
           "is_upper_font"]


@dataclass(frozen=True)
class Detection:
    encoding: str | None      # "tcvn3", "vni" or None (Unicode / not Vietnamese / unsure)
    confidence: float
    method: str               # "font" | "content"


# --- tables -------------------------------------------------------------------------------------
# TCVN3 (TCVN 5712:1993 VN3): one byte per letter; no upper-case toned letters exist in it.
_TCVN3_SRC = "¡¢£¤¥¦§¨©ª«¬\xad®µ¶·¸¹»¼½¾ÆÇÈÉÊËÌÎÏÐÑÒÓÔÕÖ×ØÜÝÞßáâãäåæçèéêëìíîïñòóôõö÷øùúûüýþ"
_TCVN3_DST = "ĂÂÊÔƠƯĐăâêôơưđàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ"
_TCVN3 = dict(zip(_TCVN3_SRC, _TCVN3_DST))

# VNI: a base letter followed by a mark byte. Tone order: sắc, huyền, hỏi, ngã, nặng.
_TONE = "\u0301\u0300\u0309\u0303\u0323"
_VNI_PLAIN = "ùøûõï"     # tone on a, e, i, o, u, y, ơ, ư
_VNI_CIRC = "âáàåãä"     # â/ê/ô, then â/ê/ô + tone
_VNI_BREVE = "êéèúüë"    # ă, then ă + tone
_VNI_SINGLE = {"ñ": "đ", "ô": "ơ", "ö": "ư", "æ": "ỉ", "ó": "ĩ", "ò": "ị"}


def _vni_pairs() -> dict[str, str]:
    pairs: dict[str, str] = {}
    for base, out in [*zip("aeiouy", "aeiouy"), ("ô", "ơ"), ("ö", "ư")]:
        for mark, tone in zip(_VNI_PLAIN, _TONE):
            pairs[base + mark] = out + tone
    for base in "aeo":
        pairs[base + _VNI_CIRC[0]] = base + "\u0302"
        for mark, tone in zip(_VNI_CIRC[1:], _TONE):
            pairs[base + mark] = base + "\u0302" + tone
    pairs["a" + _VNI_BREVE[0]] = "a\u0306"
    for mark, tone in zip(_VNI_BREVE[1:], _TONE):
        pairs["a" + mark] = "a\u0306" + tone
    full = {}
    # Upper case: an upper base takes either case of mark (Word's Change Case touches both).
    for src, dst in pairs.items():
        dst = unicodedata.normalize("NFC", dst)
        full[src] = dst
        full[src[0].upper() + src[1]] = full[src[0].upper() + src[1].upper()] = dst.upper()
    return full


_VNI = {**_vni_pairs(), **_VNI_SINGLE, **{k.upper(): v.upper() for k, v in _VNI_SINGLE.items()}}
_VNI_MARKS = _VNI_PLAIN + _VNI_CIRC + _VNI_BREVE
_VNI_RE = regex.compile("[aeiouyôöAEIOUYÔÖ][%s]|[%s]" % (
    _VNI_MARKS + _VNI_MARKS.upper(), "".join(_VNI_SINGLE) + "".join(_VNI_SINGLE).upper()))
# `·` (0xB7) is ã in TCVN3 but also a real middle dot (bullets, separators): a letter must precede it.
_TCVN3_RE = regex.compile("(?:(?<=[^\\W\\d_])|(?<=[%s]))·|[%s]" % ((regex.escape(_TCVN3_SRC.replace("·", "")),) * 2))


def _vni_sub(m: regex.Match) -> str:
    s = m.group()
    if s in _VNI:
        return _VNI[s]
    # A base followed by a mark that does not fit it (e.g. "ië"): only the base may be a letter.
    return _VNI.get(s[0], s[0]) + s[1]


def convert(text: str, encoding: str, upper: bool = False) -> str:
    """TCVN3 or VNI text (as read through cp1252) → Unicode NFC; whitespace is kept as is.

    `upper` is for all-caps fonts (`.VnTimeH`), whose lower-case codes are drawn as capitals.
    """
    if encoding == "tcvn3":
        out = _TCVN3_RE.sub(lambda m: _TCVN3[m.group()], text)
    elif encoding == "vni":
        out = _VNI_RE.sub(_vni_sub, text)
    else:
        raise ValueError(f"unknown legacy encoding {encoding!r}")
    return unicodedata.normalize("NFC", out.upper() if upper else out)


# --- font names ---------------------------------------------------------------------------------
_SUBSET = regex.compile(r"^[A-Z]{6}\+")     # PDF subset tag, "ABCDEF+.VnTime"
_CHARSET_SUFFIX = regex.compile(r" (?:CE|Cyr|Greek|Tur|Baltic|\(\w+\))$")   # Word's per-charset font aliases


def docx_run_encoding(font_name: str | None) -> str | None:
    """Encoding implied by a run's font name (`.Vn*`, or `Vn*` in a PDF → tcvn3, `VNI-*` → vni), else None."""
    if not font_name:
        return None
    name = _SUBSET.sub("", font_name.strip()).lower()
    if name.startswith("vni-") or name.startswith("vni "):
        return "vni"
    if name.startswith(".vn") or (name.startswith("vn") and not name.startswith("vni")):   # PDF: `ABCDEF+VnTime`
        return "tcvn3"
    return None


def is_upper_font(font_name: str | None) -> bool:
    """All-caps TCVN3 fonts (`.VnTimeH`, `.VnArialH`, `.VnTimeH Tur`…): the name ends in H."""
    name = _CHARSET_SUFFIX.sub("", _SUBSET.sub("", (font_name or "").strip()))
    return docx_run_encoding(name) == "tcvn3" and name.endswith("H")


# --- content detection --------------------------------------------------------------------------
_ONSET = "ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx]"
_NUCLEUS = ("uyê|uya|uyu|iêu|yêu|oai|oay|oao|oeo|uây|uôi|ươi|ươu|ưu|ươ|ưa|ưi|uô|uơ|uâ|uê|uy|ua|ui|"
            "oa|oă|oe|oi|oo|ôi|ơi|ai|ao|au|ay|âu|ây|eo|êu|ia|iê|iu|yê|[aăâeêioôơuưy]")
_SYLLABLE = regex.compile(f"(?:{_ONSET})?(?:{_NUCLEUS})(?:ch|ng|nh|[cmnpt])?")
_TONES = set(_TONE)
# Letters only Unicode Vietnamese has (ă đ ĩ ũ ơ ư and the ạ…ỹ block): such a word is not legacy.
_UNICODE_VN = regex.compile("[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]")
_WORD = regex.compile("(?:[^\\W\\d_]|[%s])+" % regex.escape(_TCVN3_SRC))
_MIN_EVIDENCE = 2
# Legacy text always holds some byte that Unicode Vietnamese never uses: a TCVN3 letter outside
# the Latin-1 letters Vietnamese shares (`¸ µ ©`…), or a VNI mark (`ø ï ä ö ñ`…).
_VI_LATIN1 = "ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúý"
_HINTS = frozenset(_TCVN3_SRC + "ùøûõïâáàåãäêéèúüëñöæóòÑÖÆ") - frozenset(_VI_LATIN1)
# Marks only VNI writes (`hoaø`, `nhaân`, `ñoàn`); with one of them, a pair that Unicode
# Vietnamese never writes decides (new-style `hoà` is not one: no 'o' + à/á/ã).
_VNI_ONLY = frozenset("øïäåëüûöñØÏÄÅËÜÛÖÑ")
_VNI_PAIR = regex.compile("[ae][âáàåãä]|o[âåä]|a[êéèúüë]|[aeiouyôö][ùøûõï]", regex.IGNORECASE)
# Legacy text shows two different such bytes in a phrase (`Uû ban nh©n d©n`: û ©); a Unicode
# text with `·` bullets shows one.
_MIN_HINTS = 2
_GATE = frozenset(_HINTS | _VNI_ONLY)


def _is_syllable(word: str) -> bool:
    decomposed = unicodedata.normalize("NFD", word.lower())
    if sum(c in _TONES for c in decomposed) > 1:
        return False
    bare = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))
    return _SYLLABLE.fullmatch(bare) is not None


def _vote(word: str, encoding: str) -> int:
    """+1: the word reads as legacy `encoding`; -1: converting it breaks it; 0: no evidence."""
    converted = convert(word, encoding)
    if converted == word:
        return 0
    if _is_syllable(converted):
        # A capital inside a lower-case word (`ViÖt`, `vÒ`) is a legacy byte, not a letter.
        natural = word[1:] == word[1:].lower() or word.isupper()
        return 0 if natural and _is_syllable(word) else 1
    # Abbreviations: `Q§`, `N§` are QĐ, NĐ (a symbol between letters is never natural text).
    return 1 if converted.isupper() and not word.isalpha() else -1


@lru_cache(maxsize=1 << 16)
def _votes(word: str) -> dict[str, int]:
    return {enc: _vote(word, enc) for enc in ("tcvn3", "vni")}


@dataclass
class _Tally:
    good: dict[str, int] = field(default_factory=lambda: {"tcvn3": 0, "vni": 0})
    bad: dict[str, int] = field(default_factory=lambda: {"tcvn3": 0, "vni": 0})
    distinct: dict[str, set] = field(default_factory=lambda: {"tcvn3": set(), "vni": set()})
    unicode: int = 0      # words with letters only Unicode Vietnamese has
    neutral: int = 0      # other non-ASCII words: ambiguous, or another language

    def add(self, word: str, count: int = 1) -> None:
        """`count` occurrences of `word`."""
        if word.isascii():
            return
        if _UNICODE_VN.search(word):
            self.unicode += count
            return
        votes = _votes(word)
        for enc, v in votes.items():
            if v > 0:
                self.good[enc] += count
                self.distinct[enc].add(word.lower())
            elif v < 0:
                self.bad[enc] += count
        self.neutral += count * (max(votes.values()) <= 0)

    def verdict(self, minimum: int = _MIN_EVIDENCE, strict: bool = True) -> Detection:
        """The encoding whose evidence is plentiful and beats what speaks against it.

        `strict` (a whole text) also weighs the non-ASCII words that are evidence of nothing and
        asks for several different evidence words, so that French `où` (VNI ó) stays French.
        Unicode Vietnamese words do not count against: they are left alone line by line.
        """
        score = {enc: self.good[enc] - self.bad[enc] for enc in self.good}
        enc = max(score, key=score.get)
        good, against = self.good[enc], self.bad[enc]
        ok = good >= minimum and good >= 2 * against and score[enc] > min(score.values())
        if strict:
            ok = ok and good >= self.neutral and len(self.distinct[enc]) >= minimum
            against += self.neutral
        conf = round(good / (good + against + 1), 3)
        return Detection(enc, conf, "content") if ok else Detection(None, round(1 - conf, 3), "content")


def _tally(text: str) -> _Tally:
    t = _Tally()
    for word, count in Counter(_WORD.findall(text)).items():     # each distinct word weighed once
        t.add(word, count)
    return t


def detect(text: str, font: str | None = None) -> Detection:
    """Which legacy encoding `text` is in: by font name when it decides, else by content.

    Content detection trial-converts every non-ASCII word and asks whether the result is a valid
    Vietnamese syllable while the input was not; Unicode Vietnamese and other languages
    (German, French, Spanish…) give no such evidence and are left alone.
    """
    enc = docx_run_encoding(font)
    if enc:
        return Detection(enc, 0.99, "font")
    # each gate letter looked for with str's own scan: far cheaper than building set(text)
    chars = {c for c in _GATE if c in text}
    if len(chars & _HINTS) < _MIN_HINTS and not (chars & _VNI_ONLY and _VNI_PAIR.search(text)):
        return Detection(None, 1.0, "content")   # the common case, decided without looking at words
    return _tally(text).verdict()


def _repair_line(line: str, encoding: str) -> str:
    """Convert the legacy stretches of a line; Unicode Vietnamese words split it into stretches."""
    out, start = [], 0
    for m in _WORD.finditer(line):
        if _UNICODE_VN.search(m.group()):
            out += [_repair_piece(line[start:m.start()], encoding), m.group()]
            start = m.end()
    out.append(convert(line, encoding) if start == 0 else _repair_piece(line[start:], encoding))
    return "".join(out)


def _repair_piece(piece: str, encoding: str) -> str:
    return convert(piece, encoding) if _tally(piece).verdict(1, strict=False).encoding == encoding else piece


def repair(text: str) -> tuple[str, Detection]:
    """Detect by content and convert when confident; otherwise return `text` unchanged.

    Decided line by line, each line on its own evidence, so Unicode Vietnamese lines (and lines
    that read equally well both ways, like `Tôi có`) are never touched.
    """
    doc = detect(text)
    if doc.encoding is None:
        return text, doc
    out = []
    for line in text.splitlines(keepends=True):
        verdict = _tally(line).verdict(1, strict=False)
        out.append(_repair_line(line, verdict.encoding) if verdict.encoding else line)
    return "".join(out), doc


# PDF text layers give `.VnTime`'s ư (0xAD, soft hyphen slot) as U+2212 and ã (0xB7) as U+2219.
_PDF_GLYPHS = regex.compile("(?:(?<=[^\\W\\d_])|(?<=[%s]))[\u2212\u2219]|[\u2212\u2219](?=[^\\W\\d_]|[%s])"
                         % ((regex.escape(_TCVN3_SRC),) * 2))


def pdf_glyphs(text: str) -> str:
    """The TCVN3 bytes behind the glyphs a PDF text layer substitutes (same length)."""
    return _PDF_GLYPHS.sub(lambda m: "\xad" if m.group() == "\u2212" else "·", text)


def repair_pdf_text(text: str, fonts: Iterable[str] = ()) -> tuple[str, Detection]:
    """`repair` for a PDF's text layer; `fonts` (the PDF's font names) confirm the verdict."""
    fixed, det = repair(pdf_glyphs(text))
    if det.encoding is None:
        return text, det
    if det.encoding in {docx_run_encoding(f) for f in fonts}:
        det = Detection(det.encoding, 0.99, "font")
    return fixed, det
