"""Where an event happened: the most specific place its sentences name, and that place's country.

The enrichment stage resolves places (``Entity.geo``: name, country, admin1, kind, coordinates);
this module only chooses among them. Choosing, not resolving, is the classifier's job because only it
knows which sentences belong to which event: in a wrap-up the drone strike is in Odesa and the
resignation in Kyiv.

Order of preference: a resolved city, then a resolved region, then a place the text itself marks as
a settlement or province ("the village of Malynivka", unresolved: the enrichment's gazetteer does not
know every village), then a resolved country, then other unresolved names. The headline counts only
when the body names no place; among equals the earlier mention wins. Places that only appear as the
attacker ("Russia launched ..."), in the attribution ("..., the ministry in Moscow said"), in the
dateline ("ISLAMABAD (AP) - ...": where the reporter sat), as the launch site ("rockets fired from
Rafah") or as where help sets out from ("a relief flight will leave Brussels") are not where
it happened; the dateline and the launch site still count when the event's sentences name nothing else.
An attack aimed at a country ("drones at Ukraine") puts the places of other countries its sentences name
below that country; among countries named equally, the dateline's wins. When no place resolves, the
country comes from the people a toll counts, the officials who report it ("Pakistani officials said"),
or a state body the event hit or that reports at home ("the State Department").
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Any, Literal

from herald.core import yaml_data
from herald.core.records import EnrichedArticle, Entity, Location

from .segments import Segment, attribution_spans, in_spans

_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_KIND_RANK = {"city": 4.0, "region": 3.0, "country": 1.0}
# Unresolved names the text itself marks as a settlement ("the village of Malynivka") or a province
# ("the Tambov region") are more specific than a resolved country, less trustworthy than a resolved city.
_NAMED_SETTLEMENT = 1.6
_NAMED_PROVINCE = 1.3

_VILLAGE_OF = re.compile(
    r"\b(?:village|town|city|settlement|hamlet|port city|district|suburb|neighbou?rhood) of "
    r"((?-i:[A-Z][\w'\u2019-]+)(?: (?-i:[A-Z][\w'\u2019-]+))?)",
    re.I,
)
_NAMED_REGION = re.compile(
    r"\b([A-Z][\w-]+(?: [A-Z][\w-]+)?) (?:region|oblast|province|governorate|state|district|county|"
    r"prefecture)\b"
)
# "ISLAMABAD (AP) - ", "WELLINGTON, New Zealand - ", "CAIRO/JERUSALEM - ": the reporting city.
# "Abidjan - Jihadists ambushed ...", "Hanoi (VNA) - ": a dateline in title case, always before a spaced
# dash (after the agency, if any).
_DATELINE = re.compile(
    r"^\s*(?:(?-i:[A-Z][A-Z.'\u2019-]+(?:[ /][A-Z][A-Z.'\u2019-]+)*)|"
    r"(?-i:[A-Z][a-z]+(?:[ /][A-Z][a-z]+)?)"
    r"(?=(?:,\s+[A-Z][\w.'-]+(?:\s[A-Z][\w.'-]+){0,2})?"
    r"(?:\s*\([A-Za-z][A-Za-z ./&]*\))?\s+(?:--|[-\u2013\u2014])\s))"  # "Hanoi (VNA) - "
    # ", United Arab Emirates", ", March 4", ", Sudan, Feb. 11 (UPI) --"
    r"(?:,\s+[A-Z][\w.'-]+(?:\s(?:[A-Z][\w.'-]+|\d{1,2})){0,2}){0,2}"
    r"\s*(?:\([A-Za-z][A-Za-z ./&]*\)\s*)?(?:--|[-\u2013\u2014:])\s"  # "(UrduPoint News / Sputnik)"
)
# Rank steps; the cues they go with are in data/places.yaml under the same name in lowercase.
_DESTINATION_PENALTY = 3.5  # where people travel on to: below any place named as where it happened
_SUBJECT_PENALTY = 2.5  # a subject city below a venue city or region, above nothing
_TALKS_PARTY_PENALTY = 5.5  # a party's city below even a venue the headline names
# A city speaking in a headline ("Moscow claims capture of Balahan village in Donetsk", "Kabul says"):
# its government, below another town the headline names, above the headline's countries.
_HEADLINE_SPEAKER_PENALTY = 1.5
_ARRIVAL_PENALTY = 3.0  # the country refugees arrive in, below the one they fled
_TALKS_DATELINE_RANK = 1.5  # above a party's country, below a venue city the sentences name
_VENUE_BONUS = 1.0  # a country talks are held in, above the parties' countries
_AIMED_ELSEWHERE_PENALTY = 3.5  # another country's place after "drones at Ukraine": a side incident
_EPICENTRE_BONUS = 1.5  # the epicentre above the towns reporting their own tolls
_BATTERED_BONUS = 2.5  # the land a storm pounds above the regions abroad that evacuate
_HAZARD_BONUS = 0.5  # "Pakistan floods": the place named with the hazard it suffered
_REACHED_PENALTY = 3.5  # where a warning or the shaking reached: below any country the sentences name
_OWNER_PENALTY = 1.5  # "two US destroyers": the owner, below an unresolved sea or town
_IN_COUNTRY_BONUS = 0.05  # a country said to be where ("in New Caledonia") above one as a subject
# "Twelve Pakistani soldiers were killed", "15 Afghan civilians died": the people a toll counts. Where a
# report names no place but the dateline of an agency abroad ("NEW DELHI - "), their country is the place.
_HARM_UNITS = frozenset({"killed", "wounded", "missing"})
_DATELINE_RANK = -6.0  # below a headline's places: only when nothing else is named
_LANDMARK_PENALTY = 1.5  # a landmark city below the region it is the landmark of, above a country
_ORIGIN_PENALTY = 2.0  # a launch town below any target town or region, above a bare country
_CARRIER_ORIGIN_PENALTY = 10.0  # an imported case's home country: below even the reporter's dateline
_TREATED_ABROAD_PENALTY = 10.0  # where the wounded were flown for treatment: below even the dateline

# NER sometimes tags a demonym as a place ("Ukrainian") or a disease as one ("Marburg virus").
_DEMONYM = re.compile(r"^(?-i:[A-Z])[a-z]+(?:ian|ean|ese|ish)s?$")


@cache
def _places_data() -> dict[str, Any]:
    """``data/places.yaml``, read once (on first use, not at import)."""
    text = resources.files("herald.classify").joinpath("data", "places.yaml").read_text(encoding="utf-8")
    data: dict[str, Any] = yaml_data.load(text)
    return data


@cache
def _place_cues(key: str) -> re.Pattern[str]:
    """One list of cues of ``data/places.yaml`` as one pattern, case-insensitive unless a cue says
    ``case_sensitive: true`` (a cue that tells names from common words by their capitals)."""
    return re.compile(
        "|".join(
            f"(?-i:{cue['pattern']})" if cue.get("case_sensitive") else f"(?:{cue['pattern']})"
            for cue in _places_data()[key]
        ),
        re.I,
    )


_cue = _place_cues


@cache
def _leading_words() -> frozenset[str]:
    """Capitalised words that start a sentence or a phrase, not a proper name ("The British Navy")."""
    return frozenset(_places_data()["leading_words"])


def _neighbour_cues() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The cues that mark a country as the other side of a border."""
    return _place_cues("neighbour_before"), _place_cues("neighbour_after")


