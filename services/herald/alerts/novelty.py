"""Novelty rules: alert on what is new and serious — a first of its kind, a record.

Pure logic over a dict-like store: a Faust table in the novelty worker, a plain dict in
``herald analyze`` and the tests. Nothing here knows about Kafka. This module decides; its parts
live beside it: ``novelty_config`` (the knobs), ``novelty_scopes`` (where an event happened),
``novelty_series`` (the record rule's counts), ``novelty_retellings`` (recent alerts, to page once
per real-world event), ``novelty_claims`` (a report's own claims) and ``novelty_alerts`` (ids, texts).

Partitioning. Every key starts with the event type or its family (``herald.core.families``), and
``news.events`` is keyed by family, so all the state one event needs
lives in the partition that owns its family: the stage scales over partitions (up to the number of
families) without cross-partition reads.

Rules (see the alerts README for examples and the numbers behind the defaults):

* ``new_type`` — a story of severity >= ``min_severity`` whose type was not seen within
  ``new_type_lookback`` in one of its scopes: globally, in its country, its region (admin1), its city
  or place. Novelty is decided per *story*: the scopes a story is the first in are fixed when the
  story first appears, so the story can turn serious in a later article and still alert. A first
  whose broadest scope is a region or place must be news: held while the type is routine in the
  country (seen on ``routine_min_days`` of the last ``routine_window``) unless the event reaches
  ``local_min_killed``. The event's own claim of a first (``Event.claims``) alerts too, from
  ``first_claim_min_severity``, routine or not.
* ``record`` — this event's count beats every earlier value of its series (metric x type x the
  country attacked or affected) within ``record_lookback``, with at least one earlier value from
  another story; or the event's own claim of a record about itself (``Event.claims``, which classify
  fills). One ``record`` alert per story; its text names the report it beats.
* No alert during the learning period or for ``learn_only`` history; a retelling that story grouping
  split off (the same count as another story of the type alerted within ``retelling_window``) is
  neither alerted nor learned from.
* One alert per story and rule. Later events of the story add their sources; they raise an update
  (``update_of`` = the story's first alert) only when the event escalates: a count the alerts gave
  rises by at least ``escalation_min_increase``, in a report published after the alerted one; a smaller
  rise of the dead only when the body the alerted count came from gives it and the report says the toll
  rose (``novelty_authorities``).
* Every candidate held back says why (``Outcome.held``): ``herald analyze --explain`` prints it.

Idempotent under redelivery: an event already handled returns the alerts it raised then, with the
same ids and timestamps, so downstream ledgers see the same records again.

The heartbeat's canary events (type ``heartbeat``, see ``herald.core.heartbeat_markers``) bypass all of this:
each raises exactly one alert with rule ``heartbeat``, whose id follows from the event (so a
redelivered canary gives the same id, which delivery's ledger skips), and touches no state, so a
canary is never a first of its type, a point of a series, or a story's source.
"""

from __future__ import annotations

import copy
from collections.abc import MutableMapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from herald.alerts.novelty_alerts import build_alert, heartbeat_alert, new_type_alert, record_alert, update_id
from herald.alerts.novelty_authorities import authorities_cited
from herald.alerts.novelty_claims import (
    claim_of,
    concedes_higher,
    first_claimed_for_region,
    measure_claim,
    ranks_below_record,
)
from herald.alerts.novelty_config import (
    OUTBREAK_TYPES,
    STORY_AUTHORITIES,
    STORY_EVENTS,
    STORY_PLACES,
    STORY_SOURCES,
    NoveltyConfig,
    iso,
)
from herald.alerts.novelty_places import PlaceMemory
from herald.alerts.novelty_retellings import RecentAlerts
from herald.alerts.novelty_scopes import affected_country, describe_scope, region_scope, scopes, where
from herald.alerts.novelty_series import RecordSeries
from herald.alerts.novelty_wording import (
    counts_of_the_event,
    declares_outbreak,
    measured_by_agency,
    names_place,
    says_toll_rose,
    sums_countries,
    tells_of_another_event,
    tells_of_deaths,
    tells_of_harm,
    tells_of_past_event,
    text_sums_countries,
    toll_countries,
)
from herald.core.families import conflict_families, consequence_types, family_of
from herald.core.heartbeat_markers import HEARTBEAT_TYPE
from herald.core.records import Alert, Event, stable_id


@dataclass
class Outcome:
    """What one event did: the alerts it raised and why others were held back (for metrics)."""

    alerts: list[Alert] = field(default_factory=list)
    suppressed: list[str] = field(default_factory=list)
    replayed: bool = False
    # Why each candidate was held back: {"rule", "reason", "detail"}; ``herald analyze --explain``.
    held: list[dict[str, Any]] = field(default_factory=list)

    def hold(self, rule: str, reason: str, detail: str) -> None:
        self.suppressed.append(reason)
        self.held.append({"rule": rule, "reason": reason, "detail": detail})


