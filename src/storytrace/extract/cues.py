"""Word lists that the attribution stage matches against token lemmas.

Kept apart from the extraction logic so the lists can be read, reviewed and
extended without touching the rules that use them. Every entry is a lowercase
spaCy lemma (or lowercase word where noted).
"""

from __future__ import annotations

from typing import Final

__all__ = [
    "ACCORDING_TO_LEMMA",
    "ANONYMOUS_HEADS",
    "ANONYMOUS_QUANTIFIERS",
    "DIRECT_ONLY_VERBS",
    "DOCUMENT_HEADS",
    "INDIRECT_VERBS",
    "REPORTING_VERBS",
    "SPEAKER_PRONOUNS",
]

# fmt: off
#: verbs that report speech or writing; a quotation needs one of these as its cue
REPORTING_VERBS: Final = frozenset({
    "acknowledge", "add", "admit", "affirm", "agree", "allege", "announce", "answer", "argue",
    "ask", "assert", "assure", "boast", "brag", "caution", "charge", "claim", "comment",
    "complain", "concede", "confirm", "contend", "counter", "declare", "demand", "deny",
    "describe", "disclose", "emphasise", "emphasize", "estimate", "explain", "inform", "insist",
    "joke", "lament", "maintain", "mention", "note", "observe", "pledge", "predict", "promise",
    "protest", "quip", "recall", "recount", "reiterate", "remark", "repeat", "reply", "report",
    "respond", "retort", "reveal", "say", "scoff", "speculate", "state", "stress", "suggest",
    "tell", "testify", "tweet", "unveil", "urge", "vow", "warn", "write",
})
# fmt: on

#: verbs accepted only as the cue right next to a direct quotation ("…,” he
#: continued), never when climbing the parse from a partial quotation, where
#: "the war could continue ‘…’" would otherwise make a cue of them
DIRECT_ONLY_VERBS: Final = frozenset({"begin", "conclude", "continue"})

#: reporting verbs whose clausal complement is a reported statement. "ask"
#: introduces questions, and the rest only take quoted speech in practice.
INDIRECT_VERBS: Final = REPORTING_VERBS - frozenset(
    {"ask", "counter", "joke", "quip", "retort", "scoff", "urge"}
)

#: cue_lemma recorded for "according to X"
ACCORDING_TO_LEMMA: Final = "according to"

# fmt: off
#: head nouns of descriptions that leave a human source unnamed
#: ("a former diplomat", "officials", "people familiar with the talks")
ANONYMOUS_HEADS: Final = frozenset({
    "adviser", "advisor", "aide", "analyst", "diplomat", "employee", "expert", "figure",
    "individual", "insider", "lawmaker", "member", "negotiator", "observer", "officer",
    "official", "people", "person", "representative", "source", "spokesman", "spokesperson",
    "spokeswoman", "staffer", "witness",
})
# fmt: on

#: pronouns that stand for an unnamed group of speakers ("some said")
ANONYMOUS_QUANTIFIERS: Final = frozenset({"many", "others", "several", "some", "someone"})

# fmt: off
#: head nouns of written or recorded sources; a named owner ("a Bloomberg
#: report") makes the owner the speaker
DOCUMENT_HEADS: Final = frozenset({
    "analysis", "article", "assessment", "audit", "data", "document", "email", "filing",
    "footage", "investigation", "letter", "memo", "poll", "post", "recording", "release",
    "report", "statement", "story", "study", "survey", "transcript", "tweet", "video",
})
# fmt: on

#: third-person singular pronouns resolved to the latest person in subject position
SPEAKER_PRONOUNS: Final = frozenset({"he", "she"})
