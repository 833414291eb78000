"""Who cites whom, and where a quote or fact comes from: hand-built articles."""

from __future__ import annotations

from storytrace.link.citations import find_citations
from storytrace.link.outlets import OutletIndex
from storytrace.link.provenance import Carrier, ProvenanceIndex, copy_of_pairs
from storytrace.link.records import CopyPair
from storytrace.records import Article, ArticleAnalysis

from .samples import analysis, quote, span


def _article(
    id_: str, text: str, outlet: str | None, published: str | None = None, author: str | None = None
) -> Article:
    return Article(
        id=id_,
        key=id_,
        input=f"{id_}.txt",
        text=text,
        outlet=outlet,
        published=published,
        author=author,
    )


def _cited(analyses: list[ArticleAnalysis]) -> list[tuple[str, str | None, str | None, str, bool]]:
    return [
        (c.article, c.cited, c.document, c.cue, c.own)
        for c in find_citations(analyses, OutletIndex.build(a.article.outlet for a in analyses))
    ]


def test_according_to_a_document_obtained_by_an_outlet() -> None:
    a = _article(
        "a",
        "Voss coached Greb, according to a recording obtained by the Evening Post. "
        '"We stay," Voss said, according to the transcript of the recording.',
        "Daily Courier",
    )
    lead = "Voss coached Greb"
    source = "a recording obtained by the Evening Post"
    q1 = quote(a, 1, lead, kind="according_to", source=source, cue="according to")
    q2 = quote(
        a,
        2,
        '"We stay," Voss said',
        kind="according_to",
        source="the transcript of the recording",
        cue="according to",
        nth=0,
    )
    assert _cited([analysis(a, [], [q1, q2])]) == [
        ("a", "Evening Post", "a recording", "according to", False),
        # a definite "the recording" is the one cited before, with its outlet
        ("a", "Evening Post", "the transcript of the recording", "according to", False),
    ]


def test_credits_read_from_the_text() -> None:
    a = _article(
        "a",
        "VEYLE, March 4 (Meridian Wire) — Trucks waited. A diplomat told the Daily Courier it "
        "was over. Reuters reported that talks stalled. The plan, as detailed by an aide to "
        "the Evening Post, has 21 points. A Reuters report on the call said more.",
        "Tessel Herald",
    )
    found = _cited([analysis(a)])
    assert found == [
        ("a", "Meridian Wire", None, "credit", False),
        ("a", "Daily Courier", None, "told", False),
        ("a", "Reuters", None, "reported", False),
        ("a", "Evening Post", None, "detailed", False),
        ("a", "Reuters", None, "report", False),
    ]


def test_an_outlet_citing_itself_is_own_and_its_dateline_no_citation() -> None:
    a = _article(
        "a",
        "PORT HALVARD, March 5 (Meridian Wire) - A source told Meridian Wire it was close.",
        "Meridian Wire",
    )
    assert _cited([analysis(a)]) == [("a", "Meridian Wire", None, "told", True)]


def test_officials_and_unknown_names_are_not_citations() -> None:
    a = _article(
        "a",
        "The talks failed, according to a senior official. Acme Holdings reported a loss. "
        "He told Anna Berg so.",
        "Daily Courier",
    )
    q = quote(a, 1, "The talks failed", kind="according_to", source="a senior official")
    assert _cited([analysis(a, [], [q])]) == []


def _provenance(
    analyses: list[ArticleAnalysis], copy_of: dict[str, str] | None = None
) -> ProvenanceIndex:
    outlets = OutletIndex.build(a.article.outlet for a in analyses)
    return ProvenanceIndex(analyses, find_citations(analyses, outlets), outlets, copy_of)


FACT = "The convoy has 1,200 trucks."


def test_everyone_repeating_one_source_is_single_source() -> None:
    scoop = _article("a", f"{FACT} The Ledger saw it.", "The Harbour Ledger", "2026-03-02")
    # same day, no time: it credits the Ledger, so the Ledger was first
    follow = _article(
        "b",
        f"The Harbour Ledger reported that the convoy was ready. {FACT}",
        "Daily Courier",
        "2026-03-02",
    )
    wire = _article("c", f"VEYLE (Meridian Wire) — {FACT}", "Tessel Herald", "2026-03-03")
    copy = _article("d", f"Copied: {FACT}", "Content Farm", "2026-03-03T10:00")
    analyses = [analysis(a) for a in (scoop, follow, wire, copy)]
    index = _provenance(analyses, copy_of={"d": "a"})
    carriers = [Carrier(a.article.id, span(a.article.text, FACT)) for a in analyses]
    p = index.of(carriers[:2] + carriers[3:])
    assert (p.first, p.first_certain) == ("a", True)
    assert p.independent == ("The Harbour Ledger",)
    assert p.status == "single_source"
    p = index.of(carriers)
    assert p.independent == ("The Harbour Ledger", "Meridian Wire")
    assert p.status == "corroborated"


def test_syndication_by_byline_and_one_article_alone() -> None:
    a = _article("a", FACT, "Northgate Dispatch", "2026-03-04", author="Meridian Wire")
    b = _article("b", FACT, "Tessel Herald", "2026-03-04", author="Meridian Wire")
    index = _provenance([analysis(a), analysis(b)])
    both = index.of([Carrier("a", span(FACT, FACT)), Carrier("b", span(FACT, FACT))])
    assert both.independent == ("Meridian Wire",)
    assert (both.status, both.first_certain) == ("single_source", False)
    alone = index.of([Carrier("a", span(FACT, FACT))])
    assert alone.status == "single_article"


def test_near_copies_fold_into_their_source() -> None:
    pairs = [
        CopyPair("a", "b", "light_rewrite", "a", 0.6, 0.4, 0.9, ()),
        CopyPair("a", "c", "shared_quotes", None, 0.1, 0.05, 0.1, ()),
    ]
    assert copy_of_pairs(pairs) == {"b": "a"}  # sharing quotes is no copy
    a = _article("a", FACT, "The Harbour Ledger", "2026-03-02")
    b = _article("b", FACT, "Content Farm", "2026-03-02T14:10")
    index = _provenance([analysis(a), analysis(b)], copy_of=copy_of_pairs(pairs))
    p = index.of([Carrier("a", span(FACT, FACT)), Carrier("b", span(FACT, FACT))])
    assert (p.status, p.independent) == ("single_source", ("The Harbour Ledger",))
