"""Quote-attribution scorers, implementing the protocols of ``../shared/DATASETS.md``.

Gender Gap Tracker (the tracker's own protocol): each gold quote, in order,
matches the best unused predicted quote whose character overlap covers more
than 30 % (lenient) or 80 % (strict) of the gold span. Speaker accuracy is the
share of matched quotes whose predicted speaker resolves to the gold
``reference`` (the speaker's name, or for a speaker left unnamed the words
describing it, as GGT's ``reference`` is then a description too: "officials");
only predictions in GGT's scope are scored (:func:`_is_quote`: statements, not
beliefs or topics). Verb accuracy follows the tracker's own evaluation code
(its ``evaluate_quotes.py`` compares the verb strings, so a quote annotated
with no verb is right when none is predicted): the predicted cue overlaps the
gold verb, or both are absent; ``verb_accuracy_given`` is the share among
quotes that have a gold verb. The tracker's own speaker measure, an overlap of
the predicted and gold speaker spans (or both absent), is reported as
``speaker_span_accuracy``; the issue's speaker accuracy is the stricter
resolved-name one above.

PolNeAR: per role (source, cue, content), exact-span P/R/F1 (the span sets are
equal) and overlap P/R/F1 (content: the overlap exceeds 50 % of both spans;
source and cue: any overlap), each gold instance matched at most once. The
speech-only view keeps gold and predicted attributions whose cue is a
reporting verb (``SPEECH_CUES``), so an extractor of reported speech is not
charged for "believes" or "shows". A predicted quotation that ``continues``
another is scored as part of it, one attribution with discontinuous content,
as PolNeAR annotates “X,” he said, “Y.” (:func:`_statements`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial

from storytrace.eval.datasets import GgtArticle, PolnearArticle
from storytrace.eval.scoring import PRF, overlap
from storytrace.records import Attribution

__all__ = [
    "GGT_LENIENT",
    "GGT_STRICT",
    "POLNEAR_CONTENT_OVERLAP",
    "SPEECH_CUES",
    "GgtScores",
    "PolnearScores",
    "same_person",
    "score_ggt",
    "score_polnear",
]

#: thresholds fixed by the tracker's published protocol, not tuned here
GGT_LENIENT = 0.3
GGT_STRICT = 0.8
#: PolNeAR content overlap match (DATASETS.md)
POLNEAR_CONTENT_OVERLAP = 0.5

#: reporting verbs (lemmas) for PolNeAR's speech-only view; "according to" counts too
SPEECH_CUES = frozenset(
    {
        "say",
        "tell",
        "add",
        "state",
        "claim",
        "insist",
        "warn",
        "announce",
        "declare",
        "report",
        "write",
        "explain",
        "note",
        "argue",
        "respond",
        "reply",
        "ask",
        "answer",
        "confirm",
        "deny",
        "suggest",
        "acknowledge",
        "admit",
        "predict",
        "promise",
        "vow",
        "pledge",
        "urge",
        "demand",
        "call",
        "describe",
        "quote",
        "cite",
        "testify",
        "tweet",
        "post",
        "comment",
        "remark",
        "recall",
        "mention",
        "stress",
        "emphasize",
        "emphasise",
        "assert",
        "contend",
        "maintain",
        "allege",
        "accuse",
        "complain",
        "concede",
        "disclose",
        "reveal",
        "indicate",
        "estimate",
        "speak",
        "according to",
        "continue",
        "conclude",
        "observe",
        "point",
        "counter",
        "retort",
        "boast",
        "joke",
        "caution",
        "advise",
        "inform",
        "notify",
        "recount",
        "repeat",
        "reiterate",
        "agree",
        "criticize",
        "criticise",
        "praise",
        "question",
        "dismiss",
        "signal",
        "pronounce",
        "proclaim",
    }
)

_IRREGULAR = {
    "said": "say",
    "says": "say",
    "told": "tell",
    "wrote": "write",
    "written": "write",
    "spoke": "speak",
    "spoken": "speak",
    "saying": "say",
    "telling": "tell",
    "writing": "write",
}
_WORD = re.compile(r"[a-z]+")
_TITLES = frozenset({"mr", "mrs", "ms", "dr", "prof", "sir", "dame", "rev", "hon", "jr", "sr"})


def _lemma_guesses(word: str) -> set[str]:
    """Cheap verb lemma candidates: enough to recognise a cue's reporting verb."""
    if word in _IRREGULAR:
        return {_IRREGULAR[word]}
    guesses = {word}
    for suffix, repl in (
        ("ies", "y"),
        ("ied", "y"),
        ("es", ""),
        ("s", ""),
        ("ed", ""),
        ("ed", "e"),
        ("ing", ""),
        ("ing", "e"),
        ("d", ""),
    ):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            guesses.add(word[: -len(suffix)] + repl)
    return guesses


