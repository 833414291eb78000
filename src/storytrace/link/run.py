"""Linking a store after ingest: stories and near-copies of the articles not yet linked.

``link_store(store)`` is what ``storytrace add`` (and ``analyze``) call after
ingest. It is incremental: it loads the story index saved by the last run and
the copy index from the stored signatures, then takes the articles that have no
story yet in the order they were stored, :data:`~storytrace.link.stories.BATCH_SIZE`
at a time, and commits each batch's stories, copy pairs and signatures in one
transaction. Re-running it links only what is new, and an interrupted run
resumes where it stopped (articles linked after the last saved index state are
replayed into it, without new decisions).

``load_links(store)`` reads back what was found; ``link_articles(articles)``
does the same in memory, for articles that are not in a store.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from storytrace.link.copies import WINDOW_DAYS as COPY_WINDOW_DAYS
from storytrace.link.copies import (
    CopyIndex,
    Fingerprint,
    compare,
    copy_of,
    find_copies,
    fingerprint,
)
from storytrace.link.dates import day_number
from storytrace.link.persist import (
    articles_by_id,
    load_copy_pairs,
    load_state,
    load_stories,
    newest_signed,
    pending_articles,
    save_batch,
    save_state,
    signatures,
    story_ids,
    story_of,
)
from storytrace.link.records import CopyPair, Story
from storytrace.link.shingles import signature_bytes, signature_from_bytes
from storytrace.link.stories import BATCH_SIZE, group_stories, story_index, story_label
from storytrace.link.story_index import StoryIndex, StoryItem
from storytrace.records import Article
from storytrace.store import Store

__all__ = ["LinkResult", "LinkSummary", "Linker", "link_articles", "link_store", "load_links"]

#: batches between two saves of the story index state (and one at the end): the
#: state is a few MB for a large store; articles linked after the last save are
#: replayed into it on the next run (about 4,000 articles at most, two batches)
STATE_EVERY = 2


@dataclass(frozen=True, slots=True)
class LinkResult:
    """Stories and near-copies, as the reports and the JSON contract show them."""

    stories: tuple[Story, ...] = ()
    duplicates: tuple[CopyPair, ...] = ()

    def story_of(self) -> dict[str, str]:
        """Article id → story id."""
        return {a: s.id for s in self.stories for a in s.articles}

    def copy_of(self) -> dict[str, str]:
        """Copy → original, for copies whose original is known."""
        return copy_of(self.duplicates)


@dataclass(slots=True)
class LinkSummary:
    """What one linking run did."""

    articles: int = 0
    stories_opened: int = 0
    copies: int = 0
    new_copies: list[CopyPair] = field(default_factory=list)

    def line(self) -> str:
        return (
            f"linked {self.articles} articles: {self.stories_opened} new stories, "
            f"{self.copies} near-copies"
        )


class Linker:
    """The indexes of one store, loaded once and kept current as batches are linked."""

    def __init__(self, store: Store) -> None:
        self.store = store
        state, self.state_seq = load_state(store)
        # stories the saved state knew and no longer holds open are closed; those
        # opened after it are reopened by the replay
        known = {s for s, seq in story_ids(store).items() if seq <= self.state_seq}
        if state is None:
            self.stories = story_index()
        else:
            self.stories = StoryIndex.from_state(state, known)
        self.copies = CopyIndex()
        for n, (article, published, data) in enumerate(signatures(store, _copy_horizon(store)), 1):
            self.copies.insert(article, signature_from_bytes(data), day_number(published))
            if n % BATCH_SIZE == 0:
                self.copies.forget_old()  # stored order is near date order: stay bounded
        self.copies.forget_old()
        self.last_seq = self.state_seq
        self._replay()

    def _replay(self) -> None:
        """Fold articles linked after the saved state into the story index."""
        linked = story_of(self.store, self.state_seq)
        for start in range(0, len(linked), BATCH_SIZE):
            part = linked[start : start + BATCH_SIZE]
            texts = articles_by_id(self.store, [a for a, _, _ in part])
            for article_id, story_id, seq in part:
                article = texts.get(article_id)
                if article is None:
                    continue
                prepared = self.stories.prepare(_item(article))
                if story_id in self.stories.open:
                    self.stories.join(story_id, prepared)
                elif story_id not in self.stories.closed:
                    self.stories.open_story(prepared, story_id)
                self.last_seq = max(self.last_seq, seq)
            self.stories.close_stale()

    def link_pending(self) -> LinkSummary:
        """Link every stored article that has no story yet."""
        summary = LinkSummary()
        batches = 0
        # everything up to the last article linked is linked: batches commit in seq order
        for articles, seq in pending_articles(self.store, BATCH_SIZE, self.last_seq):
            assignments = self.stories.add_batch([_item(a) for a in articles])
            labels = {
                a.story: story_label(article)
                for a, article in zip(assignments, articles, strict=True)
                if a.opened
            }
            pairs, rows = self._copies(articles, seq)
            save_batch(self.store, assignments, labels, seq, pairs, rows)
            summary.articles += len(articles)
            summary.stories_opened += len(labels)
            summary.copies += len(pairs)
            summary.new_copies += pairs
            self.last_seq = max(self.last_seq, *seq.values())
            batches += 1
            if batches % STATE_EVERY == 0:
                self._save_state()
        if batches % STATE_EVERY:
            self._save_state()
        return summary

    def _save_state(self) -> None:
        save_state(self.store, self.stories.state(), self.last_seq)
        self.state_seq = self.last_seq

    def _copies(
        self, articles: Sequence[Article], seq: dict[str, int]
    ) -> tuple[list[CopyPair], list[tuple[str, bytes]]]:
        prints: dict[str, Fingerprint] = {}
        candidates: dict[str, list[str]] = {}
        for article in articles:
            prints[article.id] = fingerprint(article.text)
            candidates[article.id] = self.copies.add(
                article.id, prints[article.id].signature, day_number(article.published)
            )
        known = {a.id: a for a in articles}
        others = {c for found in candidates.values() for c in found if c not in known}
        for stored in articles_by_id(self.store, sorted(others)).values():
            known[stored.id] = stored
            prints[stored.id] = fingerprint(stored.text)
        pairs = []
        for article in articles:
            for other in candidates[article.id]:
                if other not in known:
                    continue
                pair = compare(known[other], article, prints[other], prints[article.id], seq)
                if pair is not None:
                    pairs.append(pair)
        self.copies.forget_old()
        rows = [(a.id, signature_bytes(prints[a.id].signature)) for a in articles]
        return pairs, rows


def _copy_horizon(store: Store) -> str | None:
    """The earliest date the copy index needs signatures from (None: all of them)."""
    newest = day_number(newest_signed(store))
    if newest is None:
        return None
    horizon = date(1970, 1, 1) + timedelta(days=math.floor(newest - COPY_WINDOW_DAYS) - 1)
    return horizon.isoformat()


def _item(article: Article) -> StoryItem:
    return StoryItem(article.id, article.key, article.title, article.text, article.published)


def link_store(store: Store) -> LinkSummary:
    """Link the store's articles that are not linked yet (see the module docstring)."""
    return Linker(store).link_pending()


def load_links(store: Store) -> LinkResult:
    """The stories and copy pairs kept in the store."""
    return LinkResult(tuple(load_stories(store)), tuple(load_copy_pairs(store)))


def link_articles(articles: Sequence[Article]) -> LinkResult:
    """Stories and copy pairs of ``articles`` in memory (ordered as given)."""
    return LinkResult(tuple(group_stories(articles)), tuple(find_copies(articles)))
