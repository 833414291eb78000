"""Who a reporting verb's statement belongs to: its subject, as a source span and a Speaker.

* the subject is the verb's ``nsubj``; a participle or conjunct with none
  ("…, adding:", "…, saying", "and said") takes the subject of the main clause
  it hangs from, never of a clause embedded in another's report;
* a name is resolved to its entity (a surname to the full name); "he", "she"
  and "it" to the most salient agreeing referent (:mod:`speaker_salience`);
  "the American envoy" to the
  one person introduced with that role noun ("special envoy Steve Witkoff"),
  earlier if any was, else later in the article; "a Bloomberg report" to Bloomberg;
* an unresolved description headed by a source noun ("a former diplomat",
  "officials", "people familiar with…") is anonymous, kept whole.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import replace
from typing import TYPE_CHECKING, Final

from storytrace.extract.cues import (
    ANONYMOUS_HEADS,
    ANONYMOUS_QUANTIFIERS,
    DOCUMENT_HEADS,
    GENDERED_NOUNS,
    NOT_PERSON_NOUNS,
    PARTY_MEMBER_NOUNS,
    SPEAKER_PRONOUNS,
)
from storytrace.extract.speaker_acronyms import AcronymExpander
from storytrace.extract.speaker_nouns import (
    COLLECTIVE_NOUNS,
    GOVERNMENT_NOUNS,
    ORGANISATION_NOUNS,
    is_person_word,
)
from storytrace.extract.speaker_referents import Referent, looks_like_name
from storytrace.extract.speaker_salience import Salience
from storytrace.records import Entity, Speaker

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from storytrace.extract.entities import EntityIndex
    from storytrace.extract.quote_layout import Layout

__all__ = ["SpeakerFinder"]

#: entity types that can say something ("Russia said", "the White House said")
SPEAKER_TYPES: Final = frozenset({"PERSON", "ORG", "GPE"})
#: how a cue without a subject may hang from the clause whose subject it shares
SHARED_SUBJECT_DEPS: Final = frozenset({"advcl", "conj", "xcomp", "parataxis"})
#: clauses inside another clause: their subject belongs to what is reported
EMBEDDED_DEPS: Final = frozenset(
    {"acl", "advcl", "ccomp", "csubj", "pcomp", "pobj", "relcl", "xcomp"}
)
#: clauses whose subject is what is argued or described, not whom "they" may be
REPORTED_DEPS: Final = frozenset({"acl", "ccomp", "csubj", "pcomp", "relcl", "xcomp"})
#: steps up the parse when looking for a shared subject
MAX_CLIMB: Final = 5
#: sentences before a "they" where the group it stands for may be named
GROUP_SENTENCES: Final = 2
#: relative pronouns standing for the noun their clause modifies
RELATIVE_PRONOUNS: Final = frozenset({"who", "that", "which"})
#: role nouns are learnt from these relations to a person's name
ROLE_DEPS: Final = frozenset({"appos", "compound", "nmod"})
#: how a document noun names who it comes from ("a Bloomberg report", "Reuters’ analysis")
OWNER_DEPS: Final = frozenset({"compound", "poss", "nmod"})
#: determiners that make a description definite ("the envoy", "this official")
DEFINITE_DETERMINERS: Final = frozenset({"the", "this", "that"})
#: determiners of a description that introduces someone ("a hockey coach")
INDEFINITE_DETERMINERS: Final = frozenset({"a", "an"})
#: punctuation that ends a subject's own words (appositive or clause follows)
SUBJECT_BREAKS: Final = frozenset({",", "(", "—", "–", ";", ":"})


class SpeakerFinder:
    """Subjects and speakers of reporting verbs in one parsed article."""

    def __init__(self, doc: Doc, index: EntityIndex, layout: Layout, in_quote: bytearray) -> None:
        self._doc = doc
        self._index = index
        self._layout = layout
        self._in_quote = in_quote
        self._salience = Salience(doc, index, layout, in_quote)
        self._acronyms = AcronymExpander(doc.text)
        self._roles: dict[str, list[tuple[int, Entity]]] = {}
        for token in doc:
            self._learn(token)
        self._organisations = sorted(
            (m.start, e) for e in index.entities if e.type == "ORG" for m in e.mentions
        )
        self._governments = sorted(
            (m.start, e) for e in index.entities if e.type in ("ORG", "GPE") for m in e.mentions
        )

    # parse ----------------------------------------------------------------------

    def subject_of(self, verb: Token) -> Token | None:
        """The subject of ``verb``'s statement, on its line and outside quotations."""
        current, line = verb, self._layout.index(int(verb.idx))
        for _ in range(MAX_CLIMB):
            subject = self.nsubj(current)
            if subject is not None and (current.i == verb.i or current.dep_ not in EMBEDDED_DEPS):
                if subject.lower_ not in RELATIVE_PRONOUNS:
                    return subject
                # "Witkoff, who said…": the noun the clause modifies; a stray "that": nobody
                return current.head if current.dep_ == "relcl" else None
            if current.i == verb.i and verb.dep_ not in SHARED_SUBJECT_DEPS:
                return None
            head = current.head
            if head.i == current.i or self._layout.index(int(head.idx)) != line:
                return None
            current = head
        return None

    def shared_subject(self, verb: Token) -> Token | None:
        """The subject a cue without one of its own shares ("…, noting", "and added"):
        that of the clause it hangs from, climbing past reported clauses."""
        if verb.dep_ not in SHARED_SUBJECT_DEPS or any(
            c.dep_ in ("nsubj", "nsubjpass") for c in verb.children
        ):
            return None
        return self.subject_of(verb)

    def nsubj(self, verb: Token) -> Token | None:
        """``verb``'s subject nearest to it, on its line and outside quotations.

        The parser sometimes gives a verb a second subject: a quotation's own
        ("‘… one of the reasons…,’ Fitzpatrick said") or a caption's on the
        line above.
        """
        line = self._layout.index(int(verb.idx))
        subjects = [
            c
            for c in verb.children
            if c.dep_ == "nsubj"
            and not self._in_quote[c.i]
            and self._layout.index(int(c.idx)) == line
        ]
        if not subjects:
            return self._line_subject(verb) or self._name_before(verb)
        return min(subjects, key=lambda c: abs(c.i - verb.i), default=None)

    def _name_before(self, verb: Token) -> Token | None:
        """A person's name right before a subjectless verb: its subject the parser
        missed ("Toronto councillor and tenants advocate Jo Farr told the paper…")."""
        if not verb.i or verb.pos_ != "VERB":
            return None
        name = self._doc[verb.i - 1]
        entity = self._entity_at(name)
        if name.pos_ != "PROPN" or self._in_quote[name.i] or entity is None:
            return None
        return name if entity.type == "PERSON" else None

    def _line_subject(self, verb: Token) -> Token | None:
        """The noun phrase opening ``verb``'s line, right before it, that the parser
        hung from the line above (a heading without a full stop runs into the
        paragraph under it): "Nadia Jamil, a researcher at the centre, said…"."""
        doc = self._doc
        first = _token_at(doc, self._layout.bounds(int(verb.idx))[0], verb.i)
        heads = [
            t
            for t in doc[first : verb.i]
            if not (t.is_space or t.is_punct) and not first <= t.head.i < verb.i
        ]
        if len(heads) != 1 or self._in_quote[heads[0].i]:
            return None
        head = heads[0]
        above = head.head.i < first or head.head.i == head.i
        return head if above and head.pos_ in ("NOUN", "PROPN", "PRON") else None

    def source_range(self, subject: Token) -> tuple[int, int]:
        """Token range ``[start, end)`` of the subject's noun phrase, without appositives."""
        doc, line = self._doc, self._layout.index(int(subject.idx))
        left, right = subject.i, subject.i
        listed = _conjuncts(subject)
        for k in range(subject.i + 1, int(subject.right_edge.i) + 1):
            if self._in_quote[k]:
                break
            if doc[k].text in SUBJECT_BREAKS and not (
                doc[k].text == "," and _lists(doc, k, listed)
            ):
                break
            right = k
        for k in range(subject.i - 1, int(subject.left_edge.i) - 1, -1):
            token = doc[k]
            if self._in_quote[k] or token.is_space or self._layout.index(int(token.idx)) != line:
                break
            left = k
        while left < subject.i and (doc[left].is_punct or doc[left].pos_ == "CCONJ"):
            left += 1
        while right > subject.i and doc[right].is_punct:
            right -= 1
        return left, right + 1

    # speakers -------------------------------------------------------------------

    def speaker(self, subject: Token, description: str) -> Speaker:
        """Resolve ``subject`` (whose noun phrase reads ``description``)."""
        found = self._speaker(subject, description)
        full = self._acronyms.expand(found.name) if found.name else None
        return replace(found, name=full) if full else found

    def _speaker(self, subject: Token, description: str) -> Speaker:
        if any(c.dep_ == "conj" for c in subject.children):
            # "Voss and Okafor": no one entity, but each named in full where known
            return Speaker(description=self._conjoined_names(subject) or description)
        entity = self.named(subject)
        referent = self._salience.referents.read_as(subject.i)
        if referent is not None and (entity is None or referent.entity is not None):
            return _of_referent(referent, None)  # "Vickers said" -> Kevin Vickers
        if entity is not None:
            return Speaker(entity=entity.id, name=entity.name)
        if subject.lower_ in RELATIVE_PRONOUNS and subject.head.dep_ == "relcl":
            noun = subject.head.head  # "Bortis, who noted…"
            return self.speaker(noun, self.token_span_text(*self.source_range(noun)))
        lemma = subject.lower_ if subject.pos_ == "PRON" else str(subject.lemma_).lower()
        if subject.pos_ == "PRON":
            if lemma in SPEAKER_PRONOUNS or lemma == "it":
                return _of_referent(self._salience.resolved(subject), subject.text)
            if lemma == "they":
                group = self._group_before(subject)
                if group is not None and group.tag_ == "NN":
                    # "the union… they": the group as the article words it (GGT's way)
                    return Speaker(description=self._core(group, self._words_of(group)))
                if group is not None:
                    return self.speaker(group, self._words_of(group))
            return Speaker(anonymous=lemma in ANONYMOUS_QUANTIFIERS, description=description)
        if lemma in DOCUMENT_HEADS:
            owner = self._owner(subject)
            if owner is None and self._definite(subject):  # "the study": whose study
                author = self._author_before(subject, lemma)
                if author is not None:
                    return author
                found = self._salience.salient(subject, person=False)
                if found is not None:
                    return _of_referent(found, description)
            return _resolved(owner, description)
        if self._definite(subject):
            # "the brothers" are not the one brother introduced
            role = None if subject.tag_ in ("NNS", "NNPS") else self._role(subject)
            if role is None and lemma in GOVERNMENT_NOUNS and len(list(subject.children)) == 1:
                called = self._organisation_called(subject, lemma, self._governments)
                if called is not None:  # "the city": the City of Surrey named before
                    return _resolved(called, description)
            # "the (security) firm", one organisation named before; not "the groups",
            # nor "the Clinton campaign", which its own words name
            # "his campaign" is not the organisation named last either
            anaphoric = _singular(subject) and not any(
                c.pos_ in ("PROPN", "PRON") for c in subject.children
            )
            if role is None and lemma in ORGANISATION_NOUNS and anaphoric:
                called = self._organisation_called(subject, lemma)
                if called is not None and len(list(subject.children)) == 1:
                    # a bare "the diocese" is the Roman Catholic Diocese of X named before
                    return _resolved(called, description)
                found = self._salience.named_last(subject)
                found = found or self._salience.salient(subject, person=False)
                if found is not None:
                    return _of_referent(found, description)
            if role is not None:
                return _resolved(role, description)
            if self._described_person(subject, lemma, DEFINITE_DETERMINERS):
                gender = GENDERED_NOUNS.get(lemma, 0)
                found = self._salience.salient(subject, person=True, gender=gender)
                found = found or self._salience.named_next(subject, gender)
                found = found or self._salience.protagonist(subject, gender)
                if found is not None:
                    return _of_referent(found, description)
        elif self._described_person(subject, lemma, INDEFINITE_DETERMINERS):
            # "A hockey coach says… Jo Farr…"; "A woman says…" is no man named next
            found = self._salience.named_next(subject, GENDERED_NOUNS.get(lemma, 0))
            if found is not None:
                return _of_referent(found, description)
        anonymous = lemma in ANONYMOUS_HEADS or lemma in ANONYMOUS_QUANTIFIERS
        if anonymous and self._definite(subject) and len(list(subject.children)) == 1:
            earlier = self._introduced_as(subject, lemma)  # "two officials…" … "the officials"
            if earlier is not None:
                return Speaker(anonymous=True, description=earlier)
        return Speaker(anonymous=anonymous, description=self._core(subject, description))

    def _author_before(self, document: Token, lemma: str) -> Speaker | None:
        """Who wrote "the report": the subject of the latest earlier clause that put
        a report of that name in someone's hands ("Cross wrote in a recent report")."""
        for k in range(document.i - 1, -1, -1):
            token = self._doc[k]
            if self._in_quote[k] or str(token.lemma_).lower() != lemma or token.pos_ != "NOUN":
                continue
            verb = token.head.head if token.dep_ == "pobj" else token.head
            subject = self.nsubj(verb) if verb.pos_ == "VERB" else None
            if subject is None or subject.pos_ not in ("PROPN", "PRON"):
                return None
            return self.speaker(subject, self.token_span_text(*self.source_range(subject)))
        return None

    def _introduced_as(self, subject: Token, lemma: str) -> str | None:
        """The description that introduced an unnamed source ``subject`` names again:
        the latest earlier, indefinite noun phrase headed by the same noun."""
        for k in range(subject.i - 1, -1, -1):
            token = self._doc[k]
            if self._in_quote[k] or str(token.lemma_).lower() != lemma or token.pos_ != "NOUN":
                continue
            if self._definite(token):
                continue
            lo, hi = self.source_range(token)
            return self._core(token, self.token_span_text(lo, hi))
        return None

    def _conjoined_names(self, subject: Token) -> str | None:
        """ "Ann Voss and Ben Okafor" for "Both Voss and Okafor", when every conjunct
        names a person or organisation."""
        names = []
        for token in (subject, *(t for t in subject.subtree if t.dep_ == "conj")):
            referent = self._salience.referents.read_as(token.i)
            entity = self.named(token)
            name = referent.name if referent is not None else entity.name if entity else None
            if name is None:
                return None
            names.append(name)
        return ", ".join(names[:-1]) + " and " + names[-1]

    def _core(self, subject: Token, description: str) -> str:
        """A description without its relative clause: "an official with the agency who
        was in court" is "an official with the agency"."""
        lo = self.source_range(subject)[0]
        clause = next((t for t in subject.subtree if t.dep_ == "relcl" and t.i > subject.i), None)
        if clause is None:
            return description
        end = max(int(clause.left_edge.i), subject.i + 1)
        while end > subject.i + 1 and (self._doc[end - 1].is_punct or self._doc[end - 1].is_space):
            end -= 1
        core = self._doc[lo:end].text if lo < end else description
        # the model's source may run on past the noun phrase (", which…,"): cut it too
        return core if description.startswith(core) else description

    def _group_before(self, pronoun: Token, depth: int = 0) -> Token | None:
        """What "they" stands for: the latest subject, in its sentence or the
        ``GROUP_SENTENCES`` before, that names a group: a plural noun ("Republican
        senators… they say"), people joined by "and", a collective organisation noun
        ("the nurses' union"), or another "they" that stands for one."""
        doc = self._doc
        start = int(pronoun.sent.start)
        for _ in range(GROUP_SENTENCES):
            start = int(doc[start - 1].sent.start) if start else 0
        for k in range(pronoun.i - 1, start - 1, -1):
            token = doc[k]
            if token.dep_ not in ("nsubj", "nsubjpass") or self._in_quote[k]:
                continue
            if token.head.dep_ in REPORTED_DEPS:
                continue  # "…embraced his argument that federal courts are…"
            if token.lower_ == "they" and depth < MAX_CLIMB:
                return self._group_before(token, depth + 1)
            plural = token.tag_ in ("NNS", "NNPS")
            joined = token.pos_ in ("NOUN", "PROPN") and any(
                c.dep_ == "conj" for c in token.children
            )
            collective = token.tag_ == "NN" and str(token.lemma_).lower() in COLLECTIVE_NOUNS
            if plural or joined or collective:
                return token
        return None

    def _words_of(self, token: Token) -> str:
        return self.token_span_text(*self.source_range(token))

    def token_span_text(self, start: int, end: int) -> str:
        return self._doc[start:end].text

    def _described_person(self, subject: Token, lemma: str, determiners: frozenset[str]) -> bool:
        """ "the 32-year-old labourer said", "the professor said": a person named
        before, described; not an institution, a place, a group or an unnamed source."""
        party = subject.tag_ == "NNP" and subject.lower_ in PARTY_MEMBER_NOUNS
        return (
            ((subject.pos_ == "NOUN" and _singular(subject)) or party)
            and (party or self._person_noun(subject, lemma))
            and lemma not in NOT_PERSON_NOUNS
            and lemma not in ANONYMOUS_HEADS
            and lemma not in ORGANISATION_NOUNS
            and any(
                (c.dep_ == "det" and c.lower_ in determiners)
                # "One former director indicated…" introduces someone like "a"
                or (
                    determiners is INDEFINITE_DETERMINERS
                    and c.dep_ == "nummod"
                    and c.lower_ == "one"
                )
                for c in subject.children
            )
        )

    def _person_noun(self, noun: Token, lemma: str) -> bool:
        """Whether ``noun`` names a person ("the labourer", "the judge"), not a thing
        ("the chart", "the scenario"): a role the article gives someone, a gendered or
        common person noun, or an agent noun ("-er", "-or", "-ist", "-ian"…)."""
        first = noun
        while first.i >= 2 and first.doc[first.i - 1].tag_ == "HYPH":
            first = first.doc[first.i - 2]  # "sergeant-at-arms" by its first word
        return lemma in self._roles or is_person_word(str(first.lemma_).lower())

    def named(self, token: Token) -> Entity | None:
        """The speaking entity ``token`` names, directly or through an appositive."""
        entity = self._entity_at(token)
        if entity is not None:
            return entity
        person = is_person_word(str(token.lemma_).lower())
        # the parser may hang the name on the place after the role ("The Liberal MP for
        # Surrey Centre, Randeep Sarai,"); a person's name there names the role's holder
        places = [
            pobj
            for prep in (token.children if person else ())
            if prep.dep_ == "prep"
            for pobj in prep.children
            if pobj.dep_ == "pobj"
        ]
        for child in (c for t in (token, *places) for c in t.children):
            if child.dep_ == "appos":
                entity = self._entity_at(child)
                if entity is None:
                    continue
                # "…, Randeep Sarai," is the MP's name, whatever the tagger took it for
                if entity.type == "PERSON" or (person and looks_like_name(entity.name)):
                    return entity
        return None

    def _entity_at(self, token: Token) -> Entity | None:
        start = int(token.idx)
        entity = self._index.at(start, start + len(token.text))
        return entity if entity is not None and entity.type in SPEAKER_TYPES else None

    def _owner(self, document: Token) -> Entity | None:
        """Who "a Bloomberg report", "Reuters’ analysis", "a statement from the EU"
        or "a statement released by the Prime Minister's Office" comes from."""
        for child in document.children:
            owner: Token | None
            if child.dep_ in OWNER_DEPS:
                owner = child
            elif child.dep_ == "prep" and child.lower_ == "from":
                owner = _pobj(child)
            elif child.dep_ == "acl":  # released by X
                agent = next((c for c in child.children if c.dep_ == "agent"), None)
                owner = None if agent is None else _pobj(agent)
            else:
                continue
            if owner is None:
                continue
            referent = self._salience.referents.read_as(owner.i)  # "Foster's book"
            entity = referent.entity if referent is not None else None
            entity = entity or self._entity_at(owner)
            if entity is not None:
                return entity
        return None

    def _definite(self, token: Token) -> bool:
        return any(
            (c.dep_ == "det" and c.lower_ in DEFINITE_DETERMINERS) or c.dep_ == "poss"
            for c in token.children
        )

    def _organisation_called(
        self, noun: Token, lemma: str, among: list[tuple[int, Entity]] | None = None
    ) -> Entity | None:
        """The latest organisation named before ``noun`` with ``lemma`` in its name."""
        named = self._organisations if among is None else among
        i = bisect_left(named, int(noun.idx), key=lambda p: p[0])
        for _, entity in reversed(named[:i]):
            if lemma in (w.lower() for w in entity.name.split()):
                return entity
        return None

    def _role(self, head: Token) -> Entity | None:
        """The one person introduced with ``head``'s role noun: earlier if any was,
        else later ("the Kremlin leader's chief foreign policy advisor" … "Yuri
        Ushakov, Putin's leading foreign policy advisor"); None when two were."""
        introduced = self._roles.get(str(head.lemma_).lower(), ())
        earlier = {e.id: e for char, e in introduced if char < int(head.idx)}
        people = earlier or {e.id: e for _, e in introduced}
        return next(iter(people.values())) if len(people) == 1 else None

    # what the article teaches --------------------------------------------------

    def _learn(self, token: Token) -> None:
        """Record the role nouns of persons ("special envoy Steve Witkoff")."""
        if self._in_quote[token.i]:
            return
        if token.dep_ not in ROLE_DEPS or token.pos_ not in ("NOUN", "PROPN"):
            return
        entity, head_entity = self._entity_at(token), self._entity_at(token.head)
        if entity is None and head_entity is not None and head_entity.type == "PERSON":
            # "special envoy Steve Witkoff", "Yuri Ushakov, the aide"
            self._add_role(token, head_entity)
        elif (
            token.dep_ == "appos"
            and entity is not None
            and entity.type == "PERSON"
            and head_entity is None
        ):
            # "Trump’s special envoy, Steve Witkoff"
            self._add_role(token.head, entity)

    def _add_role(self, noun: Token, entity: Entity) -> None:
        self._roles.setdefault(str(noun.lemma_).lower(), []).append((int(noun.idx), entity))


