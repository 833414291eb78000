"""MEANTIME (NewsReader, English Wikinews): documents with their DCT and gold TIMEX3 spans.

Each article is a CAT/NAF-style XML file: one ``<token>`` element per token
(with its sentence number) and, under ``<Markables>``, ``<TIMEX3>`` elements
anchored to token ids. The text is rebuilt from the tokens with the spacing
an English writer would use ("World's", "(SIA)", "$5", "Airbus' jet"), and
the gold spans are character offsets into that rebuilt text.

Only the start of each article is annotated (the title, the dateline and the
first four sentences or so): the text stops after the last sentence any
markable (event, entity, time, value) is anchored in, so what the annotators
never read is not scored as false positives.

As in TempEval-3, the document creation time is not scored: sentence 1 of
every article is its dateline ("June 13, 2005"), whose TIMEX3 gives the DCT;
that line is left out of the text and of the gold. The title (sentence 0)
opens the text, followed by a blank line and the body. TIMEX3 that anchor no
token (the guidelines' empty, non-text-consuming ones) are left out.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from storytrace.errors import InputNotFound, MalformedInput
from storytrace.eval.timeml import GoldTimex, TimemlDocument
from storytrace.extract.timex import normalise

__all__ = ["load_meantime", "parse_meantime"]

#: the English, document-level annotation (the cross-document one adds nothing to TIMEX3)
MEANTIME_DIR: Final = Path("events") / "meantime" / "intra-doc_annotation"
#: sentence numbers of the title and of the dateline
TITLE_SENTENCE: Final = 0
DATELINE_SENTENCE: Final = 1
#: what separates the title from the body
TITLE_BREAK: Final = "\n\n"
#: tokens written against the word before them ("Airbus, ...", "isn't", "5%")
NO_SPACE_BEFORE: Final = frozenset({
    ",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "''", "”", "’", "...",
    "'s", "'S", "n't", "'re", "'ve", "'ll", "'d", "'m",
})  # fmt: skip
#: tokens written against the word after them ("(SIA", "$5", "“Yes")
NO_SPACE_AFTER: Final = frozenset({"(", "[", "{", "``", "“", "‘", "`", "$", "US$", "£", "€", "#"})
#: a DCT value as TimeML writes it; a few articles carry another form ("03-02-2009")
_ISO_DAY_RE: Final = re.compile(r"\d{4}-\d\d-\d\d")
#: Penn Treebank quotes written as the quote mark they stand for
PTB_QUOTES: Final = {"``": '"', "''": '"'}


@dataclass(frozen=True, slots=True)
class _Token:
    id: str
    sentence: int
    text: str


def _tokens(root: ET.Element) -> list[_Token]:
    tokens = []
    for element in root.iter("token"):
        sentence = element.get("sentence", "")
        if not sentence.isdigit():
            raise MalformedInput(f"token {element.get('t_id')!r} without a sentence number")
        tokens.append(_Token(element.get("t_id", ""), int(sentence), element.text or ""))
    return tokens


def _joins(previous: str, token: str, open_quote: bool) -> bool:
    """Whether ``token`` is written against ``previous``, with no space between."""
    if token in NO_SPACE_BEFORE or previous in NO_SPACE_AFTER:
        return True
    if token == '"':
        return open_quote  # a closing quote
    if previous == '"':
        return open_quote  # just after an opening quote
    # a possessive apostrophe ("Airbus' jet"); a quoting one opens with "`"
    return token == "'" and previous.endswith(("s", "S"))


def _last_annotated_sentence(root: ET.Element, sentence_of: dict[str, int]) -> int:
    """The last sentence any markable is anchored in: where the annotators stopped."""
    markables = root.find("Markables")
    anchored = [
        sentence_of.get(anchor.get("t_id", ""), -1)
        for markable in (markables if markables is not None else ())
        for anchor in markable.iter("token_anchor")
    ]
    return max(anchored, default=max(sentence_of.values(), default=-1))


def _rebuild(tokens: list[_Token]) -> tuple[str, dict[str, tuple[int, int]]]:
    """The text of ``tokens`` and each kept token's character span in it."""
    parts: list[str] = []
    spans: dict[str, tuple[int, int]] = {}
    pos = 0
    previous = ""
    previous_sentence = -1
    open_quote = False
    for token in tokens:
        if token.sentence == DATELINE_SENTENCE:
            continue
        text = PTB_QUOTES.get(token.text, token.text)
        if not parts:
            gap = ""
        elif previous_sentence == TITLE_SENTENCE and token.sentence != TITLE_SENTENCE:
            gap = TITLE_BREAK
        else:
            gap = "" if _joins(previous, token.text, open_quote) else " "
        if token.text == '"':
            open_quote = not open_quote
        parts.append(gap + text)
        pos += len(gap)
        spans[token.id] = (pos, pos + len(text))
        pos += len(text)
        previous, previous_sentence = token.text, token.sentence
    return "".join(parts), spans


def parse_meantime(path: Path) -> TimemlDocument:
    """One MEANTIME article as text, DCT and gold TIMEX3."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise MalformedInput(f"not valid MEANTIME XML ({exc})", input=str(path)) from exc
    tokens = _tokens(root)
    sentence_of = {token.id: token.sentence for token in tokens}
    last = _last_annotated_sentence(root, sentence_of)
    text, spans = _rebuild([token for token in tokens if token.sentence <= last])
    dct = ""
    dateline = " ".join(t.text for t in tokens if t.sentence == DATELINE_SENTENCE)
    timexes: list[GoldTimex] = []
    for element in root.iter("TIMEX3"):
        anchors = [a.get("t_id", "") for a in element.findall("token_anchor")]
        if not anchors:
            continue
        value = element.get("value", "")
        if any(sentence_of.get(a) == DATELINE_SENTENCE for a in anchors):
            if element.get("functionInDocument") == "CREATION_TIME" or not dct:
                dct = value
            continue
        if any(a not in spans for a in anchors):
            raise MalformedInput(f"TIMEX3 anchored to unknown tokens {anchors}", input=str(path))
        start = min(spans[a][0] for a in anchors)
        end = max(spans[a][1] for a in anchors)
        timexes.append(GoldTimex(start, end, element.get("type", ""), value))
    if not _ISO_DAY_RE.match(dct):  # a value in another form: the dateline's own words
        read = normalise(dateline, None)
        dct = read.value if read is not None and read.anchored else ""
    if not _ISO_DAY_RE.match(dct):
        raise MalformedInput("MEANTIME article without a dated dateline", input=str(path))
    timexes.sort(key=lambda t: (t.start, t.end))
    doc_id = root.get("doc_id") or path.stem
    return TimemlDocument(id=doc_id, dct=dct[:10], text=text, timexes=tuple(timexes))


def load_meantime(data_dir: Path) -> list[TimemlDocument]:
    """The 120 English articles, in file-name order across the four sub-corpora."""
    folder = data_dir / MEANTIME_DIR
    if not folder.is_dir():
        raise InputNotFound(
            "dataset events/meantime not found",
            input=str(folder),
            hint="pass --data-dir pointing at shared/data",
        )
    return [parse_meantime(p) for p in sorted(folder.glob("*/*.xml"))]
