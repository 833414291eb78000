"""Incremental story clustering: a batch of articles joins open stories or opens new ones.

The index keeps, for every *open* story, a centroid per term space (summed term
weights of its articles, cut to the strongest terms), the dates it spans and
how many articles it has; and document frequencies for IDF, counted as
articles arrive on top of a prior counted on neus_train (link/story_prior.py),
so that the first articles of a stream are not judged with an empty IDF. An
article is compared only with the stories that share one of its most distinctive
terms (an inverted index) and that are open at its date, so the cost per article
doesn't grow with the stream.

A story closes when nothing joined it for :data:`WINDOW_DAYS` of publication
time (or, in an undated stream, when it is the least recently joined of more
than :data:`MAX_OPEN_STORIES`): a closed story keeps its articles and its id,
but takes no new ones. That is what bounds the memory by the index, not by
the stream.

A batch of at least ``PairModel.joint_min`` articles is clustered jointly
(link/story_batch.py: average link over a sparse graph of the batch's pairs and
their links to open stories); a smaller one is assigned article by article,
each joining the best open story when the story model says so.

Decisions are final: a story never merges or splits later, which keeps ids
stable. The index state is a plain dict (``state``/``from_state``) so that the
store can keep it between runs.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from storytrace.link.dates import day_number
from storytrace.link.stable_ids import unused_id
from storytrace.link.story_batch import (
    BatchGraph,
    PairArticle,
    PairLinks,
    average_link,
    pair_features,
    pair_links,
)
from storytrace.link.story_features import SPACES, ArticleTerms, article_terms
from storytrace.link.story_model import PAIR_MODEL, TEXT_MODEL, PairModel, StoryModel, sigmoid
from storytrace.link.story_prior import IdfPrior, load_prior

__all__ = [
    "MAX_OPEN_STORIES",
    "WINDOW_DAYS",
    "Assignment",
    "Candidate",
    "PreparedArticle",
    "StoryIndex",
    "StoryItem",
    "story_id_for",
]

#: a story takes new articles until this many days after its latest one. Set a
#: priori, not tuned: the one tuning split (neus_train) has no dates. Developing
#: stories in basil and pac span at most a few days; two weeks leaves room
WINDOW_DAYS = 14.0
#: open stories kept for an undated stream (least recently joined close first);
#: a bound on memory, far above the 2,452 stories of neus_train
MAX_OPEN_STORIES = 20_000
#: strongest terms kept per story centroid, by space: enough to hold what a story
#: is about; measured on neus_train, 120/30/40 score within 0.002 B-cubed F1 of
#: keeping every term
PROFILE_TERMS = {"body": 120, "title": 30, "names": 40}
#: an article's most distinctive (highest TF-IDF) terms looked up in the inverted
#: index to find candidate stories; body and names each
QUERY_TERMS = 12
#: the same for finding an article's candidate pairs in a jointly clustered batch
#: (link/story_batch.py): more terms reach more of its story's articles. On
#: neus_train (its eight streams each as one batch, PAIR_MODEL as shipped) 12 / 24 /
#: 32 / 40 scored mean B-cubed F1 89.4 / 89.9 / 90.0 / 90.0, at 1.07x the time of 12
PAIR_QUERY_TERMS = 24
#: the latest articles of a story kept (as their strongest terms) for the
#: ``*_max`` features, the article's best match among the story's members
MEMBERS_KEPT = 8
#: strongest terms kept of each member article
MEMBER_TERMS = 40
#: what is kept of each member article: what the pair model compares
MEMBER_SPACES = ("body", "title", "names", "title_body")
#: stories kept per term in the inverted index (most recent first): frequent
#: terms don't make every article compare with every story
MAX_POSTINGS = 200
#: candidate stories scored in full per article, those sharing most query terms
MAX_CANDIDATES = 40
#: candidate stories scored by the story model per article of a jointly clustered
#: batch (fewer than one by one: it decides only its links, the pairs do the rest).
#: On neus_train streams in batches of 400, 10 instead of 40 scored B-cubed F1 84.70
#: vs 84.75; on the whole file (many stories open) scoring candidates was 60 % of
#: the time
JOINT_CANDIDATES = 10
#: open stories an article links to in a batch's graph (its best by the story model)
STORY_LINKS = 5

#: turns texts into unit-length embedding rows (optional, see link/embeddings.py)
Embedder = Callable[[Sequence[str]], np.ndarray]


@dataclass(frozen=True, slots=True)
class StoryItem:
    """What the index needs to know of an article."""

    id: str
    key: str
    title: str | None
    text: str
    published: str | None = None


@dataclass(frozen=True, slots=True)
class Assignment:
    """Where an article went: ``opened`` when it started ``story``."""

    article: str
    story: str
    opened: bool
    score: float | None


@dataclass(frozen=True, slots=True)
class Candidate:
    """An open story and the article's similarity to it in each model feature."""

    story: str
    similarities: tuple[float, ...]


