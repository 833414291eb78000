"""Near-copies and rewrites: which articles print (nearly) the same text.

1. **Candidates.** Each article's word 5-grams get a MinHash signature; an LSH
   index (datasketch) returns earlier articles of the last :data:`WINDOW_DAYS`
   whose estimated resemblance may reach :data:`LSH_THRESHOLD`, in time
   independent of how many are stored.
2. **Check.** The exact resemblance of the two 5-gram sets is computed; pairs
   below :data:`MIN_RESEMBLANCE` are dropped.
3. **Align and classify** (:func:`compare`): sentences are aligned
   (``link/align.py``) and the pair is an ``exact_duplicate`` (same words), a
   ``syndicated`` copy (mostly word for word), a ``light_rewrite`` (the same
   passages in the same order, reworded), or ``shared_quotes`` (what they share
   is nearly all inside quotation marks). Anything else is not a copy.
4. **Original.** The earlier article (by publication date) is the likely
   original; when the dates can't tell, the one the other credits by outlet
   name; else none is named.
"""

from __future__ import annotations

import heapq
import re
from collections import deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from datasketch import MinHash, MinHashLSH

from storytrace.link.align import Alignment, align
from storytrace.link.dates import day_number, earlier
from storytrace.link.records import CopyKind, CopyPair
from storytrace.link.shingles import NUM_PERM, minhash, shingles, tokens, words
from storytrace.records import Article

__all__ = [
    "LSH_THRESHOLD",
    "MIN_ALIGNED",
    "MIN_RESEMBLANCE",
    "SYNDICATED_MIN_VERBATIM",
    "WINDOW_DAYS",
    "CopyIndex",
    "Fingerprint",
    "classify",
    "compare",
    "copy_of",
    "find_copies",
    "fingerprint",
]

#: LSH recall target: pairs whose estimated 5-gram resemblance may reach this are
#: checked. On the examples the planted copies resemble their source at 0.58
#: (rewrite) and 0.90 (wire), other pairs of the same story at most 0.05. With 128
#: permutations datasketch bands it 37 x 3: a pair at 0.5 is a candidate 99 % of
#: the time, at 0.4 91 %, at 0.1 (articles sharing a quote or two) 4 %
LSH_THRESHOLD = 0.3
#: days of publication time within which copies are looked for: syndication is
#: the same day, re-publication days later; a copy a month on is not looked for.
#: Set a priori (no data here has copies across months); it bounds the LSH index
WINDOW_DAYS = 30.0
#: undated articles kept in the LSH index (the newest), for the same reason
MAX_UNDATED = 50_000
#: exact resemblance a candidate needs to be aligned at all (well below the LSH
#: threshold: LSH's estimate is noisy, the exact value decides)
MIN_RESEMBLANCE = 0.1
#: share of the shorter article's words in passages the other article has too
#: (word for word or reworded) for a pair to be a copy: 0.94 and 0.97 for the
#: planted copies, at most 0.18 for the other example pairs
MIN_ALIGNED = 0.6
#: share printed word for word that makes a copy syndicated rather than
#: rewritten: 0.78 for the planted wire pair, 0.36 for the content farm's rewrite
SYNDICATED_MIN_VERBATIM = 0.6
#: share of the shared 5-grams inside quotation marks from which a pair shares
#: only quotes (not a copy, however much it shares): the planted copies have
#: 0.11-0.17 of what they share in quotes
QUOTED_MIN_SHARE = 0.8

# a double-quoted stretch (straight or curly), or a single-quoted one whose
# closing mark is not an apostrophe inside a word
_QUOTED = re.compile(r"“[^”]*”|\"[^\"\n]*\"|‘[^’\n]*(?:’\w[^’\n]*)*’(?!\w)")


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """An article's 5-gram set and its MinHash signature."""

    shingles: frozenset[str]
    signature: MinHash


def fingerprint(text: str) -> Fingerprint:
    grams = shingles(tokens(text))
    return Fingerprint(frozenset(grams), minhash(grams))


class CopyIndex:
    """MinHash LSH over the signatures of the articles of the last
    :data:`WINDOW_DAYS` of publication time (the last :data:`MAX_UNDATED` undated
    ones): what bounds its memory in a long stream."""

    def __init__(self) -> None:
        self.lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
        self.dated: list[tuple[float, str]] = []  # a heap: the oldest first
        self.undated: deque[str] = deque()
        self.newest_day: float | None = None

    @property
    def size(self) -> int:
        return len(self.dated) + len(self.undated)

    def __contains__(self, article_id: str) -> bool:
        # datasketch's key storage answers has_key (it may live in Redis or Cassandra)
        return bool(self.lsh.keys.has_key(article_id))

    def insert(self, article_id: str, signature: MinHash, day: float | None = None) -> None:
        """Insert a signature without looking for copies (reloading the index)."""
        if article_id in self:
            return
        self.lsh.insert(article_id, signature, check_duplication=False)
        if day is None:
            self.undated.append(article_id)
        else:
            heapq.heappush(self.dated, (day, article_id))
            self.newest_day = day if self.newest_day is None else max(day, self.newest_day)

    def add(self, article_id: str, signature: MinHash, day: float | None = None) -> list[str]:
        """Insert a signature; return the ids of earlier articles it may copy or be copied by."""
        found = sorted(self.lsh.query(signature))
        self.insert(article_id, signature, day)
        return [f for f in found if f != article_id]

    def forget_old(self) -> None:
        """Drop signatures older than the window (called after each batch)."""
        if self.newest_day is not None:
            horizon = self.newest_day - WINDOW_DAYS
            while self.dated and self.dated[0][0] < horizon:
                self.lsh.remove(heapq.heappop(self.dated)[1])
        while len(self.undated) > MAX_UNDATED:
            self.lsh.remove(self.undated.popleft())


