"""The novelty rules' knobs and the bounds on the state they keep.

Shared by every part of the rules (``novelty``, ``novelty_series``, ``novelty_retellings``,
``novelty_alerts``) and by ``AlertSettings``, which builds a ``NoveltyConfig`` from the environment.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

# How many points a series keeps and how many events/sources a story remembers: bounds the state.
SERIES_POINTS = 64
STORY_EVENTS = 64
STORY_SOURCES = 20
STORY_PLACES = 16  # place and region names a story keeps, to recognise a later report of it
STORY_AUTHORITIES = 8  # bodies a story's alerted reports gave their counts on (a ministry, a coroner)
# Counts whose rise is the story escalating: tolls and people affected; not wounded (outlets count them
# differently for hours), not the weapons launched (a retelling's figure, not a change in the world).
ESCALATION_METRICS = (
    "killed",
    "missing",
    "affected",
    "displaced",
    "evacuated",
)
# Counts whose series never raise a record: outlets count the wounded differently for hours, and a fire's
# 51 injured "beating" an earlier fire's 50 says nothing of which was worse.
RECORD_IGNORED_METRICS = ("wounded",)
# Types whose first in a country is news from the first confirmed case, before anyone has died: an
# outbreak declared is what a desk pages on ("Malawi confirms cholera case at Machinga district hospital").
OUTBREAK_TYPES = ("disease_outbreak",)


@dataclass(frozen=True)
class NoveltyConfig:
    """The rules' knobs. The novelty worker builds this from ``AlertSettings``; analyze takes defaults."""

    min_severity: int = 4
    new_type_lookback: timedelta = timedelta(days=30)
    record_lookback: timedelta | None = None  # None: all history
    first_claim_min_severity: int = 3
    # A first in a country (or the world) of an event that killed, and the later reports of an alerted
    # story, alert from this severity: a hurricane's one dead on Grenada is severity 3.
    deadly_first_min_severity: int = 3
    # A first in a country (or the world) of an outbreak (``OUTBREAK_TYPES``) alerts from this severity:
    # a declared outbreak with no death yet is severity 2. A region or place first still needs
    # ``min_severity``: "Likoma island records first cholera case" in a country already hit is not news.
    outbreak_first_min_severity: int = 2
    escalation_min_increase: float = 0.2
    # A smaller rise of the dead still escalates when the body the last alert's count came from gives
    # the higher count and the report says the toll rose; this is its own floor (0: any such rise; at
    # escalation_min_increase or above: off).
    escalation_same_authority_min_increase: float = 0.0
    # A smaller rise of the dead still escalates, whoever gives it, when the report says the toll rose and
    # comes at least this long after the report the last alert rests on: a count settling takes hours
    # (another outlet's figure, a retelling abroad), a search that keeps finding the dead takes days
    # (210 to 222 three days on), when it adds at least ``escalation_later_rise_min_added`` dead (one more
    # body found, 15 to 16, is no page). None: off.
    escalation_later_rise_after: timedelta | None = timedelta(hours=48)
    escalation_later_rise_min_added: float = 10.0
    escalation_metrics: tuple[str, ...] = ESCALATION_METRICS
    learn_until: datetime | None = None
    warmup: timedelta = timedelta(0)
    retelling_window: timedelta = timedelta(hours=24)
    # How long after a story's last alert a report that tells of it as past ("revised", "the August
    # attack", its place named) is taken for its later report rather than a new event.
    revision_window: timedelta = timedelta(days=60)
    # How long after a story's last alert a report giving the country's toll ("Poland's flood toll rises
    # to seven") may still be that story's: a flood is counted for a week or so (Greece's 16th victim
    # four days on); a gale's two dead 18 days earlier are another event's.
    country_toll_window: timedelta = timedelta(days=10)
    # Whether a war's country toll ("with 205 dead, the government ...", read as an air strike) may update an
    # alerted story of another conflict type in that country (the shelling that paged): a war's dead are one
    # count, whatever weapon its latest report names. Off: only a story of the report's own type.
    country_toll_across_conflict: bool = True
    series_points: int = SERIES_POINTS
    routine_window: timedelta = timedelta(days=30)
    # How far back the country's high toll of the family is looked for when a region or place first is
    # weighed by its own dead: a war's ten dead in its capital six weeks after a barrage killed 14 there
    # are no news of their own, though that barrage has left the routine window. Never shorter than the
    # routine window.
    routine_high_window: timedelta = timedelta(days=60)
    routine_min_days: int = 1
    local_min_killed: float = 10
    # A report placed in one country that places the event's centre in another is that event felt
    # abroad, unless it gives this many dead placed in its own country: "Quake kills 237 in Syria ...
    # after the earthquake centred in southern Turkey" is Syria's own disaster (its first, its updates);
    # three workers under a Bangkok tower are the Myanmar quake's. 0: every such report is its own event.
    felt_abroad_own_min_killed: float = 10
    record_min_value: float = 10
    record_ignored_metrics: tuple[str, ...] = RECORD_IGNORED_METRICS
    # Whether a story that raised a first in a scope (or raises one on the same report) may also raise a
    # record by its count. Off, one real-world event pages once and its rising toll goes out as updates;
    # a claimed record or a claimed first still goes out.
    record_after_first: bool = False
    # Whether a region or place first paged on an earlier report of the story lets a later report's count
    # raise a record. Off, the event that paged (gunmen firing on a concert audience, a region's first)
    # goes on as updates when its toll is given: its 40 dead beat no series a second time.
    record_after_local_first: bool = False
    # Whether a first in a scope needs the event placed in a country (a claimed first does not).
    first_needs_country: bool = True
    # Whether a first in a scope pages on a report that counts no one, tells of no harm and speaks only for
    # an agency measuring the hazard (a seismology bulletin's magnitude and depth): off, the first waits
    # for the first report of harm. A claimed first still goes out.
    first_before_harm: bool = False
    # How long a deadly event of one conflict family (ground_violence, strikes: ``conflict`` in
    # core/data/type_families.yaml) makes a country "seen" for the others: Pakistani air strikes on Paktika
    # three days after deadly fighting at Spin Boldak are the same war's next turn, not Afghanistan's first
    # air strike in a month. None: each family is seen on its own.
    conflict_seen_window: timedelta | None = timedelta(days=7)
    # The dead below which such an event makes only its own region seen, not the rest of the country
    # (None: any deadly event makes the whole country seen).
    conflict_seen_elsewhere_min_killed: float | None = 10


def iso(ts: float) -> str:
    """A stored timestamp (seconds, UTC) as the ISO text alerts' evidence and held reasons give."""
    return datetime.fromtimestamp(ts, UTC).isoformat()
