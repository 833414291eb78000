"""Where the main event happened when its own clause does not say: the lead's first
place after "in", "at", "near", else the dateline's.

(Preferring the lead place the article names most, as Giveme5W1H scores place
candidates by frequency, was tried: no better on giveme5w1h-dev.)
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

from storytrace.extract.event_lead import opening_end
from storytrace.extract.event_parse import (
    PLACE_LABELS,
    PLACE_PREPS,
    is_site,
    line_end,
    without_article,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as DocSpan

__all__ = ["WHERE_SENTENCES", "dateline_place", "lead_place", "located", "on_line"]

#: the main event's place is looked for in this many opening sentences (the headline
#: counts as one): tuned on giveme5w1h-dev (3 to 7 tried)
WHERE_SENTENCES: Final = 3
#: nouns whose "of" names a place: "the city of Veyle", "the village of Aldmere"
SETTLEMENT_NOUNS: Final = frozenset({
    "city", "town", "village", "county", "province", "state", "region", "district",
    "capital", "suburb", "island", "port", "borough",
})  # fmt: skip
#: a dateline: a place in capitals, maybe its date and agency, then a dash
DATELINE: Final = re.compile(
    r"(?<![\w-])([A-Z]{3,}(?: [A-Z]{2,})*)(?:, [^\n—–]{1,30}?)? (?:—|–|--|-) (?=[A-Z\"'])"
)


def lead_place(doc: Doc, dateline: set[int]) -> DocSpan | None:
    """The first place after "in", "at", "near" ("in Croydon") in the opening
    sentences, cut at the line, else the dateline's place."""
    lead_end = opening_end(doc, WHERE_SENTENCES)
    for ent in doc.ents:
        if ent.end > lead_end:
            break
        if (ent.label_ not in PLACE_LABELS and not is_site(ent)) or ent.start in dateline:
            continue
        if _after_place_prep(ent) and not _describes(ent):
            return on_line(without_article(ent))
    found = next((e for e in doc.ents if e.start in dateline and e.label_ in PLACE_LABELS), None)
    return found if found is not None else dateline_place(doc, lead_end)


def located(place: DocSpan) -> DocSpan:
    """A building or site with the town the opening sentences put it in: "Trump Tower"
    -> "Trump Tower in New York City" (the headline may name it bare, the lead
    sentence with its town): a site alone does not say which town."""
    doc = place.doc
    if place.root.ent_type_ == "GPE":
        return place
    lead_end = opening_end(doc, WHERE_SENTENCES)
    for ent in doc.ents:
        if ent.start >= lead_end:
            break
        town = _town_after(ent) if ent.text == place.text else None
        if town is not None and "\n" not in doc[ent.start : town.end].text:
            return doc[ent.start : town.end]
    return place


def _town_after(site: DocSpan) -> DocSpan | None:
    """The town named right after a site: "in New York", ", New York"."""
    doc = site.doc
    at = site.end
    if at < len(doc) and doc[at].lower_ in ("in", ","):
        at += 1
        if at < len(doc) and doc[at].lower_ == "the":
            at += 1
    else:
        return None
    return next((e for e in doc.ents if e.start == at and e.label_ == "GPE"), None)


def dateline_place(doc: Doc, lead_end: int) -> DocSpan | None:
    """The place of a dateline inside the opening sentences, after a byline or a photo
    credit ("By Ann Lee PORT HALVARD, May 4 (Wire) - The ..."): capitals, then a dash."""
    end_char = doc[lead_end - 1].idx if lead_end else 0
    for match in DATELINE.finditer(doc.text, 0, end_char):
        span = doc.char_span(match.start(1), match.end(1), alignment_mode="contract")
        if span is not None and not any(_is_organisation(t) for t in span):
            return span
    return None


def _after_place_prep(ent: DocSpan) -> bool:
    """ "in Veyle": by the parse, or by the word before it (the parser misreads a
    headline's last words as modifiers of the next line's first)."""
    if ent.root.dep_ == "pobj" and ent.root.head.lower_ in PLACE_PREPS:
        return True
    before = ent.doc[ent.start - 1] if ent.start else None
    if before is not None and before.lower_ == "the" and ent.start > 1:
        before = ent.doc[ent.start - 2]
    if before is not None and before.lower_ == "of" and ent.start > 1:
        # "in the northern city of Mazar-i-Sharif": the name of the place the lead is in
        return ent.doc[before.i - 1].lemma_.lower() in SETTLEMENT_NOUNS
    return before is not None and before.lower_ in PLACE_PREPS


def _describes(ent: DocSpan) -> bool:
    """Whether a place is in a relative clause ("who", "which"), which describes
    someone rather than the event ("three adults who lived in Marlow")."""
    token = ent.root
    while token.head.i != token.i:
        if token.dep_ == "relcl" and any(c.tag_ in ("WP", "WDT") for c in token.children):
            return True
        token = token.head
    return False


def _is_organisation(token: Token) -> bool:
    """Tagged an organisation ("USA TODAY"), by an entity within one line (one run
    across a line break is the parser's confusion: "Fans Are Outraged\n\nPhoto LONDON")."""
    if token.ent_type_ != "ORG":
        return False
    ent = next(e for e in token.doc.ents if e.start <= token.i < e.end)
    return "\n" not in ent.text


def on_line(span: DocSpan) -> DocSpan:
    """``span`` cut at the line break (the model runs a headline's last name into
    the first words of the next line: "Port Halvard\n\nPolice"), and with the rest
    of a hyphenated name the model cut ("Mazar" of "Mazar-i-Sharif")."""
    doc = span.doc
    end = min(span.end, line_end(doc, span.start))
    while (
        end + 1 < len(doc)
        and doc[end].text == "-"
        and not doc[end - 1].whitespace_
        and not doc[end].whitespace_
        and doc[end + 1].is_alpha
    ):
        end += 2
    return doc[span.start : end]
