"""Speaker resolution on invented sentences: pronouns, descriptions, groups."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from storytrace.extract.entities import extract_entities
from storytrace.extract.quotes import extract_attributions

if TYPE_CHECKING:
    from spacy.language import Language

pytestmark = pytest.mark.model


def speakers(nlp: Language, text: str) -> list[tuple[str, str | None]]:
    """(first words of the content, speaker name or description) of each statement."""
    doc = nlp(text)
    found = extract_attributions(doc, "t", extract_entities(doc, "t"))
    return [
        (" ".join(a.content.text.split()[:3]), a.speaker.name or a.speaker.description)
        for a in found
    ]


CASES = [
    pytest.param(
        "Aurelio Danes, the Lisrenian envoy, arrived in Port Halvard on Monday.\n"
        "The envoy said the convoy would move before the thaw.",
        ("the convoy would", "Aurelio Danes"),
        id="the-envoy-is-the-person-named-with-that-role",
    ),
    pytest.param(
        "Tom Vance said the new arena would cost less than the old one.\n"
        "Regular exercise also produced good results for accountant Ben Obi, 50. "
        "“I had a gym membership, but this program helped me,” he says.",
        ("“I had a", "Ben Obi"),
        id="he-is-the-person-the-sentence-before-brings-in",
    ),
    pytest.param(
        "Tom Vance said he wants to carry on the work of his father.\n"
        "He said the dairy, along with a credit union run by his friend Martin Legere, "
        "gave the town a boost.\n"
        "“They brought a lot of jobs,” he said.",
        ("“They brought a", "Tom Vance"),
        id="a-person-named-in-passing-while-another-speaks-is-not-he",
    ),
    pytest.param(
        "The board met on Friday.\nOne former director indicated that he would be pleased to "
        "return. Joseph Marano told the paper he left the board last winter.",
        ("that he would", "Joseph Marano"),
        id="one-former-director-is-named-next",
    ),
    pytest.param(
        "A former director said the board never listened.\n"
        "The deal was struck with Helen Marsh in May.",
        ("the board never", "A former director"),
        id="a-person-named-next-in-passing-is-not-the-description",
    ),
    pytest.param(
        "After the vote, parents, alumni and others have rallied to the team’s defence, "
        "with many changing their profiles to say things like “I stand with the team.”",
        ("things like “I", "parents, alumni and others"),
        id="a-listed-subject-is-described-whole",
    ),
    pytest.param(
        "Matt Danison said owners need help. “Governments could help the owners,” he said. "
        "Danison added that rents keep rising.\n"
        "Ben Myers also liked an idea from a fellow at a research centre. "
        "This would add supply to the market.\n"
        "“Whenever you don’t add supply, everyone moves down the ladder,” he said.",
        ("“Whenever you don’t", "Ben Myers"),
        id="a-subject-named-before-a-paraphrase-is-he",
    ),
    pytest.param(
        "Tom Brown said the plan was sound.\n\n"
        "That's not how Dmytro Koval sees it. “It's a mess,” he said.",
        ("“It's a mess,”", "Dmytro Koval"),
        id="he-is-the-person-brought-in-as-subject-of-a-clause-within",
    ),
    pytest.param(
        "Tom Brown said the plan was sound. The bill was introduced by Nkechi Obi, who "
        "chairs the committee. She said it would pass.",
        ("it would pass", "Nkechi Obi"),
        id="a-name-with-a-who-clause-is-a-person-whatever-its-tag",
    ),
    pytest.param(
        "Air Canada announced new routes on Monday. Air Canada said the routes would open in "
        "May, and Air Canada added that fares would not rise. But the mayor claimed a study "
        "had been done by TransLink. The agency told CTV News it had not done any such study.",
        ("it had not", "TransLink"),
        id="the-agency-is-the-organisation-named-last",
    ),
    pytest.param(
        "The mayor announced a new bus line on Monday. The Toronto Transit Commission said a "
        "study had been done by TransLink. The agency told CTV News the line would open in May.",
        ("the line would", "Toronto Transit Commission"),
        id="the-agency-is-the-organisation-named-as-subject-before-one-in-passing",
    ),
    pytest.param(
        "The nurses' union launched a campaign last year. They say the wards are understaffed.",
        ("the wards are", "The nurses' union"),
        id="they-is-the-collective-noun-before",
    ),
    pytest.param(
        "Tom Brown and Jane Smith founded the group in 2010. They say membership has doubled.",
        ("membership has doubled", "Tom Brown and Jane Smith"),
        id="they-is-the-people-joined-before",
    ),
    pytest.param(
        "Critics of the plan gathered outside city hall on Monday. The protest drew 200 "
        "people. They said the plan would cost too much.",
        ("the plan would", "Critics of the plan"),
        id="they-is-the-group-two-sentences-back",
    ),
    pytest.param(
        "Hillary Clinton and Bill Clinton arrived on Monday. Mr. Clinton spoke first about "
        "the economy and the deficit.",
        ("the economy and", "Bill Clinton"),
        id="mr-and-a-surname-is-the-man-of-that-name",
    ),
    pytest.param(
        "Hillary Clinton and Bill Clinton arrived on Monday. Mr. Clinton spoke first about "
        "the economy and the deficit. Mrs. Clinton did not hesitate. "
        "“Everybody should be believed,” she said.",
        ("“Everybody should be", "Hillary Clinton"),
        id="mrs-and-a-surname-is-the-woman-of-that-name",
    ),
    pytest.param(
        "The State Department released the emails on Friday. The Clinton campaign said the "
        "release was routine.",
        ("the release was", "The Clinton campaign"),
        id="an-organisation-noun-with-a-name-is-no-other-organisation",
    ),
    pytest.param(
        "The Republican National Committee met on Monday. Several advocacy groups wrote to "
        "the senator. The groups said the bill was unfair.",
        ("the bill was", "The groups"),
        id="plural-organisation-nouns-are-no-one-organisation",
    ),
    pytest.param(
        "Tom Vance toured the site on Monday.\nThe camp said the road would stay closed.",
        ("the road would", "The camp"),
        id="a-thing-is-no-person-described",
    ),
    pytest.param(
        "Ann Bell heard the case on Monday. The judge said the law was clear.",
        ("the law was", "Ann Bell"),
        id="a-common-person-noun-describes-the-person-before",
    ),
    pytest.param(
        "A Toronto woman says she was refused service at a downtown bar. Tom Brown, the "
        "owner, denies it.",
        ("she was refused", "A Toronto woman"),
        id="a-woman-is-no-man-named-next",
    ),
    pytest.param(
        "Donald Trump is on solid ground attacking Bill Clinton, Carly Fiorina said Monday. "
        "Fiorina told reporters that Hillary Clinton was weak. "
        "“You will not beat her that way,” she said.",
        ("“You will not", "Carly Fiorina"),
        id="a-name-used-by-its-surname-is-a-person-whatever-its-tag",
    ),
    pytest.param(
        "While civil rights groups praised the president and embraced his argument that "
        "federal courts are the best venue, they said he did not go far enough.",
        ("he did not", "civil rights groups"),
        id="they-is-no-subject-of-what-is-argued",
    ),
    pytest.param(
        "Carlos Ortega wrote the play with help from his brother, Freddy Ortega. "
        "The brothers said the play will tour Texas.",
        ("the play will", "The brothers"),
        id="a-plural-role-noun-is-not-the-one-person-with-that-role",
    ),
    pytest.param(
        "Bernie Sanders scheduled a rally for that night. ABC News offered to host a debate "
        "instead. His campaign said the permit had been hard to get.",
        ("the permit had", "His campaign"),
        id="his-campaign-is-not-the-organisation-named-last",
    ),
    pytest.param(
        "Bernie Sanders asked donors for money on Monday. A producer for Yahoo Studios told "
        "The New York Times that Donald Trump canceled an interview.",
        ("that Donald Trump", "A producer for Yahoo Studios"),
        id="a-description-is-no-one-named-in-its-own-statement",
    ),
    pytest.param(
        "Tom Brown, 45, was laid off in March. His wife, Jane, works part-time.\n\n"
        "“We're barely getting by,” he said.",
        ("“We're barely getting", "Tom Brown"),
        id="a-name-beside-a-gendered-noun-has-its-gender",
    ),
    pytest.param(
        "The Liberal MP for Surrey Centre, Randeep Sarai, said the funding was secured.",
        ("the funding was", "Randeep Sarai"),
        id="the-name-after-a-role-and-its-place-names-the-role-s-holder",
    ),
    pytest.param(
        "The Canadian Union of Public Employees represents the paramedics. The union started "
        "a campaign last year. They say the wards are understaffed.",
        ("the wards are", "The union"),
        id="they-is-the-collective-noun-as-worded",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_speaker(nlp: Language, text: str, expected: tuple[str, str | None]) -> None:
    assert expected in speakers(nlp, text)


def test_an_online_platform_is_no_person(nlp: Language) -> None:
    text = "Mr. Trump wrote on Twitter that the deal was bad. “It was a great deal,” she said."
    assert ("“It was a", "she") in speakers(nlp, text)
