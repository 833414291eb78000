"""The MEANTIME loader: text rebuilt from tokens, the dateline as DCT, gold TIMEX3 spans."""

from __future__ import annotations

from pathlib import Path

import pytest

from storytrace.errors import InputNotFound, MalformedInput
from storytrace.eval.meantime import load_meantime, parse_meantime
from storytrace.eval.timeml import GoldTimex

#: ../shared/data from the project root
DATA = Path(__file__).resolve().parents[3] / "shared" / "data"

_TOKENS = [
    # sentence 0: the title
    (0, "Harbour"), (0, "ferry"), (0, "resumes"),
    # sentence 1: the dateline
    (1, "March"), (1, "3"), (1, ","), (1, "2011"),
    # sentence 2
    (2, "The"), (2, "town"), (2, "'s"), (2, "ferry"), (2, "("), (2, "the"), (2, "Gull"),
    (2, ")"), (2, "sailed"), (2, "again"), (2, "on"), (2, "Tuesday"), (2, ","),
    (2, "``"), (2, "after"), (2, "two"), (2, "weeks"), (2, "''"), (2, "."),
    # sentence 3: never annotated, so not part of the text
    (3, "Tickets"), (3, "cost"), (3, "$"), (3, "4"), (3, "."),
]  # fmt: skip

_MARKABLES = """
<TIMEX3 functionInDocument="CREATION_TIME" m_id="1" type="DATE" value="2011-03-03">
<token_anchor t_id="4"/><token_anchor t_id="5"/><token_anchor t_id="6"/><token_anchor t_id="7"/>
</TIMEX3>
<TIMEX3 functionInDocument="NONE" m_id="2" type="DATE" value="2011-03-01">
<token_anchor t_id="19"/>
</TIMEX3>
<TIMEX3 functionInDocument="NONE" m_id="3" type="DURATION" value="P2W">
<token_anchor t_id="23"/><token_anchor t_id="24"/>
</TIMEX3>
<TIMEX3 TAG_DESCRIPTOR="Empty_Mark" functionInDocument="NONE" m_id="4" type="DATE" value="2011"/>
<EVENT_MENTION m_id="5" pred="sail"><token_anchor t_id="16"/></EVENT_MENTION>
"""


def _write(folder: Path, tokens: list[tuple[int, str]], markables: str) -> Path:
    lines = ['<?xml version="1.0" ?><Document doc_id="7" doc_name="ferry" lang="en">']
    for i, (sentence, text) in enumerate(tokens):
        lines.append(f'<token number="{i}" sentence="{sentence}" t_id="{i + 1}">{text}</token>')
    lines += ["<Markables>", markables, "</Markables>", "<Relations/>", "</Document>"]
    path = folder / "corpus_ferry" / "7_ferry.xml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def test_text_is_rebuilt_with_english_spacing_and_the_dateline_left_out(tmp_path: Path) -> None:
    doc = parse_meantime(_write(tmp_path, _TOKENS, _MARKABLES))
    assert doc.id == "7"
    assert doc.dct == "2011-03-03"
    assert doc.text == (
        "Harbour ferry resumes\n\nThe town's ferry (the Gull) sailed again on Tuesday, \"after "
        'two weeks".'
    )


def test_gold_spans_index_the_rebuilt_text(tmp_path: Path) -> None:
    doc = parse_meantime(_write(tmp_path, _TOKENS, _MARKABLES))
    assert doc.timexes == (
        GoldTimex(doc.text.index("Tuesday"), doc.text.index("Tuesday") + 7, "DATE", "2011-03-01"),
        GoldTimex(doc.text.index("two"), doc.text.index("weeks") + 5, "DURATION", "P2W"),
    )
    assert [doc.text[t.start : t.end] for t in doc.timexes] == ["Tuesday", "two weeks"]


def test_a_dct_value_in_another_form_is_read_from_the_dateline(tmp_path: Path) -> None:
    markables = _MARKABLES.replace('value="2011-03-03"', 'value="03-03-2011"')
    assert parse_meantime(_write(tmp_path, _TOKENS, markables)).dct == "2011-03-03"


def test_load_reads_every_sub_corpus(tmp_path: Path) -> None:
    _write(tmp_path / "events" / "meantime" / "intra-doc_annotation", _TOKENS, _MARKABLES)
    docs = load_meantime(tmp_path)
    assert [d.id for d in docs] == ["7"]


def test_missing_dataset_and_missing_dateline_are_reported(tmp_path: Path) -> None:
    with pytest.raises(InputNotFound):
        load_meantime(tmp_path)
    no_dateline = [(s, t) for s, t in _TOKENS if s != 1]
    with pytest.raises(MalformedInput):
        parse_meantime(_write(tmp_path, no_dateline, "<EVENT_MENTION m_id='1'/>"))


@pytest.mark.realdata
def test_real_meantime_loads_with_spans_on_their_words() -> None:
    if not (DATA / "events" / "meantime").is_dir():
        pytest.skip(f"real-data test: {DATA / 'events' / 'meantime'} is absent")
    docs = load_meantime(DATA)
    assert len(docs) == 120
    timexes = [(d, t) for d in docs for t in d.timexes]
    assert len(timexes) == 368  # 488 anchored TIMEX3 less the 120 datelines
    for doc, timex in timexes:
        span = doc.text[timex.start : timex.end]
        assert span == span.strip() and span, (doc.id, span)
        assert timex.type in ("DATE", "TIME", "DURATION", "SET")
    assert all(len(d.dct) == 10 for d in docs)
