"""How much happened: counts per metric for one event, from the enrichment and from the sentence text.

The enrichment stage owns quantity extraction (``EnrichedArticle.quantities``, vocabulary below) and
is the first source. Its extraction may be thin (an older or simpler enricher may only know "killed"
and "drones"), so this module also reads the same vocabulary from the event's sentences with a few
wire-copy patterns ("killing at least 12", "the death toll rose to 40", "forced 3,000 from their
homes", "a magnitude 6.1 earthquake"). Both readings are merged by taking, per metric, the largest
value: a count repeated in two sentences must not be added up, and of two hedged counts the larger is
the one the article stands by. The price is that two separate incidents in one event ("five killed in
Kharkiv ... three in Odesa") report 5, not 8; severity errs low rather than double-counting.

Each event type reads only the metrics that describe it (``UNITS_BY_TYPE``): a sentence saying "472
drones and seven missiles" gives the drone strike its drones and the missile strike its missiles.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from herald.core.records import Quantity

from .cues import is_background
from .numbers import NUMBER, parse_number, qualifier_before
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


_N = rf"(?P<n>{NUMBER})"
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
_AND = r"(?:\s+and\s+(?:[\w-]+\s+){1,4}?)?"
_ADJ = rf"(?:(?!{_MONTHS}\b)[A-Za-z][a-z-]+\s+){{0,2}}"
_BE = r"(?:(?:were|was|are|is|have been|had been|has been|have|had|reportedly|also|been|later|now)\s+){0,3}"

_VERBS: dict[str, str] = {
    "killed": r"(?:killed|dead|died|perished|lost their lives|slain|confirmed dead|feared dead)",
    "wounded": r"(?:wounded|injured|hurt|hospitali[sz]ed|treated for injuries)",
    "missing": r"(?:missing|unaccounted for)",
    "displaced": r"(?:displaced|made homeless|left homeless|forced from their homes|forced to flee|fled)",
    "evacuated": r"(?:evacuated|relocated|moved to safety|moved to shelters)",
    "arrested": r"(?:arrested|detained|taken into custody|rounded up)",
}
_GERUNDS: dict[str, str] = {
    "killed": r"(?:killing|killed|kills|claiming the lives of|left)",
    "wounded": r"(?:wounding|injuring|wounded|injured|hurt|hurting)",
    "displaced": r"(?:displacing|displaced|uprooting|uprooted)",
    "evacuated": r"(?:evacuating|evacuated|relocating|relocated|evacuation of|ordered the evacuation of)",
    "arrested": r"(?:arresting|arrested|detaining|detained|rounded up|rounding up|detention of|arrest of)",
}
_HEDGE = r"(?:(?:at least|more than|over|about|around|some|nearly|almost|an estimated|up to|as many as|roughly|another|a further|a total of|a further)\s+)?"

_PATTERNS: list[tuple[str, re.Pattern[str]]] = []
# "evacuation of 11 border villages" counts places, not people.
_NOT_PEOPLE = (
    r"(?!\s*(?:%|per ?cent|years?|km|kilomet|miles|hours?|days?|weeks?|months?))"
    r"(?!\s+(?:[\w-]+\s+)?(?:villages|towns|settlements|buildings|districts|hospitals|schools|streets|regions|areas|"
    r"communities|homes|houses|neighbou?rhoods|provinces|counties|cities|islands|zones|sites|facilities|"
    r"flights|trains|ships|vessels)\b)"
)
for _unit, _verb in _VERBS.items():
    _PATTERNS.append((_unit, re.compile(rf"\b{_N}\s+(?:{_ADJ}{_WHO}{_AND}\s+)?{_BE}{_verb}\b", re.I)))
for _unit, _verb in _GERUNDS.items():
    _PATTERNS.append((_unit, re.compile(rf"\b{_verb}\s+{_HEDGE}{_N}\b{_NOT_PEOPLE}", re.I)))
_PATTERNS += [
    ("killed", re.compile(rf"\b(?:death toll|toll)\b[^.;]{{0,40}}?\b(?:to|at|of|reached|is|was)\s+{_HEDGE}{_N}", re.I)),
    ("killed", re.compile(rf"\b{_N}\s+(?:deaths|fatalities|dead|bodies)\b", re.I)),
    ("killed", re.compile(rf"\bclaim(?:ed|ing)?\s+{_HEDGE}{_N}\s+lives\b", re.I)),
    ("killed", re.compile(rf"\bleft\s+{_HEDGE}{_N}\s+(?:people\s+)?dead\b", re.I)),
    ("wounded", re.compile(rf"\bleft\s+{_HEDGE}{_N}\s+(?:people\s+)?(?:injured|wounded)\b", re.I)),
    ("displaced", re.compile(
        rf"\b(?:forc(?:ed|ing)|dr(?:ove|iving)|sen(?:t|ding))\s+{_HEDGE}{_N}\s+(?:{_ADJ}{_WHO}\s+)?"
        rf"(?:from their homes|to flee|to leave their homes|out of their homes|fleeing|into shelters)", re.I)),
    ("drones", re.compile(
        rf"\b{_N}\s+(?:(?:attack|kamikaze|combat|strike|long-range|explosive|Shahed|Shahed-type|Iranian-made|"
        rf"Russian|Ukrainian|Israeli)\s+){{0,2}}(?:drones|UAVs|unmanned aerial vehicles|Shaheds)\b", re.I)),
    ("missiles", re.compile(
        rf"\b{_N}\s+(?:(?:ballistic|cruise|hypersonic|guided|anti-ship|long-range|air-launched|surface-to-air|"
        rf"Iskander|Kalibr|Kinzhal|Kh-101|S-300|Grad)\s+){{0,2}}(?:missiles|rockets)\b", re.I)),
    ("aircraft", re.compile(rf"\b{_N}\s+(?:\w+\s+)?(?:warplanes|fighter jets|jets|bombers|helicopters|aircraft)\b", re.I)),
    ("settlements", re.compile(rf"\b{_N}\s+(?:\w+\s+)?(?:villages|towns|settlements|localities|hamlets)\b", re.I)),
    # Troop numbers only where the sentence is about deploying them, not about casualties among them.
    ("troops", re.compile(
        rf"\b(?:deploy\w*|sen[dt]|sending|mass(?:ed|ing)|mobili[sz]\w*|station\w*|amass\w*|involving|"
        rf"reinforcements of|withdr[ae]w\w*|pull(?:ed|ing)? out|moved?|moving)\s+(?:\w+\s+){{0,3}}?{_HEDGE}{_N}\s+"
        rf"(?:{_ADJ})?(?:troops|soldiers|servicemen|fighters|personnel|reservists)\b", re.I)),
    ("troops", re.compile(
        rf"\b{_N}\s+(?:{_ADJ})?(?:troops|soldiers|servicemen|reservists)\s+(?:\w+\s+){{0,2}}"
        rf"(?:deployed|massed|sent|stationed|took part|advanced|crossed|were moved|were mobili[sz]ed)\b", re.I)),
    ("protesters", re.compile(rf"\b{_N}\s+(?:{_ADJ})?(?:protesters|demonstrators|rioters|marchers|protestors)\b", re.I)),
    ("protesters", re.compile(
        rf"\b{_N}\s+(?:{_ADJ})?(?:people|supporters|students|workers|farmers|residents|women)\s+"
        rf"(?:marched|rallied|protested|gathered|took to the streets|demonstrated|joined|staged|held|blocked)",
        re.I)),
    ("protesters", re.compile(rf"\bcrowds?\s+of\s+{_HEDGE}{_N}", re.I)),
    ("affected", re.compile(
        rf"\b{_N}\s+(?:{_ADJ})?(?:people|residents|households|homes|customers|consumers|users|subscribers|"
        rf"patients|accounts|records|buildings|houses)\s+(?:{_BE})(?:affected|without power|without electricity|"
        rf"without water|without heating|left without|cut off|exposed|damaged|destroyed|compromised)", re.I)),
    ("affected", re.compile(rf"\baffect(?:ing|ed)\s+{_HEDGE}{_N}", re.I)),
    ("affected", re.compile(rf"\b{_N}\s+(?:new\s+|confirmed\s+|suspected\s+|recorded\s+|reported\s+)*(?:cases|infections)\b", re.I)),
    ("affected", re.compile(rf"\b(?:data|records|details|accounts) of\s+{_HEDGE}{_N}", re.I)),
    ("magnitude", re.compile(r"\bmagnitude(?: of)?[- ](?P<n>\d(?:\.\d)?)\b", re.I)),
    ("magnitude", re.compile(r"\b(?P<n>\d(?:\.\d)?)[- ]magnitude\b", re.I)),
    ("magnitude", re.compile(r"\bmeasur(?:ing|ed)\s+(?P<n>\d(?:\.\d)?)\b", re.I)),
    ("magnitude", re.compile(r"\bM(?P<n>\d\.\d)\b")),
]


_NEGATED = re.compile(r"\b(?:no|not|without|nor)\s+(?:a\s+)?$", re.I)


def read_text(sentence: str, index: int) -> list[Reading]:
    """Every count in one segment this module knows how to read (not ones dated in the past)."""
    readings = []
    for unit, pattern in _PATTERNS:
        for m in pattern.finditer(sentence):
            if is_background(sentence, m) or _NEGATED.search(sentence[max(0, m.start("n") - 12) : m.start("n")]):
                continue
            parsed = parse_number(m.group("n"))
            if parsed is None:
                continue
            value, vague = parsed
            if unit == "magnitude" and not 1.0 <= value <= 10.0:
                continue
            if value <= 0:
                continue
            qualifier = "at_least" if vague else qualifier_before(sentence, m.start("n"))
            readings.append(Reading(unit, value, qualifier, index))
    return readings


def from_quantities(quantities: Iterable[Quantity], segments: Sequence[Segment]) -> list[Reading]:
    """The enrichment's quantities in the shared vocabulary (raw noun lemmas are ignored), each placed
    in the segment of its sentence whose text contains it."""
    out = []
    for q in quantities:
        if q.unit not in VOCABULARY:
            continue
        # The span must lie inside one segment: a "count" read across a headline break ("day 1,037
        # \n\nRussian missiles") is not one.
        said = " ".join(q.text.split())
        home = next((g for g in segments if g.sentence == q.sentence and said in " ".join(g.text.split())), None)
        if home is not None:
            out.append(Reading(q.unit, q.value, q.qualifier, home.index))
    return out


def measure(code: str, segments: Sequence[int], readings: Iterable[Reading]) -> dict[str, float]:
    """Per metric, the largest value read in the event's segments, limited to the type's metrics."""
    wanted = UNITS_BY_TYPE.get(code, frozenset())
    inside = set(segments)
    out: dict[str, float] = {}
    for r in readings:
        if r.unit in wanted and r.segment in inside and r.qualifier != "less_than":
            out[r.unit] = max(out.get(r.unit, 0.0), r.value)
    return out
