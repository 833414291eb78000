"""Nouns that tell what a description of a speaker stands for.

"The company" is an organisation named before, "the city" a government, "they"
may be "the union", and "the labourer" a person named before, while "the camp"
or "the scenario" is no person at all. spaCy's small model has no word classes
for this, so the lists below (and the agent-noun endings) stand in for them.
"""

from __future__ import annotations

from typing import Final

from storytrace.extract.cues import GENDERED_NOUNS

__all__ = [
    "COLLECTIVE_NOUNS",
    "GOVERNMENT_NOUNS",
    "ORGANISATION_NOUNS",
    "PERSON_NOUNS",
    "is_person_word",
]

# fmt: off
#: nouns by which a definite description ("the company", "the agency") stands for the
#: organisation named last
ORGANISATION_NOUNS: Final = frozenset({
    "agency", "association", "authority", "bank", "board", "campaign", "centre", "charity",
    "church", "company", "corporation", "council", "department", "diocese", "firm",
    "foundation", "group", "institute", "magazine", "ministry", "network", "newspaper",
    "organisation", "organization", "service", "station", "union",
})
# fmt: on
#: nouns by which "the city" stands for a government named with them ("City of Surrey")
GOVERNMENT_NOUNS: Final = frozenset({"city", "county", "municipality", "province", "town"})
#: singular nouns for groups of people that "they" may stand for ("the union… they")
COLLECTIVE_NOUNS: Final = ORGANISATION_NOUNS | frozenset(
    {"family", "team", "committee", "panel", "crew", "couple", "government", "police"}
)
# fmt: off
#: nouns for people that no agent suffix gives away ("the judge said")
PERSON_NOUNS: Final = frozenset({
    "adult", "attorney", "boss", "caddie", "candidate", "captain", "ceo", "chair",
    "chief", "child", "citizen", "coach", "colleague", "cop", "dad", "defenceman",
    "defenseman", "doctor", "fan", "forward", "friend", "goalie", "guard", "head",
    "host", "judge", "kid", "landlord", "mla", "mom", "mp", "mpp", "neighbor",
    "neighbour", "nurse", "parent", "patient", "pilot", "premier", "relative",
    "resident", "rookie", "sergeant", "spouse", "star", "student", "suspect", "teen",
    "teenager", "veteran", "victim", "widow", "wing", "youth",
    # roles in political news
    "aide", "ambassador", "colonel", "delegate", "diplomat", "envoy", "executive",
    "expert", "general", "lieutenant", "official", "representative", "secretary",
    "senator", "spokesperson",
})
# fmt: on
#: endings of agent nouns, which name people ("labourer", "mayor", "columnist", "politician")
AGENT_SUFFIXES: Final = ("er", "or", "ist", "ian", "ant", "ent", "eer", "ee", "ess", "man")
#: endings of abstract nouns that the agent endings would take in ("statement", "business")
ABSTRACT_SUFFIXES: Final = ("ment", "ness")


def is_person_word(word: str) -> bool:
    """Whether the noun lemma ``word`` names a person: gendered ("woman"), a common
    person noun ("judge"), or an agent noun ("labourer", "mayor", "columnist")."""
    return (
        word in GENDERED_NOUNS
        or word in PERSON_NOUNS
        or (word.endswith(AGENT_SUFFIXES) and not word.endswith(ABSTRACT_SUFFIXES))
    )
