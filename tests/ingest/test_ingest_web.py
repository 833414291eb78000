"""http(s) inputs, served by httpx.MockTransport."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from ingest_samples import article_html

from storytrace.errors import FetchError, InputError, UnsupportedInput
from storytrace.ingest import FetchOptions, read_inputs
from storytrace.ingest.fetch import Fetcher
from storytrace.records import RawArticle

SITE = "https://news.example"
FEED = f"""<?xml version="1.0"?><rss version="2.0"><channel><title>News Example</title>
<item><title>A</title><link>{SITE}/article</link></item>
<item><title>B</title><link>{SITE}/missing</link></item>
</channel></rss>"""


def handler(request: httpx.Request) -> httpx.Response:
    path = request.url.path
    if path == "/article":
        return httpx.Response(200, html=article_html())
    if path == "/moved":
        return httpx.Response(301, headers={"Location": "/article"})
    if path == "/loop":
        return httpx.Response(302, headers={"Location": "/loop"})
    if path == "/slow":
        raise httpx.ConnectTimeout("timed out", request=request)
    if path == "/refused":
        raise httpx.ConnectError("[Errno 111] Connection refused", request=request)
    if path == "/big":
        return httpx.Response(200, html="<p>" + "x" * 2000 + "</p>")
    if path == "/big-stream":  # no Content-Length: the limit must hold while reading
        chunks = [b"<html><body>", *[b"y" * 300] * 10]
        return httpx.Response(200, headers={"Content-Type": "text/html"}, content=iter(chunks))
    if path == "/plain":
        body = "Plain caf\u00e9 text.\r\nSecond line.".encode("latin-1")
        return httpx.Response(
            200, headers={"Content-Type": "text/plain; charset=latin-1"}, content=body
        )
    if path == "/untyped":
        return httpx.Response(200, content=article_html().encode())
    if path == "/image":
        return httpx.Response(200, headers={"Content-Type": "image/png"}, content=b"\x89PNG")
    if path == "/feed":
        return httpx.Response(200, headers={"Content-Type": "application/rss+xml"}, text=FEED)
    return httpx.Response(404)


@pytest.fixture
def client() -> Iterator[httpx.Client]:
    transport = httpx.MockTransport(handler)
    with httpx.Client(transport=transport, timeout=20.0, max_redirects=5) as client:
        yield client


def read(client: httpx.Client, *paths: str, max_bytes: int = 1000) -> list[RawArticle | InputError]:
    urls = [SITE + path for path in paths]
    return list(read_inputs(urls, client=client, fetch=FetchOptions(max_bytes=max_bytes)))


def test_html_page(client: httpx.Client) -> None:
    (article,) = read(client, "/article", max_bytes=100_000)
    assert isinstance(article, RawArticle)
    assert article.input == f"{SITE}/article"
    assert article.url == f"{SITE}/article"  # where it was fetched beats the canonical link
    assert (article.title, article.outlet, article.published) == (
        "Minister resigns",
        "Daily Planet",
        "2024-03-05",
    )
    assert "she told reporters" in article.text


def test_redirect_gives_the_final_url(client: httpx.Client) -> None:
    (article,) = read(client, "/moved", max_bytes=100_000)
    assert isinstance(article, RawArticle)
    assert (article.input, article.url) == (f"{SITE}/moved", f"{SITE}/article")


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/missing", "HTTP 404 Not Found"),
        ("/slow", "connection timed out after 20s"),
        ("/refused", "cannot connect ([Errno 111] Connection refused)"),
        ("/big", "response larger than 1000 bytes"),
        ("/big-stream", "response larger than 1000 bytes"),
        ("/loop", "too many redirects (more than 5)"),
    ],
)
def test_fetch_errors(client: httpx.Client, path: str, message: str) -> None:
    (error,) = read(client, path)
    assert isinstance(error, FetchError)
    assert str(error) == f"{SITE}{path}: {message}"


def test_plain_text_uses_the_declared_charset(client: httpx.Client) -> None:
    (article,) = read(client, "/plain")
    assert article == RawArticle(
        input=f"{SITE}/plain", text="Plain café text.\nSecond line.", url=f"{SITE}/plain"
    )


def test_untyped_html_is_sniffed(client: httpx.Client) -> None:
    (article,) = read(client, "/untyped", max_bytes=100_000)
    assert isinstance(article, RawArticle)
    assert article.title == "Minister resigns"


def test_unsupported_content_type(client: httpx.Client) -> None:
    (error,) = read(client, "/image")
    assert isinstance(error, UnsupportedInput)
    assert str(error) == f"{SITE}/image: unsupported content type 'image/png'"


def test_feed_url_fetches_its_entries(client: httpx.Client) -> None:
    article, error = read(client, "/feed", max_bytes=100_000)
    assert isinstance(article, RawArticle)
    assert (article.input, article.title, article.outlet, article.url) == (
        f"{SITE}/feed#entry-1",
        "A",
        "News Example",
        f"{SITE}/article",
    )
    assert str(error) == f"{SITE}/feed#entry-2: {SITE}/missing: HTTP 404 Not Found"


def test_batch_goes_on_after_errors(client: httpx.Client) -> None:
    items = read(client, "/missing", "/slow", "/article", max_bytes=100_000)
    assert [type(i).__name__ for i in items] == ["FetchError", "FetchError", "RawArticle"]


def test_own_client_uses_the_options() -> None:
    options = FetchOptions(timeout=3.0, max_redirects=2, user_agent="test-agent/1")
    fetcher = Fetcher(options)
    client = fetcher.client
    assert client.headers["User-Agent"] == "test-agent/1"
    assert client.timeout.connect == 3.0
    assert client.max_redirects == 2
    assert client.follow_redirects
    fetcher.close()
    assert client.is_closed


def test_callers_client_is_left_open(client: httpx.Client) -> None:
    list(read_inputs([f"{SITE}/missing"], client=client))
    assert not client.is_closed


def test_own_client_end_to_end() -> None:
    # nothing listens on port 1: a real connection error, no network needed
    (error,) = read_inputs(["http://127.0.0.1:1/x"], fetch=FetchOptions(timeout=5.0))
    assert isinstance(error, FetchError)
    assert str(error).startswith("http://127.0.0.1:1/x: cannot connect (")
