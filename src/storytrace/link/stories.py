"""Developing stories: articles grouped as they arrive, with ids that never change.

:class:`~storytrace.link.story_index.StoryIndex` does the clustering (TF-IDF
of body, title and capitalised names, Miranda et al. 2018, with weights fitted
on neus_train, and an IDF prior counted there); this module chooses the model,
feeds batches, and turns assignments into :class:`~storytrace.link.records.Story` records.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

from storytrace.link.dates import day_number
from storytrace.link.embeddings import load_embedder
from storytrace.link.records import Story
from storytrace.link.story_index import Assignment, StoryIndex, StoryItem
from storytrace.link.story_model import EMBEDDING_MODEL, TEXT_MODEL
from storytrace.link.story_prior import load_prior
from storytrace.records import Article

__all__ = ["BATCH_SIZE", "build_stories", "group_stories", "story_index", "story_label"]

#: articles clustered jointly per batch (and per transaction when linking a
#: store; link/story_batch.py): a file or directory added at once up to this size
#: is one batch. The cost per article doesn't grow with it; it bounds memory and
#: how much an interrupted run redoes
BATCH_SIZE = 2048


def story_index(*, embeddings: bool = False) -> StoryIndex:
    """A new, empty index; ``embeddings`` needs the ``[embeddings]`` extra.

    The TF-IDF model starts from the shipped IDF prior it was fitted with; the
    embedding model was fitted without one (and is kept as fitted)."""
    if embeddings:
        return StoryIndex(EMBEDDING_MODEL, load_embedder())
    return StoryIndex(TEXT_MODEL, prior=load_prior())


def _item(article: Article) -> StoryItem:
    return StoryItem(article.id, article.key, article.title, article.text, article.published)


def group_stories(articles: Sequence[Article], index: StoryIndex | None = None) -> list[Story]:
    """Stories of ``articles`` (in the order given, batch by batch), in memory."""
    index = index if index is not None else story_index()
    assignments: list[Assignment] = []
    for start in range(0, len(articles), BATCH_SIZE):
        assignments += index.add_batch([_item(a) for a in articles[start : start + BATCH_SIZE]])
    labels = {a.story: a.article for a in assignments if a.opened}
    by_id = {a.id: a for a in articles}
    return build_stories(
        {a.article: a.story for a in assignments},
        {story: story_label(by_id[first]) for story, first in labels.items()},
        by_id,
    )


def story_label(article: Article) -> str:
    """An article's title, or its first words when it has none."""
    if article.title:
        return article.title
    found = article.text.split()
    return " ".join(found[:12]) + (" …" if len(found) > 12 else "")


def build_stories(
    membership: Mapping[str, str],
    labels: Mapping[str, str],
    articles: Mapping[str, Article],
) -> list[Story]:
    """Story records from article → story, story → label, and the articles.

    Stories come newest first (by their latest article), articles within a
    story in publication order (undated last).
    """
    members: dict[str, list[Article]] = defaultdict(list)
    for article_id, story_id in membership.items():
        if article_id in articles:
            members[story_id].append(articles[article_id])
    stories = []
    for story_id, found in members.items():
        found.sort(key=lambda a: (day_number(a.published) is None, day_number(a.published) or 0))
        dated = [a.published for a in found if day_number(a.published) is not None]
        # the earliest article names the story; the opener's title when none has one
        titled = next((a.title for a in found if a.title), None)
        stories.append(
            Story(
                id=story_id,
                label=titled or labels.get(story_id) or story_label(found[0]),
                articles=tuple(a.id for a in found),
                outlets=tuple(_unique(a.outlet for a in found if a.outlet)),
                first=min(dated, key=lambda d: day_number(d) or 0) if dated else None,
                last=max(dated, key=lambda d: day_number(d) or 0) if dated else None,
            )
        )
    stories.sort(key=lambda s: (-(day_number(s.last) or 0), s.id))
    return stories


def _unique(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(values))
