"""How a report words a change in its event's toll: "the toll rose to four", "revised up to 600".

The novelty rules weigh counts, but two things only the wording tells: that a count the alerted
report did not give is a rise all the same (the first report said "a woman and her baby were killed",
the next "the toll rose to four"), and that a report weeks later speaks of an event already past ("the
August attack on Barsalogho", "last month's fire"), so it is that event's later report, not a new one.
And a third: that a later report tells of an event of its own ("a new 6.3 quake", "a day after a
cloudburst across the border killed 60"), which a rule joining reports by country, place or family
would otherwise take for the alerted event's rising toll.
The cues are data (``data/toll_wording.yaml``), each with the report that motivated it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from functools import cache
from importlib import resources

from herald.core import yaml_data
from herald.core.countries import country_index
from herald.core.number_words import number_phrases, parse_number
from herald.core.records import Event


@cache
def _cues() -> dict[str, tuple[re.Pattern[str], ...]]:
    text = resources.files("herald.alerts").joinpath("data", "toll_wording.yaml").read_text(encoding="utf-8")
    data = yaml_data.load(text) or {}
    return {
        kind: tuple(re.compile(entry["pattern"], re.IGNORECASE) for entry in data.get(kind) or [])
        for kind in (
            "rose",
            "back",
            "new",
            "sum",
            "centre",
            "dead",
            "declared",
            "measured",
            "harm",
            "origins",
        )
    }


def _texts(event: Event) -> list[str]:
    return [t for t in (event.title, *event.sentences) if t]


def _first_match(event: Event, kind: str) -> str | None:
    for text in _texts(event):
        for pattern in _cues()[kind]:
            if pattern.search(text):
                return text[:300]
    return None


def says_toll_rose(event: Event) -> str | None:
    """The sentence saying the event's toll went up ("death toll ... rises to four"), or None."""
    return _first_match(event, "rose")


def tells_of_deaths(event: Event) -> str | None:
    """The sentence that tells of anyone dead, numbered or not ("a woman was killed", "deaths"), or None."""
    return _first_match(event, "dead")


def measured_by_agency(event: Event) -> str | None:
    """The attribution naming an agency that measures the hazard ("the US Geological Survey said"), when
    the report speaks for no one else, or None."""
    if not event.attributions:
        return None
    found = [a for a in event.attributions if any(p.search(a) for p in _cues()["measured"])]
    return found[0][:300] if len(found) == len(event.attributions) else None


def tells_of_harm(event: Event) -> str | None:
    """The sentence that tells of anyone dead or hurt or of anything damaged or down, or None."""
    return _first_match(event, "dead") or _first_match(event, "harm")


def tells_of_past_event(event: Event) -> str | None:
    """The sentence that speaks of an event already past (a revised toll, "last month's fire"), or None."""
    return _first_match(event, "back")


# Words that put a count in a clause about an earlier event: "a day after ... killed 60", "less than two
# weeks after 52 people were killed", "the previous record of 728". "From" is left out: "up from 250" is
# the same event's earlier count.
_BACKGROUND = r"\b(?:after|since|previous (?:record|high|toll) of|record of)\b[^.;]{0,100}?"


def _number_forms(value: float) -> str:
    whole = int(value)
    forms = {str(whole), f"{whole:,}"} if value == whole else {f"{value:g}"}
    return "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))


def recalls_count(event: Event, value: float) -> str | None:
    """The sentence naming ``value`` in a clause about an earlier event ("a day after a cloudburst in
    India killed 60"), or None."""
    pattern = re.compile(rf"{_BACKGROUND}(?<![\d,.])(?:{_number_forms(value)})(?![\d,]|\.\d)", re.IGNORECASE)
    for text in _texts(event):
        if pattern.search(text):
            return text[:300]
    return None


def tells_of_another_event(event: Event, counts: Mapping[str, float]) -> str | None:
    """Why the report tells of an event of its own rather than of the event whose alerted ``counts``
    (metric -> value) it would otherwise raise or repeat, or None.

    Either its wording says the event is new ("a new 6.3 quake", "third strong quake in a week"), or it
    names one of those counts as another event's while giving a different count of that metric itself
    ("... 157 killed, a day after a cloudburst across the border killed 60"): a second event of the
    family that recalls the first as background. A report of the same event revising its toll says
    "rose to" or "up from", not "after N were killed".
    """
    new = _first_match(event, "new")
    if new:
        return f'it tells of a new event: "{new}"'
    for metric, before in sorted(counts.items()):
        own = event.magnitude.get(metric)
        if own is None or own == before:
            continue
        sentence = recalls_count(event, before)
        if sentence:
            return f"it gives {metric} {own:g} and names {before:g} as an earlier event's: {sentence!r}"
    return None