def resemblance(a: Fingerprint, b: Fingerprint) -> float:
    """Jaccard similarity of the two 5-gram sets."""
    union = len(a.shingles | b.shingles)
    return len(a.shingles & b.shingles) / union if union else 0.0


def _quoted_share(text: str, shared: frozenset[str]) -> float:
    """Share of the shared 5-grams (as they occur in ``text``) inside quotation marks."""
    regions = [(m.start(), m.end()) for m in _QUOTED.finditer(text)]
    tokens = words(text)
    total = quoted = 0
    for i in range(len(tokens) - 4):
        gram = " ".join(t.norm for t in tokens[i : i + 5])
        if gram not in shared:
            continue
        total += 1
        start, end = tokens[i].start, tokens[i + 4].end
        quoted += any(s <= start and end <= e for s, e in regions)
    return quoted / total if total else 0.0


def classify(alignment: Alignment, quoted_share: float) -> CopyKind | None:
    """What kind of copy an aligned pair is, or None when it is none."""
    if alignment.identical and alignment.words_a == alignment.words_b:
        return "exact_duplicate"
    if quoted_share >= QUOTED_MIN_SHARE:
        return "shared_quotes"
    if alignment.aligned() >= MIN_ALIGNED:
        if alignment.verbatim() >= SYNDICATED_MIN_VERBATIM:
            return "syndicated"
        return "light_rewrite"
    return None


def _credits(article: Article, other: Article) -> bool:
    """Whether ``article`` names ``other``'s outlet (a copy crediting its source)."""
    if not other.outlet:
        return False
    name = other.outlet.lower().removeprefix("the ")
    return len(name) > 2 and name in article.text.lower()


def _order(a: Article, b: Article, seq: dict[str, int]) -> tuple[Article, Article, bool]:
    """(earlier, later, whether the earlier is known to be the original)."""
    by_date = earlier(a.published, b.published)
    if by_date:
        return (a, b, True) if by_date < 0 else (b, a, True)
    a_credits_b, b_credits_a = _credits(a, b), _credits(b, a)
    if a_credits_b != b_credits_a:
        return (b, a, True) if a_credits_b else (a, b, True)
    return (a, b, False) if seq.get(a.id, 0) <= seq.get(b.id, 0) else (b, a, False)


def compare(
    a: Article,
    b: Article,
    fa: Fingerprint | None = None,
    fb: Fingerprint | None = None,
    seq: dict[str, int] | None = None,
) -> CopyPair | None:
    """The copy relation between two articles, or None when they are not copies."""
    fa = fa or fingerprint(a.text)
    fb = fb or fingerprint(b.text)
    similarity = resemblance(fa, fb)
    if similarity < MIN_RESEMBLANCE:
        return None
    first, second, known = _order(a, b, seq or {})
    f_first, f_second = (fa, fb) if first is a else (fb, fa)
    alignment = align(first.text, second.text)
    kind = classify(alignment, _quoted_share(first.text, f_first.shingles & f_second.shingles))
    if kind is None:
        return None
    return CopyPair(
        a=first.id,
        b=second.id,
        kind=kind,
        original=first.id if known else None,
        resemblance=round(similarity, 4),
        verbatim=round(alignment.verbatim(), 4),
        aligned=round(alignment.aligned(), 4),
        passages=alignment.passages,
    )


def find_copies(articles: Sequence[Article]) -> list[CopyPair]:
    """Every copy pair among ``articles`` (in memory), in the order found."""
    index = CopyIndex()
    prints: dict[str, Fingerprint] = {}
    by_id = {a.id: a for a in articles}
    seq = {a.id: n for n, a in enumerate(articles)}
    pairs = []
    for article in articles:
        prints[article.id] = fingerprint(article.text)
        day = day_number(article.published)
        for other in index.add(article.id, prints[article.id].signature, day):
            pair = compare(by_id[other], article, prints[other], prints[article.id], seq)
            if pair is not None:
                pairs.append(pair)
    return pairs


def copy_of(pairs: Iterable[CopyPair]) -> dict[str, str]:
    """Copy → original, for the pairs whose original is known (shared quotes aren't copies)."""
    return {p.b: p.a for p in pairs if p.original is not None and p.kind != "shared_quotes"}
