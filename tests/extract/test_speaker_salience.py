"""Speakers named by pronoun, surname or description, on invented sentences."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from storytrace.extract.entities import extract_entities
from storytrace.extract.quotes import extract_attributions
from storytrace.extract.speaker_names import gender_of_first_name, gender_of_title
from storytrace.extract.speaker_referents import institution_names, looks_like_name
from storytrace.records import Entity, EntityType

if TYPE_CHECKING:
    from spacy.language import Language

pytestmark = pytest.mark.model


def speakers(nlp: Language, text: str) -> list[tuple[str, str | None]]:
    """(first words of the content, speaker name) of each statement."""
    doc = nlp(text)
    found = extract_attributions(doc, "t", extract_entities(doc, "t"))
    return [(" ".join(a.content.text.split()[:3]), a.speaker.name) for a in found]


CASES = [
    pytest.param(
        "Omar Haddad said the mill that Pierre Dufort built saved the town.\n"
        '"It gave us everything," he said.',
        ('"It gave us', "Omar Haddad"),
        id="pronoun-is-the-speaker-not-a-subject-in-passing",
    ),
    pytest.param(
        "Brian Tessler toured the plant with Linda Okafor on Monday.\n"
        '"We were surprised by the damage," she said.',
        ('"We were surprised', "Linda Okafor"),
        id="pronoun-agrees-with-first-name",
    ),
    pytest.param(
        "Mr. Okonjo praised the plan put forward by Dana Whitfield.\n"
        '"It is a plan that works," she said.',
        ('"It is a', "Dana Whitfield"),
        id="honorific-rules-out-a-person",
    ),
    pytest.param(
        "Tanvir Qadri said she would run again next year.\n"
        "Paul Gerrity, a rival, announced his own campaign on Monday.\n"
        '"People know what I stand for," she said.',
        ('"People know what', "Tanvir Qadri"),
        id="said-she-gives-a-gender",
    ),
    pytest.param(
        "Kevin Marlow, the mayor, spoke first at the meeting.\n"
        "Later, Marlow said the budget was balanced.",
        ("the budget was", "Kevin Marlow"),
        id="surname-is-the-full-name",
    ),
    pytest.param(
        "The court heard that Kaur had helped Ian Poulter for years, long after Poulter "
        'left.\nHe framed the letter. "They get to see that," he said.',
        ('"They get to', "Ian Poulter"),
        id="surname-the-tagger-missed-still-counts",
    ),
    pytest.param(
        "Omar Haddad said the mill saved the town.\n"
        "Ben Brown said he looked for the man who sold the pills. (Jane Roe/CBC)\n"
        '"It gave us everything," he said.',
        ('"It gave us', "Omar Haddad"),
        id="photo-caption-is-not-the-context",
    ),
    pytest.param(
        "Jane Porter has written a history of the railway workers.\n"
        "Porters were paid less than other workers, according to Porter's book.",
        ("Porters were paid", "Jane Porter"),
        id="a-document-speaks-for-its-author",
    ),
    pytest.param(
        "A Vancouver hockey coach says he is amazed by the video his team made.\n"
        "Stephen Gillis, 34, needs a new kidney.",
        ("he is amazed", "Stephen Gillis"),
        id="a-lede-description-is-named-next",
    ),
    pytest.param(
        "Maria Lopez scored twice on Monday night.\n"
        "The 26-year-old forward said the team played well.",
        ("the team played", "Maria Lopez"),
        id="a-definite-description-is-the-person-before",
    ),
    pytest.param(
        "The Fraser Institute released a study of rental costs on Monday.\n"
        "The study said rents rose faster than wages in every province.",
        ("rents rose faster", "Fraser Institute"),
        id="the-document-of-the-organisation-before",
    ),
    pytest.param(
        "Sara Lind said the plan would cost more than promised, adding that the province "
        "has not released its figures.",
        ("that the province", "Sara Lind"),
        id="a-participle-shares-the-main-clause-subject",
    ),
    pytest.param(
        "The Bank of Canada held its key interest rate on Wednesday. The Canadian Federation "
        "of Independent Business said small firms welcomed the pause.\n"
        "The bank said inflation was easing.",
        ("inflation was easing", "Bank of Canada"),
        id="the-bank-is-the-organisation-so-called",
    ),
    pytest.param(
        "Tom Vance opened the new arena on Monday. Vance said the arena would cost less. "
        "Vance added that the rinks would open in May. Critics disagree. The budget shows a "
        "gap. Residents are worried. Fees rose last year. Two rinks closed in June. A third "
        "closed in July. Costs keep rising.\nThe mayor said the city would find the money.",
        ("the city would", "Tom Vance"),
        id="a-description-out-of-reach-is-the-article-s-protagonist",
    ),
    pytest.param(
        "Retired nurse Maria Lopez, 61, says the classes changed her routine completely. "
        "( J.P. MOCZULSKI )\n\nElementary school teacher Teresa Galati, 56, says the program "
        "has helped her manage stress.",
        ("the program has", "Teresa Galati"),
        id="a-photo-credit-above-is-no-subject",
    ),
    pytest.param(
        "President Joko Widodo visited the coast on Sunday.\nYuni, a resident of Lampung, was "
        "watching television at home when she heard the water coming.\n"
        '"I heard a rumbling sound and I thought it was the wind," she said.',
        ('"I heard a', "Yuni"),
        id="an-untagged-name-is-a-person-by-her-clause",
    ),
    pytest.param(
        "Economist Ann Ruiz wrote in a recent report for the Fraser Institute that rents are "
        "rising.\nThe report said vacancy rates fell in every city last year.",
        ("vacancy rates fell", "Ann Ruiz"),
        id="the-report-is-its-writer-s",
    ),
    pytest.param(
        'Audrey Parker said she wanted the law changed. "I have weeks left," Parker said. '
        "She said she had asked the minister for help.\nMaria Gomez, president of a patients' "
        "group, is hopeful the minister will listen to Parker.\n"
        '"Our hope is that the new minister will follow through," she said.',
        ('"Our hope is', "Maria Gomez"),
        id="a-person-named-as-subject-shifts-the-topic",
    ),
    pytest.param(
        "Winnipeg school trustee and parents advocate Omar Haddad told Global News the rules "
        "around busing favour the suburbs.",
        ("the rules around", "Omar Haddad"),
        id="a-name-right-before-a-subjectless-verb-is-its-subject",
    ),
    pytest.param(
        "Tom Reyes, who stopped the attack, is weighing a run for office.\nThe former "
        "sergeant-at-arms of the legislature said he is considering a run for the leadership.",
        ("he is considering", "Tom Reyes"),
        id="a-hyphenated-role-noun-describes-the-person-before",
    ),
    pytest.param(
        "The City of Brampton opened two arenas last year. Hockey parents were pleased.\n"
        "The new rink will replace an old one, according to the city.",
        ("The new rink", "City of Brampton"),
        id="according-to-the-city-is-the-city-named-before",
    ),
    pytest.param(
        "The City of Brampton opened two arenas last year. Hockey parents were pleased.\n"
        "The city said the new rink will replace an old one.",
        ("the new rink", "City of Brampton"),
        id="the-city-is-the-city-named-before",
    ),
    pytest.param(
        "Maple Leaf Foods raised its prices on Monday.\n"
        "It said the increase was needed to cover costs.",
        ("the increase was", "Maple Leaf Foods"),
        id="it-is-the-organisation",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_speaker(nlp: Language, text: str, expected: tuple[str, str | None]) -> None:
    assert expected in speakers(nlp, text)


@pytest.mark.parametrize(
    ("name", "gender"),
    [
        ("Linda Okafor", -1),
        ("Brian Tessler", 1),
        ("Jordan Lee", 0),
        ("Grant", 0),
        ("Hillary Clinton", -1),
        ("Bernie Sanders", 1),
        ("Hunter Biden", 0),  # a first name that is also a surname ("Hunter College")
    ],
)
def test_first_name_gender(name: str, gender: int) -> None:
    assert gender_of_first_name(name) == gender


def test_title_gender() -> None:
    assert (gender_of_title("Mr."), gender_of_title("Ms"), gender_of_title("Dr.")) == (1, -1, 0)


def test_a_photo_caption_is_no_statement(nlp: Language) -> None:
    text = "Ben Brown said he looked for the man who sold the pills. (Jane Roe/CBC)"
    assert speakers(nlp, text) == []


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Ludwig van Beethoven", True),
        ("Na'moks", True),
        ("Birth of Modern Canada", False),
        ("J.P. MOCZULSKI", False),
        ("Lauren Pelley / CBC News", False),
    ],
)
def test_name_shape(name: str, expected: bool) -> None:
    assert looks_like_name(name) is expected


def test_an_unnamed_speaker_is_described_without_a_relative_clause(nlp: Language) -> None:
    doc = nlp("An official with the agency who was present in court said the fines rarely work.")
    [found] = extract_attributions(doc, "t", extract_entities(doc, "t"))
    assert (found.speaker.description, found.speaker.anonymous) == (
        "An official with the agency",
        True,
    )


def test_they_is_the_group_before(nlp: Language) -> None:
    doc = nlp("Republican senators met the president on Friday.\nThey say the wall is not needed.")
    [found] = extract_attributions(doc, "t", extract_entities(doc, "t"))
    assert found.speaker.description == "Republican senators"


def test_institution_names_are_no_people() -> None:
    def entity(name: str, kind: EntityType) -> Entity:
        return Entity(id=name, article="t", name=name, type=kind)

    entities = [
        entity("Lakeview Catholic High School", "PERSON"),
        entity("Lakeview Catholic", "PERSON"),
        entity("Elm Sport", "PERSON"),
        entity("Elm Sport and Ice Complex", "ORG"),
        entity("Dana Elm", "PERSON"),
        entity("Elm", "PERSON"),
    ]
    assert institution_names(entities) == {
        "Lakeview Catholic High School",
        "Lakeview Catholic",
        "Elm Sport",
    }


def test_the_officials_are_those_introduced_before(nlp: Language) -> None:
    doc = nlp(
        "The talks stalled on Friday, according to two trade officials who were not "
        "authorized to speak publicly.\nThe officials said a deal was unlikely before spring."
    )
    found = extract_attributions(doc, "t", extract_entities(doc, "t"))
    later = [a for a in found if a.content.text.startswith("a deal")]
    assert [(a.speaker.description, a.speaker.anonymous) for a in later] == [
        ("two trade officials", True)
    ]


def test_conjoined_speakers_are_named_in_full(nlp: Language) -> None:
    doc = nlp("Ann Voss met Ben Okafor on Monday.\nBoth Voss and Okafor said the deal was fair.")
    [found] = extract_attributions(doc, "t", extract_entities(doc, "t"))
    assert (found.speaker.name, found.speaker.description) == (None, "Ann Voss and Ben Okafor")


def test_a_perfect_participle_has_its_subject(nlp: Language) -> None:
    from storytrace.extract.quotes import _perfect

    said = next(t for t in nlp("Their allies have said they will back it.") if t.text == "said")
    asked = next(t for t in nlp("Asked about the plan, Voss said no.") if t.text == "Asked")
    assert (_perfect(said), _perfect(asked)) == (True, False)


def test_a_description_drops_a_relative_clause_inside_it(nlp: Language) -> None:
    doc = nlp(
        "An analyst quoted in the survey, which covered rents in forty cities across the "
        "country, said landlords will keep raising prices."
    )
    found = extract_attributions(doc, "t", extract_entities(doc, "t"))
    [said] = [a for a in found if a.content.text.startswith("landlords")]
    assert said.speaker.description == "An analyst quoted in the survey"
