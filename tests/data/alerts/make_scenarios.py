"""Writes the novelty scenarios (``*.events.jsonl``) next to this file.

The scenarios are Event records, the input of the novelty stage, written by hand here (fictional
wire-style reports, real-world shapes) so novelty is tested independently of the NLP stages. Each
line carries a ``ref`` (ignored by the Event model) that the pinned expectations in
``*.expected.json`` refer to. Run it again after editing: ``python tests/data/alerts/make_scenarios.py``.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from herald.classify.claims import extract
from herald.classify.taxonomy import BY_CODE

HERE = Path(__file__).parent
T0 = datetime(2026, 6, 1, 3, 0, tzinfo=UTC)


def hid(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:32]


def claims_of(code: str, texts: list[str], record: bool, first: str | None) -> list[dict[str, str]]:
    """What classify's claims module finds in the texts, plus the claims a scenario asserts itself."""
    found = [c.model_dump() for c in extract(code, texts)] if code in BY_CODE else []
    kinds = {c["kind"] for c in found}
    if record and "record" not in kinds:
        found.append({"kind": "record", "text": texts[0]})
    if first and "first" not in kinds:
        found.append({"kind": "first", "text": first})
    return found


def event(
    scenario: str,
    ref: str,
    *,
    day: float,
    type: str,
    severity: int,
    title: str,
    sentences: list[str],
    story: str,
    place: tuple[str, str | None, str | None] | None = None,
    magnitude: dict[str, float] | None = None,
    target: str | None = None,
    source: str = "Kyiv Ledger",
    learn_only: bool = False,
    record_claim: bool = False,
    first_claim: str | None = None,
    attacker: str | None = None,
    place_kind: str | None = None,
) -> dict[str, Any]:
    """One Event line. ``record_claim`` and ``first_claim`` stand for what classify's claims module
    finds: the claim's sentence is the title (record) or the given sentence (first)."""
    published = T0 + timedelta(days=day)
    line: dict[str, Any] = {
        "ref": ref,
        "id": hid(scenario, "event", ref),
        "article_id": hid(scenario, "article", ref),
        "story_id": hid(scenario, "story", story),
        "type": type,
        "severity": severity,
        "magnitude": magnitude or {},
        "published": published.isoformat(),
        "fetched_at": (published + timedelta(minutes=4)).isoformat(),
        "title": title,
        "url": f"https://news.example.test/{scenario}/{ref}",
        "source": source,
        "sentences": sentences,
        "record_claim": record_claim,
        "claims": claims_of(type, [title, *sentences], record_claim, first_claim),
        "learn_only": learn_only,
        "location": None,
        "actors": [],
    }
    if place:
        name, cc, admin1 = place
        line["location"] = {"name": name, "country_code": cc, "admin1": admin1}
        if place_kind:
            line["location"]["kind"] = place_kind
    if target:
        line["actors"] = [{"name": target, "role": "target", "country_code": target}]
    if attacker:
        line["actors"].insert(0, {"name": attacker, "role": "attacker", "country_code": attacker})
    return line


Row = dict[
    str, Any
]  # the keyword arguments of one ``event`` call, with its ``ref``; ``story`` defaults to it


