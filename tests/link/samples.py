"""Hand-built articles, entities and attributions for the linking tests: spans are
found in the text by the words given, so each test reads like the article it is."""

from __future__ import annotations

import re
from collections.abc import Sequence

from storytrace.records import (
    Article,
    ArticleAnalysis,
    Attribution,
    AttributionKind,
    Entity,
    EntityType,
    Span,
    Speaker,
)

__all__ = ["analysis", "entity", "quote", "span"]


def span(text: str, words: str, nth: int = 0) -> Span:
    """The ``nth`` occurrence of ``words`` in ``text``."""
    starts = [m.start() for m in re.finditer(re.escape(words), text)]
    start = starts[nth]
    return Span(start, start + len(words), words)


def entity(article: Article, n: int, name: str, type_: EntityType, *forms: str) -> Entity:
    """An entity whose mentions are every occurrence of its name and ``forms``
    (a shorter form inside a longer one is not a mention of its own)."""
    mentions: list[tuple[int, int]] = []
    for form in sorted({name, *forms}, key=len, reverse=True):
        for m in re.finditer(rf"\b{re.escape(form)}\b", article.text):
            if not any(s < m.end() and m.start() < e for s, e in mentions):
                mentions.append((m.start(), m.end()))
    mentions.sort()
    return Entity(
        id=f"{article.id}:e{n}",
        article=article.id,
        name=name,
        type=type_,
        aliases=tuple(f for f in forms if f != name),
        mentions=tuple(Span(s, e, article.text[s:e]) for s, e in mentions),
    )


def quote(
    article: Article,
    n: int,
    content: str,
    *,
    kind: AttributionKind = "direct",
    source: str | None = None,
    cue: str | None = None,
    speaker: Entity | None = None,
    description: str | None = None,
    anonymous: bool = False,
    nth: int = 0,
) -> Attribution:
    """An attribution of the ``nth`` occurrence of ``content``."""
    text = article.text
    content_span = span(text, content, nth)
    return Attribution(
        id=f"{article.id}:q{n}",
        article=article.id,
        kind=kind,
        content=content_span,
        cue=span(text, cue) if cue else None,
        source=span(text, source) if source else None,
        speaker=Speaker(
            entity=speaker.id if speaker else None,
            name=speaker.name if speaker else None,
            anonymous=anonymous,
            description=description,
        ),
        cue_lemma=cue,
    )


def analysis(
    article: Article,
    entities: Sequence[Entity] = (),
    attributions: Sequence[Attribution] = (),
) -> ArticleAnalysis:
    return ArticleAnalysis(
        article=article, entities=tuple(entities), attributions=tuple(attributions)
    )
