"""Entities across articles: one actor per person or organisation, hand-built cases."""

from __future__ import annotations

from storytrace.link.entities import link_entities, roster
from storytrace.link.names import name_key
from storytrace.link.roles import description_matches, roles_around
from storytrace.link.speakers import actor_for_description
from storytrace.records import Article

from .samples import analysis, entity


def _article(id_: str, text: str, outlet: str | None = None) -> Article:
    return Article(id=id_, key=id_, input=f"{id_}.txt", text=text, outlet=outlet)


def test_surname_and_ner_type_errors_join_the_full_name() -> None:
    a = _article("a", "Mara Voss met the mayor. Voss said little.", "Daily Ledger")
    b = _article("b", "Voss spoke on Monday. Voss left.", "Evening Post")
    c = _article("c", "Mara Voss returned.", "Evening Post")
    links = link_entities(
        [
            analysis(a, [entity(a, 1, "Mara Voss", "PERSON", "Voss")]),
            analysis(b, [entity(b, 1, "Voss", "ORG")]),  # NER tagged the surname ORG
            analysis(c, [entity(c, 1, "Mara Voss", "PERSON")]),
        ]
    )
    voss = [x for x in links.actors if x.name == "Mara Voss"]
    assert len(voss) == 1
    assert voss[0].type == "PERSON"
    assert voss[0].types_seen == ("PERSON", "ORG")
    assert set(voss[0].entities) == {"a:e1", "b:e1", "c:e1"}
    counts = {m.outlet: (m.articles, m.mentions) for m in voss[0].mentions}
    assert counts == {"Daily Ledger": (1, 2), "Evening Post": (2, 3)}


def test_two_people_sharing_a_surname_stay_apart() -> None:
    a = _article("a", "Anna Berg and Lars Berg disagreed.")
    b = _article("b", "Berg declined to comment.")  # which Berg? no evidence
    c = _article("c", "Lars Berg said no. Berg then left.")
    links = link_entities(
        [
            analysis(a, [entity(a, 1, "Anna Berg", "PERSON"), entity(a, 2, "Lars Berg", "PERSON")]),
            analysis(b, [entity(b, 1, "Berg", "PERSON")]),
            analysis(c, [entity(c, 1, "Lars Berg", "PERSON"), entity(c, 2, "Berg", "PERSON")]),
        ]
    )
    by_entity = links.by_entity
    assert by_entity["a:e1"] != by_entity["a:e2"]
    assert by_entity["b:e1"] not in (by_entity["a:e1"], by_entity["a:e2"])
    # in an article naming only Lars Berg, "Berg" is him
    assert by_entity["c:e2"] == by_entity["a:e2"] == by_entity["c:e1"]


def test_transliteration_variants_are_one_person() -> None:
    a = _article("a", "President Marko Kovalenskyy spoke.")
    b = _article("b", "Kovalensky answered.")
    c = _article("c", "Marko Kovalenskiy left.")
    links = link_entities(
        [
            analysis(a, [entity(a, 1, "Marko Kovalenskyy", "PERSON")]),
            analysis(b, [entity(b, 1, "Kovalensky", "PERSON")]),
            analysis(c, [entity(c, 1, "Marko Kovalenskiy", "PERSON")]),
        ]
    )
    assert len({links.by_entity[e] for e in ("a:e1", "b:e1", "c:e1")}) == 1
    assert name_key("Zelenskyy", person=True) == name_key("Zelensky") == name_key("Zelenskiy")


def test_compatible_first_names_merge_only_without_ambiguity() -> None:
    a = _article("a", "Steve Marlow and Al Kent met Alan Kent and Alfred Kent.")
    b = _article("b", "Steven Marlow spoke.")
    links = link_entities(
        [
            analysis(
                a,
                [
                    entity(a, 1, "Steve Marlow", "PERSON"),
                    entity(a, 2, "Al Kent", "PERSON"),
                    entity(a, 3, "Alan Kent", "PERSON"),
                    entity(a, 4, "Alfred Kent", "PERSON"),
                ],
            ),
            analysis(b, [entity(b, 1, "Steven Marlow", "PERSON")]),
        ]
    )
    assert links.by_entity["a:e1"] == links.by_entity["b:e1"]
    kents = {links.by_entity[f"a:e{n}"] for n in (2, 3, 4)}
    assert len(kents) == 3  # "Al" fits both Alan and Alfred: no merge


