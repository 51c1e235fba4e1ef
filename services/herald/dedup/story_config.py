"""What the story matcher is told: its time windows, the figures it trusts, and the follow-up types.

Data and a frozen config only; docs/dedup.md explains how the matcher uses them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from herald.core.hazard_names import HAZARD_NAME as CORE_HAZARD_NAME

HARD_UNITS = frozenset(
    {"drones", "missiles", "rockets", "shells", "magnitude", "ballistic_missiles", "cruise_missiles"}
)
# How long after a story's latest report a follow-up of the same real-world event may still join it,
# per type: the types whose events go on being counted for days (a flood's toll climbing from 150 to
# 11,300 over three days, an outbreak's deaths over weeks, a massacre's toll revised by residents).
# A strike's toll counted again the morning after ("The number of people killed in Saturday's strikes
# on the port has risen to six", eleven hours after the night's last report) is the strike's: strikes
# stay open half a day past their latest report; their next night is a new event.
FOLLOW_UP_DAYS: dict[str, float] = {
    "natural_disaster": 10,
    "disease_outbreak": 30,
    "industrial_accident": 5,
    "attack_on_civilians": 4,
    "armed_clash": 4,
    "air_drone_strike": 0.5,
    "missile_artillery_strike": 0.5,
}
# The tolls a follow-up must repeat or raise to join: a later report of the same event gives the same
# or a higher count of something the story already counted.
TOLL_UNITS = ("killed", "missing", "affected", "displaced", "evacuated")
# A named hazard ("Storm Daniel", "Hurricane Beryl"; the pattern is ``herald.core.hazard_names``'s):
# reports of it in one country are one event wherever in the country each is placed (Volos, then
# Karditsa, then "Greece"). The name, lower-cased, is what stories keep.
HAZARD_NAME = CORE_HAZARD_NAME
MAX_LISTED = 300  # sources or articles listed per story; the counts go on beyond it


@dataclass(frozen=True)
class StoryConfig:
    span: timedelta = timedelta(hours=18)  # latest a retelling may come after the first report
    idle: timedelta = timedelta(hours=10)  # ... and after the story's latest report
    lead: timedelta = timedelta(hours=6)  # earliest before the first report (out-of-order arrival)
    size_tolerance: float = 0.25
    magnitude_tolerance: float = 0.5  # quake magnitudes: agencies differ by tenths, aftershocks by more
    min_score: float = 1.0
    retention: timedelta = timedelta(days=7)
    follow_up: dict[str, timedelta] = field(
        default_factory=lambda: {t: timedelta(days=d) for t, d in FOLLOW_UP_DAYS.items()}
    )
    toll_units: tuple[str, ...] = TOLL_UNITS
    follow_up_min_share: float = 0.25  # a follow-up at the same place: its toll / the story's highest


def to_us(when: datetime) -> int:
    """A time as microseconds since the epoch: what story records and bucket entries hold."""
    return int(when.timestamp() * 1_000_000)


def duration_us(delta: timedelta) -> int:
    return int(delta.total_seconds() * 1_000_000)


def iso(us: int) -> str:
    return datetime.fromtimestamp(us / 1_000_000, UTC).isoformat()
