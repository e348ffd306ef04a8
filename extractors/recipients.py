"""`Nơi nhận` block: one row per line, bullet and purpose code split off.

Example: '- Ban Bí thư TW Đoàn (b/c);' → recipient 'Ban Bí thư TW Đoàn', purpose 'b/c'."""
from __future__ import annotations

import regex

from pipeline.vocab import PURPOSES
from pipeline.models import Recipient, SegmentedDoc
from pipeline.patterns import RECIPIENTS

_BULLET = regex.compile(r"^[ ]{0,40}(?:[-+*•][ ]{0,6})?")
_PURPOSE = regex.compile(r"[ ]{0,3}\((?P<code>[^()\n]{1,24})\)[ ]{0,3}[;.,]?[ ]{0,3}$")
_PURPOSE_OF = {k: e.value for k, e in PURPOSES.items()}


def extract(doc: SegmentedDoc, found) -> list[Recipient]:
    if not doc.recipients:
        return []
    out = []
    for i, ln in enumerate(doc.recipients.lines):
        start, text = ln.start, ln.text
        if i == 0:
            head = RECIPIENTS.match(text)
            start, text = ln.start + head.end(), text[head.end():]
        b = _BULLET.match(text)
        start, text = start + b.end(), text[b.end():]
        purpose = None
        p = _PURPOSE.search(text)
        if p and " ".join(p.group("code").lower().split()) in _PURPOSE_OF:
            purpose = _PURPOSE_OF[" ".join(p.group("code").lower().split())]
            text = text[:p.start()]
        text = text.rstrip(" ;.,")     # str.rstrip: a pattern anchored at $ is quadratic on long runs
        if sum(c.isalpha() for c in text) >= 2:      # not a scan's speck ('Nơi nhận: í')
            lead = len(text) - len(text.lstrip())
            out.append(Recipient(text.strip(), purpose, start + lead, start + lead + len(text.strip())))
    return out
