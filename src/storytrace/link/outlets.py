"""Outlet names: which names in an article are news outlets, and which stored
outlet a short form ("the Ledger") stands for.

An outlet is recognised from evidence, never from the look of a name alone:
it is the outlet of a stored article, a name ending in a newspaper word
("Daily Mail", "Wall Street Journal"), one of a few agencies and sites known
by a bare name (Reuters, Bloomberg, Axios …), or a name that "reported"
something (checked by the caller).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from storytrace.link.names import name_tokens
from storytrace.link.words import lexicon

__all__ = ["KNOWN_OUTLETS", "MEDIA_WORDS", "OutletIndex", "outlet_key"]

#: last words of outlet names ("The Northgate Dispatch", "Tessel Valley Herald")
MEDIA_WORDS = lexicon(
    """times post journal mail herald tribune gazette guardian telegraph independent
    observer standard chronicle courier dispatch ledger wire news newswire review
    express mirror sun star record register inquirer examiner bulletin monitor
    times-picayune magazine weekly daily radio tv television channel network agency
    press newsweek economist atlantic spectator statesman"""
)
#: outlets known by a bare name that carries no newspaper word
KNOWN_OUTLETS = frozenset(
    {
        "reuters",
        "bloomberg",
        "axios",
        "politico",
        "ap",
        "afp",
        "bbc",
        "cnn",
        "nbc",
        "cbs",
        "abc",
        "npr",
        "pbs",
        "msnbc",
        "semafor",
        "punchbowl",
        "vox",
        "slate",
        "buzzfeed",
        "propublica",
        "tass",
        "ria novosti",
        "interfax",
        "xinhua",
        "kyodo",
        "yonhap",
        "al jazeera",
        "euronews",
        "dpa",
        "efe",
        "ansa",
        "le monde",
        "der spiegel",
        "spiegel",
        "el pais",
        "kommersant",
        "meduza",
    }
)


def outlet_key(name: str) -> str:
    """``The Harbour Ledger`` → ``harbour ledger`` (leading "the", case, accents folded)."""
    return " ".join(name_tokens(name))


@dataclass(frozen=True, slots=True)
class OutletIndex:
    """The stored outlets, to resolve full and short names to one display name."""

    names: dict[str, str]  # key -> display name (the stored outlet's own spelling)
    short: dict[str, str]  # last word -> key, when only one stored outlet ends in it

    @classmethod
    def build(cls, outlets: Iterable[str | None]) -> OutletIndex:
        names: dict[str, str] = {}
        for outlet in outlets:
            if outlet and outlet_key(outlet) and outlet_key(outlet) not in names:
                names[outlet_key(outlet)] = outlet
        tails: dict[str, list[str]] = {}
        for key in names:
            words = key.split()
            if len(words) > 1:
                tails.setdefault(words[-1], []).append(key)
        short = {tail: keys[0] for tail, keys in tails.items() if len(keys) == 1}
        return cls(names, short)

    def stored(self, name: str) -> str | None:
        """The stored outlet ``name`` designates: its full name, or a short form of one."""
        key = outlet_key(name)
        if key in self.names:
            return self.names[key]
        if key in self.short:
            return self.names[self.short[key]]
        return None

    def resolve(self, name: str) -> str | None:
        """The outlet's display name if ``name`` is an outlet (stored or known), else None."""
        stored = self.stored(name)
        if stored is not None:
            return stored
        key = outlet_key(name)
        words = key.split()
        if not _capitalised(name):
            return None  # "A Bloomberg report" is a report, not an outlet
        if key in KNOWN_OUTLETS or (len(words) >= 2 and words[-1] in MEDIA_WORDS):
            return _display(name)
        return None

    def canonical(self, name: str) -> str:
        """One key per outlet however it is written: "the Ledger" = "The Harbour Ledger"."""
        return outlet_key(self.stored(name) or name)


def _capitalised(name: str) -> bool:
    words = name.split()
    if words and words[0] in ("the", "The"):
        words = words[1:]
    return bool(words) and all(w[:1].isupper() or w in ("of", "and", "&") for w in words)


def _display(name: str) -> str:
    words = name.split()
    if words and words[0].casefold() == "the" and len(words) > 1:
        # "the Daily Mail" → "Daily Mail"; a "The" that is part of the name stays with stored names
        words = words[1:]
    return " ".join(words).rstrip(".,;:")
