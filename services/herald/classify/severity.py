"""Severity 1-5 from what happened, with the reasons an analyst needs to check it.

The score is ``max(base severity of the type, the highest harm level any metric reaches)``, plus one
step when the sentences say the target was civilians or critical infrastructure, plus a few
type-specific facts (a coup that succeeded, a high-consequence pathogen), capped at 5. Taking the
maximum rather than adding every metric keeps one large number from being counted several ways (a
barrage of 400 drones that killed 12 is one bad night, not two), while more harm never lowers the
score: the ordering analysts rely on ("10,000 rioters is worse than 10") holds by construction.

The thresholds are in ``HARM_LEVELS``, one line per metric, so a desk can read and tune them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .taxonomy import BY_CODE

# metric -> [(at least this value, severity level)], ascending.
HARM_LEVELS: dict[str, tuple[tuple[float, int], ...]] = {
    "killed": ((1, 3), (10, 4), (50, 5)),
    "wounded": ((5, 3), (50, 4), (250, 5)),
    "missing": ((5, 3), (50, 4), (250, 5)),
    "displaced": ((500, 3), (10_000, 4), (100_000, 5)),
    "evacuated": ((500, 3), (10_000, 4), (100_000, 5)),
    "drones": ((10, 3), (100, 4), (400, 5)),
    "missiles": ((5, 3), (25, 4), (100, 5)),
    "aircraft": ((5, 3), (20, 4)),
    "settlements": ((1, 3), (5, 4), (20, 5)),
    "troops": ((1_000, 3), (10_000, 4), (50_000, 5)),
    "protesters": ((1_000, 2), (10_000, 3), (100_000, 4)),
    "arrested": ((10, 2), (100, 3), (1_000, 4)),
    "affected": ((1_000, 3), (100_000, 4), (1_000_000, 5)),
    "magnitude": ((5.0, 3), (6.0, 4), (7.0, 5)),
}

# Types where hitting civilians or critical infrastructure makes the same event worse. Not
# attack_on_civilians (civilians are its definition, already in its base) and not the unrest types.
_TARGETED_TYPES = frozenset(
    {"air_drone_strike", "missile_artillery_strike", "armed_clash", "infrastructure_attack", "cyberattack"}
)
CIVILIAN_TARGET = re.compile(
    r"\b(?:civilians?|residential|apartment (?:blocks?|buildings?)|homes|houses|hospitals?|maternity|"
    r"clinics?|"
    r"schools?|kindergartens?|universit(?:y|ies)|markets?|shopping (?:centres?|malls?)|supermarkets?|"
    r"churche?s?|mosques?|synagogues?|shelters?|refugee camps?|displacement camps?|humanitarian "
    r"(?:convoys?|aid)|"
    r"aid workers|children|bus (?:stations?|stops?)|playgrounds?|crowds?|weddings?|funerals?)\b",
    re.I,
)
CRITICAL_TARGET = re.compile(
    r"\b(?:power (?:plants?|stations?|grid|lines?|infrastructure|supply)|energy (?:infrastructure|"
    r"facilit\w+)|"
    r"electricity|substations?|nuclear|dams?|water (?:supply|treatment|pumping|utilit\w+)|gas (?:pipelines?|"
    r"facilit\w+|infrastructure|supply)|pipelines?|refiner(?:y|ies)|(?:oil|fuel) depots?|ports?|railways?|"
    r"bridges?|airports?|heating|thermal power|hydroelectric|telecom\w*|undersea cables?|hospital systems?|"
    r"emergency services|air traffic control|water utilit\w+|grid)\b",
    re.I,
)
_COUP_SUCCEEDED = re.compile(
    r"\b(?:seized power|took power|taken power|(?:taken|took|seized) control of (?:the )?(?:country|state)|"
    r"overthrew|overthrown|toppled|ousted|dissolved (?:the )?(?:government|"
    r"parliament)|"
    r"suspended the constitution|declared (?:himself|themselves)|in control of (?:the )?(?:country|"
    r"capital))\b",
    re.I,
)
_COUP_FAILED = re.compile(r"\b(?:foiled|failed|thwarted|attempted|attempt|plot)\b", re.I)
_HIGH_CONSEQUENCE = re.compile(
    r"\b(?:ebola|marburg|plague|nipah|lassa fever|H5N1|H7N9|anthrax|smallpox|novel (?:virus|coronavirus|"
    r"pathogen)|clade (?:I|1)[ab]?)\b",  # mpox's clade I (1, 1b): the deadlier strain of two emergencies
    re.I,
)


# A pathogen's arrival: "Cuba confirms its first cases of Oropouche fever", "detected in the country for
# the first time", "the first deaths from the virus recorded anywhere". A disease a population has never
# met spreads through it unchecked, whatever its usual harm.
_FIRST_ARRIVAL = re.compile(
    r"\bfirst(?:-ever| ever)? (?:(?:confirmed|known|recorded|reported|human|imported|locally[- ]acquired) )?"
    r"(?:cases?|deaths?|detection|outbreak|infections?)\b|\b(?:detected|found|identified|confirmed) "
    r"(?:in (?:the country|the island|[A-Z]\w+) )?for the first time\b|\bthe first time (?:the|this) "
    r"(?:virus|disease|pathogen|strain) has been\b",
    re.I,
)


def harm_level(metric: str, value: float) -> int:
    level = 0
    for threshold, severity in HARM_LEVELS.get(metric, ()):
        if value >= threshold:
            level = severity
    return level


def _fmt(value: float) -> str:
    return f"{value:g}" if value < 1e6 else f"{value:,.0f}"


def score(code: str, magnitude: dict[str, float], sentences: Iterable[str]) -> tuple[int, list[str]]:
    """The event's severity and, in order, every reason that set or raised it."""
    base = BY_CODE[code].base_severity
    severity = base
    reasons = [f"base severity of {code}: {base}"]
    for metric in sorted(magnitude, key=lambda m: (-harm_level(m, magnitude[m]), m)):
        level = harm_level(metric, magnitude[metric])
        if level > severity:
            severity = level
            reasons.append(f"{_fmt(magnitude[metric])} {metric}: raises severity to {level}")
    text = " ".join(sentences)
    bump = 0
    if code in _TARGETED_TYPES:
        civilian = CIVILIAN_TARGET.search(text)
        critical = CRITICAL_TARGET.search(text)
        if civilian:
            bump = 1
            reasons.append(f"civilian target ({civilian.group(0).lower()}): +1")
        elif critical and code != "infrastructure_attack":
            bump = 1
            reasons.append(f"critical infrastructure target ({critical.group(0).lower()}): +1")
    if code == "coup" and _COUP_SUCCEEDED.search(text) and not _COUP_FAILED.search(text):
        bump = max(bump, 1)
        reasons.append("power was seized: +1")
    if code == "disease_outbreak":
        pathogen = _HIGH_CONSEQUENCE.search(text)
        if pathogen:
            bump = max(bump, 1)
            reasons.append(f"high-consequence pathogen ({pathogen.group(0)}): +1")
        arrival = _FIRST_ARRIVAL.search(text)
        if arrival and not pathogen:
            bump = max(bump, 1)
            reasons.append(f"a first arrival ({arrival.group(0).lower()}): +1")
    final = min(5, severity + bump)
    if final < severity + bump:
        reasons.append("capped at 5")
    return final, reasons
