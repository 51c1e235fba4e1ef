"""Classification: which events an article reports, and how severe each one is.

``classify(article) -> list[Event]`` is the stage's pure function; the Faust agent and
``herald analyze`` both call it. It reads only the enrichment record (sentences, entities,
quantities) and the text; no second NLP parse, so it costs a small fraction of enrichment (see
bench/classify_bench.py). The method, the labelling guide and the measured quality are in README.md.

How an article becomes events:

1. **Segment cues** (``segment_types.py``). Every segment (a sentence, with a glued-on headline cut
   off, ``segments.py``) is matched against every type's cues (``cues.py``). Ambiguous words are
   switched off in sport, market, labour and culture contexts; background ("captured in 2022") and
   attribution ("the air force said") do not count.
2. **One segment, one reading.** When two types fire on the same segment and one explains the
   other, the other is dropped (``segment_types.ABSORBS``): "an air strike on a market killed 30"
   is an air strike on civilians, not also an attack on civilians; "forces captured the village
   after fierce fighting" is a territory change; arrests "at the protest" belong to the protest.
3. **One event per type per article** (``event_grouping.py``), made of all segments reporting that
   type, so a wrap-up yields one event for each thing it reports, each with its own sentences. A
   later segment with no cue of its own but with counts ("Five people were killed, officials
   said.") joins the event(s) of the segment before it, so the counts reach the severity. A body
   sentence that opens a second incident of a type with its own toll ("In a separate raid, three
   people were shot dead") is an event of its own (``incidents.py``).
4. **Per event**: magnitude (``magnitude.py``), actors (``event_actors.py``), location
   (``event_place.py``), severity with reasons (``severity.py``), and whether the text claims a record.

Event ids are ``stable_id("event", article id, type)`` (a second incident of the type adds ``"2"``): the
same article always yields the same ids, so a redelivered batch produces duplicates downstream stages
recognise, not new events.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence
from functools import cache

from herald.core.quantity_context import cues as quantity_cues
from herald.core.records import ClaimedCount, EnrichedArticle, Event, Quantity, stable_id

from . import claims, event_actors, event_place, live_hazards, salience, segments, type_veto
from .country_tolls import own_country_readings
from .cues import HARD_NEWS, is_off_topic, search, word_starts
from .event_grouping import continuations, drop_passing_mentions, group
from .foreign_counts import without_other_countries_counts
from .hazard_dead import HAZARDS, UNREST, without_hazards_dead
from .heartbeat_event import heartbeat_event, is_heartbeat
from .incidents import second_incident
from .magnitude import HARM_UNITS, UNITS_BY_TYPE, Reading, claimed, from_quantities, measure, read_text
from .segment_types import Hit, segment_hits
from .segments import Segment, attributions
from .severity import score
from .taxonomy import CODES


def classify(
    article: EnrichedArticle,
    *,
    veto: bool = type_veto.ON_BY_DEFAULT,
    hazards: Collection[str] = (),
) -> list[Event]:
    """The events the article reports, in taxonomy order; empty for non-event articles.

    ``hazards``: the names of storms recent reports gave (``live_hazards.LiveHazards.live``), so a
    sentence giving a toll in one's name alone ("Grenada's Beryl death toll rises to three") reports
    the disaster.

    With ``veto`` (``HERALD_CLASSIFY_TYPE_VETO``), a type the rules found but the learned text model
    (``type_veto.py``) scores below its threshold is dropped before its event is built.

    Articles the enrichment did not process (``enriched=False``: duplicates, unsupported languages)
    yield nothing: the cues are English and duplicates were already classified once. The heartbeat's
    canary yields its one ``heartbeat`` event before any of that (``heartbeat_event.py``), so neither the
    language check nor the rules can stop it.
    """
    if is_heartbeat(article):
        return [heartbeat_event(article)]
    if not article.enriched or salience.article_frame(article.title):
        return []
    text = article.text()
    segs = segments.split(article)

    @cache
    def article_weak_ok() -> bool:
        return not is_off_topic(article.title) or any(HARD_NEWS.search(g.text) for g in segs)

    lead_end = next((g.index for g in segs if not g.headline), -1)  # the first body sentence
    per_segment: list[dict[str, Hit]] = []
    quiet: set[int] = set()  # segments about something else: their counts join no event
    for g in segs:
        starts = word_starts(g.text)

        @cache
        def weak_ok(g: Segment = g, starts: frozenset[str] = starts) -> bool:
            """Ambiguous words count unless the article or this segment is about sport, markets, ..."""
            return article_weak_ok() and (
                not is_off_topic(g.text, starts) or bool(search(HARD_NEWS, g.text, starts))
            )

        asides: list[tuple[int, int]] = []
        # A cue dated weeks before the report is background past the lead ("M23 ... took Goma in
        # January"); in the headline and first sentence it is the news ("985 mpox cases ... in May").
        dated_from = article.published if g.index > lead_end else None
        hits = segment_hits(g.text, weak_ok, text, starts, asides, dated_from)
        if hazards and not hits:
            # "Grenada's Beryl death toll rises to three": a toll in the name of a storm just reported
            named = live_hazards.toll_in_name(g.text, hazards)
            if named is not None:
                hits = {live_hazards.HAZARD_TYPE: Hit("a toll in a live hazard's name", named)}
        # Asked only of segments with a cue: most segments have none, and the check is a dozen patterns.
        background = bool(hits) and salience.background_sentence(g.text) is not None
        per_segment.append({} if background else hits)
        if (background or asides) and not per_segment[-1]:
            quiet.add(g.index)
        # "Engineers had needed two months to repair a tower brought down in January; three of them were
        # badly hurt" in March: a cue-less sentence dated weeks before the report tells of an earlier
        # time, and its counts are not the news event's.
        elif not hits and dated_from is not None and salience.dated_weeks_before(g.text, dated_from):
            quiet.add(g.index)
    if not salience.is_roundup(article.title):
        drop_passing_mentions(segs, per_segment)
    by_type = group(article, segs, per_segment)
    # A sentence opening on a day before the lead's reports an earlier incident: it sizes no event, and
    # reports one only when nothing else does.
    body = [g for g in segs if not g.headline]
    earlier = {g.index for g in body[1:] if salience.earlier_day(body[0].text, g.text, article.published)}
    if earlier:
        quiet |= earlier
        for code, by_segment in by_type.items():
            kept = {k: hit for k, hit in by_segment.items() if k not in earlier}
            by_type[code] = kept or by_segment
    if by_type and veto:
        # A type the headline itself reports is the article's news: the text model scores the whole
        # article and misses short reports of it ("Myanmar's junta says 144 killed in earthquake").
        headlined = {code for code, hits in by_type.items() if any(segs[k].headline for k in hits)}
        headlined |= toll_lead_types(segs, by_type)
        supported = headlined | type_veto.shipped().supported(
            *type_veto.read_text(article), set(by_type) - headlined
        )
        by_type = {code: by_segment for code, by_segment in by_type.items() if code in supported}
    if not by_type:
        return []
    readings = from_quantities(article.quantities, segs)
    cued = {k for hits in by_type.values() for k in hits}
    seen: set[str] = set()
    read: set[int] = set()
    for g in segs:
        # A "Separately, ..." sentence reporting a type no body sentence before it reported is its own
        # event (a headline lists them all).
        types_here = {code for code, hits in by_type.items() if g.index in hits}
        own_incident = bool(types_here) and types_here.isdisjoint(seen)
        if not g.headline:
            seen |= types_here
        # Counts matter in an event's segments and the two after them (continuations), nowhere else.
        # The headline sizes the article's event even when no cue fired in it ("Sudan's army says it has
        # retaken Wad Madani" over "forces entered Wad Madani"): ``measure`` takes only its non-harm counts.
        if g.headline or g.index in cued or g.index - 1 in cued or g.index - 2 in cued:
            readings.extend(read_text(g.text, g.index, own_incident=own_incident))
            read.add(g.index)
    readings = _without_headline_totals(readings, segs, article.quantities)
    readings = without_other_countries_counts(readings, segs, article.title)
    # an earlier incident's sentence sizes no event, even one it alone reports
    readings = [r for r in readings if r.segment not in earlier]
    extra = continuations(by_type, segs, [r for r in readings if r.segment not in quiet and not r.running])
    # A segment far from any cue joins its event by the enrichment's counts ("Two injured people were
    # pulled out and about 360 others were evacuated" two sentences past the landslide's toll): its
    # text is read too, so the counts only the sentence patterns know reach the event.
    joined = sorted(set().union(*extra.values()) - read) if extra else []
    if joined:
        late = [r for k in joined for r in read_text(segs[k].text, k)]
        readings += [
            r for r in without_other_countries_counts(late, segs, article.title) if r.segment not in earlier
        ]
    moved_by = _implied_evacuation(by_type, extra, [r for r in readings if not r.running], segs)
    fled_violence = by_type.keys().isdisjoint(HAZARDS) and not by_type.keys().isdisjoint(_VIOLENCE)
    events = []
    cuts: dict[str, int] = {}
    for code in by_type:
        members = _members(code, by_type, extra)
        second = second_incident(code, by_type, members, segs, readings)
        if second is not None:
            # the second incident's counts are its own ("In a separate raid, three were shot dead")
            cuts[code], own_counts, opening = second
            if opening is not None:
                by_type[code][cuts[code]] = opening
            readings = [r for r in readings if r.segment != cuts[code]] + own_counts
    for code, part, triggers, members in _incidents(by_type, extra, cuts):
        texts = [" ".join(segs[k].text.split()) for k in members]
        cast = event_actors.find(code, article, [(segs[k], span) for k, span in triggers.items()])
        location = event_place.locate(
            article, [segs[k] for k in members], cast.attackers, cast.targets, code=code, lead=segs
        )
        own = own_country_readings(readings, segs, location.country_code if location else None)
        magnitude = measure(code, members, own, fled_violence=fled_violence)
        if code == "evacuation" and moved_by is None:
            magnitude = _from_its_hazard(magnitude, by_type, extra, own)
        if code in HAZARDS and moved_by is None:
            magnitude = _with_its_evacuees(code, magnitude, by_type, extra, own, fled_violence)
        if code == "attack_on_civilians":
            magnitude = _with_its_displaced(magnitude, by_type, extra, own, fled_violence)
        if code in UNREST:
            hazards = {h: measure(h, _members(h, by_type, extra), readings) for h in HAZARDS if h in by_type}
            magnitude = without_hazards_dead(code, magnitude, hazards)
        severity, reasons = score(code, magnitude, texts)
        cues_fired = sorted({by_type[code][k].cue for k in triggers})
        reasons.insert(1, "matched: " + ", ".join(cues_fired))
        # the first incident of a type keeps the id it has always had; a second one is told apart
        event_id = stable_id("event", article.id, code, *(["2"] if part else []))
        found = claims.extract(code, texts, article.title)
        events.append(
            Event(
                id=event_id,
                article_id=article.id,
                story_id=stable_id("story", event_id),
                type=code,
                severity=severity,
                severity_reasons=reasons,
                magnitude=magnitude,
                location=location,
                actors=cast.actors,
                published=article.published,
                fetched_at=article.fetched_at,
                title=article.title,
                url=article.url,
                source=article.source,
                sentences=texts,
                attributions=attributions(segs),
                record_claim=any(claim.kind == "record" for claim in found),
                claims=found,
                claimed_counts=[
                    ClaimedCount(
                        metric=r.unit, value=r.value, text=" ".join(segs[r.segment].text.split())[:2000]
                    )
                    for r in claimed(code, members, readings, magnitude)
                ],
            )
        )
    if moved_by is not None:
        # the people a hazard moved out were where the hazard struck
        hazard = next(e for e in events if e.type == moved_by)
        events = [
            e.model_copy(update={"location": hazard.location}) if e.type == "evacuation" else e
            for e in events
        ]
    if "evacuation" in by_type:
        # the move's figures its body sentences give (a headline's may be another place's)
        told = set(by_type["evacuation"]) | extra.get("evacuation", set())
        body_moves = {
            (r.unit, r.value)
            for r in readings
            if r.segment in told and not segs[r.segment].headline and not r.running
        }
        events = _without_evacuees_abroad(events, body_moves)
    return claims.one_owner(events)


def _members(code: str, by_type: dict[str, dict[int, Hit]], extra: dict[str, set[int]]) -> list[int]:
    """The segments an event of ``code`` reads: those with its cues and those its cue-less context joins."""
    return sorted(set(by_type[code]) | extra.get(code, set()))


def _incidents(
    by_type: dict[str, dict[int, Hit]], extra: dict[str, set[int]], cuts: dict[str, int]
) -> Iterable[tuple[str, int, dict[int, tuple[int, int]], list[int]]]:
    """Per type in taxonomy order, its incidents (type, part, trigger spans, member segments): one, or
    two when ``cuts`` gives the segment where a second incident of the type opens."""
    for code in CODES:
        if code not in by_type:
            continue
        triggers = {k: hit.span for k, hit in by_type[code].items()}
        members = _members(code, by_type, extra)
        cut = cuts.get(code)
        if cut is None:
            yield code, 0, triggers, members
            continue
        # the second incident is the sentence that opens it and the cue-less ones right after it; a later
        # sentence with a cue of the type ("the air force said Russia launched 37 drones and three
        # missiles overnight") goes back to the report's main event
        second = [cut]
        for k in members:
            if k == second[-1] + 1 and k not in triggers:
                second.append(k)
        yield (
            code,
            0,
            {k: s for k, s in triggers.items() if k not in second},
            [k for k in members if k not in second],
        )
        yield code, 1, {cut: triggers[cut]}, second


def _without_evacuees_abroad(events: list[Event], body_moves: set[tuple[str, float]]) -> list[Event]:
    """A hazard does not carry the figure of an evacuation in another country: "Mangkhut floods kill
    at least 64 in northern Philippines" over "It went on to batter Guangdong in southern China ...
    after more than 2.4 million residents were evacuated" is the Philippine disaster's toll beside
    China's move, which the hazard's own report there would carry (the conventions tie the move to
    the hazard that made it, where it was made). Only a figure the evacuation's body sentences give:
    a headline's figure placed nowhere may be the hazard's own ("Over 1,500 evacuated on Crete as
    wildfire spreads; Izmir fires rage")."""
    moved = next((e for e in events if e.type == "evacuation"), None)
    abroad = moved.location.country_code if moved is not None and moved.location is not None else None
    if moved is None or abroad is None:
        return events
    out = []
    for e in events:
        home = e.location.country_code if e.location is not None else None
        theirs = {
            unit
            for unit in ("evacuated", "displaced")
            if e.type in HAZARDS
            and unit in e.magnitude
            and e.magnitude[unit] == moved.magnitude.get(unit)
            and (unit, e.magnitude[unit]) in body_moves
        }
        if home is None or home == abroad or not theirs:
            out.append(e)
            continue
        magnitude = {unit: value for unit, value in e.magnitude.items() if unit not in theirs}
        severity, reasons = score(e.type, magnitude, e.sentences)
        reasons[1:1] = [r for r in e.severity_reasons if r.startswith("matched: ")]
        out.append(
            e.model_copy(update={"magnitude": magnitude, "severity": severity, "severity_reasons": reasons})
        )
    return out


_VIOLENCE = frozenset(
    {
        "air_drone_strike",
        "missile_artillery_strike",
        "armed_clash",
        "territory_change",
        "attack_on_civilians",
        "infrastructure_attack",
        "riot",
        "coup",
    }
)


def _from_its_hazard(
    magnitude: dict[str, float],
    by_type: dict[str, dict[int, Hit]],
    extra: dict[str, set[int]],
    readings: list[Reading],
) -> dict[str, float]:
    """An evacuation with no figure of its own takes the one its hazard read ("Volcano forces
    evacuation of entire Vanuatu island" over "All 11,000 people living on Ambae have been ordered off
    the island", a sentence the eruption's cue took): the conventions give both the same figure. Only
    when the article reports one hazard."""
    hazards = [c for c in HAZARDS if c in by_type]
    if {"evacuated", "displaced"} & magnitude.keys() or len(hazards) != 1:
        return magnitude
    members = _members(hazards[0], by_type, extra)
    moved = measure(hazards[0], members, readings)
    return magnitude | {unit: moved[unit] for unit in ("evacuated", "displaced") if unit in moved}


def _the_evacuation(
    by_type: dict[str, dict[int, Hit]],
    extra: dict[str, set[int]],
    readings: list[Reading],
    fled_violence: bool,
) -> dict[str, float]:
    """The evacuation's own magnitude, from the sentences of the move, for the event that caused it."""
    members = _members("evacuation", by_type, extra)
    return measure("evacuation", members, readings, fled_violence=fled_violence)


def _with_its_evacuees(
    code: str,
    magnitude: dict[str, float],
    by_type: dict[str, dict[int, Hit]],
    extra: dict[str, set[int]],
    readings: list[Reading],
    fled_violence: bool,
) -> dict[str, float]:
    """The hazard carries the figure of the evacuation it forced (the labelling conventions): "An
    explosion at a pesticide plant killed 64 ... Nearly 1,000 residents were moved to safety" is an
    accident of 64 dead and 1,000 evacuated beside an evacuation of 1,000, even though the move is
    told in a sentence of its own that the evacuation's cue took. Only when the article reports one
    hazard, so the move is that hazard's. The evacuation's figure replaces one the hazard read itself:
    the evacuation is built from the sentences of the move ("more than 11,000 told to leave" in the
    headline, "at least 11,615 residents must now evacuate" in the body)."""
    if "evacuation" not in by_type or sum(c in by_type for c in HAZARDS) != 1:
        return magnitude
    moved = _the_evacuation(by_type, extra, readings, fled_violence)
    moved = {unit: value for unit, value in moved.items() if unit in UNITS_BY_TYPE[code]}
    if not moved:
        return magnitude
    kept = {unit: value for unit, value in magnitude.items() if unit not in ("evacuated", "displaced")}
    return kept | moved


def _with_its_displaced(
    magnitude: dict[str, float],
    by_type: dict[str, dict[int, Hit]],
    extra: dict[str, set[int]],
    readings: list[Reading],
    fled_violence: bool,
) -> dict[str, float]:
    """An attack on civilians that drove people out carries the figure of the flight the report tells
    (the labelling conventions), which replaces a rounder one the attack read itself: "massacre leaves
    thousands homeless" in the headline, "Some 6,270 people were left homeless and fled" in the body;
    and it carries it when the flight is told only in a sentence of its own ("559 people who fled
    were too scared to go home"). Only when no hazard stands beside it, whose the move would be."""
    if "evacuation" not in by_type or any(c in by_type for c in HAZARDS):
        return magnitude
    moved = _the_evacuation(by_type, extra, readings, fled_violence)
    if "displaced" not in moved:
        return magnitude
    return magnitude | {"displaced": moved["displaced"]}


def _implied_evacuation(
    by_type: dict[str, dict[int, Hit]],
    extra: dict[str, set[int]],
    readings: list[Reading],
    segs: list[Segment],
) -> str | None:
    """A disaster or accident that moved people out is also an evacuation event (the labelling guide:
    evacuation and displacement are always their own event): "Typhoon Koppu killed nine ... more than
    65,000 evacuated" reports an evacuation even where no evacuation cue fired on its own sentence
    ("were evacuated" after a death toll, "displaced" in a list of the storm's harms). The evacuation
    takes the sentences whose figure the hazard carries; a rescue ("650 people had been rescued") is
    no evacuation. Returns the hazard's code when it added one."""
    if "evacuation" in by_type:
        return None
    for code in HAZARDS:
        if code not in by_type:
            continue
        members = _members(code, by_type, extra)
        magnitude = measure(code, members, readings)
        moved = {unit for unit in ("evacuated", "displaced") if unit in magnitude}
        if not moved:
            continue
        inside = set(members)
        where = sorted(
            {
                r.segment
                for r in readings
                if (r.unit in moved or (r.flight and "evacuated" in moved))
                and not r.rescue
                and (r.segment in inside or r.segment == 0)
            }
        )
        if where:
            by_type["evacuation"] = {
                k: Hit("moved out by the " + code, (0, len(segs[k].text))) for k in where
            }
            return code
    return None


__all__ = ["classify"]


def _without_headline_totals(
    readings: list[Reading], segs: Sequence[Segment], quantities: Iterable[Quantity]
) -> list[Reading]:
    """The headline's figures less those the body gives as a running total.

    A headline drops the body's frame: "Kenya's flood death toll rises to 169" over "The number of
    people killed by floods in Kenya since March has risen to 169" is the season's total, not the
    day's dam burst; the body's sentence says so, and the same number in the headline is that total.
    Only a calendar or war-long frame: "Nine more people were killed this week" under "Landslides kill
    nine" is the event's own week.
    """
    calendar = quantity_cues().cumulative  # "since March", "since the war began": not "this week"
    totals = {
        (q.unit, q.value)
        for q in quantities
        if q.role == "event"
        and q.time_ref == "cumulative"
        and calendar.search(q.sentence_text.lower())
        and not any(
            g.headline and g.sentence == q.sentence and " ".join(q.text.split()) in " ".join(g.text.split())
            for g in segs
        )
    }
    if not totals:
        return readings
    headline = {g.index for g in segs if g.headline}
    # "40 civilians and 11 members of the armed forces were killed": the enrichment counts the first
    # member by its noun, so a harm figure of the headline matches a noun-counted total by value (one
    # not so small that it recurs by coincidence)
    by_noun = {value for unit, value in totals if unit not in HARM_UNITS and value >= 10}

    def total(r: Reading) -> bool:
        return (r.unit, r.value) in totals or (r.unit in HARM_UNITS and r.value in by_noun)

    dropped: dict[tuple[int, str], float] = {}
    for r in readings:
        if r.segment in headline and total(r) and not r.running:
            dropped[(r.segment, r.unit)] = dropped.get((r.segment, r.unit), 0.0) + r.value
    # "Army says 40 civilians and 11 soldiers died": the headline's sum of two totals is one too
    return [
        r
        for r in readings
        if r.segment not in headline or not (total(r) or dropped.get((r.segment, r.unit)) == r.value)
    ]


# A headline counting the dead: "at least 400 dead", "death toll passes 400".
_HEADLINE_TOLL = re.compile(
    r"\b(\d[\d,]*)\b[^.;]{0,30}?\b(?:dead|killed)\b"
    r"|\b(?:death toll|deaths?)\b[^.;]{0,30}?\b(\d[\d,]*)\b",
    re.I,
)


def toll_lead_types(segs: Sequence[Segment], by_type: dict[str, dict[int, Hit]]) -> set[str]:
    """The types cued in the first body sentence that gives the dead the headline counts: the headline's
    news, whatever the text model scores. "Zamzam camp death toll passes 400, UN says" over "The death toll
    from the Rapid Support Forces' attack on Zamzam camp ... has passed 400": the attack is the report's."""
    head = next((g for g in segs if g.headline), None)
    lead = next((g for g in segs if not g.headline), None)
    found = _HEADLINE_TOLL.search(head.text) if head is not None else None
    if found is None or lead is None:
        return set()
    number = (found.group(1) or found.group(2)).replace(",", "")
    if not re.search(rf"(?<![\d,]){re.escape(number)}(?![\d,])", lead.text.replace(",", "")):
        return set()
    return {code for code, hits in by_type.items() if lead.index in hits}
