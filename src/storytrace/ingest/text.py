"""Plain-text inputs: the whole decoded file is the article body.

A text file often starts with its headline on a line of its own (copied from a
page, or saved by a scraper). That line is also taken as the title when none is
given, so that lists and story labels show a headline rather than a file name;
the body keeps it, so every span still indexes the file as read.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from storytrace.errors import EmptyInput, InputError
from storytrace.ingest.decode import decode
from storytrace.ingest.options import NO_METADATA, Metadata
from storytrace.records import RawArticle

__all__ = ["HEADLINE_MAX_WORDS", "headline_of", "read_text"]

#: longest first line taken for a headline: news headlines run 6-15 words and
#: rarely past 20; a longer line is the lede's first sentence
HEADLINE_MAX_WORDS: Final = 25
#: a line ending like a sentence (or a dateline's dash) is body text, not a headline
_SENTENCE_END = re.compile(r"[.,;:\u2014\u2013-][\"'\u201d\u2019)]*\s*$")


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
        title=metadata.title or headline_of(text),
        outlet=metadata.outlet,
        url=metadata.url or url,
        published=metadata.published,
    )


def headline_of(text: str) -> str | None:
    """The first line when it reads as a headline above the body, else None.

    A headline is a short line (2 to :data:`HEADLINE_MAX_WORDS` words) that does
    not end like a sentence and is followed by more text.
    """
    lines = [line.strip() for line in text.splitlines()]
    filled = [line for line in lines if line]
    if len(filled) < 2:
        return None
    first = filled[0]
    words = first.split()
    if not 2 <= len(words) <= HEADLINE_MAX_WORDS or _SENTENCE_END.search(first):
        return None
    return first
