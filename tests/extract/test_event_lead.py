"""The main event read off an article's headline and lead (invented articles)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from storytrace.eval.events import main_answers
from storytrace.pipeline import Pipeline
from storytrace.records import Article

if TYPE_CHECKING:
    from spacy.language import Language

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def pipeline(nlp: Language) -> Pipeline:
    return Pipeline(nlp=nlp)


def who_what(pipeline: Pipeline, text: str) -> tuple[str | None, str | None]:
    article = Article(id="a", key="k", input="a.txt", text=text, published="2025-11-20")
    answers = main_answers(pipeline.analyse([article])[0])
    who, what = answers["who"], answers["what"]
    return (who.text if who else None, what.text if what else None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what precedes a headline's colon is a label, the clause follows it
        (
            "Harbour fire: Police close the docks at Port Halvard\n\n"
            "Police closed the docks at Port Halvard on Tuesday after a fire.",
            ("Police", "close the docks at Port Halvard"),
        ),
        (
            "Election 2030:\nVance wins the vote in Ostrava\n\n"
            "Ellen Vance won the vote in Ostrava on Sunday. Vance thanked her voters.",
            ("Vance", "wins the vote in Ostrava"),
        ),
        # actors joined by "and"
        (
            "Ann Lee and Bo Chen lead celebrations as Rovers win the cup\n\n"
            "Ann Lee and Bo Chen led the celebrations in Marlow on Sunday.",
            ("Ann Lee and Bo Chen", "lead celebrations"),
        ),
        # headline actors: joined by a comma, with a title or a role, possessed
        (
            "Obama, Trump meet at the White House\n\nBarack Obama met Donald Trump on Thursday.",
            ("Obama, Trump", "meet at the White House"),
        ),
        (
            "Senator Ellen Vance wins the vote in Ostrava\n\nEllen Vance won on Sunday.",
            ("Senator Ellen Vance", "wins the vote in Ostrava"),
        ),
        (
            "Red Bull boss Christian Horner defends Max Verstappen\n\n"
            "Christian Horner spoke on Sunday.",
            ("Red Bull boss Christian Horner", "defends Max Verstappen"),
        ),
        (
            "Trump's lawyers appeal the ruling\n\nDonald Trump's lawyers appealed on Monday.",
            ("Trump's lawyers", "appeal the ruling"),
        ),
        # a brand the model misses, repeated by the article
        (
            "Nordberg shrinks its chocolate bars\n\n"
            "The Swiss maker Nordberg has made its bars smaller, fans said on Monday. "
            "Nordberg blamed the cost of cocoa.",
            ("Nordberg", "shrinks its chocolate bars"),
        ),
        # nouns continuing the actor's phrase: the predicate starts at the verb
        (
            "Nordberg chocolate bar shape change sparks anger among fans\n\n"
            "Nordberg changed the shape of its bars. Nordberg said the change saved money.",
            ("Nordberg", "sparks anger among fans"),
        ),
        # a time or an occasion dates the headline's event, a relative clause is another
        (
            "Rovers win the cup for the first time in 50 years\n\n"
            "Rovers won the cup on Saturday. Rovers fans sang.",
            ("Rovers", "win the cup"),
        ),
        (
            "Ann Lee names the three judges who will hear the case\n\n"
            "Ann Lee named the judges on Monday.",
            ("Ann Lee", "names the three judges"),
        ),
        # a nationality is the actor with its noun
        (
            "Danish boy found safe after search\n\n"
            "A Danish boy was found safe on Sunday after a two-day search in Veyle.",
            ("Danish boy", "found safe"),
        ),
    ],
)
def test_the_headline_states_the_main_event(
    pipeline: Pipeline, text: str, expected: tuple[str, str]
) -> None:
    assert who_what(pipeline, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a pronoun names nobody: the next lead sentence
        (
            "A long night\n\nHe went to the north of the country. "
            "The mayor of Marlow opened a new bridge on Friday.",
            ("mayor of Marlow", "opened a new bridge"),
        ),
        # a clause joined by "but" when the first has a vague subject
        (
            "Rovers are champions\n\nYou knew it would be hard, but the Rovers are champions now.",
            ("Rovers", "are champions"),
        ),
        # a lead clause whose subject names someone before one whose subject does not
        (
            "Quiet night in the valley\n\nThe storm passed quickly. "
            "Mayor Ann Lee opened the shelter on Friday.",
            ("Mayor Ann Lee", "opened the shelter"),
        ),
        # the headline's own clause comes first, named or not; not when a thing is its subject
        (
            "Gunman kills two in Marlow\n\nA gunman killed two people in Marlow on Friday, "
            "Mayor Ann Lee said. Police arrested him.",
            ("Gunman", "kills two"),
        ),
        (
            "Plenty of heroes: An epic Game 7 finally delivers Rovers a title\n\n"
            "Rovers players soaked each other with champagne on Sunday.",
            ("Rovers players", "soaked each other with champagne"),
        ),
        # the parser ran the headline into the subject of the lead's first sentence
        (
            "Boy trapped in Veyle\n\nRescuers reached the boy on Sunday.",
            ("Rescuers", "reached the boy"),
        ),
        # the clause a reporting verb follows is the event, not the reporting
        (
            "Harbour shooting: Five people injured in downtown Veyle\n\n"
            "Five people were shot in downtown Veyle on Wednesday night, police said.",
            ("Five people", "were shot in downtown Veyle"),
        ),
        # a picture's caption is not the event
        (
            "Rescue at the well\n\nFootage shows rescuers digging near the well. "
            "A team of rescuers reached the boy on Sunday.",
            ("team of rescuers", "reached the boy"),
        ),
    ],
)
def test_the_lead_sentence_that_names_someone(
    pipeline: Pipeline, text: str, expected: tuple[str, str]
) -> None:
    assert who_what(pipeline, text) == expected


def when_where(pipeline: Pipeline, text: str) -> tuple[str | None, str | None]:
    article = Article(id="a", key="k", input="a.txt", text=text, published="2025-11-20")
    answers = main_answers(pipeline.analyse([article])[0])
    when, where = answers["when"], answers["where"]
    return (when.value if when else None, where.text if where else None)


def test_the_main_event_is_dated_by_the_opening_sentences(pipeline: Pipeline) -> None:
    # the fifth sentence (the headline counts) still dates it; the seventh does not
    opening = "Rovers win the cup\n\nRovers won the cup. The fans sang. The players danced."
    assert when_where(pipeline, f"{opening} The whistle blew on Sunday.")[0] == "2025-11-16"
    late = f"{opening} The coach cried. The mayor came. The bus left on Sunday."
    assert when_where(pipeline, late)[0] is None


def test_a_place_stops_at_the_line(pipeline: Pipeline) -> None:
    text = (
        "Harbour fire: Police close the docks at Port Halvard\n\n"
        "Police closed the docks at Port Halvard on Tuesday after a fire."
    )
    assert when_where(pipeline, text) == ("2025-11-18", "Port Halvard")


def test_a_headline_place_after_its_preposition(pipeline: Pipeline) -> None:
    # the parser reads "Hebei" as a modifier of the caption on the next line
    text = (
        "Boy trapped in Hebei\nImage copyright The Paper Image caption Rescuers have spent "
        "days trying to rescue the boy. A team of rescuers reached the boy on Sunday."
    )
    assert when_where(pipeline, text) == ("2025-11-16", "Hebei")


def test_a_time_of_day_takes_the_day_after_it(pipeline: Pipeline) -> None:
    text = "Dock fire\n\nFirefighters fought a fire at the docks from 6am local time on Sunday."
    article = Article(id="a", key="k", input="a.txt", text=text, published="2025-11-20")
    when = main_answers(pipeline.analyse([article])[0])["when"]
    assert when is not None
    assert (when.text, when.value) == ("6am local time on Sunday", "2025-11-16T06:00")


def test_a_dateline_after_a_byline_gives_the_place(pipeline: Pipeline) -> None:
    text = (
        "Harbour reopens\n\nBy Ann Lee PORT HALVARD, May 4 (Wire) - The harbour "
        "reopened on Monday after repairs."
    )
    assert when_where(pipeline, text)[1] == "PORT HALVARD"


def test_a_time_word_in_a_name_in_capitals_dates_nothing(pipeline: Pipeline) -> None:
    text = (
        "Rovers win the cup\n\nRovers won the cup. (Photo: Ann Lee-USA TODAY Sports) "
        "Fans celebrated on Sunday."
    )
    assert when_where(pipeline, text)[0] == "2025-11-16"


def test_with_no_day_in_the_opening_the_first_calendar_date_near_publication(
    pipeline: Pipeline,
) -> None:
    opening = (
        "Nordberg shrinks its chocolate bars\n\nNordberg has made its bars smaller. "
        "Fans are angry. The maker blamed costs. Shops sold out. Prices rose. "
    )
    # a post of the publication's day (2025-11-20) dates the news
    dated = f"{opening}One fan wrote: 'Ruined.' -- Ann Lee, November 19, 2025"
    assert when_where(pipeline, dated)[0] == "2025-11-19"
    # an older date dates background, and no date is better than it
    older = f"{opening}The plan was first announced on October 2, 2025."
    assert when_where(pipeline, older)[0] is None


def test_no_publication_date_no_calendar_date_fallback(pipeline: Pipeline) -> None:
    text = (
        "Nordberg shrinks its chocolate bars\n\nNordberg has made its bars smaller. "
        "Fans are angry. The maker blamed costs. Shops sold out. Prices rose. "
        "One fan wrote: 'Ruined.' -- Ann Lee, November 19, 2025"
    )
    article = Article(id="a", key="k", input="a.txt", text=text, published=None)
    assert main_answers(pipeline.analyse([article])[0])["when"] is None


def test_a_site_takes_the_town_the_lead_puts_it_in(pipeline: Pipeline) -> None:
    text = (
        "Ann Lee protests outside Trump Tower\n\n"
        "The singer Ann Lee protested outside Trump Tower in New York City on Wednesday."
    )
    assert when_where(pipeline, text) == ("2025-11-19", "Trump Tower in New York City")


@pytest.mark.parametrize(
    ("text", "who"),
    [
        # a person before the colon, nobody named after it: the person says it
        (
            "Ellen Vance to voters: The count will stand\n\n"
            "The count of the vote in Ostrava will stand, the election board said.",
            "Ellen Vance",
        ),
        # a named actor after the colon is the headline's clause
        (
            "President Ellen Vance: Ann Lee stages protest at the town hall\n\n"
            "Ann Lee staged a protest at the town hall in Ostrava on Sunday.",
            "Ann Lee",
        ),
        # a named actor after the colon, but speaking in the first person: a quote
        (
            "Ellen Vance: Bo Chen cost me the vote\n\n"
            "Ellen Vance said on Sunday that Bo Chen had cost her the vote in Ostrava.",
            "Ellen Vance",
        ),
        # a label that names no person is no speaker
        (
            "Harbour fire: The docks will close\n\n"
            "Police closed the docks at Port Halvard on Tuesday after a fire.",
            "docks",
        ),
    ],
)
def test_a_headline_label_naming_a_person_is_the_speaker(
    pipeline: Pipeline, text: str, who: str
) -> None:
    assert who_what(pipeline, text)[0] == who


def test_a_hyphenated_place_name_is_whole(pipeline: Pipeline) -> None:
    text = (
        "Blast at the consulate\n\n"
        "A bomb exploded at the consulate in Mazar-i-Sharif on Thursday night."
    )
    assert when_where(pipeline, text)[1] == "Mazar-i-Sharif"


def test_the_city_of_a_name_is_a_place(pipeline: Pipeline) -> None:
    text = (
        "Blast at the consulate\n\n"
        "A bomb exploded at the consulate in the northern city of Leeds on Thursday."
    )
    assert when_where(pipeline, text)[1] == "Leeds"


def test_a_number_opening_a_headline_is_no_actor(pipeline: Pipeline) -> None:
    text = (
        "Seven hurt as tram derails in Marlow\n\n"
        "Seven passengers were hurt when a tram derailed in Marlow on Wednesday. "
        "Seven ambulances came."
    )
    assert who_what(pipeline, text) == ("Seven passengers", "were hurt")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the headline's verb governs the lead's: its clause before "..., police said"
        (
            "Man held after woman stabbed in park\n\nA 34-year-old man has been arrested "
            "after a woman was stabbed in Hyde Park on Friday evening, police said.",
            ("34-year-old man", "has been arrested"),
        ),
        # the lead's subject hung on the headline: still the reported clause's subject
        (
            "Trump to meet Obama at White House on Thursday\n\nDonald Trump will meet "
            "President Barack Obama at the White House on Thursday, the White House said.",
            ("Donald Trump", "will meet President Barack Obama"),
        ),
    ],
)
def test_a_statement_is_the_main_event_only_when_it_reports_nothing_else(
    pipeline: Pipeline, text: str, expected: tuple[str, str]
) -> None:
    assert who_what(pipeline, text) == expected


def test_a_headline_verb_tagged_a_noun_ends_the_actor(pipeline: Pipeline) -> None:
    # "rams" agrees with "bomber" and takes an object: the verb, not the actor's name
    text = (
        "Taliban bomber rams truck into German consulate\n\n"
        "A Taliban suicide bomber rammed a truck into the German consulate on Thursday."
    )
    assert who_what(pipeline, text) == ("Taliban", "rams truck into German consulate")


def test_a_statement_as_main_event_keeps_what_it_states(pipeline: Pipeline) -> None:
    text = (
        "Bridge to stay shut\n\n"
        "A spokesman for the council said the old bridge would stay closed until March."
    )
    assert who_what(pipeline, text) == ("spokesman", "said the old bridge would stay closed")


def test_a_verb_hung_on_the_headline_heads_the_lead_clause(pipeline: Pipeline) -> None:
    # the parser hangs "insisted" on the headline and roots the sentence at "keep"
    text = (
        "Hamilton: 'I'm not giving up on the title'\n\nLewis Hamilton insisted on Sunday "
        "he would keep fighting for the world championship after winning in Brazil."
    )
    assert who_what(pipeline, text) == ("Lewis Hamilton", "insisted")


def test_a_title_case_headline_name_is_cut_to_the_name_the_text_writes(
    pipeline: Pipeline,
) -> None:
    text = (
        "Lewis Hamilton Wins Brazilian Grand Prix In Torrential Rain\n\n"
        "Lewis Hamilton won a rain-soaked Brazilian Grand Prix on Sunday."
    )
    assert who_what(pipeline, text)[0] == "Lewis Hamilton"


@pytest.mark.parametrize(
    "text",
    [
        # a bare ordinal is an inning as often as a date
        "Rovers win the cup\n\nRovers scored in the 10th. Fans celebrated on Sunday.",
        # a word the time's value was guessed for names no day
        "Council backs plan\n\nIn a last-minute vote, the council backed the plan on Sunday.",
    ],
)
def test_a_time_whose_words_name_no_day_does_not_date_the_main_event(
    pipeline: Pipeline, text: str
) -> None:
    assert when_where(pipeline, text)[0] == "2025-11-16"


def test_the_lead_sentence_a_scraped_caption_ran_into(pipeline: Pipeline) -> None:
    # no stop between the caption and the lead: the lead starts at "Dozens"
    text = (
        "Well rescue: Race to reach boy\n"
        "Image copyright Wire Image caption Rescuers have dug for days near the old well "
        "Dozens of rescuers are trying to reach a boy who is trapped in the well. "
        "Some 60 excavators are being used in the search."
    )
    assert who_what(pipeline, text) == ("Dozens of rescuers", "are trying to reach a boy")


@pytest.mark.parametrize(
    ("text", "who"),
    [
        # the organisation's person, as the lead first names them with it
        (
            "NASA delays the launch\n\nNASA administrator Bill Nelson said on Monday "
            "that the launch would wait for better weather.",
            "NASA administrator Bill Nelson",
        ),
        # the lead names the organisation itself first: it is the actor
        (
            "NASA delays the launch\n\nNASA said on Monday that the launch would wait. "
            "NASA administrator Bill Nelson blamed the weather.",
            "NASA",
        ),
    ],
)
def test_a_headline_organisation_as_its_person(pipeline: Pipeline, text: str, who: str) -> None:
    assert who_what(pipeline, text)[0] == who


def test_a_place_in_a_relative_clause_describes_someone(pipeline: Pipeline) -> None:
    named = "Crash victims named\n\nThe victims of the crash have been named as three adults"
    assert when_where(pipeline, f"{named} who lived in Leeds.")[1] is None
    assert when_where(pipeline, f"{named}. They died in Leeds.")[1] == "Leeds"


def test_a_statement_keeps_its_date_before_what_it_states(pipeline: Pipeline) -> None:
    text = '"We will win," says Hamilton\n\nLewis Hamilton said on Sunday he would win the title.'
    assert who_what(pipeline, text) == ("Lewis Hamilton", "said on Sunday he would win the title")


def test_a_headline_scene_then_the_clause_that_states_it(pipeline: Pipeline) -> None:
    text = (
        "Cup final: Tears of joy as Ann Lee lifts the cup in Marlow\n\n"
        "Thousands of fans cheered in Marlow on Sunday."
    )
    assert who_what(pipeline, text) == ("Ann Lee", "lifts the cup in Marlow")


def test_an_organisation_named_as_a_site_is_a_place(pipeline: Pipeline) -> None:
    text = (
        "Obama and Trump talk\n\n"
        "Barack Obama and Donald Trump shook hands in the Oval Office on Thursday."
    )
    assert when_where(pipeline, text) == ("2025-11-20", "Oval Office")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Seattle police hunt gunman after five shot\n\n"
            "Police in Seattle were hunting a gunman on Thursday.",
            ("Seattle police", "hunt gunman"),
        ),
        (
            "London tram crash kills seven\n\nSeven people died when a tram derailed.",
            ("London tram crash", "kills seven"),
        ),
        # a country that acts: its verb is no noun it modifies
        (
            "Germany closes consulate after attack\n\n"
            "Germany has closed its consulate after the attack, officials said.",
            ("Germany", "closes consulate"),
        ),
    ],
)
def test_a_place_opening_a_headline_modifies_the_actor(
    pipeline: Pipeline, text: str, expected: tuple[str, str]
) -> None:
    assert who_what(pipeline, text) == expected
