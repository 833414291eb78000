"""Addressee, channel, hedge, continuations and repeats of attributions, on hand-written
sentences, and the seeds' tricky constructions."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

import pytest

from storytrace.extract.entities import extract_entities
from storytrace.extract.quote_marks import find_quotes
from storytrace.extract.quotes import extract_attributions
from storytrace.records import Attribution

if TYPE_CHECKING:
    from spacy.language import Language

pytestmark = pytest.mark.model

SECOND_SEED = "001_d1e16943fa1a2c1a"


def attributions(nlp: Language, text: str) -> list[Attribution]:
    doc = nlp(text)
    return extract_attributions(doc, "t", extract_entities(doc, "t"))


class Context(NamedTuple):
    content: str
    speaker: str | None
    addressee: str | None = None
    channel: str | None = None
    hedge: str | None = None
    continues: str | None = None
    repeats: str | None = None


def context(found: Attribution) -> Context:
    return Context(
        found.content.text,
        found.speaker.name or found.speaker.description,
        found.addressee.text if found.addressee else None,
        found.channel.text if found.channel else None,
        found.hedge.text if found.hedge else None,
        found.continues,
        found.repeats,
    )


CASES = [
    pytest.param(
        "Leon Okafor told reporters on Tuesday that the talks had stalled.",
        [Context("that the talks had stalled", "Leon Okafor", addressee="reporters")],
        id="addressee-told-reporters",
    ),
    pytest.param(
        "In a video posted on his X account, Mara Voss said that the ceasefire would hold.",
        [
            Context(
                "that the ceasefire would hold",
                "Mara Voss",
                channel="In a video posted on his X account",
            )
        ],
        id="channel-video-on-x",
    ),
    pytest.param(
        "The minister has reportedly told aides that the plan is dead.",
        [Context("that the plan is dead", "The minister", addressee="aides", hedge="reportedly")],
        id="hedge-reportedly",
    ),
    pytest.param(
        "The deal was close, according to people familiar with the talks.",
        [
            Context(
                "The deal was close",
                "people familiar with the talks",
                hedge="according to people familiar with the talks",
            )
        ],
        id="hedge-according-to-people-familiar",
    ),
    pytest.param(
        "Mara Voss met the delegation.\n“We are not finished,” she said. “There is more to do.”\n"
        "“The talks will go on for weeks.”",
        [
            Context("“We are not finished,”", "Mara Voss"),
            Context("“There is more to do.”", "Mara Voss", continues="t:q1"),
            Context("“The talks will go on for weeks.”", "Mara Voss", continues="t:q2"),
        ],
        id="floating-quote-paragraph",
    ),
    pytest.param(
        '"It was a long night. We talked for hours.\n"We did not sleep.\n'
        '"In the end we agreed," said Leon Okafor.',
        [
            Context('"It was a long night. We talked for hours.', "Leon Okafor"),
            Context('"We did not sleep.', "Leon Okafor", continues="t:q1"),
            Context('"In the end we agreed,"', "Leon Okafor", continues="t:q2"),
        ],
        id="quotation-reopened-in-each-paragraph",
    ),
    pytest.param(
        '"We will rebuild the hall by spring," said Mayor Tom Reed.\n\n'
        "Jane Doe has lived on the street for 20 years. "
        '"Nobody has asked us what we want. The plan makes no sense for families like mine."',
        [
            Context('"We will rebuild the hall by spring,"', "Tom Reed"),
            Context(
                '"Nobody has asked us what we want. The plan makes no sense for families like'
                ' mine."',
                "Jane Doe",
            ),
        ],
        id="floating-quote-after-a-newcomer-is-theirs",
    ),
    pytest.param(
        '"We will rebuild the hall by spring," said Mayor Tom Reed.\n\n'
        "Reed has led the council for 20 years. "
        '"Nobody has asked us what we want. The plan makes no sense for families like mine."',
        [
            Context('"We will rebuild the hall by spring,"', "Tom Reed"),
            Context(
                '"Nobody has asked us what we want. The plan makes no sense for families like'
                ' mine."',
                "Tom Reed",
                continues="t:q1",
            ),
        ],
        id="floating-quote-after-the-same-speaker-goes-on",
    ),
    pytest.param(
        "“We will sign the treaty on Friday,” Leon Okafor said.\n"
        "Reporters pressed him again. “We will sign the treaty on Friday,” Okafor said.",
        [
            Context("“We will sign the treaty on Friday,”", "Leon Okafor"),
            Context("“We will sign the treaty on Friday,”", "Leon Okafor", repeats="t:q1"),
        ],
        id="repeated-quotation",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_context(nlp: Language, text: str, expected: list[Context]) -> None:
    assert [context(a) for a in attributions(nlp, text)] == expected


def test_reopened_paragraph_is_an_unclosed_quotation() -> None:
    text = "“First paragraph goes on\n“and ends here,” she said."
    first, second = find_quotes(text)
    assert (first.closed, text[first.open : first.close + 1]) == (
        False,
        "“First paragraph goes on",
    )
    assert (second.closed, text[second.open : second.close + 1]) == (True, "“and ends here,”")


def test_a_quotation_left_open_is_still_dropped() -> None:
    assert find_quotes("“Nothing closes this\nAnd this is narration.") == []


def test_second_seed_context(nlp: Language, seeds: dict[str, str]) -> None:
    found = attributions(nlp, seeds[SECOND_SEED])
    [visiting] = [a for a in found if a.content.text.startswith("“Zelensky is visiting")]
    assert context(visiting)[1:4] == ("Steve Witkoff", "Yuri Ushakov", "In the recorded call")
    [diplomat] = [a for a in found if "Putin has greater influence" in a.content.text]
    assert diplomat.addressee is not None and diplomat.addressee.text == "the Daily Mail"
    [standard] = [a for a in found if a.content.text.startswith("‘It’s a standard thing")]
    assert standard.channel is not None and standard.channel.text == "on Air Force One"
    [detailed] = [a for a in found if a.cue and a.cue.text == "as detailed by"]
    assert (detailed.kind, detailed.speaker.name, detailed.speaker.description) == (
        "according_to",
        "Yuri Ushakov",
        "the Kremlin leader’s chief foreign policy advisor",
    )
    assert detailed.channel is not None and detailed.channel.text == "to the Wall Street Journal"
    # the caption repeats the body's quotation: one statement, said twice
    no_look = [a for a in found if a.content.text.startswith("‘No. Look,")]
    assert [a.repeats for a in no_look] == [None, no_look[0].id]


SPEAKERS = [
    pytest.param(
        "Mara Voss said she was tired.\nLeon Okafor arrived later and he sat down.\n"
        "“We are close,” she said.",
        "Mara Voss",
        id="pronoun-skips-a-person-of-the-other-gender",
    ),
    pytest.param(
        "For Mara Voss, Friday is a big day.\n“I am ready,” she said.",
        "Mara Voss",
        id="pronoun-with-no-subject-takes-the-person-named",
    ),
    pytest.param(
        "Leon Okafor arrived early.\nHe spoke to the crowd.\nHe met the mayor.\n"
        "“We are close,” he said.",
        "Leon Okafor",
        id="pronoun-chain-carries-the-person-on",
    ),
]


@pytest.mark.parametrize(("text", "speaker"), SPEAKERS)
def test_pronoun_speakers(nlp: Language, text: str, speaker: str) -> None:
    [quote] = [a for a in attributions(nlp, text) if a.kind == "direct"]
    assert quote.speaker.name == speaker
