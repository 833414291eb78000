"""Conflicts: the same fact given different values, across articles or within one.

Three sources, each built for precision (a false conflict costs a fact-checker
more than a missed one):

- **quantities** (:mod:`storytrace.link.quantities`): two statements are about
  one fact when they measure the same dimension (or count the same noun) and
  share the words right around the number ("a convoy of 1,200 trucks" / "a
  convoy of 1,500 trucks"; "the 80-kilometre road" / "the 30-mile corridor",
  road = corridor). Values are compared in one unit, within rounding and
  approximation ("about 50 miles" = 80 km is agreement, not a conflict). When
  any statement of the fact presents it as changing ("cut to 21 points from
  30", "the revised 21-point plan", "later reduced to 19 points") the
  difference is reported as a ``change``, not a contradiction;
- **dates**: the conflicts the timeline finds (one event, two days; a weekday
  that contradicts its date), with the words of each article;
- **places** (:mod:`storytrace.link.place_conflicts`): one event stated to
  happen in two places that can't both be right;
- **speakers**: a quote group whose articles name two different speakers
  explicitly (not through a pronoun the extractor resolved).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import replace

from storytrace.link.place_conflicts import place_disagreements
from storytrace.link.provenance import Carrier, ProvenanceIndex
from storytrace.link.quantities import STOP_WORDS, Quantity, find_quantities, same_value
from storytrace.link.records import (
    Conflict,
    ConflictKind,
    ConflictStatus,
    ConflictValue,
    Evidence,
    QuoteGroup,
)
from storytrace.link.stable_ids import stable_ids
from storytrace.link.words import lexicon, sentence_at, words
from storytrace.records import ArticleAnalysis, Span, TimelineEvent

__all__ = ["MIN_SHARED_CONTEXT", "NEAR_WORDS", "find_conflicts", "same_fact"]

#: content words either side of a number, one of which two statements must share
#: to be about one fact: 3 reaches "a road that runs about 50 miles" and "a
#: convoy of 1,200 trucks" while keeping far-off words of long sentences out
NEAR_WORDS = 3
#: shared words around the two numbers (±6), plus one for counting the same noun,
#: needed in all; 2 rejects a single shared word that is only a coincidence
MIN_SHARED_CONTEXT = 2

# nouns that name the same thing in different articles
_SYNONYMS = {
    "corridor": "road",
    "route": "road",
    "highway": "road",
    "framework": "plan",
    "proposal": "plan",
    "blueprint": "plan",
    "conversation": "call",
}
_NOT_SUBJECT = lexicon(
    """before after since during over past within into about through across along near
    until ago last next said says say told according nearly some more than fewer less
    up down off out also just only"""
)
_DIMENSION_NAMES = {
    "length": "distance",
    "mass": "weight",
    "duration": "duration",
    "percent": "percentage",
    "age": "age",
}


def _subject_words(words: frozenset[str]) -> set[str]:
    out = set()
    for word in words:
        if word in _NOT_SUBJECT or word in STOP_WORDS:
            continue
        base = word[:-1] if word.endswith("s") and not word.endswith("ss") else word
        out.add(_SYNONYMS.get(base, _SYNONYMS.get(word, base)))
    return out


def _near(q: Quantity, text: str) -> set[str]:
    """The ``NEAR_WORDS`` content words closest to the number on each side."""
    left = [w.key for w in words(text[q.sentence.start : q.span.start])]
    right = [w.key for w in words(text[q.span.end : q.sentence.end])]
    before = [w for w in left if w not in STOP_WORDS and w not in _NOT_SUBJECT][-NEAR_WORDS:]
    after = [w for w in right if w not in STOP_WORDS and w not in _NOT_SUBJECT][:NEAR_WORDS]
    return _subject_words(frozenset(before + after))


def same_fact(a: Quantity, b: Quantity, near_a: set[str], near_b: set[str]) -> bool:
    """Are ``a`` and ``b`` statements of one fact? Same dimension and unit (or noun
    counted), and either one sentence presenting a change between them ("an
    initial 28-point proposal, later reduced to 19 points") or a shared word right
    next to both numbers and enough shared context."""
    if a.dimension != b.dimension or a.unit != b.unit:
        return False
    if a.article == b.article and a.sentence == b.sentence and (a.change or b.change):
        return True
    if not near_a & near_b:
        return False
    shared = _subject_words(a.around) & _subject_words(b.around)
    return len(shared) + (a.dimension == "count") >= MIN_SHARED_CONTEXT


def _quantity_clusters(quantities: list[Quantity], texts: dict[str, str]) -> list[list[Quantity]]:
    near = [_near(q, texts[q.article]) for q in quantities]
    parent = list(range(len(quantities)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    by_unit: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, q in enumerate(quantities):
        by_unit[(q.dimension, q.unit)].append(i)
    for members in by_unit.values():
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                if find(i) != find(j) and same_fact(quantities[i], quantities[j], near[i], near[j]):
                    parent[find(j)] = find(i)
    clusters: dict[int, list[Quantity]] = defaultdict(list)
    for i, q in enumerate(quantities):
        clusters[find(i)].append(q)
    return _fold_changes([c for c in clusters.values() if len(c) > 1])


def _values(cluster: list[Quantity]) -> set[float]:
    return {round(q.value, 6) for q in cluster}


def _fold_changes(clusters: list[list[Quantity]]) -> list[list[Quantity]]:
    """A sentence stating a change ("cut to 21 points from 30") joins the fact whose
    values it explains, so the change and the statements it explains show together."""
    kept = list(clusters)
    for change in [c for c in clusters if any(q.change for q in c)]:
        home = next(
            (
                c
                for c in kept
                if c is not change
                and c[0].unit == change[0].unit
                and c[0].dimension == change[0].dimension
                and _values(change) <= _values(c)
            ),
            None,
        )
        if home is not None:
            home.extend(change)
            kept = [c for c in kept if c is not change]
    return kept


def _buckets(cluster: list[Quantity]) -> list[list[Quantity]]:
    """Statements grouped by value: each bucket holds values that can all be true."""
    buckets: list[list[Quantity]] = []
    for q in sorted(cluster, key=lambda q: (q.value, q.bound != "exact")):
        home = next((b for b in buckets if all(same_value(q, other) for other in b)), None)
        if home is None:
            buckets.append([q])
        else:
            home.append(q)
    return buckets


class _Builder:
    def __init__(self, analyses: Sequence[ArticleAnalysis], provenance: ProvenanceIndex) -> None:
        self.articles = {a.article.id: a.article for a in analyses}
        self.provenance = provenance

    def evidence(self, article: str, span: Span, sentence: Span | None = None) -> Evidence:
        a = self.articles[article]
        if sentence is None:
            s, e = sentence_at(a.text, span.start, span.end)
            sentence = Span(s, e, a.text[s:e])
        return Evidence(article, a.outlet, a.published, span, sentence)

    def value(self, shown: str | None, normalised: str, evidence: list[Evidence]) -> ConflictValue:
        """One value with its evidence, first printed first (``shown`` defaults to
        the words of the first printing)."""
        evidence.sort(key=lambda e: (e.published or "~", e.article, e.span.start))
        carriers = [Carrier(e.article, e.span) for e in evidence]
        shown = shown or evidence[0].span.text
        return ConflictValue(shown, normalised, tuple(evidence), self.provenance.of(carriers))

    @staticmethod
    def contradiction(
        kind: ConflictKind, fact: str, values: tuple[ConflictValue, ...], note: str
    ) -> Conflict:
        """A contradiction, id given later; within one article when all evidence is."""
        articles = {e.article for v in values for e in v.evidence}
        return Conflict(
            id="",
            kind=kind,
            status="contradiction",
            fact=fact,
            values=values,
            note=note,
            within_article=len(articles) == 1,
        )


def _head_words(q: Quantity, text: str) -> set[str]:
    """The word a number most likely describes: the noun after a compound
    ("80-kilometre road") and the noun of "a convoy of 1,200 trucks"."""
    after = [w.key for w in words(text[q.span.end : q.sentence.end])]
    before = [w.key for w in words(text[q.sentence.start : q.span.start])]
    content = [w for w in after if w not in STOP_WORDS and w not in _NOT_SUBJECT]
    compound = re.search(r"\d-[^\W\d]", q.span.text) is not None
    heads = set(content[:1]) if compound else set()
    if len(before) >= 2 and before[-1] == "of":
        heads.add(before[-2])
    return _subject_words(frozenset(heads))


def _fact_name(cluster: list[Quantity], texts: dict[str, str]) -> str:
    """ "number of trucks (convoy)": what is measured, and the word next to the
    numbers in most articles (when two or more share one; the word a number
    describes counts double)."""
    score: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    for article in {q.article for q in cluster}:
        mine = [q for q in cluster if q.article == article]
        near = set().union(*(_near(q, texts[article]) for q in mine))
        heads = set().union(*(_head_words(q, texts[article]) for q in mine))
        seen.update(near | heads)
        score.update({w: 2 if w in heads else 1 for w in near | heads})
    shared = [w for w in score if seen[w] >= 2 and w != cluster[0].unit]
    subject = max(shared, key=lambda w: (score[w], w)) if shared else None
    unit = cluster[0].unit
    if cluster[0].dimension == "count":
        what = f"number of {unit}s"
    elif cluster[0].dimension.startswith("money:"):
        what = f"amount ({unit})"
    else:
        what = _DIMENSION_NAMES.get(cluster[0].dimension, cluster[0].dimension)
    return f"{what} ({subject})" if subject else what


def _transitions(cluster: list[Quantity], changes: list[list[Quantity]]) -> list[Quantity]:
    """The statements of another fact whose change explains ``cluster``'s values: a
    plan "cut to 21 points from 30" in one article explains "30-point" and "21-point"
    plans in others."""
    values = _values(cluster)
    for change in changes:
        if change[0].unit != cluster[0].unit or change[0].dimension != cluster[0].dimension:
            continue
        if values <= _values(change) and len(values) > 1:
            return [q for q in change if q.change]
    return []


def _quantity_conflicts(
    analyses: Sequence[ArticleAnalysis], build: _Builder
) -> list[tuple[Conflict, str]]:
    texts = {a.article.id: a.article.text for a in analyses}
    out = []
    clusters = _quantity_clusters(find_quantities(analyses), texts)
    changes = [c for c in clusters if any(q.change for q in c)]
    for cluster in clusters:
        buckets = _buckets(cluster)
        if len(buckets) < 2:
            continue  # every statement agrees (50 miles = 80 km)
        values = []
        for bucket in buckets:
            evidence = [build.evidence(q.article, q.span, q.sentence) for q in bucket]
            values.append(build.value(None, bucket[0].display, evidence))
        changed = [q for q in cluster if q.change] or _transitions(cluster, changes)
        # the sentence that states the change itself ("to 21 points from 30") first
        changed.sort(key=lambda q: sum(o.sentence == q.sentence for o in changed), reverse=True)
        status: ConflictStatus = "change" if changed else "contradiction"
        note = (
            "the value changed over time: "
            + "; ".join(f"“{t}”" for t in list(dict.fromkeys(q.sentence.text for q in changed))[:2])
            if changed
            else f"{len(buckets)} different values for one fact"
        )
        articles = {q.article for q in cluster}
        kind: ConflictKind = "number" if cluster[0].dimension == "count" else "quantity"
        conflict = Conflict(
            id="",
            kind=kind,
            status=status,
            fact=_fact_name(cluster, texts),
            values=tuple(values),
            note=note,
            within_article=len(articles) == 1,
        )
        out.append((conflict, min(build.articles[a].published or "~" for a in articles)))
    return out


def _date_conflicts(
    timeline: Sequence[TimelineEvent], analyses: Sequence[ArticleAnalysis], build: _Builder
) -> list[tuple[Conflict, str]]:
    events = {e.id: e for a in analyses for e in a.events}
    out = []
    for t in timeline:
        for c in t.conflicts:
            by_value: dict[str, list[Evidence]] = defaultdict(list)
            shown: dict[str, str] = {}
            for d in t.dates:
                if d.value not in c.values or d.event not in events:
                    continue
                event = events[d.event]
                span = event.when or event.trigger
                by_value[d.value].append(build.evidence(d.article, span, event.evidence))
                shown.setdefault(d.value, d.text)
            if len(by_value) < 2:
                continue
            values = tuple(build.value(shown[v], v, ev) for v, ev in sorted(by_value.items()))
            conflict = build.contradiction("date", f"date of {t.label}", values, c.note)
            out.append((conflict, t.date or "~"))
    return out


def _speaker_conflicts(
    groups: Sequence[QuoteGroup], build: _Builder, names: dict[str, str]
) -> list[tuple[Conflict, str]]:
    out = []
    for g in groups:
        if not g.speaker_disagreement:
            continue
        by_speaker: dict[str, list[Evidence]] = defaultdict(list)
        for v in g.variants:
            for o in v.occurrences:
                if o.speaker and o.explicit:
                    by_speaker[o.speaker].append(build.evidence(o.article, o.content))
        values = tuple(build.value(names.get(s, s), s, ev) for s, ev in sorted(by_speaker.items()))
        conflict = build.contradiction(
            "speaker",
            f"who said “{g.text}”",
            values,
            "the articles name different speakers for one quote",
        )
        out.append((conflict, g.provenance.first or "~"))
    return out


def _place_conflicts(
    timeline: Sequence[TimelineEvent], analyses: Sequence[ArticleAnalysis], build: _Builder
) -> list[tuple[Conflict, str]]:
    out = []
    for found in place_disagreements(timeline, analyses):
        values = tuple(
            build.value(
                claims[0].place,
                key,
                [build.evidence(c.event.article, c.where, c.event.evidence) for c in claims],
            )
            for key, claims in sorted(found.claims.items())
        )
        conflict = build.contradiction(
            "place",
            f"place of {found.event.label}",
            values,
            f"the articles put one event in {len(values)} different places",
        )
        out.append((conflict, found.event.date or "~"))
    return out


def find_conflicts(
    analyses: Sequence[ArticleAnalysis],
    groups: Sequence[QuoteGroup],
    provenance: ProvenanceIndex,
    *,
    timeline: Sequence[TimelineEvent] = (),
    speaker_names: dict[str, str] | None = None,
) -> list[Conflict]:
    """Every conflict (and explained change) in ``analyses``: contradictions first,
    then changes, each in the order the facts were first printed."""
    build = _Builder(analyses, provenance)
    found = (
        _quantity_conflicts(analyses, build)
        + _date_conflicts(timeline, analyses, build)
        + _place_conflicts(timeline, analyses, build)
        + _speaker_conflicts(groups, build, speaker_names or {})
    )
    found.sort(key=lambda item: (item[0].status != "contradiction", item[1], item[0].fact))
    ids = stable_ids("cf", (_anchor(c) for c, _ in found))
    return [replace(c, id=i) for i, (c, _) in zip(ids, found, strict=True)]


def _anchor(c: Conflict) -> str:
    """What identifies a conflict across runs: its kind, its fact and the words
    that first stated it (values may grow as articles arrive)."""
    first = min(
        (e for v in c.values for e in v.evidence),
        key=lambda e: (e.published or "~", e.article, e.span.start),
    )
    return f"{c.kind}\x1f{c.fact}\x1f{first.article}:{first.span.start}"