def is_speech_cue(cue_text: str) -> bool:
    text = cue_text.lower()
    if "according to" in text:
        return True
    return any(_lemma_guesses(w) & SPEECH_CUES for w in _WORD.findall(text))


#: articles don't tell two descriptions apart: "the justice official" and "a
#: justice official" describe one unnamed speaker
_ARTICLES = frozenset({"a", "an", "the"})


def _name_tokens(name: str) -> list[str]:
    return [
        t
        for t in _WORD.findall(name.lower().replace("’", "'"))
        if t not in _TITLES and t not in _ARTICLES
    ]


def same_person(predicted: str | None, reference: str) -> bool:
    """Does a predicted speaker name denote the gold ``reference``?

    Equal after dropping case, punctuation and titles; or one name's tokens are
    a subset of the other's with the same last token ("Lonechild" and "Darian
    Lonechild", but not "Ford" and "Doug Ford Jr's aide").
    """
    if not predicted or not reference:
        return False
    a, b = _name_tokens(predicted), _name_tokens(reference)
    if not a or not b:
        return False
    if a == b:
        return True
    return a[-1] == b[-1] and (set(a) <= set(b) or set(b) <= set(a))


@dataclass(slots=True)
class GgtScores:
    lenient: PRF = field(default_factory=lambda: PRF(0, 0, 0))
    strict: PRF = field(default_factory=lambda: PRF(0, 0, 0))
    speaker_correct: dict[str, int] = field(default_factory=lambda: {"lenient": 0, "strict": 0})
    verb_correct: dict[str, int] = field(default_factory=lambda: {"lenient": 0, "strict": 0})
    speaker_span_correct: dict[str, int] = field(
        default_factory=lambda: {"lenient": 0, "strict": 0}
    )
    #: matched quotes with a gold verb, and those whose cue overlaps it
    verb_given: dict[str, int] = field(default_factory=lambda: {"lenient": 0, "strict": 0})
    verb_given_correct: dict[str, int] = field(default_factory=lambda: {"lenient": 0, "strict": 0})

    def speaker_accuracy(self, level: str) -> float:
        matched = (self.lenient if level == "lenient" else self.strict).tp
        return self.speaker_correct[level] / matched if matched else 0.0

    def verb_accuracy(self, level: str) -> float:
        matched = (self.lenient if level == "lenient" else self.strict).tp
        return self.verb_correct[level] / matched if matched else 0.0

    def verb_accuracy_given(self, level: str) -> float:
        given = self.verb_given[level]
        return self.verb_given_correct[level] / given if given else 0.0

    def speaker_span_accuracy(self, level: str) -> float:
        matched = (self.lenient if level == "lenient" else self.strict).tp
        return self.speaker_span_correct[level] / matched if matched else 0.0


def _span(a: Attribution) -> tuple[tuple[int, int], ...]:
    return ((a.content.start, a.content.end),)


def _match_ggt(
    article: GgtArticle,
    predicted: Sequence[Attribution],
    threshold: float,
) -> list[tuple[int, Attribution]]:
    used: set[int] = set()
    pairs = []
    for gi, gold in enumerate(article.quotes):
        length = gold.quote[1] - gold.quote[0]
        best, best_overlap = -1, 0
        for pi, pred in enumerate(predicted):
            if pi in used:
                continue
            shared = overlap((gold.quote,), _span(pred))
            if length and shared / length > threshold and shared > best_overlap:
                best, best_overlap = pi, shared
        if best >= 0:
            used.add(best)
            pairs.append((gi, predicted[best]))
    return pairs


def _is_quote(attribution: Attribution) -> bool:
    """In GGT's scope: a statement (words said or written), not a belief or a topic.

    GGT annotates quotes only; storytrace also reports beliefs, findings and
    what was spoken of ("believes", "shows", "criticized the plan"), PolNeAR's
    wider scope, which GGT's annotators were never asked to mark.
    """
    return attribution.scope == "statement"


