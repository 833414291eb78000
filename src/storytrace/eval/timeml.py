"""TimeML (TempEval-3) documents: plain text, the DCT, and gold TIMEX3 spans.

The split the time normaliser is developed on (TBAQ is TempEval-3's training
data; its platinum test set is scored elsewhere):

* tuned on: TimeBank (183 documents), MEANTIME (see
  :mod:`storytrace.eval.meantime`) and the AQUAINT documents at even positions
  when AQUAINT's files are sorted by name, counting from 0 (``AQUAINT-tune``,
  37 documents);
* held out: the AQUAINT documents at odd positions (``AQUAINT-heldout``, 36
  documents). Their scores are reported, before and after a change; their
  errors are never looked at to write or tune a rule.

Before this split the whole of AQUAINT was held out; ``AQUAINT`` still loads
all of it.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from storytrace.errors import ConfigError, InputNotFound, MalformedInput

__all__ = ["AQUAINT_HALVES", "GoldTimex", "TimemlDocument", "load_tbaq", "parse_timeml"]

TBAQ_PARTS = ("TimeBank", "AQUAINT")
#: the halves of AQUAINT, by the parity of a file's position in name order
AQUAINT_HALVES = {"AQUAINT-tune": 0, "AQUAINT-heldout": 1}


@dataclass(frozen=True, slots=True)
class GoldTimex:
    start: int
    end: int
    type: str
    value: str


@dataclass(frozen=True, slots=True)
class TimemlDocument:
    id: str
    dct: str
    text: str
    timexes: tuple[GoldTimex, ...]


def _walk(element: ET.Element, parts: list[str], timexes: list[GoldTimex], pos: int) -> int:
    if element.text:
        parts.append(element.text)
        pos += len(element.text)
    for child in element:
        start = pos
        pos = _walk(child, parts, timexes, pos)
        if child.tag == "TIMEX3":
            timexes.append(GoldTimex(start, pos, child.get("type", ""), child.get("value", "")))
        if child.tail:
            parts.append(child.tail)
            pos += len(child.tail)
    return pos


def parse_timeml(path: Path) -> TimemlDocument:
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise MalformedInput(f"not valid TimeML ({exc})", input=str(path)) from exc
    text_el = root.find("TEXT")
    dct_el = root.find("DCT/TIMEX3")
    if text_el is None or dct_el is None:
        raise MalformedInput("TimeML without TEXT or DCT", input=str(path))
    parts: list[str] = []
    timexes: list[GoldTimex] = []
    _walk(text_el, parts, timexes, 0)
    return TimemlDocument(
        id=path.stem, dct=dct_el.get("value", ""), text="".join(parts), timexes=tuple(timexes)
    )


def load_tbaq(part: str, data_dir: Path) -> list[TimemlDocument]:
    """``part`` is "TimeBank", "AQUAINT", "all", or a half of AQUAINT: "AQUAINT-tune"
    (the files at even positions in name order) or "AQUAINT-heldout" (odd ones)."""
    parity = AQUAINT_HALVES.get(part)
    if parity is not None:
        return [doc for i, doc in enumerate(load_tbaq("AQUAINT", data_dir)) if i % 2 == parity]
    if part != "all" and part not in TBAQ_PARTS:
        known = ", ".join(("all", *TBAQ_PARTS, *AQUAINT_HALVES))
        raise ConfigError(f"unknown TBAQ part {part!r}", hint=f"choose one of: {known}")
    parts = TBAQ_PARTS if part == "all" else (part,)
    docs = []
    for name in parts:
        folder = data_dir / "time" / "tbaq" / name
        if not folder.is_dir():
            raise InputNotFound(
                f"dataset tbaq/{name} not found",
                input=str(folder),
                hint="pass --data-dir pointing at shared/data",
            )
        docs += [parse_timeml(p) for p in sorted(folder.glob("*.tml"))]
    return docs
