"""Who acts in each sentence: the countries and organisations, a first step to "who did what to whom".

No parser runs (it would halve throughput), so this is deliberately shallow and says so in its
output: an actor is a country named as a country, a demonym ("Russian forces"), an organisation, or
a capital used for its government ("Kyiv said"). A country right after "in", "across", "inside" is a
location, not an actor; one right after "at", "on", "against" or "targeting" is marked ``target``.
The classification stage decides the rest.
"""

from __future__ import annotations

from typing import Any

from herald.core.records import Actor

from .gazetteer import Gazetteer, fold
from .place_mentions import Mention
from .tokens import Tokens

LOCATION_ONLY = frozenset({"in", "across", "inside", "throughout", "within", "of"})
TARGET_CUES = frozenset({"at", "on", "against", "targeting", "targeted", "into"})
# A capital followed by one of these speaks or acts for its country.
SPEECH_OR_ACTION = frozenset(
    {
        "said", "says", "say", "denied", "denies", "accused", "accuses", "claimed", "claims", "warned",
        "warns",
        "announced", "announces", "confirmed", "confirms", "launched", "launches", "pledged", "pledges",
        "imposed", "imposes", "rejected", "rejects", "demanded", "demands", "responded", "has", "had", "will",
        "would", "is", "was", "insisted", "insists", "vowed", "vows", "urged", "urges", "blamed", "blames",
    }
)  # fmt: skip


def sentence_actors(
    toks: Tokens, mentions: list[Mention], gazetteer: Gazetteer, sent_of: Any
) -> dict[int, list[Actor]]:
    """Actors per sentence index, in order of mention, each name once per sentence."""
    out: dict[int, list[Actor]] = {}
    seen: set[tuple[int, str]] = set()
    for m in mentions:
        actor = _actor(toks, m, gazetteer)
        if actor is None:
            continue
        sent = sent_of(m.start)
        if (sent, actor.name) in seen:
            continue
        seen.add((sent, actor.name))
        out.setdefault(sent, []).append(actor)
    return out


def _actor(toks: Tokens, m: Mention, gaz: Gazetteer) -> Actor | None:
    prev = toks.lower[m.start - 1] if m.start > 0 else ""
    role = "target" if prev in TARGET_CUES else "actor"
    if m.label == "NORP" and m.country_code:
        country = gaz.country(m.country_code)
        return Actor(
            name=country.name if country else toks.span(m.start, m.end),
            role=role,
            country_code=m.country_code,
        )
    if m.label == "ORG":
        return Actor(name=toks.span(m.start, m.end), role=role, country_code=m.country_code)
    place = m.place
    if place is None:
        return None
    if place.kind == "country":
        if prev in LOCATION_ONLY:
            return None
        return Actor(name=place.name, role=role, country_code=place.country_code)
    if (
        place.kind == "city"
        and gaz.capitals.get(fold(place.name)) == place.country_code
        and m.end < toks.n
        and toks.lower[m.end] in SPEECH_OR_ACTION
        and prev not in LOCATION_ONLY
    ):
        country = gaz.country(place.country_code)
        return Actor(name=country.name if country else place.name, role=role, country_code=place.country_code)
    return None
