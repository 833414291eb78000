"""Plain-text files and byte decoding."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storytrace.errors import DecodeError, EmptyInput, InputError
from storytrace.ingest import Metadata, read_inputs
from storytrace.ingest.decode import decode, looks_binary
from storytrace.ingest.text import headline_of
from storytrace.records import RawArticle

TEXT = "The minister resigned on Tuesday.\nCafé owners said « non » to the plan — again.\n"


def one(path: Path, metadata: Metadata | None = None) -> RawArticle | InputError:
    items = list(read_inputs([str(path)], metadata=metadata or Metadata()))
    assert len(items) == 1, items
    return items[0]


def test_utf8_text_is_the_whole_body(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(TEXT.encode())
    assert one(path) == RawArticle(input=str(path), text=TEXT)


def test_metadata_applies_to_txt(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    meta = Metadata(title="T", outlet="O", url="https://o.example/t", published="2024-03-05")
    article = one(path, metadata=meta)
    assert isinstance(article, RawArticle)
    assert (article.title, article.outlet, article.url, article.published) == (
        "T",
        "O",
        "https://o.example/t",
        "2024-03-05",
    )


def test_crlf_and_cr_become_lf_and_nothing_else(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"  one\r\ntwo\rthree\t \n\n")
    article = one(path)
    assert isinstance(article, RawArticle)
    assert article.text == "  one\ntwo\nthree\t \n\n"


def test_latin1_text(tmp_path: Path) -> None:
    text = "Le ministre a démissionné mardi. « Je ne regrette rien », a-t-elle déclaré à Genève.\n"
    path = tmp_path / "latin.txt"
    path.write_bytes(text.encode("latin-1"))
    article = one(path)
    assert isinstance(article, RawArticle)
    assert article.text == text


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-8-sig", "utf-32"])
def test_bom_text(tmp_path: Path, encoding: str) -> None:
    boms = {"utf-16-be": codecs.BOM_UTF16_BE}
    path = tmp_path / "bom.txt"
    path.write_bytes(boms.get(encoding, b"") + TEXT.replace("\n", "\r\n").encode(encoding))
    article = one(path)
    assert isinstance(article, RawArticle)
    assert article.text == TEXT  # BOM gone, CRLF normalised


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    error = one(path)
    assert isinstance(error, DecodeError)
    assert str(error) == f"{path}: binary data, not text"


def test_empty_and_whitespace_files(tmp_path: Path) -> None:
    empty, blank = tmp_path / "empty.txt", tmp_path / "blank.txt"
    empty.write_bytes(b"")
    blank.write_bytes(b" \n\t\r\n")
    errors = list(read_inputs([str(empty), str(blank)]))
    assert all(isinstance(e, EmptyInput) for e in errors)
    assert [str(e) for e in errors] == [
        f"{empty}: file is empty",
        f"{blank}: no text (only whitespace)",
    ]


def test_invalid_text_after_bom() -> None:
    with pytest.raises(DecodeError) as info:
        decode(codecs.BOM_UTF8 + b"ok \xff\xfe", input="x.txt")
    assert str(info.value) == "x.txt: invalid UTF-8 text"


def test_declared_charset_is_used_when_utf8_fails() -> None:
    assert decode("naïve".encode("cp1252"), input="x", declared="cp1252") == "naïve"
    # a wrong label does not beat valid UTF-8
    assert decode("naïve".encode(), input="x", declared="latin-1") == "naïve"


def test_looks_binary() -> None:
    assert looks_binary(b"abc\x00def")
    assert looks_binary(bytes(range(32)) * 4)
    assert not looks_binary(b"plain text\twith\ttabs\x0c\n")
    assert not looks_binary(b"")


@pytest.fixture(scope="module")
def fuzz_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=400) | st.text(max_size=200).map(str.encode))
@pytest.mark.parametrize("name", ["any.txt", "any.jsonl"])
def test_any_bytes_give_articles_or_input_errors(fuzz_dir: Path, name: str, data: bytes) -> None:
    path = fuzz_dir / name
    path.write_bytes(data)
    items = list(read_inputs([str(path)]))
    assert items
    for item in items:
        assert isinstance(item, RawArticle | InputError)
        if isinstance(item, InputError):
            assert "\n" not in str(item)
            assert str(item).startswith(str(path))


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Envoy's Advice Revealed\nThe envoy told the aide.\n", "Envoy's Advice Revealed"),
        ("  Is the Deal Dead?  \n\nThe envoy advised the aide.\n", "Is the Deal Dead?"),
        ("The minister resigned on Tuesday.\nShe gave no reason.\n", None),
        ("“We will not move,” she said:\nThe cabinet met.\n", None),
        ("ALDMERE —\nThe cabinet met.\n", None),
        ("Resigned\nThe minister resigned.\n", None),
        ("Only one line and no body\n", None),
        (" ".join(["word"] * 26) + "\nBody.\n", None),
    ],
)
def test_headline_of(text: str, title: str | None) -> None:
    assert headline_of(text) == title


def test_a_headline_line_becomes_the_title_and_stays_in_the_body(tmp_path: Path) -> None:
    text = "Envoy's Advice Revealed in Recording\nThe envoy advised the aide on 14 October.\n"
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    article = one(path)
    assert isinstance(article, RawArticle)
    assert (article.title, article.text) == ("Envoy's Advice Revealed in Recording", text)


def test_a_given_title_wins_over_the_first_line(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Envoy's Advice Revealed\nThe envoy advised the aide.\n", encoding="utf-8")
    article = one(path, metadata=Metadata(title="Given"))
    assert isinstance(article, RawArticle) and article.title == "Given"


def test_a_sentence_first_line_is_no_title(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(TEXT.encode())
    article = one(path)
    assert isinstance(article, RawArticle) and article.title is None
