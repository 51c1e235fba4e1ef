"""What the novelty rules remember of recent alerts, to tell a retelling from a new event.

Story grouping splits one real-world event into several stories now and then (an outlet that placed
a barrage in the attacker's country, a rising toll under a new headline, one report read as two
events of a family). These records, kept per family or type in the novelty store and bounded in
time (``retelling_window``) and size, let the rules page once for such an event:

* ``{family}|alerted``: the stories alerted lately, with their counts and country;
* ``families|alerted``: the families that ever alerted (for another family's toll);
* ``{family}|articles``: the reports whose event alerted, for the report's other events;
* ``{type}|claim|{country}``: the last record alert of a type in a country;
* ``{type}|first_claim|{country}``: the last claimed first of a type in a country.
"""

from __future__ import annotations

import re
from collections.abc import MutableMapping
from typing import Any

from herald.core.countries import country_names
from herald.core.families import all_families, conflict_families, consequence_types, family_of
from herald.core.records import Event

from .novelty_config import NoveltyConfig, iso
from .novelty_scopes import affected_country, describe_scope, where
from .novelty_wording import (
    centred_in,
    claimed_first_countries,
    country_toll_sentence,
    dead_nationalities,
    names_place,
    place_named_in,
    says_toll_rose,
    tells_of_another_event,
    toll_countries,
)

RECENT_ALERTS = 32  # alerted stories per family kept to recognise a retelling split off into a new story
RECENT_ARTICLES = 256  # reports per family whose event alerted, for their other events of the family
# The families that have alerted, listed or not ("industrial_accident" is a family of its own): where to
# look for another family's toll.
ALERTED_FAMILIES = "families|alerted"
RETOLD_MIN_COUNT = 10  # below this, two stories sharing a count ("1 killed") says nothing
# The people who left their homes, as one outlet or another words it: "40,000 residents have been moved to
# shelters" (evacuated) and "40,000 displaced" are one count.
MOVED = ("evacuated", "displaced")
# A hazard's own measure, not a count: two earthquakes alerted within a day rarely share a magnitude to
# the tenth, so a 7.3 is the same quake whatever its toll ("USGS scientists in Golden track aftershocks
# from South Pacific quake", placed in Colorado, retells Vanuatu's 7.3).
MEASURES = ("magnitude",)


