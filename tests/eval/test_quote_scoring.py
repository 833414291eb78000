"""The quote scorers on hand-built gold and predictions."""

from __future__ import annotations

import pytest

from storytrace.eval.datasets import GgtArticle, GgtQuote, PolnearArticle, PolnearAttribution
from storytrace.eval.quotes import is_speech_cue, same_person, score_ggt, score_polnear
from storytrace.eval.scoring import PRF, overlap
from storytrace.records import Attribution, Span, Speaker

TEXT = 'Mara Voss said the bridge is safe. "It will hold," she said. Officials believe it.'


def _q(
    start: int,
    end: int,
    name: str | None = None,
    cue: tuple[int, int] | None = None,
    source: tuple[int, int] | None = None,
    kind: str = "direct",
) -> Attribution:
    return Attribution(
        id=f"q{start}",
        article="a",
        kind=kind,  # type: ignore[arg-type]
        content=Span(start, end, TEXT[start:end]),
        cue=Span(cue[0], cue[1], TEXT[cue[0] : cue[1]]) if cue else None,
        source=Span(source[0], source[1], TEXT[source[0] : source[1]]) if source else None,
        speaker=Speaker(name=name),
    )


def test_prf_arithmetic() -> None:
    prf = PRF(3, 4, 6) + PRF(1, 1, 2)
    assert (prf.precision, prf.recall) == (0.8, 0.5)
    assert prf.f1 == pytest.approx(2 * 0.8 * 0.5 / 1.3)
    assert PRF(0, 0, 0).f1 == 0.0
    assert overlap(((0, 10),), ((5, 20), (8, 9))) == 6


@pytest.mark.parametrize(
    ("predicted", "reference", "same"),
    [
        ("Darian Lonechild", "Darian Lonechild", True),
        ("Lonechild", "Darian Lonechild", True),
        ("Dr. Jane Smith", "Jane Smith", True),
        ("Jane Smith", "John Smith", False),
        ("Smith", "Jane Doe", False),
        (None, "Jane Doe", False),
        ("The justice official", "a justice official", True),
        ("a justice official", "a finance official", False),
    ],
)
def test_same_person(predicted: str | None, reference: str, same: bool) -> None:
    assert same_person(predicted, reference) is same


def test_ggt_lenient_and_strict_matching() -> None:
    quote_start = TEXT.index('"It')
    gold = GgtArticle(
        id="a",
        outlet="o",
        text=TEXT,
        quotes=(
            GgtQuote(
                quote=(quote_start, quote_start + 15),
                speaker=None,
                verb=(TEXT.index("said", 40), TEXT.index("said", 40) + 4),
                reference="Mara Voss",
                quote_text="",
            ),
            GgtQuote(
                quote=(15, 33), speaker=(0, 9), verb=(10, 14), reference="Mara Voss", quote_text=""
            ),
        ),
    )
    cue = (TEXT.index("said", 40), TEXT.index("said", 40) + 4)
    predicted = [
        _q(quote_start + 1, quote_start + 14, "Mara Voss", cue=cue),  # 13 of 15 chars: strict
        _q(15, 21, "Someone Else"),  # 6 of 18 chars: lenient only
        _q(61, 80),  # matches nothing
    ]
    scores = score_ggt([gold], lambda _a: predicted)
    assert scores.lenient == PRF(2, 3, 2)
    assert scores.strict == PRF(1, 3, 2)
    assert scores.speaker_accuracy("lenient") == 0.5
    assert scores.speaker_accuracy("strict") == 1.0
    assert scores.verb_accuracy("strict") == 1.0


def test_ggt_verb_and_speaker_span_follow_the_trackers_own_code() -> None:
    # a quote annotated with no verb and no speaker is right when none is predicted
    gold = GgtArticle(
        id="a",
        outlet="o",
        text=TEXT,
        quotes=(
            GgtQuote(quote=(35, 49), speaker=None, verb=None, reference="Mara Voss", quote_text=""),
            GgtQuote(
                quote=(15, 33), speaker=(0, 9), verb=(10, 14), reference="Mara Voss", quote_text=""
            ),
        ),
    )
    predicted = [
        _q(35, 49, "Mara Voss"),  # no cue, no source: both right
        _q(15, 33, "Mara Voss", cue=(51, 55), source=(5, 9)),  # wrong cue, source overlaps
    ]
    scores = score_ggt([gold], lambda _a: predicted)
    assert scores.verb_accuracy("strict") == 0.5
    assert scores.verb_accuracy_given("strict") == 0.0
    assert scores.speaker_span_accuracy("strict") == 1.0
    with_cue = [_q(35, 49, cue=(51, 55)), predicted[1]]
    assert score_ggt([gold], lambda _a: with_cue).verb_accuracy("strict") == 0.0


def test_polnear_exact_and_overlap_per_role() -> None:
    gold = PolnearArticle(
        id="a",
        publisher="p",
        date=None,
        text=TEXT,
        attributions=(
            PolnearAttribution(
                type="Attribution",
                source=((0, 9),),
                cue=((10, 14),),
                content=((15, 33),),
                cue_text="said",
            ),
            PolnearAttribution(
                type="Attribution",
                source=((61, 70),),
                cue=((71, 78),),
                content=((79, 81),),
                cue_text="believe",
            ),
        ),
    )
    predicted = [_q(15, 34, cue=(10, 14), source=(0, 9), kind="indirect")]
    scores = score_polnear([gold], lambda _a: predicted)
    assert scores.exact["source"] == PRF(1, 1, 2)
    assert scores.exact["content"] == PRF(0, 1, 2)  # one extra character
    assert scores.overlap["content"] == PRF(1, 1, 2)
    speech = score_polnear([gold], lambda _a: predicted, speech_only=True)
    assert speech.exact["source"] == PRF(1, 1, 1)


@pytest.mark.parametrize(
    ("cue", "speech"),
    [
        ("said", True),
        ("has said", True),
        ("according to", True),
        ("told", True),
        ("tweeted", True),
        ("believes", False),
        ("shows", False),
        ("wants", False),
    ],
)
def test_speech_cues(cue: str, speech: bool) -> None:
    assert is_speech_cue(cue) is speech
