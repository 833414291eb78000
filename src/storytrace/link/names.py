"""Comparable keys for names: the same person or outlet written differently.

``name_tokens("President Volodymyr Zelenskyy's")`` and ``name_tokens("Zelensky")``
end in the same surname key: honorifics, possessives, a leading "the", letter
case, accents and the usual transliteration endings of Slavic surnames
(-skyy / -skiy / -skyi / -ski → -sky) are folded away.
"""

from __future__ import annotations

import re
import unicodedata

from storytrace.link.words import lexicon

__all__ = ["HONORIFICS", "first_names_compatible", "name_key", "name_tokens", "slug"]

#: words that precede a person's name without being part of it
HONORIFICS = lexicon(
    """mr mrs ms miss mx dr sir dame lord lady president senator sen rep representative
    minister mayor governor gov general gen secretary chancellor king queen prince princess
    pope judge justice ambassador envoy professor prof rev reverend father sister brother
    colonel col lieutenant lt captain capt sergeant sgt premier speaker deputy"""
)
_LEADING = frozenset({"the"})
_POSSESSIVE = re.compile(r"['’]s?$")
_NON_NAME = re.compile(r"[^\w\-]+")
# transliteration variants of one ending: Zelensky / Zelenskyy / Zelenskiy / Zelenskij / Zelenski
_SLAVIC_ENDING = re.compile(r"(?:skyy|skiy|skyi|skij|skii|ski)$")
_Y_ENDING = re.compile(r"(?:iy|yy|yi|ij)$")


def _ascii(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _token_key(token: str) -> str:
    key = _NON_NAME.sub("", _ascii(_POSSESSIVE.sub("", token)).casefold())
    if len(key) > 4:
        key = _SLAVIC_ENDING.sub("sky", key)
        key = _Y_ENDING.sub("y", key)
    return key


def name_tokens(name: str, *, person: bool = False) -> tuple[str, ...]:
    """The folded tokens of ``name``; for a person, leading honorifics are dropped."""
    tokens = [_token_key(t) for t in name.replace("’", "'").split()]
    tokens = [t for t in tokens if t]
    while len(tokens) > 1 and tokens[0] in _LEADING:
        tokens.pop(0)
    if person:
        while len(tokens) > 1 and tokens[0] in HONORIFICS:
            tokens.pop(0)
    return tuple(tokens)


def name_key(name: str, *, person: bool = False) -> str:
    return " ".join(name_tokens(name, person=person))


def first_names_compatible(a: str, b: str) -> bool:
    """Same first name, an initial of it, or one a prefix of the other (Steve/Steven)."""
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    if len(short) == 1:
        return long.startswith(short)
    return len(short) >= 3 and long.startswith(short)


def slug(name: str) -> str:
    """A readable id part: ``Aurelio Danes`` → ``aurelio-danes``."""
    text = re.sub(r"[^a-z0-9]+", "-", _ascii(name).casefold()).strip("-")
    return text or "x"