def _speaker_cues() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The cues that mark a place's name as a government or party speaking."""
    return _place_cues("speaker_after"), _place_cues("speaker_not_before")


def _speaks(before: str, after: str) -> bool:
    """Whether a place's name is the subject of a speech or an appeal ("Kabul called", "Qatar appealed"),
    not where a speaker sits ("a committee in El Fasher said")."""
    cue_after, not_before = _speaker_cues()
    return cue_after.match(after) is not None and not_before.search(before) is None


@lru_cache(maxsize=4096)
def _whole_word(text: str) -> re.Pattern[str]:
    """``text`` as a whole word; cached because the same names recur and compiling costs more than
    the search (re's own cache is evicted by the rule patterns)."""
    return re.compile(rf"\b{re.escape(text)}\b")


def _counted_by_toll(article: EnrichedArticle, entity: Entity) -> bool:
    """Whether a demonym sits in the span the enrichment read a harm count from ("Twelve Pakistani
    soldiers were killed"): the people the toll counts are of that country."""
    word = _whole_word(entity.text)
    return any(
        q.unit in _HARM_UNITS and q.sentence == entity.sentence and word.search(q.text)
        for q in article.quantities
    )


def _neighbour(before: str, after: str) -> bool:
    """Whether a country is named as the far side of a border ("near the border with Niger")."""
    cue_before, cue_after = _neighbour_cues()
    return bool(cue_before.search(before) or cue_after.match(after))


def _disease_names(article: EnrichedArticle) -> frozenset[str]:
    """Names the report calls a disease somewhere ("Marburg virus disease"): every other mention of
    the name ("Rwanda's Marburg outbreak", "Marburg kills up to 88%") is the disease, not the town."""
    text = article.text()
    return frozenset(
        e.text
        for e in article.entities
        if _cue("not_a_place_after").match(text[e.start + len(e.text) : e.start + len(e.text) + 20])
    )


@dataclass(frozen=True)
class Candidate:
    rank: float
    order: tuple[int, int]
    name: str
    entity: Entity | None


