"""Who "he", "she", "it" and "the company" stand for: the most salient agreeing referent.

A light version of Lappin and Leass's salience (1994), read off the parse in
one pass over the article, outside quotations:

* each mention of a person or organisation — by name, by surname, or by a
  pronoun already resolved — adds to its referent's salience, more as a
  subject, more again as the subject of a reporting verb ("Vickers said"),
  less as an object;
* salience halves with each sentence (and line), so the latest prominent
  referent wins, and one mentioned in passing ("a credit union run by Martin
  Legere") does not displace the speaker whose sentence it sits in;
* "he"/"she" pick the most salient person whose gender does not disagree;
  "it" the most salient organisation.

Referents (:mod:`speaker_referents`) are the article's people and
organisations, with the surnames and names the entity stage left apart or
mistyped joined to them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from storytrace.extract.cues import REPORTING_VERBS
from storytrace.extract.speaker_referents import Referent, Referents

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from storytrace.extract.entities import EntityIndex
    from storytrace.extract.quote_layout import Layout

__all__ = ["PRONOUN_GENDERS", "Salience"]

#: personal pronouns resolved to people: +1 masculine, -1 feminine
PRONOUN_GENDERS: Final = {
    "he": 1,
    "him": 1,
    "his": 1,
    "himself": 1,
    "she": -1,
    "her": -1,
    "hers": -1,
    "herself": -1,
}
#: pronouns resolved to organisations
ORGANISATION_PRONOUNS: Final = frozenset({"it", "its"})
#: Lappin and Leass's weights: any mention, subject, direct object; and a
#: reporting verb's subject, who is who a later "he said" most often means
RECENCY_WEIGHT: Final = 100.0
SUBJECT_WEIGHT: Final = 80.0
OBJECT_WEIGHT: Final = 50.0
SPEAKER_WEIGHT: Final = 50.0
#: salience kept from one sentence to the next (L&L halve it)
SENTENCE_DECAY: Final = 0.5
#: below this a referent is out of reach: a mention about six sentences back
#: (set on GGT's tuning half: the old rule looked 2-6 paragraphs back)
MIN_SALIENCE: Final = RECENCY_WEIGHT * SENTENCE_DECAY**6
#: mentions that make a person the one an article is about (2-8 scored alike on
#: GGT's tuning half)
PROTAGONIST_MENTIONS: Final = 3
#: a pronoun's sentence and the one before, where a named subject is its topic
#: (centering's preferred centre; 3 scored one quote more on GGT's tuning half)
TOPIC_UNITS: Final = 2
#: failing that (no one named or brought in there), a subject named this many back
#: still is: a paraphrase may stand between the name and the quotation (3 and 4
#: scored alike on GGT's tuning half)
FAR_TOPIC_UNITS: Final = 3
#: sentences after a description looked at for the name it announces
FORWARD_UNITS: Final = 1
SUBJECT_DEPS: Final = frozenset({"nsubj", "nsubjpass"})
OBJECT_DEPS: Final = frozenset({"dobj", "dative"})

_Scores = dict[str, float]


@dataclass(frozen=True, slots=True)
class _Mention:
    token: int
    referent: Referent
    weight: float


class Salience:
    """Salience of the people and organisations of one article, sentence by sentence."""

    def __init__(self, doc: Doc, index: EntityIndex, layout: Layout, in_quote: bytearray) -> None:
        self._doc = doc
        self._in_quote = in_quote
        self.referents = Referents(doc, index, layout, in_quote)
        self._resolved: dict[int, Referent] = {}
        #: per unit (a sentence's part on one line): first token, salience at its start,
        #: and the mentions in it
        self._units: list[tuple[int, _Scores, list[_Mention]]] = []
        scores: _Scores = {}
        for start, end in _units(doc, layout):
            if layout.is_caption(int(doc[start].idx)):
                continue  # a photo caption names whoever is pictured, not who speaks next
            if all(doc[k].is_punct or doc[k].is_space for k in range(start, end)):
                continue  # a stray quotation mark split off is no sentence
            if any(not in_quote[k] and not doc[k].is_punct for k in range(start, end)):
                scores = {k: s * SENTENCE_DECAY for k, s in scores.items() if s >= MIN_SALIENCE / 2}
            mentions: list[_Mention] = []
            base = dict(scores)
            self._units.append((start, base, mentions))
            for k in range(start, end):
                if in_quote[k]:
                    continue
                referent = self.referents.named(k, scores) or self._resolve_pronoun(doc[k], scores)
                if referent is None or _describes_a_name(doc[k], self.referents):
                    continue
                mention = _Mention(k, referent, _weight(doc[k]))
                mentions.append(mention)
                _add(base, mentions, scores, mention)

    # queries --------------------------------------------------------------------

    def resolved(self, token: Token) -> Referent | None:
        """The referent the pronoun ``token`` stands for, if one was in reach."""
        return self._resolved.get(token.i)

    def salient(self, token: Token, person: bool, gender: int = 0) -> Referent | None:
        """The most salient person (or organisation) just before ``token``."""
        return self.referents.best(self._scores_before(token.i), person, gender, MIN_SALIENCE)

    def named_last(self, token: Token) -> Referent | None:
        """The organisation named in ``token``'s sentence or the one before: the last
        named as a main clause's subject, else the last named ("…had been done by
        TransLink. The agency told CTV News…")."""
        units = [u for u in self._units if u[0] <= token.i][-TOPIC_UNITS:]
        named = [
            m
            for _, _, mentions in units
            for m in mentions
            if m.token < token.i and self._doc[m.token].pos_ == "PROPN" and m.referent.organisation
        ]
        topics = [m for m in named if _main_subject(self._doc[m.token])]
        last = (topics or named)[-1:]
        return last[0].referent if last else None

    def named_next(self, token: Token, gender: int = 0) -> Referent | None:
        """The first person named as a subject after ``token``, within a few sentences:
        a lede's "A Vancouver hockey coach says…" is named in the next ("Jo Farr, 34, …")."""
        later = [u for u in self._units if u[0] > token.i]
        current = [u for u in self._units if u[0] <= token.i][-1:]
        for _, _, mentions in (*current, *later[:FORWARD_UNITS]):
            for mention in mentions:
                head = self._doc[mention.token]
                role = head.head if head.dep_ == "appos" else head
                # named as a subject, as an introduction is ("Jo Farr, 34, needs…"), not
                # in passing ("the deal struck with Kinder Morgan")
                named = head.pos_ != "PRON" and role.dep_ in SUBJECT_DEPS
                agrees = mention.referent.gender * gender >= 0
                # not someone in the description's own statement ("A producer told
                # the paper that Trump canceled…")
                own = token.head.left_edge.i <= mention.token <= token.head.right_edge.i
                if (
                    mention.token > token.i
                    and mention.referent.person
                    and named
                    and agrees
                    and not own
                ):
                    return mention.referent
        return None

    def protagonist(self, token: Token, gender: int = 0) -> Referent | None:
        """The person named most often before ``token`` (at least
        ``PROTAGONIST_MENTIONS`` times): who "the mayor" is when no one is in reach."""
        counts: dict[str, int] = {}
        for start, _, mentions in self._units:
            if start > token.i:
                break
            for mention in mentions:
                referent = mention.referent
                if mention.token < token.i and referent.person and referent.gender * gender >= 0:
                    counts[referent.key] = counts.get(referent.key, 0) + 1
        key = max(counts, key=lambda k: counts[k], default=None)
        if key is None or counts[key] < PROTAGONIST_MENTIONS:
            return None
        return self.referents.by_key[key]

    # construction ----------------------------------------------------------------

    def _resolve_pronoun(self, token: Token, scores: _Scores) -> Referent | None:
        if token.pos_ != "PRON":
            return None
        word = token.lower_
        gender = PRONOUN_GENDERS.get(word)
        if gender is not None:
            referent = self._named_subject_before(token, gender)
            referent = referent or self._introduced_before(token, gender)
            referent = referent or self._named_subject_before(token, gender, FAR_TOPIC_UNITS)
            referent = referent or self.referents.best(scores, True, gender, MIN_SALIENCE)
            if referent is not None:
                self.referents.learn_gender(referent, gender)
        elif word in ORGANISATION_PRONOUNS:
            referent = self.referents.best(scores, False, 0, MIN_SALIENCE)
        else:
            return None
        if referent is not None:
            self._resolved[token.i] = referent
        return referent

    def _named_subject_before(
        self, token: Token, gender: int, reach: int = TOPIC_UNITS
    ) -> Referent | None:
        """The person last named as a subject in ``token``'s sentence or the one before
        (``reach`` sentences in all):
        naming someone as the subject shifts the topic to them, whoever spoke before
        ("Myers also cited an idea from Clayton… “Whenever…,” he said")."""
        units = [u for u in self._units if u[0] <= token.i][-reach:]
        for _, _, mentions in reversed(units):
            for mention in reversed(mentions):
                head = self._doc[mention.token]
                role = head.head if head.dep_ == "appos" else head
                if (
                    mention.token < token.i
                    and head.pos_ != "PRON"
                    and role.dep_ in SUBJECT_DEPS
                    and _main_clause(role.head)
                    and mention.referent.person
                    and mention.referent.gender * gender >= 0
                ):
                    return mention.referent
        return None

    def _introduced_before(self, token: Token, gender: int) -> Referent | None:
        """The person the sentence before ``token``'s brings (back) in, in any role, when
        no person is a main clause's subject in it or before ``token`` in its own
        ("That's not how Koval sees it. “…,” he said"): a news story
        introduces someone right before quoting them ("…produced results for
        accountant Ada Obi, 50. “…,” she says"). Someone named in passing while
        another speaks ("He said the union, run by Al Roy, …") is not."""
        units = [u for u in self._units if u[0] <= token.i][-TOPIC_UNITS:]
        if len(units) < TOPIC_UNITS:
            return None
        mentions = [m for _, _, ms in units for m in ms if m.token < token.i]
        people = [m for m in mentions if m.referent.person]
        if any(_main_subject(self._doc[m.token]) for m in people):
            return None
        # a name modifying a noun ("the Kinder Morgan pipeline") introduces no one
        before = [m for m in units[0][2] if m.referent.person]
        if any(self._doc[m.token].dep_ == "compound" for m in before):
            return None
        if len({m.referent.key for m in people}) != 1 or not before:
            return None
        first = before[0]
        new = units[0][1].get(first.referent.key, 0.0) < MIN_SALIENCE  # not in reach before
        agrees = first.referent.gender * gender >= 0
        return first.referent if new and agrees and self._doc[first.token].pos_ != "PRON" else None

    def _scores_before(self, i: int) -> _Scores:
        chosen: tuple[int, _Scores, list[_Mention]] = (0, {}, [])
        for unit in self._units:
            if unit[0] > i:
                break
            chosen = unit
        _, base, mentions = chosen
        scores = dict(base)
        for n, mention in enumerate(mentions):
            if mention.token >= i:
                break
            _add(base, mentions[: n + 1], scores, mention)
        return scores