def barrage() -> list[Row]:
    """Nightly drone barrages on Ukraine: numbers climb to records and fall back."""
    places = [
        ("Kyiv", "UA", "Kyiv City"),
        ("Odesa", "UA", "Odesa Oblast"),
        ("Kharkiv", "UA", "Kharkiv Oblast"),
    ]
    # A week of history from `herald backfill`: learned, never alerted.
    rows: list[Row] = [
        {
            "ref": f"h{i}",
            "day": i,
            "place": places[i % 3],
            "magnitude": {"drones": n},
            "learn_only": True,
            "title": f"Russia launches {n} drones at Ukraine overnight",
            "sentences": [f"Russia launched {n} drones at Ukraine overnight, the air force said."],
        }
        for i, n in enumerate([40, 55, 38, 61, 47, 52, 44])
    ]
    nights = [  # (ref, drones, severity, place)
        ("n1", 58, 4, ("Kyiv", "UA", "Kyiv City")),
        ("n2", 85, 4, ("Odesa", "UA", "Odesa Oblast")),  # record: beats 61 from the history
        ("n3", 70, 4, ("Kyiv", "UA", "Kyiv City")),
        ("n4", 120, 5, ("Kharkiv", "UA", "Kharkiv Oblast")),  # record: beats 85
        ("n5", 96, 4, ("Odesa", "UA", "Odesa Oblast")),
        ("n6", 64, 4, ("Kyiv", "UA", "Kyiv City")),
        ("n7", 121, 4, ("Kyiv", "UA", "Kyiv City")),  # record by one drone: beats 120
        ("n8", 90, 4, ("Kharkiv", "UA", "Kharkiv Oblast")),
        ("n9", 45, 3, ("Odesa", "UA", "Odesa Oblast")),
    ]
    for j, (ref, n, sev, place) in enumerate(nights):
        night = {"story": ref, "severity": sev, "place": place}
        rows.append(
            {
                **night,
                "ref": ref,
                "day": 10 + j,
                "magnitude": {"drones": n},
                "title": f"Overnight attack: {n} drones launched at Ukraine",
                "sentences": [
                    f"Russian forces launched {n} attack drones at Ukraine overnight, the air force said.",
                    f"Air defence units were active over {place[0]}.",
                ],
            }
        )
        # A second outlet's take on the same night: same story, a bit later, a lower early count.
        rows.append(
            {
                **night,
                "ref": f"{ref}b",
                "day": 10 + j + 0.1,
                "magnitude": {"drones": n - 5},
                "source": "World Wire",
                "title": f"Ukraine says it faced dozens of drones overnight ({n - 5} counted so far)",
                "sentences": [f"At least {n - 5} drones were counted by the morning, officials said."],
            }
        )
    # A different series: drones at a different country do not compete with Ukraine's.
    rows.append(
        {
            "ref": "other",
            "day": 15.5,
            "target": "SD",
            "place": ("Port Sudan", "SD", "Red Sea"),
            "magnitude": {"drones": 12},
            "title": "Drones strike fuel depot in Port Sudan",
            "sentences": ["A dozen drones struck a fuel depot in Port Sudan, the army said."],
        }
    )
    return rows


def new_region() -> list[Row]:
    """Daily strikes in the east; then the first strike ever reported in a far-western region."""
    east = [("Kharkiv", "Kharkiv Oblast"), ("Sumy", "Sumy Oblast"), ("Dnipro", "Dnipropetrovsk Oblast")]
    rows: list[Row] = []
    for i in range(12):
        city, oblast = east[i % 3]
        rows.append(
            {
                "ref": f"h{i}",
                "day": i,
                "place": (city, "UA", oblast),
                "magnitude": {"drones": 20 + i},
                "learn_only": True,
                "title": f"Drones hit {city} overnight",
                "sentences": [f"Drones hit {city} overnight, officials said."],
            }
        )
    for i in range(3):
        city, oblast = east[i]
        rows.append(
            {
                "ref": f"d{i}",
                "day": 12 + i,
                "place": (city, "UA", oblast),
                "magnitude": {"drones": 18},
                "title": f"Drones hit {city} again",
                "sentences": [f"Drones hit {city} again overnight."],
            }
        )
    uzhhorod = ("Uzhhorod", "UA", "Zakarpattia Oblast")
    first = (
        "A drone struck an industrial site near Uzhhorod, the first attack on Zakarpattia region,"
        " the regional governor said."
    )
    rows += [
        {
            "ref": "west",
            "day": 15,
            "place": uzhhorod,
            "title": "Drone strikes Zakarpattia for the first time",
            "sentences": [first],
            "first_claim": first,
        },
        {
            "ref": "west-b",
            "day": 15.05,
            "story": "west",
            "place": uzhhorod,
            "source": "World Wire",
            "title": "Drone hits site near Uzhhorod in western Ukraine",
            "sentences": [
                "A drone hit an industrial site near Uzhhorod, close to the borders of Slovakia and Hungary."
            ],
        },
        # Also a first for its region, but minor: no alert below the severity threshold.
        {
            "ref": "lviv-minor",
            "day": 16,
            "severity": 3,
            "place": ("Lviv", "UA", "Lviv Oblast"),
            "title": "Drone debris falls in Lviv region, no damage",
            "sentences": ["Debris of a downed drone fell in a field in Lviv region; no damage was reported."],
        },
        # The same region again two days later: no longer new.
        {
            "ref": "west2",
            "day": 17,
            "place": uzhhorod,
            "title": "Second drone attack on Zakarpattia",
            "sentences": [
                "A drone attack targeted Uzhhorod again, two days after the first strike on the region."
            ],
        },
    ]
    return rows