def locate(
    article: EnrichedArticle,
    segs: Sequence[Segment],
    attackers: Collection[int] = (),
    targets: Collection[int] = (),
    code: str = "",
    lead: Sequence[Segment] = (),
) -> Location | None:
    """The event's location, or None when neither its segments nor ``lead`` name a place.

    ``attackers`` and ``targets`` are the start offsets of entities the actor finder assigned. An
    attacker is never the location; a target ("drones at Ukraine") is, but only when nothing more
    specific is named. ``code`` is the event type: talks are placed at their venue, not their subject;
    a displacement where people fled from, not where they arrived. ``lead`` is the article's segments:
    an event whose own sentences name no place ("Russia also fired three missiles") happened where the
    headline and the sentences before it put the story (the lead, for an event only the headline raised).
    """
    candidates: list[Candidate] = []
    arrivals, origins = _refugee_countries(article, segs) if code == "evacuation" else (set(), set())
    launch_sites: set[int] = set()  # indexes into candidates
    countries: list[Entity] = []
    peoples: list[Entity] = []  # "a Russian refinery": a demonym that is not the attacker's
    # Every demonym's country but a weapon's ("Pakistani shelling"), ground forces' included.
    named_peoples: set[str] = set()
    victims: list[Entity] = []  # "Twelve Pakistani soldiers were killed": the people a toll counts
    speakers: list[Entity] = []  # "Kaduna state police said": a town or region in the attribution
    officials: list[Entity] = []  # "Pakistani officials said": a government speaking of its own ground
    # The countries an attack is aimed at ("at Ukraine"), each where it is first named.
    aimed: dict[str | None, tuple[int, int]] = {}
    dateline_countries: set[str] = set()  # "BARABANKI, India -- ": where the reporter is
    diseases = _disease_names(article)
    for seg in segs:
        spans = attribution_spans(seg.text)
        speaker = _cue("speaker_clause").match(seg.text)
        dateline = _DATELINE.match(seg.text)
        dateline_end = dateline.end() if dateline else -1
        whose_dead = bool(_cue("dead_by_nationality").search(seg.text))
        for entity in article.entities:
            if not seg.contains(entity):
                continue
            if entity.label == "NORP" and entity.geo is None:
                local = entity.start - seg.start
                weapon = _cue("attacker_noun_after").match(seg.text[local + len(entity.text) :])
                if entity.country_code and (
                    not weapon or _cue("ground_forces_after").match(seg.text[local + len(entity.text) :])
                ):
                    named_peoples.add(entity.country_code)  # "Nigerian troops", not "Pakistani shelling"
                if whose_dead:
                    continue  # "Of the dead, 17 were Chinese": whose the dead were, not where it happened
                if entity.country_code and _counted_by_toll(article, entity):
                    victims.append(entity)
                inside = _inside_name(seg.text, entity.start - seg.start, len(entity.text))
                if (
                    entity.country_code
                    and entity.start not in attackers
                    and in_spans(local, spans)
                    and _cue("officials_after").match(seg.text[local + len(entity.text) :])
                ):
                    officials.append(entity)  # "..., the Pakistani military said"
                armed = _cue("armed_men_after").match(seg.text[local + len(entity.text) :])
                if entity.country_code and entity.start not in attackers and not seg.headline and not weapon:
                    if armed:
                        continue  # "clashed with Syrian gunmen at a border crossing": who fought, not where
                    if inside or _neighbour(
                        seg.text[max(0, local - 60) : local], seg.text[local + len(entity.text) :]
                    ):
                        continue  # "near the Afghan border": the other side of the border
                    if not in_spans(entity.start - seg.start, spans):
                        peoples.append(entity)
                continue
            if entity.label not in _PLACE_LABELS and entity.geo is None:
                continue
            local = entity.start - seg.start
            after = seg.text[local + len(entity.text) :]
            if (
                in_spans(local, spans)
                and entity.start not in attackers
                and entity.geo is not None
                and entity.geo.kind in ("city", "region")
                and not _place_cues("seat_before").search(seg.text[max(0, local - 40) : local])
            ):
                speakers.append(entity)
            if entity.start in attackers or in_spans(local, spans) or "\n" in entity.text.strip():
                continue
            if (
                _cue("not_a_place_after").match(after)
                or _cue("based_after").match(after)
                or entity.text in diseases
            ):
                continue
            if _cue("launcher_after").match(after) and not _cue("locative_before").search(
                seg.text[max(0, local - 40) : local]
            ):
                continue  # "the drones that Russia launched"; not "police in Hong Kong fired"
            if (
                entity.geo is not None
                and entity.geo.kind == "country"
                and _neighbour(seg.text[max(0, local - 60) : local], after)
            ):
                continue
            if (
                entity.geo is not None
                and _cue("staying_before").search(seg.text[max(0, local - 30) : local])
                and _cue("staying_after").match(after)
            ):
                continue  # "President Bongo is in Morocco recovering from a stroke": where a person is
            if (
                entity.geo is not None
                and entity.geo.kind == "country"
                and _cue("abroad_speaker_after").match(after)
            ):
                continue  # "India's foreign ministry offered condolences to Pakistan": the agency abroad
            if code == "peace_talks" and entity.geo is not None and _cue("party_after").match(after):
                continue  # "Ukraine's side said": a party speaking, the talks' venue is elsewhere
            if entity.geo is not None and _cue("listener_before").search(
                seg.text[max(0, local - 12) : local]
            ):
                continue  # "the president told France 24": who heard it, not where it happened
            party = _place_cues("party_before").search(seg.text[max(0, local - 40) : local])
            if entity.geo is not None and party:
                continue  # "strained relations with Kabul": a government dealt with, not the place
            landmark = _place_cues("landmark_before").search(seg.text[max(0, local - 50) : local])
            seat = _place_cues("seat_before").search(seg.text[max(0, local - 40) : local])
            if entity.geo is not None and seat:
                continue  # "the defence ministry in Moscow said": where the reporting ministry sits
            if (
                entity.geo is not None
                and entity.geo.kind == "city"
                and _cue("measurer_after").match(after)
                and _cue("measurer_before").search(seg.text[max(0, local - 40) : local])
            ):
                continue  # "the research centre in Potsdam measured 5.6": where the measuring agency sits
            if (
                entity.geo is not None
                and entity.geo.kind in ("city", "country")
                and not seg.headline  # "Pakistan says four troops killed": a headline's subject is the place
                and _speaks(seg.text[max(0, local - 30) : local], after)
            ):
                continue  # "in what Kabul called retaliation": the government speaking, not the place
            if (
                entity.geo is not None
                and entity.geo.kind in ("city", "country")
                and not seg.headline
                and _cue("taker_after").match(after)
                and not _cue("locative_before").search(seg.text[max(0, local - 40) : local])
            ):
                continue  # "Moscow took Avdiivka": the government that took ground, not the ground
            if (
                entity.geo is not None
                and entity.geo.kind == "country"
                and _cue("victims_from_before").search(seg.text[max(0, local - 160) : local])
            ):
                continue  # "19 foreign nationals among the dead, from Iran and Norway": whose the dead were
            if entity.geo is not None and _cue("agent_before").search(seg.text[max(0, local - 50) : local]):
                continue  # "strikes carried out by the United States": the attacker, not the place
            if entity.geo is not None and _cue("company_source_after").match(after):
                continue  # "U.S. company Microsoft said it found malware": a source, not the place
            if entity.geo is not None and entity.label == "NORP":
                rank = 0.4  # "Indonesian authorities": a hint of the country, not a place named
            elif entity.geo is not None:
                rank = _KIND_RANK.get(entity.geo.kind or "", 2.0)
                if entity.geo.kind == "country" and _cue("war_after").match(after):
                    rank -= _SUBJECT_PENALTY  # "an end to the Iraq war" in Washington: the subject
                elif entity.geo.kind == "country" and not _owner(after):
                    # "US drones fired at a village in South Waziristan": the drones' owner is no
                    # country for the unknown village.
                    countries.append(entity)
                if entity.geo.kind == "country" and _cue("in_country_before").search(
                    seg.text[max(0, local - 40) : local]
                ):
                    rank += _IN_COUNTRY_BONUS  # "restore order in New Caledonia", above "France hopes"
            elif _DEMONYM.match(entity.text):
                continue
            else:
                rank = _unresolved_rank(seg.text[max(0, local - 40) : local], after, entity)
            if landmark and entity.geo is not None and entity.geo.kind == "city":
                rank -= _LANDMARK_PENALTY  # "the province around Vienna": the province, not Vienna
            if entity.start in targets and entity.geo is not None and entity.geo.kind == "country":
                rank -= 0.1
                if not seg.headline and _cue("aimed_at_before").search(seg.text[max(0, local - 20) : local]):
                    aimed.setdefault(entity.geo.country_code, (seg.index, local))
            if (
                code == "peace_talks"
                and entity.geo is not None
                and entity.geo.kind == "country"
                and _cue("venue_before").search(seg.text[max(0, local - 10) : local])
            ):
                rank += _VENUE_BONUS
            if (
                code == "natural_disaster"
                and entity.geo is not None
                and _cue("epicentre_before").search(seg.text[max(0, local - 90) : local])
            ):
                rank += _EPICENTRE_BONUS
            if (
                code == "natural_disaster"
                and entity.geo is not None
                and _cue("battered_before").search(seg.text[max(0, local - 40) : local])
            ):
                rank += _BATTERED_BONUS
            if code == "natural_disaster" and entity.geo is not None and _cue("hazard_after").match(after):
                rank += _HAZARD_BONUS
            if entity.geo is not None and entity.geo.kind == "country" and _owner(after):
                rank -= _OWNER_PENALTY
            window = seg.text[max(0, local - 90) : local]
            if code == "natural_disaster" and (
                _cue("reached_before").search(window) or _cue("forecast_before").search(window[-60:])
            ):
                rank -= _REACHED_PENALTY  # where a warning, the shaking or the storm's forecast path reached
            if code == "peace_talks" and (
                _cue("subject_before").search(window) or _cue("subject_after").match(after)
            ):
                rank -= _SUBJECT_PENALTY
            if (
                code == "peace_talks"
                and entity.geo is not None
                and entity.geo.kind in ("city", "country")
                and not seg.headline
                and (
                    _cue("talks_party_before").search(window)
                    or (
                        _cue("talks_party_after").match(after)
                        and not _cue("locative_before").search(seg.text[max(0, local - 40) : local])
                    )
                )
            ):
                rank -= _TALKS_PARTY_PENALTY  # "between Baku and Yerevan", "Moscow was satisfied": a party
            if origins and entity.geo is not None and entity.geo.country_code in arrivals - origins:
                rank -= _ARRIVAL_PENALTY
            if code != "evacuation" and (
                _cue("destination_before").search(window[-50:])
                or _cue("homecoming_before").search(window[-50:])
            ):
                rank -= _DESTINATION_PENALTY
            if _cue("treated_abroad_before").search(window):
                rank -= _TREATED_ABROAD_PENALTY  # "122 of whom were flown to Turkey, Sudan and Kenya"
            if code == "disease_outbreak" and _cue("carrier_origin_before").search(window[-50:]):
                rank -= _CARRIER_ORIGIN_PENALTY  # "a man back from Bahrain tested positive": not Bahrain's
            if (
                ("from" in window and _cue("origin_before").search(window))
                or _cue("departure_before").search(window)
                or (_cue("launchers_in_before").search(window[-50:]) and _cue("firing_after").match(after))
            ):
                rank -= _ORIGIN_PENALTY
                launch_sites.add(len(candidates))
            if seg.headline:
                rank -= 5.0  # a headline lists places in shorthand: only when the body names none
                if entity.geo is not None and entity.geo.kind == "city" and _speaks("", after):
                    rank -= _HEADLINE_SPEAKER_PENALTY  # "Moscow claims capture of village in Donetsk"
            if local < dateline_end:
                if entity.geo is not None and entity.geo.country_code:
                    dateline_countries.add(entity.geo.country_code)
                # Talks are reported from where they are held ("GENEVA - Syria's government and
                # opposition delegations ..."): there the dateline is the venue, above the parties.
                rank = _TALKS_DATELINE_RANK if code == "peace_talks" else _DATELINE_RANK
            if speaker and local < speaker.end():
                rank -= 0.3
            candidates.append(Candidate(rank, (seg.index, local), entity.text, entity))
        penalty = 5.0 if seg.headline else 0.0
        for m in _VILLAGE_OF.finditer(seg.text):
            if not any(c.order[0] == seg.index and c.name == m.group(1) for c in candidates):
                candidates.append(
                    Candidate(_NAMED_SETTLEMENT - penalty, (seg.index, m.start(1)), m.group(1), None)
                )
        for m in _NAMED_REGION.finditer(seg.text):
            # A province the gazetteer resolved is already a candidate, with its penalties (an
            # arrival country, a launch site): the bare name must not come back without them.
            if not _DEMONYM.match(m.group(1)) and not _resolved_at(article, seg, m.start(1), m.end()):
                candidates.append(
                    Candidate(_NAMED_PROVINCE - penalty, (seg.index, m.start(1)), m.group(0), None)
                )
    if launch_sites and any(c.entity is not None and c.entity.start in targets for c in candidates):
        # "missiles from Belgorod region airspace and 23 drones at Ukraine": the named target wins.
        for i in launch_sites:
            c = candidates[i]
            candidates[i] = Candidate(c.rank - 1.0, c.order, c.name, c.entity)
    if code == "natural_disaster":
        candidates.extend(_epicentres(article, segs, lead))
    fled_from = _fled_country(article, segs, candidates, arrivals, origins)
    if fled_from is not None:
        return fled_from
    if len(aimed) == 1:
        # Only places named after the attack ("... at Ukraine. A Ukrainian drone strike on the Kursk
        # region"): "drones struck a refinery in Russia's Saratov region, days after Russia fired 500
        # drones at Ukraine" leads with its own strike.
        ((country, at),) = aimed.items()
        for i, c in enumerate(candidates):
            geo = c.entity.geo if c.entity is not None else None
            elsewhere = geo is not None and bool(geo.country_code) and geo.country_code != country
            if elsewhere and c.rank > 0 and c.order > at:
                candidates[i] = Candidate(c.rank - _AIMED_ELSEWHERE_PENALTY, c.order, c.name, c.entity)
    if not candidates and not peoples and lead:
        body = [s.sentence for s in segs if not s.headline]
        # Raised by the headline alone: the lead sentence says where the story is.
        first = min(body) if body else min((s.sentence for s in lead if not s.headline), default=0) + 1
        before = [s for s in lead if s.headline or s.sentence < first]
        if before:
            found = locate(article, before, attackers, targets, code)
            if found is not None:
                return found
        # Nor does the lead ("At least 48 people have died, the president said"): the nearest
        # sentence after the event's own that names a place says where ("villages in Mangochi").
        last = max(s.sentence for s in segs)
        for sentence in sorted({s.sentence for s in lead if not s.headline and s.sentence > last}):
            found = locate(article, [s for s in lead if s.sentence == sentence], attackers, targets, code)
            if found is not None:
                return found
    if not candidates:
        # No place at all ("Ukrainian drones hit a Russian refinery"): the people named beside the
        # event, if not its attackers, say at least the country.
        if peoples:
            return Location(name=peoples[0].text, country_code=peoples[0].country_code, kind="country")
        if victims:
            # "Six Pakistani soldiers were killed in a clash near the Afghan border": no place the
            # gazetteer knows, but the people the toll counts say the country.
            return Location(name=victims[0].text, country_code=victims[0].country_code, kind="country")
        if speakers:
            # Nothing else named ("Gunmen kidnapped passengers on the expressway, Kaduna state police
            # said"): local police and officials report on their own ground, so theirs is the country.
            geo = speakers[0].geo
            assert geo is not None
            return Location(name=geo.name, country_code=geo.country_code, admin1=geo.admin1, kind="region")
        if officials:
            # "US drones ... killing 10, Pakistani officials said", no place resolved: the officials'
            # government speaks of its own territory.
            return Location(name=officials[0].text, country_code=officials[0].country_code, kind="country")
        people = _headline_people(article, lead)
        if people is not None:
            # Neither the headline nor the body names a place ("French government collapses as the prime
            # minister loses a confidence vote"): the headline's demonym says the country.
            return Location(name=people.text, country_code=people.country_code, kind="country")
        state_body = _state_body(article, segs, attackers)
        if state_body is not None:
            # "hackers stole emails from 10 State Department accounts", "told reporters at the Bangladesh
            # Meteorological Department": a state body hit or reporting at home, and nothing else named.
            return Location(name=state_body.text, country_code=state_body.country_code, kind="country")
        return None
    best = max(candidates, key=lambda c: (c.rank, -c.order[0], -c.order[1]))
    launched = {candidates[i].order for i in launch_sites}
    defenders = officials or [
        e
        for e in article.entities
        if e.label == "NORP" and e.country_code and e.start in targets and any(s.contains(e) for s in segs)
    ]
    if defenders and launched and all(c.order in launched or c.rank <= _DATELINE_RANK for c in candidates):
        # "The Israeli army said it had intercepted a missile fired from Yemen", datelined Washington:
        # only the launch site and the reporter's city are named; the side fired at, or its officials,
        # say the country.
        return Location(name=defenders[0].text, country_code=defenders[0].country_code, kind="country")
    if best.rank <= _DATELINE_RANK and victims and code != "peace_talks":
        # Only the dateline is named ("NEW DELHI - Twelve Pakistani soldiers were killed ..."): the
        # agency sat abroad; the people the toll counts say the country.
        return Location(name=victims[0].text, country_code=victims[0].country_code, kind="country")
    best = _headline_town(best, candidates, segs, article.text(), targets) or best
    best = _dateline_country(best, candidates, dateline_countries)
    if best.entity is not None and best.entity.geo is not None:
        geo = best.entity.geo
        village = _village_in(best, candidates) if geo.kind == "region" else None
        if village is not None:  # "the village of Yelwata in Benue state": the village, in that region
            return Location(name=village.name, country_code=geo.country_code, admin1=geo.name, kind="city")
        return Location(
            name=geo.name,
            country_code=geo.country_code,
            admin1=geo.admin1,
            lat=geo.lat,
            lon=geo.lon,
            kind=geo.kind,
        )
    kind = _unresolved_kind(best)
    if kind == "sea":  # open water belongs to no country; a country named beside it is no evidence
        coast = _coast(article, segs)
        return Location(name=best.name, country_code=coast, kind=kind)
    # "Bajaur district near the Afghan border": not in Afghanistan, whatever else names it
    far = _far_side(article, best) if kind in ("city", "region", None) else set()
    starts = {s.index: s.start for s in segs}
    name_at = best.entity.start if best.entity is not None else starts.get(best.order[0], 0) + best.order[1]
    guesses = _owner_guesses(article, best, name_at, kind, candidates, countries)
    country = next((cc for cc in guesses if cc not in far), None)
    peoples = [p for p in peoples if p.country_code not in far]
    if country is None and peoples:
        country = peoples[0].country_code
    if country is None and lead:
        # "mortar fire forced many to flee the Masaken Shuhada district", after a lead on "the northern
        # Syrian city of Raqa": an unknown district of a later sentence lies where the lead put the story.
        first = min(s.sentence for s in segs)
        before = [s for s in lead if s.sentence < first]
        story = locate(article, before, attackers, targets, code) if before else None
        country = story.country_code if story is not None else None
        country = None if country in far else country
    if country is None:
        country = _only_country(article, attackers)
        country = None if country in far else country
    victims = [v for v in victims if v.country_code not in far]
    officials = [o for o in officials if o.country_code not in far]
    if country is None and victims:
        # "seven Pakistani soldiers were killed ... in Mir Ali": a town the gazetteer does not know,
        # in a report naming no country; the people the toll counts say which country it is in.
        country = victims[0].country_code
    if country is None and officials:
        # "in the village of Mana Raghzai in South Waziristan ..., Pakistani officials said"
        country = officials[0].country_code
    if country is None and len(named_peoples - far) == 1:
        # "Nigerian troops ... were back in control of the northeastern town of Chibok": a town no
        # gazetteer knows, and no country named; the one people the sentences name says which.
        country = next(iter(named_peoples - far))
    return Location(name=best.name, country_code=country, kind=kind)


