"""Which place an ambiguous name is: one gazetteer candidate per place mention, chosen against the
article's other places ("Paris, Texas"; "Atlanta, Georgia"; a region name several countries share),
and a small town far from everything else the article names left unresolved as a namesake.

Called by the place finder (``place_mentions.py``) once a document's mentions are collected.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from .gazetteer import Gazetteer, Place, fold
from .place_words import STRONG_CITY_POPULATION

if TYPE_CHECKING:
    from .place_mentions import Mention

# A town in a country the article never names, thousands of kilometres from every place it does name,
# is a namesake ("Blida" in a report on southern Lebanon is the Lebanese village, not the Algerian
# city): it stays a place, unresolved. Big cities and capitals are never demoted this way.
NAMESAKE_DISTANCE_KM = 2500
NAMESAKE_MAX_POPULATION = 500_000
# GeoNames' alternate names hold every language's spelling of a town: "Bassa" is Passau's, "Zike" Syke's.
# A town read only through one, in a country nothing else in the article reads as, is not what the
# report meant (a Nigerian district, a village): it stays unresolved. Exonyms of big cities ("Kiev",
# "Kharkov") still resolve alone.
ALTERNATE_ALONE_MIN_POPULATION = STRONG_CITY_POPULATION
# A city read only through a foreign spelling several places share, in a report that names other
# countries but never its own, resolves only when it is this big ("Kharkov" in a report naming Russia
# as the attacker).
ALTERNATE_EXONYM_MIN_POPULATION = 1_000_000
# A small town sharing the name of a city at least this many times its size is not lifted over it by
# the countries the article names: "a fire in Dhaka's Mirpur district" is Bangladesh's capital though
# a small Indian Mirpur votes India, and "Russian-held Donetsk" is the Ukrainian city in a report that
# names Russia as the attacker on every line. Only a name pinned by its state or country (", Texas",
# "Yemen's") reads as the small town then.
BIG_NAMESAKE_RATIO = 10
# A lone small town abroad whose name several towns bear, the only name that resolved, beside at least
# this many place names the gazetteer does not know: the report is about a locale the gazetteer lacks
# (a city's neighbourhoods), and the town is a namesake of one of its streets or quarters.
UNKNOWN_NEIGHBOURS = 2


def resolve(mentions: list[Mention], gazetteer: Gazetteer) -> None:
    """Pick one candidate per place mention, using the others as context.

    First pass: what each name means on its own (own names before alternates, then
    population). The countries and regions of those readings, and of demonyms, are the
    context; second pass: re-score ambiguous names against it, the first readings of every
    mention of the same name left out, so that a name repeated cannot vote for itself.
    """
    countries: dict[str, int] = {}
    admin1: dict[str, int] = {}
    # The votes of each name's own mentions: "Tripoli" three times must not vote Libya for itself.
    own_votes: dict[tuple[Place, ...], tuple[dict[str, int], dict[str, int]]] = {}
    keys = [_name_key(m) for m in mentions]
    for m, key in zip(mentions, keys, strict=True):
        first = _pick(m, None) if m.candidates else None
        cc = (first.country_code or None) if first else m.country_code
        own_cc, own_a1 = own_votes.setdefault(key, ({}, {}))
        if m.modifier or m.label == "ORG":
            # "US-mediated talks in Geneva", "the State Department said": parties and speakers say
            # nothing about which Geneva is meant.
            continue
        if cc:
            countries[cc] = countries.get(cc, 0) + 1
            own_cc[cc] = own_cc.get(cc, 0) + 1
        if first and first.admin1_code:
            admin1[first.admin1_code] = admin1.get(first.admin1_code, 0) + 1
            own_a1[first.admin1_code] = own_a1.get(first.admin1_code, 0) + 1
    # "GENEVA - Talks opened in Geneva ...": a dateline with no state or country after it is the town
    # the name means on its own (a US namesake's dateline carries its state: "GENEVA, Ill."), and so
    # is every mention of that name, whatever countries the report names as parties.
    # A name the report pins anywhere ("Lebanon's Tripoli") is read as pinned.
    pinned = {key for m, key in zip(mentions, keys, strict=True) if m.explicit}
    datelined = {
        key: _pick(m, None) for m, key in zip(mentions, keys, strict=True) if m.dateline and key not in pinned
    }
    # The other mentions' votes are the same for every mention of one name.
    context: dict[tuple[Place, ...], tuple[dict[str, int], dict[str, int]]] = {}
    for m, key in zip(mentions, keys, strict=True):
        if not m.candidates:
            continue
        if key in datelined and not m.explicit:
            m.place = datelined[key]
            m.country_code = m.place.country_code or None if m.place is not None else m.country_code
            continue
        if key not in context:
            own_cc, own_a1 = own_votes[key]
            context[key] = (_minus(countries, own_cc), _minus(admin1, own_a1))
        others, other_a1 = context[key]
        m.place = _pick(m, (others, other_a1, None))
        if m.place is not None and _lone_alternate(m, m.place, others):
            m.place = None
        if m.place is not None and m.region and not _vouched(m, m.place, others, None):
            # "Burkina Faso's Eastern region": Fiji, Ghana and Uganda have an Eastern region, Burkina
            # Faso's is "Est". A region name several countries share, none of them named in the
            # report, stays unresolved; the country the report names still places the event.
            m.place = None
        if m.place is not None and _foreign_town_for_region(m, m.place, others):
            m.place = None
        if m.place is not None:
            m.country_code = m.place.country_code or None
            if m.place.kind in ("sea", "other"):
                m.label = "LOC"
    _drop_far_namesakes(mentions, gazetteer.capitals)


def _name_key(m: Mention) -> tuple[Place, ...]:
    """Mentions of one name share their candidates: the key that groups a name's mentions."""
    return tuple(c.place for c in m.candidates) if m.candidates else ()


