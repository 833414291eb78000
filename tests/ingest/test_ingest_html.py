"""HTML files: trafilatura's main text and metadata; fragments stripped to text."""

from __future__ import annotations

from pathlib import Path

from ingest_samples import EMPTY_HTML, article_html

from storytrace.errors import EmptyInput
from storytrace.ingest import read_inputs
from storytrace.ingest.html import fragment_to_text, iso_date, sniff_charset
from storytrace.records import RawArticle


def test_article_text_and_metadata(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(article_html(), encoding="utf-8")
    (article,) = read_inputs([str(path)])
    assert isinstance(article, RawArticle)
    assert article.input == str(path)
    assert article.title == "Minister resigns"
    assert article.outlet == "Daily Planet"
    assert article.author == "Lois Lane"
    assert article.published == "2024-03-05"
    assert article.url == "https://planet.example/minister"  # the page's canonical URL
    assert '"I have no regrets," she told reporters' in article.text
    assert "Copyright" not in article.text
    assert "Home" not in article.text


def test_meta_charset_is_honoured(tmp_path: Path) -> None:
    path = tmp_path / "latin.htm"
    page = article_html(paragraphs=("Le ministre a démissionné à Genève, a-t-elle déclaré.",))
    path.write_bytes(page.replace("utf-8", "iso-8859-1").encode("latin-1"))
    (article,) = read_inputs([str(path)])
    assert isinstance(article, RawArticle)
    assert "démissionné à Genève" in article.text


def test_fragment_file_is_wrapped(tmp_path: Path) -> None:
    path = tmp_path / "fragment.html"
    path.write_text("<p>" + " ".join(["A fragment saved without its page."] * 5) + "</p>")
    (article,) = read_inputs([str(path)])
    assert isinstance(article, RawArticle)
    assert article.text.startswith("A fragment saved without its page.")


def test_no_article_text(tmp_path: Path) -> None:
    empty, blank = tmp_path / "empty.html", tmp_path / "blank.html"
    empty.write_text(EMPTY_HTML)
    blank.write_bytes(b"")
    errors = list(read_inputs([str(empty), str(blank)]))
    assert all(isinstance(e, EmptyInput) for e in errors)
    assert [str(e) for e in errors] == [
        f"{empty}: no article text found in the HTML",
        f"{blank}: no article text found in the HTML",
    ]


def test_binary_html(tmp_path: Path) -> None:
    path = tmp_path / "x.html"
    path.write_bytes(b"\x00\x01\x02<html>")
    (error,) = read_inputs([str(path)])
    assert str(error) == f"{path}: binary data, not text"


def test_fragment_to_text() -> None:
    fragment = (
        "<p>First  &amp; <b>bold</b>\n paragraph.</p><script>var x = 1;</script>"
        "<ul><li>one</li><li>two</li></ul>Tail<br>end"
    )
    assert fragment_to_text(fragment) == "First & bold paragraph.\none\ntwo\nTail\nend"
    assert fragment_to_text("") == ""


def test_helpers() -> None:
    assert sniff_charset(b'<head><meta charset="windows-1252">') == "windows-1252"
    assert sniff_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=koi8-r">')
    assert sniff_charset(b"<head></head>") is None
    assert iso_date("2024-03-05T10:00:00Z") == "2024-03-05"
    assert iso_date("2024-13-05") is None
    assert iso_date("March 5") is None
    assert iso_date(None) is None
