"""One quote, many wordings: group the direct and partial quotes that report the
same utterance, across articles and within one.

Two quotes are the same utterance when, on folded words (case, quote marks and
apostrophes ignored):

- they are long enough to be distinctive (``MIN_FUZZY_WORDS``) and most words of
  the shorter one appear, in order, in the longer one (``MIN_CONTAINMENT``) with
  a long common run (``MIN_RUN_WORDS``): truncations ("Me to you, I know…" /
  "Now, me to you, I know…"), omissions, substitutions and a partial quote of a
  longer one all pass; or
- they are shorter (``MIN_SHORT_WORDS`` or more) and the shorter is printed word
  for word inside the longer, and the articles don't name two different speakers
  (a stock phrase said by two people is two quotes).

Candidates are found through shared word trigrams, so the cost grows with the
number of quotes that share wording, not with the square of all quotes. Each
group lists its wordings (variants) with a word diff against the fullest one,
who printed each and when, and who the articles say spoke and to whom.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from storytrace.link.entities import ActorIndex
from storytrace.link.records import (
    Provenance,
    QuoteGroup,
    QuoteOccurrence,
    QuoteVariant,
)
from storytrace.link.speakers import addressee_of, resolve_speaker
from storytrace.link.stable_ids import stable_ids
from storytrace.link.word_diff import diff_words, matched_words, variant_labels
from storytrace.link.words import word_keys
from storytrace.records import ArticleAnalysis, Attribution, Span

__all__ = [
    "MIN_CONTAINMENT",
    "MIN_FUZZY_WORDS",
    "MIN_RUN_WORDS",
    "MIN_SHORT_WORDS",
    "group_quotes",
    "published_key",
    "quoted_segments",
]

#: quotes of at least this many words may differ in wording and still be one
#: utterance; tuned on the demo corpus, where the shortest reworded quote is 11
#: words and the longest stock phrase shared by different speakers is 4
MIN_FUZZY_WORDS = 6
#: share of the shorter quote's words found in order in the longer: 0.8 keeps
#: "one word left out and one replaced" in an 18-word quote (16/18 = 0.89) and
#: two different sentences sharing a clause apart
MIN_CONTAINMENT = 0.8
#: the longest run of words both quotes share must be at least this long
MIN_RUN_WORDS = 4
#: shorter quotes are grouped only when printed word for word inside each other;
#: two-word partial quotes ("for now") are too common to say anything
MIN_SHORT_WORDS = 3

_QUOTED = ("direct", "partial")

#: computes the provenance of a group from its occurrences (see link/provenance.py)
ProvenanceOf = Callable[[Sequence[QuoteOccurrence]], Provenance]


@dataclass(frozen=True, slots=True)
class _Quote:
    analysis: ArticleAnalysis
    q: Attribution
    words: tuple[str, ...]
    occurrence: QuoteOccurrence


def published_key(published: str | None) -> str:
    """Sort key of a publication date; undated articles sort last."""
    return published or "~"


# the words inside quote marks: “…”, "…", and ‘…’ whose closing mark is not an
# apostrophe (‘acts like he’s on Russia’s payroll’)
_QUOTE_MARKS = re.compile(r"“([^”]+)”|\"([^\"]+)\"|‘(.+?)’(?![^\W\d_])")


def quoted_segments(content: Span) -> list[Span]:
    """The quoted words of a partial quote ("that the envoy ‘acts like a broker’"):
    each run inside quote marks, or the whole content when it has none."""
    found = []
    for m in _QUOTE_MARKS.finditer(content.text):
        group = next(g for g in (1, 2, 3) if m.group(g) is not None)
        start, end = content.start + m.start(group), content.start + m.end(group)
        found.append(Span(start, end, m.group(group)))
    whole = len(found) == 1 and found[0].end - found[0].start >= len(content.text) - 2
    return [content] if not found or whole else found


def _collect(analyses: Sequence[ArticleAnalysis], index: ActorIndex) -> list[_Quote]:
    """One quote per printing: the same words of an article reported by two
    attributions (a partial quote and the direct quote inside it) count once, for
    the attribution that spans more (its reporting clause names the speaker)."""
    quotes = []
    for analysis in analyses:
        a = analysis.article
        candidates = [
            (segment, q)
            for q in analysis.attributions
            if q.kind in _QUOTED
            for segment in (quoted_segments(q.content) if q.kind == "partial" else [q.content])
        ]
        candidates.sort(key=lambda c: (-(c[1].content.end - c[1].content.start), c[0].start))
        kept: list[Span] = []
        for segment, q in candidates:
            keys = word_keys(segment.text)
            if not keys or any(k.start < segment.end and segment.start < k.end for k in kept):
                continue
            kept.append(segment)
            who = resolve_speaker(q, index)
            occurrence = QuoteOccurrence(
                article=a.id,
                attribution=q.id,
                outlet=a.outlet,
                published=a.published,
                content=segment,
                speaker=who.actor,
                speaker_name=who.name,
                as_written=who.as_written,
                explicit=who.explicit,
                addressee=addressee_of(q, analysis, index),
            )
            quotes.append(_Quote(analysis, q, keys, occurrence))
    return quotes


def _same_utterance(a: _Quote, b: _Quote) -> bool:
    short, long = sorted((a.words, b.words), key=len)
    if len(short) < MIN_SHORT_WORDS:
        return False
    common, run = matched_words(short, long)
    if len(short) >= MIN_FUZZY_WORDS:
        return common / len(short) >= MIN_CONTAINMENT and run >= min(MIN_RUN_WORDS, len(short))
    if run < len(short):  # short quotes: word for word, or not at all
        return False
    sa, sb = a.occurrence.speaker, b.occurrence.speaker
    return sa is None or sb is None or sa == sb


def _trigrams(words: tuple[str, ...]) -> set[tuple[str, ...]]:
    if len(words) < 3:
        return {words}
    return {words[i : i + 3] for i in range(len(words) - 2)}


def _clusters(quotes: list[_Quote]) -> list[list[_Quote]]:
    parent = list(range(len(quotes)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    by_gram: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, quote in enumerate(quotes):
        for gram in _trigrams(quote.words):
            by_gram[gram].append(i)
    tried: set[tuple[int, int]] = set()
    for members in by_gram.values():
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                pair = (i, j)
                if pair in tried or find(i) == find(j):
                    continue
                tried.add(pair)
                if _same_utterance(quotes[i], quotes[j]):
                    parent[find(j)] = find(i)
    groups: dict[int, list[_Quote]] = defaultdict(list)
    for i, quote in enumerate(quotes):
        groups[find(i)].append(quote)
    return list(groups.values())


def _order(o: QuoteOccurrence) -> tuple[str, str, int]:
    return (published_key(o.published), o.article, o.content.start)


def _explicit_speakers(occurrences: Sequence[QuoteOccurrence]) -> set[str]:
    """The speaker each article names explicitly; an article naming two for one
    quote contradicts itself (an extraction slip), so it has no say."""
    by_article: dict[str, set[str]] = defaultdict(set)
    for o in occurrences:
        if o.speaker and o.explicit:
            by_article[o.article].add(o.speaker)
    return {next(iter(s)) for s in by_article.values() if len(s) == 1}


def _group(members: list[_Quote], group_id: str, provenance_of: ProvenanceOf) -> QuoteGroup:
    by_wording: dict[tuple[str, ...], list[_Quote]] = defaultdict(list)
    for m in members:
        by_wording[m.words].append(m)
    # the fullest wording is the reference every variant is diffed against
    wordings = sorted(
        by_wording.items(),
        key=lambda kv: (-len(kv[0]), min(_order(m.occurrence) for m in kv[1])),
    )
    reference = wordings[0][1][0].occurrence.content.text
    variants = []
    for _, printed in wordings:
        text = printed[0].occurrence.content.text
        diff = diff_words(reference, text)
        variants.append(
            QuoteVariant(
                text=text,
                words=len(printed[0].words),
                labels=variant_labels(diff),
                diff=diff,
                occurrences=tuple(sorted((m.occurrence for m in printed), key=_order)),
            )
        )
    occurrences = sorted((m.occurrence for m in members), key=_order)
    speakers = list(dict.fromkeys(o.speaker for o in occurrences if o.speaker))
    explicit = _explicit_speakers(occurrences)
    votes = [o.speaker for o in occurrences if o.speaker]
    speaker = (
        max(speakers, key=lambda s: (votes.count(s), -speakers.index(s))) if speakers else None
    )
    name = next((o.speaker_name for o in occurrences if o.speaker == speaker), None)
    outlets = [o.outlet or o.article for o in occurrences]
    return QuoteGroup(
        id=group_id,
        speaker=speaker,
        speaker_name=name,
        text=reference,
        variants=tuple(variants),
        articles=tuple(dict.fromkeys(o.article for o in occurrences)),
        outlets=tuple(dict.fromkeys(outlets)),
        speakers=tuple(speakers),
        speaker_disagreement=len(explicit) > 1,
        addressees=tuple(dict.fromkeys(o.addressee for o in occurrences if o.addressee)),
        provenance=provenance_of(occurrences),
    )


def group_quotes(
    analyses: Sequence[ArticleAnalysis],
    index: ActorIndex,
    provenance_of: ProvenanceOf,
) -> list[QuoteGroup]:
    """Every direct and partial quote of ``analyses`` in exactly one group, groups
    ordered by when they were first printed."""
    clusters = _clusters(_collect(analyses, index))
    firsts = [min((m.occurrence for m in c), key=_order) for c in clusters]
    ordered = sorted(zip(firsts, clusters, strict=True), key=lambda fc: _order(fc[0]))
    # anchored on the first printing: the id holds while later printings join
    ids = stable_ids("qg", (f"{f.article}:{f.content.start}" for f, _ in ordered))
    return [_group(c, i, provenance_of) for i, (_, c) in zip(ids, ordered, strict=True)]