def test_outlet_short_forms_join_the_stored_outlet_as_an_organisation() -> None:
    a = _article("a", "The Harbour Ledger reported it first.", "The Harbour Ledger")
    b = _article("b", "He told the Ledger on Monday.", "Meridian Wire")
    links = link_entities(
        [
            analysis(a, [entity(a, 1, "Harbour Ledger", "ORG")]),
            analysis(b, [entity(b, 1, "Ledger", "PERSON")]),
        ]
    )
    assert links.by_entity["a:e1"] == links.by_entity["b:e1"]
    ledger = links.actor(links.by_entity["a:e1"])
    assert ledger is not None
    assert (ledger.name, ledger.type) == ("The Harbour Ledger", "ORG")


def test_roles_are_read_around_the_name() -> None:
    text = (
        "Kessarian Foreign Minister Tomas Reyner arrived. Mattias Greb, the top "
        "foreign-policy adviser to Drovnian President Lennart Sauk, stayed. The "
        "Lisrenian envoy, Aurelio Danes, left. Vell's special envoy Ana Ruiz waved."
    )
    named = [
        (text.index(w), text.index(w) + len(w))
        for w in ("Kessarian", "Drovnian", "Lisrenian", "Vell's")
    ]

    def roles(name: str) -> list[str]:
        start = text.index(name)
        return [r.text for r in roles_around(text, (start, start + len(name)), named)]

    assert roles("Tomas Reyner") == ["Kessarian Foreign Minister"]
    assert roles("Mattias Greb") == [
        "top foreign-policy adviser to Drovnian President Lennart Sauk"
    ]
    assert roles("Lennart Sauk") == ["Drovnian President"]
    assert roles("Aurelio Danes") == ["Lisrenian envoy"]
    assert roles("Ana Ruiz") == ["Vell's special envoy"]


def test_a_role_description_alone_finds_the_one_person_it_fits() -> None:
    assert description_matches(
        "the Kremlin leader's chief foreign policy advisor", "Putin's leading foreign policy aide"
    )
    assert not description_matches("the chief foreign policy advisor", "special envoy")
    assert not description_matches("the advisor", "foreign policy adviser")  # head alone
    a = _article(
        "a",
        "Yuri Osk, the top foreign policy aide to President Dan Vey, called. "
        "Ana Ruiz, the special envoy, answered.",
    )
    links = link_entities(
        [
            analysis(
                a,
                [
                    entity(a, 1, "Yuri Osk", "PERSON"),
                    entity(a, 2, "Dan Vey", "PERSON"),
                    entity(a, 3, "Ana Ruiz", "PERSON"),
                ],
            )
        ]
    )
    assert (
        actor_for_description("the leader's chief foreign policy advisor", links)
        == (links.by_entity["a:e1"])
    )
    assert actor_for_description("the president's spokesman", links) is None


def test_roster_counts_only_the_story_articles() -> None:
    a = _article("a", "Mara Voss spoke. Voss left.", "Daily Ledger")
    b = _article("b", "Mara Voss returned.", "Evening Post")
    analyses = [
        analysis(a, [entity(a, 1, "Mara Voss", "PERSON", "Voss")]),
        analysis(b, [entity(b, 1, "Mara Voss", "PERSON")]),
    ]
    links = link_entities(analyses)
    (only,) = roster(links, analyses[1:])
    assert only.name == "Mara Voss"
    assert only.entities == ("b:e1",)
    assert [(m.outlet, m.mentions) for m in only.mentions] == [("Evening Post", 1)]