def names_place(event: Event, places: Iterable[str]) -> str | None:
    """The first of ``places`` (lower-case names) the event's title or sentences name, as a word.

    Without accents on either side: the gazetteer spells a province "Hormozgān", the wires "Hormozgan".
    """
    text = _unaccented(" ".join(_texts(event)).lower())
    for place in places:
        if len(place) >= 3 and re.search(rf"(?<!\w){re.escape(_unaccented(place))}(?!\w)", text):
            return place
    return None


def place_named_in(event: Event, title: str | None) -> str | None:
    """The event's own place (lower-case) when ``title`` names it as a word, else None.

    For a report whose place the gazetteer does not know ("Spin Boldak", placed in no country): an
    alerted report's headline that names it ("Pakistani fire kills 12 civilians in Spin Boldak") tells
    of the same place, though that report was placed by the province its body names.
    """
    name = event.location.name if event.location is not None else None
    if not name or len(name) < 3 or not title:
        return None
    place = _unaccented(name.lower())
    if re.search(rf"(?<!\w){re.escape(place)}(?!\w)", _unaccented(title.lower())):
        return name.lower()
    return None


def _unaccented(text: str) -> str:
    """``text`` with its letters' accents dropped ("Hormozgān" -> "Hormozgan", "Galaţi" -> "Galati")."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


_WORDS = dict(
    enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen twenty".split()
    )
)


@cache
def _joint_places() -> re.Pattern[str]:
    """A toll placed in two countries at once ("kill more than 30 in Portugal and Spain", "across
    northern Spain and Portugal") or split by country ("39 people, 36 of them in Portugal", "45 people,
    41 in Portugal and four in Galicia")."""
    code_of = country_index()[0]
    names = "|".join(re.escape(n) for n in sorted(code_of, key=len, reverse=True))
    one = rf"(?:the )?(?:\w+ern )?({names})(?!\w)"
    return re.compile(
        rf"\b(?:in|across|through|swept|hit|struck|ravaged) {one}(?:'s\b[^.;,]{{0,30}}?)? and {one}"
        rf"|(?:\bof them|, (?:\d[\d,]*|{'|'.join(_WORDS.values())})) (?:in|from) {one}",
        re.IGNORECASE,
    )


def _count_sentences(event: Event, metrics: Iterable[str]) -> list[str]:
    """The title and sentences that give one of the event's own counts of ``metrics``."""
    wanted = set(metrics)
    values = [v for m, v in event.magnitude.items() if m in wanted]
    if not values:
        return []
    forms = [_number_forms(v) for v in values]
    forms += [w for v in values if v == int(v) and (w := _WORDS.get(int(v)))]
    pattern = re.compile(rf"(?<![\w.])(?<!\d,)(?:{'|'.join(forms)})(?!\w|[,.]\d)", re.IGNORECASE)
    return [t for t in _texts(event) if pattern.search(t)]


def sums_countries(event: Event, metrics: Iterable[str]) -> str | None:
    """The sentence whose count adds up several countries' tolls ("killed 27 across Greece, Turkey and
    Bulgaria", "18 in the Caribbean and the United States", "more than 30 in Portugal and Spain", "39
    people, 36 of them in Portugal"), or None.

    A storm, a flood or a heatwave that crosses borders is one event per country, each with its own
    first, toll and updates; a sum of them is no country's count, so it must not raise one's toll.
    """
    for text in _count_sentences(event, metrics):
        if text_sums_countries(text):
            return text[:300]
    return None


def text_sums_countries(text: str) -> bool:
    """Whether a sentence speaks of several countries at once, as ``sums_countries`` reads a count's: a
    record claimed in it ("Counting Vietnam, Myanmar, Thailand, Laos, the Philippines and China, the storm
    ... has taken over 350 lives, making Yagi the deadliest storm in the region this year") is the
    region's, no country's. The countries the foreign dead came from are not counted."""
    code_of, anywhere, _ = country_index()
    for origins in _cues()["origins"]:
        text = origins.sub(" ", text)  # "19 foreigners among the dead, from Iran and Norway": whose dead
    if any(p.search(text) for p in _cues()["sum"]):
        return True
    for m in _joint_places().finditer(text):
        a, b, part = (g.lower() if g else None for g in m.groups())
        if part is not None or (a and b and code_of[a] != code_of[b]):
            return True
    return len({code_of[m.lower()] for m in anywhere.findall(text)}) >= 3


def toll_countries(event: Event, metrics: Iterable[str]) -> set[str]:
    """The countries a sentence giving the event's own count places the toll in: "four people have died
    in Jamaica", "Jamaica's death toll", "the earthquake in eastern Afghanistan rose to 610".

    A report from country B that names country A's alerted event as background ("the storm killed three
    in Grenada before it reached the island") places its own count in B; an agency abroad ("ISLAMABAD -
    ... the toll from the earthquake in eastern Afghanistan rose to 610") places it in A.
    """
    code_of, _, toll = country_index()
    texts = _count_sentences(event, metrics)
    named = {code_of[(a or b).lower()] for text in texts for a, b in toll.findall(text)}
    return named | {code for text in texts for code in side_countries(event, text)}


# The end of a sentence from a clause about an earlier event on: "..., a day after a cloudburst across the
# border in India killed 60 in Kashmir."
_BACKGROUND_CLAUSE = re.compile(r"\b(?:after|since)\b[^.;]*", re.IGNORECASE)


def toll_country_behind_background(event: Event, metrics: Iterable[str]) -> str | None:
    """The country the report's own toll is placed in when the event's place comes only from a clause
    about an earlier event, or None.

    "ISLAMABAD - ... flash floods swept homes in Pakistan's north-west, killing at least 157, a day
    after a cloudburst across the border in India killed 60 in Kashmir": the event placed in Kashmir is
    Pakistan's. Only when the sentences giving its own count name its place in such a clause alone, and
    place the toll, with that clause set aside, in one country ("in Pakistan's north-west", "in eastern
    Afghanistan"; a possessive alone places nothing: "Russia's record drone attack"). A place named
    outside such a clause stays ("a tower collapsed in Bangkok as the earthquake centred in Myanmar
    shook the Thai capital").
    """
    loc = event.location
    if loc is None or not loc.name:
        return None
    name = re.compile(rf"(?<!\w){re.escape(loc.name)}(?!\w)", re.IGNORECASE)
    code_of, _, toll = country_index()
    found: set[str] = set()
    in_background = False
    for text in _count_sentences(event, metrics):
        own = _BACKGROUND_CLAUSE.sub("", text)
        if name.search(own):
            return None
        in_background = in_background or bool(name.search(text))
        found |= {code_of[a.lower()] for a, _ in toll.findall(own) if a}
    if not in_background or len(found) != 1:
        return None
    return next(iter(found))


def countries_named(event: Event) -> set[str]:
    """The countries the report names anywhere (its title and sentences), by name."""
    return _countries_in(_texts(event))


def _countries_in(texts: Iterable[str]) -> set[str]:
    """The codes of the countries the texts name, by name."""
    code_of, anywhere, _ = country_index()
    return {code_of[m.group(1).lower()] for text in texts for m in anywhere.finditer(text)}


def vague_only(event: Event, value: float) -> bool:
    """Whether the report gives this count only as a vague amount ("Hollywood stars joined the tens of
    thousands who fled their homes", read as 20,000): a floor of what the words allow, not a figure,
    so it neither sets a series' high nor beats one (31,000 evacuated from a new fire beat nothing)."""
    vague = exact = False
    for text in _texts(event):
        for m in number_phrases().finditer(text):
            parsed = parse_number(m.group(0))
            if parsed is None or parsed[0] != value:
                continue
            vague, exact = vague or parsed[1], exact or not parsed[1]
    return vague and not exact


def claimed_first_countries(event: Event) -> set[str]:
    """The countries the report's claimed first names ("Child who caught bird flu in India becomes
    Australia's first human case"): the country the first is claimed for is among them, whichever town
    (a namesake Victoria abroad) the report was placed by."""
    return _countries_in(claim.text for claim in event.claims if claim.kind == "first")


def declares_outbreak(event: Event) -> bool:
    """Whether the report says an authority confirmed or declared the outbreak itself ("Malawi confirms
    cholera case at Machinga district hospital", "Mozambique declares cholera outbreak in Niassa"), not a
    suspected case or travellers who tested negative (``data/toll_wording.yaml``, ``declared``)."""
    return _first_match(event, "declared") is not None


def centred_in(event: Event) -> set[str]:
    """The countries the report places the event's centre in ("the earthquake centred in Myanmar",
    "with its epicentre in Turkey"): the words before a country's name match a ``centre`` cue."""
    code_of, anywhere, _ = country_index()
    found: set[str] = set()
    for text in _texts(event):
        for m in anywhere.finditer(text):
            before = text[max(0, m.start() - 60) : m.start()]
            if any(p.search(before) for p in _cues()["centre"]):
                found.add(code_of[m.group(1).lower()])
    return found


def country_toll_sentence(event: Event, metrics: Iterable[str]) -> str | None:
    """The sentence giving the event's own count as a whole country's toll: the word "toll" and the
    country it is placed in ("bringing the death toll from the floods in Greece to 16", "the number of
    flood deaths in the Czech Republic"), or a side's
    count in a war ("Thirteen people have been killed on the Cambodian side"), or None."""
    _, _, toll = country_index()
    for text in _count_sentences(event, metrics):
        if _TOLL_WORDS.search(text) and toll.search(text):
            return text[:300]
        if side_countries(event, text):
            return text[:300]
    return None


# A toll by name: "the death toll", "bringing the number of flood deaths in the Czech Republic to four".
_TOLL_WORDS = re.compile(
    r"\btoll\b|\bnumber of (?:[\w-]+ ){0,2}(?:deaths|dead|victims|people killed)\b|\bdeath count\b", re.I
)
_SIDE = re.compile(r"\bon the ([A-Z][\w'\u2019-]+) side\b")


def side_countries(event: Event, text: str) -> set[str]:
    """The countries whose side of a war ``text`` counts ("killed on the Cambodian side"): the word
    before "side" is one of the event's actors with a country (a demonym the enrichment resolved)."""
    codes = {a.name.lower(): a.country_code for a in event.actors if a.country_code}
    return {code for name in _SIDE.findall(text) if (code := codes.get(name.lower()))}


# Uniformed dead named by their nationality: "49 Armenian soldiers killed", "Fifty Azerbaijani servicemen".
_NATIONALS_DEAD = re.compile(
    r"\b([A-Z][\w'\u2019-]+) (?:soldiers|servicem[ae]n|troops|conscripts|border guards|policem[ae]n)\b"
)

_KILL_WORDS = re.compile(r"\b(?:killed|dead|died|deaths?)\b", re.IGNORECASE)


def dead_nationalities(event: Event) -> set[str]:
    """The countries whose uniformed dead the report's own toll counts, by the adjective before them
    ("49 Armenian soldiers killed", "Fifty Azerbaijani servicemen killed"): a demonym the enrichment
    resolved, as an actor or as the event's place. In a war each side's toll is its own series, counted
    by the country that lost them, so two such counts of different countries are two tolls, never one
    retold, however close their numbers."""
    codes = {a.name.lower(): a.country_code for a in event.actors if a.country_code}
    loc = event.location
    if loc is not None and loc.name and loc.country_code:
        codes.setdefault(loc.name.lower(), loc.country_code)
    return {
        code
        for text in _texts(event)
        if _KILL_WORDS.search(text)
        for name in _NATIONALS_DEAD.findall(text)
        if (code := codes.get(name.lower()))
    }


# The counts besides the dead that a report often gives for one place only ("six people are missing in
# Letur"): the toll's other measures.
_PLACE_COUNTS = ("missing", "displaced", "evacuated", "affected")
_IN_PLACE = re.compile(r"\bin (?:the )?((?:[A-Z][\w'\u2019-]+ ?){1,3})")


def counts_of_the_event(event: Event) -> dict[str, float]:
    """The event's counts that are its own, without those given only for another place than the one it
    is placed in: "51 dead in the Valencia region ... and six people are missing in Letur, in
    neighbouring Albacete province" counts no 6 missing for the floods, so Spain's 93 missing days
    later is no rise over it. Deaths always count: they are the toll.
    """
    loc = event.location
    if loc is None:
        return dict(event.magnitude)
    own = {n.lower() for n in (loc.name, loc.admin1) if n}
    out: dict[str, float] = {}
    for metric, value in event.magnitude.items():
        if metric in _PLACE_COUNTS:
            sentences = _count_sentences(event.model_copy(update={"magnitude": {metric: value}}), [metric])
            places = [p.strip().lower() for t in sentences for p in _IN_PLACE.findall(t)]
            if places and not any(o in p or p in o for p in places for o in own):
                continue
        out[metric] = value
    return out
