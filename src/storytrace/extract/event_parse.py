"""Reading an event off the dependency parse: its subject, its predicate phrase,
its participants' noun phrases, and which words name an event at all.

Helpers for :mod:`storytrace.extract.events`, on spaCy tokens; no state.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from storytrace.extract.event_types import trigger_type
from storytrace.records import EventType

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as DocSpan

__all__ = [
    "CLAUSE_DEPS",
    "MAX_HOPS",
    "PLACE_LABELS",
    "PLACE_PREPS",
    "SITE_WORDS",
    "child_trigger",
    "governed_by",
    "is_phone_call",
    "is_site",
    "line_end",
    "line_start",
    "names_place",
    "phrase_of",
    "predicate",
    "statement",
    "subject_of",
    "without_article",
    "word_type",
]

#: how far up the parse a time expression looks for the event it dates
#: (the October 19 -> Oval -> Office -> meeting is 3; 6 leaves room for a prep chain)
MAX_HOPS: Final = 6
#: dependents that open another clause: their words belong to another event
CLAUSE_DEPS: Final = frozenset({
    "ccomp", "advcl", "relcl", "acl", "xcomp", "parataxis", "csubj", "csubjpass", "appos",
    "mark", "punct", "cc",
})  # fmt: skip
#: prepositions that introduce a place
PLACE_PREPS: Final = frozenset({"in", "at", "near", "outside", "inside", "across", "on"})
#: spaCy labels of places (FAC: "the White House", "Trump Tower")
PLACE_LABELS: Final = frozenset({"GPE", "LOC", "FAC"})
#: last words of a site's name: an organisation so named after "in" or "at" is a place
#: ("in the Oval Office", "at Progressive Field"), whatever the model calls it
SITE_WORDS: Final = frozenset({
    "office", "house", "tower", "towers", "field", "stadium", "arena", "square", "park",
    "hall", "airport", "station", "street", "avenue", "bridge", "hospital", "circuit",
})  # fmt: skip
#: nouns that count an event rather than name it ("a day of talks", "a round of strikes")
QUANTITY_NOUNS: Final = frozenset({"day", "round", "series", "week", "night", "wave", "hour"})
#: a "what" longer than this many tokens is cut: an answer, not a paragraph
MAX_WHAT_TOKENS: Final = 12
#: dependents of a predicate kept in its "what" phrase
WHAT_DEPS: Final = frozenset({
    "dobj", "dative", "prt", "neg", "prep", "acomp", "attr", "oprd", "xcomp", "advmod",
    "npadvmod", "compound", "amod", "nummod", "poss", "nmod", "case",
})  # fmt: skip


def is_phone_call(verb: Token) -> bool:
    """ "Putin called Trump" is a call; "called him a liar", "called for talks" are not."""
    deps = {c.dep_ for c in verb.children}
    if deps & {"oprd", "xcomp", "ccomp", "attr", "acomp"}:
        return False
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("for", "on", "off")):
        # "called for talks", "called on Kyiv to": not a call; "called him on Thursday" is
        if not any(o.ent_type_ in ("DATE", "TIME") for o in prep.children):
            return False
    return any(
        c.dep_ == "dobj" and (c.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or c.pos_ == "PROPN")
        for c in verb.children
    )


def child_trigger(verb: Token, deps: tuple[str, ...]) -> tuple[Token, EventType] | None:
    """A dependent of ``verb`` that names an event, looking through "a day of" talks."""
    for child in verb.children:
        if child.dep_ not in deps:
            continue
        kind = trigger_type(child.lemma_, noun=True)
        if kind is not None:
            return child, kind
        if child.lemma_ in QUANTITY_NOUNS:
            for prep in (c for c in child.children if c.dep_ == "prep" and c.lower_ == "of"):
                for noun in (c for c in prep.children if c.dep_ == "pobj"):
                    kind = trigger_type(noun.lemma_, noun=True)
                    if kind is not None:
                        return noun, kind
    return None


def word_type(token: Token) -> EventType | None:
    if token.pos_ in ("NOUN", "PROPN"):
        return trigger_type(token.lemma_, noun=True)
    if token.pos_ in ("VERB", "AUX"):
        if token.lemma_.lower() == "call":
            return "call" if is_phone_call(token) else None
        return trigger_type(token.lemma_, noun=False)
    return None


def subject_of(clause: Token, skip: set[int]) -> Token | None:
    """The subject of ``clause``, outside ``skip`` (a dateline); a verb without one ("to
    meet", "before meeting") takes its governing verb's, "who" its antecedent."""
    token = clause
    for _ in range(MAX_HOPS):
        for child in token.children:
            if child.dep_ in ("nsubj", "nsubjpass") and child.i not in skip:
                if child.tag_ in ("WP", "WDT") and token.dep_ == "relcl":
                    return token.head
                return child
        if token.pos_ not in ("VERB", "AUX") or token.dep_ not in ("xcomp", "pcomp", "advcl"):
            return None
        token = token.head
        while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
            token = token.head
    return None


def governed_by(token: Token, root: Token) -> bool:
    """Whether ``token`` hangs on ``root`` without crossing into another clause."""
    for _ in range(MAX_HOPS):
        if token.i == root.i:
            return True
        if token.dep_ in CLAUSE_DEPS or token.head.i == token.i:
            return False
        token = token.head
    return False


def phrase_of(token: Token) -> DocSpan:
    """A noun phrase without its relative clause, apposition or trailing prepositions."""
    doc = token.doc
    start = token.left_edge.i
    end = token.i + 1
    for child in token.rights:
        if child.dep_ in ("compound", "flat", "nummod") or (
            child.dep_ == "conj" and child.ent_type_
        ):
            end = child.right_edge.i + 1 if child.dep_ == "conj" else child.i + 1
        else:
            break
    while start < token.i and doc[start].dep_ in ("det", "punct", "cc"):
        start += 1
    start = max(start, line_start(doc, token.i))
    return doc[start : min(end, line_end(doc, token.i))]


def line_end(doc: Doc, i: int) -> int:
    """The first token after ``i`` that breaks the line (a phrase never crosses one)."""
    for token in doc[i:]:
        if token.is_space and "\n" in token.text:
            return token.i
    return len(doc)


def line_start(doc: Doc, i: int) -> int:
    for j in range(i - 1, -1, -1):
        if doc[j].is_space and "\n" in doc[j].text:
            return j + 1
    return 0


def predicate(trigger: Token, skip: set[int], *, auxiliaries: bool = False) -> DocSpan:
    """The predicate phrase: the event word and what completes it ("met with Obama");
    with ``auxiliaries``, a verb's auxiliaries too ("has come under fire")."""
    doc = trigger.doc
    start = trigger.i
    if trigger.pos_ in ("NOUN", "PROPN"):  # "Oval Office meeting": its modifiers
        for child in trigger.lefts:
            if child.dep_ in WHAT_DEPS and not any(t.i in skip for t in child.subtree):
                start = child.left_edge.i
                break
    else:  # "did not respond", "is visiting": negation and particles before the verb
        kept = ("neg", "prt", "aux", "auxpass") if auxiliaries else ("neg", "prt")
        for child in trigger.lefts:
            if child.dep_ in kept and child.i not in skip:
                start = min(start, child.i)
    end = trigger.i + 1
    for child in trigger.rights:
        if child.i in skip or child.dep_ not in WHAT_DEPS or child.ent_type_ in ("DATE", "TIME"):
            break
        if child.dep_ == "prep" and child.lower_ in PLACE_PREPS and names_place(child):
            break
        end = child.right_edge.i + 1
        # "reach a boy [who is trapped in the well]": the object's relative clause
        # describes it, and is no part of what happened
        clauses = [t.i for t in child.subtree if t.dep_ == "relcl" and t.i > child.i]
        if clauses:
            end = min(end, min(doc[i].left_edge.i for i in clauses))
            break
        if any(t.i in skip for t in doc[child.i : end]):
            end = min(t.i for t in doc[child.i : end] if t.i in skip)
            break
    end = min(end, start + MAX_WHAT_TOKENS, line_end(doc, trigger.i))
    # no dangling "on", "the" or "and" where a date, place or clause was cut off
    while end - 1 > trigger.i and _dangles(doc[end - 1]):
        end -= 1
    return doc[start:end]


def _dangles(token: Token) -> bool:
    """A word that cannot end a phrase: "on", "the", "and", a relative "who"."""
    return (
        token.is_punct
        or token.pos_ in ("ADP", "DET", "CCONJ", "SCONJ", "PART")
        or token.tag_ in ("WP", "WDT", "WRB")
    )


def statement(verb: Token, skip: set[int]) -> DocSpan:
    """A reporting verb with what it reports ("insisted he would keep fighting"),
    cut at ``MAX_WHAT_TOKENS`` and at the line: the saying alone says nothing."""
    doc = verb.doc
    said = predicate(verb, skip, auxiliaries=True)
    reported = next((c for c in verb.rights if c.dep_ == "ccomp"), None)
    if reported is None:
        return said
    end = min(reported.right_edge.i + 1, said.start + MAX_WHAT_TOKENS, line_end(doc, verb.i))
    # cut at a date or dateline in what is reported (one before it is kept: "said on
    # Sunday he would win")
    end = next((i for i in range(reported.i, end) if i in skip), end)
    while end - 1 > verb.i and _dangles(doc[end - 1]):
        end -= 1
    return doc[said.start : max(end, said.end)]


def is_site(ent: DocSpan) -> bool:
    """An organisation named as a site ("the Oval Office", "Trump Tower")."""
    return ent.label_ == "ORG" and ent[-1].lower_ in SITE_WORDS


def names_place(prep: Token) -> bool:
    return any(c.dep_ == "pobj" and c.ent_type_ in (*PLACE_LABELS, "ORG") for c in prep.children)


def without_article(span: DocSpan) -> DocSpan:
    if len(span) > 1 and span[0].lower_ == "the":
        return span[1:]
    return span
