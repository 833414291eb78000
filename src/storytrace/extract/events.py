"""Extract stage "events": what happened, who took part, when, and where.

1. dated events: each time expression that dates something (a DATE or TIME,
   not a duration, a set or "now") is attached to what it dates: the first
   event word above it in the parse, a verb ("met ... on Friday") or a noun
   ("the October 19 meeting"); a light verb hands over to its subject or
   object ("the discussion occurred on 14 October", "held talks on Monday");
   a verb outside the lexicon gives an event of type ``other`` when its clause
   names someone, a reporting verb ("said on Tuesday") none: the attributions
   hold what was said;
2. relative events: "two days before meeting Zelensky, Trump spoke with
   Putin" gives two events, the first dated ``P2D`` before the second, which
   may be dated elsewhere (the timeline resolves it);
3. participants: the named people, organisations and countries in the
   event's own clause (subject, objects, "with"/"between" phrases, the
   noun's modifiers), never those of an embedded clause or an apposition; a
   verb with no subject of its own ("expected to meet", "before meeting")
   takes its governor's. Places: what follows in/at/near, or what is visited;
4. main event: who did what, read off a headline that opens with a named
   actor ("Lady Gaga stages protest outside Trump Tower", by position: the
   small model misreads headlinese; :mod:`storytrace.extract.event_lead_headline`),
   else the headline's own clause, else the first lead clause whose subject
   names a person or organisation, else the first that names anyone
   (:mod:`storytrace.extract.event_lead`); a statement ("..., police said")
   only when its sentence reports nothing else, and then with what it states.
   Who: a person a headline's label names is the speaker of what follows it
   ("Lee to voters: ..."); an organisation the opening first names with its
   person is that person ("FBI director James Comey"). When: its own time,
   else the first date of the opening sentences that names a day in its own
   words, else the article's first calendar date within a day of publication
   (:mod:`storytrace.extract.event_lead_time`); where: its own place, else
   the opening sentences' first place after in/at/near (not one in a
   relative clause, which describes someone), else a dateline's; a site with
   the town the lead puts it in (:mod:`storytrace.extract.event_lead_place`);
5. types from :mod:`storytrace.extract.event_types`.

One :class:`Event` is recorded per event word and time expression: an event
dated twice in one article ("on Tuesday last week, February 24") is two
records with the same trigger, which the timeline merges, and compares.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any, ClassVar, Final, Literal

from storytrace.extract.entities import EntityIndex
from storytrace.extract.event_lead import (
    Headline,
    actor_phrase,
    dateline_tokens,
    headline,
    headline_speaker,
    lead_segments,
    main_clause,
    person_of,
)
from storytrace.extract.event_lead_place import lead_place, located, on_line
from storytrace.extract.event_lead_time import first_date, lead_time, names_a_day, with_its_day
from storytrace.extract.event_parse import (
    CLAUSE_DEPS,
    MAX_HOPS,
    PLACE_LABELS,
    PLACE_PREPS,
    child_trigger,
    governed_by,
    is_phone_call,
    is_site,
    line_end,
    phrase_of,
    predicate,
    statement,
    subject_of,
    without_article,
    word_type,
)
from storytrace.extract.event_types import (
    LIGHT_VERBS_OBJECT,
    LIGHT_VERBS_SUBJECT,
    PLOVER,
    REPORTING_VERBS,
    trigger_type,
)
from storytrace.extract.quote_layout import Layout
from storytrace.extract.time import anchor_from_published
from storytrace.records import (
    Attribution,
    Entity,
    Event,
    EventType,
    RelativeTime,
    Span,
    TimeExpression,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as DocSpan

    from storytrace.extract.base import ArticleWork

__all__ = ["EventStage", "extract_events", "is_datable"]

#: TIMEX3 values that date nothing in particular
UNDATABLE_VALUES: Final = frozenset({"PRESENT_REF", "PAST_REF", "FUTURE_REF"})
#: dependents through which an event's participants are reached
PARTICIPANT_DEPS: Final = frozenset({"nsubj", "nsubjpass", "dobj", "dative", "agent", "pobj"})
#: prepositions that introduce participants ("met with", "talks between", "call to")
PARTICIPANT_PREPS: Final = frozenset({"with", "between", "to", "by", "against", "of", "from"})
#: entity types that can take part in an event (NORP is an adjective: "Russian")
PARTICIPANT_TYPES: Final = frozenset({"PERSON", "ORG", "GPE"})
#: words after a duration that count from another event
RELATIVE_WORDS: Final[dict[str, Literal["before", "after"]]] = {
    "before": "before",
    "after": "after",
}


def is_datable(time: TimeExpression) -> bool:
    """Whether ``time`` can date an event: a DATE or TIME that names a moment."""
    return time.type in ("DATE", "TIME") and time.value not in UNDATABLE_VALUES


def extract_events(
    doc: Doc,
    article_id: str,
    entities: Sequence[Entity],
    times: Sequence[TimeExpression],
    attributions: Sequence[Attribution] = (),
    published: str | None = None,
) -> list[Event]:
    """The events of ``doc``: dated, relative, and the main one; in text order.

    ``attributions`` lend their resolved speakers to statements ("he said on
    Tuesday": the "he" the attribution stage resolved takes part); ``published``
    (the article's date) tells the news's own date from older ones.
    """
    return _Extractor(doc, article_id, entities, times, attributions, published).run()


class EventStage:
    """The "events" extract stage: fills ``work.events``."""

    name: ClassVar[str] = "events"
    requires: ClassVar[frozenset[str]] = frozenset({"doc", "entities", "attributions", "times"})
    assigns: ClassVar[frozenset[str]] = frozenset({"events"})

    def run(self, work: ArticleWork) -> None:
        work.events = extract_events(
            work.doc,
            work.article.id,
            work.entities or (),
            work.times or (),
            work.attributions or (),
            work.article.published,
        )


class _Extractor:
    """The events of one article (state shared by the steps: doc, entities, layout)."""

    def __init__(
        self,
        doc: Doc,
        article_id: str,
        entities: Sequence[Entity],
        times: Sequence[TimeExpression],
        attributions: Sequence[Attribution],
        published: str | None,
    ) -> None:
        self.doc = doc
        self.published = _day(anchor_from_published(published))
        self.article_id = article_id
        self.index = EntityIndex(entities)
        by_id = {e.id: e for e in entities}
        self.speakers = {
            q.cue.start: by_id[q.speaker.entity]
            for q in attributions
            if q.cue is not None and q.speaker.entity in by_id
        }
        self.layout = Layout(doc.text)
        self.lead = lead_segments(doc)
        # a dateline says where and when the article was filed: it dates no event
        self.dateline = dateline_tokens(self.lead)
        self.times = [
            (t, span)
            for t in times
            if (span := doc.char_span(t.start, t.end, alignment_mode="expand")) is not None
            and span.start not in self.dateline
        ]
        self.time_tokens = {tok.i for _, span in self.times for tok in span}
        self.skip = self.time_tokens | self.dateline
        self.events: list[Event] = []

    def run(self) -> list[Event]:
        # 1, 2: dated and relative events
        for time, span in self.times:
            if is_datable(time):
                self._dated(time, span)
            elif time.type == "DURATION":
                self._relative(time, span)
        # 4: the main event
        self._main()
        self.events.sort(key=lambda e: (e.trigger.start, e.when.start if e.when else -1))
        renames = {e.id: f"{self.article_id}:v{n}" for n, e in enumerate(self.events, 1)}
        return [_renumber(e, renames) for e in self.events]

    # --- 1. dated events -----------------------------------------------------------

    def _dated(self, time: TimeExpression, span: DocSpan) -> None:
        found = self._event_word(span)
        if found is None:
            return
        trigger, kind, clause = found
        event = self._event(trigger, kind, clause, time=time, time_span=span)
        if kind != "other" or event.participants:
            self._add(event)

    def _event_word(self, span: DocSpan) -> tuple[Token, EventType, Token] | None:
        """The event word a time expression dates, its type, and the head of its clause."""
        token = span.root
        for _ in range(MAX_HOPS):
            if token.head.i == token.i:
                return None
            token = token.head
            if token.i in self.time_tokens:
                continue
            if token.pos_ in ("NOUN", "PROPN"):
                kind = trigger_type(token.lemma_, noun=True)
                if kind is not None:
                    return token, kind, token
                continue
            if token.pos_ in ("VERB", "AUX"):
                found = self._verb_event(token)
                # a participle modifying a noun ("the delegation, led by ...") is where
                # the small model misattaches a date meant for the clause's verb
                if found is not None and found[1] == "other" and token.dep_ == "acl":
                    continue
                return found
        return None

    def _verb_event(self, verb: Token) -> tuple[Token, EventType, Token] | None:
        lemma = verb.lemma_.lower()
        if lemma == "call":
            kind: EventType | None = "call" if is_phone_call(verb) else None
            return None if kind is None else (verb, kind, verb)
        kind = trigger_type(lemma, noun=False)
        if lemma in LIGHT_VERBS_OBJECT:  # "hosted talks", "the summit is scheduled for"
            noun = child_trigger(verb, ("dobj", "nsubjpass"))
            if noun is not None:
                return noun[0], noun[1], verb
        if kind is not None:
            return verb, kind, verb
        if lemma in LIGHT_VERBS_SUBJECT:  # "the discussion occurred on"
            noun = child_trigger(verb, ("nsubj", "nsubjpass"))
            if noun is not None:
                return noun[0], noun[1], verb
        if lemma == "be" or lemma in REPORTING_VERBS:  # "said on Tuesday": an attribution
            return None
        return verb, "other", verb

    # --- 2. relative events ----------------------------------------------------------

    def _relative(self, time: TimeExpression, span: DocSpan) -> None:
        """ "two days before meeting Zelensky, Trump spoke with Putin" """
        prep = span.root.head
        if prep.lower_ not in RELATIVE_WORDS or prep.i in self.time_tokens:
            return
        anchor_word = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
        if anchor_word is None:
            return
        anchor_kind = word_type(anchor_word)
        found = self._verb_event(prep.head) if prep.head.pos_ in ("VERB", "AUX") else None
        if anchor_kind is None or found is None:
            return
        anchor = self._add(self._event(anchor_word, anchor_kind, anchor_word))
        trigger, kind, clause = found
        event = self._event(trigger, kind, clause, exclude=prep)
        relative = RelativeTime(time.value, RELATIVE_WORDS[prep.lower_], anchor.id)
        self._add(_with(event, when=_span(self.doc, span), value=None, relative=relative))

    # --- 4. the main event -----------------------------------------------------------

    def _main(self) -> None:
        title = headline(self.lead)
        if title is not None:
            # "Lee: Chen cost me the vote": Lee says it
            speaker = headline_speaker(self.lead, quoted=True)
            self._main_from_headline(title if speaker is None else replace(title, actor=speaker))
            return
        found = main_clause(self.lead, self.skip)
        if found is None:
            return
        verb, subject = found
        trigger, kind, clause = self._verb_event(verb) or (verb, "other", verb)
        if kind == "other":  # "are expected to meet", "plans to visit": the event is the verb's
            for child in verb.children:
                named = self._verb_event(child) if child.dep_ == "xcomp" else None
                if named is not None and named[1] != "other":
                    trigger, kind = named[0], named[1]
                    break
        own_time = next(
            (
                (t, s)
                for t, s in self.times
                if is_datable(t) and governed_by(s.root, clause) and names_a_day(s)
            ),
            None,
        )
        time = with_its_day(own_time, self.times) if own_time else self._lead_time()
        event = self._event(trigger, kind, clause, time=time[0] if time else None)
        actor = actor_phrase(subject) if subject.i != trigger.i else None
        speaker = headline_speaker(self.lead)
        if speaker is not None and verb.i < line_end(self.doc, speaker.start):
            actor = speaker  # "Lee to voters: The count will stand": Lee says it
        event = _with(
            event,
            who=_span(self.doc, actor) if actor is not None else None,
            what=_span(self.doc, self._main_what(verb)),
            where=self._located(event.where) or self._lead_place(),
        )
        for i, known in enumerate(self.events):
            if known.trigger == event.trigger:  # already recorded (dated): that one is main
                self.events[i] = _with(
                    known,
                    main=True,
                    who=event.who or known.who,
                    what=event.what,  # with its auxiliaries: "were shot"
                    where=self._located(known.where) or event.where,
                )
                return
        self._add(_with(event, main=True))

    def _main_what(self, verb: Token) -> DocSpan:
        """What the main clause says happened; a statement with what it states."""
        if verb.lemma_.lower() in REPORTING_VERBS:
            return statement(verb, self.skip)
        return predicate(verb, self.skip, auxiliaries=True)

    def _main_from_headline(self, title: Headline) -> None:
        """The main event as the headline states it; its time and place from the lead."""
        trigger = title.predicate[0]
        kind = trigger_type(trigger.lemma_, noun=False) or "other"
        time = self._lead_time()
        event = self._event(trigger, kind, trigger, time=time[0] if time else None)
        # "FBI clears Clinton\n\n... FBI director James Comey said ...": the person
        title = replace(title, actor=person_of(title.actor) or title.actor)
        actor = self.index.at(title.actor.start_char, title.actor.end_char)
        people = event.participants
        if actor is not None and actor.id not in people:
            people = (actor.id, *people)
        self._add(
            _with(
                event,
                participants=people,
                who=_span(self.doc, title.actor),
                what=_span(self.doc, title.predicate),
                where=self._located(event.where) or self._lead_place(),
                main=True,
            )
        )

    def _lead_time(self) -> tuple[TimeExpression, DocSpan] | None:
        return lead_time(self.doc, self.times) or first_date(self.times, self.published)

    def _located(self, place: Span | None) -> Span | None:
        """``place`` with its town, when it is a site the lead places in one."""
        found = self.doc.char_span(place.start, place.end) if place is not None else None
        return place if found is None else _span(self.doc, located(found))

    def _lead_place(self) -> Span | None:
        """The opening sentences' first place after "in", "at", "near", else a dateline's."""
        place = lead_place(self.doc, self.dateline)
        return _span(self.doc, located(place)) if place is not None else None

    # --- 3. one event: participants, place, phrases --------------------------------

    def _event(
        self,
        trigger: Token,
        kind: EventType,
        clause: Token,
        *,
        time: TimeExpression | None = None,
        time_span: DocSpan | None = None,
        exclude: Token | None = None,
    ) -> Event:
        skip = set(self.skip)
        if exclude is not None:
            skip.update(t.i for t in exclude.subtree)
        people: list[Entity] = []
        speaker = self.speakers.get(trigger.idx)
        if speaker is not None:
            people.append(speaker)
        places: list[DocSpan] = []
        subject = subject_of(clause, skip)
        if subject is not None:
            self._collect_mention(subject, people, skip)
        for head in dict.fromkeys((trigger, clause)):
            self._collect(head, kind, skip, people, places, top=True)
        if time_span is not None:  # "on 14 October between Witkoff and Ushakov"
            self._collect(time_span.root, kind, skip, people, places)
        who = phrase_of(subject) if subject is not None and subject != trigger else None
        what = predicate(trigger, skip)
        sentence = self._evidence(trigger)
        return Event(
            id=f"pending{len(self.events)}",
            article=self.article_id,
            type=kind,
            plover=PLOVER[kind],
            trigger=_span(self.doc, self.doc[trigger.i : trigger.i + 1]),
            what=_span(self.doc, what),
            evidence=sentence,
            participants=tuple(e.id for e in people),
            who=_span(self.doc, who) if who is not None else None,
            where=_span(self.doc, places[0]) if places else None,
            when=Span(time.start, time.end, time.text) if time else None,
            value=time.value if time else None,
        )

    def _collect(
        self,
        token: Token,
        kind: EventType,
        skip: set[int],
        people: list[Entity],
        places: list[DocSpan],
        *,
        top: bool = False,
    ) -> None:
        """Participants and places among the dependents of an event word."""
        for child in token.children:
            if child.i in skip or child.dep_ in CLAUSE_DEPS:
                continue
            if child.dep_ == "prep":
                word = child.lower_
                for obj in (c for c in child.children if c.dep_ == "pobj" and c.i not in skip):
                    place = self._place(obj) if word in PLACE_PREPS else None
                    if place is not None:
                        places.append(place)
                    elif word in PARTICIPANT_PREPS or (word in PLACE_PREPS and not top):
                        self._collect_mention(obj, people, skip)
                continue
            if child.dep_ in PARTICIPANT_DEPS:
                place = self._place(child, visited=True) if kind == "visit" else None
                if place is not None:
                    places.append(place)
                else:
                    self._collect_mention(child, people, skip)
                    # "meet Danes in Port Halvard": the model hangs the place on the object
                    self._collect(child, kind, skip, people, places)
            elif top and child.dep_ in ("compound", "poss", "nmod"):
                self._collect_mention(child, people, skip)

    def _collect_mention(self, token: Token, people: list[Entity], skip: set[int]) -> None:
        """The entity ``token`` names, and those joined to it by "and"."""
        entity = self.index.at(token.idx, token.idx + len(token))
        if entity is not None and entity.type in PARTICIPANT_TYPES and entity not in people:
            people.append(entity)
        for child in token.children:
            if child.i in skip:
                continue
            if child.dep_ == "conj" or (entity is not None and child.dep_ in ("compound", "poss")):
                self._collect_mention(child, people, skip)

    def _place(self, token: Token, *, visited: bool = False) -> DocSpan | None:
        """The place ``token`` names (its named entity), if it names one.

        "at the White House", "visiting the White House" and "in the Oval Office"
        name a place even when the model calls it an organisation.
        """
        ent = next((e for e in self.doc.ents if e.start <= token.i < e.end), None)
        if ent is None:
            return None
        organisation = ent.label_ == "ORG" and (visited or token.head.lower_ == "at")
        if ent.label_ not in PLACE_LABELS and not organisation and not is_site(ent):
            return None
        return on_line(without_article(ent))

    def _evidence(self, token: Token) -> Span:
        """The sentence of ``token``, cut at the line: the parser runs headings into text."""
        sentence = token.sent
        line_start, line_end = self.layout.bounds(token.idx)
        start = max(sentence.start_char, line_start)
        end = min(sentence.end_char, line_end)
        text = self.doc.text[start:end]
        stripped = text.strip()
        start += len(text) - len(text.lstrip())
        return Span(start, start + len(stripped), stripped)

    def _add(self, event: Event) -> Event:
        """Record ``event`` unless the same trigger and time is already recorded."""
        for known in self.events:
            if known.trigger == event.trigger and known.when == event.when:
                return known
        event = _with(event, id=f"pending{len(self.events)}")
        self.events.append(event)
        return event


def _day(moment: dt.date | None) -> dt.date | None:
    """The calendar day of a date or a date and time."""
    return moment.date() if isinstance(moment, dt.datetime) else moment


def _span(doc: Doc, span: DocSpan) -> Span:
    return Span(span.start_char, span.end_char, span.text)


def _with(event: Event, **changes: Any) -> Event:
    return replace(event, **changes)


def _renumber(event: Event, renames: dict[str, str]) -> Event:
    """``event`` under its final id (articles' events are numbered in text order)."""
    relative = event.relative
    if relative is not None:
        relative = replace(relative, anchor=renames[relative.anchor])
    return replace(event, id=renames[event.id], relative=relative)