def _minus(counts: dict[str, int], own: dict[str, int]) -> dict[str, int]:
    return {k: n - own.get(k, 0) for k, n in counts.items() if n > own.get(k, 0)}


def _vouched(m: Mention, place: Place, countries: dict[str, int], first: Place | None) -> bool:
    """Whether a region reading is unambiguous, or its country is named elsewhere in the report."""
    if len({c.place.country_code for c in m.candidates if c.place.kind == "region"}) < 2:
        return True
    if m.kind_matches == (place,) and not any(cc != place.country_code for cc in countries):
        # "Plateau state" in a report naming no other country: the one namesake ISO calls a state.
        return True
    own = 1 if first is not None and first.country_code == place.country_code else 0
    return countries.get(place.country_code, 0) > own


def _foreign_town_for_region(m: Mention, place: Place, countries: dict[str, int]) -> bool:
    """Whether "<name> province" read as a town of a country the report names nowhere, while it names
    others ("Lampa province of the Puno region" in a report on Peru is no Chilean town Lampa): the
    gazetteer does not know the province, and a namesake town abroad is not it."""
    if not m.region or m.explicit or place.kind != "city" or place.population >= NAMESAKE_MAX_POPULATION:
        return False
    if any(c.place.kind == "region" for c in m.candidates):
        return False
    return countries.get(place.country_code, 0) == 0 and any(n > 0 for n in countries.values())


def _lone_alternate(m: Mention, place: Place, countries: dict[str, int]) -> bool:
    """Whether a town is read only by an alternate name, its country read nowhere else: a small town
    always; a mid-size city when the report names other countries and the spelling is several
    places' ("the central Malian town of Boni" is no spelling of Bonn; "Derna", Darnah's alone, is)."""
    if place.kind != "city" or place.population >= ALTERNATE_EXONYM_MIN_POPULATION or m.explicit:
        return False
    if any(c.primary for c in m.candidates if c.place == place):
        return False
    if countries.get(place.country_code, 0) != 0:
        return False
    shared_spelling = len({c.place for c in m.candidates}) > 1
    return place.population < ALTERNATE_ALONE_MIN_POPULATION or (bool(countries) and shared_spelling)


