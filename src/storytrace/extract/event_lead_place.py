"""Where the main event happened when its own clause does not say: the lead's first
place after "in", "at", "near", else the dateline's.

(Preferring the lead place the article names most, as Giveme5W1H scores place
candidates by frequency, was tried: no better on giveme5w1h-dev.)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from storytrace.extract.event_lead import opening_end
from storytrace.extract.event_parse import PLACE_LABELS, PLACE_PREPS, line_end, without_article

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.tokens import Span as DocSpan

__all__ = ["WHERE_SENTENCES", "lead_place", "on_line"]

#: the main event's place is looked for in this many opening sentences (the headline
#: counts as one): tuned on giveme5w1h-dev (3 to 7 tried)
WHERE_SENTENCES: Final = 3


def lead_place(doc: Doc, dateline: set[int]) -> DocSpan | None:
    """The first place after "in", "at", "near" ("in Croydon") in the opening
    sentences, cut at the line, else the dateline's place."""
    lead_end = opening_end(doc, WHERE_SENTENCES)
    for ent in doc.ents:
        if ent.end > lead_end:
            break
        if ent.label_ in PLACE_LABELS and _after_place_prep(ent) and ent.start not in dateline:
            return on_line(without_article(ent))
    return next((e for e in doc.ents if e.start in dateline and e.label_ in PLACE_LABELS), None)


def _after_place_prep(ent: DocSpan) -> bool:
    """ "in Veyle": by the parse, or by the word before it (the parser misreads a
    headline's last words as modifiers of the next line's first)."""
    if ent.root.dep_ == "pobj" and ent.root.head.lower_ in PLACE_PREPS:
        return True
    before = ent.doc[ent.start - 1] if ent.start else None
    if before is not None and before.lower_ == "the" and ent.start > 1:
        before = ent.doc[ent.start - 2]
    return before is not None and before.lower_ in PLACE_PREPS


def on_line(span: DocSpan) -> DocSpan:
    """``span`` cut at the line break: the model runs a headline's last name into
    the first words of the next line ("Port Halvard\n\nPolice")."""
    doc = span.doc
    return doc[span.start : min(span.end, line_end(doc, span.start))]
