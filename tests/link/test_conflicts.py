"""Conflicting facts, hand-built: units, counts, changes over time, and the
different facts that must not be taken for one."""

from __future__ import annotations

from storytrace.link.across import link_across
from storytrace.link.quantities import find_quantities, same_value
from storytrace.link.records import Conflict
from storytrace.records import Article, ArticleAnalysis

from .samples import analysis, entity, quote


def _articles(*texts: str) -> list[ArticleAnalysis]:
    return [
        analysis(
            Article(
                id=f"a{n}",
                key=f"a{n}",
                input=f"a{n}.txt",
                text=text,
                outlet=f"Outlet {n}",
                published=f"2026-03-0{n}",
            )
        )
        for n, text in enumerate(texts, start=1)
    ]


def _conflicts(*texts: str) -> list[Conflict]:
    return list(link_across(_articles(*texts), timeline=()).conflicts)


def _values(c: Conflict) -> list[tuple[str, list[str]]]:
    return [(v.normalised, [e.article for e in v.evidence]) for v in c.values]


def test_quantities_are_normalised_across_units() -> None:
    found = {
        q.span.text: (q.dimension, round(q.value, 1), q.bound)
        for q in find_quantities(
            _articles(
                "Drivers take the 80-kilometre road from the crossing.",
                "It runs about 50 miles. A convoy of 1,200 aid trucks waits.",
                "Its range is 995 miles (1,600 kilometres), more than 2,500 km.",
            )
        )
    }
    assert found == {
        "80-kilometre": ("length", 80.0, "exact"),
        "50 miles": ("length", 80.5, "about"),
        "1,200 aid trucks": ("count", 1200.0, "exact"),
        "995 miles": ("length", 1601.3, "exact"),  # the bracketed conversion is not repeated
        "2,500 km": ("length", 2500.0, "min"),
    }


def test_same_value_within_rounding_approximation_and_bounds() -> None:
    q = {
        x.span.text: x
        for x in find_quantities(
            _articles("the 80-kilometre road; about 50 miles; the 30-mile corridor; over 60 km")
        )
    }
    assert same_value(q["80-kilometre"], q["50 miles"])
    assert not same_value(q["80-kilometre"], q["30-mile"])
    assert same_value(q["60 km"], q["80-kilometre"])  # "over 60 km" holds for 80 km


def test_a_distance_in_other_units_conflicts_or_agrees() -> None:
    (conflict,) = _conflicts(
        "Trucks use the 80-kilometre road from the Veyle crossing to the town.",
        "The convoy waits to drive the 30-mile corridor from the Veyle crossing.",
        "The town sits at the end of a road that runs about 50 miles from the Veyle crossing.",
    )
    assert (conflict.kind, conflict.status, conflict.within_article) == (
        "quantity",
        "contradiction",
        False,
    )
    assert conflict.fact == "distance (road)"
    assert _values(conflict) == [("48.3 km", ["a2"]), ("80 km", ["a1", "a3"])]
    assert [e.span.text for e in conflict.values[1].evidence] == ["80-kilometre", "50 miles"]


def test_counts_conflict_within_one_article_too() -> None:
    (conflict,) = _conflicts(
        "A convoy of 1,200 trucks waits at Veyle. Officials later said a convoy of "
        "1,500 trucks would leave."
    )
    assert conflict.kind == "number" and conflict.within_article
    assert _values(conflict) == [("1,200 truck(s)", ["a1"]), ("1,500 truck(s)", ["a1"])]


def test_a_plan_cut_from_30_to_21_points_is_a_change() -> None:
    (change,) = _conflicts(
        "Danes's 30-point plan sets out a sequence.",
        "Lisrenia has cut its draft plan to 21 points from 30, dropping several.",
        "The revised 21-point plan leaves one question open.",
    )
    assert change.status == "change"
    assert [v.normalised for v in change.values] == ["21 point(s)", "30 point(s)"]
    assert "cut its draft plan to 21 points from 30" in change.note
    (within,) = _conflicts(
        "The talks shaped an initial 28-point proposal, later reduced to 19 points."
    )
    assert (within.status, within.within_article) == ("change", True)


def test_different_facts_are_not_conflicts() -> None:
    assert (
        _conflicts(
            # different spans of time seen from different days
            "The trucks were assembled over the past ten days and could reach the town.",
            "The first deliveries to reach the town in eleven days arrived.",
            # small counts of different groups
            "Two people familiar with the talks said so.",
            "Three people familiar with the talks said so.",
            # different things counted in one sentence
            "The town of 30,000 people got 200 truckloads.",
            # the same count in other words agrees
            "About 30,000 people live there; a convoy of 1,200 trucks waits.",
            "The convoy of 1,200 trucks stayed.",
        )
        == []
    )


def test_an_explicitly_different_speaker_is_a_speaker_conflict() -> None:
    words = "The convoy will move at dawn whatever the ministers decide"
    analyses = _articles(f'"{words}," Mara Voss said.', f'"{words}," Ilse Dorn said.')
    named = []
    for a, name in zip(analyses, ("Mara Voss", "Ilse Dorn"), strict=True):
        who = entity(a.article, 1, name, "PERSON")
        named.append(
            analysis(a.article, [who], [quote(a.article, 1, words, source=name, speaker=who)])
        )
    (conflict,) = link_across(named, timeline=()).conflicts
    assert (conflict.kind, conflict.status) == ("speaker", "contradiction")
    assert [(v.value, [e.article for e in v.evidence]) for v in conflict.values] == [
        ("Ilse Dorn", ["a2"]),
        ("Mara Voss", ["a1"]),
    ]


def test_conflict_ids_hold_when_an_earlier_conflict_arrives() -> None:
    def dated(id_: str, published: str, text: str) -> ArticleAnalysis:
        return analysis(
            Article(id=id_, key=id_, input=f"{id_}.txt", text=text, published=published)
        )

    trucks = [
        dated("t1", "2026-03-05", "A convoy of 1,200 trucks waits at Veyle."),
        dated("t2", "2026-03-06", "A convoy of 1,500 trucks waits at Veyle."),
    ]
    roads = [
        dated("r1", "2026-03-01", "Trucks use the 80-kilometre road from the Veyle crossing."),
        dated("r2", "2026-03-02", "Trucks use the 30-mile road from the Veyle crossing."),
    ]
    (alone,) = link_across(trucks, timeline=()).conflicts
    both = link_across([*roads, *trucks], timeline=()).conflicts
    # the road conflict is printed first, so it's listed first; the truck
    # conflict keeps the id it had before
    assert [c.fact for c in both] == ["distance (road)", alone.fact]
    assert alone.id.startswith("cf-") and both[1].id == alone.id != both[0].id