def sport_market() -> list[Row]:
    """Records that are not news for a security desk: attendance, stocks, a marathon."""
    return [
        {
            "ref": "crowd1",
            "day": 0,
            "type": "protest",
            "severity": 1,
            "place": ("London", "GB", "England"),
            "magnitude": {"people": 60000},
            "title": "Cup final draws 60,000",
            "sentences": ["A crowd of 60,000 watched the final."],
        },
        {
            "ref": "crowd2",
            "day": 3,
            "type": "protest",
            "severity": 1,
            "place": ("London", "GB", "England"),
            "magnitude": {"people": 90000},
            "record_claim": True,
            "title": "Stadium sets record attendance as home side strikes late",
            "sentences": [
                "A record crowd of 90,000 watched the home side strike twice in the final ten minutes."
            ],
        },
        {
            "ref": "stocks",
            "day": 4,
            "type": "cyberattack",
            "severity": 2,
            "place": ("New York", "US", "New York"),
            "source": "Market Wire",
            "record_claim": True,
            "title": "Stocks hit record high as chipmakers rally",
            "sentences": [
                "Global stocks hit a record high on Tuesday as chipmakers rallied despite a cyber scare."
            ],
        },
        {
            "ref": "marathon",
            "day": 5,
            "type": "riot",
            "severity": 2,
            "place": ("Berlin", "DE", "Berlin"),
            "magnitude": {"people": 45000},
            "title": "Biggest marathon field in history sees scuffles at finish",
            "sentences": [
                "The biggest field in the race's history, 45,000 runners, saw brief scuffles at the finish."
            ],
        },
    ]


def syndicated_record() -> list[Row]:
    """One record barrage, told by many: wire copies, rewrites, a late retelling."""
    rows: list[Row] = [
        {
            "ref": f"h{i}",
            "day": i * 3,
            "magnitude": {"drones": n},
            "learn_only": True,
            "title": f"{n} drones launched at Ukraine",
            "sentences": [f"Russia launched {n} drones at Ukraine."],
        }
        for i, n in enumerate([210, 180, 250, 199])
    ]
    text = (
        "Russia launched 472 drones and seven missiles at Ukraine overnight, the largest aerial attack of the"
        " war, Ukraine's air force said."
    )
    big = {
        "story": "big",
        "severity": 5,
        "magnitude": {"drones": 472, "missiles": 7},
        "title": "Russia fires record 472 drones at Ukraine in largest attack of the war",
        "sentences": [text],
    }
    rows.append({**big, "ref": "orig", "day": 20})
    for k, outlet in enumerate(["Wire A", "Wire B", "Wire C"]):  # syndicated copies, minutes apart
        rows.append({**big, "ref": f"copy{k}", "day": 20 + (k + 1) * 0.01, "source": outlet})
    rows += [
        {
            "ref": "rewrite",
            "day": 20.2,
            "severity": 5,
            "story": "big",
            "magnitude": {"drones": 472},
            "source": "Daily Digest",
            "title": "What we know about the biggest drone attack on Ukraine so far",
            "sentences": ["The overnight barrage of 472 drones was the biggest of the war, officials said."],
        },
        # The story grouping missed this one (new story id): it retells the same record hours later.
        {
            "ref": "retold",
            "day": 20.5,
            "severity": 5,
            "magnitude": {"drones": 472},
            "source": "Evening Post",
            "title": "Record drone attack: Kyiv residents describe night of explosions",
            "sentences": [
                "Residents of Kyiv described the record attack of 472 drones as the loudest night of the war."
            ],
        },
    ]
    return rows


