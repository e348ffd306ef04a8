"""Every vocabulary entry's example, run through the real extractor, gives that entry.

An entry whose example stops producing it fails here, so a vocabulary cannot drift from the code
that reads it. Each table has a probe: the example put into the smallest document that gives the
extractor its context (a header, a body section, a signature block), and a check on the records.
Known gaps are `xfail(strict=True)` with the reason, so that a fix shows up as an XPASS.
"""
from __future__ import annotations

from typing import Callable

import pytest

from pipeline import vocab
from pipeline.vocab import Entry
from pipeline import analyze_text

HEAD = ("UBND TỈNH AN GIANG\nSỞ NỘI VỤ\nSố: 12/KH-SNV\nAn Giang, ngày 03 tháng 4 năm 2024\n\n"
        "KẾ HOẠCH\nTổ chức hội nghị năm 2024\n\n")


def _in_body(text: str) -> dict:
    return analyze_text(f"{HEAD}I. TỔ CHỨC THỰC HIỆN\n1. {text}\n").records


def _citations(sentence: str) -> list:
    return analyze_text(f"{HEAD}{sentence}\n").records["citations"]


def _type_line(e: Entry) -> bool:
    a = analyze_text(f"SỞ NỘI VỤ\nSố: 1/X-SNV\n\n{e.example}\nVề việc tổ chức hội nghị\n\nNội dung.\n")
    return a.fields["doc_type"] == e.value


def _signature(lines: str) -> dict:
    return analyze_text(f"{HEAD}Nội dung.\n\n{lines}\nNguyễn Văn An\n").fields


Probe = Callable[[Entry], bool]
PROBES: dict[str, Probe] = {
    # a type code, cited: 'Căn cứ Nghị quyết số 25-NQ/TW …' → cited_type
    "DOC_TYPES": lambda e: any(c.cited_type == e.value for c in _citations(f"Căn cứ {e.example} của Bộ Nội vụ.")),
    # upper case: the type line of a document; otherwise a cited type word
    "TYPE_WORDS": lambda e: _type_line(e) if e.example.isupper() else any(
        c.cited_type == e.value for c in _citations(f"Căn cứ {e.example} của Bộ Nội vụ.")),
    "ORG_TITLES": lambda e: analyze_text(f"{e.example}\nTỈNH ĐOÀN AN GIANG\nSố: 1-KH/TĐTN\n\nKẾ HOẠCH\n"
                                         f"Về việc tổ chức\n\nNội dung.\n").fields["parent_body"] == e.value,
    "SIGNING_PREFIXES": lambda e: (_signature(f"{e.example}\nGIÁM ĐỐC")["signing_authority"] or "").startswith(e.value),
    "POSITIONS": lambda e: _signature(f"TM. SỞ NỘI VỤ\n{e.example}")["signer_title"] == e.value,
    "PURPOSES": lambda e: any(r.purpose == e.value for r in analyze_text(
        f"{HEAD}Nội dung.\n\nNơi nhận:\n- Sở Tài chính {e.example};\n- Lưu: VT.\n").records["recipients"]),
    "ISSUER_WORDS": lambda e: any(c.cited_issuer == e.example for c in _citations(
        f"Căn cứ Nghị quyết số 12/NQ-CP ngày 05/3/2020 của {e.example} về việc tổ chức.")),
    "RELATION_CUES": lambda e: any(c.relation == e.value for c in _citations(e.example + ".")),
    "COMPARATORS": lambda e: any(t.comparator == e.value for t in _in_body(e.example + ".")["targets"]),
    "TARGET_CUES": lambda e: bool(_in_body(e.example + ".")["targets"]),
    "RECURRENCE": lambda e: any(d.recurrence == e.value for d in _in_body(e.example + ".")["deadlines"]),
    "DEADLINE_CUES": lambda e: bool(_in_body(f"Hoàn thành {e.example}.")["deadlines"]),
    "ROLE_CUES": lambda e: any(a.role == e.value for a in _in_body(e.example + ".")["assignments"]),
}

# (table, key) → why its example does not give it yet.
KNOWN_GAPS: dict[tuple[str, str], str] = {}


def failing(table: dict[str, Entry], probe: Probe) -> list[str]:
    """Keys of the entries whose example does not give the entry."""
    return [e.key for e in table.values() if not probe(e)]


def _cases():
    for name in PROBES:
        for key in getattr(vocab, name):
            marks = ()
            if (name, key) in KNOWN_GAPS:
                marks = pytest.mark.xfail(reason=KNOWN_GAPS[name, key], strict=True)
            yield pytest.param(name, key, id=f"{name}:{key}", marks=marks)


@pytest.mark.parametrize("name,key", _cases())
def test_example_gives_its_entry(name, key):
    entry = getattr(vocab, name)[key]
    assert PROBES[name](entry), f"{name}[{key!r}]: example {entry.example!r} does not give {entry.value!r}"


def test_every_example_table_has_a_probe():
    tables = {n for n, v in vars(vocab).items() if isinstance(v, dict) and v
              and all(isinstance(e, Entry) for e in v.values())}
    probe_free = {"MOTTO_LINES", "BODY_OPENERS"}     # read as line filters, tested in test_segment/test_header
    assert tables - probe_free == set(PROBES)


def test_a_broken_example_is_caught():
    """The harness itself: an example that no longer shows its entry is reported."""
    table = {"ít nhất": Entry("ít nhất", "at_least", "thành lập ít nhất 02 chi đoàn"),
             "tối đa": Entry("tối đa", "at_most", "thành lập ít nhất 02 chi đoàn")}    # wrong example
    assert failing(table, PROBES["COMPARATORS"]) == ["tối đa"]