def _owner_guesses(
    article: EnrichedArticle,
    best: Candidate,
    at: int,
    kind: str | None,
    candidates: Sequence[Candidate],
    countries: Sequence[Entity],
) -> Iterator[str]:
    """The first two guesses at an unknown place's country, best first: the country named right before
    its noun, then the likeliest country its sentences name. ``at`` is where the place's name starts
    in the article's text."""
    owner = _settlement_owner(article, at) if kind in ("city", "region") else None
    if owner is not None:
        yield owner
    likeliest = _likeliest_country(candidates, countries)
    if likeliest is not None:
        yield likeliest


def _likeliest_country(candidates: Sequence[Candidate], countries: Sequence[Entity]) -> str | None:
    """The country an unresolved place is in: of the countries its sentences name as places, the one
    ranked highest, the earliest among equals ("the village of Rashaya al-Fakhar in southern Lebanon"
    under the headline "Israel says its jets struck ..."): a headline's country ranks below the body's."""
    starts = {e.start for e in countries}
    ranked = [c for c in candidates if c.entity is not None and c.entity.start in starts and c.entity.geo]
    if not ranked:
        return None
    best = max(ranked, key=lambda c: (c.rank, -c.order[0], -c.order[1]))
    return best.entity.geo.country_code if best.entity is not None and best.entity.geo is not None else None


