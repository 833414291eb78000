"""GGT scoring in GGT's scope: statements only, and speakers left unnamed matched by
their description."""

from __future__ import annotations

from storytrace.eval.datasets import GgtArticle, GgtQuote
from storytrace.eval.quotes import score_ggt
from storytrace.eval.scoring import PRF
from storytrace.records import Attribution, AttributionScope, Span, Speaker

TEXT = "Officials said the bridge is safe. Engineers believe it will hold."


def _attribution(words: str, scope: AttributionScope, speaker: Speaker) -> Attribution:
    start = TEXT.index(words)
    return Attribution(
        id=f"q{start}",
        article="a",
        kind="indirect",
        content=Span(start, start + len(words), words),
        cue=None,
        source=None,
        speaker=speaker,
        scope=scope,
    )


def test_beliefs_and_topics_are_outside_ggt_scope_and_descriptions_count() -> None:
    said = "the bridge is safe"
    gold = GgtArticle(
        id="a",
        outlet="o",
        text=TEXT,
        quotes=(
            GgtQuote(
                quote=(TEXT.index(said), TEXT.index(said) + len(said)),
                speaker=(0, 9),
                verb=None,
                reference="officials",
                quote_text=said,
            ),
        ),
    )
    predicted = [
        _attribution(said, "statement", Speaker(description="Officials", anonymous=True)),
        _attribution("it will hold", "belief", Speaker(description="Engineers")),
        _attribution("bridge", "topic", Speaker(description="Officials")),
    ]
    scores = score_ggt([gold], lambda _a: predicted)
    assert scores.lenient == PRF(1, 1, 1)
    assert scores.speaker_accuracy("lenient") == 1.0
