"""One quote, many wordings: hand-built articles with planted variants."""

from __future__ import annotations

from storytrace.link.across import link_across
from storytrace.link.records import QuoteGroup
from storytrace.link.word_diff import diff_words, variant_labels
from storytrace.records import Article, ArticleAnalysis

from .samples import analysis, entity, quote

LONG = "Now, between you and me, I know what it will take to get this done"
HOPE = "But I am saying instead of talking like that, let us talk more hopefully"


def _article(id_: str, text: str, outlet: str, published: str) -> Article:
    return Article(
        id=id_, key=id_, input=f"{id_}.txt", text=text, outlet=outlet, published=published
    )


def _said(id_: str, outlet: str, published: str, words: str, cue: str = "said") -> ArticleAnalysis:
    a = _article(id_, f'"{words}," Mara Voss {cue}. The talks went on.', outlet, published)
    voss = entity(a, 1, "Mara Voss", "PERSON")
    return analysis(a, [voss], [quote(a, 1, words, source="Mara Voss", cue=cue, speaker=voss)])


def _group_of(groups: list[QuoteGroup], article: str) -> QuoteGroup:
    return next(g for g in groups if article in g.articles)


def test_diff_and_labels_name_what_changed() -> None:
    ref = "We are close, closer than we have been in nearly three years, but close is not done"
    variant = "We are close, closer than we have been in three years, but close is not finished"
    diff = diff_words(ref, variant)
    assert [(d.op, d.text) for d in diff] == [
        ("same", "We are close, closer than we have been in"),
        ("omitted", "nearly"),
        ("same", "three years, but close is not"),
        ("omitted", "done"),
        ("added", "finished"),
    ]
    assert variant_labels(diff) == ("omission", "substitution")
    assert variant_labels(diff_words(ref, "We are close, closer than we have been")) == (
        "truncated",
    )
    assert variant_labels(diff_words(ref, "closer than we have been in nearly three years")) == (
        "excerpt",
    )
    assert variant_labels(diff_words(ref, ref.upper())) == ("exact",)


def test_truncation_omission_and_partial_quote_are_one_group_each() -> None:
    analyses = [
        _said("a", "Daily Ledger", "2026-01-02T09:00", LONG),
        _said("b", "Evening Post", "2026-01-02T15:00", LONG.removeprefix("Now, ")),
        _said("c", "Daily Ledger", "2026-01-03T08:00", HOPE),
        _said("d", "Evening Post", "2026-01-03T10:00", HOPE.replace("I am saying ", "")),
        _said("e", "Morning Star", "2026-01-04T10:00", "I know what it will take"),
    ]
    groups = list(link_across(analyses, timeline=()).quote_groups)
    assert len(groups) == 2
    deal = _group_of(groups, "a")
    assert deal.articles == ("a", "b", "e")
    assert deal.text == LONG
    assert [v.labels for v in deal.variants] == [("exact",), ("truncated",), ("excerpt",)]
    assert deal.variants[1].diff[0].op == "omitted" and deal.variants[1].diff[0].text == "Now"
    assert deal.provenance.first == "a" and deal.provenance.first_certain
    assert deal.speaker_name == "Mara Voss" and not deal.speaker_disagreement
    hope = _group_of(groups, "c")
    assert hope.articles == ("c", "d")
    assert hope.variants[1].labels == ("omission",)
    assert [d.text for d in hope.variants[1].diff if d.op == "omitted"] == ["I am saying"]


def test_the_same_quote_twice_in_one_article_is_one_statement() -> None:
    words = "Nobody here wants a long war and nobody will get one"
    a = _article("a", f'"{words}," she said. Later: "{words}."', "Daily Ledger", "2026-01-02")
    first, second = quote(a, 1, words), quote(a, 2, words, nth=1)
    (group,) = link_across([analysis(a, [], [first, second])], timeline=()).quote_groups
    assert len(group.variants) == 1
    assert [o.attribution for o in group.variants[0].occurrences] == ["a:q1", "a:q2"]
    assert group.provenance.status == "single_article"


