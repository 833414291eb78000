"""Near-copies: shingles and signatures, sentence alignment, classification, the
likely original, and the planted pairs of the demo corpus."""

from __future__ import annotations

import pytest

from storytrace.link import copies
from storytrace.link.align import align, sentences
from storytrace.link.copies import (
    CopyIndex,
    classify,
    compare,
    copy_of,
    find_copies,
    fingerprint,
)
from storytrace.link.dates import day_number, earlier
from storytrace.link.shingles import (
    shingles,
    signature_bytes,
    signature_from_bytes,
    tokens,
    words,
)
from storytrace.records import Article
from storytrace.store import text_key

from .demo_raw import demo_articles

WIRE = (
    "A convoy of trucks loaded with flour waited at the crossing on Wednesday. "
    "Drivers said they had slept in their cabs for three nights. "
    "Officials said the inspections would start once the ministers agreed. "
    "The relief office says the town has received few supplies since November."
)


def _article(id_: str, text: str, **meta: str | None) -> Article:
    return Article(id=id_, key=text_key(text), input=id_, text=text, **meta)  # type: ignore[arg-type]


# -- words, shingles, signatures ---------------------------------------------------------


def test_words_fold_typography_and_keep_offsets() -> None:
    text = "He said: “Don’t LEAD with it.”"
    found = words(text)
    assert [w.norm for w in found] == ["he", "said", "don't", "lead", "with", "it"]
    assert [text[w.start : w.end] for w in found] == ["He", "said", "Don’t", "LEAD", "with", "it"]
    assert tokens(text) == [w.norm for w in found]


def test_shingles_are_runs_of_five_words() -> None:
    assert shingles(["a", "b", "c", "d", "e", "f"]) == {"a b c d e", "b c d e f"}
    assert shingles(["a", "b"]) == {"a b"}
    assert shingles([]) == set()


def test_signature_round_trip_and_estimate() -> None:
    a, b = fingerprint(WIRE), fingerprint(WIRE.replace("Wednesday", "Thursday"))
    again = signature_from_bytes(signature_bytes(a.signature))
    assert again.jaccard(a.signature) == 1.0
    exact = len(a.shingles & b.shingles) / len(a.shingles | b.shingles)
    assert abs(a.signature.jaccard(b.signature) - exact) < 0.15


def test_copy_index_finds_the_copy_and_not_the_unrelated() -> None:
    index = CopyIndex()
    assert index.add("wire", fingerprint(WIRE).signature) == []
    other = (
        "The senate committee will hold a hearing on the envoy's conduct next month in the capital."
    )
    assert index.add("other", fingerprint(other).signature) == []
    assert index.add("copy", fingerprint(WIRE.replace("Wednesday", "Tuesday")).signature) == [
        "wire"
    ]
    assert "copy" in index and index.size == 3


# -- alignment --------------------------------------------------------------------------


def test_sentences_have_offsets() -> None:
    text = "First one. Second “quoted” one!\nThird"
    assert [text[s.start : s.end] for s in sentences(text)] == [
        "First one",
        "Second “quoted” one",
        "Third",
    ]


def test_align_same_changed_and_one_sided_passages() -> None:
    a = "Intro only here. The convoy waited at the crossing. Drivers slept in their cabs for days."
    b = (
        "The convoy waited at the crossing. Drivers have slept in their cabs for days. "
        "Subscribe now."
    )
    alignment = align(a, b)
    assert [
        (p.op, p.a.text if p.a else None, p.b.text if p.b else None) for p in alignment.passages
    ] == [
        ("only_a", "Intro only here", None),
        ("same", "The convoy waited at the crossing", "The convoy waited at the crossing"),
        (
            "changed",
            "Drivers slept in their cabs for days",
            "Drivers have slept in their cabs for days",
        ),
        ("only_b", None, "Subscribe now"),
    ]
    # the shorter article is a (16 words): 6 word for word, 7 reworded
    assert (alignment.words_a, alignment.same_a, alignment.changed_a) == (16, 6, 7)
    assert alignment.verbatim() == 6 / 16
    assert alignment.aligned() == 13 / 16


# -- classification ---------------------------------------------------------------------


def test_exact_duplicate_ignores_typography() -> None:
    pair = compare(_article("a", 'He said "yes." ' + WIRE), _article("b", "He said “yes.” " + WIRE))
    assert pair is not None and pair.kind == "exact_duplicate"
    assert pair.verbatim == 1.0


def test_syndicated_copy_with_small_edits_and_a_dropped_paragraph() -> None:
    copy = WIRE.replace("had slept", "had been sleeping").rsplit(" The relief", 1)[0]
    pair = compare(
        _article("wire", WIRE, published="2026-03-04T09:00"),
        _article("herald", copy, published="2026-03-04T11:30"),
    )
    assert pair is not None
    assert (pair.kind, pair.a, pair.b, pair.original) == ("syndicated", "wire", "herald", "wire")