class NoveltyDetector:
    def __init__(self, store: MutableMapping[str, Any], config: NoveltyConfig | None = None) -> None:
        self.store = store
        self.config = config or NoveltyConfig()
        self.series = RecordSeries(store, self.config)
        self.recent = RecentAlerts(store, self.config)
        self.places = PlaceMemory(store, self.config)

    # -- public --------------------------------------------------------------------------------------
    def observe(self, event: Event, now: datetime | None = None) -> list[Alert]:
        return self.assess(event, now).alerts

    def assess(self, event: Event, now: datetime | None = None) -> Outcome:
        """Learn from ``event`` and return the alerts it raises. Safe to call twice for one event."""
        if event.type == HEARTBEAT_TYPE:
            # Never learned from; and history seeded by a backfill is never alerted on, canary or not.
            return Outcome([] if event.learn_only else [heartbeat_alert(event, now)])
        story_key = f"{event.type}|story|{event.story_id}"
        # Copies: a Faust table hands out its live objects, and a change must reach the changelog (by the
        # assignment at the end) or not happen at all, even if this call fails halfway.
        story: dict[str, Any] | None = copy.deepcopy(self.store.get(story_key))
        other_side = self._toll_of_another_country(event, story)
        if other_side is not None:
            # One story per country: this report's toll is its own country's, not the alerted one's.
            event = event.model_copy(update={"story_id": stable_id("story", event.story_id, other_side)})
            story_key = f"{event.type}|story|{event.story_id}"
            story = copy.deepcopy(self.store.get(story_key))
        if story is not None and event.id in story["events"]:
            ids = story["events"][event.id]
            return Outcome([Alert.model_validate(story["alerts"][i]) for i in ids], replayed=True)
        when = event.published.timestamp()
        learning = self._learning(event, when)
        if story is None:
            story = {
                "first_at": when,
                "learned": learning,
                "scopes": [],
                "novel": [],
                "alerts": {},
                "rules": {},
                "order": [],
                "alerted": None,
                "sources": [],
                "events": {},
            }
        outcome = Outcome()
        summed = sums_countries(event, self.config.escalation_metrics)
        if summed:
            # A storm that crossed borders is one event per country, each with its own toll: a sum of
            # them is no country's count, so it updates, beats and is learned by no series.
            metrics = self.config.escalation_metrics
            event = event.model_copy(
                update={"magnitude": {m: v for m, v in event.magnitude.items() if m not in metrics}}
            )
            outcome.hold("any", "sum_of_countries", f"its toll sums several countries' tolls: {summed!r}")
        retold = None if story["learned"] or learning else self._retells(event, story, when)
        if retold:
            # Neither alerted nor learned from as a story of its own: its place and count are the ones
            # that disagreed with the story it retells, and would make the next real first in that
            # place look seen. It speaks for that story: a higher toll in it updates that story's alert.
            outcome.hold("any", "retelling", retold)
            if story.get("retells"):
                self._as_retold_story(event, story["retells"], when, now, outcome)
        else:
            # A place the gazetteer does not know ("Bassa"), named by a report of the family in a country.
            event = self.places.placed(event, when)
            self.places.remember(event, when)
            abroad = self._part_of_story_abroad(event, story)
            self._scopes(event, story, when, own_country=abroad is None)
            beaten, series_prev = self.series.compare_and_add(event, when, add=abroad is None)
            if story["learned"] or learning:
                outcome.hold("any", "learning", "learned during the learning period or from history")
            else:
                self._rules(event, story, beaten, series_prev, when, now, outcome)
        if not retold and story["alerted"] is not None:
            self.recent.remember_article(event)
        if not retold:
            counts = story.setdefault("counts", {})
            for metric, value in counts_of_the_event(event).items():
                counts[metric] = max(value, counts.get(metric, value))
            add_places(story, event)
        if event.url not in story["sources"] and len(story["sources"]) < STORY_SOURCES:
            story["sources"].append(event.url)
        story["events"][event.id] = [a.id for a in outcome.alerts]
        if len(story["events"]) > STORY_EVENTS:
            oldest = next(iter(story["events"]))
            del story["events"][oldest]
        self.store[story_key] = story
        return outcome

    def _toll_of_another_country(self, event: Event, story: dict[str, Any] | None) -> str | None:
        """The country of a report whose toll is another country's than its alerted story's, or None.

        Story grouping joins the reports of a border war from both capitals ("Cambodia says Thai
        shelling killed a villager", then "Twelve killed in Thailand as Cambodian rockets hit petrol
        station"); a storm's crosses borders. Each country's toll is an event of its own, with its first
        and its updates, as for a hazard that crosses borders: a report placed in another country that
        places its own count there, and not in the alerted story's country, is that country's story.
        """
        if story is None or story.get("alerted") is None or not story["order"] or event.learn_only:
            return None
        country = affected_country(event)
        first = story["alerts"][story["order"][0]]
        alerted = (first.get("location") or {}).get("country_code")
        if not country or not alerted or country == alerted:
            return None
        if toll_countries(event, self.config.escalation_metrics) != {country}:
            return None
        return country

    # -- retellings split off into stories of their own ----------------------------------------------
    def _retells(self, event: Event, story: dict[str, Any], when: float) -> str | None:
        """Why this story is another story's retelling (a story once found to be one stays one), or None.

        A retelling is a story split off by story grouping: the same count as a story alerted within
        the retelling window, or the event told by an agency abroad, placed in its own country.
        """
        if story.get("retells"):
            return f"a later report of a story that retells story {story['retells'].rsplit('|', 1)[-1]}"
        if story.get("part_of") and not story["alerts"] and self.recent.same_article(event) is None:
            story["retells"] = story["part_of"]
            return (
                f"a later report of a story that was part of story {story['part_of'].rsplit('|', 1)[-1]}, "
                "which alerted for the reports that told of both"
            )
        found = self.recent.retold(event, when)
        if found is None and not story["alerts"]:
            found = (
                self.recent.told_from_abroad(event, when)
                or self.recent.felt_abroad(event, when)
                or self.recent.named_story(event, when)
                or self.recent.risen_at_namesake(event, when)
                or self.recent.country_toll(event, when)
                or self.recent.risen_naming_place(event, when)
                or self.recent.risen_placed_nowhere(event, when)
                or self.recent.first_retold(event, when)
            )
        if found is None:
            return None
        why, prior = found
        if not story["alerts"]:  # a story that alerted speaks for itself
            story["retells"] = f"{prior.get('type', event.type)}|story|{prior['story_id']}"
        return why

    def _as_retold_story(
        self, event: Event, key: str, when: float, now: datetime | None, outcome: Outcome
    ) -> None:
        """A report of a story that retells another one speaks for that one: its toll updates that
        story's alert when it rose (the UN's 300 dead in a story split off from the alerted 100), its
        counts go to that story's series point, its place to that story's places."""
        other = copy.deepcopy(self.store.get(key))
        if other is None or other.get("alerted") is None or not other["order"]:
            return
        # The report as that story's: its series point and its memory of alerts name that story.
        other_type, _, other_id = key.split("|", 2)
        as_other = event.model_copy(update={"story_id": other_id, "type": other_type})
        self.series.compare_and_add(as_other, when)
        record = self._claimed_record_of_retold(as_other, other, when, now)
        if record is not None:
            _keep(other, record)
            self.recent.remember_record(as_other, when)
            outcome.alerts.append(record)
        update = self._escalation(event, other, when, now, outcome)
        if update is not None:
            _keep(other, update)
            other["alerted"] = self._level(event, other, when)
            self.recent.remember_alert(as_other, when, update=True)
            outcome.alerts.append(update)
        counts = other.setdefault("counts", {})
        for metric, value in event.magnitude.items():
            counts[metric] = max(value, counts.get(metric, value))
        add_places(other, event)
        self.store[key] = other

    def _claimed_record_of_retold(
        self, event: Event, other: dict[str, Any], when: float, now: datetime | None
    ) -> Alert | None:
        """The record a later report of a retold story claims for the event as its toll passes the
        story's, when that story paged no record yet: "Malawi cholera deaths pass 1,000, worst outbreak
        on record" (1,002 dead, the story had counted 595), a report of the outbreak whose first went out
        on another outlet's story. Its rising toll goes out as the story's update beside it, as on a
        story of its own ("274 dead at Soma, Turkey's worst mining disaster on record"). A claim that
        reports nothing bigger retells (the README's retellings); nor a claim below ``min_severity`` or
        one over several countries' sum."""
        claim = claim_of(event)
        if claim is None or "record" in other["rules"] or event.severity < self.config.min_severity:
            return None
        counts = other.get("counts") or {}
        risen = any(
            event.magnitude.get(m, 0) > counts.get(m, float("inf")) for m in self.config.escalation_metrics
        )
        if not risen or text_sums_countries(claim["sentence"]) or self.recent.record_retold(event, when):
            return None
        return record_alert(event, [], {}, claim, now)

    # -- learning ------------------------------------------------------------------------------------
    def _learning(self, event: Event, when: float) -> bool:
        if event.learn_only:
            return True
        cfg = self.config
        if cfg.learn_until is not None and event.published < cfg.learn_until:
            return True
        if cfg.warmup > timedelta(0):
            # Anchored per type: the partition that owns a type knows when it first saw it.
            key = f"{event.type}|warmup"
            first = self.store.get(key)
            if first is None or when < first:
                self.store[key] = first = when
            return when - first < cfg.warmup.total_seconds()
        return False

    def _part_of_story_abroad(self, event: Event, story: dict[str, Any]) -> str | None:
        """The country of the alerted story this report is a part of, when the report is placed in
        another country and its toll is not that country's own (else None).

        A border war's first night told from abroad ("Dozens dead as Afghan and Pakistani forces trade
        fire", datelined Beirut, placed in Afghanistan) joins the story that alerted in Pakistan; the
        attacker's claim in the same report as that alert ("troops killed more than 200 attackers and
        seized 21 Afghan positions") is a part of it too. Neither is an event of the country it was
        placed in: it does not make the type routine there, nor set the country's high that a later
        first there must beat (Spin Boldak's 12 civilians three days on).
        """
        country = affected_country(event)
        if not country or event.learn_only:
            return None
        alerted_story: dict[str, Any] | None = story if story.get("alerted") is not None else None
        if alerted_story is None:
            key = self.recent.same_article_story(event)
            alerted_story = self.store.get(key) if key else None
        if not alerted_story or not alerted_story.get("order"):
            return None
        first = alerted_story["alerts"][alerted_story["order"][0]]
        alerted = (first.get("location") or {}).get("country_code")
        return alerted if alerted and alerted != country else None

    def _routine(self, event: Event, when: float, *, mark: bool = True) -> dict[str, Any] | None:
        """How often the event's country sees its type: the days with one within the window around
        the event's day (before or after: reports arrive out of published order, and a strike reported
        first but published a day later still shows the country is at it), its own day excluded.

        Records this event's day too. Returns ``{"country", "days", "window_days", "marked"}`` (marked:
        this event added its day, which ``_unmark_routine`` may take back), or None without a country.
        """
        loc = where(event)
        if loc is None or not loc.country_code:
            return None
        key = _days_key(event.type, loc.country_code)
        window_days = max(1, round(self.config.routine_window.total_seconds() / 86400))
        today = int(when // 86400)
        days: list[int] = list(self.store.get(key) or [])
        around = sorted(d for d in days if d != today and abs(d - today) <= window_days)
        marked = today not in days and mark
        if marked:
            days.append(today)
        if days:
            newest = max(days)
            self.store[key] = sorted(d for d in days if d > newest - window_days - 1)
        return {
            "country": loc.country_code,
            "days": len(around),
            "window_days": window_days,
            "marked": marked,
        }

    def _unmark_routine(self, event: Event, story: dict[str, Any], when: float) -> None:
        """Take back the day this event's story alone marked for its type in its country: the report was
        another type's event, reported later ("Pakistan says 26 civilians killed in India's deepest
        strikes", typed a drone strike, the missile strikes' update), so the country did not see its type
        that day, and a drone attack on Lahore the next day is no routine."""
        routine = story.get("routine") or {}
        if not routine.get("marked"):
            return
        key = _days_key(event.type, routine["country"])
        today = int(when // 86400)
        days = [d for d in self.store.get(key) or [] if d != today]
        self.store[key] = days
        routine["marked"] = False

    def _scopes(self, event: Event, story: dict[str, Any], when: float, *, own_country: bool = True) -> None:
        """Mark the event's scopes seen; a scope new to the story counts as novel if unseen before.

        Without ``own_country`` (a part of a story alerted in another country), the event's day does not
        count toward its country's routine."""
        routine = self._routine(event, when, mark=own_country)
        if story.get("routine") is None:  # a first report without a country says nothing of routine
            story["routine"] = routine
        lookback = self.config.new_type_lookback.total_seconds()
        cfg = self.config
        deadly = event.magnitude.get("killed", 0) >= 1 and event.severity >= cfg.deadly_first_min_severity
        alertable = deadly or event.severity >= cfg.min_severity or self._outbreak_first(event)
        # A hazard measured with no harm told pages no desk, so it makes no country or world seen for
        # the first report of the same event's dead.
        alertable = alertable and self._no_harm_yet(event, story) is None
        family = family_of(event.type)
        country = affected_country(event)
        if deadly and country and family in conflict_families():
            self.store[f"{family}|deadly_in|{country}"] = {
                "at": max(when, (self.store.get(f"{family}|deadly_in|{country}") or {}).get("at", when)),
                "type": event.type,
                "source": event.source,
                "url": event.url,
                "region": region_scope(event),
                "killed": event.magnitude.get("killed", 0),
            }
        for scope in scopes(event):
            key = f"{family_of(event.type)}|seen|{scope}"
            stored = self.store.get(key)
            # A report read as two events of a family (a flood and its evacuations): the one assessed
            # first marks the scope seen, but for the other the scope is as new as it was before the
            # report. What was seen before it is kept with the report that marked it.
            by = self.store.get(f"{family_of(event.type)}|seen_by|{scope}")
            sibling = by is not None and by["article"] == event.article_id
            last = by["previous"] if sibling and by is not None else stored
            broad = scope == "global" or scope.startswith("country:")
            serious_key = f"{family_of(event.type)}|seen_alertable|{scope}"
            if deadly and broad:
                # The country's first deadly flood is news though thousands were evacuated two days
                # before: a sighting that could page no desk (no death, below the severity floor) does
                # not make a deadly event's country or world seen.
                last = self.store.get(serious_key)
            if broad and alertable:
                previous_serious = self.store.get(serious_key)
                if previous_serious is None or when > previous_serious:
                    self.store[serious_key] = when
            if scope not in story["scopes"]:
                story["scopes"].append(scope)
                if last is None or when - last > lookback:
                    story["novel"].append(
                        {"scope": scope, "last_seen": iso(last) if last is not None else None}
                    )
            if stored is None or when > stored:
                if not sibling:
                    self.store[f"{family_of(event.type)}|seen_by|{scope}"] = {
                        "article": event.article_id,
                        "previous": stored,
                    }
                self.store[key] = when

    def _no_harm_yet(self, event: Event, story: dict[str, Any]) -> str | None:
        """The agency a report speaks for when it counts no one, tells of no harm and speaks only for an
        agency that measures the hazard ("A magnitude 6.8 earthquake struck ..., the US Geological Survey
        said"), or None. Such a report is a hazard measured, often from abroad hours before any toll: the
        first pages on the first report of harm, which a desk can act on. A later report of a story held so
        that still counts no one and tells of no harm ("Agencies differ on the quake's size: 6.8, 6.9 or
        7.0") is the same measurement, whoever it speaks for. Outbreaks are counted in cases, not harm, and
        keep their own floor (``outbreak_first_min_severity``)."""
        if self.config.first_before_harm or event.type in OUTBREAK_TYPES:
            return None
        if any(m in event.magnitude for m in (*self.config.escalation_metrics, "wounded")):
            return None
        if tells_of_harm(event):
            return None
        if story.get("measured_only"):
            return "a later report of a hazard measured, still with no harm told"
        return measured_by_agency(event)

    def _outbreak_first(self, event: Event) -> bool:
        """Whether the event's first in a country or the world may page below the usual severity: an
        outbreak (``OUTBREAK_TYPES``) of at least ``outbreak_first_min_severity`` that the report says was
        confirmed or declared ("Malawi confirms cholera case"; not a suspected case, nor travellers who
        tested negative)."""
        return (
            event.type in OUTBREAK_TYPES
            and event.severity >= self.config.outbreak_first_min_severity
            and declares_outbreak(event)
        )

    # -- rules ---------------------------------------------------------------------------------------
    def _rules(
        self,
        event: Event,
        story: dict[str, Any],
        beaten: list[dict[str, Any]],
        series_prev: dict[str, dict[str, Any]],
        when: float,
        now: datetime | None,
        outcome: Outcome,
    ) -> None:
        cfg = self.config
        severe = event.severity >= cfg.min_severity
        deadly = event.severity >= cfg.deadly_first_min_severity and event.magnitude.get("killed", 0) >= 1
        claim_ok = event.severity >= cfg.first_claim_min_severity
        low = f"severity {event.severity} < {cfg.min_severity} (HERALD_NOVELTY_MIN_SEVERITY)"
        low_claim = (
            f"severity {event.severity} < {cfg.first_claim_min_severity} "
            "(HERALD_NOVELTY_FIRST_CLAIM_MIN_SEVERITY)"
        )
        fired: list[Alert] = []
        other_type = self.recent.same_article(event)
        if other_type and not story["rules"]:
            # One real-world event, one page: the report's other event already alerted in the family.
            outcome.hold("any", "same_event_other_type", other_type)
            # And the story stays that event's part: a later report of it alone ("Death toll from Russian
            # attack on Kyiv rises to six", read as the barrage's missiles only) speaks for that story.
            story.setdefault("part_of", self.recent.same_article_story(event))
        elif speaks_for_another(story):
            # Its reports went out as another story's updates: that event's first is paged ("First
            # cholera cases confirmed in Port-au-Prince", in the story that carried Haiti's rising toll).
            outcome.hold("new_type", "follow_up", "the story's reports update another story's alert")
        elif "new_type" not in story["rules"]:
            first = claim_of(event, "first")
            record_claim = claim_of(event)
            conceded = concedes_higher(event, record_claim, series_prev) if record_claim else None
            routine = self._routine_hold(event, story, when, conceded) if story["novel"] else None
            nearby = (
                self.recent.alerted_in_country(event, story, when) if story["novel"] and not routine else None
            )
            broad = bool(story["novel"]) and not story["novel"][0]["scope"].startswith(("region:", "place:"))
            serious = severe or ((deadly or self._outbreak_first(event)) and broad)
            scope_first = bool(story["novel"]) and serious and routine is None and nearby is None
            if scope_first and not broad and story["rules"]:
                # The story paged already (a record): the same event reaching another town of the country
                # ("Floods kill 143; towns on the Lagoa dos Patos told to evacuate") is its update, not a
                # place first of its own.
                outcome.hold("new_type", "story_alerted", "a region or place first of a story that alerted")
                scope_first = False
            at_war = self._conflict_in_country(event, when) if scope_first else None
            if at_war:
                outcome.hold("new_type", "conflict_in_country", at_war)
                scope_first = False
            cause = self.recent.cause_in_country(event, when) if scope_first else None
            if cause:
                # People fleeing a border war that paged: its part, told from another capital.
                outcome.hold("new_type", "part_of_alerted_event", cause)
                scope_first = False
            placed = where(event)
            unplaced = cfg.first_needs_country and (placed is None or not placed.country_code)
            if scope_first and unplaced:
                # A first nobody can place pages no desk: Yambali unresolved, "tribal fighting" and
                # "four bodies recovered" read as the world's first armed clash in a month.
                outcome.hold("new_type", "no_country", "the event is placed in no country")
                scope_first = False
            unharmed = self._no_harm_yet(event, story) if scope_first else None
            if unharmed:
                # Its scopes are weighed again on the story's first report of harm, against what the
                # country has seen by then: a report of the same quake's dead, alerted meanwhile in
                # another story, makes them seen.
                story["measured_only"] = True
                story["novel"], story["scopes"] = [], []
                outcome.hold(
                    "new_type",
                    "no_harm_yet",
                    f"counts no one, tells of no harm and speaks for a measuring agency only: {unharmed!r} "
                    "(HERALD_NOVELTY_FIRST_BEFORE_HARM)",
                )
                scope_first = False
            if story["novel"] and not serious:
                outcome.hold("new_type", "low_severity", low)
            elif routine:
                outcome.hold("new_type", "routine_in_country", routine)
            elif nearby:
                outcome.hold("new_type", "alerted_in_country", nearby)
            if first and not claim_ok:
                outcome.hold("new_type", "low_severity", f"claimed first: {low_claim}")
                first = None
            region = first_claimed_for_region(event, first["sentence"]) if first and not severe else None
            if region:
                # "Florida reports its first cholera case linked to Haiti's outbreak": a state's first,
                # in a country that sees imported cases; a region first below HERALD_NOVELTY_MIN_SEVERITY
                # is no news, claimed or not.
                outcome.hold(
                    "new_type", "region_claim", f"claims a first for {region}, not its country: {low}"
                )
                first = None
            if scope_first or first:
                fired.append(
                    new_type_alert(self.config, event, story, first if claim_ok else None, scope_first, now)
                )
                if first:
                    self.recent.remember_first_claim(event, when)
        if "record" not in story["rules"]:
            claim = claim_of(event)
            ignored = [b["metric"] for b in beaten if b["metric"] in cfg.record_ignored_metrics]
            if ignored:
                beaten = [b for b in beaten if b["metric"] not in cfg.record_ignored_metrics]
                outcome.hold(
                    "record",
                    "ignored_metric",
                    f"{', '.join(ignored)}: no record by it (HERALD_NOVELTY_RECORD_IGNORED_METRICS)",
                )
            if claim and text_sums_countries(claim["sentence"]):
                # A storm that crossed borders is one event per country: a record claimed over their sum
                # ("the deadliest storm in the region this year", six countries counted) is none's.
                outcome.hold(
                    "record", "sum_of_countries", f"the claim sums several countries: {claim['sentence']!r}"
                )
                claim = None
            measure = measure_claim(event) if claim is None else None
            if measure:
                outcome.hold("record", "claim_of_a_measure", measure)
            if beaten and not severe:
                outcome.hold("record", "low_severity", low)
                beaten = []
            cause = self.recent.cause_in_country(event, when) if beaten and not claim else None
            if cause:
                outcome.hold("record", "part_of_alerted_event", cause)
                beaten = []
            if beaten and not claim and self._part_of_deadly_report(event):
                # "Floods kill 143; towns on the Lagoa dos Patos told to evacuate": the people moved out are
                # the floods' count, and the floods' own event of the report speaks for it.
                outcome.hold(
                    "record",
                    "part_of_deadly_event",
                    f"{event.type} counted in a report whose headline tells of the dead of what caused it",
                )
                beaten = []
            if claim and not (severe or deadly):
                # A deadly event's own record claim pages from the severity its first would: "Two dead in
                # Eaton fire; Palisades blaze the most destructive in Los Angeles history", at 3.
                outcome.hold("record", "low_severity", f"claimed record: {low}")
                claim = None
            if claim and not beaten and self.recent.record_retold(event, when):
                outcome.hold(
                    "record",
                    "retelling",
                    "a record claim within HERALD_NOVELTY_RETELLING_HOURS of another story's record "
                    "alert of the same type and country, reporting nothing bigger",
                )
                claim = None
            conceded = concedes_higher(event, claim, series_prev) if claim and not beaten else None
            if conceded:
                outcome.hold("record", "claim_concedes_higher", conceded)
                claim = None
            below = ranks_below_record(event) if beaten and not claim else None
            if below:
                outcome.hold(
                    "record", "below_record", f"the report ranks the event below a record: {below!r}"
                )
                beaten = []
            follow_up = None
            tolls = [b for b in beaten if b["metric"] in cfg.escalation_metrics]
            if tolls and not claim:
                follow_up = self._follow_up(event, story, tolls[0], when, now, outcome)
            if follow_up is not None:
                fired.extend(follow_up)
                if follow_up:
                    fired = self._local_first_superseded(story, fired, outcome)
                fired = self._first_of_follow_up(story, fired, outcome, updated=bool(follow_up))
            elif other_type and not story["rules"]:
                pass
            elif beaten and not claim and not cfg.record_after_first and self._scope_first(story, fired):
                outcome.hold(
                    "record",
                    "first_instead",
                    f"{beaten[0]['metric']} {beaten[0]['value']:g} beats {beaten[0]['previous']:g}, but the "
                    "event paged as a first: its rising toll goes out as updates "
                    "(HERALD_NOVELTY_RECORD_AFTER_FIRST)",
                )
            elif beaten or claim:
                fired.append(record_alert(event, beaten, series_prev, claim, now))
                self.recent.remember_record(event, when)
                fired = self._local_first_superseded(story, fired, outcome)
                if claim and not severe:
                    fired = self._deadly_first_superseded(story, fired, outcome)
        # A record ranks the event; its report's risen toll is the story's update all the same ("274 dead
        # at Soma, Turkey's worst mining disaster on record", after the alerted 238). A first or another
        # story's update on the report stands alone.
        records_only = all(a.rule == "record" and a.update_of is None for a in fired)
        if records_only and story["alerted"] is not None and (severe or deadly):
            update = self._escalation(event, story, when, now, outcome)
            if update is not None:
                fired.append(update)
        for alert in fired:
            _keep(story, alert)
        if fired:
            story["alerted"] = self._level(event, story, when)
            # An update's count too: a later retelling repeats it.
            self.recent.remember_alert(event, when, update=all(a.update_of for a in fired))
        outcome.alerts.extend(fired)

    def _conflict_in_country(self, event: Event, when: float) -> str | None:
        """Why a first of a conflict family is no news where another conflict family killed within
        ``conflict_seen_window``, or None: a war's air strikes after its deadly ground fighting (or the
        reverse) are its next turn. A report that says the toll rose ("Cambodian civilian death toll in
        border conflict rises to 17", nine days after four civilians died as fighting resumed) tells of
        a conflict already under way: for it the window is ``country_toll_window``, the span a
        country's running toll is read as the alerted event's."""
        window = self.config.conflict_seen_window
        family = family_of(event.type)
        country = affected_country(event)
        if window is None or country is None or family not in conflict_families():
            return None
        if says_toll_rose(event):
            window = max(window, self.config.country_toll_window)
        region = region_scope(event)
        for other in sorted(conflict_families() - {family}):
            prior = self.store.get(f"{other}|deadly_in|{country}")
            if prior and self._small_and_elsewhere(prior, region):
                continue
            if prior and 0 <= when - prior["at"] <= window.total_seconds():
                return (
                    f"{country} saw a deadly {prior['type']} {iso(prior['at'])[:16]} ({prior['source']}, "
                    f"{prior['url']}): the same conflict (HERALD_NOVELTY_CONFLICT_SEEN_DAYS)"
                )
        return None

    def _small_and_elsewhere(self, prior: dict[str, Any], region: str | None) -> bool:
        """Whether a deadly conflict event is too small and too far to make another region's event its
        conflict's next turn: shelling that killed two in a border region does not make gunmen firing on
        a concert audience near the capital, days later, part of the same war. Fighting that killed at
        least ``conflict_seen_elsewhere_min_killed`` keeps the whole country seen."""
        floor = self.config.conflict_seen_elsewhere_min_killed
        if floor is None or region is None or not prior.get("region") or prior["region"] == region:
            return False
        return bool(prior.get("killed", floor) < floor)

    def _scope_first(self, story: dict[str, Any], fired: list[Alert]) -> bool:
        """Whether the story raised (or this report raises) a first in its country or the world, not a
        claimed one: the page the event already got, so a count beating the country's series is not a
        second one. A region or place first yields to the record instead (``_local_first_superseded``)."""
        if any(_country_first(a.rule, a.update_of, a.evidence) for a in fired):
            return True
        if "new_type" not in story["rules"]:
            return False
        stored = story["alerts"][story["rules"]["new_type"]]
        if self.config.record_after_local_first:
            return _country_first(stored["rule"], stored.get("update_of"), stored.get("evidence"))
        return _scope_first_alert(stored["rule"], stored.get("update_of"), stored.get("evidence"))

    def _local_first_superseded(
        self, story: dict[str, Any], fired: list[Alert], outcome: Outcome
    ) -> list[Alert]:
        """The alerts without a region or place first that a record of the same event makes redundant.

        Such a first alerts where the type is routine in the country only because the event is deadly
        (``local_min_killed``), or where the country saw the family but not the type (Kerman's twin
        bombings, the first attack on civilians in Kerman a month after a police ambush typed an armed
        clash); when the same report also raises a record (or updates the alert of the event it is a
        later report of), that says it better, and one real-world event pages once. A first in the
        country or the world, or a claimed first, stays.
        """
        first = next((a for a in fired if a.rule == "new_type"), None)
        if first is None or first.evidence.get("trigger") != "scope" or "claim" in first.evidence:
            return fired
        broadest = story["novel"][0]["scope"]
        if not broadest.startswith(("region:", "place:")):
            return fired
        routine = story.get("routine")
        country = routine["country"] if routine else "the country"
        outcome.hold(
            "new_type",
            "record_instead",
            f"first in {describe_scope(broadest)}, but {country} has seen the family; the same report "
            "raises a record or updates the event's alert, which says it better",
        )
        story["novel"] = []  # spent: a later report of the story does not raise it either
        return [a for a in fired if a is not first]

    def _deadly_first_superseded(
        self, story: dict[str, Any], fired: list[Alert], outcome: Outcome
    ) -> list[Alert]:
        """The alerts without a first that pages below ``min_severity`` only because the event killed,
        when the same report claims a record for the event: "Two dead in Eaton fire; Palisades blaze the
        most destructive in Los Angeles history" pages once, as the record it claims. A claimed first
        stays."""
        first = next((a for a in fired if a.rule == "new_type"), None)
        if first is None or first.evidence.get("trigger") != "scope" or "claim" in first.evidence:
            return fired
        outcome.hold(
            "new_type",
            "record_instead",
            f"first in {describe_scope(story['novel'][0]['scope'])} only because the event killed; the same "
            "report claims a record for it, which says it better",
        )
        story["novel"] = []
        return [a for a in fired if a is not first]

    def _part_of_deadly_report(self, event: Event) -> bool:
        """Whether the event is a consequence (people moved out) counted by a report whose headline tells
        of the dead of the event that caused it: that event is the report's news, not its evacuees."""
        if event.type not in consequence_types() or event.magnitude.get("killed"):
            return False
        return tells_of_deaths(event.model_copy(update={"sentences": []})) is not None

    def _first_of_follow_up(
        self, story: dict[str, Any], fired: list[Alert], outcome: Outcome, *, updated: bool = False
    ) -> list[Alert]:
        """The alerts without a first in any scope from a later report of an alerted event: its report
        weeks on ("revised to 600") finds the country quiet since, but the event is not new. A claimed
        first stays, unless the report also updates that event (``updated``): "Islamabad raised the toll
        from the overnight Indian strikes to 26 ...; the attacks on Bahawalpur and Muridke are the first
        Indian strikes on Pakistan's Punjab heartland since the 1971 war" is the alerted strikes' update,
        and its first is theirs, not a second page."""
        first = next((a for a in fired if a.rule == "new_type" and a.update_of is None), None)
        if first is None:
            return fired
        claimed = first.evidence.get("trigger") != "scope" or "claim" in first.evidence
        if claimed and not updated:
            return fired
        if claimed:
            outcome.hold(
                "new_type",
                "follow_up",
                "claimed first, but the same report updates the event it is a later report of",
            )
            return [a for a in fired if a is not first]
        outcome.hold(
            "new_type",
            "follow_up",
            f"first in {describe_scope(story['novel'][0]['scope'])}, but the report is a later one of an "
            "event already alerted",
        )
        story["novel"] = []
        return [a for a in fired if a is not first]

    def _turned_deadly(self, event: Event, last: dict[str, Any]) -> bool:
        """Whether the event's dead are news since its alerts: none of the reports they rest on told of
        anyone dead ("Rwanda declares an outbreak of Marburg virus disease", then "Six die of Marburg in
        Rwanda"), the event is one that goes on being counted (not a war's: a strike's first report often
        leaves out the two dead its wire retelling gives an hour later), the headline tells of the dead
        (not "Thailand reports Asia's first case of the new mpox strain", whose "537 deaths" are Congo's,
        background), and the report places them in no other country than the event's."""
        if not last.get("deathless") or family_of(event.type) in conflict_families():
            return False
        if tells_of_deaths(event.model_copy(update={"sentences": []})) is None:
            return False
        country = affected_country(event)
        return toll_countries(event, ("killed",)) <= ({country} if country else set())

    def _level(self, event: Event, story: dict[str, Any], when: float) -> dict[str, Any]:
        """What the story's alerts have said so far: escalation is measured against it."""
        last = story["alerted"] or {"severity": 0, "magnitude": {}, "level": -1, "reported": when}
        magnitude = dict(last["magnitude"])
        for metric, value in counts_of_the_event(event).items():
            magnitude[metric] = max(value, magnitude.get(metric, value))
        return {
            "severity": max(event.severity, last["severity"]),
            # Whether every report the alerts rest on told of no one dead (``_escalation``).
            "deathless": last.get("deathless", story["alerted"] is None) and tells_of_deaths(event) is None,
            "magnitude": magnitude,
            "level": last["level"] + 1,
            # The bodies the reports the alerts rest on gave their counts on: a smaller rise from one of
            # them is the event escalating (``_escalation``).
            "authorities": sorted(set(last.get("authorities") or ()) | authorities_cited(event))[
                :STORY_AUTHORITIES
            ],
            "at": iso(when),
            "reported": max(when, last.get("reported", when)),
        }

    def _routine_hold(
        self,
        event: Event,
        story: dict[str, Any],
        when: float,
        conceded: str | None = None,
    ) -> str | None:
        """Why a region or place first is not news, or None when it is.

        A first in a region or place is news when the country has not seen the type on
        ``routine_min_days`` of the last ``routine_window`` days, or when the event is severe enough on
        its own: ``local_min_killed`` killed. Not classify's severity: its 5 goes to ordinary nights of
        a war (a 130-drone night with one dead). Nor when the report itself ranks the event below an
        earlier one in the country (``conceded``: "the deadliest attack since Barsalogho, in which up
        to 600 were killed", on an attack with 25 dead), nor when another event of the family killed as
        many in the country within ``routine_high_window`` (a quake killing 15 in Herat three weeks after
        floods killed 30 in Badghis): the country is used to such tolls, and the event is news as a
        record, which the record rule pages once its toll beats the country's high. A first in the
        country or the world always is news.
        """
        broadest = story["novel"][0]["scope"]
        if not broadest.startswith(("region:", "place:")):
            return None
        routine = story.get("routine")
        cfg = self.config
        if routine is None or routine["days"] < cfg.routine_min_days:
            return None
        killed = event.magnitude.get("killed", 0.0)
        high_window = max(cfg.routine_window, cfg.routine_high_window)
        killed_high = self.series.high_since(event, "killed", when - high_window.total_seconds())
        outdone = killed_high is not None and killed_high["value"] >= killed
        if killed >= cfg.local_min_killed and not conceded and not outdone:
            return None
        if outdone and not conceded and killed_high is not None:
            return (
                f"first in {describe_scope(broadest)}, but {routine['country']} saw {event.type} on "
                f"{routine['days']} other day{'s' if routine['days'] != 1 else ''} within "
                f"{routine['window_days']} days, and {killed:g} killed does not beat the country's high "
                f"of {killed_high['value']:g} ({killed_high['at'][:10]}, "
                f"{killed_high.get('title') or 'no title'})"
            )
        if conceded:
            return (
                f"first in {describe_scope(broadest)}, but {routine['country']} saw {event.type} on "
                f"{routine['days']} other day{'s' if routine['days'] != 1 else ''} within "
                f"{routine['window_days']} days, and the report ranks the event below an earlier one: "
                f"{conceded}"
            )
        return (
            f"first in {describe_scope(broadest)}, but {routine['country']} saw {event.type} on "
            f"{routine['days']} other day{'s' if routine['days'] != 1 else ''} within "
            f"{routine['window_days']} days "
            f"(routine from {cfg.routine_min_days}, HERALD_NOVELTY_ROUTINE_MIN_DAYS) and {killed:g} killed "
            f"< {cfg.local_min_killed:g} (HERALD_NOVELTY_LOCAL_MIN_KILLED)"
        )

    def _follow_up(
        self,
        event: Event,
        story: dict[str, Any],
        main: dict[str, Any],
        when: float,
        now: datetime | None,
        outcome: Outcome,
    ) -> list[Alert] | None:
        """The event's record beats the count of a story alerted within the retelling window: most
        likely a later report of that event that story grouping split off (a rising toll under a new
        headline). It escalates that story (an update of its alert) rather than raising a record. Only
        for tolls (``escalation_metrics``): a higher count of drones the next night is a new barrage.

        A story that already went out as the beaten story's update is its later report however long
        after: cholera's toll 138 -> 194 was an update of the outbreak's first, and the same story's 303
        five days on is the next update, not a record beating 138.

        Returns the alerts it raises (none when the rise is too small or a revision down), or None when
        the beaten story did not alert recently.
        """
        key = f"{main.get('previous_type') or event.type}|story|{main.get('previous_story')}"
        other = copy.deepcopy(self.store.get(key))
        if other is not None and not other.get("order") and other.get("follows"):
            # The beaten count is a report that was itself the alerted story's later report, too small a
            # rise to page ("nearly 300" after the alerted 296): the toll beating it rises from that story.
            key = other["follows"]
            other = copy.deepcopy(self.store.get(key))
        if other is None or other.get("alerted") is None or not other["order"]:
            return None
        if tells_of_another_event(event, {main["metric"]: main["previous"]}):
            return None  # a new event recalling the beaten one: its own record, not that story's update
        since = when - other["alerted"].get("reported", 0.0)
        if _updates(story, other):
            why = "of the story this one already updated"
        elif since <= self.config.retelling_window.total_seconds():
            why = "of a story alerted within HERALD_NOVELTY_RETELLING_HOURS"
        else:
            # Weeks on, only a report that tells of the event as past and names its place is its
            # later report ("revised to 600 ... the August attack on Barsalogho"); a bigger event at
            # the same place is not.
            past = (
                tells_of_past_event(event) if since <= self.config.revision_window.total_seconds() else None
            )
            place = (
                (names_place(event, other.get("places") or []) or in_region(event, other)) if past else None
            )
            if place is None:
                return None
            why = f'of a story alerted {since / 86400:.0f} days before, told of as past ("{past}", {place})'
        if since <= self.config.retelling_window.total_seconds() and key.split("|", 1)[0] != event.type:
            # The same event retold within hours and typed otherwise: its type was not seen that day.
            self._unmark_routine(event, story, when)
        outcome.hold(
            "record",
            "follow_up",
            f"beats {main['previous']:g} {why} "
            f"({main['previous_source']}, {main['previous_url']}): the same event, reported later",
        )
        if not story["alerts"]:
            story["follows"] = key
        update = self._escalation(event, other, when, now, outcome)
        if update is None:
            return []
        _keep(other, update)
        other["alerted"] = self._level(event, other, when)
        self.store[key] = other
        return [update]

    def _escalation(
        self, event: Event, story: dict[str, Any], when: float, now: datetime | None, outcome: Outcome
    ) -> Alert | None:
        """An update when the event itself escalated: a toll (``escalation_metrics``) rises enough over
        what the last alert said or, when it said none, over what the story's earlier reports said, in
        a report published after the alerted one. A smaller rise of the dead counts when the body that
        gave the alerted count raises it in words of a rise (``_same_authority_rise``).

        A count no earlier report gave ("killed none -> 1") is how another outlet's wording was read,
        not a change in the world; nor is a higher severity on its own; nor a report published before
        the alerted one (a retelling that arrived late).
        """
        last = story["alerted"]
        factor = 1.0 + self.config.escalation_min_increase
        counts = story.get("counts") or {}
        if self._part_of_deadly_report(event):
            # "Flood toll reaches 100 as rain returns; 163,000 displaced": the people moved out are the
            # floods' count, and the report's deadly event speaks for it (its update, not theirs).
            return None
        killed, high = event.magnitude.get("killed"), last["magnitude"].get("killed", counts.get("killed"))
        if killed is not None and high is not None and killed < high:
            # "Civil defence lowers flood toll to 147 after two deaths counted twice", with more missing:
            # a report that revises the dead down recounts the event; none of its counts escalates it.
            outcome.hold("update", "lower_revision", f"killed {killed:g} < {high:g} the story counted")
            return None
        rises: dict[str, dict[str, Any]] = {}
        for metric, value in sorted(event.magnitude.items()):
            if metric not in self.config.escalation_metrics:
                continue
            before = last["magnitude"].get(metric, counts.get(metric))
            if before is None:
                # The wording speaks of the death toll ("the toll rises to four"), not of the missing.
                rose = says_toll_rose(event) if value > 0 and metric == "killed" else None
                if not rose and value > 0 and metric == "killed" and self._turned_deadly(event, last):
                    rose = "the story's alerted reports told of no deaths"
                if rose:
                    # The report itself says the toll went up ("rises to four"): the alerted report
                    # told of deaths without a number, and this is more of them, not a better reading.
                    rises[metric] = {"previous": None, "value": value, "sentence": rose}
                elif value > 0:
                    why = f"{metric} {value:g}: the story's earlier reports gave no {metric} count"
                    outcome.hold("update", "new_count", why)
                continue
            if value > before and value >= before * factor:
                rises[metric] = {"previous": before, "value": value}
            elif metric == "killed" and value > before:
                rise = self._same_authority_rise(event, last, before, value, outcome)
                if rise is not None:
                    rises[metric] = rise
        if not rises:
            return None
        other = tells_of_another_event(event, {m: r["previous"] for m, r in rises.items() if r["previous"]})
        if other:
            # Joined to the story by country, place or family, but a distinct event that recalls this
            # one: its own count is not this event's toll rising.
            outcome.hold("update", "new_event", other)
            return None
        if when <= last.get("reported", float("-inf")):
            outcome.hold("update", "earlier_report", "published before the report the last alert rests on")
            return None
        first_id = story["order"][0]
        first = story["alerts"][first_id]
        if first.get("update_of"):  # a story that began as another story's follow-up updates that alert
            first_id = first["update_of"]
        level = last["level"] + 1
        parts = [
            f"{metric} {rise['previous']:g} -> {rise['value']:g}"
            if rise["previous"] is not None
            else f"{metric} rose to {rise['value']:g}"
            for metric, rise in rises.items()
        ]
        text = (
            f"Update: the story escalates ({'; '.join(parts)}). {len(story['sources']) + 1} sources so far."
        )
        changes: dict[str, Any] = {"magnitude": rises}
        if event.severity > last["severity"]:
            changes["severity"] = {"previous": last["severity"], "value": event.severity}
        evidence: dict[str, Any] = {"escalation": changes, "level": level, "previous_at": last["at"]}
        metric, rise = next(iter(rises.items()))
        evidence.update(metric=metric, value=rise["value"], previous=rise["previous"])
        urls = [event.url, *[u for u in story["sources"] if u != event.url]][:5]
        alert = build_alert(
            event, first["rule"], update_id(event.story_id, first["rule"], level), text, evidence, now, urls
        )
        alert.update_of = first_id
        return alert

    def _days_later(self, event: Event, last: dict[str, Any]) -> bool:
        """Whether the event comes ``escalation_later_rise_after`` or more after the report the story's
        last alert rests on (off when that setting is None)."""
        after = self.config.escalation_later_rise_after
        reported = last.get("reported")
        if after is None or reported is None:
            return False
        return event.published.timestamp() - reported >= after.total_seconds()

    def _same_authority_rise(
        self, event: Event, last: dict[str, Any], before: float, value: float, outcome: Outcome
    ) -> dict[str, Any] | None:
        """A rise of the dead below the update floor that is the event escalating all the same: a body
        that gave a count the story's alerts rest on (``last["authorities"]``: "the civil defence said")
        gives a higher one, at least ``escalation_same_authority_min_increase`` higher, and the report
        says the toll rose ("Rio Grande do Sul flood deaths rise to 149 ..., civil defence said", two
        days after its 143). Another outlet's or another body's figure hours later ("Iran port explosion
        toll rises to 46", the crisis department's count after the governor's 40), a retold "at least
        32" or a prime minister's "more than 209" is the count settling and stays quiet (held as
        ``below_floor``). So is a rise from any body that comes days on and adds at least
        ``escalation_later_rise_min_added`` dead (``escalation_later_rise_after``): the search still
        finding the dead ("Official Wayanad toll rises to 222 ...", three days after the minister's 210).
        """
        floor = f"{value:g} < {before:g} x {1.0 + self.config.escalation_min_increase:g}"
        if value < before * (1.0 + self.config.escalation_same_authority_min_increase):
            outcome.hold("update", "below_floor", f"killed {floor} (HERALD_NOVELTY_ESCALATION_MIN_INCREASE)")
            return None
        shared = sorted(authorities_cited(event) & set(last.get("authorities") or ()))
        rose = says_toll_rose(event) if shared else None
        if (
            not rose
            and value - before >= self.config.escalation_later_rise_min_added
            and self._days_later(event, last)
        ):
            rose = says_toll_rose(event)
            if rose:  # the search still finding the dead days on, whoever counts them now
                return {"previous": before, "value": value, "sentence": rose}
        if not rose:
            why = "no body the last alerted report cited" if not shared else "no wording of a rise"
            outcome.hold("update", "below_floor", f"killed {floor}, {why}")
            return None
        return {"previous": before, "value": value, "sentence": rose, "authority": shared[0]}


def in_region(event: Event, story: dict[str, Any]) -> str | None:
    """The region among the story's places that the event is placed in, or None: "the June 30 blast at
    Sigachi Industries", told from a hospital town of the region whose plant blew up a week before."""
    loc = event.location
    region = loc.admin1.lower() if loc is not None and loc.admin1 else None
    return region if region and region in (story.get("places") or []) else None


def add_places(story: dict[str, Any], event: Event) -> None:
    """Note the event's place and region (lower-case; not a whole country) among the story's places:
    a report weeks later that names one of them ("the August attack on Barsalogho") tells of it."""
    loc = event.location
    if loc is None or loc.kind == "country":
        return
    places: list[str] = story.setdefault("places", [])
    for name in (loc.name, loc.admin1):
        if name and name.lower() not in places and len(places) < STORY_PLACES:
            places.append(name.lower())


def speaks_for_another(story: dict[str, Any]) -> bool:
    """Whether the story raised no alert of its own but updates of another story's (a follow-up split
    off by story grouping)."""
    alerts = (story.get("alerts") or {}).values()
    return not story.get("rules") and any(a.get("update_of") for a in alerts)


def _updates(story: dict[str, Any], other: dict[str, Any]) -> bool:
    """Whether ``story`` already raised an update of ``other``'s alert (a follow-up split off by grouping),
    or of the alert ``other`` itself updates: two follow-ups of one alerted story are one event's reports."""
    alerted = set(other.get("order") or [])
    alerted |= {a["update_of"] for a in (other.get("alerts") or {}).values() if a.get("update_of")}
    return any(a.get("update_of") in alerted for a in (story.get("alerts") or {}).values())


def _scope_first_alert(rule: str, update_of: str | None, evidence: dict[str, Any] | None) -> bool:
    """A first of its scope at any level (the world, a country, a region, a place), not a claimed one."""
    evidence = evidence or {}
    scoped = evidence.get("trigger") == "scope" and "claim" not in evidence
    return rule == "new_type" and not update_of and scoped


def _country_first(rule: str, update_of: str | None, evidence: dict[str, Any] | None) -> bool:
    """A first of its scope in a country or the world, not a claimed one: an Alert's fields or the
    same fields of one stored in a story."""
    scopes_ = (evidence or {}).get("scopes") or ()
    return _scope_first_alert(rule, update_of, evidence) and any(
        sc == "global" or sc.startswith("country:") for sc in scopes_
    )


def _keep(story: dict[str, Any], alert: Alert) -> None:
    """Add an alert the story raised to its memory: by id, in order, and (a first or a record, not an
    update) as the alert of its rule."""
    story["alerts"][alert.id] = alert.model_dump(mode="json")
    story["order"].append(alert.id)
    if alert.update_of is None:
        story["rules"][alert.rule] = alert.id


def _days_key(event_type: str, country: str) -> str:
    """The store key of the days a country saw a type (``NoveltyDetector._routine``)."""
    return f"{event_type}|days|{country}"
