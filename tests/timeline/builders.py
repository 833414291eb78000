"""Hand-built articles, entities and events for timeline tests (no model)."""

from __future__ import annotations

from storytrace.records import (
    Article,
    ArticleAnalysis,
    Entity,
    Event,
    EventType,
    RelativeTime,
    Span,
    TimeExpression,
)


def span(text: str, words: str) -> Span:
    start = text.index(words)
    return Span(start, start + len(words), words)


class ArticleBuilder:
    """One article: its text, the people it names, and events over its words."""

    def __init__(self, article_id: str, text: str, published: str | None) -> None:
        self.article = Article(
            id=article_id,
            key=article_id,
            input=f"{article_id}.txt",
            text=text,
            outlet=f"Outlet {article_id}",
            published=published,
        )
        self.entities: list[Entity] = []
        self.events: list[Event] = []
        self.times: list[TimeExpression] = []

    def person(self, name: str) -> str:
        entity_id = f"{self.article.id}:e{len(self.entities) + 1}"
        mention = span(self.article.text, name)
        self.entities.append(Entity(entity_id, self.article.id, name, "PERSON", (), (mention,)))
        return entity_id

    def event(
        self,
        kind: EventType,
        trigger: str,
        people: tuple[str, ...],
        *,
        when: str | None = None,
        value: str | None = None,
        relative: tuple[str, str, str] | None = None,
    ) -> str:
        text = self.article.text
        event_id = f"{self.article.id}:v{len(self.events) + 1}"
        rel = None
        if relative is not None:
            offset, direction, anchor = relative
            rel = RelativeTime(offset, direction, anchor)  # type: ignore[arg-type]
        if when is not None and value is not None and rel is None:
            s = span(text, when)
            self.times.append(TimeExpression(self.article.id, s.start, s.end, when, "DATE", value))
        self.events.append(
            Event(
                id=event_id,
                article=self.article.id,
                type=kind,
                plover=None,
                trigger=span(text, trigger),
                what=span(text, trigger),
                evidence=Span(0, len(text), text),
                participants=people,
                when=span(text, when) if when else None,
                value=value,
                relative=rel,
            )
        )
        return event_id

    def analysis(self) -> ArticleAnalysis:
        return ArticleAnalysis(
            article=self.article,
            entities=tuple(self.entities),
            times=tuple(self.times),
            events=tuple(self.events),
        )
