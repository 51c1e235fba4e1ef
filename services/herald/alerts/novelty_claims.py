"""A report's own claim of a record or a first, as the novelty rules weigh it.

Classify fills ``Event.claims`` with the sentences that claim one ("the largest attack of the war",
"the first strike on the region"). A claimed first alerts from ``first_claim_min_severity``; a
claimed record is no record when the claim names a bigger event it does not beat, or when the record it
claims is the hazard's measure ("after the heaviest December rain on record"), not the event's count.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from typing import Any

from herald.core import yaml_data
from herald.core.countries import country_names
from herald.core.records import Event


@cache
def _wording() -> dict[str, tuple[re.Pattern[str], ...]]:
    text = resources.files("herald.alerts").joinpath("data", "claim_wording.yaml").read_text(encoding="utf-8")
    data = yaml_data.load(text) or {}
    return {
        kind: tuple(re.compile(entry["pattern"], re.IGNORECASE) for entry in data.get(kind) or [])
        for kind in ("measure", "below")
    }


def _measures() -> tuple[re.Pattern[str], ...]:
    return _wording()["measure"]


def ranks_below_record(event: Event) -> str | None:
    """The sentence in which the report ranks its own event below a record ("579 drones and 40
    missiles ..., fewer than the record 810 of 7 September"), or None. Such an event sets no record by
    its counts, whatever a series that lacks the bigger events says."""
    for text in (event.title, *event.sentences):
        if text and any(p.search(text) for p in _wording()["below"]):
            return text[:300]
    return None


def record_of_a_measure(sentence: str) -> str | None:
    """The words by which a claimed record is the hazard's measure (rain, heat, a river's level) rather
    than the event's own count ("after the heaviest December rain on record, killing 12"), or None."""
    for pattern in _measures():
        found = pattern.search(sentence)
        if found:
            return found.group(0)
    return None


def claim_of(event: Event, kind: str = "record") -> dict[str, str] | None:
    """The event's own claim of a record or a first (classify fills ``Event.claims``). A record claimed
    of the hazard's measure, not of the event, is none."""
    for claim in event.claims:
        if claim.kind == kind and not (kind == "record" and record_of_a_measure(claim.text)):
            return {"kind": kind, "sentence": claim.text[:500]}
    if kind == "record" and event.record_claim:
        sentence = (event.sentences or [event.title])[0][:500]
        if not record_of_a_measure(sentence):
            return {"kind": kind, "sentence": sentence}
    return None


def measure_claim(event: Event) -> str | None:
    """Why the event's claimed record is none: it is a record of the hazard's measure. Or None."""
    for text in [c.text for c in event.claims if c.kind == "record"] + (
        [(event.sentences or [event.title])[0]] if event.record_claim else []
    ):
        words = record_of_a_measure(text)
        if words:
            return f"the record claimed is the hazard's measure ({words!r}), not the event's count"
    return None


def concedes_higher(
    event: Event, claim: dict[str, str], series_prev: dict[str, dict[str, Any]]
) -> str | None:
    """A "deadliest since ..." claim whose own count is below a high the series already holds:
    "the deadliest attack since Barsalogho in August, in which up to 600 people were killed" on a
    25-dead attack names the bigger event it does not beat; so does "Hong Kong's deadliest fire since a
    warehouse blaze killed 176 in 1948" on a fire with 128 dead, whatever the series holds. Why it is no
    record, or None."""
    since = re.search(r"\bsince\b", claim["sentence"], re.I)
    if since is None:
        return None
    named = named_higher_toll(claim["sentence"][since.end() :], event.magnitude.get("killed"))
    if named is not None:
        return (
            f'claims a record "since" an earlier event, but names its toll, {named:g}, above its own '
            f"{event.magnitude['killed']:g} killed"
        )
    for metric, value in event.magnitude.items():
        prev = series_prev.get(metric)
        if prev is not None and value < prev["value"]:
            return (
                f'claims a record "since" an earlier event, but its {value:g} {metric} is below the '
                f"{prev['value']:g} of {prev['at'][:10]} ({prev['source']})"
            )
    return None


YEAR = re.compile(r"^(?:1[89]|20)\d\d$")


def named_higher_toll(after_since: str, killed: float | None) -> float | None:
    """The toll the words after "since" give the earlier event when above this one's ("the deadliest
    fire since a warehouse blaze killed 176 in 1948", on a fire with 128 dead); years are not tolls."""
    if not killed:
        return None
    for number in re.findall(r"\b\d{1,3}(?:,\d{3})+\b|\b\d+\b", after_since):
        if YEAR.match(number):
            continue
        value = float(number.replace(",", ""))
        if value > killed:
            return value
    return None


def first_claimed_for_region(event: Event, sentence: str) -> str | None:
    """The region (or place) a claimed first is claimed for, when the claim makes it the region's and
    not the country's ("Florida reports its first cholera case linked to Haiti's outbreak", "the state's
    first case tied to the epidemic"), or None. Such a claim is a region first, which at a severity below
    the rules' is not news; "Lebanon records its first cholera case since 1993, in Akkar" is the country's.
    """
    loc = event.location
    if loc is None or not loc.country_code or loc.kind == "country" or not (loc.admin1 or loc.kind):
        return None
    country = country_names(loc.country_code)  # lower-case already
    names = {n for n in (loc.admin1, loc.name) if n and len(n) >= 3 and n.lower() not in country}
    whose = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    own = r"(?:'s|\s+(?:reports|records|confirms|sees|has|logs)\s+its)\s+(?:[\w-]+\s+)?first\b"
    patterns = [r"\bthe (?:state|province|county|prefecture|region)'s (?:[\w-]+ )?first\b"]
    if whose:
        patterns.insert(0, rf"\b({whose}){own}")
    for text in (sentence, event.title or ""):
        for pattern in patterns:
            found = re.search(pattern, text, re.IGNORECASE)
            if found:
                return found.group(1) if found.groups() else found.group(0)
    return None
