"""Who did it to whom: attacker, target and other actors, read from an event's sentences.

Only where the sentence says so. The enrichment supplies the named entities (NORP demonyms such as
"Russian", countries, organisations, people, with a ``country_code`` where it resolved one); this
module reads their position relative to the words that triggered the event:

* before the trigger, not after a locative preposition: the attacker ("Russian forces captured ...",
  "Houthi rebels fired ..."), unless a passive verb sits between ("Kharkiv was hit by ...");
* after "by"/"from" following the trigger: the attacker ("... hit by Russian drones");
* after "at", "against", "on", "targeting": the target ("... 472 drones at Ukraine").

Reading word order instead of a dependency parse keeps classification cheap and is right for the
sentence shapes wire copy uses for attacks; anything else gets the neutral role "actor" rather than a
guess. Attribution ("..., Ukraine's air force said") is never an actor.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from herald.core.records import Actor, EnrichedArticle, Entity

from .places import attribution_spans, in_spans

_ACTOR_LABELS = frozenset({"NORP", "GPE", "ORG", "PERSON"})
# Types with a side that acts on another: attacker/target roles apply.
DIRECTED = frozenset(
    {
        "air_drone_strike",
        "missile_artillery_strike",
        "territory_change",
        "infrastructure_attack",
        "attack_on_civilians",
        "coup",
        "cyberattack",
    }
)
_LOCATIVE = re.compile(
    r"\b(?:in|near|outside|around|across|over|into|from|towards?|of|inside|within|throughout)\s+(?:the\s+)?"
    r"(?:(?:northern|southern|eastern|western|central|north-?eastern|north-?western|south-?eastern|"
    r"south-?western|coastal|frontline|border|occupied)\s+)?$",
    re.I,
)
# Between the preposition and the name only lower-case words ("at the northern", "by pro-government").
_BY = re.compile(r"\b(?:by|from)\s+(?:(?-i:[a-z][\w-]*)\s+){0,2}$", re.I)
_AT = re.compile(
    r"\b(?:at|against|on|targeting|toward|towards|into|over)\s+(?:(?-i:[a-z][\w-]*)\s+){0,2}$|"
    r"\b(?:ousted|toppled|overthrew|deposed|detained|arrested)\s+(?:(?-i:[a-z][\w-]*)\s+){0,2}$",
    re.I,
)
_PASSIVE = re.compile(
    r"\b(?:was|were|has been|have been|had been|came under|come under|is|are|suffered|saw)\b", re.I
)
_CIVILIAN_WORDS = re.compile(
    r"\b(civilians|villagers|residents|worshippers|shoppers|commuters|passengers|pupils|schoolchildren|"
    r"schoolgirls|students|farmers|herders|aid workers|journalists|mourners|pilgrims|tourists|"
    r"wedding guests|bystanders)\b",
    re.I,
)
# Hazards have no actors; named people and groups in their sentences are officials and witnesses.
_NO_ACTORS = frozenset({"natural_disaster", "disease_outbreak", "industrial_accident"})
# Types where a country acts as a party ("Russia and Ukraine agreed ..."); elsewhere a country is a place.
_STATE_PARTIES = frozenset({"peace_talks", "armed_clash"})
MAX_ACTORS = 6


@dataclass
class Cast:
    actors: list[Actor] = field(default_factory=list)
    attackers: set[tuple[int, int]] = field(default_factory=set)
    targets: set[tuple[int, int]] = field(default_factory=set)

    def add(self, name: str, role: str, country_code: str | None) -> None:
        if len(self.actors) >= MAX_ACTORS:
            return
        key = (name.lower(), role)
        if any((a.name.lower(), a.role) == key for a in self.actors):
            return
        self.actors.append(Actor(name=name, role=role, country_code=country_code))  # type: ignore[arg-type]


def _country(entity: Entity) -> str | None:
    if entity.country_code:
        return entity.country_code
    if entity.geo is not None and entity.geo.kind in {"country", None}:
        return entity.geo.country_code
    return None


def find(
    code: str,
    article: EnrichedArticle,
    triggers: Mapping[int, tuple[int, int]],
    sentences: Sequence[str],
) -> Cast:
    """The actors of one event. ``triggers`` maps sentence index -> span of the words that fired it."""
    cast = Cast()
    offsets = [s.start for s in article.sentences] or [0]
    directed = code in DIRECTED
    for entity in article.entities:
        span = triggers.get(entity.sentence)
        if span is None or entity.label not in _ACTOR_LABELS or entity.sentence >= len(sentences):
            continue
        sentence = sentences[entity.sentence]
        start = entity.start - offsets[entity.sentence] if entity.sentence < len(offsets) else entity.start
        end = start + len(entity.text)
        if in_spans(start, attribution_spans(sentence)):
            continue
        before = sentence[max(0, start - 40) : start]
        key = (entity.sentence, entity.start)
        role = "actor"
        if directed:
            if end <= span[0]:
                if _AT.search(before):
                    role = "target"
                elif _LOCATIVE.search(before):
                    continue
                else:
                    role = "target" if _PASSIVE.search(sentence[end : span[0]]) else "attacker"
            elif start >= span[1] or start >= span[0]:
                if _BY.search(before):
                    role = "attacker"
                elif _AT.search(before):
                    role = "target"
                elif _LOCATIVE.search(before) or entity.label == "GPE":
                    continue
        elif code in _NO_ACTORS:
            continue
        elif entity.label == "GPE" and (code not in _STATE_PARTIES or _LOCATIVE.search(before) or _AT.search(before)):
            continue
        if role == "attacker":
            cast.attackers.add(key)
        elif role == "target":
            cast.targets.add(key)
        cast.add(entity.text, role, _country(entity))
    if code == "attack_on_civilians":
        for i in triggers:
            if i < len(sentences):
                m = _CIVILIAN_WORDS.search(sentences[i])
                if m:
                    cast.add(m.group(1).lower(), "target", None)
                    break
    return cast
