"""Ids for derived records (quote groups, conflicts) that survive a re-run.

A derived record's id is a hash of what anchors it (its first printing, the fact
and the words that first stated it), not its position in a list, so adding an
unrelated article doesn't renumber everything a user has bookmarked or cited.
An id changes only when its anchor does (an earlier printing of the same quote
arrives).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable

__all__ = ["ID_HASH_CHARS", "stable_ids", "unused_id"]

#: hex characters of the hash kept in an id: 40 bits, so a collision within one
#: store is very unlikely, and one that happens is resolved by a suffix
ID_HASH_CHARS = 10


def stable_ids(prefix: str, anchors: Iterable[str]) -> list[str]:
    """One id per anchor, in order: ``prefix-<hash>``, with ``-2``, ``-3``… for
    a repeated anchor (or a collision), numbered in the order given."""
    out: list[str] = []
    seen: set[str] = set()
    for anchor in anchors:
        digest = hashlib.sha1(anchor.encode("utf-8"), usedforsecurity=False).hexdigest()
        candidate = unused_id(f"{prefix}-{digest[:ID_HASH_CHARS]}", seen.__contains__)
        seen.add(candidate)
        out.append(candidate)
    return out


def unused_id(base: str, taken: Callable[[str], bool]) -> str:
    """``base``, or ``base-2``, ``base-3``… : the first that is not ``taken``."""
    candidate, n = base, 1
    while taken(candidate):
        n += 1
        candidate = f"{base}-{n}"
    return candidate
