"""Entities: canonical names, merged mentions, repaired types, ids and lookups.

Most tests tag a blank-English tokenisation by hand (no model: the rules, not
the model's guesses, are under test); a few run the real model, and one reads
the seed articles.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

import pytest
import spacy

from storytrace.extract.base import ArticleWork
from storytrace.extract.entities import (
    EntityIndex,
    EntityStage,
    extract_entities,
    normalise_name,
)
from storytrace.records import Article, Entity, Span

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

BLANK = spacy.blank("en")


def tagged(text: str, tags: Sequence[tuple[str, str]]) -> Doc:
    """``text`` tokenised, with every occurrence of each ``(words, label)`` tagged.

    Longer words are tagged first; an occurrence overlapping one already
    tagged is skipped, as the model never overlaps entities either.
    """
    doc = BLANK.make_doc(text)
    spans = []
    taken: set[int] = set()
    for words, label in sorted(tags, key=lambda t: -len(t[0])):
        for match in re.finditer(rf"\b{re.escape(words)}\b", text):
            chars = set(range(match.start(), match.end()))
            if chars & taken:
                continue
            span = doc.char_span(match.start(), match.end(), label=label)
            assert span is not None, f"{words!r} is not on token boundaries"
            spans.append(span)
            taken |= chars
    doc.ents = sorted(spans, key=lambda s: s.start)
    return doc


def by_name(entities: Sequence[Entity], name: str) -> Entity:
    found = [e for e in entities if e.name == name]
    assert len(found) == 1, f"{name!r} in {[e.name for e in entities]}"
    return found[0]


# canonicalisation ----------------------------------------------------------------


def test_surname_and_possessive_join_the_full_name() -> None:
    doc = tagged(
        "Mara Voss met the board. Voss’s plan failed, and Voss left.",
        [("Mara Voss", "PERSON"), ("Voss", "PERSON")],
    )
    [voss] = extract_entities(doc, "a")
    assert voss.name == "Mara Voss"
    assert voss.aliases == ("Voss",)
    assert [m.text for m in voss.mentions] == ["Mara Voss", "Voss", "Voss"]
    assert all(doc.text[m.start : m.end] == m.text for m in voss.mentions)


def test_possessive_is_stripped_from_a_full_name() -> None:
    doc = tagged("Leon Okafor's envoy arrived.", [("Leon Okafor's", "PERSON")])
    [okafor] = extract_entities(doc, "a")
    assert okafor.name == "Leon Okafor"
    assert okafor.mentions == (Span(0, 11, "Leon Okafor"),)


def test_leading_the_is_dropped_from_names() -> None:
    doc = tagged(
        "The Harbour Board met the Harbour Board again.",
        [("The Harbour Board", "ORG"), ("the Harbour Board", "ORG")],
    )
    [board] = extract_entities(doc, "a")
    assert board.name == "Harbour Board"
    assert len(board.mentions) == 2


def test_titles_are_not_part_of_a_persons_name() -> None:
    doc = tagged("Senator Ruth Adler spoke.", [("Senator Ruth Adler", "PERSON")])
    [adler] = extract_entities(doc, "a")
    assert adler.name == "Ruth Adler"


def test_a_surname_shared_by_two_full_names_is_not_merged() -> None:
    doc = tagged(
        "Ana Reyes met Luis Reyes. Reyes said no.",
        [("Ana Reyes", "PERSON"), ("Luis Reyes", "PERSON"), ("Reyes", "PERSON")],
    )
    entities = extract_entities(doc, "a")
    assert [e.name for e in entities] == ["Ana Reyes", "Luis Reyes", "Reyes"]


def test_a_first_name_joins_its_full_name() -> None:
    doc = tagged(
        "Daria Melnyk arrived. Daria spoke first.",
        [("Daria Melnyk", "PERSON"), ("Daria", "PERSON")],
    )
    [melnyk] = extract_entities(doc, "a")
    assert melnyk.aliases == ("Daria",)


def test_a_surname_tagged_org_is_repaired_by_the_full_name() -> None:
    # the small model tags "Trump" ORG in "Trump’s unpredictable strategy"
    doc = tagged(
        "Ivo Brandt’s strategy shifted. Brandt’s allies and the Brandt team left.",
        [("Ivo Brandt", "PERSON"), ("Brandt", "ORG")],
    )
    [brandt] = extract_entities(doc, "a")
    assert (brandt.name, brandt.type, len(brandt.mentions)) == ("Ivo Brandt", "PERSON", 3)


def test_a_place_never_joins_a_person() -> None:
    doc = tagged("Tom Berlin flew to Berlin.", [("Tom Berlin", "PERSON"), ("Berlin", "GPE")])
    names = {(e.name, e.type) for e in extract_entities(doc, "a")}
    assert names == {("Tom Berlin", "PERSON"), ("Berlin", "GPE")}


def test_type_is_the_majority_of_mentions() -> None:
    doc = tagged("Kestrel rose. Kestrel fell. Kestrel held.", [("Kestrel", "ORG")])
    doc.ents = [doc.char_span(0, 7, "GPE"), *doc.ents[1:]]
    [kestrel] = extract_entities(doc, "a")
    assert kestrel.type == "ORG"


def test_news_organisations_are_organisations() -> None:
    doc = tagged("The call was obtained by Bloomberg.", [("Bloomberg", "GPE")])
    [bloomberg] = extract_entities(doc, "a")
    assert bloomberg.type == "ORG"


def test_ids_follow_first_mention() -> None:
    doc = tagged(
        "Oslo hosted Mara Voss and the Harbour Board.",
        [("Oslo", "GPE"), ("Mara Voss", "PERSON"), ("Harbour Board", "ORG")],
    )
    entities = extract_entities(doc, "art")
    assert [(e.id, e.name) for e in entities] == [
        ("art:e1", "Oslo"),
        ("art:e2", "Mara Voss"),
        ("art:e3", "Harbour Board"),
    ]
    assert all(e.article == "art" for e in entities)


def test_heading_tags_are_replaced_by_known_names() -> None:
    # headings are title case: the model's tags there are unreliable
    text = "Voss Envoy's Secret Plan Revealed\nMara Voss met the board on Monday."
    doc = tagged(text, [("Voss Envoy", "PERSON"), ("Secret Plan", "ORG"), ("Mara Voss", "PERSON")])
    [voss] = extract_entities(doc, "a")
    assert [m.text for m in voss.mentions] == ["Voss", "Mara Voss"]


def test_person_surnames_the_model_missed_are_found() -> None:
    doc = tagged("Mara Voss arrived. Later Voss left.", [("Mara Voss", "PERSON")])
    doc[5].pos_ = "PROPN"  # "Voss", as the parser would tag it
    [voss] = extract_entities(doc, "a")
    assert [m.text for m in voss.mentions] == ["Mara Voss", "Voss"]


def test_an_article_without_entities() -> None:
    assert extract_entities(BLANK.make_doc(""), "a") == []
    assert extract_entities(BLANK.make_doc("Nothing here."), "a") == []


def test_stage_fills_entities() -> None:
    doc = tagged("Mara Voss spoke.", [("Mara Voss", "PERSON")])
    work = ArticleWork(article=Article(id="a1", key="k", input="x", text=doc.text), doc=doc)
    EntityStage().run(work)
    assert work.entities is not None and work.entities[0].id == "a1:e1"
    assert (EntityStage.requires, EntityStage.assigns) == ({"doc"}, {"entities"})


# lookups -----------------------------------------------------------------------------


def test_index_finds_entities_by_position_and_name() -> None:
    voss = Entity(
        id="a:e1",
        article="a",
        name="Mara Voss",
        type="PERSON",
        aliases=("Voss",),
        mentions=(Span(0, 9, "Mara Voss"), Span(30, 34, "Voss")),
    )
    board = Entity(
        id="a:e2",
        article="a",
        name="Harbour Board",
        type="ORG",
        mentions=(Span(14, 27, "Harbour Board"),),
    )
    index = EntityIndex([voss, board])
    assert index.at(5, 9) is voss
    assert index.at(20, 21) is board
    assert index.at(31, 32) is voss
    assert index.at(9, 14) is None
    assert index.within(0, 28) == [voss, board]
    assert index.by_name("Voss’s") is voss
    assert index.by_name("the harbour board") is board
    assert index.by_name("Okafor") is None


def test_a_name_shared_by_two_entities_is_ambiguous() -> None:
    ana = Entity(id="a:e1", article="a", name="Ana Reyes", type="PERSON", aliases=("Reyes",))
    luis = Entity(id="a:e2", article="a", name="Luis Reyes", type="PERSON", aliases=("Reyes",))
    assert EntityIndex([ana, luis]).by_name("Reyes") is None


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Donald Trump’s", "donald trump"),
        ("the  White\nHouse", "white house"),
        ("Americans'", "americans"),
    ],
)
def test_normalise_name(text: str, key: str) -> None:
    assert normalise_name(text) == key


# the real model ------------------------------------------------------------------------


@pytest.mark.model
def test_model_sentence_merges_surname_and_possessive(nlp: Language) -> None:
    doc = nlp("Mara Voss arrived in Oslo on Monday. Voss’s aides said Voss would speak later.")
    voss = by_name(extract_entities(doc, "a"), "Mara Voss")
    assert voss.type == "PERSON"
    assert [m.text for m in voss.mentions] == ["Mara Voss", "Voss", "Voss"]


@pytest.mark.model
def test_seed_entities(nlp: Language, seeds: dict[str, str]) -> None:
    for stem, text in seeds.items():
        entities = extract_entities(nlp(text), stem)
        trump = by_name(entities, "Donald Trump")
        assert trump.type == "PERSON"
        # every "Trump" in the article is a mention of the one entity
        covered = {m.start for m in trump.mentions} | {
            m.start + len("Donald ") for m in trump.mentions if m.text == "Donald Trump"
        }
        assert {m.start() for m in re.finditer(r"\bTrump\b", text)} <= covered, stem
        for name in ("Steve Witkoff", "Yuri Ushakov", "Vladimir Putin"):
            assert by_name(entities, name).type == "PERSON", (stem, name)
        assert not any(e.name in ("Trump", "Witkoff", "Ushakov", "Putin") for e in entities)
    second = extract_entities(nlp(seeds["001_d1e16943fa1a2c1a"]), "s")
    assert by_name(second, "Zelensky").type == "PERSON"
    assert by_name(second, "White House").type == "ORG"
    assert by_name(second, "Brian Fitzpatrick").aliases == ("Fitzpatrick",)


def _parsed(words: list[str], heads: list[int], deps: list[str], pos: list[str]) -> Doc:
    from spacy.tokens import Doc as SpacyDoc

    lemmas = [w.lower() for w in words]
    return SpacyDoc(BLANK.vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)


def test_an_untagged_name_with_a_person_in_apposition_is_a_person() -> None:
    # "Aurelio Danes, the envoy, said…": the model tagged neither word
    words = ["Aurelio", "Danes", ",", "the", "envoy", ",", "said", "so", ".", "Danes", "left", "."]
    heads = [1, 6, 1, 4, 1, 1, 6, 6, 6, 10, 10, 10]
    deps = ["compound", "nsubj", "punct", "det", "appos", "punct", "ROOT", "advmod", "punct"]
    deps += ["nsubj", "ROOT", "punct"]
    pos = ["PROPN", "PROPN", "PUNCT", "DET", "NOUN", "PUNCT", "VERB", "ADV", "PUNCT"]
    pos += ["PROPN", "VERB", "PUNCT"]
    doc = _parsed(words, heads, deps, pos)
    doc.ents = [doc.char_span(doc[9].idx, doc[9].idx + 5, label="NORP")]  # "Danes" (the people)
    danes = by_name(extract_entities(doc, "a"), "Aurelio Danes")
    assert (danes.type, danes.aliases) == ("PERSON", ("Danes",))


def test_a_place_in_apposition_or_one_word_is_no_person() -> None:
    # "Oak Street, the road…" and "Danes, the envoy…" (one word: a surname or a people)
    words = ["Oak", "Street", ",", "the", "road", ",", "closed", ".", "Danes", ",", "the"]
    words += ["envoy", ",", "left", "."]
    heads = [1, 6, 1, 4, 1, 1, 6, 6, 13, 8, 11, 8, 8, 13, 13]
    deps = ["compound", "nsubj", "punct", "det", "appos", "punct", "ROOT", "punct", "nsubj"]
    deps += ["punct", "det", "appos", "punct", "ROOT", "punct"]
    pos = ["PROPN", "PROPN", "PUNCT", "DET", "NOUN", "PUNCT", "VERB", "PUNCT", "PROPN", "PUNCT"]
    pos += ["DET", "NOUN", "PUNCT", "VERB", "PUNCT"]
    assert extract_entities(_parsed(words, heads, deps, pos), "a") == []
