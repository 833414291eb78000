"""Attributions on hand-written sentences, and on the seed articles.

Each sentence copies a construction the seeds use (cue before with a colon,
‘…’ quotations full of apostrophes, partial quotes inside reported speech,
"according to" phrases) in words of its own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

import pytest

from storytrace.extract.base import ArticleWork
from storytrace.extract.entities import EntityStage, extract_entities
from storytrace.extract.quotes import AttributionStage, extract_attributions
from storytrace.records import Article, Attribution

if TYPE_CHECKING:
    from spacy.language import Language

pytestmark = pytest.mark.model

FIRST_SEED = "000_d4fcc8d5883be686"
SECOND_SEED = "001_d1e16943fa1a2c1a"


def attributions(nlp: Language, text: str) -> list[Attribution]:
    doc = nlp(text)
    return extract_attributions(doc, "t", extract_entities(doc, "t"))


class Expected(NamedTuple):
    kind: str
    content: str
    cue: str | None
    source: str | None
    name: str | None = None
    anonymous: bool = False
    description: str | None = None
    scope: str = "statement"


def observed(found: Attribution) -> Expected:
    return Expected(
        kind=found.kind,
        content=found.content.text,
        cue=found.cue.text if found.cue else None,
        source=found.source.text if found.source else None,
        name=found.speaker.name,
        anonymous=found.speaker.anonymous,
        description=found.speaker.description,
        scope=found.scope,
    )


CASES = [
    pytest.param(
        "“We will not sign this deal,” Mara Voss said.",
        [Expected("direct", "“We will not sign this deal,”", "said", "Mara Voss", "Mara Voss")],
        id="direct-cue-after",
    ),
    pytest.param(
        "Asked about the talks, Mara Voss replied: ‘No. Look, it’s a hard process and "
        "Norway’s position hasn’t changed, but it’s a good start.’",
        [
            # "Asked about the talks": what was asked about, a topic with no source
            # the preposition belongs to the cue, as in PolNeAR ("referring to", "asked about")
            Expected("indirect", "the talks", "Asked about", None, scope="topic"),
            Expected(
                "direct",
                "‘No. Look, it’s a hard process and Norway’s position hasn’t "
                "changed, but it’s a good start.’",
                "replied:",
                "Mara Voss",
                "Mara Voss",
            ),
        ],
        id="direct-colon-single-marks-apostrophes",
    ),
    pytest.param(
        'Leon Okafor told Keller: "Let\'s get this done. We are close."',
        [
            Expected(
                "direct",
                '"Let\'s get this done. We are close."',
                "told",
                "Leon Okafor",
                "Leon Okafor",
            )
        ],
        id="direct-told-object-colon-multi-sentence",
    ),
    pytest.param(
        "Leon Okafor ended the call early, saying, “We will meet again on Friday. "
        "Nothing is settled yet.”",
        [
            Expected(
                "direct",
                "“We will meet again on Friday. Nothing is settled yet.”",
                "saying",
                "Leon Okafor",
                "Leon Okafor",
            )
        ],
        id="direct-saying-comma",
    ),
    pytest.param(
        "‘The envoy has been too close to Moscow for years,’ a former official familiar "
        "with the negotiations told the Herald.",
        [
            Expected(
                "direct",
                "‘The envoy has been too close to Moscow for years,’",
                "told",
                "a former official familiar with the negotiations",
                None,
                True,
                "a former official familiar with the negotiations",
            )
        ],
        id="direct-anonymous-description",
    ),
    pytest.param(
        "Mara Voss spoke to reporters on Tuesday.\n“We are ready to talk,” she said.",
        [Expected("direct", "“We are ready to talk,”", "said", "she", "Mara Voss", False, "she")],
        id="direct-pronoun",
    ),
    pytest.param(
        "Special envoy Daria Melnyk met the delegation in Geneva. “We are close,” the envoy said.",
        [
            Expected(
                "direct", "“We are close,”", "said", "the envoy", "Daria Melnyk", False, "the envoy"
            )
        ],
        id="direct-description-resolved-by-role",
    ),
    pytest.param(
        "“We are close,” Mara Voss said. “The rest is detail.”",
        [
            Expected("direct", "“We are close,”", "said", "Mara Voss", "Mara Voss"),
            Expected("direct", "“The rest is detail.”", None, None, "Mara Voss"),
        ],
        id="direct-continued",
    ),
    pytest.param(
        "Senator Ruth Adler said the envoy ‘acts like he’s on their payroll’.",
        [
            Expected(
                "partial",
                "the envoy ‘acts like he’s on their payroll’",
                "said",
                "Senator Ruth Adler",
                "Ruth Adler",
            )
        ],
        id="partial-apostrophe-inside",
    ),
    pytest.param(
        "Senator Ruth Adler demanded that the president let the secretary handle the talks "
        "‘in a fair and open manner.’",
        [
            Expected(
                "partial",
                "that the president let the secretary handle the talks "
                "‘in a fair and open manner.’",
                "demanded",
                "Senator Ruth Adler",
                "Ruth Adler",
            )
        ],
        id="partial-final-punctuation-kept",
    ),
    pytest.param(
        "A second official still at the ministry said it’s ‘obvious which side the government "
        "favours’, though it ‘seems to change every week.’",
        [
            Expected(
                "partial",
                "it’s ‘obvious which side the government favours’, though it ‘seems to change "
                "every week.’",
                "said",
                "A second official still at the ministry",
                None,
                True,
                "A second official still at the ministry",
            ),
        ],
        id="partial-anonymous-twice",
    ),
    pytest.param(
        "The ministry announced new 'patriot' fees for visitors.",
        [
            # what was announced, not words quoted: a topic, never a quotation
            Expected(
                "indirect",
                "new 'patriot' fees for visitors",
                "announced",
                "The ministry",
                None,
                False,
                "The ministry",
                "topic",
            )
        ],
        id="scare-quote-is-not-a-quotation",
    ),
    pytest.param(
        "Leon Okafor warned that sending more troops would damage relations.",
        [
            Expected(
                "indirect",
                "that sending more troops would damage relations",
                "warned",
                "Leon Okafor",
                "Leon Okafor",
            )
        ],
        id="indirect-that",
    ),
    pytest.param(
        "Leon Okafor also said that the talks were over.",
        [
            Expected(
                "indirect",
                "that the talks were over",
                "also said",
                "Leon Okafor",
                "Leon Okafor",
            )
        ],
        id="indirect-cue-with-its-adverb",
    ),
    pytest.param(
        "The White House insisted the envoy was holding similar talks with other officials.",
        [
            Expected(
                "indirect",
                "the envoy was holding similar talks with other officials",
                "insisted",
                "The White House",
                "White House",
            )
        ],
        id="indirect-organisation",
    ),
    pytest.param(
        "Bloomberg reported that the talks shaped an early draft of the plan.",
        [
            Expected(
                "indirect",
                "that the talks shaped an early draft of the plan",
                "reported",
                "Bloomberg",
                "Bloomberg",
            )
        ],
        id="indirect-news-organisation",
    ),
    pytest.param(
        "People familiar with the matter said the deal was close.",
        [
            Expected(
                "indirect",
                "the deal was close",
                "said",
                "People familiar with the matter",
                None,
                True,
                "People familiar with the matter",
            )
        ],
        id="indirect-anonymous-people",
    ),
    pytest.param(
        "Multiple sources describe feeling embarrassed by the government's approach.",
        [
            Expected(
                "indirect",
                "feeling embarrassed by the government's approach",
                "describe",
                "Multiple sources",
                None,
                True,
                "Multiple sources",
            )
        ],
        id="indirect-gerund-anonymous-sources",
    ),
    pytest.param(
        "The envoy gave direct advice to the other side, according to a recording obtained "
        "by Reuters.",
        [
            Expected(
                "according_to",
                "The envoy gave direct advice to the other side",
                "according to",
                "a recording obtained by Reuters",
                "Reuters",
                False,
                "a recording obtained by Reuters",
            )
        ],
        id="according-to-at-end",
    ),
    pytest.param(
        "According to internal documents, the agency treats the strikes as self-defence.",
        [
            Expected(
                "according_to",
                "the agency treats the strikes as self-defence",
                "According to",
                "internal documents",
                None,
                False,
                "internal documents",
            )
        ],
        id="according-to-at-start",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_sentence(nlp: Language, text: str, expected: list[Expected]) -> None:
    assert [observed(a) for a in attributions(nlp, text)] == expected


def test_records_are_consistent(nlp: Language) -> None:
    text = (
        'According to a transcript, Leon Okafor told Keller: "We are close." '
        "“It’s done,” Mara Voss said."
    )
    found = attributions(nlp, text)
    assert [a.id for a in found] == [f"t:q{n}" for n in range(1, len(found) + 1)]
    assert [a.content.start for a in found] == sorted(a.content.start for a in found)
    for item in found:
        for span in (item.content, item.cue, item.source):
            assert span is None or text[span.start : span.end] == span.text
    lemmas = {a.cue_lemma for a in found}
    assert lemmas == {"according to", "tell", "say"}


def test_speakers_point_at_entities(nlp: Language) -> None:
    doc = nlp("“We are close,” Mara Voss said.")
    entities = extract_entities(doc, "t")
    [found] = extract_attributions(doc, "t", entities)
    assert found.speaker.entity == entities[0].id == "t:e1"


def test_empty_article(nlp: Language) -> None:
    assert attributions(nlp, "") == []


def test_stages_run_in_order(nlp: Language) -> None:
    text = "“We are close,” Mara Voss said."
    work = ArticleWork(article=Article(id="a1", key="k", input="x", text=text), doc=nlp(text))
    EntityStage().run(work)
    AttributionStage().run(work)
    assert work.attributions is not None
    assert [a.id for a in work.attributions] == ["a1:q1"]
    assert AttributionStage.requires == {"doc", "entities"}
    assert AttributionStage.assigns == {"attributions"}


# the seeds ---------------------------------------------------------------------------


def starting(found: list[Attribution], words: str) -> list[Attribution]:
    """Attributions whose content (past an opening quotation mark) starts with ``words``."""
    return [a for a in found if a.content.text.lstrip("\"“‘'").startswith(words)]


def test_first_seed(nlp: Language, seeds: dict[str, str]) -> None:
    found = attributions(nlp, seeds[FIRST_SEED])
    [witkoff] = starting(found, "Now, me to you")
    assert (witkoff.kind, witkoff.speaker.name, witkoff.cue_lemma) == (
        "direct",
        "Steve Witkoff",
        "tell",
    )
    assert witkoff.content.text.endswith('a land swap somewhere."')
    [adding] = starting(found, "But I'm saying")
    assert (adding.speaker.name, adding.speaker.description) == (
        "Steve Witkoff",
        "The American envoy",
    )
    bloomberg = [a for a in found if a.speaker.name == "Bloomberg"]
    assert [(a.kind, a.source and a.source.text) for a in bloomberg] == [
        ("according_to", "a recorded phone conversation obtained by Bloomberg")
    ]
    [transcript] = [a for a in found if a.speaker.description == "a transcript of the recording"]
    assert transcript.kind == "according_to"
    assert transcript.content.text.startswith("Witkoff told Ushakov:")
    [sources] = [a for a in found if a.speaker.description == "Multiple sources"]
    assert sources.speaker.anonymous


def test_second_seed(nlp: Language, seeds: dict[str, str]) -> None:
    found = attributions(nlp, seeds[SECOND_SEED])
    [visiting] = starting(found, "Zelensky is visiting")
    assert (visiting.kind, visiting.speaker.name) == ("direct", "Steve Witkoff")
    [problem] = starting(found, "This is a major problem")
    assert (problem.kind, problem.cue_lemma, problem.speaker.name) == (
        "direct",
        "say",
        "Brian Fitzpatrick",
    )
    # quoted twice (caption and body); the ’ of "it’s" never ends the quotation
    no_look = starting(found, "No. Look,")
    assert [(a.speaker.name, a.cue and a.cue.text) for a in no_look] == [
        ("Donald Trump", "responded:")
    ] * 2
    assert all(a.content.text.rstrip(".’").endswith("it’s a good thing") for a in no_look)
    [dealmaker] = starting(found, "It’s a standard thing")
    assert dealmaker.speaker.name == "Donald Trump"
    [diplomat] = starting(found, "Putin has greater influence")
    assert diplomat.speaker.anonymous and diplomat.kind == "direct"
    assert diplomat.speaker.description == "a former diplomat deeply involved with European affairs"
    # both fragments quoted at "said" are one statement: the clause holding them
    second = [a for a in found if a.kind == "partial" and a.speaker.anonymous]
    assert [a.content.text for a in second] == [
        "it’s ‘obvious what side the administration is leaning towards at this point’, "
        "though it ‘seems to change every day.’"
    ]
    [payroll] = starting(found, "Witkoff ‘acts like he’s on Russia’s payroll’")
    assert (payroll.kind, payroll.speaker.name) == ("partial", "Don Bacon")
    [manner] = [a for a in found if "‘in a fair and objective manner.’" in a.content.text]
    assert (manner.kind, manner.speaker.name) == ("partial", "Brian Fitzpatrick")
    reported = [a for a in found if a.speaker.name == "Bloomberg"]
    assert {a.cue_lemma for a in reported} == {"report", "unveil"}
    assert {a.kind for a in reported} == {"indirect"}
    [warned] = [a for a in found if a.cue_lemma == "warn"]
    assert (warned.speaker.name, warned.content.text) == (
        "Vladimir Putin",
        "that sending Tomahawks would harm US-Russia relations",
    )
    [insisted] = [a for a in found if a.cue_lemma == "insist"]
    assert insisted.speaker.name == "White House"
