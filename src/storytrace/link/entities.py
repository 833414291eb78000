"""One actor per real person, organisation or place across every stored article.

The extract stage canonicalises entities within one article ("Aurelio Danes" with
alias "Danes"); this joins them across articles:

1. full names of people (two or more words) with the same surname and compatible
   first names ("Steve"/"Steven", an initial) are one person; different first
   names with the same surname are never merged;
2. a multi-word name NER typed otherwise but equal to a person's full name joins
   that person ("Odile Saren" tagged ORG in one article);
3. a surname alone ("Danes", "Zelenskyy") joins the one person of the corpus with
   that surname, first looking in its own article; when two people share it, it
   stays apart (no evidence to choose); a one-word organisation ("the Ledger")
   joins the one multi-word organisation it ends ("The Harbour Ledger");
4. everything else is joined on its folded name.

The actor's type is the majority of the NER types of its entities, weighted by
mentions ("Danes" tagged ORG in two articles stays a PERSON). Names are compared
through :mod:`storytrace.link.names` (honorifics, possessives, accents and
transliteration endings folded).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from storytrace.link.names import first_names_compatible, name_tokens, slug
from storytrace.link.outlets import OutletIndex
from storytrace.link.records import Actor, OutletCount, Role
from storytrace.link.roles import roles_around
from storytrace.link.words import lexicon
from storytrace.records import ArticleAnalysis, Entity, EntityType

__all__ = ["MENTIONS_PER_ROLE", "ActorIndex", "link_entities", "outlet_label", "roster"]

# ties between NER types are broken in this order (a speaking entity is a person first)
_TYPE_PRIORITY: dict[EntityType, int] = {"PERSON": 0, "ORG": 1, "GPE": 2, "LOC": 3, "NORP": 4}
#: a title or role printed next to a name ("Sunniva Hart, the office's director") is
#: stronger evidence of a person than one NER tag: it counts as this many PERSON
#: mentions. 3 lets one role outweigh a wire story tagged ORG in two syndicated copies.
MENTIONS_PER_ROLE = 3
_PRONOUNS = lexicon("he she they it him her them his its their we i you who this that")


def outlet_label(analysis: ArticleAnalysis) -> str:
    """The outlet of an article, or its id when it has none (so counts stay per source)."""
    return analysis.article.outlet or analysis.article.id


@dataclass(slots=True)
class _Group:
    members: list[Entity] = field(default_factory=list)
    person_key: tuple[str, ...] | None = None  # (first, ..., surname) of a full-name person
    outlet: str | None = None  # the stored outlet this organisation is

    @property
    def surname(self) -> str | None:
        return self.person_key[-1] if self.person_key else None


@dataclass(frozen=True, slots=True)
class ActorIndex:
    """The actors and how to find the actor of an entity id or a name."""

    actors: tuple[Actor, ...]
    by_entity: Mapping[str, str]
    by_name: Mapping[str, str]
    _ids: dict[str, Actor] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_ids", {a.id: a for a in self.actors})

    def actor(self, actor_id: str | None) -> Actor | None:
        return None if actor_id is None else self._ids.get(actor_id)

    def find(self, entity: str | None = None, name: str | None = None) -> str | None:
        """The actor of an entity id, else of a name ("Aurelio Danes", "Danes") if unique."""
        if entity is not None and entity in self.by_entity:
            return self.by_entity[entity]
        if name:
            tokens = name_tokens(name, person=True)
            key = " ".join(tokens)
            if key in self.by_name:
                return self.by_name[key]
        return None


def _speaking_entities(analyses: Sequence[ArticleAnalysis]) -> set[str]:
    return {q.speaker.entity for a in analyses for q in a.attributions if q.speaker.entity}


def _group_entities(analyses: Sequence[ArticleAnalysis], outlets: OutletIndex) -> list[_Group]:
    speaking = _speaking_entities(analyses)
    entities = [e for a in analyses for e in a.entities]
    persons: dict[tuple[str, ...], _Group] = {}
    others: dict[str, _Group] = {}
    singles: list[Entity] = []

    def other(e: Entity) -> _Group:
        stored = outlets.stored(e.name)  # "the Ledger", "Harbour Ledger" → The Harbour Ledger
        key = " ".join(name_tokens(stored or e.name, person=e.type == "PERSON"))
        group = others.setdefault(key, _Group())
        group.outlet = group.outlet or stored
        return group

    # 1. full-name people, one group per folded full name
    for e in entities:
        tokens = name_tokens(e.name, person=True)
        if e.type == "PERSON" and len(tokens) >= 2 and outlets.stored(e.name) is None:
            persons.setdefault(tokens, _Group(person_key=tokens)).members.append(e)
    _merge_compatible_first_names(persons)
    people = list({id(g): g for g in persons.values()}.values())

    # 2. multi-word names of other types equal to a person's full name; 4. the rest
    for e in entities:
        tokens = name_tokens(e.name, person=e.type == "PERSON")
        if e.type == "PERSON" and tokens in persons:
            continue
        if len(tokens) >= 2 and tokens in persons and e.type != "NORP":
            persons[tokens].members.append(e)
        elif len(tokens) >= 2 or outlets.stored(e.name):
            other(e).members.append(e)
        else:
            singles.append(e)

    # 3. one-word names: a surname of one person, the tail of one organisation, or themselves
    by_surname: dict[str, list[_Group]] = defaultdict(list)
    for g in people:
        if g.surname:
            by_surname[g.surname].append(g)
    org_tails: dict[str, list[_Group]] = defaultdict(list)
    for key, g in others.items():
        if len(key.split()) > 1 and _majority_type(g.members) == "ORG":
            org_tails[key.split()[-1]].append(g)
    for e in singles:
        key = " ".join(name_tokens(e.name, person=e.type == "PERSON"))
        target = None
        if e.type in ("PERSON", "ORG") or e.id in speaking:
            target = _surname_owner(e, by_surname.get(key, []))
        if target is None and e.type == "ORG" and len(org_tails.get(key, [])) == 1:
            target = org_tails[key][0]  # "Senate" → "Lisrenian Senate"
        (target or other(e)).members.append(e)
    return people + [g for g in others.values() if g.members]


def _surname_owner(e: Entity, candidates: list[_Group]) -> _Group | None:
    """The one person ``e`` (a surname alone) can be; None when zero or several."""
    local = [g for g in candidates if any(m.article == e.article for m in g.members)]
    if len(local) == 1:
        return local[0]
    return candidates[0] if len(candidates) == 1 else None


def _merge_compatible_first_names(persons: dict[tuple[str, ...], _Group]) -> None:
    """Merge "Steve Witkoff" and "Steven Witkoff" when no third name contradicts it."""
    by_surname: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for key in persons:
        by_surname[key[-1]].append(key)
    for keys in by_surname.values():
        for key in sorted(keys, key=len):
            partners = [
                k
                for k in keys
                if k != key
                and persons[k] is not persons[key]
                and first_names_compatible(k[0], key[0])
            ]
            if len(partners) != 1:
                continue  # none, or ambiguous ("Al" fits "Alan" and "Alfred"): keep apart
            other = persons[partners[0]]
            mine = persons[key]
            other.members.extend(mine.members)
            for k in keys:
                if persons[k] is mine:
                    persons[k] = other


def _type(group: _Group, roles: int) -> EntityType:
    """The majority NER type by mentions; a stored outlet is an ORG, and each title
    or role printed next to the name counts as ``MENTIONS_PER_ROLE`` PERSON mentions."""
    if group.outlet:
        return "ORG"
    return _majority_type(group.members, person_bonus=roles * MENTIONS_PER_ROLE)


def _majority_type(members: Iterable[Entity], person_bonus: int = 0) -> EntityType:
    votes: Counter[EntityType] = Counter()
    for e in members:
        votes[e.type] += max(1, len(e.mentions))
    if person_bonus:
        votes["PERSON"] += person_bonus
    return min(votes, key=lambda t: (-votes[t], _TYPE_PRIORITY[t]))


def _display_name(group: _Group) -> str:
    if group.outlet:
        return group.outlet
    names: Counter[str] = Counter()
    for e in group.members:
        names[e.name] += max(1, len(e.mentions))
    # the most used of the longest names: "Aurelio Danes" over "Danes"; on a tie,
    # "Port Halvard" over "PORT HALVARD"
    longest = max(len(n.split()) for n in names)
    best = [n for n in names if len(n.split()) == longest]
    return max(best, key=lambda n: (names[n], not n.isupper(), n))


def _roles(group: _Group, analyses: Mapping[str, ArticleAnalysis]) -> tuple[Role, ...]:
    seen: dict[str, tuple[str, list[str]]] = {}  # folded role -> (as first printed, articles)
    for e in group.members:
        analysis = analyses[e.article]
        text = analysis.article.text
        named = [(m.start, m.end) for ent in analysis.entities for m in ent.mentions]
        found = [r.text for m in e.mentions for r in roles_around(text, (m.start, m.end), named)]
        found += _speaker_descriptions(e, analysis)
        for role in found:
            key = " ".join(role.casefold().replace("’", "'").split())
            articles = seen.setdefault(key, (role, []))[1]
            articles.append(e.article)
    return tuple(Role(text, tuple(dict.fromkeys(arts))) for text, arts in seen.values())


def _speaker_descriptions(e: Entity, analysis: ArticleAnalysis) -> list[str]:
    """Descriptions the quote extractor resolved to this entity ("the envoy")."""
    out = []
    names = {e.name.casefold(), *(a.casefold() for a in e.aliases)}
    for q in analysis.attributions:
        d = q.speaker.description
        if q.speaker.entity != e.id or not d or q.speaker.anonymous:
            continue
        words = d.split()
        if d.casefold() in _PRONOUNS or not words or words[0].casefold() not in ("the", "a", "an"):
            continue
        if any(n in d.casefold() for n in names):
            continue
        out.append(" ".join(words[1:]))
    return out


def link_entities(analyses: Sequence[ArticleAnalysis]) -> ActorIndex:
    """Join the per-article entities of ``analyses`` into actors."""
    by_article = {a.article.id: a for a in analyses}
    outlets = OutletIndex.build(a.article.outlet for a in analyses)
    groups = _group_entities(analyses, outlets)
    actors: list[Actor] = []
    used: Counter[str] = Counter()
    by_entity: dict[str, str] = {}
    name_votes: dict[str, set[str]] = defaultdict(set)
    for group in sorted(groups, key=lambda g: (-_mention_count(g), _display_name(g))):
        name = _display_name(group)
        base = slug(name)
        used[base] += 1
        actor_id = base if used[base] == 1 else f"{base}-{used[base]}"
        roles = _roles(group, by_article)
        type_ = _type(group, sum(len(r.articles) for r in roles))
        aliases = sorted(
            {n for e in group.members for n in (e.name, *e.aliases)}
            | {m.text for e in group.members for m in e.mentions},
            key=str.casefold,
        )
        aliases = [n for n in aliases if n != name]
        per_outlet: dict[str, tuple[set[str], int]] = {}
        for e in group.members:
            label = outlet_label(by_article[e.article])
            arts, n = per_outlet.get(label, (set(), 0))
            arts.add(e.article)
            per_outlet[label] = (arts, n + len(e.mentions))
        actors.append(
            Actor(
                id=actor_id,
                name=name,
                type=type_,
                aliases=tuple(aliases),
                roles=roles if type_ == "PERSON" else (),
                entities=tuple(e.id for e in group.members),
                mentions=_outlet_counts(per_outlet),
                types_seen=tuple(
                    sorted({e.type for e in group.members}, key=lambda t: _TYPE_PRIORITY[t])
                ),
            )
        )
        for e in group.members:
            by_entity[e.id] = actor_id
        for alias in (name, *aliases):
            name_votes[" ".join(name_tokens(alias, person=True))].add(actor_id)
    by_name = {k: next(iter(v)) for k, v in name_votes.items() if len(v) == 1 and k}
    return ActorIndex(tuple(actors), by_entity, by_name)


def _mention_count(group: _Group) -> int:
    return sum(len(e.mentions) for e in group.members)


def roster(index: ActorIndex, analyses: Sequence[ArticleAnalysis]) -> list[Actor]:
    """The people and organisations of a story (``analyses``), counted in it only."""
    entity_article = {e.id: a for a in analyses for e in a.entities}
    out = []
    for actor in index.actors:
        members = [e for e in actor.entities if e in entity_article]
        if actor.type not in ("PERSON", "ORG") or not members:
            continue
        wanted = {entity_article[e].article.id for e in members}
        per_outlet: dict[str, tuple[set[str], int]] = {}
        for e in members:
            analysis = entity_article[e]
            entity = next(x for x in analysis.entities if x.id == e)
            arts, n = per_outlet.get(outlet_label(analysis), (set(), 0))
            arts.add(analysis.article.id)
            per_outlet[outlet_label(analysis)] = (arts, n + len(entity.mentions))
        out.append(
            Actor(
                id=actor.id,
                name=actor.name,
                type=actor.type,
                aliases=actor.aliases,
                roles=tuple(
                    Role(r.text, tuple(a for a in r.articles if a in wanted))
                    for r in actor.roles
                    if any(a in wanted for a in r.articles)
                ),
                entities=tuple(members),
                mentions=_outlet_counts(per_outlet),
                types_seen=actor.types_seen,
            )
        )
    return out


def _outlet_counts(per_outlet: Mapping[str, tuple[set[str], int]]) -> tuple[OutletCount, ...]:
    ranked = sorted(per_outlet.items(), key=lambda kv: (-kv[1][1], kv[0]))
    return tuple(OutletCount(label, len(arts), n) for label, (arts, n) in ranked)
