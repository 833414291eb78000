"""RSS/Atom feeds: entries with full content, entries whose link must be fetched."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from ingest_samples import article_html

from storytrace.errors import EmptyInput, FetchError, InputError, MalformedInput
from storytrace.ingest import read_inputs
from storytrace.records import RawArticle

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Daily Planet</title><link>https://planet.example/</link>
<item><title>Full content</title><link>https://planet.example/a</link>
  <pubDate>Tue, 05 Mar 2024 23:30:00 +0000</pubDate><dc:creator>Lois Lane</dc:creator>
  <description>Teaser only.</description>
  <content:encoded><![CDATA[<p>First paragraph &amp; more.</p><p>"Quote," she said.</p>]]>
  </content:encoded></item>
<item><title>Needs fetching</title><link>https://planet.example/b</link>
  <pubDate>Wed, 06 Mar 2024 08:00:00 GMT</pubDate><description>Teaser.</description></item>
<item><title>Gone</title><link>https://planet.example/gone</link></item>
<item><title>Summary only</title>
  <description>&lt;p&gt;A summary with no link.&lt;/p&gt;</description></item>
<item><title>Nothing</title></item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title type="html">Wire &amp;amp; Co</title>
<id>urn:wire</id><updated>2024-03-07T00:00:00Z</updated>
<entry><title>Plain</title><id>urn:1</id><updated>2024-03-07T09:00:00Z</updated>
  <author><name>A. Writer</name></author>
  <content type="text">Plain text body.
Second line.</content></entry>
<entry><title>Whole page</title><id>urn:2</id><published>2024-03-01T09:00:00Z</published>
  <content type="html">{page}</content></entry>
</feed>
"""


def pages(request: httpx.Request) -> httpx.Response:
    if request.url.path == "/b":
        return httpx.Response(200, html=article_html("Page title", date="2024-01-01"))
    return httpx.Response(404)


@pytest.fixture
def client() -> Iterator[httpx.Client]:
    with httpx.Client(transport=httpx.MockTransport(pages)) as client:
        yield client


def read(path: Path, client: httpx.Client) -> list[RawArticle | InputError]:
    return list(read_inputs([str(path)], client=client))


def test_rss_entries(tmp_path: Path, client: httpx.Client) -> None:
    path = tmp_path / "feed.xml"
    path.write_text(RSS, encoding="utf-8")
    full, fetched, gone, summary, nothing = read(path, client)
    assert full == RawArticle(
        input=f"{path}#entry-1",
        text='First paragraph & more.\n"Quote," she said.',
        title="Full content",
        outlet="Daily Planet",
        url="https://planet.example/a",
        published="2024-03-05",
        author="Lois Lane",
    )
    # the fetched page gives the text; the feed's metadata wins where it has some
    assert isinstance(fetched, RawArticle)
    assert fetched.input == f"{path}#entry-2"
    assert (fetched.title, fetched.outlet, fetched.published, fetched.author) == (
        "Needs fetching",
        "Daily Planet",
        "2024-03-06",
        "Lois Lane",
    )
    assert fetched.url == "https://planet.example/b"
    assert '"I have no regrets," she told reporters' in fetched.text
    assert isinstance(gone, FetchError)
    assert str(gone) == f"{path}#entry-3: https://planet.example/gone: HTTP 404 Not Found"
    assert isinstance(summary, RawArticle)
    assert (summary.text, summary.url) == ("A summary with no link.", None)
    assert isinstance(nothing, EmptyInput)
    assert str(nothing) == f"{path}#entry-5: entry has no content and no link to fetch"


def test_atom_entries(tmp_path: Path, client: httpx.Client) -> None:
    path = tmp_path / "wire.atom"
    page = article_html().replace("&", "&amp;").replace("<", "&lt;")
    path.write_text(ATOM.format(page=page), encoding="utf-8")
    plain, whole = read(path, client)
    assert plain == RawArticle(
        input=f"{path}#entry-1",
        text="Plain text body.\nSecond line.",
        title="Plain",
        outlet="Wire & Co",
        published="2024-03-07",
        author="A. Writer",
    )
    assert isinstance(whole, RawArticle)
    assert whole.published == "2024-03-01"
    assert whole.text.startswith("Minister resigns\nThe minister resigned on Tuesday")
    assert "Copyright" not in whole.text


@pytest.mark.parametrize(
    ("content", "error", "message"),
    [
        ("", EmptyInput, "file is empty"),
        ("this is not xml", MalformedInput, "not a valid RSS/Atom feed (syntax error)"),
        (
            '<?xml version="1.0"?><urlset><url>x</url></urlset>',
            MalformedInput,
            "not a valid RSS/Atom feed (no feed elements found)",
        ),
        (
            '<rss version="2.0"><channel><title>x</title></channel></rss>',
            EmptyInput,
            "feed has no entries",
        ),
    ],
)
def test_bad_feeds(
    tmp_path: Path, client: httpx.Client, content: str, error: type, message: str
) -> None:
    path = tmp_path / "feed.rss"
    path.write_text(content, encoding="utf-8")
    (item,) = read(path, client)
    assert isinstance(item, error)
    assert str(item) == f"{path}: {message}"
