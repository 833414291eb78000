"""Pull quotes: a paragraph of someone's words signed with their name.

News sites set a striking sentence apart, with its speaker's name after it and
no quotation marks or reporting verb: "The board has failed the community.
Linda Lamoureux" — "Governments will need to act. Matt Danison, Rentals.ca".
The words are the statement, the name its source.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from storytrace.extract.speaker_referents import looks_like_name

if TYPE_CHECKING:
    from storytrace.extract.entities import EntityIndex
    from storytrace.extract.quote_layout import Layout
    from storytrace.records import Entity

__all__ = ["PullQuote", "find_pull_quotes"]

#: a pull quote has at least this many words before its signature
MIN_WORDS: Final = 6
#: a signature is a name and at most this many words of affiliation ("…, Rentals.ca")
MAX_AFFILIATION_WORDS: Final = 4
#: what ends the words before a signature
ENDS: Final = frozenset('.!?"”’)')


@dataclass(frozen=True, slots=True)
class PullQuote:
    """Character spans of the words and of the signing name, and who that is."""

    words: tuple[int, int]
    name: tuple[int, int]
    entity: Entity


def find_pull_quotes(text: str, layout: Layout, index: EntityIndex) -> list[PullQuote]:
    found = []
    start = 0
    while start < len(text):
        end = text.find("\n", start)
        end = len(text) if end == -1 else end
        item = _signed(text, start, end, layout, index)
        if item is not None:
            found.append(item)
        start = end + 1
    return found


def _signed(
    text: str, start: int, end: int, layout: Layout, index: EntityIndex
) -> PullQuote | None:
    line = text[start:end].rstrip()
    if not line or layout.is_caption(start):
        return None
    # the signature: a person's name at the end, perhaps with an affiliation after a comma
    signature_end = start + len(line)
    comma = line.rfind(",")
    if comma != -1 and len(line[comma + 1 :].split()) <= MAX_AFFILIATION_WORDS:
        candidates = [signature_end, start + comma]
    else:
        candidates = [signature_end]
    for name_end in candidates:
        people = [e for e in index.within(start, name_end) if e.type == "PERSON"]
        if not people:
            continue
        person = people[-1]
        mention = max(
            (m for m in person.mentions if start <= m.start < name_end), key=lambda m: m.start
        )
        if text[mention.end : name_end].strip(" .,") or not looks_like_name(mention.text):
            continue
        before = text[start : mention.start].rstrip()
        if before[-1:] not in ENDS or len(before.split()) < MIN_WORDS:
            continue
        words_end = start + len(before.rstrip(".!?"))
        return PullQuote((start, words_end), (mention.start, mention.end), person)
    return None
