"""Who cites whom: an article crediting an outlet or a document for what it prints.

Read from two places:

- the attributions: "according to a recorded phone conversation obtained by
  Bloomberg" (kind ``according_to``), "The Ledger reported that …", "a leaked
  transcript suggested …" (a speaker that is an outlet or a document);
- the text around them, for credits no attribution carries: "told the Daily
  Mail", "as detailed by … to the Wall Street Journal", "a source told Meridian
  Wire", "The Harbour Ledger published the transcript", "A Bloomberg report on
  …", a dateline credit "VEYLE, March 4 (Meridian Wire) —".

A name counts as an outlet only through :class:`OutletIndex` (a stored outlet, a
name ending in a newspaper word, or a known agency). A document named with a
definite article ("the transcript") takes the outlet of the same kind of
document cited earlier in the article ("a transcript obtained by The Harbour
Ledger"). ``own`` marks an outlet citing itself: its scoop or its interview.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from storytrace.link.outlets import OutletIndex
from storytrace.link.records import Citation, CitedKind
from storytrace.link.words import fold, lexicon, sentence_at
from storytrace.records import ArticleAnalysis, Attribution, Span

__all__ = ["DOCUMENT_NOUNS", "document_kind", "find_citations"]

#: nouns that make a source a document ("a transcript", "internal documents")
DOCUMENT_NOUNS = lexicon(
    """transcript transcripts recording recordings tape tapes audio video footage
    conversation call documents document memo memos letter letters email emails draft
    text filing filings files papers cable cables minutes notes records dossier
    assessment study survey poll data indictment lawsuit testimony report"""
)
# kinds of document a definite mention ("the recording") can refer back to
_DOC_KIND = {
    "transcripts": "transcript",
    "recordings": "recording",
    "tape": "recording",
    "tapes": "recording",
    "audio": "recording",
    "conversation": "recording",
    "call": "recording",
    "document": "documents",
    "memo": "documents",
    "memos": "documents",
    "files": "documents",
    "papers": "documents",
    "text": "draft",
}
_REPORT_CUES = lexicon(
    "report reported reports reveal revealed reveals publish published unveil unveiled "
    "disclose disclosed detail detailed show showed shows suggest suggested suggests find found"
)
_NAME = r"(?:[Tt]he )?[A-Z][\w’'&\-]*(?: [A-Z][\w’'&\-]*){0,4}"
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("told", re.compile(rf"\btold\s+(?P<name>{_NAME})")),
    ("according to", re.compile(rf"\baccording to\s+(?P<name>{_NAME})")),
    (
        "reported",
        re.compile(
            rf"(?P<name>{_NAME})\s+(?:first\s+|had\s+|has\s+)?"
            r"(?P<cue>reported|revealed|published|disclosed|broke)\b"
        ),
    ),
    (
        "report",
        re.compile(
            rf"(?P<name>{_NAME})(?:['’]s)?\s+(?P<cue>report|story|investigation|interview)\b"
        ),
    ),
    (
        "to",
        re.compile(
            r"\b(?P<cue>detailed|described|revealed|confirmed|explained|said|disclosed|spoke)\b"
            rf"[^.;!?]{{0,120}}?\bto\s+(?P<name>{_NAME})"
        ),
    ),
    ("interview with", re.compile(rf"\binterview with\s+(?P<name>{_NAME})")),
)
# "PORT HALVARD, March 5 (Meridian Wire) -": a credit in the first line
_DATELINE = re.compile(r"\((?P<name>[A-Z][\w .&’'\-]{1,40})\)\s*[-—–]")
_DATELINE_CHARS = 200
_OBTAINED = re.compile(
    rf"\b(?:obtained|seen|reviewed|published|released|aired|broadcast|reported)\s+by\s+(?P<name>{_NAME})"
)


@dataclass(frozen=True, slots=True)
class _Found:
    cited: str | None
    kind: CitedKind
    document: str | None
    cue: str
    evidence: Span
    claim: Span | None
    attribution: str | None


def _outlet_in(name: str, outlets: OutletIndex, *, tail: bool) -> str | None:
    """The outlet a run of capitalised words names, trying its prefixes ("the Ledger
    in") or suffixes ("Meanwhile Bloomberg"), longest first."""
    words = name.split()
    spans = (
        [words[i:] for i in range(len(words))]
        if tail
        else [words[:i] for i in range(len(words), 0, -1)]
    )
    for part in spans:
        found = outlets.resolve(" ".join(part))
        if found:
            return found
    return None


_CAPITALISED_RUN = re.compile(r"[A-Z][\w’'&\-]*(?: [A-Z][\w’'&\-]*)*")


def _outlet_named(phrase: str, outlets: OutletIndex) -> str | None:
    """The first outlet named anywhere in ``phrase`` ("A Bloomberg report on …")."""
    for m in _CAPITALISED_RUN.finditer(phrase):
        words = m.group().split()
        runs = sorted(
            (words[i:j] for i in range(len(words)) for j in range(i + 1, len(words) + 1)),
            key=len,
            reverse=True,
        )
        for run in runs:
            found = outlets.resolve(" ".join(run))
            if found:
                return found
    return None


def _document(phrase: str) -> str | None:
    """The document a source phrase names, up to "obtained by …" ("a transcript")."""
    cut = re.split(
        r"\s+(?:obtained|seen|reviewed|published|released|aired|broadcast)\s+by\b", phrase
    )[0]
    words = [fold(w).strip(".,;:") for w in cut.split()]
    head = next((w for w in words if w in DOCUMENT_NOUNS), None)
    return cut.strip() if head else None


def document_kind(document: str) -> str | None:
    """What kind of document a phrase names: "a recorded phone conversation" → recording."""
    for word in (fold(w).strip(".,;:") for w in document.split()):
        if word in DOCUMENT_NOUNS:
            return _DOC_KIND.get(word, word)
    return None


def _document_owners(found: Sequence[_Found]) -> dict[str, list[tuple[int, str]]]:
    """Document kind -> (position, outlet) of each document cited with its outlet."""
    owners: dict[str, list[tuple[int, str]]] = {}
    for f in found:
        kind = document_kind(f.document) if f.document else None
        if kind and f.cited:
            owners.setdefault(kind, []).append((f.evidence.start, f.cited))
    return owners


def _owner(document: str, position: int, owners: dict[str, list[tuple[int, str]]]) -> str | None:
    """The outlet of a document cited without one: "the transcript" (or "a transcript of
    the recording") refers to the nearest earlier document of its kind with an outlet;
    "a leaked transcript" to the one outlet this article names for that kind, if only one."""
    words = [fold(w).strip(".,;:") for w in document.split()]
    for i, word in enumerate(words):
        kind = _DOC_KIND.get(word, word) if word in DOCUMENT_NOUNS else None
        if kind is None or kind not in owners:
            continue
        before = [o for pos, o in owners[kind] if pos < position]
        if i > 0 and words[i - 1] == "the" and before:
            return before[-1]
        if len({o for _, o in owners[kind]}) == 1:
            return owners[kind][0][1]
    return None


def _span(text: str, start: int, end: int) -> Span:
    return Span(start, end, text[start:end])


def _from_attribution(q: Attribution, text: str, outlets: OutletIndex) -> _Found | None:
    if q.source is None:
        return None
    source = q.source.text
    lemma = fold(q.cue.text) if q.cue else ""
    if q.kind != "according_to" and lemma.split()[-1:] and lemma.split()[-1] not in _REPORT_CUES:
        return None
    obtained = _OBTAINED.search(source)
    outlet = _outlet_in(obtained.group("name"), outlets, tail=False) if obtained else None
    outlet = outlet or _outlet_named(source, outlets)
    document = _document(source)
    if outlet is None and document is None:
        return None  # a person or an official: an attribution, not a citation
    parts = [s for s in (q.cue, q.source) if s is not None]
    evidence = _span(text, min(s.start for s in parts), max(s.end for s in parts))
    cue = "according to" if q.kind == "according_to" else (q.cue.text if q.cue else "reported")
    return _Found(
        outlet, "document" if document else "outlet", document, cue, evidence, q.content, q.id
    )


def _from_text(analysis: ArticleAnalysis, outlets: OutletIndex) -> Iterator[_Found]:
    text = analysis.article.text
    for cue, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            outlet = _outlet_in(m.group("name"), outlets, tail=cue in ("reported", "report"))
            if outlet is None:
                continue
            start, end = m.span()
            quote = next(
                (q for q in analysis.attributions if q.cue and q.cue.start <= start < q.cue.end),
                None,
            )
            s, e = sentence_at(text, start, end)
            yield _Found(
                outlet,
                "outlet",
                None,
                m.groupdict().get("cue") or cue,
                _span(text, start, end),
                quote.content if quote else _span(text, s, e),
                quote.id if quote else None,
            )
    dateline = _DATELINE.search(text[:_DATELINE_CHARS])
    credited = outlets.resolve(dateline.group("name")) if dateline else None
    if dateline and credited:
        yield _Found(credited, "outlet", None, "credit", _span(text, *dateline.span()), None, None)


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def find_citations(
    analyses: Sequence[ArticleAnalysis], outlets: OutletIndex | None = None
) -> list[Citation]:
    """Every citation of an outlet or a document in ``analyses``, in text order."""
    outlets = outlets or OutletIndex.build(a.article.outlet for a in analyses)
    citations: list[Citation] = []
    for analysis in analyses:
        a = analysis.article
        found = [
            f
            for q in analysis.attributions
            if (f := _from_attribution(q, a.text, outlets)) is not None
        ]
        for f in _from_text(analysis, outlets):
            if not any(_overlaps(f.evidence, g.evidence) for g in found):
                found.append(f)
        found.sort(key=lambda f: f.evidence.start)
        owners = _document_owners(found)
        for n, f in enumerate(found, start=1):
            cited = f.cited
            if cited is None and f.document:
                cited = _owner(f.document, f.evidence.start, owners)
            own = bool(
                cited and a.outlet and outlets.canonical(cited) == outlets.canonical(a.outlet)
            )
            if f.cue == "credit" and own:
                continue  # an outlet's own dateline says nothing about sources
            citations.append(
                Citation(
                    id=f"{a.id}:c{n}",
                    article=a.id,
                    outlet=a.outlet,
                    cited=cited,
                    cited_kind=f.kind,
                    document=f.document,
                    cue=f.cue,
                    evidence=f.evidence,
                    claim=f.claim,
                    attribution=f.attribution,
                    own=own,
                )
            )
    return citations