def _far_side(article: EnrichedArticle, best: Candidate) -> set[str]:
    """The countries named as the far side of a border right after an unknown place ("in Bajaur
    district near the Afghan border", "a village near the border with Niger"): the place is not in
    them, however high their names rank elsewhere in its sentences."""
    if best.entity is None:
        return set()
    text = article.text()
    # any mention of the place: the headline's "Bajaur border clash" is the body's Bajaur district
    ends = [e.start + len(e.text) for e in article.entities if e.text == best.entity.text]
    out = set()
    for entity in article.entities:
        cc = entity.geo.country_code if entity.geo is not None else entity.country_code
        if not cc:
            continue
        for place_end in ends:
            between = text[place_end : entity.start]
            if not 0 <= entity.start - place_end <= 50 or "." in between or ";" in between:
                continue
            if not _cue("beside_place_between").search(between):
                continue
            end = entity.start + len(entity.text)
            if _neighbour(text[max(0, entity.start - 60) : entity.start], text[end : end + 20]):
                out.add(cc)
    return out


def _settlement_owner(article: EnrichedArticle, at: int) -> str | None:
    """The country a report names right before an unknown settlement's noun ("the eastern Congolese
    border town of Bunagana"): where the town is, above countries named elsewhere in its sentences
    (the Uganda refugees crossed into) and the dateline ("BEIRUT, Lebanon - ... the northern Syrian
    town of Ein Issa"). ``at`` is where the settlement's name starts, whether or not the enrichment
    tagged it a place."""
    text = article.text()
    for entity in article.entities:
        cc = entity.geo.country_code if entity.geo is not None else entity.country_code
        if not cc or (entity.geo is not None and entity.geo.kind != "country"):
            continue
        end = entity.start + len(entity.text)
        if end <= at and at - end <= 50:
            if _cue("owned_settlement_between").match(text[end:at]):
                return cc
    return None


