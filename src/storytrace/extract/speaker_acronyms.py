"""An acronym's spelled-out name, where the article gives it ("the Parliamentary
Budget Officer … the PBO"): news introduces a body by its full name, and a
reader (and GGT's annotators) name the speaker by it."""

from __future__ import annotations

import re
from typing import Final

__all__ = ["AcronymExpander"]

#: an acronym: two to six capitals ("PBO", "RCMP"), nothing else
ACRONYM: Final = re.compile(r"[A-Z]{2,6}")
#: small words a full name may hold that its acronym skips ("Bank of Canada")
SKIPPED_WORDS: Final = frozenset({"and", "for", "of", "on", "the", "&"})
_CAPITALISED_RUN: Final = re.compile(
    r"[A-Z][\w'’-]*(?:\s+(?:(?:and|for|of|on|the|&)\s+)*[A-Z][\w'’-]*)+"
)
#: articles a run may open with, not part of the name
_ARTICLE: Final = re.compile(r"^(?:The|A|An)\s+")


class AcronymExpander:
    """Spelled-out names of one article's acronyms, found on demand."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._found: dict[str, str | None] = {}

    def expand(self, name: str) -> str | None:
        """The first run of capitalised words in the article whose initials spell
        ``name``, if ``name`` is an acronym and there is one."""
        if not ACRONYM.fullmatch(name):
            return None
        if name not in self._found:
            self._found[name] = next(
                (
                    _ARTICLE.sub("", m.group(0))
                    for m in _CAPITALISED_RUN.finditer(self._text)
                    if _spells(_ARTICLE.sub("", m.group(0)), name)
                ),
                None,
            )
        return self._found[name]


def _spells(run: str, acronym: str) -> bool:
    words = [w for w in run.split() if w.lower() not in SKIPPED_WORDS]
    return "".join(w[0] for w in words) == acronym
