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
guess. Attribution ("..., Ukraine's air force said") and datelines ("KYIV (Reuters) -") are never
actors, nor are headlines (written in shorthand, and capitalised so that NER tags common words as
names) or the trigger words themselves ("Iskander", "Ransomware").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from herald.core.records import Actor, EnrichedArticle, Entity

from .cues import RULES
from .event_place import dateline_end
from .segments import Segment, attribution_spans, in_spans

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
# Hazards have no actors; named people and groups in their sentences are officials and witnesses.
_NO_ACTORS = frozenset({"natural_disaster", "disease_outbreak", "industrial_accident", "evacuation"})
# Types where a country acts as a party ("Russia and Ukraine agreed ..."); elsewhere a country is a place.
_STATE_PARTIES = frozenset({"peace_talks", "armed_clash"})
_LOCATIVE = re.compile(
    r"\b(?:in|near|outside|around|across|over|into|from|towards?|of|inside|within|throughout)\s+(?:the\s+)?"
    r"(?:(?-i:[A-Z])[\w.-]*(?:\s(?-i:[A-Z])[\w.-]*)?['\u2019]s\s+)?"  # "in Pakistan's Balochistan"
    r"(?:(?:northern|southern|eastern|western|central|north-?eastern|north-?western|south-?eastern|"
    r"south-?western|coastal|frontline|border|occupied)\s+)?$",
    re.I,
)
# Between the preposition and the name only lower-case words ("at the northern", "by pro-government").
_BY = re.compile(r"\b(?:by|from)\s+(?:(?-i:[a-z][\w-]*)\s+){0,2}$", re.I)
_AT = re.compile(
    r"\b(?:at|against|on|targeting|toward|towards|into|over)\s+(?:(?-i:[a-z][\w-]*)\s+){0,2}$|"
    r"\b(?:ousted|toppled|overthrew|deposed|detained|arrested|attacked|struck|targeted|bombed|shelled|"
    r"pounded|raided)\s+(?:(?-i:[a-z][\w-]*)\s+){0,2}$",
    re.I,
)
# "Ukraine's air defences downed 27 drones": the side that shoots down is the one attacked.
_DEFENDER_AFTER = re.compile(r"^['\u2019]s\s+(?:air[- ]defen[cs]es?|air force|anti-aircraft)", re.I)
# "a major US hospital network", "a British water utility": a country's institution a hacking or
# sabotage hit, never who did it.
_VICTIM_AFTER = re.compile(
    r"^\s+(?:[a-z-]+\s+){0,2}?(?:hospitals?|hospital\s+(?:network|chain|group)|health\s+system|banks?|"
    r"compan(?:y|ies)|firms?|utilit(?:y|ies)|airlines?|retailers?|universit(?:y|ies)|pipelines?|"
    r"refiner(?:y|ies)|water\s+(?:system|plant)|power\s+(?:grid|plant|station)|grid\s+operator)\b"
)
# "The Israeli army said it had intercepted a missile", "Russia's military said it shot down 40 drones":
# the side that stops the weapons is the one they were fired at.
_DEFENDS_BETWEEN = re.compile(
    r"\b(?:intercept(?:ed|ing|s)?|shot\s+down|shoots?\s+down|downed|downing|repelled|repulsed)\b", re.I
)
# "France's high-speed rail lines", "Nigeria's main oil pipeline": the owner of the infrastructure hit,
# named in the possessive right before it, is its target, not its attacker.
_OWNER_OF = re.compile(r"^['\u2019]s\s+(?:[\w-]+\s+){0,3}$")
_PASSIVE = re.compile(
    r"\b(?:was|were|has been|have been|had been|came under|come under|is|are|suffered|saw)\b", re.I
)
_CIVILIAN_WORDS = re.compile(
    r"\b(civilians|villagers|residents|worshippers|shoppers|commuters|passengers|pupils|schoolchildren|"
    r"schoolgirls|students|farmers|herders|aid workers|journalists|mourners|pilgrims|tourists|"
    r"wedding guests|bystanders|missionaries)\b",
    re.I,
)
# Capitalised at the start of a sentence, these are common nouns NER mistakes for names.
_COMMON_WORDS = frozenset(
    {
        "debris",
        "riot",
        "police",
        "rescuers",
        "officials",
        "authorities",
        "residents",
        "witnesses",
        "gang",
        "gangs",
        "railway",
        "telecom",
        "kamikaze",
        "troops",
        "soldiers",
        "militants",
        "rebels",
        "gunmen",
        "hackers",
        "protesters",
        "rioters",
        "shelling",
        "fighting",
        "clashes",
        "saboteurs",
        "arsonists",
        "army",
        "navy",
        "military",
        "government",
        "unknown",
        "armed",
        "suspected",
        "unidentified",
    }
)
_POSSESSIVE = re.compile(r"['\u2019]s?$")
# Verbs where the subject loses the place ("withdrew from") and "to X" names who took it ("fell to").
_LOSS = re.compile(r"^(?:withdr|pull|retreat|lost|fell|falls|has fallen|ceded|surrendered)", re.I)
_TO = re.compile(r"\bto\s+(?:(?-i:[a-z][\w-]*)\s+){0,2}$", re.I)
_ALL_CUES = tuple(cue.pattern for rules in RULES for cue in rules.cues)
MAX_ACTORS = 6