@dataclass(slots=True)
class PreparedArticle:
    """An article's unit-length TF-IDF vectors, date and query terms."""

    item: StoryItem
    vectors: dict[str, dict[str, float]]
    terms: ArticleTerms
    day: float | None
    query: dict[str, float]
    embedding: np.ndarray | None = None


@dataclass(slots=True)
class _Story:
    id: str
    label: str
    sums: dict[str, dict[str, float]]
    size: int = 0
    first_day: float | None = None
    last_day: float | None = None
    touched: int = 0
    embedding: np.ndarray | None = None
    members: dict[str, list[dict[str, float]]] = field(default_factory=dict)
    _norms: dict[str, float] = field(default_factory=dict)


def story_id_for(key: str, taken: Callable[[str], bool]) -> str:
    """A story's id from the text key of the article that opened it."""
    return unused_id(f"story-{key[:10]}", taken)


def _unit(vector: dict[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(x * x for x in vector.values()))
    return {t: x / norm for t, x in vector.items()} if norm else {}


class StoryIndex:
    """Open stories and document frequencies of a stream of articles."""

    def __init__(
        self,
        model: StoryModel = TEXT_MODEL,
        embedder: Embedder | None = None,
        prior: IdfPrior | None = None,
        pairs: PairModel | None = PAIR_MODEL,
    ) -> None:
        if ("embedding" in model.features) != (embedder is not None):
            raise ValueError(f"story model {model.name!r} and embedder don't fit together")
        self.model = model
        self.embedder = embedder
        # None: each article is decided alone, in date order (the plain stream)
        self.pairs = pairs
        # sees each batch's pairs before they are clustered (for tuning)
        self.observer: Callable[[Sequence[PreparedArticle], PairLinks], None] | None = None
        # spaces whose member articles are kept: for the ``*_max``/``*_mean`` features,
        # and for the pair model, which ranks a batch's pairs against them
        self._member_spaces = sorted(
            {f.rpartition("_")[0] for f in model.features if f.endswith(("_max", "_mean"))}
            | set(MEMBER_SPACES)
        )
        self.prior = prior
        # the prior's documents count in every IDF; its counts of a term join ``df``
        # when the stream first meets the term (so ``df`` is all an IDF reads)
        self.prior_documents: float = prior.documents if prior is not None else 0.0
        self.documents = 0
        # term -> articles holding it (a float: the prior's counts are scaled)
        self.df: dict[str, dict[str, float]] = {space: {} for space in SPACES}
        self.open: dict[str, _Story] = {}
        self.closed: set[str] = set()
        self.postings: dict[str, list[str]] = {}
        self.clock = 0
        self.newest_day: float | None = None
        self._closed_since_compaction = 0

    # -- the stream ---------------------------------------------------------------------

    def add_batch(self, items: Sequence[StoryItem]) -> list[Assignment]:
        """Assign each article of a batch to a story: the batch clustered jointly
        (link/story_batch.py), or without a pair model one by one, earliest first."""
        ordered = sorted(
            range(len(items)),
            key=lambda i: (day_number(items[i].published) is None, items[i].published or "", i),
        )
        embeddings = (
            self.embedder([_embedding_text(items[i]) for i in ordered])
            if self.embedder is not None
            else None
        )
        result: dict[int, Assignment] = {}
        if self.pairs is None or len(items) < self.pairs.joint_min:
            for n, i in enumerate(ordered):
                article = self.prepare(items[i])
                if embeddings is not None:
                    article.embedding = embeddings[n]
                result[i] = self.assign(article)
        else:
            # the whole batch counts in the IDF before any of it is weighed
            terms = [article_terms(items[i].title, items[i].text) for i in ordered]
            for bag in terms:
                self.count(bag)
            prepared = [self.weigh(items[i], bag) for i, bag in zip(ordered, terms, strict=True)]
            if embeddings is not None:
                for n, article in enumerate(prepared):
                    article.embedding = embeddings[n]
            result = dict(zip(ordered, self.assign_jointly(prepared, self.pairs), strict=True))
        self.close_stale()
        return [result[i] for i in range(len(items))]

    def assign_jointly(
        self, articles: Sequence[PreparedArticle], pairs: PairModel
    ) -> list[Assignment]:
        """Cluster a batch (in date order) and join each cluster to the open story in
        it, or open one with its earliest article."""
        story_links = [self._story_links(a, pairs) for a in articles]
        nodes = [self.pair_article(a) for a in articles]
        rivals = self._rivals(nodes, story_links, pairs)
        found = pair_links(nodes, pairs, WINDOW_DAYS, rivals)
        if self.observer is not None:
            self.observer(articles, found)
        sizes = {s: self.open[s].size for links in story_links for s in links}
        graph = BatchGraph.build(len(articles), found, pairs, story_links, sizes)
        clusters = average_link(graph, pairs.threshold)
        cluster_of = {x: n for n, cluster in enumerate(clusters) for x in cluster}
        # an article's score: its strongest link inside its cluster
        strongest: dict[int, float] = {}
        for (a, b), p in graph.links.items():
            if cluster_of[a] == cluster_of[b]:
                for x in (a, b):
                    strongest[x] = max(strongest.get(x, 0.0), p)
        size = len(articles)
        result: list[Assignment | None] = [None] * size
        for cluster in clusters:  # by their earliest article: opened ids don't depend on order
            members = [n for n in cluster if n < size]
            if not members:
                continue
            stories = [graph.stories[n - size] for n in cluster if n >= size]
            if stories:
                story = stories[0]
            else:
                first = articles[members[0]]
                story = self.open_story(first)
                result[members[0]] = Assignment(first.item.id, story, True, None)
                members = members[1:]
            for n in members:
                self.join(story, articles[n])
                result[n] = Assignment(articles[n].item.id, story, False, round(strongest[n], 4))
        return [a for a in result if a is not None]

    def pair_article(self, article: PreparedArticle) -> PairArticle:
        """What the batch's pair model compares of an article (link/story_batch.py)."""
        idf = {
            space: {t: self.idf(space, t) for t in article.terms.space(space)}
            for space in ("body", "names")
        }
        return PairArticle(
            article.vectors,
            idf,
            _query(article.vectors, PAIR_QUERY_TERMS),
            article.day,
            article.embedding,
        )

    def prepare(self, item: StoryItem) -> PreparedArticle:
        """Count the article's terms in the document frequencies and weight them."""
        terms = article_terms(item.title, item.text)
        self.count(terms)
        return self.weigh(item, terms)

    def count(self, terms: ArticleTerms) -> None:
        """Count an article's terms in the document frequencies."""
        self.documents += 1
        for space in SPACES:
            df = self.df[space]
            for term in terms.space(space):
                known = df.get(term)
                if known is None:
                    known = self.prior.count(space, term) if self.prior is not None else 0.0
                df[term] = known + 1

    def weigh(self, item: StoryItem, terms: ArticleTerms) -> PreparedArticle:
        """The article's TF-IDF vectors and query terms, by the current frequencies."""
        vectors = {
            space: _unit({t: w * self.idf(space, t) for t, w in terms.space(space).items()})
            for space in SPACES
        }
        # the headline's words weighed as body words, against a story's or article's body
        vectors["title_body"] = _unit({t: w * self.idf("body", t) for t, w in terms.title.items()})
        # names live in the same inverted index, marked by a prefix
        query = _query(vectors, QUERY_TERMS)
        return PreparedArticle(item, vectors, terms, day_number(item.published), query)

    def assign(self, article: PreparedArticle) -> Assignment:
        """Join the best open story when the model says so, else open a new one."""
        candidates = self.candidates(article)
        scored = sorted(
            ((self.model.score(c.similarities), c.story) for c in candidates), reverse=True
        )
        if scored:
            best, story = scored[0]
            runner_up = scored[1][0] if len(scored) > 1 else None
            if self.model.joins(best, runner_up):
                self.join(story, article)
                return Assignment(article.item.id, story, False, round(best, 4))
        story = self.open_story(article)
        return Assignment(article.item.id, story, True, None)

    def candidates(self, article: PreparedArticle) -> list[Candidate]:
        """Open stories near the article's date sharing one of its query terms, with
        the story model's similarities."""
        return [
            Candidate(story_id, self.similarities(article, self.open[story_id]))
            for story_id in self.candidate_stories(article, MAX_CANDIDATES)
        ]

    def _story_links(self, article: PreparedArticle, pairs: PairModel) -> dict[str, float]:
        """The article's probability of joining each of its best open stories: the
        story model's join rule read as a logit, shifted so that an article with no
        pair joins a story just when the rule says so."""
        found = self.candidate_stories(article, JOINT_CANDIDATES)
        scored = heapq.nlargest(
            STORY_LINKS + 1,
            ((self.model.score(self.similarities(article, self.open[s])), s) for s in found),
        )
        links = {}
        for x, story in scored[:STORY_LINKS]:
            other = max((y for y, s in scored if s != story), default=None)
            links[story] = sigmoid(self.model.decision(x, other) + pairs.neutral)
        return links

    def _rivals(
        self,
        nodes: Sequence[PairArticle],
        story_links: Sequence[dict[str, float]],
        pairs: PairModel,
    ) -> list[list[float]]:
        """Each article's best first-stage logit among the kept members of each
        story it links to: what its pairs are ranked against."""
        kept: dict[str, list[PairArticle]] = {}
        rivals = []
        for node, links in zip(nodes, story_links, strict=True):
            best = []
            for story_id in links:
                if story_id not in kept:
                    kept[story_id] = self.member_articles(self.open[story_id])
                logits = [
                    pairs.logit(pair_features(node, m, pairs.features)) for m in kept[story_id]
                ]
                if logits:  # a story saved before members were kept has none
                    best.append(max(logits))
            rivals.append(best)
        return rivals

    def member_articles(self, story: _Story) -> list[PairArticle]:
        """The story's kept members as the pair model sees articles (their strongest
        terms, by the current IDF)."""
        kept = [story.members.get(space, []) for space in MEMBER_SPACES]
        found = []
        for n in range(max(map(len, kept))):
            vectors = {
                s: k[n] if n < len(k) else {} for s, k in zip(MEMBER_SPACES, kept, strict=True)
            }
            idf = {s: {t: self.idf(s, t) for t in vectors[s]} for s in ("body", "names")}
            found.append(PairArticle(vectors, idf, {}, story.last_day))
        return found

    def candidate_stories(self, article: PreparedArticle, limit: int) -> list[str]:
        """Up to ``limit`` open stories near the article's date, those sharing the
        most of its query terms first."""
        # stories ranked by the query terms they share, weighted as in the article
        hits: dict[str, float] = {}
        for term, weight in article.query.items():
            for posted in self.postings.get(term, ()):
                hits[posted] = hits.get(posted, 0.0) + weight
        found: list[str] = []
        for story_id in sorted(hits, key=hits.__getitem__, reverse=True):
            story = self.open.get(story_id)
            if story is None or not self._in_window(story, article.day):
                continue
            found.append(story_id)
            if len(found) >= limit:
                break
        return found

    def similarities(self, article: PreparedArticle, story: _Story) -> tuple[float, ...]:
        values = []
        for feature in self.model.features:
            if feature == "embedding":
                values.append(_embedding_cosine(article.embedding, story.embedding))
            elif feature.endswith(("_max", "_mean")):
                space, _, link = feature.rpartition("_")
                vector = article.vectors[space]
                dots = [_dot(vector, m) for m in story.members.get(space, ())]
                if link == "max":
                    values.append(max(dots, default=0.0))
                else:
                    values.append(sum(dots) / len(dots) if dots else 0.0)
            elif feature == "title_body":
                values.append(self._cosine("body", article.vectors["title_body"], story))
            else:
                values.append(self._cosine(feature, article.vectors[feature], story))
        return tuple(values)

    def join(self, story_id: str, article: PreparedArticle) -> None:
        """Add ``article`` to an open story."""
        story = self.open[story_id]
        self._absorb(story, article)

    def open_story(self, article: PreparedArticle, story_id: str | None = None) -> str:
        """Open a story with ``article`` as its first article."""
        if story_id is None:
            story_id = story_id_for(article.item.key, lambda s: s in self.open or s in self.closed)
        label = (article.item.title or _first_words(article.item.text)).strip()
        story = _Story(story_id, label, {space: {} for space in SPACES})
        self.open[story_id] = story
        self._absorb(story, article)
        return story_id

    def close_stale(self) -> None:
        """Close stories that can take no more articles (see the module docstring)."""
        if self.newest_day is not None:
            horizon = self.newest_day - WINDOW_DAYS
            for story_id in [
                s.id for s in self.open.values() if s.last_day is not None and s.last_day < horizon
            ]:
                self._close(story_id)
        if len(self.open) > MAX_OPEN_STORIES:
            excess = len(self.open) - MAX_OPEN_STORIES
            for story in heapq.nsmallest(excess, self.open.values(), key=lambda s: s.touched):
                self._close(story.id)
        # the inverted index forgets closed stories once they outnumber the open ones
        # (amortised: its size stays proportional to the open stories)
        if self._closed_since_compaction > max(1000, len(self.open)):
            self._compact_postings()

    def _compact_postings(self) -> None:
        compacted = {}
        for term, posting in self.postings.items():
            kept = [s for s in posting if s in self.open]
            if kept:
                compacted[term] = kept
        self.postings = compacted
        self._closed_since_compaction = 0

    # -- internals ----------------------------------------------------------------------

    def idf(self, space: str, term: str) -> float:
        documents = self.documents + self.prior_documents
        return math.log((documents + 1) / (self.df[space].get(term, 0.0) + 1)) + 1.0

    def _in_window(self, story: _Story, day: float | None) -> bool:
        if day is None or story.first_day is None or story.last_day is None:
            return True
        return story.first_day - WINDOW_DAYS <= day <= story.last_day + WINDOW_DAYS

    def _cosine(self, space: str, vector: dict[str, float], story: _Story) -> float:
        sums = story.sums[space]
        if not sums or not vector:
            return 0.0
        norm = story._norms.get(space)
        if norm is None:
            norm = math.sqrt(sum((w * self.idf(space, t)) ** 2 for t, w in sums.items()))
            story._norms[space] = norm
        if not norm:
            return 0.0
        dot = 0.0
        for term, weight in vector.items():
            summed = sums.get(term)
            if summed is not None:
                dot += weight * summed * self.idf(space, term)
        return dot / norm

    def _absorb(self, story: _Story, article: PreparedArticle) -> None:
        for space in SPACES:
            sums = story.sums[space]
            for term, weight in article.terms.space(space).items():
                sums[term] = sums.get(term, 0.0) + weight
            story.sums[space] = self._strongest_sums(space, sums)
        story._norms.clear()
        for space in self._member_spaces:
            kept = story.members.setdefault(space, [])
            kept.append(_unit(_strongest(article.vectors[space], MEMBER_TERMS)))
            del kept[:-MEMBERS_KEPT]
        story.size += 1
        self.clock += 1
        story.touched = self.clock
        if article.day is not None:
            day = article.day
            story.first_day = day if story.first_day is None else min(day, story.first_day)
            story.last_day = day if story.last_day is None else max(day, story.last_day)
            self.newest_day = day if self.newest_day is None else max(day, self.newest_day)
        if article.embedding is not None:
            story.embedding = (
                article.embedding.copy()
                if story.embedding is None
                else story.embedding + article.embedding
            )
        for term in article.query:
            posting = self.postings.setdefault(term, [])
            if story.id in posting[-3:]:
                continue
            posting.append(story.id)
            if len(posting) > 2 * MAX_POSTINGS:
                del posting[: len(posting) - MAX_POSTINGS]

    def _strongest_sums(self, space: str, sums: dict[str, float]) -> dict[str, float]:
        limit = PROFILE_TERMS[space]
        if len(sums) <= limit:
            return sums
        return dict(
            heapq.nlargest(limit, sums.items(), key=lambda item: item[1] * self.idf(space, item[0]))
        )

    def _close(self, story_id: str) -> None:
        self.open.pop(story_id, None)
        self.closed.add(story_id)
        self._closed_since_compaction += 1

    # -- persistence --------------------------------------------------------------------

    def state(self) -> dict[str, Any]:
        """Everything needed to go on with the stream later, as JSON-ready data."""
        self._compact_postings()
        return {
            "model": self.model.name,
            "documents": self.documents,
            "prior_documents": self.prior_documents,
            "df": {space: dict(counts) for space, counts in self.df.items()},
            "clock": self.clock,
            "newest_day": self.newest_day,
            "postings": self.postings,
            "open": [
                {
                    "id": s.id,
                    "label": s.label,
                    "sums": s.sums,
                    "size": s.size,
                    "first_day": s.first_day,
                    "last_day": s.last_day,
                    "touched": s.touched,
                    "embedding": None if s.embedding is None else s.embedding.tolist(),
                    "members": s.members,
                }
                for s in self.open.values()
            ],
        }

    @classmethod
    def from_state(
        cls,
        state: dict[str, Any],
        closed: Iterable[str],
        model: StoryModel = TEXT_MODEL,
        embedder: Embedder | None = None,
        prior: IdfPrior | None = None,
    ) -> StoryIndex:
        """An index that goes on from ``state``; ``closed`` lists every other story id.

        A state counted with an IDF prior goes on with ``prior`` (the shipped one when
        none is given); one counted without goes on without, so that its frequencies
        stay consistent."""
        prior_documents = float(state.get("prior_documents", 0))
        if prior_documents and prior is None:
            prior = load_prior()
        index = cls(model, embedder, prior if prior_documents else None)
        index.prior_documents = prior_documents
        if state.get("model") != model.name:
            raise ValueError(
                f"stories were linked with model {state.get('model')!r}, not {model.name!r}"
            )
        index.documents = int(state["documents"])
        index.df = {space: dict(state["df"].get(space, {})) for space in SPACES}
        index.clock = int(state["clock"])
        index.newest_day = state["newest_day"]
        index.postings = {t: list(p) for t, p in state["postings"].items()}
        for s in state["open"]:
            emb = s.get("embedding")
            index.open[s["id"]] = _Story(
                id=s["id"],
                label=s["label"],
                sums={space: dict(s["sums"].get(space, {})) for space in SPACES},
                size=int(s["size"]),
                first_day=s["first_day"],
                last_day=s["last_day"],
                touched=int(s["touched"]),
                embedding=None if emb is None else np.asarray(emb, dtype=np.float32),
                members={space: list(m) for space, m in s.get("members", {}).items()},
            )
        index.closed = set(closed) - set(index.open)
        return index


def _query(vectors: Mapping[str, dict[str, float]], limit: int) -> dict[str, float]:
    """An article's ``limit`` strongest body terms and names (names in the same
    inverted index, marked by a prefix)."""
    return {
        **_strongest(vectors["body"], limit),
        **{"\x01" + t: w for t, w in _strongest(vectors["names"], limit).items()},
    }


def _strongest(vector: dict[str, float], limit: int) -> dict[str, float]:
    return dict(heapq.nlargest(limit, vector.items(), key=lambda item: item[1]))


def _dot(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(t, 0.0) for t, w in a.items())


def _embedding_cosine(a: np.ndarray | None, b: np.ndarray | None) -> float:
    if a is None or b is None:
        return 0.0
    norm = float(np.linalg.norm(b))
    return float(np.dot(a, b)) / norm if norm else 0.0


def _embedding_text(item: StoryItem) -> str:
    return f"{item.title}. {item.text}" if item.title else item.text


def _first_words(text: str, limit: int = 12) -> str:
    found = text.split()
    return " ".join(found[:limit]) + (" …" if len(found) > limit else "")
