"""How much happened: counts per metric for one event, from the enrichment and from the sentence text.

The enrichment stage owns quantity extraction (``EnrichedArticle.quantities``, vocabulary below) and
is the first source. Its extraction may be thin (an older or simpler enricher may only know "killed"
and "drones"), so this module also reads the same vocabulary from the event's sentences with a few
wire-copy patterns ("killing at least 12", "the death toll rose to 40", "forced 3,000 from their
homes", "a magnitude 6.1 earthquake").

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
from dataclasses import dataclass
from functools import cache

from herald.core.number_words import number_pattern, parse_number
from herald.core.quantity_context import read_sentence
from herald.core.records import Quantity

from .cues import is_background
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

_HARM = ("killed", "wounded", "missing")
UNITS_BY_TYPE: dict[str, frozenset[str]] = {
    "air_drone_strike": frozenset({*_HARM, "drones", "aircraft"}),
    "missile_artillery_strike": frozenset({*_HARM, "missiles"}),
    "armed_clash": frozenset({*_HARM, "troops"}),
    "territory_change": frozenset({*_HARM, "settlements", "troops"}),
    "infrastructure_attack": frozenset({*_HARM, "affected"}),
    "attack_on_civilians": frozenset({*_HARM, "displaced"}),
    "protest": frozenset({*_HARM, "protesters", "arrested"}),
    "riot": frozenset({*_HARM, "protesters", "arrested"}),
    "coup": frozenset({*_HARM, "arrested", "troops"}),
    "peace_talks": frozenset(),
    "leadership_change": frozenset(),
    "arrest": frozenset({"arrested"}),
    "evacuation": frozenset({"evacuated", "displaced"}),
    "natural_disaster": frozenset({*_HARM, "displaced", "evacuated", "affected", "magnitude"}),
    "industrial_accident": frozenset({*_HARM, "evacuated", "affected"}),
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


_MONTHS = r"(?:january|february|march|april|may|june|july|august|september|october|november|december)"
# Who the count is about, between the number and the verb ("12 Ukrainian soldiers were killed").
_WHO = (
    r"(?:people|persons?|civilians?|soldiers?|troops|servicem[ae]n|servicemembers?|fighters?|militants?|rebels?|"
    r"insurgents?|policem[ae]n|police officers?|police|officers?|guards?|child|children|wom[ae]n|m[ae]n|"
    r"residents?|villagers?|workers?|miners?|passengers?|pupils?|students?|protesters?|demonstrators?|rioters?|"
    r"others|worshippers?|pilgrims?|migrants?|crew members?|crew|firefighters?|rescuers?|journalists?|"
    r"aid workers?|patients?|staff|tourists?|members?|inmates?|prisoners?|suspects?|farmers?|fishermen|"
    r"employees?|commuters?|bystanders?|personnel|combatants?|activists?|opposition supporters|supporters?|"
    r"family members|locals|health workers?|medics?|doctors?|nurses?|teenagers?|boys?|girls?|babies|baby|"
    r"infants?|of them|more|attackers|gunmen|assailants)"
)
_AND = r"(?:\s+and\s+(?:[\w-]+\s+){0,3}[\w-]+)?"
_ADJ = rf"(?:(?!{_MONTHS}\b)[A-Za-z][a-z-]+\s+){{0,2}}"
_CROWD_ADJ = (
    rf"(?:(?!(?:{_MONTHS}|after|before|as|when|while|and|or|in|at|on|by|with|among|from|of|for|to|arrested|"
    rf"detained|killed|injured|wounded|dead|held)\b)[A-Za-z][a-z-]+\s+){{0,2}}"
)
_BE = (
    r"(?:(?:were|was|are|is|have been|had been|has been|have|had|reportedly|also|been|later|now|critically|"
    r"seriously|severely|slightly|lightly|badly|gravely)\s+){0,3}"
)
_HEDGE = (
    r"(?:(?:at least|more than|over|about|around|some|nearly|almost|an estimated|up to|as many as|roughly|"
    r"another|a further|a total of)\s+)?"
)
_VERBS: dict[str, str] = {
    "killed": r"(?:killed|dead|died|perished|lost their lives|slain|confirmed dead|feared dead)",
    "wounded": r"(?:wounded|injured|hurt|hospitali[sz]ed|treated for injuries|"
    r"suffered (?:minor |light |serious |severe )?injuries)",
    "missing": r"(?:missing|unaccounted for)",
    "displaced": r"(?:displaced|made homeless|left homeless|forced from their homes|forced to flee|fled)",
    # "rescued and taken to hospital", "rescued from the rubble": survivors of a collapse, not evacuees
    "evacuated": r"(?:evacuated|relocated|moved to safety|moved to shelters|"
    r"rescued(?![^.;]{0,30}\b(?:hospitals?|rubble|debris|ruins|wreckage|blaze|flames)\b)|forced to evacuate|"
    r"(?:had|ordered) to evacuate|taken to evacuation cent(?:re|er)s)",
    "arrested": r"(?:arrested|detained|taken into custody|rounded up)",
}
_GERUNDS: dict[str, str] = {
    "killed": r"(?:killing|killed|kills|claiming the lives of|left)",
    "wounded": r"(?:wounding|injuring|wounded|injured|hurt|hurting)",
    "displaced": r"(?:displacing|displaced|uprooting|uprooted)",
    "evacuated": r"(?:evacuating|evacuated|relocating|relocated|evacuation of|ordered the evacuation of)",
    "arrested": r"(?:arresting|arrested|detaining|detained|rounded up|rounding up|detention of|arrest of)",
}
# "evacuation of 11 border villages" counts places, not people; "killing 40 percent" is no count.
_NOT_PEOPLE = (
    r"(?!\s*(?:%|per ?cent|years?|km|kilomet|miles|hours?|days?|weeks?|months?))"
    r"(?!\s+(?:[\w-]+\s+)?(?:villages|towns|settlements|buildings|districts|hospitals|schools|streets|regions|areas|"
    r"communities|homes|houses|neighbou?rhoods|provinces|counties|cities|islands|zones|sites|facilities|"
    r"flights|trains|ships|vessels)\b)"
)


@dataclass(frozen=True)
class _Rule:
    """One way to read a count: what must come right before the number and/or right after it."""

    unit: str
    before: re.Pattern[str] | None  # searched on the text before the number, anchored at its end
    after: re.Pattern[str] | None  # matched on the text after the number, anchored at its start
    # Cheap pre-checks: one of ``keys`` must occur in the (lower-cased) text before the number and one
    # of ``after_keys`` in the text after it, or the rule's expression is not run at all.
    keys: tuple[str, ...]
    after_keys: tuple[str, ...]


def _rule(
    unit: str,
    before: str | None = None,
    after: str | None = None,
    keys: tuple[str, ...] = (),
    after_keys: tuple[str, ...] = (),
) -> _Rule:
    return _Rule(
        unit,
        re.compile(rf"(?:{before})$", re.I) if before else None,
        re.compile(after, re.I) if after else None,
        keys,
        after_keys,
    )


def _stems(alternation: str) -> tuple[str, ...]:
    """The first four letters of the first word of each alternative of "(?:killing|killed|...)"."""
    return tuple({alt.split(" ")[0][:4].lower() for alt in alternation.strip("(?:)").split("|")})


# Numbers are found once per segment; each rule then only looks at the words around one number,
# which keeps reading counts cheap however many rules there are.
_RULES: list[_Rule] = [
    *(
        _rule(unit, after=rf"\s+(?:{_ADJ}{_WHO}{_AND}\s+)?{_BE}{verb}\b", after_keys=_stems(verb))
        for unit, verb in _VERBS.items()
    ),
    *(
        _rule(unit, before=rf"\b{verb}\s+{_HEDGE}", after=_NOT_PEOPLE, keys=_stems(verb))
        for unit, verb in _GERUNDS.items()
    ),
    _rule(
        "killed",
        before=rf"\b(?:death toll|toll)\b[^.;]{{0,40}}?\b(?:to|at|of|reached|is|was)\s+{_HEDGE}",
        keys=("toll",),
    ),
    _rule(
        "killed", after=r"\s+(?:deaths|fatalities|dead|bodies)\b", after_keys=("deat", "fata", "dead", "bodi")
    ),
    _rule("killed", before=rf"\bclaim(?:ed|ing)?\s+{_HEDGE}", after=r"\s+lives\b", keys=("claim",)),
    _rule("killed", before=rf"\bleft\s+{_HEDGE}", after=r"\s+(?:people\s+)?dead\b", keys=("left",)),
    _rule(
        "wounded",
        before=rf"\bleft\s+{_HEDGE}",
        after=r"\s+(?:people\s+)?(?:injured|wounded)\b",
        keys=("left",),
    ),
    _rule(
        "displaced",
        keys=("forc", "drov", "driv", "sent", "send"),
        before=rf"\b(?:forc(?:ed|ing)|dr(?:ove|iving)|sen(?:t|ding))\s+{_HEDGE}",
        after=rf"\s+(?:{_ADJ}{_WHO}\s+)?(?:from their homes|to flee|to leave their homes|out of their homes|"
        rf"fleeing|into shelters)",
    ),
    _rule(
        "drones",
        after_keys=("drone", "uav", "unmanned", "shahed"),
        after=r"\s+(?:(?:attack|kamikaze|combat|strike|long-range|explosive|Shahed|Shahed-type|Iranian-made|"
        r"Russian|Ukrainian|Israeli|[A-Z][A-Za-z]*-[\d/]+)\s+){0,2}"
        r"(?:drones|UAVs|unmanned aerial vehicles|Shaheds)\b",
    ),
    _rule(
        "missiles",
        after_keys=("missile", "rocket", "shell"),
        after=r"\s+(?:(?:ballistic|cruise|hypersonic|guided|anti-ship|long-range|air-launched|surface-to-air|"
        r"Iskander|Kalibr|Kinzhal|Grad|artillery|\d+\s?mm|[A-Z][A-Za-z]*-[\d/]+)\s+(?:(?:and|or)\s+)?){0,3}"
        r"(?:missiles|rockets|shells)\b",
    ),
    _rule(
        "aircraft",
        after_keys=("plane", "jet", "bomber", "helicopter", "aircraft"),
        after=r"\s+(?:\w+\s+)?(?:warplanes|fighter jets|jets|bombers|helicopters|aircraft)\b",
    ),
    _rule(
        "settlements",
        after_keys=("village", "town", "settlement", "localit", "hamlet"),
        after=r"\s+(?:\w+\s+)?(?:villages|towns|settlements|localities|hamlets)\b",
    ),
    # Troop numbers only where the sentence is about deploying them, not about casualties among them.
    _rule(
        "troops",
        keys=("depl", "sen", "mass", "mobi", "stat", "amas", "invo", "rein", "with", "pull", "mov"),
        before=rf"\b(?:deploy\w*|sen[dt]|sending|mass(?:ed|ing)|mobili[sz]\w*|station\w*|amass\w*|involving|"
        rf"reinforcements of|withdr[ae]w\w*|pull(?:ed|ing)? out|moved?|moving)\s+(?:\w+\s+){{0,3}}?{_HEDGE}",
        after=rf"\s+(?:{_ADJ})?(?:troops|soldiers|servicemen|fighters|personnel|reservists)\b",
    ),
    _rule(
        "troops",
        after_keys=(
            "deploy",
            "mass",
            "sent",
            "station",
            "took part",
            "advanced",
            "crossed",
            "moved",
            "mobili",
        ),
        after=rf"\s+(?:{_ADJ})?(?:troops|soldiers|servicemen|reservists)\s+(?:\w+\s+){{0,2}}"
        rf"(?:deployed|massed|sent|stationed|took part|advanced|crossed|were moved|were mobili[sz]ed)\b",
    ),
    _rule(
        "protesters",
        # "45 arrested after protesters clash": the words between are no adjectives of the crowd
        after=rf"\s+(?:{_CROWD_ADJ})?(?:protesters|demonstrators|rioters|marchers|protestors)\b",
        after_keys=("protest", "demonstrat", "rioter", "marcher"),
    ),
    _rule(
        "protesters",
        after_keys=(
            "march",
            "rall",
            "protest",
            "gather",
            "street",
            "demonstrat",
            "join",
            "staged",
            "held",
            "block",
        ),
        after=rf"\s+(?:{_ADJ})?(?:people|supporters|students|workers|farmers|residents|women)\s+"
        rf"(?:marched|rallied|protested|gathered|took to the streets|demonstrated|joined|staged|held|"
        rf"blocked)",
    ),
    _rule("protesters", before=rf"\bcrowds?\s+of\s+{_HEDGE}", keys=("crowd",)),
    _rule(
        "affected",
        after_keys=("affect", "without", "cut off", "expos", "damag", "destroy", "compromis"),
        after=rf"\s+(?:{_ADJ})?(?:people|residents|households|homes|customers|consumers|users|subscribers|"
        rf"patients|accounts|records|buildings|houses)\s+(?:{_BE})(?:affected|without power|without "
        rf"electricity|"
        rf"without water|without heating|left without|cut off|exposed|damaged|destroyed|compromised)",
    ),
    _rule("affected", before=rf"\baffect(?:ing|ed)\s+{_HEDGE}", keys=("affect",)),
    # "sickened 1,293 others", "infecting 40 people"
    _rule("affected", before=rf"\b(?:sicken(?:ed|ing)|infect(?:ed|ing))\s+{_HEDGE}", keys=("sick", "infe")),
    # "floods that damaged about 40,000 homes"
    _rule(
        "affected",
        before=rf"\b(?:damag|destroy)(?:ed|ing)\s+{_HEDGE}",
        after=r"\s+(?:homes|houses|buildings|households)\b",
        keys=("damag", "destroy"),
    ),
    # "he later put the number of wounded at 19"
    _rule("wounded", before=rf"\bnumber of (?:wounded|injured)\s+(?:at|to)\s+{_HEDGE}", keys=("number",)),
    _rule("killed", before=rf"\bnumber of (?:dead|deaths|killed)\s+(?:at|to)\s+{_HEDGE}", keys=("number",)),
    # "two other injured people were treated"
    _rule(
        "wounded",
        after=r"\s+(?:other\s+|more\s+)?(?:injured|wounded)\s+(?:people|persons|civilians|residents)\b",
        after_keys=("injured", "wounded"),
    ),
    _rule(
        "affected",
        after=r"\s+(?:(?:new|confirmed|suspected|recorded|reported)\s+)*(?:[a-z-]+\s+)?(?:cases|infections)\b",
        after_keys=("cases", "infection"),
    ),
    _rule(
        "affected",
        before=rf"\b(?:data|records|details|accounts) of\s+{_HEDGE}",
        keys=("data", "record", "detail", "account"),
    ),
    _rule("magnitude", before=r"\bmagnitude(?: of)?[- ]", keys=("magnitude",)),
    _rule("magnitude", after=r"[- ]magnitude\b", after_keys=("magnitude",)),
    _rule("magnitude", before=r"\bmeasur(?:ing|ed)\s+", keys=("measur",)),
]


@cache
def _numbers() -> re.Pattern[str]:
    """Number phrases in a sentence, compiled on first use (not at import)."""
    return re.compile(rf"\b{number_pattern()}(?![\w.,]\d)", re.I)


# One person said without a number: "a woman was killed", "killing a 10-year-old boy".
_PERSON = (
    r"(?:person|woman|man|child|boy|girl|civilian|resident|soldier|teenager|baby|worker|policeman|officer)"
)
_ONE_PERSON: tuple[tuple[re.Pattern[str], str], ...] = (
    *(
        (re.compile(rf"\ban?\s+(?:[\w-]+\s+){{0,2}}?{_PERSON}\s+{_BE}{verb}\b", re.I), unit)
        for unit, verb in _VERBS.items()
        if unit in ("killed", "wounded", "missing")
    ),
    *(
        (re.compile(rf"\b{verb}\s+an?\s+(?:[\w-]+\s+){{0,2}}?{_PERSON}\b", re.I), unit)
        for unit, verb in _GERUNDS.items()
        if unit in ("killed", "wounded")
    ),
)
# A toll revision from residents or witnesses is one estimate among others, not the report's figure.
_HEARSAY = re.compile(
    r"\b(?:residents|witnesses|locals|villagers|activists|local sources|other sources|sources)\s+"
    r"(?:said|say|told|put|reported)",
    re.I,
)
_UPDATE = re.compile(
    r"\b(?:rose|risen|rises|climbed|climbs|jumped|increased|raised)\b[^.;,]{0,40}?\bto\s+(?:[a-z]+\s+){0,2}$",
    re.I,
)
_SALVO = re.compile(
    r"\s+(?:of\s+(?:them|the)\b|(?:[\w/-]+\s+){0,3}?(?:drones?|uavs?|shaheds?|missiles?|rockets?|shells?|"
    r"targets)\b)",
    re.I,
)
_CRISIS = re.compile(
    r"\s+(?:[\w-]+\s+){0,3}?(?:(?:have|has|had)\s+(?:been\s+)?|were\s+|was\s+)?"
    r"(?:fled|displaced|evacuated|forced|uprooted|homeless|cases|infections|infected|sickened)\b",
    re.I,
)
_RICHTER = re.compile(r"\bM(\d\.\d)\b")
# A year after a month or a preposition ("since Solhan in June 2021, when 160 were killed") is part of
# a date: not a count, and not a number that would cut the date off from the count after it.
_YEAR = re.compile(r"(?:19|20)\d\d")
_DAY_OF_MONTH = re.compile(
    r"\s+(?:january|february|march|april|may|june|july|august|september|october|november|december)\b", re.I
)
_YEAR_BEFORE = re.compile(
    r"(?:\b(?:in|since|of|from|until|by)|january|february|march|april|may|june|july|august|september|october|"
    r"november|december)\s+$",
    re.I,
)
_NEGATED = re.compile(r"\b(?:no|not|without|nor)\s+(?:a\s+)?$", re.I)
_WINDOW = 70


def _unit_guess(sentence: str, m: re.Match[str]) -> str:
    """What the number roughly counts, for the context's unit-dependent cues: "drones" for weapons (so
    being shot down is their fate; "the quake destroyed 2,000 homes" is damage), "displaced" for people
    driven out or cases (a crisis's own "past week"), else "other"."""
    if _SALVO.match(sentence, m.end()):
        return "drones"
    return "displaced" if _CRISIS.match(sentence, m.end()) else "other"


def read_text(sentence: str, index: int) -> list[Reading]:
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
        parsed = parse_number(m.group(0))
        if parsed is not None and parsed[0] > 0:
            matches.append((m, parsed))
    contexts = read_sentence(
        sentence, [m.span() for m, _ in matches], [_unit_guess(sentence, m) for m, _ in matches]
    )
    readings = []
    for (m, (value, vague)), context in zip(matches, contexts, strict=True):
        if not context.is_event_count:
            continue
        before = sentence[max(0, m.start() - _WINDOW) : m.start()]
        after = sentence[m.end() : m.end() + _WINDOW]
        if _NEGATED.search(before[-12:]) or is_background(sentence, m):
            continue
        qualifier = "at_least" if vague else qualifier_before(sentence, m.start())
        before_low, after_low = before.lower(), after.lower()
        update = bool(_UPDATE.search(before)) and not _HEARSAY.search(sentence)
        for rule in _RULES:
            if rule.unit == "magnitude" and (vague or not 1.0 <= value <= 10.0):
                continue
            if rule.keys and not any(key in before_low for key in rule.keys):
                continue
            if rule.after_keys and not any(key in after_low for key in rule.after_keys):
                continue
            if rule.before is not None and not rule.before.search(before):
                continue
            if rule.after is not None and not rule.after.match(after):
                continue
            readings.append(Reading(rule.unit, value, qualifier, index, vague, update))
    ones = [(m, unit) for pattern, unit in _ONE_PERSON for m in pattern.finditer(sentence)]
    for (m, unit), context in zip(ones, read_sentence(sentence, [m.span() for m, _ in ones]), strict=True):
        if context.is_event_count and not _NEGATED.search(sentence[max(0, m.start() - 12) : m.start()]):
            readings.append(Reading(unit, 1.0, "exact", index))
    for m in _RICHTER.finditer(sentence):
        readings.append(Reading("magnitude", float(m.group(1)), "exact", index))
    return readings


def from_quantities(quantities: Iterable[Quantity], segments: Sequence[Segment]) -> list[Reading]:
    """The enrichment's quantities in the shared vocabulary (raw noun lemmas are ignored), each placed
    in the segment of its sentence whose text contains it."""
    out = []
    for q in quantities:
        if q.unit not in VOCABULARY or not q.is_event_count:
            continue
        # The span must lie inside one segment: a "count" read across a headline break ("day 1,037
        # \n\nRussian missiles") is not one.
        said = " ".join(q.text.split())
        home = next(
            (g for g in segments if g.sentence == q.sentence and said in " ".join(g.text.split())), None
        )
        if home is not None:
            out.append(Reading(q.unit, q.value, q.qualifier, home.index, q.vague))
    return out


def measure(
    code: str, segments: Sequence[int], readings: Iterable[Reading], lead: Sequence[int] = (0, 1)
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
    by_unit: dict[str, list[Reading]] = {}
    for r in readings:
        # The headline sizes the event even when its cues fired only in the body ("Russia fires 728
        # drones and 13 missiles"); harm counts only from the event's own segments, since a headline
        # may list several events and their tolls.
        headline = r.segment == 0 and r.unit not in _HARM
        if r.unit in wanted and (r.segment in inside or headline) and r.qualifier != "less_than":
            by_unit.setdefault(r.unit, []).append(r)
    return {unit: _standing(found, set(lead)) for unit, found in by_unit.items()}


def _standing(found: list[Reading], lead: set[int]) -> float:
    updates = [r for r in found if r.update]
    if updates:
        return max(r.value for r in updates)
    pool = [r for r in found if not r.vague] or found
    heads = [r for r in pool if r.segment in lead]
    if not heads:
        return max(r.value for r in pool)
    head = max(heads, key=lambda r: r.value)
    if head.qualifier in ("more_than", "about") and _round(head.value):
        finer = [r.value for r in pool if head.value < r.value <= 1.5 * head.value and not _round(r.value)]
        if finer:
            return min(finer)
    return head.value


def _round(value: float) -> bool:
    """1,000, 300, 20: the shape of a rounded figure (at least two digits, trailing zeros)."""
    whole = int(value)
    return whole == value and whole >= 10 and whole % 10 == 0