def _token_at(doc: Doc, char: int, limit: int) -> int:
    """The first non-space token at or after character ``char``, at most ``limit``."""
    k = limit
    while k > 0 and int(doc[k - 1].idx) >= char:
        k -= 1
    while k < limit and doc[k].is_space:
        k += 1
    return k


def _conjuncts(subject: Token) -> set[int]:
    """The subject and the nouns conjoined with it ("parents, alumni and others")."""
    found, todo = {subject.i}, [subject]
    while todo:
        for child in todo.pop().children:
            if child.dep_ == "conj" and child.i not in found:
                found.add(child.i)
                todo.append(child)
    return found


def _lists(doc: Doc, comma: int, conjuncts: set[int]) -> bool:
    """Whether the comma at ``comma`` separates items of the subject's list, not an
    appositive: the next word is one of them, or the "and" before the last."""
    if comma + 1 >= len(doc):
        return False
    after = doc[comma + 1]
    return after.i in conjuncts or (after.dep_ == "cc" and after.head.i in conjuncts)


def _singular(noun: Token) -> bool:
    """A singular noun; a hyphenated one by its first word ("sergeant-at-arms")."""
    first = noun
    while first.i >= 2 and first.doc[first.i - 1].tag_ == "HYPH":
        first = first.doc[first.i - 2]
    return first.tag_ == "NN"


def _pobj(preposition: Token) -> Token | None:
    return next((c for c in preposition.children if c.dep_ == "pobj"), None)


def _of_referent(referent: Referent | None, description: str | None) -> Speaker:
    if referent is None:
        return Speaker(description=description)
    entity = referent.entity
    return Speaker(
        entity=None if entity is None else entity.id, name=referent.name, description=description
    )


def _resolved(entity: Entity | None, description: str) -> Speaker:
    if entity is None:
        return Speaker(description=description)
    return Speaker(entity=entity.id, name=entity.name, description=description)
