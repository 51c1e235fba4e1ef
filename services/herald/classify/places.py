"""Where an event happened: the most specific place its sentences name, and that place's country.

The enrichment stage resolves places (``Entity.geo``: name, country, admin1, kind, coordinates);
this module only chooses among them. Choosing, not resolving, is the classifier's job because only it
knows which sentences belong to which event: in a wrap-up the drone strike is in Odesa and the
resignation in Kyiv.

Order of preference: a resolved city, then a resolved region, then a resolved country, then an
unresolved name (the enrichment may not resolve everything; an unresolved "village of Malynivka" is
still more useful to a desk than no location). Places that only appear as the attacker ("Russia
launched ...") or in the attribution ("..., the ministry in Moscow said") are not where it happened.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from herald.core.records import EnrichedArticle, Entity, Location

_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_KIND_RANK = {"city": 4, "region": 3, "country": 1}

# ", the defence ministry in Moscow said." / "According to officials in Kyiv, ..."
_ATTRIBUTION = re.compile(
    r",\s*[^,]{0,80}?\b(?:said|says|reported|told|announced|added|wrote|stated|claimed|according to)\b[^,]*$"
    r"|^\s*according to [^,]{0,80},"
    r"|\b(?:said|told|according to) [^,.]{0,80}$",
    re.I,
)
_VILLAGE_OF = re.compile(
    r"\b(?:village|town|city|settlement|hamlet|port city|district|suburb|neighbou?rhood) of "
    r"((?-i:[A-Z][\w'’-]+)(?: (?-i:[A-Z][\w'’-]+))?)",
    re.I,
)
_REGION_AFTER = re.compile(r"^\s+(?:region|oblast|province|governorate|state|district|county|prefecture)\b", re.I)
_LOCATIVE_BEFORE = re.compile(
    r"\b(?:in|near|outside|around|at|across|over|into|on|from|towards?|of|hit|struck|targeted)\s+(?:the\s+)?"
    r"(?:(?:northern|southern|eastern|western|central|north-?eastern|north-?western|south-?eastern|"
    r"south-?western|coastal|frontline|border|capital|city of|town of|village of|region of)\s+)?$",
    re.I,
)


def attribution_spans(sentence: str) -> list[tuple[int, int]]:
    """Character spans of the sentence that only say who reported it."""
    return [m.span() for m in _ATTRIBUTION.finditer(sentence)]


def in_spans(start: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(a <= start < b for a, b in spans)


@dataclass(frozen=True)
class Candidate:
    rank: float
    order: tuple[int, int]
    name: str
    entity: Entity | None


def locate(
    article: EnrichedArticle,
    indices: Sequence[int],
    sentences: Sequence[str],
    attackers: frozenset[tuple[int, int]] = frozenset(),
    targets: frozenset[tuple[int, int]] = frozenset(),
) -> Location | None:
    """The event's location, or None when its sentences name no place.

    ``attackers`` and ``targets`` hold (sentence, entity start) pairs the actor finder assigned. An
    attacker is never the location; a target ("drones at Ukraine") is, but only when nothing more
    specific is named.
    """
    offsets = [s.start for s in article.sentences] or [0]
    wanted = set(indices)
    candidates: list[Candidate] = []
    countries: list[Entity] = []
    for entity in article.entities:
        if entity.sentence not in wanted or entity.sentence >= len(sentences):
            continue
        if entity.label not in _PLACE_LABELS and entity.geo is None:
            continue
        sentence = sentences[entity.sentence]
        local = entity.start - offsets[entity.sentence] if entity.sentence < len(offsets) else entity.start
        key = (entity.sentence, entity.start)
        if key in attackers or in_spans(local, attribution_spans(sentence)):
            continue
        if entity.geo is not None:
            rank = float(_KIND_RANK.get(entity.geo.kind or "", 2))
            if entity.geo.kind == "country":
                countries.append(entity)
        else:
            rank = _unresolved_rank(sentence, local, entity)
        if key in targets:
            rank -= 0.25
        candidates.append(Candidate(rank, (entity.sentence, local), entity.text, entity))
    for i in indices:
        if i >= len(sentences):
            continue
        for m in _VILLAGE_OF.finditer(sentences[i]):
            if not any(c.order[0] == i and c.name == m.group(1) for c in candidates):
                candidates.append(Candidate(0.6, (i, m.start(1)), m.group(1), None))
    if not candidates:
        return None
    best = max(candidates, key=lambda c: (c.rank, -c.order[0], -c.order[1]))
    entity = best.entity
    if entity is not None and entity.geo is not None:
        geo = entity.geo
        return Location(
            name=geo.name, country_code=geo.country_code, admin1=geo.admin1, lat=geo.lat, lon=geo.lon
        )
    country = countries[0].geo.country_code if countries and countries[0].geo else None
    return Location(name=best.name, country_code=country)


def _unresolved_rank(sentence: str, local: int, entity: Entity) -> float:
    """Below every resolved place; among unresolved ones, a named village beats a bare name."""
    before = sentence[max(0, local - 40) : local]
    after = sentence[local + len(entity.text) :]
    if re.search(r"\b(?:village|town|city|settlement|hamlet) of\s+$", before, re.I):
        return 0.6
    if _REGION_AFTER.match(after):
        return 0.4
    if _LOCATIVE_BEFORE.search(before):
        return 0.5
    return 0.3 if entity.label in {"GPE", "LOC", "FAC"} else 0.1
