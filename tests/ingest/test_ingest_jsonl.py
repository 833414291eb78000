"""JSON Lines files: one article per line, one error per bad line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storytrace.errors import DecodeError, EmptyInput, InputError, MalformedInput
from storytrace.ingest import read_inputs
from storytrace.records import RawArticle


def read(path: Path) -> list[RawArticle | InputError]:
    return list(read_inputs([str(path)]))


def test_articles_and_fields(tmp_path: Path) -> None:
    path = tmp_path / "wire.jsonl"
    first = {
        "id": "mw-1",
        "text": "Line one.\r\nLine two.\rEnd.",
        "title": "T",
        "url": "https://w.example/1",
        "outlet": "Wire",
        "published": "2024-03-05",
        "author": "A. Writer",
    }
    second = {"id": 42, "text": "Numeric ids are stringified."}
    third = {"text": "No id at all is fine.", "title": None}
    lines = [json.dumps(first), "", "   ", json.dumps(second), json.dumps(third)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert read(path) == [
        RawArticle(
            input=f"{path}:1",
            text="Line one.\nLine two.\nEnd.",
            title="T",
            outlet="Wire",
            url="https://w.example/1",
            published="2024-03-05",
            author="A. Writer",
            source_id="mw-1",
        ),
        RawArticle(input=f"{path}:4", text="Numeric ids are stringified.", source_id="42"),
        RawArticle(input=f"{path}:5", text="No id at all is fine."),
    ]


def test_each_bad_line_is_its_own_error(tmp_path: Path) -> None:
    path = tmp_path / "x.jsonl"
    lines = [
        '{"id": "a", "text": "fine"}',
        '{"id": "b" "text": "x"}',
        "[1, 2]",
        '{"id": "c"}',
        '{"id": "d", "text": "  "}',
        '{"id": "e", "text": 5}',
        '{"id": true, "text": "x"}',
        '{"id": "g", "text": "x", "title": ["t"]}',
        '"just a string"',
        '{"id": "h", "text": "still read after the errors"}',
    ]
    path.write_text("\r\n".join(lines), encoding="utf-8")  # CRLF line ends are fine too
    items = read(path)
    assert [type(i).__name__ for i in items] == [
        "RawArticle",
        *["MalformedInput"] * 3,
        "EmptyInput",
        *["MalformedInput"] * 4,
        "RawArticle",
    ]
    assert [str(i) for i in items[1:-1]] == [
        f"{path}:2: line is not valid JSON (Expecting ',' delimiter at column 12)",
        f"{path}:3: line is not a JSON object (got array)",
        f'{path}:4: missing "text" field',
        f'{path}:5: "text" is empty',
        f'{path}:6: "text" must be a string, not number',
        f'{path}:7: "id" must be a string or an integer, not boolean',
        f'{path}:8: "title" must be a string, not array',
        f"{path}:9: line is not a JSON object (got string)",
    ]
    assert isinstance(items[-1], RawArticle)
    assert items[-1].input == f"{path}:10"


def test_bom_and_invalid_utf8_line(tmp_path: Path) -> None:
    path = tmp_path / "x.jsonl"
    path.write_bytes(b'\xef\xbb\xbf{"text": "bom ok"}\n{"text": "caf\xe9"}\n')
    first, second = read(path)
    assert isinstance(first, RawArticle)
    assert first.text == "bom ok"
    assert isinstance(second, DecodeError)
    assert str(second) == f"{path}:2: line is not valid UTF-8 (byte 14)"


def test_deep_nesting_is_malformed(tmp_path: Path) -> None:
    path = tmp_path / "x.jsonl"
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    (error,) = read(path)
    assert isinstance(error, MalformedInput)
    assert str(error) == f"{path}:1: line is not valid JSON (nested too deeply)"


def test_empty_and_binary_files(tmp_path: Path) -> None:
    empty, blank, binary = tmp_path / "e.jsonl", tmp_path / "b.jsonl", tmp_path / "bin.jsonl"
    empty.write_bytes(b"")
    blank.write_bytes(b"\n \n\n")
    binary.write_bytes(b'{"text": "x"}\n\x00\x01\x02')
    items = list(read_inputs([str(empty), str(blank), str(binary)]))
    assert [type(i) for i in items] == [EmptyInput, EmptyInput, DecodeError]
    assert [str(i) for i in items] == [
        f"{empty}: no JSON lines in file",
        f"{blank}: no JSON lines in file",
        f"{binary}: binary data, not text",
    ]


def test_long_file_is_streamed_in_order(tmp_path: Path) -> None:
    path = tmp_path / "many.jsonl"
    texts = [f"article {n} " + "x" * (n % 700) for n in range(300)]  # crosses read blocks
    path.write_text("".join(json.dumps({"id": n, "text": t}) + "\n" for n, t in enumerate(texts)))
    items = read(path)
    assert [i.text for i in items if isinstance(i, RawArticle)] == texts
    assert items[-1].input == f"{path}:300"


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.sampled_from(["id", "text", "title", "url", "x"]), children, max_size=5
        )
    ),
    max_leaves=12,
)


@settings(max_examples=150, deadline=None)
@given(st.lists(json_values, max_size=6))
def test_any_json_lines_give_articles_or_input_errors(
    tmp_path_factory: pytest.TempPathFactory, values: list[object]
) -> None:
    path = tmp_path_factory.getbasetemp() / "fuzz.jsonl"
    path.write_text("\n".join(json.dumps(v) for v in values), encoding="utf-8")
    for item in read(path):
        assert isinstance(item, RawArticle | InputError)
        assert "\n" not in str(item)
