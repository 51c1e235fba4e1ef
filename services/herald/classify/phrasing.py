"""Cues and vetoes kept as data (``data/phrasing.yaml``): real-reporting phrasing the rules missed.

Each entry becomes a ``Cue`` of its type through the same constructor the rules in ``cues.py`` use,
so it gets the same word gate, the same vetoes, and the same background and salience checks; the
rules engine appends these to the type's own cues and vetoes (``extended``). Keeping them as data
lets a desk add the phrase a report used without touching the engine, with the sentence that needed
it written beside it.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

from herald.core import yaml_data

from .cues import Cue, TypeRules, _rx

_DATA = Path(__file__).with_name("data") / "phrasing.yaml"


@cache
def _raw() -> dict[str, Any]:
    data: dict[str, Any] = yaml_data.load(_DATA.read_text(encoding="utf-8"))
    return data


def _cue(entry: dict[str, Any]) -> Cue:
    context = entry.get("context")
    return Cue(
        entry["name"],
        _rx(*entry["patterns"]),
        context=_rx(*context) if context else None,
        weak=bool(entry.get("weak", False)),
    )


@cache
def cues() -> dict[str, tuple[Cue, ...]]:
    """The data cues per type code."""
    return {code: tuple(_cue(e) for e in entries) for code, entries in _raw().get("cues", {}).items()}


@cache
def vetoes() -> dict[str, tuple[re.Pattern[str], ...]]:
    """The data vetoes per type code."""
    return {code: (_rx(*patterns),) for code, patterns in _raw().get("vetoes", {}).items()}


@cache
def coup_plotters_arrested() -> re.Pattern[str]:
    """An arrest beside a coup that is its own event: the plotters held, not the president."""
    return re.compile(_raw()["plotters_held"], re.I)


@cache
def air_words() -> re.Pattern[str]:
    """Words that say an air strike was made by aircraft (whose missiles are then its munitions)."""
    return re.compile(_raw()["air_munitions"]["air_words"], re.I)


@cache
def drone_munitions() -> re.Pattern[str]:
    """An armed drone firing its own missiles ("U.S. drones fired four missiles at a compound")."""
    return re.compile(_raw()["air_munitions"]["drone_munitions"], re.I)


@cache
def air_launched() -> re.Pattern[str]:
    """Missiles only aircraft and drones carry ("Hellfire"): an air strike's munitions wherever told."""
    return re.compile(_raw()["air_munitions"]["air_launched"], re.I)


@cache
def ground_launched() -> re.Pattern[str]:
    """Weapons fired from the ground: a missile strike of its own even beside air strikes."""
    return re.compile(_raw()["air_munitions"]["ground_launched"], re.I)


@cache
def disaster_damage() -> re.Pattern[str]:
    """Collapses that are the damage of a natural disaster reported beside them."""
    return re.compile(_raw()["disaster_damage"], re.I)


@cache
def sheltered_count() -> re.Pattern[str]:
    """People already in evacuation centres, counted in a disaster report: the disaster's count."""
    return re.compile(_raw()["sheltered_count"], re.I)


@cache
def fighting_before_capture() -> re.Pattern[str]:
    """ "after fierce fighting" beside a capture: the fighting is how the place was taken."""
    return re.compile(_raw()["fighting_before_capture"], re.I)


@cache
def coup_forces() -> re.Pattern[str]:
    """Who stages a coup: their gunfire and detentions beside a coup report are the coup."""
    return re.compile(_raw()["coup_forces"], re.I)


@cache
def storm_ahead() -> re.Pattern[str]:
    """A storm still on its way: a headline naming it reports the evacuation, not a disaster."""
    return re.compile(_raw()["storm_ahead"], re.I)


def extended(rules: tuple[TypeRules, ...]) -> tuple[TypeRules, ...]:
    """The rules with each type's data cues and vetoes appended."""
    extra, banned = cues(), vetoes()
    return tuple(
        TypeRules(r.code, r.cues + extra.get(r.code, ()), r.vetoes + banned.get(r.code, ())) for r in rules
    )


__all__ = [
    "air_launched",
    "air_words",
    "coup_forces",
    "coup_plotters_arrested",
    "cues",
    "disaster_damage",
    "extended",
    "fighting_before_capture",
    "ground_launched",
    "sheltered_count",
    "vetoes",
]


@cache
def another_incident() -> re.Pattern[str]:
    """An opening that names the sentence another incident of the kind just reported ("In a separate
    raid, ..."): with a toll of its own, a second incident of that type even without a cue."""
    return re.compile(_raw()["another_incident"], re.I)
