"""HTTP fetching with httpx: size limit while streaming, one clear error per failure."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import httpx

from storytrace.errors import FetchError, UnsupportedInput
from storytrace.ingest.options import FetchOptions

__all__ = ["Fetched", "Fetcher", "PageKind", "classify", "is_url"]

PageKind = Literal["html", "feed", "text"]

_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_FEED_TYPES = frozenset({"application/rss+xml", "application/atom+xml", "application/rdf+xml"})
_XML_TYPES = frozenset({"application/xml", "text/xml"})
_UNTYPED = frozenset({"", "application/octet-stream", "binary/octet-stream"})
_FEED_MARKERS = (b"<rss", b"<feed", b"<rdf:rdf")


def is_url(value: str) -> bool:
    """True for the http(s) URLs that ``read_inputs`` fetches."""
    return value.lower().startswith(("http://", "https://"))


@dataclass(frozen=True)
class Fetched:
    """A fetched response: final URL after redirects, media type, charset and body."""

    url: str
    media_type: str
    charset: str | None
    body: bytes


def _sniff(body: bytes) -> PageKind | None:
    head = body[:2048].lstrip().lower()
    if any(marker in head for marker in _FEED_MARKERS):
        return "feed"
    if b"<html" in head or head.startswith(b"<!doctype html"):
        return "html"
    return None


def classify(fetched: Fetched, *, input: str) -> PageKind:
    """Which reader handles this response, by content type and, if vague, by sniffing."""
    media = fetched.media_type
    kind: PageKind | None
    if media in _HTML_TYPES:
        kind = "html"
    elif media in _FEED_TYPES:
        kind = "feed"
    elif media == "text/plain":
        kind = "text"
    elif media in _XML_TYPES or media in _UNTYPED:
        kind = _sniff(fetched.body)
    else:
        kind = None
    if kind is None:
        raise UnsupportedInput(f"unsupported content type '{media or 'none'}'", input=input)
    return kind


class Fetcher:
    """Fetches URLs with the caller's client, or one made (lazily) from ``options``."""

    def __init__(self, options: FetchOptions, client: httpx.Client | None = None) -> None:
        self.options = options
        self._client = client
        self._owned: httpx.Client | None = None

    @property
    def client(self) -> httpx.Client:
        if self._client is None:
            self._owned = self._client = httpx.Client(
                timeout=self.options.timeout,
                follow_redirects=True,
                max_redirects=self.options.max_redirects,
                headers={"User-Agent": self.options.user_agent},
            )
        return self._client

    def close(self) -> None:
        """Close the client if this fetcher made it (a caller's client stays open)."""
        if self._owned is not None:
            self._owned.close()
            self._owned = self._client = None

    def get(self, url: str) -> Fetched:
        """GET ``url``; raises FetchError (``input`` = url) for every kind of failure."""
        client = self.client
        try:
            # follow_redirects per request: a caller's client may not have it on
            with client.stream("GET", url, follow_redirects=True) as response:
                response.raise_for_status()
                body = self._read(response, url)
        except httpx.HTTPStatusError as exc:
            status = f"HTTP {exc.response.status_code} {exc.response.reason_phrase}"
            raise FetchError(status.rstrip(), input=url) from None  # unknown codes: no phrase
        except httpx.TooManyRedirects:
            limit = client.max_redirects
            raise FetchError(f"too many redirects (more than {limit})", input=url) from None
        except httpx.ConnectTimeout:
            raise FetchError(f"connection timed out{self._after()}", input=url) from None
        except httpx.TimeoutException:
            raise FetchError(f"timed out{self._after()}", input=url) from None
        except httpx.ConnectError as exc:
            raise FetchError(f"cannot connect ({_detail(exc)})", input=url) from None
        except (httpx.InvalidURL, httpx.UnsupportedProtocol) as exc:
            raise FetchError(f"invalid URL ({_detail(exc)})", input=url) from None
        except httpx.HTTPError as exc:
            raise FetchError(f"request failed ({_detail(exc)})", input=url) from None
        content_type = response.headers.get("content-type", "")
        media = content_type.split(";", 1)[0].strip().lower()
        return Fetched(str(response.url), media, response.charset_encoding, body)

    def _after(self) -> str:
        seconds = self.client.timeout.connect or self.client.timeout.read
        return f" after {seconds:g}s" if seconds else ""

    def _read(self, response: httpx.Response, url: str) -> bytes:
        limit = self.options.max_bytes
        too_large = FetchError(f"response larger than {limit} bytes", input=url)
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            raise too_large
        chunks: list[bytes] = []
        size = 0
        # counted after content decoding, so a small gzip bomb is caught too
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > limit:
                raise too_large
            chunks.append(chunk)
        return b"".join(chunks)


def _detail(exc: Exception) -> str:
    text = " ".join(str(exc).split())
    return text or type(exc).__name__
