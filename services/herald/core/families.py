"""Type families: event types that can describe the same real-world event.

Novelty keys its "seen" scopes, its record series and its per-article memory by family, so a massacre
typed as an armed clash in one report and an attack on civilians in the next, or a barrage split into
drone and missile strikes, pages once. The families live in ``data/type_families.yaml``.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from herald.core import yaml_data


@cache
def families() -> dict[str, str]:
    """Each listed type -> its family's name."""
    text = resources.files("herald.core").joinpath("data", "type_families.yaml").read_text(encoding="utf-8")
    data = yaml_data.load(text) or {}
    out: dict[str, str] = {}
    for family, types in (data.get("families") or {}).items():
        for kind in types:
            if kind in out:
                raise ValueError(f"type {kind!r} is in two families: {out[kind]!r} and {family!r}")
            out[kind] = family
    return out


def family_of(event_type: str) -> str:
    """The family an event type belongs to; a type not listed is a family of its own."""
    return families().get(event_type, event_type)


@cache
def consequence_types() -> frozenset[str]:
    """Types that tell what another event caused (people leaving their homes): part of that event,
    whatever its family."""
    text = resources.files("herald.core").joinpath("data", "type_families.yaml").read_text(encoding="utf-8")
    data = yaml_data.load(text) or {}
    return frozenset(data.get("consequences") or ())


def all_families() -> frozenset[str]:
    """Every listed family's name."""
    return frozenset(families().values())


@cache
def conflict_families() -> frozenset[str]:
    """The families of armed conflict: a deadly event of one makes another's first in the country the same
    war's next turn (novelty's ``conflict_seen_window``)."""
    text = resources.files("herald.core").joinpath("data", "type_families.yaml").read_text(encoding="utf-8")
    data = yaml_data.load(text) or {}
    return frozenset(data.get("conflict") or ())
