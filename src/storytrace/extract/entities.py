"""Named entities of one article, canonicalised: one record per person, organisation or place.

The small spaCy model finds mentions; this stage decides which mentions name
the same thing and what type it is:

1. collect PERSON/ORG/GPE/LOC/NORP mentions, trimmed of "the", titles and the
   possessive ('s / ’s); mentions in title-case headings or running across a
   line break are dropped (the model mis-tags those worst); a proper name of two
   or three words the model left untagged is a person when an apposition says
   what person it is ("Aurelio Danes, the envoy whose…");
2. group mentions by their normalised text and vote on each group's type;
3. merge full person names that agree on first and last word, and let a single
   word ("Witkoff", "Trump") join the one full name that contains it, whatever
   the model tagged it, unless two full names share that word;
4. find the entities' own names again in headings (and person names the model
   missed in running text);
5. name each entity after its longest full name (else its most frequent form),
   type it by the majority of its mentions, and number entities in order of
   first mention.

:class:`EntityIndex` answers "which entity is mentioned here?" for later stages.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, ClassVar, Final

from storytrace.extract.quote_layout import Layout
from storytrace.extract.speaker_nouns import is_person_word
from storytrace.records import Entity, EntityType, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from storytrace.extract.base import ArticleWork

__all__ = ["ENTITY_LABELS", "EntityIndex", "EntityStage", "extract_entities", "normalise_name"]

#: words in a person's name found by :func:`_described_persons` ("Mary Ann Smith")
NAME_MAX_WORDS: Final = 3
#: spaCy labels kept, in the order used to break exact ties of the type vote
ENTITY_LABELS: Final[tuple[EntityType, ...]] = ("PERSON", "ORG", "GPE", "LOC", "NORP")
#: labels of places: a word only ever tagged so never joins a person ("Washington")
PLACE_LABELS: Final = frozenset({"GPE", "LOC"})
#: tokens stripped from the end of a mention ("Trump’s" -> "Trump")
POSSESSIVE_TOKENS: Final = frozenset({"'s", "’s", "'", "’"})
# fmt: off
#: honorifics and offices stripped from the front of a person's name
PERSON_TITLES: Final = frozenset({
    "ambassador", "chancellor", "dame", "dr", "envoy", "gen", "general", "gov", "governor",
    "judge", "king", "mayor", "minister", "miss", "mr", "mrs", "ms", "pope", "premier",
    "president", "prime", "prince", "princess", "queen", "rep", "representative", "secretary",
    "sen", "senator", "sir", "speaker",
})
# fmt: on

# fmt: off
#: news organisations, which the small model often tags as places ("Bloomberg");
#: they are the commonest named source of "according to"
NEWS_ORGS: Final = frozenset({
    "abc news", "afp", "agence france-presse", "al jazeera", "ap", "associated press",
    "axios", "bbc", "bloomberg", "cbs news", "cnn", "daily mail", "financial times",
    "fox news", "guardian", "interfax", "nbc news", "new york times", "npr", "politico",
    "reuters", "ria novosti", "sky news", "tass", "wall street journal", "washington post",
    "xinhua",
})
# fmt: on


def normalise_name(text: str) -> str:
    """The key two spellings of one name share: case, apostrophes, "the", possessive."""
    key = " ".join(text.replace("’", "'").split()).casefold()
    if key.startswith("the "):
        key = key[4:]
    for suffix in ("'s", "'"):
        if key.endswith(suffix):
            key = key[: -len(suffix)]
    return key


@dataclass(slots=True)
class _Mention:
    start: int
    end: int
    text: str
    label: EntityType
    tokens: tuple[str, ...]
    #: used as a noun, not as an adjective: a NORP-tagged surname ("said Palvetzian")
    noun: bool = False
    #: a single word that joined a full person name counts as a PERSON vote
    repaired: bool = False


@dataclass(slots=True)
class _Cluster:
    """Mentions taken to name one entity."""

    mentions: list[_Mention] = field(default_factory=list)
    full_names: list[str] = field(default_factory=list)

    @property
    def first(self) -> int:
        return min(m.start for m in self.mentions)

    def votes(self) -> list[EntityType]:
        return ["PERSON" if m.repaired else m.label for m in self.mentions]


def extract_entities(doc: Doc, article_id: str) -> list[Entity]:
    """Canonical entities of ``doc``, numbered ``{article_id}:e1``… by first mention."""
    layout = Layout(doc.text)
    # 1.
    mentions = _collect_mentions(doc, layout)
    mentions += _described_persons(doc, layout)
    # 2.
    groups: dict[str, list[_Mention]] = {}
    for mention in mentions:
        groups.setdefault(normalise_name(mention.text), []).append(mention)
    # 3.
    clusters = _merge_groups(groups)
    # 4.
    _add_name_matches(doc, layout, clusters)
    # 5.
    clusters = [c for c in clusters if c.mentions]
    clusters.sort(key=lambda c: c.first)
    return [_to_entity(c, f"{article_id}:e{n}", article_id) for n, c in enumerate(clusters, 1)]


class EntityStage:
    """Extract stage: ``doc`` -> ``entities``."""

    name: ClassVar[str] = "entities"
    requires: ClassVar[frozenset[str]] = frozenset({"doc"})
    assigns: ClassVar[frozenset[str]] = frozenset({"entities"})

    def run(self, work: ArticleWork) -> None:
        work.entities = extract_entities(work.doc, work.article.id)


# 1. mentions -----------------------------------------------------------------


def _collect_mentions(doc: Doc, layout: Layout) -> list[_Mention]:
    found = []
    for ent in doc.ents:
        label = str(ent.label_)
        if label not in ENTITY_LABELS or "\n" in ent.text or layout.is_heading(ent.start_char):
            continue
        mention = _trimmed(doc, int(ent.start), int(ent.end), label)
        if mention is not None:
            found.append(mention)
    return found


def _described_persons(doc: Doc, layout: Layout) -> list[_Mention]:
    """Untagged names with a person noun in apposition: "Aurelio Danes, the envoy…".

    The small model misses unfamiliar names; without this their surname alone
    may be tagged as something else ("Danes" as a nationality) and a quote's
    speaker never gets a full name.
    """
    found = []
    for token in doc:
        if token.pos_ != "PROPN" or token.ent_type_ or not token.text[:1].isupper():
            continue
        described = any(
            c.dep_ == "appos" and c.i > token.i and is_person_word(str(c.lemma_).lower())
            for c in token.children
        )
        if not described or layout.is_heading(int(token.idx)):
            continue
        start = token.i
        while (
            start > 0
            and token.i - start < NAME_MAX_WORDS - 1
            and doc[start - 1].dep_ == "compound"
            and doc[start - 1].head.i == token.i
            and doc[start - 1].pos_ == "PROPN"
            and not doc[start - 1].ent_type_
            and doc[start - 1].text[:1].isupper()
        ):
            start -= 1
        if start == token.i:
            continue  # one word: a surname or a place, not told apart here
        mention = _trimmed(doc, start, token.i + 1, "PERSON")
        if mention is not None and not any(t.isupper() for t in mention.tokens):
            found.append(mention)
    return found


def _trimmed(doc: Doc, start: int, end: int, label: EntityType) -> _Mention | None:
    """The mention ``doc[start:end]`` without "the", titles, possessive or punctuation."""
    while start < end and (doc[start].lower_ == "the" or doc[start].is_punct):
        start += 1
    if label == "PERSON":
        while end - start > 1 and doc[start].lower_.rstrip(".") in PERSON_TITLES:
            start += 1
    while end > start and (
        doc[end - 1].text in POSSESSIVE_TOKENS or doc[end - 1].is_punct or doc[end - 1].is_space
    ):
        end -= 1
    if start >= end:
        return None
    first, last = doc[start], doc[end - 1]
    char_start, char_end = int(first.idx), int(last.idx) + len(last.text)
    text = str(doc[start:end].text)
    if not any(ch.isalpha() for ch in text):
        return None
    tokens = tuple(str(t.text) for t in doc[start:end])
    noun = last.pos_ in ("PROPN", "NOUN") and last.dep_ not in ("amod", "compound")
    return _Mention(char_start, char_end, text, label, tokens, noun)


# 2.-3. grouping and merging -----------------------------------------------------


def _majority(votes: Sequence[EntityType]) -> EntityType:
    """The commonest label; an exact tie goes to the label seen first."""
    counts = Counter(votes)
    best = max(counts.values())
    return next(v for v in votes if counts[v] == best)


def _group_label(key: str, mentions: Sequence[_Mention]) -> EntityType:
    return "ORG" if key in NEWS_ORGS else _majority([m.label for m in mentions])


def _merge_groups(groups: dict[str, list[_Mention]]) -> list[_Cluster]:
    """Clusters of groups: full person names with their single-word forms."""
    clusters: list[_Cluster] = []
    full_names: dict[tuple[str, str], _Cluster] = {}  # (first, last word) -> its cluster
    containing: dict[str, set[tuple[str, str]]] = {}  # word -> full names holding it
    singles: list[tuple[str, list[_Mention]]] = []
    for key, mentions in groups.items():
        words = key.split()
        if len(words) >= 2 and _group_label(key, mentions) == "PERSON":
            ends = (words[0], words[-1])
            if ends not in full_names:
                full_names[ends] = _Cluster()
                clusters.append(full_names[ends])
            full_names[ends].mentions += mentions
            full_names[ends].full_names += [m.text for m in mentions]
            for word in words:
                containing.setdefault(word, set()).add(ends)
        elif len(words) == 1:
            singles.append((key, mentions))
        else:
            clusters.append(_Cluster(list(mentions)))
    for key, mentions in singles:
        owners = containing.get(key, set())
        # a word only ever tagged as a place stays a place ("Washington"), and
        # a nationality used as an adjective stays one ("Christian" values)
        joins = len(owners) == 1 and any(
            m.label not in PLACE_LABELS and (m.label != "NORP" or m.noun) for m in mentions
        )
        if joins and key not in NEWS_ORGS:
            for mention in mentions:
                mention.repaired = True
            full_names[next(iter(owners))].mentions += mentions
        else:
            clusters.append(_Cluster(list(mentions)))
    return clusters


# 4. names found again -------------------------------------------------------------


def _add_name_matches(doc: Doc, layout: Layout, clusters: list[_Cluster]) -> None:
    """Mentions the model missed: any known name in a heading, person names elsewhere."""
    names = _KnownNames(clusters)
    if not names.longest:
        return
    covered = _covered_tokens(doc, layout)
    i, n = 0, len(doc)
    while i < n:
        matched = 0
        if not covered[i] and doc[i].text[:1].isupper():
            matched = names.match(doc, i, heading=layout.is_heading(int(doc[i].idx)))
        i += max(matched, 1)


def _covered_tokens(doc: Doc, layout: Layout) -> bytearray:
    """1 for each token inside an entity the model found where its tags are trusted."""
    covered = bytearray(len(doc))
    for ent in doc.ents:
        if "\n" not in ent.text and not layout.is_heading(ent.start_char):
            covered[int(ent.start) : int(ent.end)] = b"\x01" * (int(ent.end) - int(ent.start))
    return covered


class _KnownNames:
    """The token sequences that name each cluster, for finding them again."""

    def __init__(self, clusters: Sequence[_Cluster]) -> None:
        self.forms: dict[tuple[str, ...], _Cluster | None] = {}
        #: forms the model itself tagged somewhere (not only derived surnames)
        self.observed = {m.tokens for c in clusters for m in c.mentions}
        for cluster in clusters:
            known = [m.tokens for m in cluster.mentions]
            # a person's surname alone ("Hinderks said") names them too
            known += [
                (m.tokens[-1],)
                for m in cluster.mentions
                if m.text in cluster.full_names and m.tokens[-1].isalpha()
            ]
            for tokens in dict.fromkeys(known):
                if self.forms.setdefault(tokens, cluster) is not cluster:
                    self.forms[tokens] = None  # two entities share the form: never guess
        self.longest = max(map(len, self.forms), default=0)

    def match(self, doc: Doc, i: int, *, heading: bool) -> int:
        """Add the longest known form starting at token ``i``; return its length (0: none)."""
        for length in range(min(self.longest, len(doc) - i), 0, -1):
            tokens = tuple(str(t.text) for t in doc[i : i + length])
            cluster = self.forms.get(tokens)
            if cluster is None:
                continue
            label = _majority(cluster.votes())
            if not heading and not self._person_name_at(doc[i], label, tokens):
                return 0
            last = doc[i + length - 1]
            start, end = int(doc[i].idx), int(last.idx) + len(last.text)
            text = str(doc[i : i + length].text)
            cluster.mentions.append(_Mention(start, end, text, label, tokens))
            return length
        return 0

    def _person_name_at(self, token: Token, label: EntityType, tokens: tuple[str, ...]) -> bool:
        """Outside headings only persons' names, used as nouns ("Poulter said", even
        tagged NOUN). Opening a sentence, the parser takes many a name for a common
        noun ("Trump reversed course"): there only a form the model tagged elsewhere."""
        if label != "PERSON":
            return False
        if token.pos_ == "PROPN":
            return True
        return token.pos_ == "NOUN" and (not token.is_sent_start or tokens in self.observed)


# 5. records ---------------------------------------------------------------------------


def _to_entity(cluster: _Cluster, entity_id: str, article_id: str) -> Entity:
    cluster.mentions.sort(key=lambda m: m.start)  # the type vote's ties go to the first
    name = _canonical_name(cluster)
    label = "ORG" if normalise_name(name) in NEWS_ORGS else _majority(cluster.votes())
    mentions = cluster.mentions
    aliases = tuple(dict.fromkeys(m.text for m in mentions if m.text != name))
    return Entity(
        id=entity_id,
        article=article_id,
        name=name,
        type=label,
        aliases=aliases,
        mentions=tuple(Span(m.start, m.end, m.text) for m in mentions),
    )


def _canonical_name(cluster: _Cluster) -> str:
    """The longest full name; else the most frequent form (first seen on a tie)."""
    candidates = cluster.full_names or [m.text for m in cluster.mentions]
    counts = Counter(candidates)
    return max(dict.fromkeys(candidates), key=lambda t: (len(t.split()), counts[t]))


# lookup --------------------------------------------------------------------------------


class EntityIndex:
    """Find entities by position (any mention overlapping a range) or by name."""

    def __init__(self, entities: Sequence[Entity]) -> None:
        spans = sorted(
            ((m.start, m.end, e) for e in entities for m in e.mentions), key=lambda s: s[0]
        )
        self._starts = [s[0] for s in spans]
        self._spans = spans
        self._names: dict[str, Entity | None] = {}
        for entity in entities:
            for form in (entity.name, *entity.aliases):
                key = normalise_name(form)
                known = self._names.setdefault(key, entity)
                if known is not entity:
                    self._names[key] = None  # shared by two entities: ambiguous
        self.entities = tuple(entities)

    def at(self, start: int, end: int) -> Entity | None:
        """The entity with a mention overlapping ``[start, end)``.

        Mentions never overlap one another, so only the last one starting
        before ``end`` can reach ``start``.
        """
        i = bisect_left(self._starts, end) - 1
        if i >= 0 and self._spans[i][1] > start:
            return self._spans[i][2]
        return None

    def within(self, start: int, end: int) -> list[Entity]:
        """Entities with a mention inside ``[start, end)``, in order of those mentions."""
        i = bisect_left(self._starts, start)
        found: list[Entity] = []
        while i < len(self._spans) and self._spans[i][0] < end:
            _, m_end, entity = self._spans[i]
            if m_end <= end and entity not in found:
                found.append(entity)
            i += 1
        return found

    def by_name(self, text: str) -> Entity | None:
        """The entity called ``text`` (its name or an alias), unless two share it."""
        return self._names.get(normalise_name(text))