def death_toll() -> list[Row]:
    """An earthquake whose death toll climbs through the day: one alert, then one update."""
    rows: list[Row] = [
        {
            "ref": "old",
            "day": 0,
            "place": ("Van", "TR", "Van"),
            "magnitude": {"killed": 40},
            "learn_only": True,
            "title": "Earthquake kills 40 in eastern Turkey",
            "sentences": ["A strong earthquake killed 40 people in Van."],
        }
    ]
    reports = [  # (ref, day, killed, severity, title)
        ("r1", 60.0, 12, 4, "Strong earthquake shakes eastern Turkey, at least 12 killed"),
        ("r2", 60.02, 12, 4, "Turkey quake: at least 12 dead near Malatya"),
        ("r3", 60.1, 14, 4, "Malatya earthquake death toll rises to 14"),
        ("r4", 60.3, 31, 5, "Turkey earthquake death toll climbs to 31 as rescuers search rubble"),
        ("r5", 60.35, 31, 5, "Rescuers dig through rubble after quake kills 31 in Turkey"),
        ("r6", 60.5, 20, 5, "At least 20 confirmed dead in Malatya, governor says"),
    ]
    rows += [
        {
            "ref": ref,
            "day": day,
            "severity": sev,
            "story": "quake",
            "place": ("Malatya", "TR", "Malatya"),
            "magnitude": {"killed": killed},
            "source": "World Wire" if ref in {"r2", "r5"} else "Anadolu Desk",
            "title": title,
            "sentences": [f"A magnitude 6.1 earthquake near Malatya killed at least {killed} people."],
        }
        for ref, day, killed, sev, title in reports
    ]
    return rows


