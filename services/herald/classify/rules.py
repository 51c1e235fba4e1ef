"""Classification: which events an article reports, and how severe each one is.

``classify(article) -> list[Event]`` is the stage's pure function; the Faust agent and
``herald analyze`` both call it. It reads only the enrichment record (sentences, entities,
quantities) and the text; no second NLP parse, so it costs a small fraction of enrichment (see
bench/classify_bench.py). The method, the labelling guide and the measured quality are in README.md.

How an article becomes events:

1. **Segment cues.** Every segment (a sentence, with a glued-on headline cut off, ``segments.py``)
   is matched against every type's cues (``cues.py``). Ambiguous words are switched off in sport,
   market, labour and culture contexts; background ("captured in 2022") and attribution ("the air
   force said") do not count.
2. **One segment, one reading.** When two types fire on the same segment and one explains the
   other, the other is dropped (``ABSORBS``): "an air strike on a market killed 30" is an air strike
   on civilians, not also an attack on civilians; "forces captured the village after fierce
   fighting" is a territory change; arrests "at the protest" belong to the protest.
3. **One event per type per article,** made of all segments reporting that type, so a wrap-up
   yields one event for each thing it reports, each with its own sentences. A later segment with
   no cue of its own but with counts ("Five people were killed, officials said.") joins the
   event(s) of the segment before it, so the counts reach the severity.
4. **Per event**: magnitude (``magnitude.py``), actors (``event_actors.py``), location
   (``event_place.py``), severity with reasons (``severity.py``), and whether the text claims a record.

Event ids are ``stable_id("event", article id, type)``: the same article always yields the same ids,
so a redelivered batch produces duplicates downstream stages recognise, not new events.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache

from herald.core.records import EnrichedArticle, Event, stable_id

from . import claims, event_actors, event_place, phrasing, salience, segments
from .cues import (
    CIVILIANS,
    GENERIC_STRIKE,
    GENERIC_STRIKE_VETOES,
    HARD_NEWS,
    RULES,
    Cue,
    TypeRules,
    gate_of,
    is_background,
    is_off_topic,
    may_match,
    search,
    word_starts,
)
from .heartbeat import heartbeat_event, is_heartbeat
from .magnitude import UNITS_BY_TYPE, Reading, from_quantities, measure, read_text
from .segments import Segment, in_spans, reporting_spans
from .severity import score
from .taxonomy import CODES

# winner -> the types (or "type:cue name") it explains away when both fire on one sentence.
ABSORBS: dict[str, tuple[str, ...]] = {
    "territory_change": ("armed_clash",),
    "air_drone_strike": (
        "infrastructure_attack",
        "attack_on_civilians",
        "industrial_accident",
        "armed_clash:armed groups fighting",
    ),
    "missile_artillery_strike": (
        "air_drone_strike:warplanes attacking",
        "infrastructure_attack",
        "attack_on_civilians",
        "industrial_accident",
        "armed_clash:armed groups fighting",
    ),
    "attack_on_civilians": ("armed_clash:armed groups fighting", "riot:crowd looting or burning"),
    "infrastructure_attack": ("industrial_accident",),
    "riot": ("protest", "armed_clash", "arrest"),
    "protest": ("arrest",),
    "coup": ("arrest", "leadership_change", "armed_clash", "territory_change"),
    "natural_disaster": ("industrial_accident", "infrastructure_attack"),
    "cyberattack": ("infrastructure_attack",),
    "peace_talks": ("arrest", "armed_clash:armed groups fighting"),
    "leadership_change": ("armed_clash:armed groups fighting",),
}
# Verbs of an attack by one side (on a village, a camp): not by themselves a battle between two.
_ONE_SIDED = re.compile(r"attack(?:ed|ing|s)?|raid(?:ed|s)?|stormed|overran|assault(?:ed|s)?", re.I)
_REPELLED = next(c for c in phrasing.cues()["armed_clash"] if c.name == "attack repelled")
_PROTESTERS = re.compile(
    r"\b(?:protesters|protestors|demonstrators|rioters|marchers|looters|the (?:protest|rally|march|unrest|"
    r"riots?))\b",
    re.I,
)

# A named person held ("Alexei Navalny was arrested as he arrived to join the rally"): an arrest of its
# own, not the crowd's arrests.
_NAMED_HELD = re.compile(
    r"(?-i:\b[A-Z][a-z]+(?:-[A-Z][a-z]+)? [A-Z][a-z]+(?:-[A-Z][a-z]+)?) "
    r"(?:was|has been) (?:arrested|detained)\b"
)

_CROSSFIRE = re.compile(
    r"\b(?:fighting|clash(?:es)?|battles?|gunfights?|exchanges? of fire) (?:broke out |erupted )?between\b"
    r"|\b(?:soldiers|troops|fighters|militants|rebels|policemen|police officers)\b[^.;]{0,40}\band\b"
    r"[^.;]{0,20}\bcivilians\b",
    re.I,
)

_FORCES = re.compile(r"\b(?:police|troops|soldiers|army|security forces|military|residents fought)\b", re.I)
# Forces named only among the dead ("Gunmen kill 40 including six police officers"): victims, not a side.
_FORCES_AS_VICTIMS = re.compile(
    r"\b(?:including|among them|among the dead|of them)\s+(?:[\w-]+\s+){0,2}(?:police(?:men| officers)?|"
    r"officers|troops|soldiers|security (?:forces|personnel|guards)|vigilantes)\b",
    re.I,
)
# The text of a weapon-less generic "strike" hit that says only "attacks" ("20 killed in fresh attacks").
_NOT_STRIKE = r"(?:(?!strike|struck|bombard)[\w\s-])*"
_ONLY_ATTACKS = re.compile(rf"{_NOT_STRIKE}\battacks?\b{_NOT_STRIKE}", re.I)


def _type_gate(rules: TypeRules) -> frozenset[str] | None:
    """The word starts one of which a segment needs for any cue of the type to fire (None: no gate)."""
    gates = [gate_of(cue.pattern) for cue in rules.cues]
    return None if any(g is None for g in gates) else frozenset().union(*gates)  # type: ignore[arg-type]


_TYPE_GATES = [(rules, _type_gate(rules)) for rules in phrasing.extended(RULES)]


@dataclass(frozen=True)
class Hit:
    cue: str
    span: tuple[int, int]  # within the segment's text


def _match(
    rules: TypeRules | None,
    cues: Sequence[Cue],
    text: str,
    weak_ok: Callable[[], bool],
    article_text: str,
    said: Sequence[tuple[int, int]],
    starts: frozenset[str],
    asides: list[tuple[int, int]] | None = None,
) -> Hit | None:
    """The first cue of a type that fires on a segment, unless one of the type's vetoes applies.

    Cues are tried before vetoes because most segments fire no cue of a given type: the (longer)
    veto patterns then never run, which is most of what keeps classification cheap.
    """
    for cue in cues:
        if not may_match(cue.pattern, starts) or (cue.weak and not weak_ok()):
            continue
        excluded: list[tuple[int, int]] | None = None
        for m in cue.pattern.finditer(text):
            if excluded is None:
                if cue.context is not None and not search(cue.context, text, starts):
                    break
                if cue.article_context is not None and not cue.article_context.search(article_text):
                    break
                excluded = [e.span() for e in cue.exclude.finditer(text)] if cue.exclude is not None else []
            if in_spans(m.start(), excluded) or in_spans(m.start(), said) or is_background(text, m):
                continue
            if salience.aside(text, *m.span()):
                if asides is not None:
                    asides.append(m.span())
                continue
            if rules is not None and any(search(v, text, starts) for v in rules.vetoes):
                return None
            return Hit(cue.name, m.span())
    return None


def _segment_hits(
    text: str,
    weak_ok: Callable[[], bool],
    article_text: str,
    starts: frozenset[str],
    asides: list[tuple[int, int]] | None = None,
) -> dict[str, Hit]:
    """Step 1 and 2: the types one segment reports, after same-segment absorption. Cue words found
    to be asides (``salience.aside``) are appended to ``asides`` when given."""
    hits: dict[str, Hit] = {}
    said = reporting_spans(text)
    for rules, gate in _TYPE_GATES:
        if gate is not None and gate.isdisjoint(starts):
            continue
        hit = _match(rules, rules.cues, text, weak_ok, article_text, said, starts, asides)
        if hit is not None:
            hits[rules.code] = hit
    if "air_drone_strike" not in hits and "missile_artillery_strike" not in hits:
        hit = _match(None, (GENERIC_STRIKE,), text, weak_ok, article_text, said, starts)
        if hit is not None and not any(v.search(text) for v in GENERIC_STRIKE_VETOES):
            hits["strike"] = hit
    # A bomb at a pipeline is an infrastructure attack; it is also an attack on civilians only when
    # the sentence names civilian victims.
    if "infrastructure_attack" in hits and "attack_on_civilians" in hits and not CIVILIANS.search(text):
        del hits["attack_on_civilians"]
    # Armed men killing people in a village where a battle is reported: the battle, unless the
    # sentence names civilian victims. "Attacked a village" alone is one-sided: the attack on civilians.
    clash = hits.get("armed_clash")
    # Residents fighting beside the police to drive attackers back are a side in a battle, not victims.
    repelled = clash is not None and _REPELLED.pattern.search(text) is not None
    one_sided = (
        clash is not None
        and not repelled
        and _ONE_SIDED.fullmatch(text[clash.span[0] : clash.span[1]]) is not None
    )
    if (
        hits.get("attack_on_civilians", Hit("", (0, 0))).cue == "armed men attacking civilians"
        and clash is not None
        and not one_sided
        and not CIVILIANS.search(text)
    ):
        del hits["attack_on_civilians"]
    if one_sided and "attack_on_civilians" in hits:
        del hits["armed_clash"]
    # Civilians killed in a battle between two named sides, or counted beside the soldiers who fell in it
    # ("six soldiers and nine civilians were killed when fighting broke out between ..."): the battle.
    if clash is not None and not one_sided and "attack_on_civilians" in hits and _CROSSFIRE.search(text):
        del hits["attack_on_civilians"]
    if repelled:
        hits.pop("attack_on_civilians", None)
    # Plotters arrested after a coup attempt are an arrest of their own, not part of the seizure.
    keep_arrest = "coup" in hits and phrasing.coup_plotters_arrested().search(text) is not None
    # A named person held at a rally is an arrest of its own, not the crowd's arrests.
    keep_arrest = keep_arrest or ("coup" not in hits and _NAMED_HELD.search(text) is not None)
    for winner, losers in ABSORBS.items():
        if winner not in hits:
            continue
        for loser in losers:
            if keep_arrest and loser == "arrest":
                continue
            code, _, cue = loser.partition(":")
            if code in hits and (not cue or hits[code].cue == cue):
                del hits[code]
    return hits


def _drop_passing_mentions(segs: Sequence[Segment], per_segment: list[dict[str, Hit]]) -> None:
    """Past the lead, a type the headline and lead do not report needs a sentence that presents itself
    as news ("on Sunday", "separately", "also"); otherwise it is a passing mention and is dropped."""
    lead: set[str] = set()
    body = 0
    for k, g in enumerate(segs):
        if g.headline or body < salience.LEAD_SEGMENTS:
            lead.update(per_segment[k])
            body += not g.headline
            continue
        for code in [c for c in per_segment[k] if c not in lead and not (c == "strike" and lead)]:
            if not salience.marks_news(g.text):
                del per_segment[k][code]
        lead.update(per_segment[k])


def _places_in(article: EnrichedArticle, segment: Segment) -> set[str]:
    return {
        e.text.lower() for e in article.entities if segment.contains(e) and e.label in {"GPE", "LOC", "FAC"}
    }


def _countries_in(article: EnrichedArticle, segment: Segment, *, named_only: bool) -> set[str]:
    """Country codes of a segment's places: of every resolved place, or only of places that are
    themselves countries ("Six killed in Kenya" covers Nairobi; Nairobi does not cover Mombasa)."""
    return {
        e.geo.country_code
        for e in article.entities
        if segment.contains(e) and e.geo is not None and (not named_only or e.geo.kind == "country")
    }


def _group(
    article: EnrichedArticle, segs: list[Segment], per_segment: list[dict[str, Hit]]
) -> dict[str, dict[int, Hit]]:
    """Step 3: per type, the segments that report it (segment index -> hit)."""
    by_type: dict[str, dict[int, Hit]] = {}
    for k, hits in enumerate(per_segment):
        for code, hit in hits.items():
            if code == "strike":
                # A weapon-less "strike" right after an air or missile report continues it ("Strikes
                # hit Kyiv and Kharkiv, killing 12"); on its own it is an air strike, as ACLED codes an
                # unspecified strike. A headline is not a report to continue.
                before = per_segment[k - 1] if k > 0 and not segs[k - 1].headline else {}
                remote = [c for c in ("air_drone_strike", "missile_artillery_strike") if c in before]
                for c in remote or ["air_drone_strike"]:
                    by_type.setdefault(c, {}).setdefault(k, hit)
            else:
                by_type.setdefault(code, {})[k] = hit
    # Arrests of protesters are part of the protest (ACLED: protest with intervention): the arrest
    # sentence names the crowd, or follows a sentence about it ("Officers fired tear gas and detained 60").
    crowd = "riot" if "riot" in by_type else "protest" if "protest" in by_type else None
    if crowd and "arrest" in by_type:
        crowd_segments = set(by_type[crowd])
        crowd_places = set().union(*(_places_in(article, segs[k]) for k in crowd_segments))

        def same_scene(k: int) -> bool:
            # In a wrap-up the next sentence may be another story ("In Hong Kong, police arrested six").
            here = _places_in(article, segs[k])
            # "Police fired tear gas ... Hundreds took part ... A number of people were arrested."
            return bool({k - 1, k - 2} & crowd_segments) and (not here or bool(here & crowd_places))

        folded = [
            k
            for k in by_type["arrest"]
            if not _NAMED_HELD.search(segs[k].text) and (_PROTESTERS.search(segs[k].text) or same_scene(k))
        ]
        for k in folded:
            by_type[crowd].setdefault(k, by_type["arrest"].pop(k))
        if not by_type["arrest"]:
            del by_type["arrest"]
    _fold_munitions_and_damage(segs, by_type)
    # A protest that turned into a riot is the riot, unless the protest was somewhere else.
    if "riot" in by_type and "protest" in by_type:
        riot_places = set().union(*(_places_in(article, segs[k]) for k in by_type["riot"]))
        riot_countries = set().union(
            *(_countries_in(article, segs[k], named_only=True) for k in by_type["riot"])
        )
        for k in list(by_type["protest"]):
            here = _places_in(article, segs[k])
            elsewhere = here and riot_places and here.isdisjoint(riot_places)
            if not elsewhere or _countries_in(article, segs[k], named_only=False) & riot_countries:
                by_type["riot"].setdefault(k, by_type["protest"].pop(k))
        if not by_type["protest"]:
            del by_type["protest"]
    # A headline's one-sided "attack" ("Jihadists kill 25 in attack on Djibo") over a body that reports the
    # attack on civilians is that attack, not a battle of its own; one that names the forces fighting back
    # ("Gangs attack Petion-Ville, police kill 28 suspects") keeps its battle.
    # So is one whose forces are only among the dead ("Gunmen kill 40 including six police officers").
    if "attack_on_civilians" in by_type and "armed_clash" in by_type:
        for k, hit in list(by_type["armed_clash"].items()):
            said = segs[k].text[hit.span[0] : hit.span[1]]
            victims = _FORCES_AS_VICTIMS.search(segs[k].text) is not None
            fighting_back = _FORCES.search(_FORCES_AS_VICTIMS.sub("", segs[k].text)) is not None
            if segs[k].headline and (_ONE_SIDED.fullmatch(said) or victims) and not fighting_back:
                by_type["attack_on_civilians"].setdefault(k, by_type["armed_clash"].pop(k))
        if not by_type["armed_clash"]:
            del by_type["armed_clash"]
    # A headline's weapon-less "attacks" ("20 killed in fresh attacks on two villages") over a body that
    # reports gunmen killing villagers is that attack, not an unspecified air strike.
    if any(not segs[k].headline for k in by_type.get("attack_on_civilians", {})):
        air = by_type.get("air_drone_strike", {})
        generic = {
            k: hit
            for k, hit in air.items()
            if segs[k].headline
            and hit.cue == GENERIC_STRIKE.name
            and _ONLY_ATTACKS.fullmatch(segs[k].text[hit.span[0] : hit.span[1]])
        }
        if generic and len(generic) == len(air):
            for k in generic:
                by_type["attack_on_civilians"].setdefault(k, air.pop(k))
            del by_type["air_drone_strike"]
    # Gunfire in a coup report is the coup ("Gunfire erupted around State House", "loyal forces killed
    # three of the plotters"): soldiers shooting at the palace are not a battle between armed groups.
    if "coup" in by_type and "armed_clash" in by_type:
        for k, hit in list(by_type["armed_clash"].items()):
            if hit.cue == "armed groups fighting":
                by_type["coup"].setdefault(k, by_type["armed_clash"].pop(k))
        if not by_type["armed_clash"]:
            del by_type["armed_clash"]
    return by_type


def _fold_munitions_and_damage(segs: Sequence[Segment], by_type: dict[str, dict[int, Hit]]) -> None:
    """Words that describe a reported event rather than a second one: the missiles an air strike's
    aircraft fired, and the walls a storm brought down."""

    def said(k: int, hit: Hit) -> str:
        return segs[k].text[hit.span[0] : hit.span[1]]

    air = by_type.get("air_drone_strike", {})
    if "missile_artillery_strike" in by_type and any(
        phrasing.air_words().search(said(k, h)) for k, h in air.items()
    ):
        missiles = by_type["missile_artillery_strike"]
        for k, hit in list(missiles.items()):
            if hit.cue == "missiles fired" and not phrasing.ground_launched().search(segs[k].text):
                air.setdefault(k, missiles.pop(k))
        if not missiles:
            del by_type["missile_artillery_strike"]
    # "seized two towns after heavy fighting": the fighting is how the place was taken.
    clashes = by_type.get("armed_clash", {})
    if "territory_change" in by_type and clashes:
        for k in list(clashes):
            if phrasing.fighting_before_capture().search(segs[k].text):
                by_type["territory_change"].setdefault(k, clashes.pop(k))
        if not clashes:
            del by_type["armed_clash"]
    # "Special forces soldiers detained Conde after hours of gunfire" beside a coup report is the coup.
    if "coup" in by_type:
        for code in ("arrest", "armed_clash"):
            hits = by_type.get(code, {})
            for k in list(hits):
                held = code == "arrest" and phrasing.coup_plotters_arrested().search(segs[k].text)
                if not held and phrasing.coup_forces().search(segs[k].text):
                    by_type["coup"].setdefault(k, hits.pop(k))
            if code in by_type and not hits:
                del by_type[code]
    accidents = by_type.get("industrial_accident", {})
    if "natural_disaster" in by_type and accidents:
        if all(phrasing.disaster_damage().search(said(k, h)) for k, h in accidents.items()):
            by_type["natural_disaster"].update(
                {k: h for k, h in accidents.items() if k not in by_type["natural_disaster"]}
            )
            del by_type["industrial_accident"]


def _continuations(
    by_type: dict[str, dict[int, Hit]], segs: list[Segment], readings: list[Reading]
) -> dict[str, set[int]]:
    """Cue-less body segments with counts join the event(s) of the nearest earlier cue segment."""
    cued = {k for hits in by_type.values() for k in hits}
    units_in: dict[int, set[str]] = {}
    for r in readings:
        units_in.setdefault(r.segment, set()).add(r.unit)
    extra: dict[str, set[int]] = {}
    for k, units in units_in.items():
        if k in cued or segs[k].headline:
            continue
        for j in (k - 1, k - 2):
            if j < 0 or j not in cued:
                continue
            if segs[j].headline and sum(j in hits for hits in by_type.values()) > 1:
                break  # a headline listing several events does not say which one the counts belong to
            for code in by_type:
                if j in by_type[code] and units & UNITS_BY_TYPE.get(code, frozenset()):
                    extra.setdefault(code, set()).add(k)
            break
    return extra


def classify(article: EnrichedArticle) -> list[Event]:
    """The events the article reports, in taxonomy order; empty for non-event articles.

    Articles the enrichment did not process (``enriched=False``: duplicates, unsupported languages)
    yield nothing: the cues are English and duplicates were already classified once. The heartbeat's
    canary yields its one ``heartbeat`` event before any of that (``heartbeat.py``), so neither the
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
        hits = _segment_hits(g.text, weak_ok, text, starts, asides)
        # Asked only of segments with a cue: most segments have none, and the check is a dozen patterns.
        background = bool(hits) and salience.background_sentence(g.text) is not None
        per_segment.append({} if background else hits)
        if (background or asides) and not per_segment[-1]:
            quiet.add(g.index)
    if not salience.is_roundup(article.title):
        _drop_passing_mentions(segs, per_segment)
    by_type = _group(article, segs, per_segment)
    if not by_type:
        return []
    readings = from_quantities(article.quantities, segs)
    cued = {k for hits in by_type.values() for k in hits}
    for g in segs:
        # Counts matter in an event's segments and the two after them (continuations), nowhere else.
        if g.index in cued or g.index - 1 in cued or g.index - 2 in cued:
            readings.extend(read_text(g.text, g.index))
    extra = _continuations(by_type, segs, [r for r in readings if r.segment not in quiet])
    events = []
    for code in CODES:
        if code not in by_type:
            continue
        triggers = {k: hit.span for k, hit in by_type[code].items()}
        members = sorted(set(triggers) | extra.get(code, set()))
        texts = [" ".join(segs[k].text.split()) for k in members]
        magnitude = measure(code, members, readings)
        severity, reasons = score(code, magnitude, texts)
        cues_fired = sorted({hit.cue for hit in by_type[code].values()})
        reasons.insert(1, "matched: " + ", ".join(cues_fired))
        cast = event_actors.find(code, article, [(segs[k], span) for k, span in triggers.items()])
        location = event_place.locate(article, [segs[k] for k in members], cast.attackers, cast.targets)
        event_id = stable_id("event", article.id, code)
        found = claims.extract(code, texts)
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
                record_claim=any(claim.kind == "record" for claim in found),
                claims=found,
            )
        )
    return claims.one_owner(events)


__all__ = ["ABSORBS", "classify"]
