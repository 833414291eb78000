"""Scoring the main event of an article against the Giveme5W1H gold standard.

Giveme5W1H's authors had coders judge each extracted answer relevant (1),
partially relevant (0.5) or not (0), and report precision as the mean. Here
the coders' own phrases stand in for their judgement, decided before any
score was seen:

* **match** of an answer with a coder phrase, on content words (lower case,
  no punctuation, no stop words, no inflection: "protests" = "protest",
  "named" = "name"): 1 when the shared words are at least half of each side's
  ("Donald Trump" / "Trump"), 0.5 when they share any word ("FBI" / "FBI
  Director James Comey"), else 0. A "when" answer also matches fully when its
  TIMEX3 value names the day the coders parsed their phrase as, unless that
  parsed day is not the weekday the phrase itself names (some are not: "6:10am
  on Wednesday" parsed as a Saturday; crediting a "Saturday" there credits what
  the coders did not choose);
* a "who" or "where" answer also matches fully when all its words are in the
  phrase and include the phrase's head, the last word before its first comma,
  preposition or "and" ("Christian Horner" / "Red Bull boss Christian Horner",
  "Comey" / "James B. Comey", "Croydon" / "Croydon, South London"): it names
  the same actor or place, which a judge accepts, where the half-of-each-side
  rule alone gave 0.5 to a surname against a full name with its title;
* a "what" answer also matches fully when it holds all the phrase's words (and
  at most ``MAX_WHAT_WORDS``): it states the same action with its complements
  ("stages protest outside Trump Tower" / "stages protest"), which a judge
  accepts, where the half-of-each-side rule gave 0.5 for the added detail;
* **relevance** of the phrase: 1 when a majority (2 of 3) of coders chose it,
  0.5 when one did (the paper's "partially relevant");
* the answer scores its best ``match × relevance`` over the phrases; where the
  coders agreed there is no answer, any answer scores 0 (a "when" still
  scores when it names the day they parsed).

Precision per question = mean score of the answers given; coverage = answers
given / articles. ``coder share`` is a stricter view: relevance is the share
of the three coders who chose the phrase (2 of 3 → 0.67).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Final

from storytrace.config import load_config
from storytrace.errors import ConfigError
from storytrace.eval.datasets import DEFAULT_DATA_DIR
from storytrace.eval.giveme5w1h import (
    FIELDS,
    SPLITS,
    Field,
    FiveWDocument,
    GoldPhrase,
    load_giveme5w1h,
)
from storytrace.eval.run import EvalResult
from storytrace.pipeline import Pipeline
from storytrace.records import Article, ArticleAnalysis
from storytrace.store import text_key

__all__ = [
    "CODERS",
    "EVENT_DATASETS",
    "EVENT_STAGES",
    "Answer",
    "FieldScore",
    "article_text",
    "evaluate_events",
    "head_word",
    "main_answers",
    "match",
    "relevance",
    "score_answer",
    "score_main",
    "stem",
]

#: coders per article in the gold standard
CODERS: Final = 3
#: coders that make a majority: a phrase chosen by as many is fully relevant
MAJORITY: Final = 2
#: share of each side's content words an answer and a phrase must share to match fully
FULL_MATCH_SHARE: Final = 0.5
STOP_WORDS: Final = frozenset({
    "a", "an", "the", "of", "in", "at", "on", "to", "for", "and", "or", "by", "with", "from",
    "as", "is", "are", "was", "were", "be", "been", "has", "have", "had", "his", "her", "its",
    "their", "s", "mr", "mrs", "ms", "dr", "that", "this", "it",
})  # fmt: skip
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
WEEKDAYS: Final = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
#: words and the marks that end a noun phrase's first part (its head is the last word before)
_TOKEN = re.compile(r"[^\W_]+|[,;:()]", re.UNICODE)
#: words that end a noun phrase's first part: "city of X", "boy in Y", "A, B and C"
HEAD_BREAKS: Final = frozenset({
    "of", "in", "at", "on", "near", "from", "for", "with", "by", "to", "outside", "inside",
    "and", "or", "who", "which", "that", ",", ";", ":", "(", ")",
})  # fmt: skip
#: a "what" with this many content words at most that holds all of a coder phrase's
#: states its action ("stages protest outside the hall" / "stages protest"); the
#: extractor cuts a "what" at 12 tokens, so this bound only guards against a paragraph
MAX_WHAT_WORDS: Final = 10
#: the questions whose answers are noun phrases, matched also by their head
NOUN_FIELDS: Final = frozenset({"who", "where"})
#: inflections stripped before words are compared ("protests", "named", "winning")
_SUFFIXES: Final = ("ing", "ed", "es", "s")
#: a word this short keeps its ending ("us", "was", "bus")
MIN_STEM: Final = 3


@dataclass(frozen=True, slots=True)
class Answer:
    """One extracted answer: its words and, for "when", its TIMEX3 value."""

    text: str
    value: str | None = None


@dataclass(frozen=True, slots=True)
class FieldScore:
    """Scores of one question over a set of articles."""

    answered: int
    articles: int
    total: float
    total_share: float

    @property
    def precision(self) -> float:
        return self.total / self.answered if self.answered else 0.0

    @property
    def coder_share(self) -> float:
        return self.total_share / self.answered if self.answered else 0.0

    @property
    def coverage(self) -> float:
        return self.answered / self.articles if self.articles else 0.0


def stem(word: str) -> str:
    """``word`` without its inflection: "protests", "protested", "protesting" -> "protest"."""
    for suffix in _SUFFIXES:
        if suffix == "s" and word.endswith(("ss", "us", "is")):  # "boss", "census", "crisis"
            continue
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM:
            word = word[: -len(suffix)]
            # "winning" -> "winn" -> "win", "stopped" -> "stopp" -> "stop"
            if len(word) > MIN_STEM and word[-1] == word[-2] and word[-1] not in "aeiouls":
                word = word[:-1]
            break
    # "stage" / "staged" / "stages": one stem
    return word[:-1] if word.endswith("e") and len(word) > MIN_STEM else word


def _words(text: str) -> set[str]:
    return {
        stem(w) for w in (m.group().lower() for m in _WORD.finditer(text)) if w not in STOP_WORDS
    }


def head_word(text: str) -> str | None:
    """The head of a noun phrase: its last content word before the first comma,
    preposition or "and" ("Red Bull boss Christian Horner" -> horner, "in a
    tunnel near the station" -> tunnel)."""
    head = None
    for m in _TOKEN.finditer(text):
        token = m.group().lower()
        if token in HEAD_BREAKS:
            if head is not None:
                break
            continue
        if token not in STOP_WORDS:
            head = stem(token)
    return head


def match(answer: Answer, phrase: GoldPhrase, field: str | None = None) -> float:
    """How well ``answer`` to ``field`` matches one coder phrase: 1, 0.5 or 0."""
    if (
        answer.value
        and phrase.parsed
        and answer.value[:10] == phrase.parsed[:10]
        and _parsed_agrees(phrase)
    ):
        return 1.0
    if phrase.text is None:
        return 0.0
    ours, theirs = _words(answer.text), _words(phrase.text)
    shared = len(ours & theirs)
    if not shared:
        return 0.0
    if shared >= FULL_MATCH_SHARE * len(ours) and shared >= FULL_MATCH_SHARE * len(theirs):
        return 1.0
    if field in NOUN_FIELDS and ours <= theirs and head_word(phrase.text) in ours:
        return 1.0
    if field == "what" and theirs <= ours and len(ours) <= MAX_WHAT_WORDS:
        return 1.0
    return 0.5


def _parsed_agrees(phrase: GoldPhrase) -> bool:
    """Whether the coders' parsed date falls on the weekday their phrase names: some
    do not ("6:10am on Wednesday" parsed as a Saturday), and then the phrase is
    what they chose. (A calendar date in the phrase may be the article's, not the
    event's: "November 3" for a game that ended late on November 2.)"""
    if phrase.parsed is None or phrase.text is None:
        return True
    try:
        day = date.fromisoformat(phrase.parsed[:10])
    except ValueError:
        return False
    words = [w.lower() for w in _WORD.findall(phrase.text)]
    weekdays = [WEEKDAYS.index(w) for w in words if w in WEEKDAYS]
    return not weekdays or day.weekday() in weekdays


def relevance(phrase: GoldPhrase) -> float:
    """1 for a phrase a majority of coders chose, 0.5 for one chosen by one coder."""
    return min(1.0, phrase.coders / MAJORITY)


def score_answer(
    answer: Answer, gold: Sequence[GoldPhrase], field: str | None = None
) -> tuple[float, float]:
    """(score, coder-share score) of one answer to ``field`` against its coder phrases."""
    best = best_share = 0.0
    for phrase in gold:
        m = match(answer, phrase, field)
        best = max(best, m * relevance(phrase))
        best_share = max(best_share, m * phrase.coders / CODERS)
    return best, best_share


def score_main(
    docs: Sequence[FiveWDocument],
    predictions: Callable[[FiveWDocument], dict[Field, Answer | None]],
) -> dict[Field, FieldScore]:
    """Precision, coder share and coverage of each question over ``docs``."""
    totals = {f: [0, 0.0, 0.0] for f in FIELDS}
    for doc in docs:
        answers = predictions(doc)
        for field in FIELDS:
            answer = answers.get(field)
            if answer is None:
                continue
            score, share = score_answer(answer, doc.answers[field], field)
            totals[field][0] += 1
            totals[field][1] += score
            totals[field][2] += share
    return {
        f: FieldScore(int(n), len(docs), float(total), float(share))
        for f, (n, total, share) in totals.items()
    }


# --- running it -----------------------------------------------------------------------

#: the extract stages the main event needs (attributions lend statements their speakers)
EVENT_STAGES: Final = ("entities", "attributions", "times", "events")


def main_answers(analysis: ArticleAnalysis) -> dict[Field, Answer | None]:
    """Who / what / when / where of the article's main event (None where it has none)."""
    main = next((e for e in analysis.events if e.main), None)
    if main is None:
        return dict.fromkeys(FIELDS)
    names = {e.id: e.name for e in analysis.entities}
    who: Answer | None = None
    if main.who is not None:
        who = Answer(main.who.text)
    elif main.participants:
        who = Answer(names.get(main.participants[0], main.participants[0]))
    return {
        "who": who,
        "what": Answer(main.what.text),
        "when": Answer(main.when.text, main.value) if main.when is not None else None,
        "where": Answer(main.where.text) if main.where is not None else None,
    }


def article_text(doc: FiveWDocument) -> str:
    """The article as storytrace reads a plain-text one: the headline on the first line."""
    return f"{doc.title}\n\n{doc.text}" if doc.title else doc.text


def evaluate_events(
    dataset: str,
    *,
    data_dir: Path = DEFAULT_DATA_DIR,
    pipeline: Pipeline | None = None,
    limit: int | None = None,
) -> EvalResult:
    """Main-event who / what / when / where precision on Giveme5W1H (all, dev or test)."""
    split = dataset.removeprefix("giveme5w1h").removeprefix("-") or "all"
    if not dataset.startswith("giveme5w1h") or split not in SPLITS:
        raise ConfigError(
            f"unknown events dataset {dataset!r}",
            hint=f"choose one of: {', '.join(EVENT_DATASETS)}",
        )
    docs = load_giveme5w1h(split, data_dir)[:limit]
    if pipeline is None:
        pipeline = Pipeline(replace(load_config(), stages=EVENT_STAGES))
    articles = [
        Article(id=d.id, key=text_key(t), input=d.id, text=t, published=d.published)
        for d in docs
        for t in (article_text(d),)
    ]
    predicted = {a.article.id: main_answers(a) for a in pipeline.analyse(articles)}
    scores = score_main(docs, lambda d: predicted[d.id])
    values: dict[str, float] = {}
    lines = [f"Giveme5W1H {split}: {len(docs)} articles (main event, coder phrases as judges)"]
    for field, s in scores.items():
        values[f"{field}.precision"] = s.precision
        values[f"{field}.coder_share"] = s.coder_share
        values[f"{field}.coverage"] = s.coverage
        lines.append(
            f"  {field:<6} precision {100 * s.precision:5.1f}  coder share "
            f"{100 * s.coder_share:5.1f}  coverage {100 * s.coverage:5.1f}  "
            f"({s.answered} answered)"
        )
    values["mean.precision"] = sum(s.precision for s in scores.values()) / len(scores)
    values["mean.coder_share"] = sum(s.coder_share for s in scores.values()) / len(scores)
    lines.append(
        f"  mean   precision {100 * values['mean.precision']:5.1f}  coder share "
        f"{100 * values['mean.coder_share']:5.1f}"
    )
    lines.append("  published (Giveme5W1H, human-judged): precision 0.82 on who/what/when/where")
    return EvalResult(dataset, len(docs), values, tuple(lines))


EVENT_DATASETS: Final = ("giveme5w1h", "giveme5w1h-dev", "giveme5w1h-test")
