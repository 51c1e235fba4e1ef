"""Where an event happened, as the novelty rules read it: its place, its country, its scopes.

A type is new "in" a scope (the world, a country, a region, a place); a series belongs to the
country attacked or affected. Pure functions of one event; no state.
"""

from __future__ import annotations

from herald.core.countries import is_country_name
from herald.core.records import Actor, Event, Location

from .novelty_wording import toll_country_behind_background

# The counts of people that place an event: the country they were killed, lost or driven out in.
_TOLLS = ("killed", "missing", "displaced", "evacuated", "affected")


def where(event: Event) -> Location | None:
    """Where the event happened, as novelty reads it: the event's location, except a location in the
    attacker's own country when a target of another country is named. "Russia launches 472 drones at
    Ukraine", placed in Russia by an outlet, happened in Ukraine (at country level: which place there
    is unknown). Nor a place named only in a clause about an earlier event: Pakistan's floods, told
    from Islamabad with India's Kishtwar toll as the day before's, happened in Pakistan (at country
    level), not in the Kashmir that clause names."""
    loc = event.location
    if loc is None or not loc.country_code:
        return loc
    toll_country = toll_country_behind_background(event, _TOLLS)
    if toll_country is not None and toll_country != loc.country_code:
        return Location(name=toll_country, country_code=toll_country, kind="country")
    attackers = {a.country_code for a in event.actors if a.role == "attacker" and a.country_code}
    targets = [a for a in event.actors if a.role == "target" and a.country_code]
    if loc.country_code in attackers and targets and targets[0].country_code not in attackers:
        return Location(name=targets[0].name, country_code=targets[0].country_code, kind="country")
    return loc


def affected_country(event: Event) -> str | None:
    """The country a series is about: where it happened (the country attacked or affected), else a
    target actor's country. Never the attacker's or the reporting agency's."""
    loc = where(event)
    if loc and loc.country_code:
        return loc.country_code
    targets: list[Actor] = [a for a in event.actors if a.role == "target" and a.country_code]
    if targets:
        return targets[0].country_code
    return None


def scopes(event: Event) -> list[str]:
    """Where a type can be new, broadest first: the world, the country, the region, the place.

    A location is only as fine as what it names: "Ukraine" is the country (no place scope of its
    own, or every report placed at country level would be a first in a "place" called Ukraine), an
    oblast is a region. The location's ``kind`` says which; without one, a name that is the name of
    an actor of the same country is taken for that country.
    """
    out = ["global"]
    loc = where(event)
    if loc is None:
        return out
    cc = loc.country_code or "?"
    if loc.country_code:
        out.append(f"country:{cc}")
    kind = loc.kind or _implied_kind(event)
    if kind == "country":
        return out
    region = loc.admin1 or (loc.name if kind == "region" else None)
    if region:
        out.append(f"region:{cc}:{_norm(region)}")
    if kind != "region" and loc.name and _norm(loc.name) != _norm(region or ""):
        out.append(f"place:{cc}:{_norm(loc.name)}")
    return out


def region_scope(event: Event) -> str | None:
    """The event's region scope ("region:RU:belgorod oblast"), or None when it is placed no finer than
    its country."""
    return next((s for s in scopes(event) if s.startswith("region:")), None)


def _implied_kind(event: Event) -> str | None:
    """ "country" when the location, with no region, is the country's name or an actor's name of that
    country ("Ukraine"). A city attacked is an actor too, but the gazetteer gives a city its region."""
    loc = where(event)
    if loc is None or not loc.country_code or loc.admin1:
        return None
    if is_country_name(loc.name, loc.country_code):
        return "country"
    return _actor_named(event, loc)


def _actor_named(event: Event, loc: Location) -> str | None:
    """ "country" when the location bears the name of an actor of its country (a spelling the country
    table lacks)."""
    name = _norm(loc.name)
    for actor in event.actors:
        if actor.country_code == loc.country_code and _norm(actor.name) == name:
            return "country"
    return None


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def describe_scope(scope: str) -> str:
    """A scope as alert texts name it: "anywhere", a country code, "Kharkiv (UA)"."""
    kind, _, rest = scope.partition(":")
    if kind == "global":
        return "anywhere"
    if kind == "country":
        return rest
    cc, _, name = rest.partition(":")
    return f"{name.title()} ({cc})" if cc != "?" else name.title()