def _epicentres(
    article: EnrichedArticle, segs: Sequence[Segment], lead: Sequence[Segment]
) -> list[Candidate]:
    """The places a quake report's later sentences put the epicentre at ("The USGS placed the epicentre
    about 17 km from Mandalay", after two sentences of tolls in the capitals): where it struck, above
    the towns reporting tolls of their own."""
    own = {s.index for s in segs}
    found = []
    for seg in lead:
        if seg.index in own or seg.headline:
            continue
        for entity in article.entities:
            geo = entity.geo
            if geo is None or geo.kind not in ("city", "region") or not seg.contains(entity):
                continue
            local = entity.start - seg.start
            if _cue("epicentre_before").search(seg.text[max(0, local - 90) : local]):
                rank = _KIND_RANK[geo.kind] + _EPICENTRE_BONUS - 1.0
                found.append(Candidate(rank, (seg.index, local), entity.text, entity))
    return found


def _state_body(
    article: EnrichedArticle, segs: Sequence[Segment], attackers: Collection[int]
) -> Entity | None:
    """The first organisation of the event's sentences the enrichment ties to a country ("the State
    Department", "the Bangladesh Meteorological Department"), not the attacker."""
    for seg in segs:
        for entity in article.entities:
            if (
                entity.label == "ORG"
                and entity.country_code
                and seg.contains(entity)
                and entity.start not in attackers
            ):
                return entity
    return None


