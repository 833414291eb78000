"""Provenance: for a quote or a fact printed by several articles, the original
source they name, the first stored article to carry it, and whether independent
outlets corroborate it or everyone repeats one source.

Each article carrying the item is traced to a *root*, the outlet it ultimately
rests on:

1. a near-copy (``copy_of``, from the near-copy detector) rests on its original;
2. a syndicated story rests on the agency credited in its dateline or byline
   ("VEYLE, March 4 (Meridian Wire) —", author "Meridian Wire");
3. an article that credits an outlet for this very item (same sentence, or the
   item inside the credited claim) rests on that outlet ("according to a
   transcript obtained by The Harbour Ledger");
4. an article that credits an outlet anywhere, when that outlet also carries
   the item earlier, rests on it (it most likely took the item from there);
5. otherwise the article rests on its own outlet.

The item is *corroborated* when two or more roots remain, *single_source* when
several articles all trace back to one, *single_article* when one article
carries it. Folding errs on the side of fewer independent sources: a false
"corroborated" would mislead a fact-checker more than a missed one.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from storytrace.link.citations import document_kind
from storytrace.link.outlets import OutletIndex
from storytrace.link.records import Citation, CopyPair, Provenance, ProvenanceStatus
from storytrace.link.words import sentence_at
from storytrace.records import Article, ArticleAnalysis, Span

__all__ = ["COPY_KINDS", "Carrier", "ProvenanceIndex", "copy_of_pairs"]


@dataclass(frozen=True, slots=True)
class Carrier:
    """One article printing the item, and where (None: somewhere in the article)."""

    article: str
    span: Span | None = None


#: near-copy kinds whose later article rests on the earlier one; two articles that
#: only share quotations may each have heard the speaker
COPY_KINDS = frozenset({"exact_duplicate", "syndicated", "light_rewrite"})


def copy_of_pairs(pairs: Iterable[CopyPair]) -> dict[str, str]:
    """``copy_of`` for :class:`ProvenanceIndex` from the near-copy detector's pairs:
    each later article of a copy pair → the earlier one."""
    return {p.b: p.a for p in pairs if p.kind in COPY_KINDS}


def _day(published: str | None) -> str | None:
    return published[:10] if published else None


def _has_time(published: str | None) -> bool:
    return bool(published and len(published) > 10)


class ProvenanceIndex:
    """Built once per set of articles; :meth:`of` answers for any item they carry."""

    def __init__(
        self,
        analyses: Sequence[ArticleAnalysis],
        citations: Sequence[Citation],
        outlets: OutletIndex,
        copy_of: Mapping[str, str] | None = None,
    ) -> None:
        self.articles: dict[str, Article] = {a.article.id: a.article for a in analyses}
        self.outlets = outlets
        self.copy_of = dict(copy_of or {})
        self.citations: dict[str, list[Citation]] = defaultdict(list)
        for c in citations:
            self.citations[c.article].append(c)
        self.credit: dict[str, str] = {}
        for a in analyses:
            credit = self._credit(a.article)
            if credit:
                self.credit[a.article.id] = credit

    def _credit(self, article: Article) -> str | None:
        """The agency a syndicated article credits (dateline or byline), if not its own."""
        named = [c.cited for c in self.citations[article.id] if c.cue == "credit" and c.cited]
        if article.author and self.outlets.resolve(article.author):
            named.append(self.outlets.resolve(article.author) or "")
        for outlet in named:
            if not article.outlet or self.outlets.canonical(outlet) != self.outlets.canonical(
                article.outlet
            ):
                return outlet
        return None

    def label(self, article_id: str) -> str:
        """The outlet of an article, or its id when it has none."""
        article = self.articles[article_id]
        return article.outlet or article.id

    def citing(self, carrier: Carrier) -> list[Citation]:
        """The citations of the carrier's article that apply to the item at its span."""
        cs = self.citations[carrier.article]
        if carrier.span is None:
            return []
        text = self.articles[carrier.article].text
        sentence = sentence_at(text, carrier.span.start, carrier.span.end)
        out = []
        for c in cs:
            inside = c.claim is not None and (
                c.claim.start <= carrier.span.start and carrier.span.end <= c.claim.end
            )
            near = sentence[0] <= c.evidence.start < sentence[1]
            if (inside or near) and c.cue != "credit":
                out.append(c)
        return out

    def _root(self, carrier: Carrier, seen: frozenset[str] = frozenset()) -> str:
        article = carrier.article
        if article in self.copy_of and self.copy_of[article] in self.articles:
            source = self.copy_of[article]
            if source not in seen:
                return self._root(Carrier(source, None), seen | {article})
        if article in self.credit:
            return self.credit[article]
        for c in self.citing(carrier):
            if c.cited and not c.own:
                return c.cited
        return self.label(article)

    def origin(self, carriers: Sequence[Carrier]) -> tuple[str | None, tuple[str, ...]]:
        """The source the carriers name for the item (most named; the earliest on a
        tie) and the ids of the citations naming it."""
        named: Counter[str] = Counter()
        ids: dict[str, list[str]] = defaultdict(list)
        order: dict[str, int] = {}
        for n, carrier in enumerate(carriers):
            for c in self.citing(carrier):
                name = _origin_name(c)
                if name is None:
                    continue
                named[name] += 1
                ids[name].append(c.id)
                order.setdefault(name, n)
        if not named:
            return None, ()
        best = min(named, key=lambda k: (-named[k], order[k]))
        return best, tuple(ids[best])

    def first(self, article_ids: Sequence[str]) -> tuple[str | None, bool]:
        """The first article to carry the item, and whether that is certain: dated
        strictly before the others, or credited by the others printed the same day."""
        dated = [a for a in article_ids if self.articles[a].published]
        if not dated:
            return None, False
        dated.sort(key=lambda a: (self.articles[a].published or "", a))
        first = dated[0]
        day = _day(self.articles[first].published)
        same_day = [a for a in dated if _day(self.articles[a].published) == day]
        if len(same_day) == 1:  # an undated carrier might have been earlier
            return first, len(dated) == len(article_ids)
        if all(_has_time(self.articles[a].published) for a in same_day):
            published = [self.articles[a].published for a in same_day]
            return first, published.count(published[0]) == 1
        # same day and not all timed: an article the others credit came first
        credited = [
            a
            for a in same_day
            if all(
                b == a or self._cites_outlet(b, self.label(a)) or self.copy_of.get(b) == a
                for b in same_day
            )
        ]
        if len(credited) == 1:
            return credited[0], True
        return first, False

    def _cites_outlet(self, article: str, outlet: str) -> bool:
        key = self.outlets.canonical(outlet)
        return any(
            c.cited and not c.own and self.outlets.canonical(c.cited) == key
            for c in self.citations[article]
        )

    def of(self, carriers: Sequence[Carrier]) -> Provenance:
        """Provenance of an item printed at ``carriers``."""
        articles = list(dict.fromkeys(c.article for c in carriers))
        roots: dict[str, str] = {}
        for article in articles:
            spans = [c for c in carriers if c.article == article]
            roots[article] = self._root(spans[0])
        first, certain = self.first(articles)
        # rule 4: an article crediting an outlet that carried the item earlier rests on it
        carried_by = {self.outlets.canonical(self.label(a)): a for a in articles}
        for article in articles:
            if self.outlets.canonical(roots[article]) != self.outlets.canonical(
                self.label(article)
            ):
                continue
            for c in self.citations[article]:
                if not c.cited or c.own:
                    continue
                other = carried_by.get(self.outlets.canonical(c.cited))
                if other and other != article and self._not_later(other, article):
                    roots[article] = roots[other]
                    break
        independent = list(dict.fromkeys(self.outlets.canonical(r) for r in roots.values()))
        names = {self.outlets.canonical(r): r for r in roots.values()}
        origin, cited = self.origin(carriers)
        status: ProvenanceStatus
        if len(articles) == 1:
            status = "single_article"
        elif len(independent) >= 2:
            status = "corroborated"
        else:
            status = "single_source"
        return Provenance(
            origin=origin,
            citations=cited,
            first=first,
            first_certain=certain,
            carriers=tuple(articles),
            independent=tuple(names[k] for k in independent),
            status=status,
        )

    def _not_later(self, a: str, b: str) -> bool:
        pa, pb = self.articles[a].published, self.articles[b].published
        return not (pa and pb and _day(pa) and _day(pb) and (_day(pa) or "") > (_day(pb) or ""))


def _origin_name(c: Citation) -> str | None:
    """ "The Harbour Ledger (transcript)": the outlet, and the kind of document it had."""
    kind = document_kind(c.document) if c.document else None
    if c.cited and kind:
        return f"{c.cited} ({kind})"
    return c.cited or c.document
