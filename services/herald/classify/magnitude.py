"""How much happened: counts per metric for one event, from the enrichment and from the sentence text.

The enrichment stage owns quantity extraction (``EnrichedArticle.quantities``, vocabulary below) and
is the first source. Its extraction may be thin (an older or simpler enricher may only know "killed"
and "drones"), so this module also reads the same vocabulary from the event's sentences with a few
wire-copy patterns (``count_patterns.py``: "killing at least 12", "the death toll rose to 40",
"forced 3,000 from their homes", "a magnitude 6.1 earthquake").

Only the event's own counts are read: an enrichment quantity must be ``is_event_count``, and a number
read here passes the same context (``herald.core.quantity_context``), so the week's total, last
year's record, the part of a salvo shot down, "S-300" and another incident's toll never size the
event. Several readings of one metric are resolved by ``measure``: the figure the report stands by
(see there), never a sum, so a count repeated in two sentences is not added up; the price is that two
separate incidents in one event ("five killed in Kharkiv ... three in Odesa") report 5, not 8:
severity errs low rather than double-counting.

Each event type reads only the metrics that describe it (``UNITS_BY_TYPE``): a sentence saying "472
drones and seven missiles" gives the drone strike its drones and the missile strike its missiles.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from itertools import pairwise

from herald.core.number_words import number_pattern, parse_number
from herald.core.quantity_context import read_sentence, separate_incident
from herald.core.records import Quantity

from . import count_sides
from .count_patterns import (
    _HEDGE,
    BE,
    COUNT_RULES,
    GERUNDS,
    MAGNITUDE_REVISION,
    ONE_ARRESTED,
    TOTALS,
    VERBS,
)
from .cues import in_dated_event_clause, is_background
from .hedges import qualifier_before
from .segments import Segment

VOCABULARY = frozenset(
    {
        "killed",
        "wounded",
        "missing",
        "displaced",
        "evacuated",
        "arrested",
        "drones",
        "missiles",
        "aircraft",
        "settlements",
        "troops",
        "protesters",
        "affected",
        "magnitude",
    }
)

# The people an event harmed: every type but the talks and leadership changes counts them.
HARM_UNITS = frozenset({"killed", "wounded", "missing"})
UNITS_BY_TYPE: dict[str, frozenset[str]] = {
    "air_drone_strike": frozenset({*HARM_UNITS, "drones", "aircraft"}),
    "missile_artillery_strike": frozenset({*HARM_UNITS, "missiles"}),
    "armed_clash": frozenset({*HARM_UNITS, "troops"}),
    "territory_change": frozenset({*HARM_UNITS, "settlements", "troops"}),
    "infrastructure_attack": frozenset({*HARM_UNITS, "affected"}),
    "attack_on_civilians": frozenset({*HARM_UNITS, "displaced"}),
    "protest": frozenset({*HARM_UNITS, "protesters", "arrested"}),
    "riot": frozenset({*HARM_UNITS, "protesters", "arrested"}),
    "coup": frozenset({*HARM_UNITS, "arrested", "troops"}),
    "peace_talks": frozenset(),
    "leadership_change": frozenset(),
    "arrest": frozenset({"arrested"}),
    "evacuation": frozenset({"evacuated", "displaced"}),
    "natural_disaster": frozenset({*HARM_UNITS, "displaced", "evacuated", "affected", "magnitude"}),
    "industrial_accident": frozenset({*HARM_UNITS, "evacuated", "affected"}),
    "cyberattack": frozenset({"affected"}),
    "disease_outbreak": frozenset({"killed", "affected"}),
}


@dataclass(frozen=True)
class Reading:
    unit: str
    value: float
    qualifier: str
    segment: int
    vague: bool = False
    update: bool = False  # "the death toll rose to 41": a revision that supersedes earlier figures
    side: str = ""  # whose count: "state", "armed", "civilians" (``count_sides.side``), or not said
    claim: bool = False  # a figure one side claims ("claimed to have killed 18 soldiers")
    # the killer's count of another country's dead ("Afghan forces killed 58 Pakistani soldiers")
    enemy: bool = False
    nation: bool = False  # the dead counted as a nation's fighters ("200 Afghan Taliban fighters")
    # "two of the four injured died": readings of this unit and value in the segment are superseded
    replaces: tuple[str, float] | None = None
    flight: bool = False  # "displaced" said as people leaving ("fled", "forced from their homes")
    # the flight said as from gunmen or fighting ("6,000 people fleeing fighting in Sudan"): displaced
    from_violence: bool = False
    rescue: bool = False  # "evacuated" said as people rescued ("12 were rescued")
    illness: bool = False  # "affected" said as people made ill ("made five firemen ill", "sickened 40")
    # a running total since a date ("cholera deaths climbed to 595 ... since March"): an outbreak's own
    # toll (``RUNNING_TOTAL_TYPES``), any other event's longer period
    running: bool = False


# Types whose own count is a running total since it began: an outbreak's deaths "since March" are its
# toll, a strike's missiles "since February" are the war's.
RUNNING_TOTAL_TYPES = frozenset({"disease_outbreak"})


@cache
def _numbers() -> re.Pattern[str]:
    """Number phrases in a sentence, compiled on first use (not at import)."""
    return re.compile(rf"\b{number_pattern()}(?![\w.,]\d)", re.I)


# One person said without a number: "a woman was killed", "killing a 10-year-old boy".
_PERSON = (
    r"(?:person|woman|man|child|boy|girl|civilian|resident|soldier|teenager|baby|worker|policeman|officer|"
    r"inmate|prisoner|miner|passenger|driver|firefighter|rescuer|patient|pilot|volunteer|pensioner|farmer|villager|"
    r"student|teacher|trader|guard|journalist|doctor|nurse|herder|passer-?by|passerby|bystander|pedestrian|motorist|"
    r"shopkeeper|vendor|worshipper|elder)"
)
_ONE_PERSON: tuple[tuple[re.Pattern[str], str], ...] = (
    *(
        (re.compile(rf"\ban?\s+(?:[\w-]+\s+){{0,2}}?{_PERSON}\s+{BE}{verb}\b", re.I), unit)
        for unit, verb in VERBS.items()
        if unit in ("killed", "wounded", "missing")
    ),
    *(
        (re.compile(rf"\b{verb}\s+an?\s+(?:[\w-]+\s+){{0,2}}?{_PERSON}\b", re.I), unit)
        for unit, verb in GERUNDS.items()
        if unit in ("killed", "wounded")
    ),
    # "Gunmen shot dead a man who resisted being kidnapped"
    (
        re.compile(
            rf"\b(?:shot|gunned|cut|mowed)\s+(?:dead|down)\s+an?\s+(?:[\w-]+\s+){{0,2}}?{_PERSON}\b", re.I
        ),
        "killed",
    ),
    # "A firefighter lost his life during a flood rescue"
    (
        re.compile(
            rf"\ban?\s+(?:[\w-]+\s+){{0,2}}?{_PERSON}\s+(?:[\w-]+\s+){{0,2}}?lost (?:his|her) life\b", re.I
        ),
        "killed",
    ),
    # "Girl with Mexico's first H5N1 case dies", "The three-year-old girl who was Mexico's first human case
    # of H5N1 bird flu died early on Tuesday": the person the story is about, said first, has died
    (
        re.compile(
            rf"^\W*(?:the\s+)?(?:[\w-]+\s+){{0,2}}?{_PERSON}\b(?:,\s*\d+,)?(?:(?!\b(?:said|says|told)\b)[^.;:]){{0,60}}?\s(?:dies|died)\b",
            re.I,
        ),
        "killed",
    ),
)
# One person and a kin named after them: "An 87-year-old man and his wife, 81, died when a shell struck
# their building" is two dead.
_ONE_AND_KIN = re.compile(
    rf"\ban?\s+(?:[\w-]+\s+){{0,2}}?{_PERSON}\s+and\s+(?:his|her)\s+(?:wife|husband|son|daughter|mother|"
    rf"father|brother|sister|child|grandson|granddaughter)(?:,\s*(?:aged\s+)?\d{{1,3}},)?\s+{BE}"
    rf"(?:{VERBS['killed']})\b",
    re.I,
)
# The dead counted by an ordinal: "Woman, 81, is Austria's fifth flood victim", "making her the fifth
# person in Austria to die in the floods": the toll is the ordinal.
_ORDINALS = {
    w: float(i)
    for i, w in enumerate(
        "second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth".split(), start=2
    )
}
# An ordinal in words or figures ("third", "5th"), captured: the dead the ordinal counts
_ORDINAL_COUNT = "(" + "|".join(_ORDINALS) + r"|\d+(?:st|nd|rd|th))"
_ORDINAL_DEAD = re.compile(
    r"\b(?:the|its|[\w-]+(?:'|\u2019)s)\s+" + _ORDINAL_COUNT + r"\s+"
    r"(?:(?:[\w-]+\s+)?(?:victim|fatality)\b|(?:person|victim)\s+(?:in\s+[\w\s]{1,30}?\s+)?to\s+die\b)",
    re.I,
)
# "A third person has died of injuries from Saturday's raids", "a fourth victim died in hospital": the
# ordinal is the toll now. Not after "and"/"while" ("two were hurt and a third died" is one more dead,
# ``_ONE_MORE_BY_ORDINAL``), nor "a second time".
_ORDINAL_NOW_DEAD = re.compile(
    r"(?<!\band )(?<!\bwhile )\ban?\s+" + _ORDINAL_COUNT + r"\s+(?:[\w-]+\s+)?"
    rf"(?:{_PERSON}|victim)\s+(?:has\s+|had\s+|have\s+)?(?:now\s+|also\s+|since\s+)?"
    r"(?:died|dies|succumbed|been\s+killed|was\s+killed|is\s+dead|was\s+confirmed\s+dead)\b",
    re.I,
)


# The held counted by an ordinal: "A fifth man, 24, arrested in the same operation was released on
# bail" after "four men arrested": the arrests are five.
_ORDINAL_HELD = re.compile(
    r"\b(?:an?|the)\s+(" + "|".join(_ORDINALS) + r")\s+(?:[\w-]+\s+)?(?:man|woman|person|suspect|teenager|"
    r"boy|girl|member|activist|journalist|officer|soldier)\b(?:,\s*\d{1,2},)?[^.;]{0,40}?"
    r"\b(?:was\s+|has\s+been\s+|had\s+been\s+)?(?:arrested|detained|held)\b",
    re.I,
)
# One person named, then a group held with them: "Police arrested opposition leader Jameson Timba and
# 80 young people", "arresting President Umaro Embalo and three senior officials": the one and the
# group (81, 4), where the group's number alone would lose the person named first.
_NAMED_AND_GROUP_HELD = re.compile(
    r"\b(?:arrested|detained|arresting|detaining|arrest\s+of|detention\s+of)\s+"
    r"(?:[\w.'\u2019-]+\s+){0,5}?(?-i:[A-Z])[\w'\u2019-]+\s+(?:and|along\s+with|together\s+with)\s+"
    r"(?:(?:at\s+least|more\s+than|about|some|nearly|around)\s+)?$",
    re.I,
)
_GROUP = re.compile(
    r"\s+(?:[\w-]+\s+){0,2}?(?:people|supporters|activists|members|others|protesters|demonstrators|students|"
    r"youths|officials|officers|aides|followers|journalists|politicians|leaders|ministers|lawmakers)\b",
    re.I,
)


def _ordinal_held(sentence: str, index: int) -> list[Reading]:
    return [
        Reading("arrested", _ORDINALS[m.group(1).lower()], "exact", index, update=True)
        for m in _ORDINAL_HELD.finditer(sentence)
    ]


def _ordinal_dead(sentence: str, index: int) -> list[Reading]:
    out = []
    for m in (*_ORDINAL_DEAD.finditer(sentence), *_ORDINAL_NOW_DEAD.finditer(sentence)):
        word = m.group(1).lower()
        value = _ORDINALS.get(word) or float(re.sub(r"\D", "", word))
        out.append(Reading("killed", value, "exact", index, update=True))
    return out


# One more person named by an ordinal: "killed two coal miners and wounded a third", "A guard was killed
# and a second critically wounded" is one wounded; "Two officers suffered minor injuries, and a third was
# badly hurt" is three (never "a third of the town", "a second time").
_ORDINAL_WORD = r"(?P<ord>second|third|fourth|fifth|sixth|seventh)"
_ONE_MORE_BY_ORDINAL: tuple[tuple[re.Pattern[str], str], ...] = (
    *(
        (
            re.compile(
                rf"\b{verb}\s+an?\s+{_ORDINAL_WORD}\b(?!\s+(?:of|time|day|night|week)\b)",
                re.I,
            ),
            unit,
        )
        for unit, verb in GERUNDS.items()
        if unit in ("killed", "wounded")
    ),
    *(
        (
            re.compile(rf"\b(?:and|while)\s+an?\s+{_ORDINAL_WORD}\s+(?:[\w-]+\s+)?{BE}{verb}\b", re.I),
            unit,
        )
        for unit, verb in VERBS.items()
        if unit in ("killed", "wounded")
    ),
)


def _ordinal_one_more(
    sentence: str, framed: str, index: int, read: list[tuple[re.Match[str], float, Reading | None]]
) -> list[Reading]:
    """The person an ordinal adds (``_ONE_MORE_BY_ORDINAL``): the ordinal is the count when the number
    before it counts the same harm or nothing read ("Two officers ... and a third was hurt"), one when
    it counts another harm ("killed two ... and wounded a third") or no number comes before."""
    found = [(m, unit) for pattern, unit in _ONE_MORE_BY_ORDINAL for m in pattern.finditer(sentence)]
    out = []
    contexts = read_sentence(framed, [m.span() for m, _ in found])
    for (m, unit), context in zip(found, contexts, strict=True):
        if not context.is_event_count or is_background(sentence, m):
            continue
        before = [(n, r) for n, _, r in read if n.end() <= m.start()]
        value = 1.0
        if before:
            last = before[-1][0]
            units = {r.unit for n, r in before if n.start() == last.start() and r is not None}
            if not units or unit in units:
                value = _ORDINALS[m.group("ord").lower()]
        out.append(Reading(unit, value, "exact", index))
    return out


# One weapon said without a number: "launched 23 drones and a cruise missile", "reported being struck
# by a missile".
_ONE_WEAPON_SAID: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern.format(noun=noun), re.I), unit)
    for noun, unit in (("(?:missile|rocket)", "missiles"), ("drone", "drones"))
    for pattern in (
        r"\b(?:launched|fired|used|sent)\s+(?:[\w,-]+\s+){{0,4}}?an?\s+(?:[\w-]+\s+){{0,2}}?{noun}\b(?!s|-|\s+(?:strikes?|attacks?|assaults?|barrages?|raids?|debris|fragments?|units?|operators?|launch(?!ed\b)\w*|war\w*|programm?e?s?|systems?|sites?))",
        r"\b(?:struck|hit)\s+by\s+an?\s+(?:[\w-]+\s+){{0,2}}?{noun}\b(?!s|-|\s+(?:strikes?|attacks?|assaults?|barrages?|raids?|debris|fragments?|units?|operators?|launch(?!ed\b)\w*|war\w*|programm?e?s?|systems?|sites?))",
        # "A Russian ballistic missile struck Mykolaiv", "a Houthi missile hit a tanker", "the mayor
        # said a ballistic missile was used": the weapon as the subject of its own strike
        r"(?<!debris from )(?<!fragments of )(?<!wreckage of )"
        # "a missile from an S-300 air defence system struck a residential building"
        # "A suspected U.S. drone bombed a house": an abbreviation among the words before it; "six
        # civilians were killed when the drone hit a garden": the one drone the report told of
        r"\b(?:an?|the)\s+(?:[\w.-]+\s+){{0,2}}?{noun}(?:\s+from\s+an?\s+(?:[\w-]+\s+){{0,3}}?(?:system|launcher))?\s+(?:hit|struck|slammed|smashed|crashed|landed|exploded|bombed|"
        r"was\s+(?:used|fired|launched))\b",
        # "the army said it had intercepted a missile fired from Yemen", "a missile launched from Yemen
        # was shot down": one weapon stopped is still the one weapon of the attack
        # "intercepted and destroyed a ballistic missile that the Houthis fired towards Jizan"; "it
        # intercepted a missile launched from Yemen" (a launcher or a launch site is no weapon); "an
        # interceptor brought down a rocket launched from the Gaza Strip"
        r"\b(?:intercepted|downed|shot\s+down|brought\s+down)(?:\s+and\s+(?:destroyed|downed|shot\s+down))?\s+an?\s+(?:[\w-]+\s+){{0,2}}?{noun}\b(?!s|-|\s+(?:strikes?|attacks?|assaults?|barrages?|raids?|debris|fragments?|units?|operators?|launch(?!ed\b)\w*|war\w*|programm?e?s?|systems?|sites?))",
        r"(?<!debris from )(?<!fragments of )(?<!wreckage of )"
        r"\ban?\s+(?:[\w-]+\s+){{0,2}}?{noun}(?:\s+(?:fired|launched)\s+(?:from|by)\s+(?:[\w-]+\s+){{0,4}}?[\w-]+)?"
        r"\s+was\s+(?:intercepted|downed|shot\s+down)\b",
    )
)
# One place taken without a number: "captured the village of Kostiantynopolske", "had taken control of
# Arkhangelske", "retook the town of Gambale": a single named settlement changed hands.
_ONE_PLACE_TAKEN = re.compile(
    r"\b(?:captured|(?:re)?took|(?:re)?taken|(?:re)?takes|retook|recaptured|(?:re)?captures|seized|seizes|overran|"
    r"overrun|liberated|"
    # "jihadists held the central Malian town of Boni": held, said of a town named after its kind
    # "Jihadists take central Mali town of Boni": a headline's present (not "failed to take", "will take")
    r"(?<!\bto )(?<!\bwill )(?<!\bwould )(?<!\bcould )(?<!\bcan )(?<!\bmay )(?<!\bmight )take|"
    r"held(?=\s+the\s+(?:[\w-]+\s+){0,3}?(?:village|town|city|settlement)\s+of\s)|"
    r"(?:took|taken|taking|regained|gained|in)\s+(?:full\s+|total\s+)?control\s+of|took\s+back|taken\s+back|"
    # "pushed the Malian army out of the strategic town of Konna": the place the other side lost
    r"(?:pushed|drove|driven|forced|chased|expelled)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:army|troops|forces|soldiers|"
    r"rebels|militants|fighters|insurgents|jihadists|militia)\s+out\s+of)"
    r"[\"\u201d']?\s+(?:(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:village|town|city|settlement|hamlet|cent(?:er|re))\s+of\s+)?"
    # "the army takes the capital", "rebels seized the provincial capital": one city, named or not;
    # "forces have taken back a village": one place, unnamed
    r"(?:(?:an?|one)\s+(?:[\w-]+\s+){0,2}?(?:village|town|settlement|hamlet)\b(?![\w'-])|(?:the\s+)?(?:provincial\s+|regional\s+|state\s+|district\s+)?capital\b(?!\s+(?:city\s+)?of\b)|"
    # "the rebels overran the town on Thursday": one town the report has already named, overrun (a town
    # "taken back" may be any of several the report counts)
    r"(?<=over(?:ran|run)\s)the\s+(?:village|town|city|settlement)\b(?!\s+(?:of|hall|centre|center|square|council)\b|['\u2019])|"
    r"(?!(?:Ukrainian|Russian|Syrian|Israeli|Sudanese|Congolese|Nigerian|Somali|Afghan|Iraqi)\b)[A-Z][\w'-]+(?![\w'-]))"
    # "retook Nawa district": a district is reported by its seat, one place; a region or province is not
    r"(?!\s+(?:region|province|oblast|state|county|airport|base|port|bridge|dam|plant)\b)"
    # "overran Light Infantry Battalions 379 and 541": units beaten, not a place taken
    r"(?!(?:\s+[A-Z][\w'-]+){0,3}\s+(?-i:Battalions?|Brigades?|Regiments?|Divisions?|Corps|Headquarters)\b)"
)
# Several places named after the word for them: "its forces had taken control of the villages of
# Seredne and Kleban Byk" is two settlements taken.
_NAME = r"(?-i:[A-Z])[\w'\u2019-]+(?:\s+(?-i:[A-Z])[\w'\u2019-]+)?"
_PLACES_TAKEN = re.compile(
    r"\b(?:captured|(?:re)?took|(?:re)?taken|(?:re)?takes|recaptured|(?:re)?captures|seized|seizes|overran|"
    r"overrun|liberated|(?:took|taken|taking|regained|gained|in)\s+(?:full\s+|total\s+)?control\s+of|took\s+back|"
    r"taken\s+back)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:villages|towns|settlements|hamlets|cities)\s+of\s+"
    rf"(?P<names>{_NAME}(?:,\s*{_NAME})*,?\s+and\s+{_NAME})"
)
_UNNUMBERED_PLACES = re.compile(
    r"\b(?:several|many|numerous|a\s+number\s+of|dozens\s+of|scores\s+of|a\s+string\s+of|a\s+series\s+of)\s+"
    r"(?:[\w-]+\s+)?(?:villages|towns|settlements|hamlets|localities)\b",
    re.I,
)
# A toll revision from residents or witnesses is one estimate among others, not the report's figure.
_HEARSAY = re.compile(
    r"\b(?:residents|witnesses|locals|villagers|activists|local sources|other sources|sources)\s+"
    r"(?:said|say|told|put|reported)",
    re.I,
)
# "The toll had risen from seven earlier on Monday to 12 around midnight" beside "Twenty-five bodies
# have been found": a past perfect rise is a step before the figure that stands, no update of it
_UPDATE = re.compile(
    r"\b(?<!had )(?<!had been )(?:rose|risen|rises|climbed|climbs|jumped|increased|raised|gone up|went up)\b"
    r"[^.;,]{0,40}?\bto\s+(?:[a-z]+\s+){0,2}$",
    re.I,
)
_SALVO = re.compile(
    r"\s+(?:of\s+(?:them|the)\b|(?:[\w/-]+\s+){0,3}?(?:drones?|uavs?|shaheds?|missiles?|rockets?|shells?|"
    r"targets)\b)",
    re.I,
)
_CRISIS = re.compile(
    r"\s+(?:[\w-]+\s+){0,5}?(?:(?:have|has|had)\s+(?:been\s+)?|were\s+|was\s+)?"
    r"(?:fled|displaced|evacuated|forced|uprooted|homeless|cases|infections|infected|sickened|ordered\s+to\s+leave|"
    r"told\s+to\s+leave|moved\s+out)\b",
    re.I,
)
_SALVO_UNITS = frozenset({"drones", "missiles"})
# People leaving rather than left without a home: "fled their homes", "forced thousands from their
# homes"; in a hazard's report they are its evacuees (``measure``), "left homeless" stays displaced.
_FLIGHT = re.compile(
    r"\b(?:fled|flee|fleeing|(?:leaving|leave|left|abandon(?:ing|ed))\s+their\s+(?:[\w-]+\s+)?(?:homes|villages|towns)|forc(?:ed|ing|es?)\b(?![^.;]{0,40}\b(?:homeless|camps?)\b))",
    re.I,
)
_HAZARDS = frozenset({"evacuation", "natural_disaster", "industrial_accident"})
# What people fled when they are displaced, not evacuated: "fleeing fighting in Sudan", "fled the
# gunmen", "escaping the violence".
_VIOLENCE_FLED = re.compile(
    r"\b(?:fighting|gunmen|violence|clashes|war|militants?|bandits|insurgents?|jihadists?|rebels?|shelling|"
    r"bombardment|air\s?strikes?|attacks?|raids?|massacres?|killings)\b",
    re.I,
)


# The reason for a flight said later in its clause: "have fled the region into the neighbouring
# country in recent days to escape the fighting" (the route stands between the flight and its reason).
_ESCAPING = re.compile(
    rf"\b(?:to\s+(?:escape|flee)|escaping|fleeing)\s+(?:[\w'-]+\s+){{0,3}}?(?:{_VIOLENCE_FLED.pattern})",
    re.I,
)


def _fled_violence(text: str, start: int, end: int) -> bool:
    """Whether the flight told at ``text[start:end]`` is from violence: the words just after it, or
    an escape from violence told later in the same clause."""
    clause = re.split(r"[.;]", text[end : end + 160], maxsplit=1)[0]
    # one window over the flight and the words after it: a word astride ``end`` still counts
    return _VIOLENCE_FLED.search(text[start : end + 40]) is not None or _ESCAPING.search(clause) is not None


# People rescued from a burning or collapsed building are its survivors, not evacuees moved out of
# harm's way: "19 labourers were asleep on the top floor ... Twelve of them were rescued". A flood's
# rescued ("crews rescued 20,000 people from flooded areas") are its evacuees.
_RESCUED = re.compile(r"\brescu(?:ed|ing|es?)\b", re.I)
_RESCUE_SURVIVORS = frozenset({"industrial_accident"})
# People made ill count as an outbreak's cases ("affected"), but a gas leak or a fire that "made five
# firemen ill" hurt them: in an accident they are its wounded.
_ILLNESS = re.compile(r"\b(?:ill|sick|sicken(?:ed|ing|s)?|poison(?:ed|ing|s)?)\b", re.I)
_ILLNESS_HURTS = frozenset({"industrial_accident"})
_OTHERS = re.compile(r"\s+other\b", re.I)
# One person named before "and N others": "the Daily Nation reported he and 10 others were arrested".
_ONE_NAMED_BEFORE = re.compile(r"(?:\b(?:he|she)|\b(?-i:[A-Z])[a-z]+)\s+and\s+$", re.I)
_PEOPLE_COUNTS = frozenset({"killed", "wounded", "missing", "arrested"})
# "2,472 of the 16,086 residents of eight villages had been evacuated": the whole a part is counted
# of, when the verb is the part's ("the 16,086" were not all moved); "all of the 300" is the whole
_PART_OF = re.compile(
    r"(?<![\w-])(?!(?:all|both|each)\b)(?:\d[\d,.]*|[a-z][a-z-]*)\s+of\s+(?:the|its|their)\s+$", re.I
)
_FINITE_BE = re.compile(r"\b(?:were|was|are|is|had|have|has)\b", re.I)
_MOVED_OR_HURT = frozenset({*HARM_UNITS, "evacuated", "displaced", "affected"})
_OTHER_PEOPLE = re.compile(r"\s+others\b", re.I)
# A list that opens with one person said without a number: "A police officer and two members of the
# public were hurt" is three hurt, "one soldier and four civilians were killed" five.
_ONE_PERSON_AND_BEFORE = re.compile(rf"\b(?:an?|one)\s+(?:[\w-]+\s+){{0,2}}?{_PERSON}\s+and\s+$", re.I)
# One weapon of the salvo named on its own before "N other missiles": "an intercontinental ballistic
# missile ... and eight other missiles" (the number counts the others, not the salvo).
_ONE_WEAPON = {
    "missiles": re.compile(r"\b(?:a|an|the|one)\s+(?:[\w-]+\s+){0,3}?(?:missile|rocket)\b(?!s)", re.I),
    "drones": re.compile(r"\b(?:a|an|the|one)\s+(?:[\w-]+\s+){0,3}?drone\b(?!s)", re.I),
}
_RICHTER = re.compile(r"\bM(\d\.\d)\b")
# "The US Geological Survey has raised the magnitude of Friday's earthquake off northern Japan to 9.0
# from 8.9": the agency's revision is the figure that stands.
_MAGNITUDE_REVISION = re.compile(rf"(?:{MAGNITUDE_REVISION})$", re.I)
# A year after a month, a preposition or a possessive ("since Solhan in June 2021, when 160 were killed",
# "in 1814", "Galunggung's 1982 eruption, which killed 68")
# is part of a date: not a count, and not a number that would cut the date off from the count after it.
_YEAR = re.compile(r"(?:1[5-9]|20)\d\d")
_DAY_OF_MONTH = re.compile(
    r"\s+(?:january|february|march|april|may|june|july|august|september|october|november|december)\b", re.I
)
_YEAR_BEFORE = re.compile(
    r"(?:\b(?:in|since|of|from|until|by)|\w['\u2019]s|january|february|march|april|may|june|july|august|september|october|"
    r"november|december)\s+(?:\d{1,2},?\s+)?$",
    re.I,
)
# "since the fighting began on October 8, 2023 has climbed to 3,516": the day after a month is a date
# (a month cut short too: "A missile attack on Odesa on Nov. 18 killed at least 10")
_MONTH_BEFORE = re.compile(
    r"\b(?:january|february|march|april|june|july|august|september|october|november|december|"
    r"(?-i:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)\s+$",
    re.I,
)
# "Two days earlier", "three weeks before": a span of time that dates the clause, never a count (and
# "eight days ago has risen to 45" keeps its number, whose toll is the one now)
# "Over the four days of hostilities, 40 civilians ... were killed": the length of a period whose words
# frame the counts after it (a running total), never a count itself
_SPAN_OF_TIME = re.compile(r"\s+(?:days?|weeks?|months?|years?)\s+(?:earlier|before|of)\b", re.I)
# "the death toll of the two-year conflict at 100,000", "a 12-year-old boy": a length of time or an age
# joined to its noun, never a count (nor a number that would cut the toll's words off from the count)
_DURATION = re.compile(r"-(?:year|month|week|day|hour|minute)s?\b", re.I)
# Ages: "two people aged 70 and 80", "aged between 18 and 25".
_AGE_BEFORE = re.compile(r"\baged\s+(?:between\s+)?(?:\d{1,3}\s*(?:and|to|-|,)\s*)?$", re.I)
_NEGATED = re.compile(r"\b(?:no|not|without|nor)\s+(?:a\s+)?$", re.I)
# "An earthquake of magnitude 7.1 killed one person": the number named as a reading is the quake's
# size, never a count of the harm the verb after it tells
_READING_BEFORE = re.compile(r"\b(?:magnitude|measuring)[\s-]*(?:of\s+)?$", re.I)
_WINDOW = 90


# Aircraft a strike hit are its target, not the aircraft that flew it: "Ukrainian drones struck the
# airfield, destroying at least six aircraft", "six aircraft reported destroyed".
_STRUCK_BEFORE = re.compile(
    r"\b(?:destroy(?:ed|ing|s)?|damag(?:ed|ing|es)|hit(?:ting)?|struck|strik(?:es|ing)|burn(?:ed|t|ing))\s+"
    r"(?:(?:at\s+least|more\s+than|about|some|up\s+to|as\s+many\s+as|nearly|another)\s+)?$",
    re.I,
)
# (after the aircraft only in the passive: "20 fighter jets struck targets" are the strike's force)
_STRUCK_AFTER = re.compile(
    r"^\s*(?:(?:(?:were|was|had\s+been|have\s+been|reported|reportedly|also|said\s+to\s+have\s+been)\s+){1,3}"
    r"(?:destroyed|damaged|hit|burned|burnt|struck)|destroyed|damaged)\b",
    re.I,
)


def _aircraft_struck(text: str, start: int, end: int) -> bool:
    """Whether the aircraft counted at ``text[start:end]`` are ones the strike hit."""
    return bool(_STRUCK_BEFORE.search(text, max(0, start - 40), start) or _STRUCK_AFTER.match(text[end:]))


def _unit_guess(sentence: str, m: re.Match[str]) -> str:
    """What the number roughly counts, for the context's unit-dependent cues: "drones" for weapons (so
    being shot down is their fate; "the quake destroyed 2,000 homes" is damage), "displaced" for people
    driven out or cases (a crisis's own "past week"), else "other"."""
    if _SALVO.match(sentence, m.end()):
        return "drones"
    return "displaced" if _CRISIS.match(sentence, m.end()) else "other"


def read_text(sentence: str, index: int, *, own_incident: bool = False) -> list[Reading]:
    """Every count of this event in one segment that this module knows how to read: not negated, not
    dated in the past, and -- by the same reading the enrichment gives its quantities
    (``herald.core.quantity_context``) -- not a model name, an intercepted part of a salvo, a total
    over a longer period, an earlier figure or another incident's."""
    matches = []
    for m in _numbers().finditer(sentence):
        if _YEAR.fullmatch(m.group(0)) and _YEAR_BEFORE.search(sentence[max(0, m.start() - 16) : m.start()]):
            continue  # "in June 2021": a date, and its words must frame the number after it
        if _DAY_OF_MONTH.match(sentence, m.end()) and m.group(0).isdigit():
            continue  # "the week of 8 to 14 August": a day of the month, not a count
        if len(m.group(0)) <= 2 and m.group(0).isdigit() and _MONTH_BEFORE.search(sentence[: m.start()]):
            continue  # "on October 8": a day of the month, not a count
        if _AGE_BEFORE.search(sentence, 0, m.start()):
            continue  # "Two people aged 70 and 80 were found dead": ages, not a count
        if _SPAN_OF_TIME.match(sentence, m.end()):
            continue  # "Two days earlier", "over the four days of hostilities": a span of time
        if _DURATION.match(sentence, m.end()):
            continue  # "the two-year conflict": a length of time, whose words frame the count after it
        parsed = parse_number(m.group(0))
        if parsed is not None and parsed[0] > 0:
            matches.append((m, parsed))
    # "Separately, two gunmen opened fire ..., killing six": another incident than the sentence before.
    # Its counts are not the article's event's, unless (``own_incident``) the sentence reports an
    # event of a type of its own, whose counts they are (``event_grouping.continuations`` keeps them
    # from joining the event before it).
    opener = separate_incident(sentence) if own_incident else 0
    framed = " " * opener + sentence[opener:]
    contexts = read_sentence(
        framed, [m.span() for m, _ in matches], [_unit_guess(sentence, m) for m, _ in matches]
    )
    readings = []
    read: list[tuple[re.Match[str], float, Reading | None]] = []  # each number's readings, for lists
    salvos: list[tuple[re.Match[str], int, Reading]] = []  # salvo readings and where their noun ends
    for (m, (value, vague)), context in zip(matches, contexts, strict=True):
        if not context.is_event_count:
            continue
        before = sentence[max(0, m.start() - _WINDOW) : m.start()]
        after = sentence[m.end() : m.end() + _WINDOW]
        if _NEGATED.search(before[-12:]) or is_background(sentence, m):
            continue
        qualifier = "at_least" if vague else qualifier_before(sentence, m.start())
        before_low, after_low = before.lower(), after.lower()
        update = bool(_UPDATE.search(before) or TOTALS.search(sentence)) and not _HEARSAY.search(sentence)
        later = count_sides.later_deaths(sentence, m.start(), m.end())
        if later is not None:
            readings.append(Reading("killed", value, qualifier, index, vague, replaces=("wounded", value)))
            of = parse_number(later.of_text) if later.of_text else None
            if of is not None and of[0] > value:
                left = Reading("wounded", of[0] - value, "exact", index, replaces=("wounded", of[0]))
                readings.append(left)
            continue
        read.append((m, value, None))
        if _NAMED_AND_GROUP_HELD.search(before) and _GROUP.match(after):
            readings.append(Reading("arrested", value + 1, qualifier, index, vague))
        whose = count_sides.side(sentence, m.start(), m.end())
        claim = count_sides.is_claim(sentence, m.start())
        enemy = count_sides.enemy_dead(sentence, m.start(), m.end())
        reading_named = _READING_BEFORE.search(before) is not None
        for rule in COUNT_RULES:
            if rule.unit == "magnitude" and (vague or not 1.0 <= value <= 10.0):
                continue
            if reading_named and rule.unit != "magnitude":
                continue
            # a rule whose words run longer than the window looks further back ("The number of people
            # injured in Tuesday's magnitude 6.4 earthquake in ... County rose to 17")
            if rule.reach:
                lead_in = sentence[max(0, m.start() - rule.reach) : m.start()]
                lead_low = lead_in.lower()
            else:
                lead_in, lead_low = before, before_low
            if rule.key_screen is not None and not rule.key_screen.search(lead_low):
                continue
            if rule.after_key_screen is not None and not rule.after_key_screen.search(after_low):
                continue
            if rule.before is not None and not rule.before.search(lead_in):
                continue
            said = rule.after.match(after) if rule.after is not None else None
            if rule.after is not None and said is None:
                continue
            if (
                rule.unit in _MOVED_OR_HURT
                and said is not None
                and rule.before is None
                and _PART_OF.search(before)
                and _FINITE_BE.search(said.group(0))
            ):
                continue
            noun_end = m.end() + (said.end() if said is not None else 0)
            if rule.unit == "aircraft" and _aircraft_struck(sentence, m.start(), noun_end):
                continue  # "destroying at least six aircraft": the strike's target, not its force
            if rule.unit == "protesters" and _HARMED_BEFORE.search(before):
                continue  # "security forces killed four protesters": a toll among the crowd, not its size
            if rule.unit in HARM_UNITS and rule.after is not None and _OTHER_VERB_BEFORE.search(before):
                continue  # "arrested 90 people and 25 officers were injured": the 90 were arrested
            revision = rule.unit == "magnitude" and _MAGNITUDE_REVISION.search(before) is not None
            if rule.unit in _SALVO_UNITS and _OTHERS.match(after) and _ONE_WEAPON[rule.unit].search(before):
                value += (
                    1  # "The missile was launched from Astrakhan, and eight other missiles were fired": 9
                )
            named_and_others = (_OTHER_PEOPLE.match(after) and _ONE_NAMED_BEFORE.search(before)) or (
                rule.before is None and _ONE_PERSON_AND_BEFORE.search(before)
            )
            # "he and 10 others were arrested": 11 (this reading only: the number stays 10 for others)
            counted = value + 1 if rule.unit in _PEOPLE_COUNTS and named_and_others else value
            # the verb the rule read may lie past a long "where they live" ("people living within a
            # mile of the site left their homes")
            reach = max(60, said.end()) if said is not None else 60
            flight = rule.unit == "displaced" and _FLIGHT.search(before[-30:] + after[:reach]) is not None
            from_violence = flight and _fled_violence(sentence, m.start(), m.end() + 20)
            rescue = rule.unit == "evacuated" and _RESCUED.search(before[-30:] + after[:40]) is not None
            illness = rule.unit == "affected" and _ILLNESS.search(before[-20:] + after[:30]) is not None
            reading = Reading(
                rule.unit,
                counted,
                qualifier,
                index,
                vague,
                update or revision,
                whose,
                claim,
                enemy=enemy and rule.unit in HARM_UNITS,
                nation=rule.unit in HARM_UNITS and count_sides.nation_dead(sentence, m.end()),
                flight=flight,
                rescue=rescue,
                illness=illness,
                from_violence=from_violence,
            )
            readings.append(reading)
            read.append((m, counted, reading))
            if rule.unit in _SALVO_UNITS and rule.after is not None:
                noun = rule.after.match(after)
                salvos.append((m, m.end() + (noun.end() if noun else 0), reading))
    readings.extend(_revised_figures(sentence, index, matches, readings))
    readings.extend(_list_totals(sentence, index, read))
    readings.extend(_one_more_also(sentence, index, readings))
    readings.extend(_one_dead_and_others(sentence, index, read))
    readings.extend(_and_one_person(sentence, index, read))
    readings.extend(_of_whom_died(sentence, index))
    readings.extend(_ordinal_one_more(sentence, framed, index, read))
    readings.extend(_salvo_totals(sentence, index, salvos))
    ones = [
        (m, unit) for pattern, unit in (*_ONE_PERSON, *_ONE_WEAPON_SAID) for m in pattern.finditer(sentence)
    ]
    for (m, unit), context in zip(ones, read_sentence(sentence, [m.span() for m, _ in ones]), strict=True):
        negated = _NEGATED.search(sentence[max(0, m.start() - 12) : m.start()])
        # "the fourth night of unrest since a teenager was shot dead": the cause, not this event's toll
        if context.is_event_count and not negated and not is_background(sentence, m):
            # one weapon named in the lead yields to a salvo counted in the body ("an intercontinental
            # ballistic missile ... and eight other missiles")
            readings.append(Reading(unit, 1.0, "exact", index, vague=unit in _SALVO_UNITS))
    for pattern in ONE_ARRESTED:
        for m in pattern.finditer(sentence):
            if not _NEGATED.search(sentence[max(0, m.start() - 12) : m.start()]) and not is_background(
                sentence, m
            ):
                # vague: the number of a crowd detained with him ("and 40 supporters") stands over him
                readings.append(Reading("arrested", 1.0, "exact", index, vague=True))
    # "captured the town of Kitshanga after seizing several villages": the claim counts places it does
    # not number, so no count of them stands (the labelling conventions)
    unnumbered = _UNNUMBERED_PLACES.search(sentence) is not None
    for m in _ONE_PLACE_TAKEN.finditer(sentence):
        negated = _NEGATED.search(sentence[max(0, m.start() - 12) : m.start()])
        if not negated and not unnumbered and not is_background(sentence, m):
            # vague: "took control of five villages, among them Pivdenne" counts five
            readings.append(Reading("settlements", 1.0, "exact", index, vague=True))
    for m in _RICHTER.finditer(sentence):
        readings.append(Reading("magnitude", float(m.group(1)), "exact", index))
    readings.extend(_ordinal_dead(sentence, index))
    readings.extend(_ordinal_held(sentence, index))
    for m in _ONE_AND_KIN.finditer(sentence):
        if not _NEGATED.search(sentence[max(0, m.start() - 12) : m.start()]) and not is_background(
            sentence, m
        ):
            readings.append(Reading("killed", 2.0, "exact", index))
    for m in _PLACES_TAKEN.finditer(sentence):
        if not _NEGATED.search(sentence[max(0, m.start() - 12) : m.start()]) and not is_background(
            sentence, m
        ):
            names = len(re.split(r",\s*(?:and\s+)?|\s+and\s+", m.group("names")))
            readings.append(Reading("settlements", float(names), "exact", index))
    return readings


# "He first said nine were wounded and later put the figure at 19": the figure said again is the
# count before it, revised.
_REVISED_FIGURE = re.compile(
    r"\b(?:later|then|subsequently|since)\s+(?:put|raised|revised|updated|lifted|increased|corrected)\s+"
    r"(?:the|that|this|his|her|its|their)\s+(?:figure|number|count|tally|estimate)\s+(?:up\s+)?(?:to|at)\s+"
    rf"{_HEDGE}$",
    re.I,
)


def _revised_figures(
    sentence: str,
    index: int,
    matches: list[tuple[re.Match[str], tuple[float, bool]]],
    readings: list[Reading],
) -> list[Reading]:
    """A figure a source "later put at 19" after saying nine were wounded: the revision of the last
    harm count before it, which it supersedes."""
    out = []
    for m, (value, vague) in matches:
        if not _REVISED_FIGURE.search(sentence, 0, m.start()):
            continue
        earlier = [r for r in readings if r.unit in HARM_UNITS and not r.update]
        if earlier and not any(r.value == value for r in readings):
            out.append(Reading(earlier[-1].unit, value, "exact", index, vague, update=True))
    return out


def _list_totals(
    sentence: str, index: int, read: list[tuple[re.Match[str], float, Reading | None]]
) -> list[Reading]:
    """ "16 rebels and 10 soldiers were killed": one toll of 26, beside each side's own figure. The
    first member may have no reading of its own ("Four army troops, a colonel among them, and three
    suspected militants were killed"), but not one of another harm."""
    numbers: list[tuple[re.Match[str], float, dict[str, Reading]]] = []
    counted: set[int] = set()  # numbers of another metric: "Police arrested 90 people and 25 officers ..."
    for m, value, reading in read:
        if not numbers or numbers[-1][0] is not m:
            numbers.append((m, value, {}))
        if reading is not None and reading.unit in HARM_UNITS:
            numbers[-1][2].setdefault(reading.unit, reading)
        elif reading is not None or _OTHER_VERB_BEFORE.search(sentence, 0, m.start()):
            counted.add(m.start())
    out = []
    for (m1, v1, units1), (m2, v2, units2) in pairwise(numbers):
        for unit, second in units2.items():
            first = units1.get(unit)
            if first is None and (units1 or m1.start() in counted):
                continue
            if second.claim or (first is not None and first.claim):
                continue
            if count_sides.list_total(sentence, m1.span(), m2.span(), unit):
                lead = first or second
                out.append(Reading(unit, v1 + v2, lead.qualifier, index, lead.vague, lead.update))
        if units2:
            continue
        for unit, first in units1.items():
            if not first.claim and count_sides.harm_before_list(sentence, m1.span(), m2.span(), unit):
                out.append(Reading(unit, v1 + v2, first.qualifier, index, first.vague, first.update))
    return out


# One more person after a count, told by "also": "killed at least 10 militants ...; an army captain
# leading the raid was also killed", "Two guards died ... and a soldier was also killed".
_ALSO_ONE = re.compile(
    r"(?:[,;]|\band)\s+(?:an?|one)\s+(?:[A-Za-z'-]+,?\s+){1,8}?(?:was|has\s+been|had\s+been)\s+also\s+"
    rf"(?:{VERBS['killed']}|{VERBS['wounded']})\b",
    re.I,
)


# One person told dead, then the others who died with them: "The commander was killed together with two
# of his fighters" is three dead; "Shukr was killed in Tuesday's strike, which ... also killed five
# civilians" is six. The number counts the others, not the toll.
_ONE_DEAD_BEFORE_OTHERS = re.compile(
    r"\b(?:was|has\s+been|had\s+been)\s+(?:killed|shot\s+dead)\s+"
    r"(?:(?:together|along)\s+with|alongside)\s+$"
    r"|\b(?:was|has\s+been|had\s+been)\s+(?:killed|shot\s+dead)\b[^.;]{0,100}?\balso\s+killed\s+$",
    re.I,
)
_OTHERS_WITH_ONE = re.compile(
    r"\s+(?:of\s+(?:his|her|its|their)\s+[\w-]+|others\b|other\s+[\w-]+|(?:[\w-]+\s+)?(?:civilians|people|"
    r"bodyguards|guards|fighters|aides|relatives|companions|passengers))",
    re.I,
)


def _one_dead_and_others(
    sentence: str, index: int, read: list[tuple[re.Match[str], float, Reading | None]]
) -> list[Reading]:
    """The others counted after one person told dead, with that person added (``_ONE_DEAD_BEFORE_OTHERS``)."""
    out = []
    seen = set()
    for m, value, _ in read:
        if m.start() in seen:
            continue
        seen.add(m.start())
        before = sentence[max(0, m.start() - 160) : m.start()]
        if _ONE_DEAD_BEFORE_OTHERS.search(before) and _OTHERS_WITH_ONE.match(sentence, m.end()):
            out.append(Reading("killed", value + 1, "exact", index, replaces=("killed", value)))
    return out


# A list that closes with one person said without a number: "killed six policemen and the tribal
# elder they escorted" is seven dead, "four soldiers and a civilian were hurt" five. Not when the one
# has a verb of their own ("killed six soldiers and a civilian was hurt").
_AND_ONE_PERSON_AFTER = re.compile(
    rf"\s+(?:[\w-]+\s+){{0,2}}?(?:[\w-]+s|[\w-]*men|people|children|police)\s+and\s+"
    rf"(?:an?|one|the|his|her|their)\s+(?:[\w-]+\s+){{0,2}}?{_PERSON}\b"
    r"(?!\s+(?:was|is|has|had|got|died|suffered|said|says|told)\b)",
    re.I,
)


def _and_one_person(
    sentence: str, index: int, read: list[tuple[re.Match[str], float, Reading | None]]
) -> list[Reading]:
    """The people counted with one more named after them, that person added (``_AND_ONE_PERSON_AFTER``)."""
    out = []
    for m, value, reading in read:
        if reading is None or reading.unit not in _PEOPLE_COUNTS or reading.value != value:
            continue
        if _AND_ONE_PERSON_AFTER.match(sentence, m.end()):
            out.append(
                Reading(reading.unit, value + 1, reading.qualifier, index, reading.vague,
                        replaces=(reading.unit, value))
            )  # fmt: skip
    return out


# "shot seven people, four of whom died on the spot": of the people hit, some died and the rest were
# hurt, so the count splits into the dead and the wounded.
_SHOT_OF_WHOM_DIED = (
    r"\b(?:shot|gunned\s+down|stabbed|hacked|attacked)\s+(?P<hit>{n})\s+(?:[\w-]+\s+)?(?:people|persons|"
    r"villagers|residents|civilians|worshippers|passengers|others)\s*,\s+(?P<dead>{n})\s+of\s+whom\s+"
    r"(?:later\s+|instantly\s+)?(?:died|were\s+killed|have\s+died|succumbed)\b"
)


@cache
def _shot_of_whom_died() -> re.Pattern[str]:
    """``_SHOT_OF_WHOM_DIED`` with the number phrase filled in, compiled on first use."""
    return re.compile(_SHOT_OF_WHOM_DIED.format(n=number_pattern()), re.I)


def _of_whom_died(sentence: str, index: int) -> list[Reading]:
    """The dead and the wounded of "shot seven people, four of whom died": four killed, three hurt."""
    out = []
    for m in _shot_of_whom_died().finditer(sentence):
        hit_read, dead_read = parse_number(m.group("hit")), parse_number(m.group("dead"))
        if hit_read is None or dead_read is None or is_background(sentence, m):
            continue
        hit, dead = hit_read[0], dead_read[0]
        if not 0 < dead <= hit:
            continue
        out.append(Reading("killed", float(dead), "exact", index))
        if hit > dead:
            out.append(Reading("wounded", float(hit - dead), "exact", index))
    return out


def _one_more_also(sentence: str, index: int, readings: list[Reading]) -> list[Reading]:
    """The count before "... and a soldier was also killed" with that one person added, in place of it."""
    out = []
    for m in _ALSO_ONE.finditer(sentence):
        unit = "killed" if re.search(rf"\b{VERBS['killed']}\b", m.group(0)[-40:], re.I) else "wounded"
        # the last count of that harm in the sentence, told before the one more
        before = [r for r in readings if r.unit == unit and not r.claim and not r.enemy]
        if not before or not _numbers().search(sentence, 0, m.start()):
            continue
        last = before[-1]
        out.append(replace(last, value=last.value + 1, replaces=(unit, last.value)))
    return out


# A verb of another metric right before a number: "Police arrested 90 people and 25 officers were
# injured" is no list of 115 hurt.
_OTHER_VERB_BEFORE = re.compile(
    rf"\b(?:arrested|detained|evacuated|rescued|deployed|sent|held|displaced|moved)\s+{_HEDGE}$", re.I
)
# Between one salvo member's noun and the next member's number: "30 cruise missiles and 110".
# "killed four protesters", "arresting at least 19 demonstrators": what happened to the people counted
_HARMED_BEFORE = re.compile(
    rf"\b(?:{GERUNDS['killed']}|{GERUNDS['wounded']}|{GERUNDS['arrested']})\s+{_HEDGE}$", re.I
)
_SALVO_JOIN = re.compile(rf"\s*(?:,\s*(?:and\s+)?|and\s+){_HEDGE}$", re.I)


def _salvo_totals(
    sentence: str, index: int, salvos: list[tuple[re.Match[str], int, Reading]]
) -> list[Reading]:
    """ "170 drones, 30 cruise missiles and 110 ballistic missiles": a salvo told as its kinds is
    their sum (140 missiles), when the members follow one another as one list."""
    out = []
    run: list[Reading] = []
    for i, (_, noun_end, reading) in enumerate(salvos):
        nxt = salvos[i + 1] if i + 1 < len(salvos) else None
        run.append(reading)
        joined = (
            nxt is not None
            and nxt[2].unit == reading.unit
            and nxt[0].start() > noun_end
            and _SALVO_JOIN.fullmatch(sentence, noun_end, nxt[0].start()) is not None
        )
        if joined:
            continue
        if len(run) > 1:
            out.append(replace(run[0], value=sum(r.value for r in run), vague=any(r.vague for r in run)))
        run = []
    return out


@lru_cache(maxsize=4096)
def _literal(text: str) -> re.Pattern[str]:
    """``text`` as a literal pattern; cached because re's own cache is evicted by the rule patterns."""
    return re.compile(re.escape(text))


def from_quantities(quantities: Iterable[Quantity], segments: Sequence[Segment]) -> list[Reading]:
    """The enrichment's quantities in the shared vocabulary (raw noun lemmas are ignored), each placed
    in the segment of its sentence whose text contains it."""
    out = []
    for q in quantities:
        running = q.role == "event" and q.time_ref == "cumulative"
        if q.unit not in VOCABULARY or not (q.is_event_count or running) or q.unit == "troops":
            # The enrichment calls any soldiers nothing happened to "troops" ("a vehicle carrying ten
            # soldiers", "four soldiers were hit"); a force the event sets in motion is read from the
            # sentence's own deploying verb ("sent 1,500 troops", ``read_text``).
            continue
        # The span must lie inside one segment: a "count" read across a headline break ("day 1,037
        # \n\nRussian missiles") is not one.
        said = " ".join(q.text.split())
        home = next(
            (g for g in segments if g.sentence == q.sentence and said in " ".join(g.text.split())), None
        )
        if home is not None:
            text = " ".join(home.text.split())
            at = text.find(said)
            # The count of the dated earlier event the report ranks its own against: "worst since the
            # 1998 tsunami at Aitape, which killed more than 2,000 people".
            if in_dated_event_clause(text, at):
                continue
            # "the fourth night of unrest since a teenager was shot dead by police": the death that set
            # the event off, not its toll
            spot = _literal(said).search(text, at) if q.unit in HARM_UNITS and at >= 0 else None
            if spot is not None and is_background(text, spot):
                continue
            if q.unit == "aircraft" and at >= 0 and _aircraft_struck(text, at, at + len(said)):
                continue
            whose = count_sides.phrase_side(said)
            claim = count_sides.is_claim(text, at)
            number = _numbers().search(said)
            enemy = (
                q.unit in HARM_UNITS
                and number is not None
                and count_sides.enemy_dead(text, at + number.start(), at + number.end())
            )
            flight = q.unit == "displaced" and _FLIGHT.search(said) is not None
            from_violence = flight and at >= 0 and _fled_violence(text, at, at + len(said))
            rescue = q.unit == "evacuated" and _RESCUED.search(said) is not None
            # "poisoned 479 people": the verb before the people says they were made ill
            illness = (
                q.unit == "affected" and _ILLNESS.search(text, max(0, at - 20), at + len(said)) is not None
            )
            out.append(
                Reading(
                    q.unit,
                    q.value,
                    q.qualifier,
                    home.index,
                    q.vague,
                    side=whose,
                    claim=claim,
                    enemy=enemy,
                    nation=number is not None
                    and q.unit in HARM_UNITS
                    and count_sides.nation_dead(text, at + number.end()),
                    flight=flight,
                    rescue=rescue,
                    illness=illness,
                    from_violence=from_violence,
                    running=running,
                )
            )
    return out


def measure(
    code: str,
    segments: Sequence[int],
    readings: Iterable[Reading],
    lead: Sequence[int] = (0, 1),
    *,
    fled_violence: bool = False,
) -> dict[str, float]:
    """Per metric, the figure the report stands by among this event's own counts in its segments.

    Reports about one event carry several figures for the same metric: a round headline hedge ("more
    than 1,000 killed") and the exact figure under it ("at least 1,037"), one agency's magnitude and
    another's ("6.8, the USGS said ... 7 on the Richter scale, the national network said"), a
    confirmed toll and residents' higher estimates, a part ("two security guards died") and the whole.
    The largest is right for parts and wholes but wrong for competing sources, where the report leads
    with the figure it stands by. So, per metric:

    1. a toll update ("the death toll rose to 41") supersedes everything else;
    2. exact figures beat vague ones ("dozens detained ... at least 40 were detained" is 40);
    3. a figure in the headline or lead sentence (``lead`` segments) wins over the body's, except
       that a round approximate lead figure ("more than 1,000", "about 300") is refined by the
       nearest larger body figure within half again of it ("at least 1,037"); "at least 30" is a
       floor the report stands by, not a rounding;
    4. otherwise the largest (a count repeated in two sentences is not added up; two incidents in one
       event, "five killed in Kharkiv ... three in Odesa", report 5, not 8: severity errs low).
    """
    wanted = UNITS_BY_TYPE.get(code, frozenset())
    inside = set(segments)
    readings = list(readings)
    # "Two of the four injured died": the four are no longer all injured, the two are dead.
    superseded = {(r.segment, *r.replaces) for r in readings if r.replaces is not None}
    # "killed 80 militants": a side's dead, not a force deployed (the enrichment reads "80 militants",
    # and a headline's "two soldiers" whose death the body tells).
    tolls = {r.value for r in readings if r.unit in HARM_UNITS and (r.segment in inside or r.segment == 0)}
    # "Afghan forces killed 58 Pakistani soldiers": the killer's claim of the enemy's dead is no toll,
    # nor is the headline's retelling of it ("Taliban say 58 Pakistani soldiers killed").
    claimed = {(r.unit, r.value) for r in readings if r.enemy}
    # One flight told twice ("Thousands flee to Uganda" over "4,000 people fleeing fighting crossed"):
    # what one telling says it escaped holds for the other.
    fled_violence = fled_violence or any(
        r.from_violence for r in readings if r.segment in inside or r.segment == 0
    )
    by_unit: dict[str, list[Reading]] = {}
    for r in readings:
        # The headline sizes the event even when its cues fired only in the body ("Russia fires 728
        # drones and 13 missiles"); harm counts only from the event's own segments, since a headline
        # may list several events and their tolls.
        headline = r.segment == 0 and r.unit not in HARM_UNITS
        if r.replaces is None and (r.segment, r.unit, r.value) in superseded:
            continue
        if r.unit == "troops" and r.value in tolls:
            continue
        if r.enemy or (r.unit in HARM_UNITS and (r.unit, r.value) in claimed):
            continue
        if r.rescue and code in _RESCUE_SURVIVORS:
            continue
        if r.running and code not in RUNNING_TOTAL_TYPES:
            continue  # a war's or a season's total, not this event's
        # People who fled a flood, a volcano or a bomb being defused were evacuated; people who fled
        # gunmen or fighting (``fled_violence``: the article reports violence and no hazard) were displaced.
        fled_gunmen = (fled_violence or r.from_violence) and code == "evacuation"
        if r.flight and code in _HAZARDS and not fled_gunmen:
            r = replace(r, unit="evacuated")  # "12,000 people have fled their homes near the volcano"
        if r.illness and code in _ILLNESS_HURTS:
            r = replace(r, unit="wounded")  # "the leak made five firemen ill"
        if r.unit in wanted and (r.segment in inside or headline) and r.qualifier != "less_than":
            by_unit.setdefault(r.unit, []).append(r)
    lead_set = set(lead)
    out = {unit: _standing(found, lead_set) for unit, found in by_unit.items()}
    if code in _BATTLES and "wounded" in by_unit:
        by_unit["wounded"] = _wounded_of_their_side(by_unit["wounded"], by_unit.get("killed", []))
    if code in _BATTLES:
        # every side's wounded as every side's dead: "killing four soldiers and wounding two ... killing
        # six militants and wounding four" is 10 dead and 6 wounded
        for unit in ("killed", "wounded"):
            if unit in by_unit:
                out[unit] = _battle_toll(by_unit[unit], lead_set)
    return out


_BATTLES = frozenset({"armed_clash", "territory_change"})


def claimed(
    code: str, segments: Sequence[int], readings: Iterable[Reading], magnitude: dict[str, float]
) -> list[Reading]:
    """The figures a side claims that ``measure`` left out of the event's magnitude: the killer's count
    of the enemy's dead ("Afghan forces killed 58 Pakistani soldiers") and a side's claim beside the
    report's own figures ("the Taliban claimed to have killed 18 soldiers"). No toll reads them, but an
    analyst should see them on the record, so they are returned, one per metric and value, in the
    order the report gives them."""
    wanted = UNITS_BY_TYPE.get(code, frozenset())
    inside = set(segments)
    out: dict[tuple[str, float], Reading] = {}
    for r in readings:
        if r.unit not in HARM_UNITS or r.unit not in wanted or not (r.enemy or r.claim):
            continue
        if r.segment not in inside and r.segment != 0:
            continue
        if magnitude.get(r.unit) == r.value:
            continue  # the figure the report stands by after all
        out.setdefault((r.unit, r.value), r)
    return list(out.values())


def _wounded_of_their_side(wounded: list[Reading], killed: list[Reading]) -> list[Reading]:
    """ "Troops fired back, killing six militants and wounding four": the wounded said without their
    people are of the side whose dead the same sentence counts, so each side's wounded add up as its
    dead do (four soldiers killed and two wounded, six militants killed and four wounded: 6 wounded)."""
    sides: dict[int, set[str]] = {}
    for r in killed:
        sides.setdefault(r.segment, set()).add(r.side)
    if len({r.side for r in killed} - {""}) < 2:
        return wounded  # one side's dead only: no sides' wounded to add up
    out = []
    for r in wounded:
        said = sides.get(r.segment, set()) - {""}
        out.append(replace(r, side=next(iter(said))) if not r.side and len(said) == 1 else r)
    return out


def _battle_toll(found: list[Reading], lead: set[int]) -> float:
    """A battle's dead are every side's: "the army said it killed 80 militants and lost seven soldiers"
    is 87. Each side's figure is the one the report stands by (``_standing``); a side's claim about the
    other ("the Taliban claimed to have killed 18 soldiers") is left out when the report gives its
    own figures; a total the report states ("71 people, 65 of them rebels") is kept if larger."""
    stood = [r for r in found if not r.claim] or found
    # "Army says 23 soldiers killed, more than 200 Afghan Taliban fighters dead": beside a state's own
    # dead, the fighters it counts as another nation's are that nation's loss as the army tells it, not
    # one toll with its own ("80 Islamist militants and seven soldiers" stays 87, and "seven Pakistani
    # soldiers ... all six attackers" 13: soldiers named by their nation are still a state's own).
    foreign = [r for r in stood if r.side == "armed" and r.nation]
    if foreign and any(r.side == "state" for r in stood):
        stood = [r for r in stood if r not in foreign]
    # "Eight Afghan soldiers killed" over "Eight Afghan Taliban fighters ... were killed": the headline
    # retells a body figure in shorthand, under another side's word; it is not a second side's dead.
    told = {r.value for r in stood if r.segment != 0}
    stood = [r for r in stood if r.segment != 0 or r.value not in told]
    sides: dict[str, list[Reading]] = {}
    for r in stood:
        sides.setdefault(r.side, []).append(r)
    named = [_standing(rs, lead) for side, rs in sides.items() if side]
    total = _standing(sides[""], lead) if "" in sides else 0.0
    return max(total, sum(named)) if len(named) > 1 else _standing(stood, lead)


def _standing(found: list[Reading], lead: set[int]) -> float:
    updates = [r for r in found if r.update]
    if updates:
        return max(r.value for r in updates)
    pool = [r for r in found if not r.vague] or found
    heads = [r for r in pool if r.segment in lead]
    if not heads:
        return max(r.value for r in pool)
    head = max(heads, key=lambda r: r.value)
    if head.segment == 0 and _round(head.value):
        # a headline rounds: "36 million" over the body's "35.8 million" is the body's figure
        close = [
            r.value
            for r in pool
            if r.segment != 0
            and abs(r.value - head.value) <= 0.05 * head.value
            and _digits(r.value) > _digits(head.value)
        ]
        if close:
            return max(close)
    # "about a dozen soldiers" is a rounding too, which "put the number held at 13" refines
    if head.qualifier in ("more_than", "about") and (_round(head.value) or head.value == 12):
        finer = [r.value for r in pool if head.value < r.value <= 1.5 * head.value and not _round(r.value)]
        if finer:
            return min(finer)
    return head.value


def _digits(value: float) -> int:
    """Significant digits of a whole figure: 36,000,000 has two, 35,800,000 three."""
    if value == int(value):
        return len(str(int(value)).rstrip("0"))
    return len(str(value).replace(".", "").strip("0"))


def _round(value: float) -> bool:
    """1,000, 300, 20: the shape of a rounded figure (at least two digits, trailing zeros)."""
    whole = int(value)
    return whole == value and whole >= 10 and whole % 10 == 0