def _dateline_country(
    best: Candidate, candidates: Sequence[Candidate], dateline: Collection[str]
) -> Candidate:
    """Among countries named equally ("39 deaths were reported in Bangladesh and 21 in India"), the one
    the reporter files from ("BARABANKI, India -- "): the report leads with its own country's story."""
    geo = best.entity.geo if best.entity is not None else None
    if geo is None or geo.kind != "country" or geo.country_code in dateline:
        return best
    for c in candidates:
        other = c.entity.geo if c.entity is not None else None
        if (
            c.rank == best.rank
            and other is not None
            and other.kind == "country"
            and other.country_code in dateline
        ):
            return c
    return best


def _headline_people(article: EnrichedArticle, lead: Sequence[Segment]) -> Entity | None:
    """The first demonym of the headline that is not the owner of weapons ("Russian drones"): the
    country of a story whose report names no place at all ("Indian PM submits cabinet's resignation")."""
    for seg in lead:
        if not seg.headline:
            continue
        for entity in article.entities:
            if entity.label != "NORP" or not entity.country_code or not seg.contains(entity):
                continue
            local = entity.start - seg.start
            after = seg.text[local + len(entity.text) :]
            if not _cue("attacker_noun_after").match(after) and not _cue("hackers_after").match(after):
                return entity
    return None


def _owner(after: str) -> bool:
    """Whether a country's name is followed by what it owns or flies ("US drones", "a British-flagged
    tanker", "Russia's Iranian-made drones"): the owner or attacker, not where it happened."""
    return bool(_cue("owner_noun_after").match(after) or _cue("weapon_owner_after").match(after))


def _inside_name(text: str, local: int, length: int) -> bool:
    """Whether a demonym is a word inside a longer proper name ("Datu Saudi Ampatuan", a Philippine
    town): capitalised words on both sides, so it names no people."""
    before = text[max(0, local - 30) : local]
    after = text[local + length : local + length + 30]
    word = re.search(r"\b((?-i:[A-Z])[a-z]+)\s$", before)
    return bool(word and word.group(1) not in _leading_words() and re.match(r"\s(?-i:[A-Z])[a-z]", after))


def _headline_town(
    best: Candidate,
    candidates: Sequence[Candidate],
    segs: Sequence[Segment],
    text: str,
    targets: Collection[int],
) -> Candidate | None:
    """A town or region the headline names, when the body names no town or region, only a country as
    what the story is about.

    "Rioters break into US embassy in Belgrade", then "after a rally against Kosovo's independence":
    the body's country is the subject, the headline's town is where it happened. A body country that
    is the target or follows "in", "at", "into" ("drones at Ukraine") is a place and stays. A headline
    place with any penalty of its own (a launch site, where a warning reached) does not count.
    """
    if best.entity is None or best.entity.geo is None or best.entity.geo.kind != "country":
        return None
    if best.entity.start in targets or _cue("locative_before").search(
        text[max(0, best.entity.start - 40) : best.entity.start]
    ):
        return None
    headlines = {s.index for s in segs if s.headline}
    if best.order[0] in headlines:
        return None
    towns = [
        c
        for c in candidates
        if c.order[0] in headlines
        and c.entity is not None
        and c.entity.geo is not None
        and c.entity.geo.kind in ("city", "region")
        and c.rank >= _KIND_RANK[c.entity.geo.kind] - 5.0 - 0.35
    ]
    return max(towns, key=lambda c: (c.rank, -c.order[1]), default=None)


def _refugee_countries(article: EnrichedArticle, segs: Sequence[Segment]) -> tuple[set[str], set[str]]:
    """Countries refugees arrive in ("crossed into Chad") and countries they fled ("fighting in
    Sudan", "Sudanese refugees"), as the event's segments name them."""
    arrivals: set[str] = set()
    origins: set[str] = set()
    for seg in segs:
        for entity in article.entities:
            if not seg.contains(entity):
                continue
            cc = entity.geo.country_code if entity.geo is not None else entity.country_code
            if not cc:
                continue
            local = entity.start - seg.start
            window = seg.text[max(0, local - 90) : local]
            after = seg.text[local + len(entity.text) :]
            if _cue("arrival_before").search(window):
                arrivals.add(cc)
            elif _cue("fled_from_before").search(window) or (
                entity.label == "NORP" and _cue("refugees_after").match(after)
            ):
                origins.add(cc)
    return arrivals, origins


def _fled_country(
    article: EnrichedArticle,
    segs: Sequence[Segment],
    candidates: Sequence[Candidate],
    arrivals: set[str],
    origins: set[str],
) -> Location | None:
    """The one country refugees fled, when every place the report resolves is in the country they
    arrived in ("10,000 Congolese have crossed into Uganda's Kisoro district"): the flight happened
    where they came from, named or not."""
    if len(origins) != 1:
        return None
    placed = [c.entity.geo for c in candidates if c.entity is not None and c.entity.geo is not None]
    if not placed or any(geo.country_code not in arrivals - origins for geo in placed):
        return None
    (country,) = origins
    name = next(
        (e.text for e in article.entities for seg in segs if seg.contains(e) and e.country_code == country),
        country,
    )
    return Location(name=name, country_code=country, kind="country")


