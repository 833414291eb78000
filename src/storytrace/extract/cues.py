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
    "CHANNEL_NOUNS",
    "DIRECT_ONLY_VERBS",
    "DOCUMENT_HEADS",
    "GENDERED_NOUNS",
    "HEDGE_ADVERBS",
    "HEDGE_VERBS",
    "NOT_PERSON_NOUNS",
    "PARTY_MEMBER_NOUNS",
    "REPORTING_VERBS",
    "SPEAKER_PRONOUNS",
    "SPEECH_LEMMAS",
    "TELLING_VERBS",
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
    "analysis", "article", "assessment", "audit", "blog", "book", "column", "data", "document",
    "email", "filing", "findings",
    "footage", "investigation", "letter", "memo", "poll", "post", "recording", "release",
    "report", "statement", "story", "study", "survey", "transcript", "tweet", "video",
})
# fmt: on

# fmt: off
#: singular nouns that say something without being a person ("the city said",
#: "the court ruled"); "the professor said" is a person named before
NOT_PERSON_NOUNS: Final = frozenset({
    "city", "country", "county", "court", "government", "town", "nation", "party",
    "police", "province", "state", "team", "school", "university", "hospital", "club",
    "office", "region", "municipality", "community", "public", "industry", "market",
    "sector", "family", "couple", "crowd", "audience", "majority", "minority", "panel",
    "jury", "committee", "commission", "coalition", "administration", "parliament",
    "legislature", "senate", "house", "cabinet", "military", "army", "media", "press",
    "site", "website", "page", "account", "book", "paper", "bill", "law", "rule", "plan",
    "proposal", "move", "decision", "message", "sign", "notice", "warning", "judgment",
    "ruling", "verdict", "order", "research", "evidence", "number", "figure", "model",
})
# fmt: on

#: nouns for a person of one gender ("the woman said"): +1 masculine, -1 feminine
#: proper nouns that describe a politician by party ("the Kentucky Republican said")
PARTY_MEMBER_NOUNS: Final = frozenset({
    "conservative", "democrat", "liberal", "republican", "tory",
})  # fmt: skip
GENDERED_NOUNS: Final = {
    "man": 1,
    "father": 1,
    "son": 1,
    "brother": 1,
    "husband": 1,
    "boy": 1,
    "grandfather": 1,
    "woman": -1,
    "mother": -1,
    "daughter": -1,
    "sister": -1,
    "wife": -1,
    "girl": -1,
    "grandmother": -1,
}

#: third-person singular pronouns resolved to the latest person in subject position
SPEAKER_PRONOUNS: Final = frozenset({"he", "she"})

# fmt: off
#: cue lemmas that report speech or writing (beyond REPORTING_VERBS: the wider
#: vocabulary of PolNeAR's cues, "call", "cite", "criticize"…); any other cue
#: reports a belief, wish or finding ("believe", "want", "show")
SPEECH_LEMMAS: Final = REPORTING_VERBS | DIRECT_ONLY_VERBS | frozenset({
    "accuse", "according to", "advise", "blast", "call", "cite", "condemn", "criticise", "detail",
    "criticize", "decline", "dismiss", "discuss", "endorse", "indicate", "interview",
    "notify", "outline", "post", "praise", "proclaim", "pronounce", "propose", "question", "quote",
    "recommend", "refuse", "reject", "signal", "speak", "talk", "threaten", "point",
    "accord", ":",
})

#: verbs whose object is whom something was said to ("told Ushakov", "informed the
#: committee", "assured reporters")
TELLING_VERBS: Final = frozenset({
    "advise", "assure", "brief", "caution", "inform", "notify", "promise", "remind", "tell",
    "warn", "urge", "ask", "email", "text", "write",
})

#: heads of a phrase naming a medium, occasion or place of speaking ("in the
#: recorded call", "in a video posted on his X account", "at a news conference")
CHANNEL_NOUNS: Final = frozenset({
    "account", "address", "appearance", "blog", "briefing", "broadcast", "call", "column",
    "conference", "conversation", "debate", "email", "episode", "event", "facebook",
    "filing", "hearing", "instagram", "interview", "letter", "meeting", "memo", "message",
    "note", "op-ed", "podcast", "post", "program", "programme", "radio", "rally",
    "recording", "release", "remark", "show", "speech", "statement", "summit", "television",
    "testimony", "town", "transcript", "tv", "tweet", "twitter", "video", "x",
})

#: adverbs by which a reporter keeps a distance from what is reported
HEDGE_ADVERBS: Final = frozenset({
    "allegedly", "apparently", "ostensibly", "presumably", "purportedly", "reportedly",
    "seemingly", "supposedly",
})

#: verbs that hedge the clause they govern ("appears to be taking", "is said to")
HEDGE_VERBS: Final = frozenset({"appear", "seem", "rumor", "rumour"})
# fmt: on
