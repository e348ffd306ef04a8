"""Every vocabulary entry's example, run through the real extractor, gives that entry.

An entry whose example stops producing it fails here, so a vocabulary cannot drift from the code
that reads it. Each table has a probe: the example put into the smallest document that gives the
extractor its context (a header, a body section, a signature block), and a check on the records.
Known gaps are `xfail(strict=True)` with the reason, so that a fix shows up as an XPASS.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable

import pytest
import regex

from pipeline import analyze_text, vocab
from pipeline.vocab import Entry
from pipeline.normalize import normalize

HEAD = ("UBND TỈNH AN GIANG\nSỞ NỘI VỤ\nSố: 12/KH-SNV\nAn Giang, ngày 03 tháng 4 năm 2024\n\n"
        "KẾ HOẠCH\nTổ chức hội nghị năm 2024\n\n")


def _in_body(text: str) -> dict:
    return analyze_text(f"{HEAD}I. TỔ CHỨC THỰC HIỆN\n1. {text}\n").records


def _in_rule(text: str) -> dict:
    """The text as an article of a regulation (Quy chế), where ceilings are limits, not targets."""
    head = HEAD.replace("KẾ HOẠCH", "QUY CHẾ")
    return analyze_text(f"{head}Điều 1. Quy định chung\n1. {text}\n").records


def _normalized(text: str) -> str:
    return normalize(text).text


def _citations(sentence: str) -> list:
    return analyze_text(f"{HEAD}{sentence}\n").records["citations"]


def _type_line(e: Entry) -> bool:
    a = analyze_text(f"SỞ NỘI VỤ\nSố: 1/X-SNV\n\n{e.example}\nVề việc tổ chức hội nghị\n\nNội dung.\n")
    return a.fields["doc_type"] == e.value


def _motto_ignored(e: Entry) -> bool:
    """A motto line among the issuer's lines (columns read one after the other) changes no field."""
    plain = analyze_text(HEAD).fields
    return analyze_text(HEAD.replace("SỞ NỘI VỤ\n", f"SỞ NỘI VỤ\n{e.example}\n")).fields == plain


def _signature(lines: str) -> dict:
    return analyze_text(f"{HEAD}Nội dung.\n\n{lines}\nNguyễn Văn An\n").fields


Probe = Callable[[Entry], bool]
PROBES: dict[str, Probe] = {
    # a type code, cited: 'Căn cứ Nghị quyết số 25-NQ/TW …' → cited_type
    "DOC_TYPES": lambda e: any(c.cited_type == e.value for c in _citations(f"Căn cứ {e.example} của Bộ Nội vụ.")),
    # upper case: the type line of a document; otherwise a cited type word
    "TYPE_WORDS": lambda e: _type_line(e) if e.example.isupper() else any(
        c.cited_type == e.value for c in _citations(f"Căn cứ {e.example} của Bộ Nội vụ.")),
    "MOTTO_LINES": _motto_ignored,
    "ORG_TITLES": lambda e: analyze_text(f"{e.example}\nTỈNH ĐOÀN AN GIANG\nSố: 1-KH/TĐTN\n\nKẾ HOẠCH\n"
                                         f"Về việc tổ chức\n\nNội dung.\n").fields["parent_body"] == e.value,
    "SIGNING_PREFIXES": lambda e: (_signature(f"{e.example}\nGIÁM ĐỐC")["signing_authority"] or "").startswith(e.value),
    "POSITIONS": lambda e: _signature(f"TM. SỞ NỘI VỤ\n{e.example}")["signer_title"] == e.value,
    "PURPOSES": lambda e: any(r.purpose == e.value for r in analyze_text(
        f"{HEAD}Nội dung.\n\nNơi nhận:\n- Sở Tài chính {e.example};\n- Lưu: VT.\n").records["recipients"]),
    "ISSUER_WORDS": lambda e: any(c.cited_issuer == _normalized(e.example) for c in _citations(
        f"Căn cứ Nghị quyết số 12/NQ-CP ngày 05/3/2020 của {e.example} về việc tổ chức.")),
    "RELATION_CUES": lambda e: any(c.relation == e.value for c in _citations(e.example + ".")),
    "COMPARATORS": lambda e: any(t.comparator == e.value for t in _in_body(e.example + ".")["targets"]),
    "TARGET_CUES": lambda e: bool(_in_body(e.example + ".")["targets"]),
    "RECURRENCE": lambda e: any(d.recurrence == e.value for d in _in_body(e.example + ".")["deadlines"]),
    "DEADLINE_CUES": lambda e: bool(_in_body(f"Hoàn thành {e.example}.")["deadlines"]),
    "ROLE_CUES": lambda e: any(a.role == e.value for a in _in_body(e.example + ".")["assignments"]),
    # targets: a goal word commits, a condition or a ceiling in a regulation limits, a result word
    # reports (no target), a scope head fills `scope`, a list noun stays in the unit
    "GOAL_WORDS": lambda e: any(t.kind == "target" for t in _in_body(e.example + ".")["targets"]),
    "CONDITION_WORDS": lambda e: any(t.kind == "limit" for t in _in_body(e.example + ".")["targets"]),
    "LIMIT_WORDS": lambda e: any(t.kind == "limit" for t in _in_rule(e.example + ".")["targets"]),
    "RESULT_WORDS": lambda e: _in_body(e.example + ".")["targets"] == [],
    "QUANTITY_LABELS": lambda e: bool(_in_body(e.example + ".")["targets"]),
    "SCOPE_HEADS": lambda e: any(t.scope and e.key in t.scope.casefold() for t in _in_body(e.example + ".")["targets"]),
    "LIST_NOUNS": lambda e: any(t.unit and e.key in t.unit for t in _in_body(e.example + ".")["targets"]),
}

