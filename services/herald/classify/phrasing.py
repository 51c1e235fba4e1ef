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

import yaml

from .cues import Cue, TypeRules, _rx

_DATA = Path(__file__).with_name("data") / "phrasing.yaml"


@cache
def _raw() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(_DATA.read_text(encoding="utf-8"))
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


def extended(rules: tuple[TypeRules, ...]) -> tuple[TypeRules, ...]:
    """The rules with each type's data cues and vetoes appended."""
    extra, banned = cues(), vetoes()
    return tuple(
        TypeRules(r.code, r.cues + extra.get(r.code, ()), r.vetoes + banned.get(r.code, ())) for r in rules
    )


__all__ = ["coup_plotters_arrested", "cues", "extended", "vetoes"]