def _resolved_at(article: EnrichedArticle, seg: Segment, start: int, end: int) -> bool:
    """Whether a resolved place entity overlaps ``seg.text[start:end]``."""
    lo, hi = seg.start + start, seg.start + end
    return any(
        e.geo is not None and e.start < hi and e.start + len(e.text) > lo and seg.contains(e)
        for e in article.entities
    )


def dateline_end(text: str) -> int:
    """Where a dateline ("KYIV (Reuters) - ") ends in a segment's text, or -1 when it has none."""
    m = _DATELINE.match(text)
    return m.end() if m else -1


def _only_country(article: EnrichedArticle, attackers: Collection[int]) -> str | None:
    """The one country the whole report names as a place ("Burkina Faso: hundreds killed in
    Barsalogho"), for a place the gazetteer does not know; None when it names several or none.

    A country speaking through its foreign ministry or embassy ("Italy's foreign ministry said") is
    the agency abroad, no place, and so is a country across a border ("near the border with Niger").
    The one country of the towns, regions and islands the report resolves ("an official in Kathmandu
    said" beside Mount Everest) comes before the countries it names."""
    text = article.text()
    places = [
        e
        for e in article.entities
        if e.geo is not None
        and e.geo.country_code
        and e.label in _PLACE_LABELS
        and e.start not in attackers
        and not _cue("abroad_speaker_after").match(text[e.start + len(e.text) : e.start + len(e.text) + 40])
        and not _cue("based_after").match(text[e.start + len(e.text) : e.start + len(e.text) + 10])
        and not _cue("agent_before").search(text[max(0, e.start - 50) : e.start])
        and not (e.geo.kind == "country" and _owner(text[e.start + len(e.text) : e.start + len(e.text) + 60]))
        and not (
            e.geo.kind == "country"
            and _cue("war_after").match(text[e.start + len(e.text) : e.start + len(e.text) + 20])
        )
    ]
    places = [
        e
        for e in places
        if not _neighbour(
            text[max(0, e.start - 60) : e.start], text[e.start + len(e.text) : e.start + len(e.text) + 20]
        )
    ]
    # The towns and regions the report resolves say where its unresolved village is better than the
    # countries it names, which are often parties and neighbours ("Markoye, in Oudalan province"
    # beside "where Niger, Burkina Faso and Mali meet").
    named = {e.geo.country_code for e in places if e.geo is not None and e.geo.kind == "country"}
    # The dateline ("PARIS - Hundreds of civilians were killed in Barsalogho") is where the reporter sat:
    # it says the country only when the report names no country at all.
    towns = [e for e in places if e.geo is not None and e.geo.kind != "country"]
    if named:
        towns = [e for e in towns if not _in_dateline(text, e)]
    local = {e.geo.country_code for e in towns if e.geo is not None}
    if len(local) == 1:
        return local.pop()
    if not named:
        named = local
    return named.pop() if len(named) == 1 else None


def _in_dateline(text: str, entity: Entity) -> bool:
    """Whether a place is the dateline opening its line ("PARIS - Hundreds of civilians were killed"):
    where the reporter sat, no evidence of the country of an unknown village."""
    line = text.rfind("\n", 0, entity.start) + 1
    m = _DATELINE.match(text[line : entity.start + len(entity.text) + 60])
    return m is not None and entity.start - line < m.end()


def _coast(article: EnrichedArticle, segs: Sequence[Segment]) -> str | None:
    """The country of a shore the report places a sea event off ("west of the Yemeni port of
    Hodeidah", "off the coast of Vanuatu"), read in the event's sentences and the ones right before and
    after them: wire reports name the sea first and the nearest port a sentence later, or the port
    first ("54 nautical miles southwest of the Yemeni port of Aden") and the sea with the claim after."""
    last = max(s.sentence for s in segs)
    text = article.text()
    for entity in article.entities:
        geo = entity.geo
        if geo is None or geo.kind not in ("city", "country", "region") or entity.sentence > last + 1:
            continue
        if entity.sentence < min(s.sentence for s in segs) - 1:
            continue
        if _cue("off_shore_before").search(text[max(0, entity.start - 60) : entity.start]):
            return geo.country_code
    return None


def _village_in(region: Candidate, candidates: Sequence[Candidate]) -> Candidate | None:
    """A settlement the text names ("the village of Yambali") in the same sentence as the region that
    won, before it: more precise than the region, and the region says which country it is in."""
    for c in candidates:
        if (
            (c.entity is None or c.entity.geo is None)
            and c.rank == _NAMED_SETTLEMENT
            and c.order[0] == region.order[0]
            and c.order[1] < region.order[1]
        ):
            return c
    return None


def _unresolved_kind(best: Candidate) -> Literal["city", "region", "sea", "other"] | None:
    """What an unresolved name is, from how the text names it."""
    if _cue("sea_name").search(best.name):
        return "sea"
    if _cue("feature_name").search(best.name):
        return "other"
    if best.rank in (_NAMED_SETTLEMENT, _NAMED_SETTLEMENT - 5.0):
        return "city"
    if best.rank in (_NAMED_PROVINCE, _NAMED_PROVINCE - 5.0):
        return "region"
    return None


def _unresolved_rank(before: str, after: str, entity: Entity) -> float:
    """Below every resolved place; among unresolved ones, a named village beats a bare name."""
    if _cue("settlement_of_before").search(before):
        return _NAMED_SETTLEMENT
    if _cue("region_after").match(after):
        return _NAMED_PROVINCE
    if _cue("locative_before").search(before):
        return 0.5
    return 0.3 if entity.label in _PLACE_LABELS else 0.1