def score_ggt(
    articles: Sequence[GgtArticle], predictions: Callable[[GgtArticle], Sequence[Attribution]]
) -> GgtScores:
    scores = GgtScores()
    for article in articles:
        predicted = [p for p in predictions(article) if _is_quote(p)]
        for level, threshold in (("lenient", GGT_LENIENT), ("strict", GGT_STRICT)):
            pairs = _match_ggt(article, predicted, threshold)
            prf = PRF(len(pairs), len(predicted), len(article.quotes))
            if level == "lenient":
                scores.lenient += prf
            else:
                scores.strict += prf
            for gi, pred in pairs:
                gold = article.quotes[gi]
                if same_person(pred.speaker.name or pred.speaker.description, gold.reference):
                    scores.speaker_correct[level] += 1
                cue = ((pred.cue.start, pred.cue.end),) if pred.cue else ()
                if gold.verb is None:
                    scores.verb_correct[level] += int(not cue)
                else:
                    hit = bool(cue) and overlap((gold.verb,), cue) > 0
                    scores.verb_correct[level] += int(hit)
                    scores.verb_given[level] += 1
                    scores.verb_given_correct[level] += int(hit)
                source = ((pred.source.start, pred.source.end),) if pred.source else ()
                if gold.speaker is None:
                    scores.speaker_span_correct[level] += int(not source)
                else:
                    scores.speaker_span_correct[level] += (
                        bool(source) and overlap((gold.speaker,), source) > 0
                    )
    return scores


ROLES = ("source", "cue", "content")


@dataclass(slots=True)
class PolnearScores:
    exact: dict[str, PRF] = field(default_factory=lambda: {r: PRF(0, 0, 0) for r in ROLES})
    overlap: dict[str, PRF] = field(default_factory=lambda: {r: PRF(0, 0, 0) for r in ROLES})


Spans = tuple[tuple[int, int], ...]


def _trim(text: str, spans: Spans) -> Spans:
    """Spans without surrounding whitespace (annotations differ on it; offsets don't)."""
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return tuple(out)


def _pred_roles(a: Attribution) -> dict[str, Spans]:
    return {
        "source": ((a.source.start, a.source.end),) if a.source else (),
        "cue": ((a.cue.start, a.cue.end),) if a.cue else (),
        "content": ((a.content.start, a.content.end),),
    }


def _overlaps(role: str, gold: Spans, pred: Spans) -> bool:
    shared = overlap(gold, pred)
    if role != "content":
        return shared > 0
    g = sum(e - s for s, e in gold)
    p = sum(e - s for s, e in pred)
    return shared > POLNEAR_CONTENT_OVERLAP * g and shared > POLNEAR_CONTENT_OVERLAP * p


def _count(gold: list[Spans], pred: list[Spans], same: Callable[[Spans, Spans], bool]) -> PRF:
    used: set[int] = set()
    tp = 0
    for g in gold:
        for pi, p in enumerate(pred):
            if pi not in used and same(g, p):
                used.add(pi)
                tp += 1
                break
    return PRF(tp, len(pred), len(gold))


def _statements(
    predicted: Sequence[Attribution], *, merge: bool
) -> list[tuple[Attribution, dict[str, Spans]]]:
    """PolNeAR's unit: one attribution per statement. A quotation that ``continues``
    another (interrupted by its cue, or going on in the next paragraph) is one
    attribution with it, whose content is discontinuous: PolNeAR's annotators
    mark “X,” he said, “Y.” as one attribution with the content spans X and Y."""
    by_id = {a.id: a for a in predicted}
    units: dict[str, tuple[Attribution, dict[str, Spans]]] = {}
    for attribution in predicted:
        root = attribution
        while merge and root.continues is not None and root.continues in by_id:
            root = by_id[root.continues]
        if root.id not in units:
            units[root.id] = (root, _pred_roles(root))
        if root is not attribution:
            roles = units[root.id][1]
            roles["content"] = tuple(sorted(roles["content"] + _pred_roles(attribution)["content"]))
    return list(units.values())


def score_polnear(
    articles: Sequence[PolnearArticle],
    predictions: Callable[[PolnearArticle], Sequence[Attribution]],
    *,
    speech_only: bool = False,
    merge_continued: bool = True,
) -> PolnearScores:
    scores = PolnearScores()
    for article in articles:
        golds = [a for a in article.attributions if not speech_only or is_speech_cue(a.cue_text)]
        preds = [
            roles
            for a, roles in _statements(predictions(article), merge=merge_continued)
            if not speech_only or is_speech_cue(a.cue.text if a.cue else "according to")
        ]
        for role in ROLES:
            gold_spans = [_trim(article.text, getattr(g, role)) for g in golds]
            gold_spans = [s for s in gold_spans if s]
            pred_spans = [_trim(article.text, p[role]) for p in preds]
            pred_spans = [s for s in pred_spans if s]
            scores.exact[role] += _count(gold_spans, pred_spans, lambda g, p: g == p)
            scores.overlap[role] += _count(gold_spans, pred_spans, partial(_overlaps, role))
    return scores
