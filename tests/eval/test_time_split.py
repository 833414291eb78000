"""The TBAQ split: AQUAINT halved by the parity of each file's position in name order."""

from __future__ import annotations

from pathlib import Path

import pytest

from storytrace.errors import ConfigError
from storytrace.eval.timeml import load_tbaq

TML = (
    '<?xml version="1.0" ?><TimeML><DOCID>{name}</DOCID>'
    '<DCT><TIMEX3 tid="t0" type="DATE" value="1998-08-07" functionInDocument="CREATION_TIME">'
    "1998-08-07</TIMEX3></DCT>"
    '<TEXT>It rained <TIMEX3 tid="t1" type="DATE" value="1998-08-06">Thursday</TIMEX3>.</TEXT>'
    "</TimeML>"
)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    for part, names in (("AQUAINT", ("d", "a", "c", "e", "b")), ("TimeBank", ("t",))):
        folder = tmp_path / "time" / "tbaq" / part
        folder.mkdir(parents=True)
        for name in names:
            (folder / f"{name}.tml").write_text(TML.format(name=name), encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    ("part", "ids"),
    [
        ("AQUAINT", ["a", "b", "c", "d", "e"]),
        ("AQUAINT-tune", ["a", "c", "e"]),
        ("AQUAINT-heldout", ["b", "d"]),
        ("TimeBank", ["t"]),
        ("all", ["t", "a", "b", "c", "d", "e"]),
    ],
)
def test_aquaint_halves_alternate_in_name_order(data_dir: Path, part: str, ids: list[str]) -> None:
    assert [doc.id for doc in load_tbaq(part, data_dir)] == ids


def test_a_document_keeps_its_text_and_gold(data_dir: Path) -> None:
    (doc,) = load_tbaq("TimeBank", data_dir)
    assert (doc.dct, doc.text) == ("1998-08-07", "It rained Thursday.")
    assert [(t.start, t.end, t.value) for t in doc.timexes] == [(10, 18, "1998-08-06")]


def test_an_unknown_part_is_a_config_error(data_dir: Path) -> None:
    with pytest.raises(ConfigError, match="AQUAINT-odd"):
        load_tbaq("AQUAINT-odd", data_dir)