def _drop_far_namesakes(mentions: list[Mention], capitals: dict[str, str]) -> None:
    """Unresolve a small town whose country the article never names and that lies far from
    every other place it names: the text meant a place the gazetteer does not know."""
    # Parties and subjects ("US-mediated", "the Iraq war") are no anchor either.
    placed = [m.place for m in mentions if m.place is not None and m.place.country_code and not m.modifier]
    # A small town named in the headline and again in the body ("Solhan", a Turkish district and
    # the Burkinabe village of a massacre) is one name: a namesake repeated must not vouch for
    # itself. A city of some size ("Geneva" twice in a report on talks) counts at each mention.
    names: dict[str, set[str]] = {}
    for m in mentions:
        # Speakers and parties ("Geoscience Australia", "US-mediated") vouch for no town, as in the
        # votes above: the agency abroad must not make its capital an anchor that the town is far from.
        if m.country_code and not m.modifier and m.label != "ORG":
            small = m.place is not None and m.place.kind == "city"
            small = small and m.place.population < STRONG_CITY_POPULATION  # type: ignore[union-attr]
            key = m.place.name if small and m.place else str(m.start)
            names.setdefault(m.country_code, set()).add(key)
    named = {cc: len(v) for cc, v in names.items()}
    # Places the article's reading rests on: countries, regions, and towns of a country it names
    # more than once. Two stray namesakes must not vouch for each other.
    anchors = [p for p in placed if p.kind != "city" or named.get(p.country_code, 0) > 1]
    unknown = sum(1 for m in mentions if m.label == "GPE" and not m.candidates and not m.modifier)
    for m in mentions:
        p = m.place
        if p is None or p.kind != "city" or m.explicit or p.population >= NAMESAKE_MAX_POPULATION:
            continue
        if named.get(p.country_code, 0) > 1 or capitals.get(fold(p.name)) == p.country_code:
            continue  # its country is named elsewhere too, or it is the capital
        others = [o for o in anchors if o is not p]
        if not others:
            # Nothing to compare with, except names the gazetteer does not know at all: "torched the
            # state broadcaster in Rampura as battles spread from Uttara to Jatrabari", Dhaka's
            # neighbourhoods, is none of the four Indian towns called Rampura beside two unknowns. A
            # name only one town bears ("KHAR: ... in the Batwar area of Bajaur") is that town.
            namesakes = sum(1 for c in m.candidates if c.primary)
            if unknown >= UNKNOWN_NEIGHBOURS and namesakes >= 2:
                m.place, m.country_code = None, None
            continue
        if all(_km(p, o) > NAMESAKE_DISTANCE_KM for o in others):
            m.place, m.country_code = None, None


def _pick(m: Mention, context: tuple[dict[str, int], dict[str, int], Place | None] | None) -> Place | None:
    """The candidate a mention most likely means: own names before alternates, then population, then
    (with ``context``) the countries and regions the article's other mentions read as."""
    cands = m.candidates
    if m.region:
        regional = [c for c in cands if c.place.kind == "region"]
        if regional:
            cands = tuple(regional)
    if len(cands) == 1:
        return cands[0].place
    best, best_score = None, -math.inf
    big = max(
        (c.place.population for c in cands if c.primary and c.place.kind == "city"),
        default=0,
    )
    for c in cands:
        p = c.place
        score = math.log10(p.population + 10) - (0 if c.primary else 1.5)
        if p in m.kind_matches:
            score += 5
        if m.explicit and (m.explicit == p.admin1_code or m.explicit == p.country_code):
            score += 10
        overshadowed = (
            p.kind == "city"
            and p.population < STRONG_CITY_POPULATION
            and big >= STRONG_CITY_POPULATION
            and big >= BIG_NAMESAKE_RATIO * p.population
        )
        if context is not None:
            countries, admin1, first = context
            own_cc = 1 if first is not None and first.country_code == p.country_code else 0
            if countries.get(p.country_code, 0) > own_cc and not overshadowed:
                score += 3
            own_a1 = 1 if first is not None and first.admin1_code == p.admin1_code else 0
            if p.admin1_code and admin1.get(p.admin1_code, 0) > own_a1:
                score += 4
        if score > best_score:
            best, best_score = p, score
    return best


def _km(a: Place, b: Place) -> float:
    """Great-circle distance between two places' markers."""
    la1, lo1, la2, lo2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 12_742 * math.asin(math.sqrt(min(1.0, h)))
