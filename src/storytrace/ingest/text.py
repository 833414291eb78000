"""Plain-text inputs: the whole decoded file is the article body."""

from __future__ import annotations

from collections.abc import Iterator

from storytrace.errors import EmptyInput, InputError
from storytrace.ingest.decode import decode
from storytrace.ingest.options import NO_METADATA, Metadata
from storytrace.records import RawArticle

__all__ = ["read_text"]


def read_text(
    data: bytes,
    *,
    input: str,
    metadata: Metadata = NO_METADATA,
    url: str | None = None,
    charset: str | None = None,
) -> Iterator[RawArticle | InputError]:
    """Yield one article for ``data``, or the error that prevents it.

    ``url`` and ``charset`` come with fetched text; ``metadata.url`` overrides ``url``.
    """
    if not data:
        yield EmptyInput("file is empty" if url is None else "empty response", input=input)
        return
    try:
        text = decode(data, input=input, declared=charset)
    except InputError as exc:
        yield exc
        return
    if not text.strip():
        yield EmptyInput("no text (only whitespace)", input=input)
        return
    yield RawArticle(
        input=input,
        text=text,
        title=metadata.title,
        outlet=metadata.outlet,
        url=metadata.url or url,
        published=metadata.published,
    )