# Tables whose examples another test module runs through the code that reads them (each with its own
# probe there); the test below checks that the module does name the table.
TESTED_IN = {
    "BODY_OPENERS": "test_fields_vocab.py",
    "CITATION_TYPE_WORDS": "test_citations_forms.py", "FORM_WORDS": "test_citations_forms.py",
    **dict.fromkeys(("DEADLINE_LABELS", "DESCRIBED_PERIOD_WORDS", "HORIZON_WORDS", "RELATIVE_YEARS",
                     "STATEMENT_WORDS", "STATUS_WORDS", "WEEKDAYS"), "test_deadlines_forms.py"),
    **dict.fromkeys(("CLAUSE_OPENERS", "DUTY_OF", "GIVE_VERBS", "NOT_IN_NAMES", "NOT_UNIT_STARTS", "PERSON_TITLES",
                     "PLURAL_UNIT_NOUNS", "ROLE_LABELS", "TABLE_COLUMNS", "UNIT_ABBREVIATIONS", "UNIT_NAMES"),
                    "test_assignments_shapes.py"),
}

# (table, key) → why its example does not give it yet.
_UNNUMBERED = "a document cited by its name alone, without a number, gives no citation row"
KNOWN_GAPS: dict[tuple[str, str], str] = {
    ("DOC_TYPES", "QCPH"): "the type word 'Quy chế phối hợp' is read as Quy chế (TYPE_WORDS) and wins over "
                           "the code QCPH, which names Quy chế phối hợp: the two tables disagree",
    ("TYPE_WORDS", "quy chế"): _UNNUMBERED,
    ("TYPE_WORDS", "hiến pháp"): _UNNUMBERED,
    ("TYPE_WORDS", "điều lệ"): _UNNUMBERED,
    ("TYPE_WORDS", "chiến lược"): _UNNUMBERED,
    ("TYPE_WORDS", "nghị quyết liên tịch"): "a symbol with no issuer part ('01/NQLT') is not read as a number",
    ("ISSUER_WORDS", "phường"): "the cited issuer stops before a number ('Đảng ủy phường 5' → 'Đảng ủy phường')",
}


# Near misses: text that must NOT give the entry (table, key, text) — the same probe, expected False.
NEGATIVES = [
    ("COMPARATORS", "ít nhất", "thành lập 02 chi đoàn"),                      # no comparator word
    ("RECURRENCE", "hằng năm", "báo cáo trước ngày 15/12/2025"),            # a dated one-off
    ("RECURRENCE", "hàng tuần", "báo cáo trước 16 giờ ngày 05/6/2025"),
    ("DEADLINE_CUES", "trước", "Năm 2023, toàn tỉnh đã thành lập 12 chi đoàn"),   # a past event, no cue
    ("DEADLINE_CUES", "đến", "Quy hoạch tỉnh đến năm 2030, tầm nhìn đến năm 2045"),  # horizons
    ("RELATION_CUES", "thực hiện", "theo quy định tại khoản 4 Điều 23 Nghị định 32/2024/NĐ-CP."),  # mentions
    ("PURPOSES", "b/c", "(để biết)"),
    ("POSITIONS", "PHÓ CHỦ TỊCH", "CHỦ TỊCH"),
    ("SIGNING_PREFIXES", "KT", "TM. BAN THƯỜNG VỤ"),
    ("TARGET_CUES", "thành lập", "các doanh nghiệp có từ 500 lao động trở lên"),    # a condition, not a target
    ("TARGET_CUES", "tổ chức", "Điều 5. Tổ chức thực hiện"),                  # an article number
    ("GOAL_WORDS", "phấn đấu", "năm 2024 toàn tỉnh đã đạt 85% hộ có điện"),       # a reported result
    ("SCOPE_HEADS", "toàn tỉnh", "100% xã đạt chuẩn nông thôn mới"),            # no scope stated
    ("ROLE_CUES", "chủ trì", "Hội nghị thường niên được tổ chức tại hội trường"),
]


@pytest.mark.parametrize("name,key,text", NEGATIVES, ids=[f"{n}:{k}:{t[:20]}" for n, k, t in NEGATIVES])
def test_near_miss_gives_no_entry(name, key, text):
    table = getattr(vocab, name)
    value = table[key].value if key in table else key
    assert not PROBES[name](Entry(key, value, text)), f"{name}: {text!r} gave {value!r}"


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


@pytest.mark.parametrize("name,key", list(_cases()))
def test_example_gives_its_entry(name, key):
    entry = getattr(vocab, name)[key]
    assert PROBES[name](entry), f"{name}[{key!r}]: example {entry.example!r} does not give {entry.value!r}"


def test_every_example_table_has_a_probe():
    tables = {n for n, v in vars(vocab).items() if isinstance(v, dict) and v
              and all(isinstance(e, Entry) for e in v.values())}
    assert tables == set(PROBES) | set(TESTED_IN)
    here = Path(__file__).parent
    for name, module in TESTED_IN.items():
        assert regex.search(rf"\b{name}\b", (here / module).read_text(encoding="utf-8")), (name, module)


def test_a_broken_example_is_caught():
    """The harness itself: an example that no longer shows its entry is reported."""
    table = {"ít nhất": Entry("ít nhất", "at_least", "thành lập ít nhất 02 chi đoàn"),
             "tối đa": Entry("tối đa", "at_most", "thành lập ít nhất 02 chi đoàn")}    # wrong example
    assert failing(table, PROBES["COMPARATORS"]) == ["tối đa"]
