"""The event types of political news, the words that name them, and their PLOVER categories.

A small, closed set, chosen for what a reader of a developing story wants on
its timeline (who called, met, visited, said, published, decided, attacked):

================  ==================================================  ========
type              named by (verbs / nouns)                            PLOVER
================  ==================================================  ========
call              phone, call (someone) / call, phone call            CONSULT
meeting           meet, host / meeting, summit, hearing               CONSULT
visit             visit, arrive, travel / visit, trip                 CONSULT
talks             talk, speak with, negotiate / talks, discussion     CONSULT
statement         warn, defend, praise / statement, speech            —
publication       report, publish, leak / report, leak                —
announcement      announce, unveil / announcement                     —
decision          decide, approve, cancel, sign / decision, ruling    —
agreement         agree / deal, agreement, ceasefire                  AGREE
accusation        accuse, blame, criticise / accusation               ACCUSE
threat            threaten / threat, ultimatum                        THREATEN
request           demand, urge, request / demand, request             REQUEST
attack            attack, strike, bomb, shoot / attack, bombing       ASSAULT
protest           protest, rally, march / protest, demonstration      PROTEST
election          vote, elect / election, vote, referendum            —
accident          derail, crash, collapse / crash, accident           —
other             anything else that is dated and has a participant   —
================  ==================================================  ========

PLOVER (the Political Language Ontology for Verifiable Event Records, the
successor of CAMEO) has no category for speech, publication or procedure;
those types map to ``None``. Lemmas are spaCy's (``en_core_web_sm``).
"""

from __future__ import annotations

from typing import Final

from storytrace.records import EventType

__all__ = [
    "CONSULT_TYPES",
    "LIGHT_VERBS_OBJECT",
    "LIGHT_VERBS_SUBJECT",
    "NOUN_TRIGGERS",
    "PLOVER",
    "REPORTING_VERBS",
    "VERB_TRIGGERS",
    "compatible",
    "trigger_type",
]

PLOVER: Final[dict[EventType, str | None]] = {
    "call": "CONSULT", "meeting": "CONSULT", "visit": "CONSULT", "talks": "CONSULT",
    "statement": None, "publication": None, "announcement": None, "decision": None,
    "agreement": "AGREE", "accusation": "ACCUSE", "threat": "THREATEN", "request": "REQUEST",
    "attack": "ASSAULT", "protest": "PROTEST", "election": None, "accident": None,
    "other": None,
}  # fmt: skip


def _by_type(table: dict[EventType, str]) -> dict[str, EventType]:
    return {word: kind for kind, words in table.items() for word in words.split()}


#: verb lemmas that name an event ("call" is handled apart: "called him a liar" is none)
VERB_TRIGGERS: Final = _by_type({
    "call": "phone ring",
    "meeting": "meet host convene",
    "visit": "visit arrive travel land fly tour",
    "talks": "talk speak discuss negotiate confer consult",
    # not "say", "tell", "claim", "insist": reporting verbs are the attributions'
    # cues, and as events they would bury the timeline under who-said-what
    "statement": (
        "warn deny defend praise respond reply acknowledge admit testify tweet blast hail "
        "thank apologise apologize concede"
    ),
    "publication": "report publish leak reveal release broadcast air",
    "announcement": "announce unveil declare",
    "decision": (
        "decide approve reject cancel reverse suspend veto sign rule order impose lift halt "
        "resign fire appoint nominate pardon withdraw"
    ),
    "agreement": "agree settle",
    "accusation": "accuse blame criticise criticize condemn denounce",
    "threat": "threaten",
    "request": "demand urge request appeal",
    "attack": "attack strike bomb shell shoot kill invade raid assault",
    "protest": "protest demonstrate rally march",
    "election": "vote elect",
    "accident": "derail crash collapse overturn",
})  # fmt: skip

#: noun lemmas that name an event
NOUN_TRIGGERS: Final = _by_type({
    "call": "call phone conversation",
    "meeting": "meeting summit session hearing conference gathering encounter",
    "visit": "visit trip arrival tour",
    "talks": "talks talk discussion negotiation negotiations dialogue",
    "statement": "statement remarks speech address interview testimony",
    "publication": "report leak publication broadcast",
    "announcement": "announcement declaration unveiling",
    "decision": "decision ruling verdict veto ban resignation appointment",
    "agreement": "deal agreement accord ceasefire truce treaty pact",
    "accusation": "accusation criticism condemnation allegation",
    "threat": "threat ultimatum",
    "request": "demand request appeal",
    "attack": (
        "attack strike strikes bombing shooting assault raid invasion offensive airstrike "
        "explosion blast killing"
    ),
    "protest": "protest demonstration rally march",
    "election": "election vote referendum ballot",
    "accident": "crash derailment accident collision",
})  # fmt: skip

#: verbs that report speech: a date on one dates a statement the attributions hold
#: ("she said on Tuesday"), not an event for the timeline
REPORTING_VERBS: Final = frozenset({
    "say", "tell", "add", "claim", "insist", "state", "write", "comment", "argue", "explain",
    "note", "ask", "describe",
})  # fmt: skip
#: verbs whose subject names the event ("the discussion occurred on 14 October")
LIGHT_VERBS_SUBJECT: Final = frozenset({
    "occur", "happen", "take", "come", "begin", "start", "end", "finish", "continue",
    "resume", "last", "be",
})  # fmt: skip
#: verbs whose object names the event ("held talks", "made a call", "gave a speech")
LIGHT_VERBS_OBJECT: Final = frozenset({
    "hold", "have", "make", "give", "conduct", "stage", "launch", "carry", "attend", "join",
    "place", "deliver", "host", "schedule", "plan", "set", "cancel", "postpone",
})  # fmt: skip

#: the types that are ways of consulting: one exchange may be called a call by one
#: outlet and talks by another, a meeting and a visit
CONSULT_TYPES: Final = frozenset({"call", "meeting", "visit", "talks"})
#: pairs of consulting types that may name the same exchange
_SAME_EXCHANGE: Final = frozenset({
    frozenset({"call", "talks"}), frozenset({"meeting", "talks"}),
    frozenset({"meeting", "visit"}),
})  # fmt: skip


def trigger_type(lemma: str, *, noun: bool) -> EventType | None:
    """The event type a verb or noun lemma names, if any."""
    return (NOUN_TRIGGERS if noun else VERB_TRIGGERS).get(lemma.lower())


def compatible(a: EventType, b: EventType) -> bool:
    """Whether mentions of types ``a`` and ``b`` may report the same event."""
    return a == b or frozenset({a, b}) in _SAME_EXCHANGE
