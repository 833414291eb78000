"""Titles and role descriptions printed next to a person's name, and the reverse:
which person a role description alone ("the Kremlin leader's chief foreign policy
advisor") points at.

Three layouts are read, all anchored on an entity mention so nothing is guessed
from free text:

- a title before the name: "Foreign Minister Tomas Reyner", "Trump's special envoy Steve Witkoff"
- an appositive after it: "Yuri Ushakov, the top foreign policy aide to Russian president ..."
- an appositive before it: "the Lisrenian envoy, Aurelio Danes, had ..."

A role must end in (or be headed by) a known role noun, which keeps sentence
fragments out at the price of unusual titles.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from storytrace.link.words import fold, lexicon

__all__ = ["ROLE_NOUNS", "RolePhrase", "description_matches", "roles_around"]

#: nouns that head a title or role ("special envoy", "foreign minister")
ROLE_NOUNS = lexicon(
    """president minister senator representative rep envoy adviser advisor aide spokesman
    spokeswoman spokesperson secretary mayor director chairman chairwoman chair chief leader
    ambassador diplomat negotiator mediator governor general commander official premier
    chancellor king queen prince head founder ceo executive economist analyst lawmaker
    congressman congresswoman mp judge prosecutor attorney lawyer correspondent editor
    dr doctor professor coordinator delegate commissioner speaker candidate deputy
    strategist counsel counsellor counselor emissary administrator officer"""
)
#: words that may qualify a role noun ("top foreign-policy", "former deputy")
_MODIFIERS = lexicon(
    """special chief top senior leading former deputy foreign policy foreign-policy
    presidential prime vice acting interim opposition defence defense state national
    security economic press general assistant associate executive regional veteran
    longtime long-time main principal lead first trade finance interior justice health
    white house us u.s. eu un nato kremlin"""
)
_CONNECTORS = frozenset({"of", "for", "to", "from"})
#: nouns that may end the "of/for/to ..." part of a role: "spokeswoman for the foreign ministry"
_INSTITUTIONS = lexicon(
    """ministry office department government committee council party commission agency
    administration house talks delegation affairs parliament senate cabinet army police
    embassy service services union campaign company bank court"""
)
_TOKEN = re.compile(r"[^\W_]+(?:['’\-.][^\W_]+)*['’]?s?|[,;:.()—–\"“”]")
_DETERMINERS = frozenset({"the", "a", "an", "his", "her", "its", "their"})
_POSSESSIVE = re.compile(r"['’]s?$")
# role nouns that mean the same for matching a description to a person
_SYNONYMS = {
    "advisor": "adviser",
    "aide": "adviser",
    "counsellor": "adviser",
    "counselor": "adviser",
}
_STOP = frozenset({"the", "a", "an", "of", "to", "for", "and", "in", "on", "at", "with"})


@dataclass(frozen=True, slots=True)
class RolePhrase:
    """A role as printed (``text``) with its offsets in the article."""

    start: int
    end: int
    text: str


def _tokens(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    return [
        (m.start() + start, m.end() + start, m.group()) for m in _TOKEN.finditer(text[start:end])
    ]


def _base(token: str) -> str:
    return _POSSESSIVE.sub("", fold(token)) if token[-1:] in "s’'" else fold(token)


def _is_role(token: str) -> bool:
    return fold(token) in ROLE_NOUNS


def _qualifies(token: str, named: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    """May ``token`` be part of a role before a role noun?"""
    word = fold(token)
    if word in ROLE_NOUNS or word in _MODIFIERS:
        return True
    if _POSSESSIVE.search(token) and token[:1].isupper():  # "Trump's", "Putin’s"
        return True
    # a capitalised word that is a name of something: "Kessarian", "Russian", "Drovnian"
    return token[:1].isupper() and any(s <= start and end <= e for s, e in named)


def _title_before(
    text: str, mention_start: int, named: Sequence[tuple[int, int]]
) -> RolePhrase | None:
    window = _tokens(text, max(0, mention_start - 120), mention_start)
    kept: list[tuple[int, int, str]] = []  # right to left
    for start, end, token in reversed(window):
        if _qualifies(token, named, start, end) or (kept and fold(token) == "of"):
            kept.append((start, end, token))  # "of" only inside a title: "Secretary of State"
        elif kept and _POSSESSIVE.search(kept[-1][2]) and token.isalpha() and token[:1].isupper():
            kept.append((start, end, token))  # "Donald" of "Donald Trump's"
            break
        else:
            break
    kept.reverse()
    while kept and fold(kept[0][2]) in _CONNECTORS:
        kept.pop(0)
    if not kept or not any(_is_role(t) for _, _, t in kept):
        return None
    touching = kept[-1][2]
    if not (_is_role(touching) or touching[:1].isupper()):
        return None
    if text[kept[-1][1] : mention_start].strip():  # the title must touch the name
        return None
    return RolePhrase(kept[0][0], kept[-1][1], text[kept[0][0] : kept[-1][1]])


def _role_phrase(
    tokens: list[tuple[int, int, str]], named: Sequence[tuple[int, int]]
) -> tuple[int, int] | None:
    """Indices [i, j) of a role at the start of ``tokens``: qualifiers, a role noun,
    then optionally "to/of/for" and capitalised words or more role words."""
    i = 0
    if i < len(tokens) and fold(tokens[i][2]) in _DETERMINERS:
        i += 1
    head = None
    j = i
    while j < len(tokens) and _qualifies(tokens[j][2], named, tokens[j][0], tokens[j][1]):
        if _is_role(tokens[j][2]):
            head = j
        j += 1
    if head is None:
        return None
    end = head + 1  # a role is complete at its noun: "the veteran negotiator [Lisrenia appointed]"
    if end < len(tokens) and fold(tokens[end][2]) in _CONNECTORS:
        # "... to Russian president Vladimir Putin", "... from the opposition Valley Party":
        # kept only when it runs to the end of the appositive in words a role is made of
        k = end + 1
        if k < len(tokens) and fold(tokens[k][2]) in _DETERMINERS:
            k += 1
        while k < len(tokens) and (
            tokens[k][2][:1].isupper()
            or fold(tokens[k][2]) in _MODIFIERS | ROLE_NOUNS | _INSTITUTIONS
        ):
            k += 1
        if k == len(tokens) and k > end + 1 and fold(tokens[k - 1][2]) not in _MODIFIERS:
            end = k
    return (1 if fold(tokens[0][2]) in _DETERMINERS else 0), end


def _appositive_after(
    text: str, mention_end: int, named: Sequence[tuple[int, int]]
) -> RolePhrase | None:
    tokens = _tokens(text, mention_end, min(len(text), mention_end + 160))
    if not tokens or tokens[0][2] != ",":
        return None
    rest = tokens[1:]
    stop = next((n for n, t in enumerate(rest) if t[2] in ',;:.()—–"“”'), len(rest))
    phrase = _role_phrase(rest[:stop], named)
    if phrase is None:
        return None
    i, j = phrase
    return RolePhrase(rest[i][0], rest[j - 1][1], text[rest[i][0] : rest[j - 1][1]])


def _appositive_before(
    text: str, mention_start: int, mention_end: int, named: Sequence[tuple[int, int]]
) -> RolePhrase | None:
    before = text[max(0, mention_start - 120) : mention_start]
    if not before.rstrip().endswith(",") or before[-1:] != " ":
        return None
    after = text[mention_end : mention_end + 2]
    if after[:1] not in (",", ".", ";") and after[:1] != "":  # the appositive closes after the name
        return None
    comma = mention_start - (len(before) - before.rstrip().rfind(","))
    window = _tokens(text, max(0, comma - 120), comma)
    kept: list[tuple[int, int, str]] = []
    for start, end, token in reversed(window):
        if _qualifies(token, named, start, end):
            kept.append((start, end, token))
            continue
        break
    kept.reverse()
    if not kept or not _is_role(kept[-1][2]):
        return None
    return RolePhrase(kept[0][0], kept[-1][1], text[kept[0][0] : kept[-1][1]])


def roles_around(
    text: str, mention: tuple[int, int], named: Sequence[tuple[int, int]]
) -> list[RolePhrase]:
    """Roles printed next to the name at ``mention`` (offsets into ``text``).

    ``named`` are the spans of every entity mention in the article: capitalised
    words inside them ("Kessarian", "Trump's") may be part of a title.
    """
    start, end = mention
    found = [
        _title_before(text, start, named),
        _appositive_after(text, end, named),
        _appositive_before(text, start, end, named),
    ]
    return [r for r in found if r is not None]


def _content(words: Iterable[str]) -> set[str]:
    out = set()
    for word in words:
        base = _base(word)
        if base and base not in _STOP:
            out.add(_SYNONYMS.get(base, base))
    return out


def _head(words: Sequence[str]) -> str | None:
    """The role noun a description is about: the last one before "to/of/for"."""
    head = None
    for word in words:
        base = _base(word)
        if base in _CONNECTORS and head is not None:
            break
        if base in ROLE_NOUNS:
            head = _SYNONYMS.get(base, base)
    return head


def description_matches(description: str, role: str) -> bool:
    """Does a role-only description fit a role seen with a name?

    Same head noun (adviser = advisor = aide) and at least one more shared
    content word: "the Kremlin leader's chief foreign policy advisor" fits
    "Putin's leading foreign policy advisor" (foreign, policy).
    """
    d_words = [m.group() for m in _TOKEN.finditer(description) if m.group()[:1].isalnum()]
    r_words = [m.group() for m in _TOKEN.finditer(role) if m.group()[:1].isalnum()]
    head = _head(d_words)
    if head is None or head != _head(r_words):
        return False
    shared = (_content(d_words) & _content(r_words)) - {head}
    return len(shared) >= 1
