"""A very large document read in pieces (pipeline/stream.py) gives the rows it gives read whole."""
from pipeline import api, stream
from pipeline.segment import LineIndex, split_lines
from tests.generated import big_plan


def merged(parts) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for tables in parts:
        for name, rows in tables.items():
            out.setdefault(name, []).extend(rows)
    out["sections"].sort(key=lambda row: row["section_index"])     # each given when it closes
    return out


def test_a_plan_read_in_pieces_gives_the_rows_of_the_whole(tmp_path, monkeypatch):
    path = tmp_path / "plan.txt"
    path.write_bytes(big_plan(300_000))
    [whole] = api.table_parts(path, "plan.txt")
    monkeypatch.setattr(stream, "LARGE_CHARS", 1000)
    monkeypatch.setattr(stream, "PIECE_CHARS", 20_000)
    parts = list(api.table_parts(path, "plan.txt"))
    assert len(parts) > 10     # most cut inside heading 99 (the plan numbers its first 99 only): carried
    assert [bool(p.get("documents")) for p in parts] == [True] + [False] * (len(parts) - 1)
    assert merged(parts) == whole


def test_pieces_are_cut_before_a_line_that_opens_a_section():
    text = "\n".join(["1. Một", "- a", "tiếp", "- b", "2. Hai", "còn"])
    index = LineIndex(text)
    assert [(ln.start, ln.end, ln.text) for ln in index] == [(ln.start, ln.end, ln.text) for ln in split_lines(text)]
    assert list(stream.pieces(index, 0, len(index), size=1)) == [(0, 1), (1, 3), (3, 4), (4, 6)]
    assert list(stream.pieces(index, 0, len(index), size=12)) == [(0, 3), (3, 6)]