def test_light_rewrite_rewords_most_sentences() -> None:
    rewrite = (
        "A convoy of trucks loaded with flour sat waiting at the crossing on Wednesday. "
        "Drivers said that they had slept inside their cabs for three nights. "
        "Officials said the inspections would begin once the ministers agreed. "
        "The relief office says the town has received few supplies since November."
    )
    pair = compare(
        _article("farm", rewrite, published="2026-03-05"),
        _article("wire", WIRE, published="2026-03-04"),
    )
    assert pair is not None
    assert (pair.kind, pair.a, pair.original) == ("light_rewrite", "wire", "wire")
    assert [p.op for p in pair.passages] == ["changed", "same"]


def test_shared_quotes_only() -> None:
    quote = (
        "“We are close, closer than we have been in nearly three years, but close is not the "
        "same as done, and nobody should confuse the two,”"
    )
    a = f"{quote} the envoy told reporters on the flight."
    b = f"Asked about the talks, Danes repeated: {quote}"
    pair = compare(_article("a", a), _article("b", b))
    assert pair is not None and pair.kind == "shared_quotes"
    assert copy_of([pair]) == {}


def test_unrelated_articles_are_not_copies() -> None:
    other = (
        "The senate committee will hold a hearing on the envoy's conduct next month. "
        "Its chairman said witnesses would be called from the foreign ministry."
    )
    assert compare(_article("a", WIRE), _article("b", other)) is None


def test_classify_thresholds() -> None:
    alignment = align(WIRE, WIRE.replace("flour", "rice"))
    assert classify(alignment, 0.0) == "syndicated"
    assert classify(alignment, 0.9) == "shared_quotes"
    assert classify(align(WIRE, "Nothing in common at all here."), 0.1) is None


# -- which came first -------------------------------------------------------------------


def test_dates_compare_at_the_precision_both_have() -> None:
    assert earlier("2026-03-02", "2026-03-03T01:00") == -1
    assert earlier("2026-03-02T14:10", "2026-03-02") == 0
    assert earlier("2026-03-02T06:30Z", "2026-03-02T14:10") == -1
    assert earlier(None, "2026-03-02") == 0
    assert earlier("not a date", "2026-03-02") == 0
    assert day_number("1970-01-02") == 1.0
    assert day_number("1970-01-01T12:00Z") == 0.5


def test_original_by_credit_when_dates_tie_and_unknown_otherwise() -> None:
    source = _article("ledger", WIRE, outlet="The Harbour Ledger", published="2026-03-02")
    farm_text = WIRE + " The transcript was obtained by The Harbour Ledger."
    farm = _article("farm", farm_text, outlet="NewsPulse Today", published="2026-03-02T14:10")
    pair = compare(farm, source)
    assert pair is not None and (pair.a, pair.original) == ("ledger", "ledger")
    assert copy_of([pair]) == {"farm": "ledger"}
    twin = _article("twin", WIRE.replace("flour", "rice"), outlet="Other", published="2026-03-02")
    tie = compare(source, twin, seq={"ledger": 1, "twin": 2})
    assert tie is not None and (tie.a, tie.b, tie.original) == ("ledger", "twin", None)


# -- the demo corpus --------------------------------------------------------------------


def test_demo_copies_are_exactly_the_planted_pairs() -> None:
    pairs = {(p.a, p.b): p for p in find_copies(demo_articles())}
    rewrite = ("2026-03-02-harbour-ledger-envoy-call.html", "2026-03-02-newspulse-leaked-call.txt")
    wire = ("northgate-dispatch.rss#entry-2", "tessel-valley-herald.warc.gz#record-2")
    assert set(pairs) == {rewrite, wire}
    assert pairs[rewrite].kind == "light_rewrite"
    # same day, but the content farm credits the Ledger's transcript
    assert pairs[rewrite].original == rewrite[0]
    assert pairs[wire].kind == "syndicated"
    assert pairs[wire].original is None  # both dated 4 March, neither credits the other
    for pair in pairs.values():
        assert pair.aligned > 0.9
        for passage in pair.passages:
            assert passage.a is not None or passage.b is not None
    # the Herald dropped the wire's last paragraph
    assert pairs[wire].passages[-1].op == "only_a"
    assert "30,000 people" in (
        pairs[wire].passages[-1].a.text if pairs[wire].passages[-1].a else ""
    )


def test_copy_index_forgets_articles_older_than_its_window(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    index = CopyIndex()
    signature = fingerprint(WIRE).signature
    index.add("old", signature, day=0.0)
    index.add("recent", fingerprint("Something else entirely, said nobody.").signature, 40.0)
    index.forget_old()
    assert "old" not in index and index.size == 1
    assert index.add("late copy", signature, day=41.0) == []
    monkeypatch.setattr(copies, "MAX_UNDATED", 1)
    index.add("undated 1", fingerprint("First undated text about nothing much.").signature)
    index.add("undated 2", signature)
    index.forget_old()
    assert "undated 1" not in index and "undated 2" in index