def _add(base: _Scores, unit: list[_Mention], scores: _Scores, mention: _Mention) -> None:
    """Count ``mention`` in: a referent gains the weights of all its mentions in the
    sentence (L&L count each factor once per sentence; summing them, which favours
    the person a paragraph is about, did better on GGT's tuning half)."""
    key = mention.referent.key
    scores[key] = base.get(key, 0.0) + sum(m.weight for m in unit if m.referent.key == key)


def _units(doc: Doc, layout: Layout) -> list[tuple[int, int]]:
    """Token ranges of sentences, cut at line breaks (a caption without a full stop
    runs into the next paragraph's sentence)."""
    units = []
    for sentence in doc.sents:
        start = int(sentence.start)
        line = layout.index(int(doc[start].idx))
        for k in range(start + 1, int(sentence.end)):
            here = layout.index(int(doc[k].idx))
            if here != line and not doc[k].is_space:
                units.append((start, k))
                start, line = k, here
        units.append((start, int(sentence.end)))
    return units


def _describes_a_name(token: Token, referents: Referents) -> bool:
    """ "Jim Eglinski, Yellowhead MP, said": an appositive the tagger took for a name
    of its own only describes the name it stands beside."""
    return token.dep_ == "appos" and referents.read_as(token.head.i) is not None


def _weight(token: Token) -> float:
    """A mention's salience from its role: "Vickers said" > "told Vickers" > "Vickers' son"."""
    role = token
    if token.dep_ == "appos":  # "the director, Kevin Haley, agreed"
        role = token.head
    weight = RECENCY_WEIGHT
    if role.dep_ in SUBJECT_DEPS:
        weight += SUBJECT_WEIGHT
        if str(role.head.lemma_).lower() in REPORTING_VERBS:
            weight += SPEAKER_WEIGHT
    elif role.dep_ in OBJECT_DEPS:
        weight += OBJECT_WEIGHT
    return weight


def _main_subject(token: Token) -> bool:
    """Whether ``token`` (or the name it is in apposition to) is a main clause's subject."""
    role = token.head if token.dep_ == "appos" else token
    return role.dep_ in SUBJECT_DEPS and _main_clause(role.head)


def _main_clause(verb: Token) -> bool:
    """Whether ``verb`` heads its sentence (or a clause joined to it), not a report."""
    return verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT")
