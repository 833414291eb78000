"""The circumstances of a reported statement: to whom, where or how, and how surely.

Read off the parse around a cue:

* **addressee** — the object of a verb of telling ("told Ushakov", "informed
  Yuri Ushakov", "told reporters", "told the Daily Mail") or the person after
  "to" ("said to his aides");
* **channel** — a prepositional phrase naming a medium, an occasion or a place
  ("in the recorded call", "in a video posted on his X account", "on Air Force
  One", "in a statement"), or the news outlet a statement was made to ("as
  detailed by … to the Wall Street Journal");
* **hedge** — words by which the reporter keeps a distance ("reportedly",
  "allegedly", "appears to", "is said to"), and "according to" an unnamed
  source ("according to people familiar with the talks").

A participle cue ("…, saying: “…”") shares the circumstances of the verb it
hangs from ("In the recorded call, Witkoff informed Yuri Ushakov, …, saying").
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Final

from storytrace.extract.cues import (
    CHANNEL_NOUNS,
    HEDGE_ADVERBS,
    HEDGE_VERBS,
    TELLING_VERBS,
)
from storytrace.extract.entities import NEWS_ORGS, normalise_name

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["addressee_of", "channel_of", "hedge_of"]

#: prepositions that introduce a medium, occasion or place of speaking
CHANNEL_PREPOSITIONS: Final = frozenset({"in", "on", "during", "at", "via", "through", "over"})
#: objects that are not addressees even after a verb of telling ("told the truth")
NOT_ADDRESSEES: Final = frozenset({"truth", "lie", "story", "joke", "that", "it", "this"})
#: relations by which a participle cue hangs from the verb whose circumstances it shares
PARTICIPLE_DEPS: Final = frozenset({"advcl", "xcomp", "conj"})

#: relations that end a person's phrase: what follows describes, not names, them
PHRASE_ENDS: Final = frozenset({"relcl", "acl", "prep"})

Span = tuple[int, int]


def _span(first: Token, last: Token) -> Span | None:
    """Characters from ``first`` to ``last``; None across a line break (a heading)."""
    start, end = int(first.idx), int(last.idx) + len(last.text)
    words = first.doc[first.i : last.i + 1].text  # not doc.text: rebuilt on every access
    return None if "\n" in words else (start, end)


def _phrase(token: Token) -> Span | None:
    """``token``'s phrase without a trailing appositive or relative clause."""
    doc = token.doc
    last = token
    for k in range(token.i + 1, int(token.right_edge.i) + 1):
        if doc[k].text in (",", "(", "—", "–", ";", ":") or doc[k].dep_ in PHRASE_ENDS:
            break
        last = doc[k]
    while last.i > token.i and last.is_punct:
        last = doc[last.i - 1]
    return _span(token.left_edge, last)


def _verbs(cue: Token) -> Iterator[Token]:
    """The cue, then the verb a participle cue hangs from ("…, saying")."""
    yield cue
    if cue.tag_ == "VBG" and cue.dep_ in PARTICIPLE_DEPS and cue.head.i != cue.i:
        yield cue.head


def _is_outlet(token: Token) -> bool:
    words = token.doc[token.left_edge.i : token.i + 1].text
    return normalise_name(words) in NEWS_ORGS or normalise_name(token.text) in NEWS_ORGS


def addressee_of(cue: Token) -> Span | None:
    """Whom the statement at ``cue`` was made to, if the sentence says."""
    for verb in _verbs(cue):
        lemma = str(verb.lemma_).lower()
        # nearest first: the parser may hang a heading's word on the verb too
        for child in sorted(verb.children, key=lambda c: abs(c.i - verb.i)):
            target: Token | None = None
            if child.dep_ in ("dobj", "dative") and lemma in TELLING_VERBS:
                if child.lower_ not in NOT_ADDRESSEES:
                    target = child
            elif child.dep_ in ("prep", "dative") and child.lower_ == "to":
                target = next((c for c in child.children if c.dep_ == "pobj"), None)
                if target is not None and (_is_outlet(target) or target.ent_type_ == "GPE"):
                    target = None  # a venue ("to the Wall Street Journal"), a place
            if target is not None and target.pos_ in ("PROPN", "NOUN", "PRON"):
                span = _phrase(target)
                if span is not None:
                    return span
    return None


def _channel_preps(verb: Token) -> Iterator[Token]:
    """Prepositions on ``verb``, and on its agent ("as detailed by X to the Journal")."""
    for child in verb.children:
        if child.dep_ == "prep":
            yield child
        elif child.dep_ == "agent":
            for pobj in child.children:
                yield from (c for c in pobj.children if c.dep_ == "prep" and c.lower_ == "to")


def channel_of(cue: Token) -> Span | None:
    """Where or how the statement at ``cue`` was made, if the sentence says."""
    for verb in _verbs(cue):
        for child in _channel_preps(verb):
            target = next((c for c in child.children if c.dep_ == "pobj"), None)
            if target is None:
                continue
            if child.lower_ == "to" and _is_outlet(target):
                return _span(child, target.right_edge)  # "to the Wall Street Journal"
            if child.lower_ not in CHANNEL_PREPOSITIONS:
                continue
            named_place = target.ent_type_ in ("FAC", "ORG", "PRODUCT") and target.pos_ == "PROPN"
            if str(target.lemma_).lower() in CHANNEL_NOUNS or named_place:
                return _span(child, target.right_edge)
    return None


def hedge_of(cue: Token, content: Span) -> Span | None:
    """Hedging words: a hedging verb as the cue or above it ("appears to",
    "is said to"), or a hedging adverb on the cue or on a verb of the content."""
    doc = cue.doc
    for verb in (cue, cue.head):
        if str(verb.lemma_).lower() in HEDGE_VERBS:
            after = verb.i + 1
            last = doc[after] if after < len(doc) and doc[after].lower_ == "to" else verb
            return _span(verb, last)
    start, end = content
    for token in cue.sent:
        if token.lower_ not in HEDGE_ADVERBS:
            continue
        head = token.head
        on_content = start <= int(head.idx) < end and head.pos_ in ("VERB", "AUX")
        if head.i == cue.i or on_content:
            return _span(token, token)
    return None