@dataclass
class Cast:
    actors: list[Actor] = field(default_factory=list)
    attackers: set[int] = field(default_factory=set)  # entity start offsets
    targets: set[int] = field(default_factory=set)

    def add(self, name: str, role: str, country_code: str | None) -> None:
        name = _POSSESSIVE.sub("", name).strip()
        if len(self.actors) >= MAX_ACTORS or not name:
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


def _not_a_name(entity: Entity, local: int, span: tuple[int, int]) -> bool:
    if (
        "\n" in entity.text
        or entity.text.islower()
        or (local < span[1] and local + len(entity.text) > span[0])
    ):
        return True
    if local == 0 and " " not in entity.text and entity.text.lower() in _COMMON_WORDS:
        return True
    return " " not in entity.text and _is_trigger_word(entity.text)


@lru_cache(maxsize=4096)
def _is_trigger_word(word: str) -> bool:
    """A one-word "name" that is a trigger word itself ("Iskander", "Ransomware") is the weapon, no side."""
    return any(p.fullmatch(word) for p in _ALL_CUES)


def _from_enrichment(
    code: str, article: EnrichedArticle, triggers: Sequence[tuple[Segment, tuple[int, int]]], cast: Cast
) -> None:
    """The enrichment's own reading of who acts in a sentence (``Sentence.actors``): it supplies the
    country of an actor found here, and the actors themselves when word order found none."""
    named = [
        actor
        for sentence in sorted({seg.sentence for seg, _ in triggers if not seg.headline})
        if sentence < len(article.sentences)
        for actor in article.sentences[sentence].actors
    ]
    by_name = {a.name.lower(): a for a in named if a.country_code}
    for i, actor in enumerate(cast.actors):
        known = by_name.get(actor.name.lower())
        if actor.country_code is None and known is not None:
            cast.actors[i] = actor.model_copy(update={"country_code": known.country_code})
    if not cast.actors and code in DIRECTED | _STATE_PARTIES:
        for actor in named:
            if _plausible_party(actor.name):
                cast.add(actor.name, actor.role, actor.country_code)


_PLACE_WORDS = re.compile(r"\b(?:province|region|oblast|state|district|county|governorate)$", re.I)


def _plausible_party(name: str) -> bool:
    """Not a common word, a weapon or a province that NER or the enrichment took for a party."""
    if name.lower() in _COMMON_WORDS or _PLACE_WORDS.search(name):
        return False
    return " " in name or not _is_trigger_word(name)


def find(code: str, article: EnrichedArticle, triggers: Sequence[tuple[Segment, tuple[int, int]]]) -> Cast:
    """The actors of one event. ``triggers``: each segment that reported it and the span that fired."""
    cast = Cast()
    if code in _NO_ACTORS:
        return cast
    directed = code in DIRECTED
    for seg, span in triggers:
        lost = code == "territory_change" and bool(_LOSS.match(seg.text[span[0] : span[1]]))
        if seg.headline:
            continue
        spans = attribution_spans(seg.text)
        dateline = dateline_end(seg.text)  # "KYIV (Reuters) - ": where the reporter sat, no party
        for entity in article.entities:
            if not seg.contains(entity) or entity.label not in _ACTOR_LABELS:
                continue
            start = entity.start - seg.start
            end = start + len(entity.text)
            if start < dateline or in_spans(start, spans) or _not_a_name(entity, start, span):
                continue
            before = seg.text[max(0, start - 40) : start]
            role = "actor"
            if directed and _DEFENDER_AFTER.match(seg.text[end:]):
                role = "target"
            elif directed:
                if end <= span[0]:
                    if _AT.search(before):
                        role = "target"
                    elif _LOCATIVE.search(before):
                        continue
                    elif lost:
                        role = "actor"
                    elif _VICTIM_AFTER.match(seg.text[end:]):
                        role = "target"  # "a major US hospital network diverted ambulances after hackers ..."
                    elif _DEFENDS_BETWEEN.search(seg.text[end : span[0]]):
                        role = "target"  # "the Israeli army said it had intercepted a missile"
                    elif code == "infrastructure_attack" and _OWNER_OF.match(seg.text[end : span[0]]):
                        role = "target"
                    else:
                        role = "target" if _PASSIVE.search(seg.text[end : span[0]]) else "attacker"
                elif _BY.search(before) or (lost and _TO.search(before)):
                    role = "attacker"
                elif _AT.search(before):
                    role = "target"
                elif _LOCATIVE.search(before) or entity.label == "GPE":
                    continue
                if code == "territory_change" and entity.label == "GPE" and role == "target":
                    continue  # the place taken is the location, not a party
            elif entity.label == "GPE" and (
                code not in _STATE_PARTIES or _LOCATIVE.search(before) or _AT.search(before)
            ):
                continue
            if role == "attacker":
                cast.attackers.add(entity.start)
            elif role == "target":
                cast.targets.add(entity.start)
            cast.add(entity.text, role, _country(entity))
    _from_enrichment(code, article, triggers, cast)
    if code == "attack_on_civilians":
        for seg, _ in triggers:
            m = _CIVILIAN_WORDS.search(seg.text)
            if m:
                cast.add(m.group(1).lower(), "target", None)
                break
    return cast