class RecentAlerts:
    """The recent-alert records in the novelty store: checks against them and the writes that keep them."""

    def __init__(self, store: MutableMapping[str, Any], config: NoveltyConfig) -> None:
        self.store = store
        self.config = config

    def retold(self, event: Event, when: float) -> tuple[str, dict[str, Any]] | None:
        """Another story of the type alerted within the retelling window with the same count (at least
        ``RETOLD_MIN_COUNT``, within 1 %) or the same measure (``MEASURES``, any size): the same event,
        retold where story grouping split it off —
        e.g. an outlet that placed the barrage in the attacker's country. Why, and that story's record
        in ``{family}|alerted``; or None.

        A tie is never a record and two events rarely share an exact count within a day, so this
        costs little recall; it is what keeps one barrage from paging twice.
        """
        window = self.config.retelling_window.total_seconds()
        dead = dead_nationalities(event)
        for prior in self.store.get(f"{family_of(event.type)}|alerted") or []:
            if prior["story_id"] == event.story_id or abs(when - prior["at"]) > window:
                continue
            theirs = set(prior.get("dead_of") or ())
            if theirs and dead and not theirs & dead:
                continue  # each side's dead, counted by the country that lost them: two tolls
            for metric, value in event.magnitude.items():
                other = prior["magnitude"].get(metric)
                if other is None and metric in MOVED:  # "40,000 displaced" retells "40,000 moved to shelters"
                    other = next((prior["magnitude"][m] for m in MOVED if m in prior["magnitude"]), None)
                if other is None or (metric not in MEASURES and min(value, other) < RETOLD_MIN_COUNT):
                    continue
                if abs(value - other) <= 0.01 * max(value, other):
                    why = (
                        f"same {metric} ({value:g}) as another story alerted {iso(prior['at'])[:16]} "
                        f"({prior['source']}, {prior['url']}): a retelling (HERALD_NOVELTY_RETELLING_HOURS)"
                    )
                    return why, prior
        return self._toll_of_another_family(event, when)

    def _toll_of_another_family(self, event: Event, when: float) -> tuple[str, dict[str, Any]] | None:
        """A death toll (at least ``RETOLD_MIN_COUNT``, within 1 %) that a story of another family alerted
        with in the same country within the retelling window: that event's dead, borrowed by a report read
        as another type ("Erdogan heckled in Soma as toll stands at 274", read as a protest with the mine
        fire's 274 dead, the world's first protest in a month). Why, and that story's record; or None."""
        value = event.magnitude.get("killed")
        country = affected_country(event)
        if not value or value < RETOLD_MIN_COUNT or not country:
            return None
        window = self.config.retelling_window.total_seconds()
        alerted = set(self.store.get(ALERTED_FAMILIES) or ()) | all_families()
        for family in sorted(alerted - {family_of(event.type)}):
            for prior in reversed(self.store.get(f"{family}|alerted") or []):
                other = prior["magnitude"].get("killed")
                if prior.get("country") != country or abs(when - prior["at"]) > window or not other:
                    continue
                if abs(value - other) <= 0.01 * max(value, other):
                    why = (
                        f"same killed ({value:g}) as a {prior.get('type', family)} alerted in {country} "
                        f"{iso(prior['at'])[:16]} ({prior['source']}, {prior['url']}): that event's toll "
                        "(HERALD_NOVELTY_RETELLING_HOURS)"
                    )
                    return why, prior
        return None

    def told_from_abroad(self, event: Event, when: float) -> tuple[str, dict[str, Any]] | None:
        """A report placed in one country only (a dateline: "ISLAMABAD - ... the toll from the
        earthquake in eastern Afghanistan rose to 610") that names the country of another story of the
        family alerted within the retelling window, and says its toll rose or gives a toll: that
        event, told by an agency abroad. Why, and that story's record; or None."""
        loc = event.location
        if loc is None or loc.kind != "country" or not loc.country_code:
            return None
        if not any(m in self.config.escalation_metrics for m in event.magnitude):
            return None
        text = " ".join(t for t in (event.title, *event.sentences) if t)
        window = self.config.retelling_window.total_seconds()
        own = toll_countries(event, self.config.escalation_metrics)
        for prior in reversed(self.store.get(f"{family_of(event.type)}|alerted") or []):
            country = prior.get("country")
            if prior["story_id"] == event.story_id or abs(when - prior["at"]) > window:
                continue
            if not country or country == loc.country_code:
                continue
            if own and country not in own:
                continue  # its toll is its own country's ("four have died in Jamaica"), that one background
            if tells_of_another_event(event, prior["magnitude"]):
                continue  # a second event abroad recalling this one ("a day after ... killed 60")
            named = next(
                (n for n in sorted(country_names(country)) if re.search(rf"\b{re.escape(n)}\b", text, re.I)),
                None,
            )
            if named:
                return (
                    f"placed in {loc.country_code} only, but tells of {named} ({country}), where a "
                    f"{prior.get('type', event.type)} alerted {iso(prior['at'])[:16]} ({prior['source']}, "
                    f"{prior['url']}): that event told from abroad (HERALD_NOVELTY_RETELLING_HOURS)"
                ), prior
        return None

    def felt_abroad(self, event: Event, when: float) -> tuple[str, dict[str, Any]] | None:
        """A report placed in one country that places the event's centre in another ("a tower collapsed
        in Bangkok as the earthquake centred in Myanmar shook the Thai capital"), where a story of the
        family alerted within the retelling window: that event, felt abroad; its toll there is part of
        that story, not a first of the country it was felt in. Why, and that story's record; or None.

        Not when the report gives its own country's toll, at least ``felt_abroad_own_min_killed`` dead
        placed there ("Quake kills 237 in Syria ... after the earthquake centred in southern Turkey
        shook Syria, the health ministry in Damascus said"): that country's own disaster, with its own
        first and updates."""
        loc = event.location
        if loc is None or not loc.country_code:
            return None
        centres = centred_in(event) - {loc.country_code}
        if not centres:
            return None
        if event.magnitude.get("killed", 0) >= self.config.felt_abroad_own_min_killed and (
            loc.country_code in toll_countries(event, self.config.escalation_metrics)
        ):
            return None
        window = self.config.retelling_window.total_seconds()
        for prior in reversed(self.store.get(f"{family_of(event.type)}|alerted") or []):
            if prior["story_id"] == event.story_id or abs(when - prior["at"]) > window:
                continue
            if prior.get("country") in centres:
                return (
                    f"placed in {loc.country_code}, but centred in {prior['country']}, where a "
                    f"{prior.get('type', event.type)} alerted {iso(prior['at'])[:16]} ({prior['source']}, "
                    f"{prior['url']}): that event felt abroad (HERALD_NOVELTY_RETELLING_HOURS)"
                ), prior
        return None

    def named_story(self, event: Event, when: float) -> tuple[str, dict[str, Any]] | None:
        """For a report placed nowhere (no country read): a story of the family alerted within the
        revision window whose place it names ("Tai Po fire: 55 dead ..."), the latest first. Such a
        report could raise nothing of its own (no scope, no series); as that story's report its toll
        can update it. Why, and that story's record; or None."""
        if event.location is not None and event.location.country_code:
            return None
        window = self.config.revision_window.total_seconds()
        own = toll_countries(event, self.config.escalation_metrics)
        for prior in reversed(self.store.get(f"{family_of(event.type)}|alerted") or []):
            if prior["story_id"] == event.story_id or abs(when - prior["at"]) > window:
                continue
            if own and prior.get("country") not in own:
                continue  # its toll is placed in another country than that story's, whose place it names
            if tells_of_another_event(event, prior["magnitude"]):
                continue  # a new event at the same place ("a new fire in Tai Po"), not this one's report
            story = self.store.get(f"{prior.get('type', event.type)}|story|{prior['story_id']}") or {}
            place = names_place(event, story.get("places") or []) or place_named_in(event, prior.get("title"))
            if place:
                return (
                    f"placed nowhere, but names {place}, the place of a {prior.get('type', event.type)} "
                    f"alerted {iso(prior['at'])[:16]} ({prior['source']}, {prior['url']}): its report"
                ), prior
        return None

    def risen_at_namesake(self, event: Event, when: float) -> tuple[str, dict[str, Any]] | None:
        """A report placed in a country only by a town it names, never naming the country, that says
        its toll rose ("The number of dead rose to 69 ... in San Miguel Los Lotes", read as El Salvador's
        San Miguel), where a story of the family alerted in another country within the retelling window
        with a lower toll: a toll rises from an earlier report's, so it is that story's later report and
        no first of the namesake's country. Why, and that story's record; or None."""
        loc = event.location
        if loc is None or not loc.country_code or loc.kind in ("country", "region"):
            return None
        # People moved out by the hazard are counted in the same report as its toll ("Fuego toll reaches
        # 69; new eruption forces seven villages to evacuate"): the toll is compared when there is one.
        killed = event.magnitude.get("killed") or (0.0 if event.type in consequence_types() else None)
        if killed is None or says_toll_rose(event) is None:
            return None
        text = " ".join(t for t in (event.title, *event.sentences) if t)
        if any(re.search(rf"\b{re.escape(n)}\b", text, re.I) for n in country_names(loc.country_code)):
            return None
        window = self.config.retelling_window.total_seconds()
        recent = [
            p
            for p in reversed(self.store.get(f"{family_of(event.type)}|alerted") or [])
            if p["story_id"] != event.story_id and abs(when - p["at"]) <= window
        ]
        if any(self._first_alerted_in(p, event.type) == loc.country_code for p in recent):
            # The family alerted in the town's own country too: the town is no namesake ("Toll from Indian
            # strikes rises to 31", at Bahawalpur, the day Pakistan's strikes and India's shelling alerted).
            return None
        for prior in recent:
            before = prior["magnitude"].get("killed")
            if prior.get("country") is None or not before:
                continue
            if killed and before >= killed:
                continue  # not a rise from that story's toll
            if tells_of_another_event(event, prior["magnitude"]):
                continue
            said = f"{killed:g}" if killed else "no count"
            return (
                f"placed in {loc.country_code} only by {loc.name}, a country it never names, and says its "
                f"toll rose ({said}) from that of a {prior.get('type', event.type)} alerted in "
                f"{prior['country']} {iso(prior['at'])[:16]} ({prior['source']}, {prior['url']}): its "
                "later report"
            ), prior
        return None

    def risen_naming_place(self, event: Event, when: float) -> tuple[str, dict[str, Any]] | None:
        """A report that says its toll rose ("Los Angeles fires: death toll rises to five ... all of them
        in the Eaton fire zone"), placed at another place of the country where a story of its type alerted
        within ``country_toll_window`` with a lower toll, and naming one of that story's places: story
        grouping split off the rising toll of one event told from the city instead of the fire's place.
        Not for a war's strikes and attacks (each its own event), nor a report that tells of an event of
        its own. Why, and that story's record; or None."""
        family = family_of(event.type)
        killed = event.magnitude.get("killed")
        country = affected_country(event)
        if family in conflict_families() or not killed or not country or says_toll_rose(event) is None:
            return None
        # A toll that rose at one of the story's places is counted on for as long as a country's toll is
        # ("Southern Brazil flood deaths climb to 29" in Rio Grande do Sul, 34 hours after its 10 dead).
        window = min(self.config.revision_window, self.config.country_toll_window).total_seconds()
        for prior in reversed(self.store.get(f"{family}|alerted") or []):
            if prior["story_id"] == event.story_id or abs(when - prior["at"]) > window:
                continue
            if prior.get("country") != country or prior.get("type", event.type) != event.type:
                continue
            story = self.store.get(f"{event.type}|story|{prior['story_id']}") or {}
            before = (story.get("counts") or {}).get("killed", prior["magnitude"].get("killed"))
            if not before or before >= killed:
                continue  # not a rise from that story's toll
            if tells_of_another_event(event, {"killed": before}):
                continue
            own = event.location.name.lower() if event.location is not None else None
            place = names_place(event, [p for p in story.get("places") or [] if p != own])
            if place is None:
                continue
            return (
                f"says its toll rose ({killed:g}) from that of a {event.type} alerted in {country} "
                f"{iso(prior['at'])[:16]} ({prior['source']}, {prior['url']}), whose place ({place}) it "
                "names: its later report"
            ), prior
        return None

    def risen_placed_nowhere(self, event: Event, when: float) -> tuple[str, dict[str, Any]] | None:
        """A report placed nowhere (no country read) that says its toll rose ("Flood toll jumps to 78 as
        Lula returns; Guaiba peaks above 5.3 metres", naming only a river and "the state"), where every
        story of its type alerted within ``country_toll_window`` is in one country and the latest of them
        counted fewer dead: a toll rises from an earlier report's, and that story is the one whose toll
        it is. Not for a war's strikes and attacks (each its own event), nor when stories of the type
        alerted in two countries (whose toll rose is then unknown), nor a report that tells of an event
        of its own. Why, and that story's record; or None."""
        family = family_of(event.type)
        killed = event.magnitude.get("killed")
        loc = event.location
        if loc is not None and loc.country_code:
            return None
        if family in conflict_families() or not killed or says_toll_rose(event) is None:
            return None
        window = min(self.config.revision_window, self.config.country_toll_window).total_seconds()
        recent = [
            p
            for p in reversed(self.store.get(f"{family}|alerted") or [])
            if p["story_id"] != event.story_id
            and abs(when - p["at"]) <= window
            and p.get("type", event.type) == event.type
        ]
        # An update placed nowhere itself speaks for its story's country, that of the story's first
        # alert ("Volcano death toll rises to 13", no country read, updated an eruption alerted in one).
        countries = {p.get("country") or self._first_alerted_in(p, event.type) for p in recent}
        if len(countries) != 1 or None in countries:
            return None
        prior = recent[0]
        country = next(iter(countries))
        story = self.store.get(f"{event.type}|story|{prior['story_id']}") or {}
        before = (story.get("counts") or {}).get("killed", prior["magnitude"].get("killed"))
        if not before or before >= killed or tells_of_another_event(event, {"killed": before}):
            return None
        return (
            f"placed nowhere, but says its toll rose ({killed:g}) from that of the {event.type} alerted in "
            f"{country} {iso(prior['at'])[:16]} ({prior['source']}, {prior['url']}), the only "
            "country where its type alerted lately: its later report"
        ), prior

    def _first_alerted_in(self, prior: dict[str, Any], event_type: str) -> str | None:
        """The country of the first alert of a recently alerted story (not of the report that last spoke
        for it: a report placed by a namesake town abroad updates the story from there)."""
        story = self.store.get(f"{prior.get('type', event_type)}|story|{prior['story_id']}") or {}
        order = story.get("order") or []
        if not order:
            return None
        location = story["alerts"][order[0]].get("location") or {}
        code: str | None = location.get("country_code")
        return code

    def country_toll(self, event: Event, when: float) -> tuple[str, dict[str, Any]] | None:
        """A report that gives its count as a country's toll ("bringing the death toll from the floods in
        Greece to 16", "Jamaica's death toll rises to four"), where a story of the family alerted within
        ``country_toll_window`` in that country counted no more: that story's later report, split off by
        story grouping at another place of the country (a body found in Palamas after the Karditsa
        floods). Not when the report tells of an event of its own. Why, and that story's record; or None.
        """
        sentence = country_toll_sentence(event, self.config.escalation_metrics)
        if sentence is None:
            return None
        own = toll_countries(event, self.config.escalation_metrics)
        window = min(self.config.revision_window, self.config.country_toll_window).total_seconds()
        for prior in self._country_toll_candidates(event):
            if prior["story_id"] == event.story_id or abs(when - prior["at"]) > window:
                continue
            if prior.get("country") not in own or not self._same_toll_kind(event.type, prior):
                continue
            story = self.store.get(f"{prior.get('type', event.type)}|story|{prior['story_id']}") or {}
            counts = story.get("counts") or prior["magnitude"]
            shared = [m for m in event.magnitude if m in counts and m in self.config.escalation_metrics]
            # The dead are the toll: fewer missing ("seven missing", then a missing woman found dead)
            # is the same event counted on.
            toll = [m for m in shared if m == "killed"] or shared
            if not toll or any(event.magnitude[m] < counts[m] for m in toll):
                continue
            if tells_of_another_event(event, counts):
                continue
            kind = prior.get("type", event.type)
            return (
                f"gives the toll of {prior['country']} ({sentence!r}), where a {kind} "
                f"alerted {iso(prior['at'])[:16]} ({prior['source']}, {prior['url']}): its later report"
            ), prior
        return None

    def _country_toll_candidates(self, event: Event) -> list[dict[str, Any]]:
        """The alerted stories a country's toll may belong to, newest first: of the report's family, and
        with ``country_toll_across_conflict`` of every conflict family when the report is a war's."""
        families = {family_of(event.type)}
        if self.config.country_toll_across_conflict and families <= conflict_families():
            families = set(conflict_families())
        priors = [p for f in sorted(families) for p in self.store.get(f"{f}|alerted") or []]
        return sorted(priors, key=lambda p: p["at"], reverse=True)

    def _same_toll_kind(self, event_type: str, prior: dict[str, Any]) -> bool:
        """Whether a story of ``prior``'s type counts the dead a report of ``event_type`` counts: the same
        type, or with ``country_toll_across_conflict`` any two conflict types. "With 205 dead, the
        government issues an arrest warrant", read as an air strike, counts the dead of the offensive whose
        shelling alerted the day before: a war's toll is one count whatever weapon its latest report names."""
        prior_type = prior.get("type", event_type)
        if prior_type == event_type:
            return True
        pair = {family_of(event_type), family_of(prior_type)}
        return self.config.country_toll_across_conflict and pair <= conflict_families()

    def record_retold(self, event: Event, when: float) -> bool:
        """A record claim after another story's record alert of the same type and country, within the
        window, that reports nothing bigger: most likely the same record retold under a new story id."""
        key = f"{event.type}|claim|{affected_country(event) or '?'}"
        last = self.store.get(key)
        if not last or last["story_id"] == event.story_id:
            return False
        if abs(when - last["at"]) > self.config.retelling_window.total_seconds():
            return False
        return all(
            value <= last["magnitude"].get(metric, float("-inf")) for metric, value in event.magnitude.items()
        )

    def first_retold(self, event: Event, when: float) -> tuple[str, dict[str, Any]] | None:
        """A claimed first of the type in the country of another story that alerted as a claimed first
        within ``new_type_lookback``: a country has one first case of a disease, so "Mexico's first H5N1
        infection" told from Washington a day on, or "the girl who was Mexico's first case died" four
        days on, is that story's later report. So is a report of the type in that country that claims no
        first, placed in the country only or in the first's own region, unless a war's (each strike or
        attack its own event): "Lebanon records first cholera death of the outbreak" six days after
        "Lebanon records its first cholera case since 1993, in Akkar" (story grouping found no toll of
        the first's to join it by). The country a claimed first names counts as well as the one it was
        placed in: "Child who caught bird flu in India becomes Australia's first human case", placed by
        a namesake Victoria abroad, retells Australia's first; an attacker it names does not. Why, and
        that story's record; or None."""
        claims_first = any(c.kind == "first" for c in event.claims)
        country = affected_country(event)
        # A claimed first names the country it is claimed for, wherever the report was placed; not the
        # attacker's ("the first time Israel has been reported striking Iranian territory" is Iran's).
        attackers = {a.country_code for a in event.actors if a.role == "attacker" and a.country_code}
        named = sorted(claimed_first_countries(event) - {country} - attackers) if claims_first else []
        found: tuple[str, dict[str, Any]] | None = None
        for candidate in ([country] if country else []) + named:
            last = self.store.get(f"{event.type}|first_claim|{candidate}")
            if not last or last["story_id"] == event.story_id:
                continue
            if 0 <= when - last["at"] <= self.config.new_type_lookback.total_seconds():
                found = candidate, last
                break
        if found is None:
            return None
        country, last = found
        if not claims_first and not self._in_first_claims_area(event, last):
            return None
        if not claims_first and family_of(event.type) in conflict_families():
            return None  # a war's strikes and attacks are each their own event, whatever came first
        return (
            f"claims the first {event.type} in {country}, as another story did "
            f"{iso(last['at'])[:16]} ({last['source']}, {last['url']}): its later report"
        ), last

    def _in_first_claims_area(self, event: Event, last: dict[str, Any]) -> bool:
        """Whether the event is placed in the country only, or in a place or region of the claimed
        first's story (the outbreak's later reports, not another event elsewhere in the country)."""
        loc = where(event)
        if loc is None or loc.kind == "country" or not (loc.admin1 or loc.name):
            return True
        story = self.store.get(f"{last.get('type', event.type)}|story|{last['story_id']}") or {}
        places = story.get("places") or []
        return any(name and name.lower() in places for name in (loc.name, loc.admin1))

    def alerted_in_country(self, event: Event, story: dict[str, Any], when: float) -> str | None:
        """Why a region or place first is the same event as another story of the family alerted in the
        country within the retelling window (gunfire in the capital the morning of a coup), or None.

        The window runs from that story's first page, not from its updates: a report from a place in an
        event comes while the event is news, and a toll raised the next noon does not make a drone wave
        the following morning, 36 hours after the missile strikes paged, their report."""
        broadest = story["novel"][0]["scope"]
        country = affected_country(event)
        if not broadest.startswith(("region:", "place:")) or country is None:
            return None
        window = self.config.retelling_window.total_seconds()
        for prior in self.store.get(f"{family_of(event.type)}|alerted") or []:
            if prior["story_id"] == event.story_id or prior.get("country") != country or prior.get("update"):
                continue
            if abs(when - prior["at"]) <= window:
                kind = prior.get("type", event.type)
                return (
                    f"first in {describe_scope(broadest)}, but {country} has a {kind} "
                    f"alerted {iso(prior['at'])[:16]} ({prior['source']}, {prior['url']}): the same event "
                    "told from a place in it (HERALD_NOVELTY_RETELLING_HOURS)"
                )
        return None

    def _alerted_in_report(self, event: Event) -> tuple[str, str, str] | None:
        """(family, type, story id) of another event the same report already alerted on: one of the
        event's family, or of any family for a consequence type (an evacuation)."""
        own = family_of(event.type)
        families = [own]
        if event.type in consequence_types():
            families += sorted(all_families() - {own})
        for family in families:
            types = (self.store.get(f"{family}|articles") or {}).get(event.article_id) or {}
            others = sorted(t for t in types if t != event.type)
            if others:
                return family, others[0], types[others[0]]
        return None

    def same_article(self, event: Event) -> str | None:
        """Why this event is a part of one the same report already alerted on, or None.

        Classify may read one report as two events of a family (a barrage's drones and its missiles, a
        flood and its evacuations): the first one to alert speaks for the report. An evacuation is the
        part of whatever event caused it: "Twelve killed in Thailand as Cambodian rockets hit petrol
        station", with 40,000 evacuated, is one strike, not also the world's first evacuation.
        """
        found = self._alerted_in_report(event)
        if found is None:
            return None
        family, other, story_id = found
        if family != family_of(event.type):
            return f"the same report already alerted as {other} (story {story_id}), the event it is part of"
        return (
            f"the same report already alerted as {other} (story {story_id}), one event of the {family} family"
        )

    def same_article_story(self, event: Event) -> str | None:
        """The store key of the story the same report already alerted on, or None."""
        found = self._alerted_in_report(event)
        return f"{found[1]}|story|{found[2]}" if found else None

    def cause_in_country(self, event: Event, when: float) -> str | None:
        """Why a consequence's count (evacuees) belongs to another family's event that alerted in the
        country within ``country_toll_window``, or None: the running total of people who left during a
        border war is the war's count, two days on as on the first."""
        country = affected_country(event)
        if event.type not in consequence_types() or country is None:
            return None
        window = self.config.country_toll_window.total_seconds()
        for family in sorted(all_families() - {family_of(event.type)}):
            for prior in reversed(self.store.get(f"{family}|alerted") or []):
                if prior.get("country") == country and 0 <= when - prior["at"] <= window:
                    return (
                        f"{country} has a {prior.get('type', family)} alerted {iso(prior['at'])[:16]} "
                        f"({prior['source']}, {prior['url']}): the people leaving are its part "
                        "(NoveltyConfig.country_toll_window)"
                    )
        return None

    def remember_alert(self, event: Event, when: float, update: bool = False) -> None:
        """Note an alert the event raised (``update``: only updates of an earlier alert)."""
        key = f"{family_of(event.type)}|alerted"
        known = list(self.store.get(ALERTED_FAMILIES) or [])
        if family_of(event.type) not in known:  # a type not listed in a family is a family of its own
            self.store[ALERTED_FAMILIES] = sorted([*known, family_of(event.type)])
        # Kept for the revision window too: a report placed nowhere may name an alerted story's place.
        window = max(self.config.retelling_window, self.config.revision_window).total_seconds()
        recent = [p for p in self.store.get(key) or [] if when - p["at"] <= window]
        recent.append(
            {
                "story_id": event.story_id,
                "at": when,
                "magnitude": dict(event.magnitude),
                "source": event.source,
                "url": event.url,
                "country": affected_country(event),
                "dead_of": sorted(dead_nationalities(event)),
                "type": event.type,
                "title": (event.title or "")[:200],
                "update": update,
            }
        )
        self.store[key] = recent[-RECENT_ALERTS:]

    def remember_article(self, event: Event) -> None:
        """Note that this report's event is part of an alerted story, for the report's other events of
        the family. Keeps the last ``RECENT_ARTICLES`` reports: their other events follow within a batch."""
        key = f"{family_of(event.type)}|articles"
        # A copy of the outer dict and of the one entry changed: the table's live objects stay as they
        # are, for a quarter of a deep copy's cost (it ran on every alerted event).
        recent: dict[str, dict[str, str]] = dict(self.store.get(key) or {})
        types = dict(recent.pop(event.article_id, {}))
        types.setdefault(event.type, event.story_id)
        recent[event.article_id] = types
        while len(recent) > RECENT_ARTICLES:
            del recent[next(iter(recent))]
        self.store[key] = recent

    def remember_record(self, event: Event, when: float) -> None:
        key = f"{event.type}|claim|{affected_country(event) or '?'}"
        self.store[key] = {"story_id": event.story_id, "at": when, "magnitude": dict(event.magnitude)}

    def remember_first_claim(self, event: Event, when: float) -> None:
        key = f"{event.type}|first_claim|{affected_country(event) or '?'}"
        self.store[key] = {
            "story_id": event.story_id,
            "at": when,
            "type": event.type,
            "source": event.source,
            "url": event.url,
        }
