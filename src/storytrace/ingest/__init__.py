"""The ingest stage: turn files, directories and URLs into ``RawArticle`` records.

One module per input kind (``text``, ``jsonl``, ``html``, ``feed``, ``warc``,
``web``); ``files`` dispatches local paths by extension. Failures are yielded as
``InputError`` instances, one per input, line, record or entry, so a batch
always runs to its end.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import httpx

from storytrace.errors import InputError
from storytrace.ingest.fetch import Fetcher, is_url
from storytrace.ingest.files import SUPPORTED, read_path
from storytrace.ingest.options import DEFAULT_FETCH, NO_METADATA, FetchOptions, Metadata
from storytrace.ingest.web import read_url
from storytrace.records import RawArticle

__all__ = ["SUPPORTED", "FetchOptions", "Metadata", "read_inputs"]


def read_inputs(
    inputs: Sequence[str],
    *,
    metadata: Metadata = NO_METADATA,
    fetch: FetchOptions = DEFAULT_FETCH,
    client: httpx.Client | None = None,
) -> Iterator[RawArticle | InputError]:
    """Yield each article found in ``inputs`` (paths, directories, http(s) URLs),
    or an ``InputError`` for each input, line, record or entry that fails.

    ``metadata`` applies to ``.txt`` files. Without ``client`` one is made from
    ``fetch`` when a URL first needs it, and closed at the end.
    """
    if isinstance(inputs, str):  # a lone path would otherwise be read letter by letter
        inputs = [inputs]
    fetcher = Fetcher(fetch, client)
    try:
        for item in inputs:
            if is_url(item):
                yield from read_url(item, fetcher)
            else:
                yield from read_path(item, metadata=metadata, fetcher=fetcher)
    finally:
        fetcher.close()