def test_explicitly_named_different_speakers_are_a_disagreement() -> None:
    words = "The convoy will move at dawn whatever the ministers decide"
    a = _article("a", f'"{words}," Mara Voss said.', "Daily Ledger", "2026-01-02")
    b = _article("b", f'"{words}," Ilse Dorn said.', "Evening Post", "2026-01-03")
    voss, dorn = entity(a, 1, "Mara Voss", "PERSON"), entity(b, 1, "Ilse Dorn", "PERSON")
    groups = link_across(
        [
            analysis(a, [voss], [quote(a, 1, words, source="Mara Voss", speaker=voss)]),
            analysis(b, [dorn], [quote(b, 1, words, source="Ilse Dorn", speaker=dorn)]),
        ],
        timeline=(),
    ).quote_groups
    (group,) = groups
    assert group.speaker_disagreement
    assert set(group.speakers) == {"mara-voss", "ilse-dorn"}


def test_a_pronoun_speaker_is_no_disagreement() -> None:
    words = "The convoy will move at dawn whatever the ministers decide"
    a = _article("a", f'"{words}," Mara Voss said.', "Daily Ledger", "2026-01-02")
    b = _article("b", f'"{words}," she said. Ilse Dorn nodded.', "Evening Post", "2026-01-03")
    voss, dorn = entity(a, 1, "Mara Voss", "PERSON"), entity(b, 1, "Ilse Dorn", "PERSON")
    (group,) = link_across(
        [
            analysis(a, [voss], [quote(a, 1, words, source="Mara Voss", speaker=voss)]),
            # the extractor resolved "she" to the wrong person
            analysis(b, [dorn], [quote(b, 1, words, source="she", speaker=dorn)]),
        ],
        timeline=(),
    ).quote_groups
    assert not group.speaker_disagreement
    assert [o.explicit for v in group.variants for o in v.occurrences] == [True, False]


def test_a_short_stock_phrase_of_two_speakers_is_two_quotes() -> None:
    a = _article("a", '"a serious problem," Mara Voss said.', "Daily Ledger", "2026-01-02")
    b = _article("b", '"a serious problem," Ilse Dorn said.', "Evening Post", "2026-01-03")
    voss, dorn = entity(a, 1, "Mara Voss", "PERSON"), entity(b, 1, "Ilse Dorn", "PERSON")
    groups = link_across(
        [
            analysis(a, [voss], [quote(a, 1, "a serious problem", kind="partial", speaker=voss)]),
            analysis(b, [dorn], [quote(b, 1, "a serious problem", kind="partial", speaker=dorn)]),
        ],
        timeline=(),
    ).quote_groups
    assert len(groups) == 2


def test_addressee_is_read_after_told() -> None:
    a = _article(
        "a", f'"{LONG}," Mara Voss told Ilse Dorn on Monday.', "Daily Ledger", "2026-01-02"
    )
    voss, dorn = entity(a, 1, "Mara Voss", "PERSON"), entity(a, 2, "Ilse Dorn", "PERSON")
    q = quote(a, 1, LONG, source="Mara Voss", cue="told", speaker=voss)
    (group,) = link_across([analysis(a, [voss, dorn], [q])], timeline=()).quote_groups
    assert group.addressees == ("Ilse Dorn",)


def test_group_ids_are_anchored_on_the_first_printing() -> None:
    first = [
        _said("a", "Daily Ledger", "2026-01-02T09:00", LONG),
        _said("c", "Daily Ledger", "2026-01-03T08:00", HOPE),
    ]
    ids = {g.text: g.id for g in link_across(first, timeline=()).quote_groups}
    later = [
        _said(
            "z", "Morning Star", "2026-01-01T07:00", "The harbour stays shut until the inquiry ends"
        ),
        *first,
        _said("b", "Evening Post", "2026-01-02T15:00", LONG.removeprefix("Now, ")),
    ]
    groups = link_across(later, timeline=()).quote_groups
    again = {g.text: g.id for g in groups if g.text in ids}
    # an earlier quote and a later printing of one arrive: no id changes
    assert ids == again and len(groups) == 3
    assert all(i.startswith("qg-") for i in ids.values()) and len(set(ids.values())) == 2