def desk_night() -> list[Row]:
    """What a desk covering the war reads in one night, in the shape of real reporting: an agency
    abroad places the barrage in the attacker's country, a rewrite the story grouping splits off, a
    follow-up whose wording gives a toll the first report did not, the next night's background
    mention of the record, a region first where strikes are nightly, a claimed first far from the
    front at low severity, and an earthquake whose toll rises in later reports."""
    cities = [("Kharkiv", "Kharkiv Oblast"), ("Sumy", "Sumy Oblast"), ("Kyiv", "Kyiv City")]
    rows: list[Row] = []
    for i, n in enumerate([120, 310, 95, 240, 180, 150, 200]):  # a week of nights, learned
        city, oblast = cities[i % 3]
        rows.append(
            {
                "ref": f"h{i}",
                "day": i,
                "place": (city, "UA", oblast),
                "magnitude": {"drones": n},
                "learn_only": True,
                "title": f"Russia launches {n} drones at Ukraine",
                "sentences": [f"Russia launched {n} drones."],
            }
        )
    big = "Russia launched 530 drones at Ukraine overnight, a record for a single night, the air force said."
    siberia = "Drones hit an air base in Siberia in the first attack of its kind, the regional governor said."
    rows += [
        {  # an agency abroad: placed in the attacker's country
            "ref": "agency",
            "day": 7.1,
            "severity": 5,
            "story": "night",
            "place": ("Russia", "RU", None),
            "place_kind": "country",
            "magnitude": {"drones": 530},
            "source": "Global Agency",
            "title": "Russia fires record 530 drones at Ukraine",
            "sentences": [big],
        },
        {  # a rewrite the story grouping split off (placed in Kyiv): the same barrage
            "ref": "rewrite",
            "day": 7.2,
            "severity": 5,
            "story": "night-split",
            "place": ("Kyiv", "UA", "Kyiv City"),
            "magnitude": {"drones": 530},
            "source": "Capital Post",
            "title": "Kyiv shaken by record drone barrage",
            "sentences": ["Russia sent 530 drones against Ukraine, the largest attack of the war."],
        },
        {  # the same story: "one woman died" where the first report said "a woman was killed"
            "ref": "follow",
            "day": 7.3,
            "severity": 5,
            "story": "night",
            "place": ("Kyiv", "UA", "Kyiv City"),
            "magnitude": {"drones": 530, "killed": 1},
            "source": "World Wire",
            "title": "One woman died as drones hit Kyiv",
            "sentences": ["One woman died when debris hit a house in Kyiv, after 530 drones were launched."],
        },
        {  # the next night, with a background mention of the record
            "ref": "next",
            "day": 8.1,
            "place": ("Kharkiv", "UA", "Kharkiv Oblast"),
            "magnitude": {"drones": 140},
            "title": "Drones hit Kharkiv a night after the record attack",
            "sentences": ["Drones hit Kharkiv a night after the record attack of 530 drones."],
        },
        {  # a region first in a country that sees drone strikes nightly
            "ref": "odesa",
            "day": 8.2,
            "place": ("Odesa", "UA", "Odesa Oblast"),
            "magnitude": {"drones": 30},
            "title": "Drones hit Odesa port",
            "sentences": ["Drones hit port infrastructure in Odesa."],
        },
        {  # a claimed first, severity held below the threshold
            "ref": "siberia",
            "day": 8.3,
            "severity": 3,
            "target": "RU",
            "attacker": "UA",
            "place": ("Usolye-Sibirskoye", "RU", "Irkutsk Oblast"),
            "source": "World Wire",
            "title": "Drones hit air base in Siberia",
            "sentences": [siberia],
        },
    ]
    for ref, day, toll, outlet in [("q1", 8.4, 12, "World Wire"), ("q2", 8.6, 31, "Global Agency")]:
        rows.append(  # an earthquake abroad: a first of its type, then a higher toll reported later
            {
                "ref": ref,
                "day": day,
                "type": "natural_disaster",
                "severity": 4 if toll < 20 else 5,
                "story": "quake",
                "target": None,
                "attacker": None,
                "place": ("Malatya", "TR", "Malatya"),
                "magnitude": {"killed": toll},
                "source": outlet,
                "title": f"Earthquake in eastern Turkey kills {toll}",
                "sentences": [f"A strong earthquake near Malatya killed {toll} people, officials said."],
            }
        )
    return rows


DRONES_ON_UKRAINE: Row = {"type": "air_drone_strike", "severity": 4, "target": "UA"}
# file name -> (the scenario's id in event, article and story ids; what its rows share; its rows)
SCENARIOS: dict[str, tuple[str, Row, Callable[[], list[Row]]]] = {
    "barrage": ("barrage", DRONES_ON_UKRAINE, barrage),
    "new_region": ("new_region", DRONES_ON_UKRAINE, new_region),
    "sport_market": ("sport_market", {"source": "World Wire"}, sport_market),
    "syndicated_record": (
        "syndicated",
        {**DRONES_ON_UKRAINE, "place": ("Kyiv", "UA", "Kyiv City")},
        syndicated_record,
    ),
    "death_toll": (
        "death_toll",
        {"type": "natural_disaster", "severity": 4, "source": "World Wire"},
        death_toll,
    ),
    "desk_night": ("desk_night", {**DRONES_ON_UKRAINE, "attacker": "RU"}, desk_night),
}


def lines_of(scenario: str, shared: Row, rows: list[Row]) -> list[dict[str, Any]]:
    """The Event lines of a scenario: each row over what its rows share, the story defaulting to the ref."""
    out = []
    for row in rows:
        kwargs = {"story": row["ref"], **shared, **row}
        ref = kwargs.pop("ref")
        out.append(event(scenario, ref, **kwargs))
    return out


def main() -> None:
    for name, (scenario, shared, rows) in SCENARIOS.items():
        lines = lines_of(scenario, shared, rows())
        path = HERE / f"{name}.events.jsonl"
        path.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines))
        print(f"{path.name}: {len(lines)} events")


if __name__ == "__main__":
    main()
