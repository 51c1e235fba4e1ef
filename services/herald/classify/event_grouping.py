"""Step 3 of classification: from per-segment types to one group of segments per event type.

A type the headline and lead do not report needs a sentence that presents itself as news; arrests at
a protest join the protest, the missiles an air strike's aircraft fired join the air strike, a
protest that turned into a riot is the riot, and cue-less segments with counts join the event before
them. The rest of the method is in ``rules.py``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from herald.core.quantity_context import separate_incident
from herald.core.records import EnrichedArticle

from . import phrasing, salience
from .cues import GENERIC_STRIKE
from .hazard_dead import HAZARDS
from .magnitude import HARM_UNITS, UNITS_BY_TYPE, Reading
from .segment_types import NAMED_HELD, ONE_SIDED, Hit
from .segments import Segment

_PROTESTERS = re.compile(
    r"\b(?:protesters|protestors|demonstrators|rioters|marchers|looters|the (?:protest|rally|march|unrest|"
    r"riots?))\b"
    # "detained in New York during protests", "arrested on second night of protests", "200 arrested in
    # one day as Los Angeles protests continue": the arrests name the protest they were made at
    # "25 arrested as 110,000 join London anti-immigration march"
    r"|\b(?:during|amid|at|as|of) (?:the |a |an |this |that |their |(?:[\w'\u2019,-]+ ){1,4})?"
    r"(?:mass |street |anti-[\w-]+ )?"
    r"(?:protests?|demonstrations?|rall(?:y|ies)|marches|march(?!\s+\d)|sit-ins?|unrest|riots?)\b"
    # "Police arrested 49 people and charged them with looting and public disorder": the charges name
    # the crowd's acts
    r"|\b(?:charged|charging|accused|suspected) (?:them |him |her )?(?:with|of) (?:[\w,'\u2019-]+ ){0,4}?"
    r"(?:public disorder|disorderly conduct|rioting|riot|looting|unlawful assembly|violent disorder)\b",
    re.I,
)
_FORCES = re.compile(r"\b(?:police|troops|soldiers|army|security forces|military|residents fought)\b", re.I)
# Who fights a battle: without one of these a sentence's "fighting" names no side of its own.
_SIDES = re.compile(
    r"\b(?:police|troops|soldiers|army|security forces|military|forces|rebels|militants|insurgents|fighters|"
    r"militias?|jihadists|gunmen|separatists|guerrillas|paramilitar\w+|tribes(?:men)?|clans?|gangs?)\b",
    re.I,
)
# Forces named only among the dead ("Gunmen kill 40 including six police officers"): victims, not a side.
_FORCES_AS_VICTIMS = re.compile(
    r"\b(?:including|among them|among the dead|of them)\s+(?:[\w-]+\s+){0,2}(?:police(?:men| officers)?|"
    r"officers|troops|soldiers|security (?:forces|personnel|guards)|vigilantes)\b",
    re.I,
)
# The seat of power a coup is fought at.
_AT_THE_PALACE = re.compile(r"\b(?:palace|presidential (?:guard|residence)|state house)\b", re.I)
# The text of a weapon-less generic "strike" hit that says only "attacks" ("20 killed in fresh attacks").
_NOT_STRIKE = r"(?:(?!strike|struck|bombard)[\w\s-])*"
_ONLY_ATTACKS = re.compile(rf"{_NOT_STRIKE}\battacks?\b{_NOT_STRIKE}", re.I)
# Acts of one side from afar or on a facility, which a bare "attack" beside them names again.
_REMOTE_ACTS = ("air_drone_strike", "missile_artillery_strike", "infrastructure_attack")
_ATTACK_NOUN = re.compile(r"attacks?", re.I)
# Words of two sides fighting: with one, a sentence's "attack" may be a battle after all.
_FIGHTING = re.compile(
    r"\b(?:clash\w*|fight\w*|fought|battl\w*|gunfights?|firefights?|exchanges? of fire|exchanged fire|"
    r"returned fire|repelled|repulsed)\b",
    re.I,
)
# Armed forces and their posts: "Twelve soldiers killed in attack on check post" is a battle whatever
# blew up at the gate.
_FORCES_OR_POSTS = re.compile(
    r"\b(?:soldiers|troops|servicemen|police\w*|officers|security (?:forces|personnel)|paramilitar\w+|"
    r"check ?posts?|checkpoints?|outposts?|garrisons?|"
    r"(?:army|military|police) (?:bases?|posts?|camps?|stations?))\b",
    re.I,
)


def drop_passing_mentions(segs: Sequence[Segment], per_segment: list[dict[str, Hit]]) -> None:
    """Past the lead, a type the headline and lead do not report needs a sentence that presents itself
    as news ("on Sunday", "separately", "also"); otherwise it is a passing mention and is dropped."""
    lead: set[str] = set()
    body = 0
    for k, g in enumerate(segs):
        if g.headline or body < salience.LEAD_SEGMENTS:
            lead.update(per_segment[k])
            body += not g.headline
            continue
        for code in [c for c in per_segment[k] if c not in lead and not (c == "strike" and lead)]:
            if not salience.marks_news(g.text):
                del per_segment[k][code]
        lead.update(per_segment[k])


def _places_in(article: EnrichedArticle, segment: Segment) -> set[str]:
    return {
        e.text.lower() for e in article.entities if segment.contains(e) and e.label in {"GPE", "LOC", "FAC"}
    }


def _countries_in(article: EnrichedArticle, segment: Segment, *, named_only: bool) -> set[str]:
    """Country codes of a segment's places: of every resolved place, or only of places that are
    themselves countries ("Six killed in Kenya" covers Nairobi; Nairobi does not cover Mombasa)."""
    return {
        e.geo.country_code
        for e in article.entities
        if segment.contains(e) and e.geo is not None and (not named_only or e.geo.kind == "country")
    }


def group(
    article: EnrichedArticle, segs: list[Segment], per_segment: list[dict[str, Hit]]
) -> dict[str, dict[int, Hit]]:
    """Step 3: per type, the segments that report it (segment index -> hit)."""
    by_type: dict[str, dict[int, Hit]] = {}
    for k, hits in enumerate(per_segment):
        for code, hit in hits.items():
            if code == "strike":
                # A weapon-less "strike" right after an air or missile report continues it ("Strikes
                # hit Kyiv and Kharkiv, killing 12"); on its own it is an air strike, as ACLED codes an
                # unspecified strike. A headline is not a report to continue.
                before = per_segment[k - 1] if k > 0 and not segs[k - 1].headline else {}
                remote = [c for c in ("air_drone_strike", "missile_artillery_strike") if c in before]
                for c in remote or ["air_drone_strike"]:
                    by_type.setdefault(c, {}).setdefault(k, hit)
            else:
                by_type.setdefault(code, {})[k] = hit
    # Arrests of protesters are part of the protest (ACLED: protest with intervention): the arrest
    # sentence names the crowd, or follows a sentence about it ("Officers fired tear gas and detained 60").
    crowd = "riot" if "riot" in by_type else "protest" if "protest" in by_type else None
    if crowd and "arrest" in by_type:
        crowd_segments = set(by_type[crowd])
        crowd_places = set().union(*(_places_in(article, segs[k]) for k in crowd_segments))

        def same_scene(k: int) -> bool:
            # In a wrap-up the next sentence may be another story ("In Hong Kong, police arrested six").
            here = _places_in(article, segs[k])
            # "Police fired tear gas ... Hundreds took part ... A number of people were arrested."
            return bool({k - 1, k - 2} & crowd_segments) and (not here or bool(here & crowd_places))

        # "Separately, officers arrested two reporters in a McDonald's": an arrest told as a report of
        # its own is not the crowd's, whatever scene it follows.
        folded = [
            k
            for k in by_type["arrest"]
            if not NAMED_HELD.search(segs[k].text)
            and not salience.opens_separate_report(segs[k].text)
            and (_PROTESTERS.search(segs[k].text) or same_scene(k))
        ]
        for k in folded:
            by_type[crowd].setdefault(k, by_type["arrest"].pop(k))
        if not by_type["arrest"]:
            del by_type["arrest"]
    _fold_munitions_and_damage(segs, by_type)
    # A protest that turned into a riot is the riot, unless the protest was somewhere else.
    if "riot" in by_type and "protest" in by_type:
        riot_places = set().union(*(_places_in(article, segs[k]) for k in by_type["riot"]))
        riot_countries = set().union(
            *(_countries_in(article, segs[k], named_only=True) for k in by_type["riot"])
        )
        for k in list(by_type["protest"]):
            here = _places_in(article, segs[k])
            elsewhere = here and riot_places and here.isdisjoint(riot_places)
            if not elsewhere or _countries_in(article, segs[k], named_only=False) & riot_countries:
                by_type["riot"].setdefault(k, by_type["protest"].pop(k))
        if not by_type["protest"]:
            del by_type["protest"]
    # A headline's one-sided "attack" ("Jihadists kill 25 in attack on Djibo") over a body that reports the
    # attack on civilians is that attack, not a battle of its own; one that names the forces fighting back
    # ("Gangs attack Petion-Ville, police kill 28 suspects") keeps its battle.
    # So is one whose forces are only among the dead ("Gunmen kill 40 including six police officers").
    if "attack_on_civilians" in by_type and "armed_clash" in by_type:
        for k, hit in list(by_type["armed_clash"].items()):
            said = segs[k].text[hit.span[0] : hit.span[1]]
            victims = _FORCES_AS_VICTIMS.search(segs[k].text) is not None
            fighting_back = _FORCES.search(_FORCES_AS_VICTIMS.sub("", segs[k].text)) is not None
            one_sided = ONE_SIDED.fullmatch(said) is not None
            in_headline = segs[k].headline and (one_sided or victims)
            # "heavily armed gang members attacked Pont-Sonde" in the body: no side fights back either
            in_body = one_sided and hit.cue == "armed groups fighting"
            if (in_headline or in_body) and not fighting_back:
                by_type["attack_on_civilians"].setdefault(k, by_type["armed_clash"].pop(k))
        if not by_type["armed_clash"]:
            del by_type["armed_clash"]
    _fold_bare_attacks(segs, by_type)
    # A headline's weapon-less "strike" ("Kyiv says strike hit Russian troops at drill") over a body that
    # reports missile strikes and no air strike is that missile strike, not an air strike of its own.
    air = by_type.get("air_drone_strike", {})
    headline_generic = [k for k, hit in air.items() if segs[k].headline and hit.cue == GENERIC_STRIKE.name]
    missiles = by_type.get("missile_artillery_strike", {})
    if air and len(headline_generic) == len(air) and any(not segs[k].headline for k in missiles):
        for k in headline_generic:
            missiles.setdefault(k, air.pop(k))
        del by_type["air_drone_strike"]
    # A headline's weapon-less "attacks" ("20 killed in fresh attacks on two villages") over a body that
    # reports gunmen killing villagers is that attack, not an unspecified air strike.
    if any(not segs[k].headline for k in by_type.get("attack_on_civilians", {})):
        air = by_type.get("air_drone_strike", {})
        generic = {
            k: hit
            for k, hit in air.items()
            if segs[k].headline
            and hit.cue == GENERIC_STRIKE.name
            and _ONLY_ATTACKS.fullmatch(segs[k].text[hit.span[0] : hit.span[1]])
        }
        if generic and len(generic) == len(air):
            for k in generic:
                by_type["attack_on_civilians"].setdefault(k, air.pop(k))
            del by_type["air_drone_strike"]
    # "A gunfight between rival gangs inside the penitentiary killed 68 inmates" then "The fighting broke out
    # before dawn": the riot's fighting, told without a side of its own, is no battle of armed groups.
    if "riot" in by_type and "armed_clash" in by_type:
        clashes = by_type["armed_clash"]
        if all(not segs[k].headline and not _SIDES.search(segs[k].text) for k in clashes):
            for k in list(clashes):
                by_type["riot"].setdefault(k, clashes.pop(k))
            del by_type["armed_clash"]
    # Gunfire in a coup report is the coup ("Gunfire erupted around State House", "loyal forces killed
    # three of the plotters"): soldiers shooting at the palace are not a battle between armed groups.
    # So is fire exchanged at the palace ("armed men had tried to storm the building and exchanged fire
    # with the guard", a palace official said).
    if "coup" in by_type and "armed_clash" in by_type:
        for k, hit in list(by_type["armed_clash"].items()):
            if hit.cue == "armed groups fighting" or _AT_THE_PALACE.search(segs[k].text):
                by_type["coup"].setdefault(k, by_type["armed_clash"].pop(k))
        if not by_type["armed_clash"]:
            del by_type["armed_clash"]
    return by_type


def _fold_bare_attacks(segs: Sequence[Segment], by_type: dict[str, dict[int, Hit]]) -> None:
    """The noun "attack" beside a strike or a bombing names that act, not a battle of its own: "an attack
    that witnesses say killed more than 100" after an air strike, "the third attack on the pipeline in a
    week" over a sabotage report. A sentence that also tells of fighting, or names the soldiers or the
    post attacked, keeps its battle."""
    remote = [c for c in _REMOTE_ACTS if c in by_type]
    clashes = by_type.get("armed_clash", {})
    if not remote or not clashes:
        return
    for k, hit in list(clashes.items()):
        said = segs[k].text[hit.span[0] : hit.span[1]]
        text = segs[k].text
        if hit.cue != "armed groups fighting" or not _ATTACK_NOUN.fullmatch(said):
            continue
        if _FIGHTING.search(text) or _FORCES_OR_POSTS.search(text):
            continue
        # the act reported nearest before the sentence, else the first one
        nearest = max(remote, key=lambda c: max((j for j in by_type[c] if j <= k), default=-1))
        by_type[nearest].setdefault(k, clashes.pop(k))
    if not clashes:
        del by_type["armed_clash"]


def _air_launched_only(text: str) -> bool:
    """Whether a missile sentence names only munitions aircraft and drones carry ("Hellfire")."""
    return bool(phrasing.air_launched().search(text)) and not phrasing.ground_launched().search(text)


def _fold_munitions_and_damage(segs: Sequence[Segment], by_type: dict[str, dict[int, Hit]]) -> None:
    """Words that describe a reported event rather than a second one: the missiles an air strike's
    aircraft fired, the power plant a missile strike damaged, and the walls a storm brought down."""

    def said(k: int, hit: Hit) -> str:
        return segs[k].text[hit.span[0] : hit.span[1]]

    air = by_type.get("air_drone_strike", {})
    # "Four Hellfire missiles were fired at the building" beside a drone strike: the drone's munitions.
    # The sentence is dropped, not folded: it says nothing of the strike that its own sentences do not,
    # and its places (the aside's village) would blur where the strike was.
    if air and "missile_artillery_strike" in by_type:
        missiles = by_type["missile_artillery_strike"]
        for k in [k for k in missiles if _air_launched_only(segs[k].text)]:
            del missiles[k]
        if not missiles:
            del by_type["missile_artillery_strike"]
    if "missile_artillery_strike" in by_type and any(
        phrasing.air_words().search(said(k, h)) or phrasing.drone_munitions().search(segs[k].text)
        for k, h in air.items()
    ):
        missiles = by_type["missile_artillery_strike"]
        folded = False
        for k, hit in list(missiles.items()):
            if hit.cue == "missiles fired" and not phrasing.ground_launched().search(segs[k].text):
                air.setdefault(k, missiles.pop(k))
                folded = True
        # A weapon-less "strike" that continued those missiles ("It was the first strike in North
        # Waziristan since March 17") goes with them when nothing else is left of the missile strike.
        if folded and all(hit.cue == GENERIC_STRIKE.name for hit in missiles.values()):
            for k in list(missiles):
                air.setdefault(k, missiles.pop(k))
        if not missiles:
            del by_type["missile_artillery_strike"]
    # "Four people were injured in the Lviv region, where several energy facilities were hit" in a missile
    # report: the facilities are the strike's target (severity counts it), not an attack of their own.
    infrastructure = by_type.get("infrastructure_attack", {})
    strikes = [c for c in ("missile_artillery_strike", "air_drone_strike") if c in by_type]
    if strikes and infrastructure and all(h.cue == "infrastructure damaged" for h in infrastructure.values()):
        for k, hit in infrastructure.items():
            # the strike reported nearest before the damage, else the first one
            nearest = max(strikes, key=lambda c: max((j for j in by_type[c] if j <= k), default=-1))
            by_type[nearest].setdefault(k, hit)
        del by_type["infrastructure_attack"]
    # "seized two towns after heavy fighting": the fighting is how the place was taken.
    clashes = by_type.get("armed_clash", {})
    if "territory_change" in by_type and clashes:
        for k in list(clashes):
            if phrasing.fighting_before_capture().search(segs[k].text):
                by_type["territory_change"].setdefault(k, clashes.pop(k))
        if not clashes:
            del by_type["armed_clash"]
    # "Special forces soldiers detained Conde after hours of gunfire" beside a coup report is the coup; an
    # arrest told as a report of its own ("Separately, soldiers detained the election rival") is not.
    if "coup" in by_type:
        # "Soldiers take Guinea-Bissau capital, hold PM and interim president": the capital is what the
        # putschists seized, not a front line moving.
        for code in ("arrest", "armed_clash", "territory_change"):
            hits = by_type.get(code, {})
            for k in list(hits):
                held = code == "arrest" and (
                    phrasing.coup_plotters_arrested().search(segs[k].text)
                    or salience.opens_news(segs[k].text)
                )
                if not held and phrasing.coup_forces().search(segs[k].text):
                    by_type["coup"].setdefault(k, hits.pop(k))
            if code in by_type and not hits:
                del by_type[code]
    # "Typhoon Ragasa forces hundreds of thousands from their homes" over "moved 400,000 people out of
    # harm's way ahead of Typhoon Ragasa": the storm has struck nothing yet, the news is the evacuation.
    disaster = by_type.get("natural_disaster", {})
    if (
        disaster
        and "evacuation" in by_type
        and all(segs[k].headline for k in disaster)
        and any(phrasing.storm_ahead().search(g.text) for g in segs)
    ):
        del by_type["natural_disaster"]
    # "More than 30,000 people have been taken to evacuation centres" in a flood report: the flood's count.
    hazard = next((c for c in ("natural_disaster", "industrial_accident") if c in by_type), None)
    evacuations = by_type.get("evacuation", {})
    if hazard and evacuations:
        for k in list(evacuations):
            if not segs[k].headline and phrasing.sheltered_count().search(segs[k].text):
                by_type[hazard].setdefault(k, evacuations.pop(k))
        if not evacuations:
            del by_type["evacuation"]
    accidents = by_type.get("industrial_accident", {})
    if "natural_disaster" in by_type and accidents:
        if all(phrasing.disaster_damage().search(said(k, h)) for k, h in accidents.items()):
            by_type["natural_disaster"].update(
                {k: h for k, h in accidents.items() if k not in by_type["natural_disaster"]}
            )
            del by_type["industrial_accident"]


def continuations(
    by_type: dict[str, dict[int, Hit]], segs: list[Segment], readings: list[Reading]
) -> dict[str, set[int]]:
    """Cue-less body segments with counts join the event(s) of the nearest earlier cue segment."""
    cued = {k for hits in by_type.values() for k in hits}
    units_in: dict[int, set[str]] = {}
    for r in readings:
        units_in.setdefault(r.segment, set()).add(r.unit)
    extra: dict[str, set[int]] = {}
    for k, units in units_in.items():
        if k in cued or segs[k].headline or separate_incident(segs[k].text):
            continue
        for j in (k - 1, k - 2):
            if j < 0 or j not in cued:
                continue
            # Past a sentence between them, one that opens as a report of its own ("On Friday a bomb hit a
            # vehicle carrying miners, killing 11") tells of another incident, not this one's toll.
            if j == k - 2 and salience.opens_news(segs[k].text):
                break
            takers = [c for c in by_type if j in by_type[c] and units & UNITS_BY_TYPE.get(c, frozenset())]
            # A headline listing several events does not say which one the counts belong to, unless only
            # one of them counts what the segment counts ("Workers evacuated after toxic gas leak" over
            # "More than 20 people were taken to hospital": the evacuation has no wounded).
            if segs[j].headline and sum(j in hits for hits in by_type.values()) > 1 and len(takers) > 1:
                break
            for code in takers:
                extra.setdefault(code, set()).add(k)
            break
    if len(by_type) == 1:
        code = next(iter(by_type))
        _lead_before_cue(code, cued, units_in, segs, extra)
        _far_continuations(code, cued, units_in, segs, extra)
    elif len(by_type) == 2 and "evacuation" in by_type:
        # A hazard and the evacuation it forced are one story: "Tens of thousands of people had to leave
        # their homes ..." and, three sentences on, "Sixteen people have died since the flooding began"
        # tell the flood's toll (the evacuation counts no dead, missing or wounded).
        [code] = set(by_type) - {"evacuation"}
        if code in HAZARDS:
            _far_continuations(code, cued, units_in, segs, extra, HARM_UNITS)
    return extra


def _lead_before_cue(
    code: str, cued: set[int], units_in: dict[int, set[str]], segs: list[Segment], extra: dict[str, set[int]]
) -> None:
    """A report of one event opens with its toll even when its lead names no cue ("One man was shot
    dead and six people were wounded on Saturday in Tripoli ..." before "... killed in an exchange of
    fire"): the lead sentence joins the event a cue finds in the next two sentences."""
    body = [g.index for g in segs if not g.headline]
    if not body:
        return
    lead = body[0]
    units = units_in.get(lead, set()) & UNITS_BY_TYPE.get(code, frozenset())
    if lead in cued or not units or separate_incident(segs[lead].text):
        return
    if cued & {lead + 1, lead + 2}:
        extra.setdefault(code, set()).add(lead)


def _far_continuations(
    code: str,
    cued: set[int],
    units_in: dict[int, set[str]],
    segs: list[Segment],
    extra: dict[str, set[int]],
    only: frozenset[str] | None = None,
) -> None:
    """A report of one event keeps telling of it ("... and four are still missing" three sentences
    after the explosion): a later segment joins it however far the last cue is, when every metric it
    counts is one the event has no figure for yet. One that restates a metric ("another 1,350 died on
    the Indian side") is more likely a part or another place than the event's own figure."""
    wanted = UNITS_BY_TYPE.get(code, frozenset())
    if only is not None:
        wanted = wanted & only  # ``only``: the metrics the event may take this way
    members = cued | extra.get(code, set())
    have = {u for k in members | {0} for u in units_in.get(k, ())}
    first = min(cued)
    for k in sorted(units_in):
        units = units_in[k] & wanted
        if k <= first or k in members or segs[k].headline or separate_incident(segs[k].text):
            continue
        if units and units == units_in[k] and not units & have:
            extra.setdefault(code, set()).add(k)
            have |= units
