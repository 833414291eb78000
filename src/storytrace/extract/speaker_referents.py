"""The people and organisations a pronoun may stand for, and where each is named.

The entity stage's types and groupings are the small model's, and wrong often
enough to matter here: a surname alone ("Vickers") may be tagged an
organisation, or left apart from the full name because two relatives share it,
and a name opening a paragraph ("Na'moks said") may not be tagged at all. So:

* every person or organisation entity is a referent, named at the head token
  of each of its mentions in running text;
* a one-word name that is the surname of people named in full stands for the
  most salient of them when it is read;
* an untagged proper noun that is the subject of a reporting verb is a
  referent of its own;
* a referent may be "he"/"she" when it is typed a person, or the article says
  so: an honorific ("Ms. Tran"), a common first name, or "Tran said she…";
  a gender, once known, is kept.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from storytrace.extract.cues import GENDERED_NOUNS, REPORTING_VERBS
from storytrace.extract.speaker_names import gender_of_first_name, gender_of_title

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from storytrace.extract.entities import EntityIndex
    from storytrace.extract.quote_layout import Layout
    from storytrace.records import Entity

__all__ = ["Referent", "Referents", "institution_names", "looks_like_name"]

#: pronouns that show the subject of "X said he…" is a person, and which gender
_SUBJECT_PRONOUNS: Final = {"he": 1, "she": -1}
#: entity types a referent is made for; "it" may stand for the non-persons
REFERENT_TYPES: Final = frozenset({"PERSON", "ORG", "GPE"})
#: lower-case words inside a person's name ("Ludwig van Beethoven")
NAME_PARTICLES: Final = frozenset({"al", "bin", "da", "de", "del", "della", "der", "di", "dos",
                                   "du", "la", "le", "van", "von"})  # fmt: skip
#: a person's name has at most this many words
MAX_NAME_WORDS: Final = 5
#: words in an institution's name, never in a person's (the tagger mixes them up)
INSTITUTION_WORDS: Final = frozenset({
    "academy", "arena", "association", "centre", "center", "church", "clinic", "college",
    "complex", "corp", "hospital", "inc", "institute", "ltd", "school", "society", "university",
})  # fmt: skip
#: relative pronouns that only stand for people ("whose" may be a school's)
PERSON_RELATIVES: Final = frozenset({"who", "whom"})
#: online platforms the tagger takes for people ("wrote on Twitter")
PLATFORMS: Final = frozenset({
    "facebook", "instagram", "linkedin", "reddit", "snapchat", "tiktok", "twitter",
    "whatsapp", "youtube",
})  # fmt: skip
#: words after a surname that are not one ("Jr.")
NAME_SUFFIXES: Final = frozenset({"jr", "sr", "ii", "iii", "iv"})


@dataclass(slots=True, eq=False)
class Referent:
    """A person or organisation, as the resolver sees it."""

    key: str
    name: str
    entity: Entity | None
    #: may be "he"/"she"
    person: bool
    #: may be "it"
    organisation: bool
    #: +1 masculine, -1 feminine, 0 unknown
    gender: int = 0


class Referents:
    """The referents of one article and the tokens that name them."""

    def __init__(self, doc: Doc, index: EntityIndex, layout: Layout, in_quote: bytearray) -> None:
        self._doc = doc
        self._in_quote = in_quote
        self.by_key: dict[str, Referent] = {}
        self._heads: dict[int, Referent] = {}  # head token of a mention -> its referent
        self._surnames: dict[str, list[Referent]] = {}  # surname -> people named in full
        self._ambiguous: dict[int, list[Referent]] = {}  # surname-only mention -> candidates
        self._read: dict[int, Referent] = {}  # what an ambiguous mention was read as
        self._titles: dict[str, int] = {}  # gender an honorific gave an entity
        self._honorifics: dict[int, int] = {}  # head token of a mention -> its title's gender
        covered = bytearray(len(doc))
        institutions = institution_names(index.entities)
        single: list[tuple[Entity, list[Token]]] = []
        lone = _lone_names(index.entities)
        for entity in index.entities:
            if entity.type not in REFERENT_TYPES:
                _cover(doc, entity, covered)  # "Republican" (NORP) is no untagged name
                continue
            heads = []
            for mention in entity.mentions:
                span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
                if span is None or not len(span):
                    continue
                covered[int(span.start) : int(span.end)] = b"\x01" * len(span)
                if in_quote[int(span.start)] or layout.is_heading(mention.start):
                    continue
                heads.append(span.root)
                self._learn_title(entity.id, doc, int(span.start))
                self._learn_honorific(span.root.i, int(span.start))
            words = _words(entity.name)
            if entity.type == "PERSON" and (
                not looks_like_name(entity.name)
                or entity.name in institutions
                or entity.name.lower() in PLATFORMS
            ):
                self._referent(entity.id, entity.name, entity, person=False)
                continue  # "Birth of Modern Canada", a photo credit: the tagger's mistakes
            if len(words) >= 2 and (
                entity.type == "PERSON" or _known_by_surname(entity.name, words, lone)
            ):
                referent = self._referent(entity.id, entity.name, entity, person=True)
                self._surnames.setdefault(words[-1], []).append(referent)
                referent.gender = referent.gender or _first_name_gender(entity.name)
            elif len(words) == 1:
                single.append((entity, heads))
                continue
            else:
                referent = self._referent(entity.id, entity.name, entity, entity.type == "PERSON")
                if _first_name_gender(entity.name):  # "Tim Guest" tagged ORG
                    referent.person, referent.organisation = True, False
                    referent.gender = _first_name_gender(entity.name)
            for head in heads:
                self._heads[head.i] = referent
        for entity, heads in single:
            people = self._surnames.get(_words(entity.name)[0])
            if people:
                for head in heads:
                    self._ambiguous[head.i] = people
            else:
                referent = self._referent(entity.id, entity.name, entity, entity.type == "PERSON")
                for head in heads:
                    self._heads[head.i] = referent
        self._untagged(covered)
        self._learn_said_pronoun()
        self._learn_person_modifiers()
        self._learn_gendered_roles()

    # reading ---------------------------------------------------------------------

    def named(self, i: int, scores: Mapping[str, float]) -> Referent | None:
        """The referent token ``i`` names, a surname read as the most salient of
        the people it may be (else the first of them named)."""
        referent = self._heads.get(i)
        if referent is not None:
            return referent
        people = self._ambiguous.get(i)
        if not people:
            return None
        # "Mrs. Clinton" is not Bill Clinton, however salient he is
        title = self._honorifics.get(i, 0)
        agreeing = [r for r in people if r.gender * title >= 0]
        known = [r for r in agreeing if title and r.gender == title]
        referent = max(known or agreeing or people, key=lambda r: scores.get(r.key, 0.0))
        if title and len(agreeing) == 1:
            self.learn_gender(referent, title)
        self._read[i] = referent
        return referent

    def read_as(self, i: int) -> Referent | None:
        """What the name at token ``i`` was read as, once the salience pass has run."""
        return self._heads.get(i) or self._read.get(i)

    def best(
        self, scores: Mapping[str, float], person: bool, gender: int, floor: float
    ) -> Referent | None:
        """The most salient person (agreeing with ``gender``) or organisation."""
        best, best_score = None, floor
        for key, score in scores.items():
            referent = self.by_key[key]
            if score < best_score or not (referent.person if person else referent.organisation):
                continue
            if referent.gender * gender < 0:
                continue
            best, best_score = referent, score
        return best

    def learn_gender(self, referent: Referent, gender: int) -> None:
        if not referent.gender:
            referent.gender = gender

    # construction ----------------------------------------------------------------

    def _referent(self, key: str, name: str, entity: Entity | None, person: bool) -> Referent:
        referent = self.by_key.get(key)
        if referent is None:
            organisation = entity is not None and entity.type == "ORG" and not person
            referent = Referent(key, name, entity, person, organisation)
            self.by_key[key] = referent
        return referent

    def _learn_honorific(self, head: int, first: int) -> None:
        gender = gender_of_title(self._doc[first - 1].text) if first else 0
        if gender:
            self._honorifics[head] = gender

    def _learn_title(self, key: str, doc: Doc, first: int) -> None:
        gender = gender_of_title(doc[first - 1].text) if first else 0
        if gender:
            self._titles[key] = gender

    def _untagged(self, covered: bytearray) -> None:
        """Proper nouns no entity covers: a surname of someone named in full ("sent to
        Poulter"), the name of a one-word referent, or a subject of its own ("Na'moks
        said", "Yuni was watching TV when she heard…")."""
        doc = self._doc
        singles = {_words(r.name)[0]: r for r in self.by_key.values() if len(_words(r.name)) == 1}
        for token in doc:
            if (
                token.pos_ != "PROPN"
                or token.dep_ == "compound"
                or covered[token.i]
                or self._in_quote[token.i]
                or not token.text[:1].isupper()
            ):
                continue
            first = token.i
            while first and doc[first - 1].dep_ == "compound" and doc[first - 1].pos_ == "PROPN":
                first -= 1
            name = doc[first : token.i + 1].text
            words = _words(name)
            if not words:
                continue
            people = self._surnames.get(words[-1])
            if people:
                self._ambiguous[token.i] = people
                self._learn_honorific(token.i, first)
            elif len(words) == 1 and words[0] in singles:
                self._heads[token.i] = singles[words[0]]
            elif token.dep_ == "nsubj" and looks_like_name(name):
                key = "name:" + " ".join(words)
                referent = self._referent(key, name, None, person=False)
                self._heads[token.i] = referent
                if len(words) == 1:
                    singles[words[0]] = referent

    def _learn_said_pronoun(self) -> None:
        """ "Tran said she…", "Mr. Tran": a person, of that gender."""
        for key, gender in self._titles.items():
            referent = self.by_key.get(key)
            if referent is not None:
                referent.person, referent.organisation = True, False
                referent.gender = referent.gender or gender
        for i, referent in self._heads.items():
            token = self._doc[i]
            verb = token.head
            if token.dep_ != "nsubj":
                continue
            if referent.entity is not None and str(verb.lemma_).lower() not in REPORTING_VERBS:
                # an untagged name's clause may show it a person ("Yuni was watching TV
                # when she heard…"); a tagged organisation needs "X said he…"
                continue
            for other in verb.subtree:
                said = _SUBJECT_PRONOUNS.get(other.lower_, 0)
                if (
                    said
                    and other.i > verb.i
                    and "\n" not in self._doc[token.i : other.i].text
                    and other.dep_ in ("nsubj", "nsubjpass")
                    and other.head.i != verb.i
                ):
                    referent.person, referent.organisation = True, False
                    referent.gender = referent.gender or said
                    break

    def _learn_person_modifiers(self) -> None:
        """A name the tagger took for an organisation is a person's when its clause or
        appositive says so: "Nkechi Obi, who chairs the committee", "Obi, 50,"."""
        for i, referent in self._heads.items():
            if referent.person or not looks_like_name(referent.name):
                continue
            words = _words(referent.name)
            # a lone word may be a company's ("Rogers"); an institution may have "whose"
            if len(words) < 2 or any(w in INSTITUTION_WORDS for w in words):
                continue
            if any(_says_person(child) for child in self._doc[i].children):
                referent.person, referent.organisation = True, False

    def _learn_gendered_roles(self) -> None:
        """ "His wife, Jane,", "her son Tom": a name beside a gendered noun is a person
        of that gender (a lone first name has none of its own)."""
        for i, referent in self._heads.items():
            token = self._doc[i]
            nouns = [c for c in token.children if c.dep_ in ("appos", "compound")]
            if token.dep_ == "appos":
                nouns.append(token.head)
            for noun in nouns:
                gender = GENDERED_NOUNS.get(str(noun.lemma_).lower(), 0)
                if gender and noun.pos_ == "NOUN":
                    referent.person, referent.organisation = True, False
                    self.learn_gender(referent, gender)
                    break


def _says_person(modifier: Token) -> bool:
    """ "…, who chairs the committee", "…, 50,": only a person is so described."""
    if modifier.dep_ == "relcl":
        return modifier.doc[int(modifier.left_edge.i)].lower_ in PERSON_RELATIVES
    return modifier.dep_ == "appos" and modifier.like_num and len(modifier.text) <= 3


def institution_names(entities: Sequence[Entity]) -> set[str]:
    """Names the tagger took for people that are institutions, or the start of one:
    "Covington Catholic High School", and so "Covington Catholic"; "Cloverdale Sport"
    of the organisation "Cloverdale Sport and Ice Complex"."""
    institutions = [
        e.name
        for e in entities
        if e.type in ("ORG", "FAC", "GPE", "LOC")
        or any(w in INSTITUTION_WORDS for w in e.name.lower().split())
    ]
    return {
        e.name
        for e in entities
        if e.type == "PERSON"
        and (
            any(w in INSTITUTION_WORDS for w in e.name.lower().split())
            or (len(e.name.split()) >= 2 and any(n.startswith(e.name + " ") for n in institutions))
        )
    }


def _lone_names(entities: Sequence[Entity]) -> set[str]:
    """One-word names of people and organisations ("Fiorina", "Rogers")."""
    return {
        words[0]
        for e in entities
        if e.type in ("PERSON", "ORG") and len(words := _words(e.name)) == 1
    }


def _known_by_surname(name: str, words: list[str], lone: set[str]) -> bool:
    """A name the tagger took for an organisation's is a person's when the article
    goes on to use its last word alone, as it does a surname ("Carly Fiorina" …
    "Fiorina told…"); an organisation is shortened to its first ("Rogers")."""
    return (
        words[-1] in lone
        and looks_like_name(name)
        and not any(w in INSTITUTION_WORDS for w in words)
    )


def _cover(doc: Doc, entity: Entity, covered: bytearray) -> None:
    for mention in entity.mentions:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is not None and len(span):
            covered[int(span.start) : int(span.end)] = b"\x01" * len(span)


def looks_like_name(name: str) -> bool:
    """Whether ``name`` is shaped like a person's: a few capitalised words, no
    lower-case word but a surname particle, no upper-case word (a photo
    credit's "J.P. MOCZULSKI"), no digits or slashes."""
    words = name.split()
    if not 1 <= len(words) <= MAX_NAME_WORDS or any(c.isdigit() or c in "/&@" for c in name):
        return False
    for word in words:
        letters = word.replace(".", "").replace("-", "").replace("'", "").replace("’", "")
        if word.lower() in NAME_PARTICLES:
            continue
        if not word[:1].isupper() or (len(letters) > 2 and letters.isupper()):
            return False
    return True


def _words(name: str) -> list[str]:
    words = [w.strip(".,").lower().replace("’", "'") for w in name.split()]
    words = [w.removesuffix("'s") for w in words if w]
    while len(words) > 1 and words[-1] in NAME_SUFFIXES:
        words.pop()
    return words


def _first_name_gender(name: str) -> int:
    """The gender of the first word of ``name`` that is a common first name."""
    words = name.split()
    for k in range(len(words) - 1):
        gender = gender_of_first_name(" ".join(words[k:]))
        if gender:
            return gender
    return 0
