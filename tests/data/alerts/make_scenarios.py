"""Writes the novelty scenarios (``*.events.jsonl``) next to this file.

The scenarios are Event records, the input of the novelty stage, written by hand here (fictional
wire-style reports, real-world shapes) so novelty is tested independently of the NLP stages. Each
line carries a ``ref`` (ignored by the Event model) that the pinned expectations in
``*.expected.json`` refer to. Run it again after editing: ``python tests/data/alerts/make_scenarios.py``.
"""

from __future__ import annotations

import hashlib
import json
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


def barrage() -> list[dict[str, Any]]:
    """Nightly drone barrages on Ukraine: numbers climb to records and fall back."""
    s = "barrage"
    out = []
    # A week of history from `herald backfill`: learned, never alerted.
    places = [
        ("Kyiv", "UA", "Kyiv City"),
        ("Odesa", "UA", "Odesa Oblast"),
        ("Kharkiv", "UA", "Kharkiv Oblast"),
    ]
    for i, n in enumerate([40, 55, 38, 61, 47, 52, 44]):
        out.append(
            event(
                s,
                f"h{i}",
                day=i,
                type="air_drone_strike",
                severity=4,
                story=f"h{i}",
                target="UA",
                place=places[i % 3],
                magnitude={"drones": n},
                learn_only=True,
                title=f"Russia launches {n} drones at Ukraine overnight",
                sentences=[f"Russia launched {n} drones at Ukraine overnight, the air force said."],
            )
        )
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
        out.append(
            event(
                s,
                ref,
                day=10 + j,
                type="air_drone_strike",
                severity=sev,
                story=ref,
                target="UA",
                place=place,
                magnitude={"drones": n},
                title=f"Overnight attack: {n} drones launched at Ukraine",
                sentences=[
                    f"Russian forces launched {n} attack drones at Ukraine overnight, the air force said.",
                    f"Air defence units were active over {place[0]}.",
                ],
            )
        )
        # A second outlet's take on the same night: same story, a bit later, a lower early count.
        out.append(
            event(
                s,
                f"{ref}b",
                day=10 + j + 0.1,
                type="air_drone_strike",
                severity=sev,
                story=ref,
                target="UA",
                place=place,
                magnitude={"drones": n - 5},
                source="World Wire",
                title=f"Ukraine says it faced dozens of drones overnight ({n - 5} counted so far)",
                sentences=[f"At least {n - 5} drones were counted by the morning, officials said."],
            )
        )
    # A different series: drones at a different country do not compete with Ukraine's.
    out.append(
        event(
            s,
            "other",
            day=15.5,
            type="air_drone_strike",
            severity=4,
            story="other",
            target="SD",
            place=("Port Sudan", "SD", "Red Sea"),
            magnitude={"drones": 12},
            title="Drones strike fuel depot in Port Sudan",
            sentences=["A dozen drones struck a fuel depot in Port Sudan, the army said."],
        )
    )
    return out


def new_region() -> list[dict[str, Any]]:
    """Daily strikes in the east; then the first strike ever reported in a far-western region."""
    s = "new_region"
    out = []
    east = [("Kharkiv", "Kharkiv Oblast"), ("Sumy", "Sumy Oblast"), ("Dnipro", "Dnipropetrovsk Oblast")]
    for i in range(12):
        city, oblast = east[i % 3]
        out.append(
            event(
                s,
                f"h{i}",
                day=i,
                type="air_drone_strike",
                severity=4,
                story=f"h{i}",
                target="UA",
                place=(city, "UA", oblast),
                magnitude={"drones": 20 + i},
                learn_only=True,
                title=f"Drones hit {city} overnight",
                sentences=[f"Drones hit {city} overnight, officials said."],
            )
        )
    for i in range(3):
        city, oblast = east[i]
        out.append(
            event(
                s,
                f"d{i}",
                day=12 + i,
                type="air_drone_strike",
                severity=4,
                story=f"d{i}",
                target="UA",
                place=(city, "UA", oblast),
                magnitude={"drones": 18},
                title=f"Drones hit {city} again",
                sentences=[f"Drones hit {city} again overnight."],
            )
        )
    out.append(
        event(
            s,
            "west",
            day=15,
            type="air_drone_strike",
            severity=4,
            story="west",
            target="UA",
            place=("Uzhhorod", "UA", "Zakarpattia Oblast"),
            title="Drone strikes Zakarpattia for the first time",
            sentences=[
                "A drone struck an industrial site near Uzhhorod, the first attack on Zakarpattia region,"
                " the regional governor said."
            ],
            first_claim="A drone struck an industrial site near Uzhhorod, the first attack on Zakarpattia"
            " region, the regional governor said.",
        )
    )
    out.append(
        event(
            s,
            "west-b",
            day=15.05,
            type="air_drone_strike",
            severity=4,
            story="west",
            target="UA",
            place=("Uzhhorod", "UA", "Zakarpattia Oblast"),
            source="World Wire",
            title="Drone hits site near Uzhhorod in western Ukraine",
            sentences=[
                "A drone hit an industrial site near Uzhhorod, close to the borders of Slovakia and Hungary."
            ],
        )
    )
    # Also a first for its region, but minor: no alert below the severity threshold.
    out.append(
        event(
            s,
            "lviv-minor",
            day=16,
            type="air_drone_strike",
            severity=3,
            story="lviv-minor",
            target="UA",
            place=("Lviv", "UA", "Lviv Oblast"),
            title="Drone debris falls in Lviv region, no damage",
            sentences=["Debris of a downed drone fell in a field in Lviv region; no damage was reported."],
        )
    )
    # The same region again two days later: no longer new.
    out.append(
        event(
            s,
            "west2",
            day=17,
            type="air_drone_strike",
            severity=4,
            story="west2",
            target="UA",
            place=("Uzhhorod", "UA", "Zakarpattia Oblast"),
            title="Second drone attack on Zakarpattia",
            sentences=[
                "A drone attack targeted Uzhhorod again, two days after the first strike on the region."
            ],
        )
    )
    return out


def sport_market() -> list[dict[str, Any]]:
    """Records that are not news for a security desk: attendance, stocks, a marathon."""
    s = "sport_market"
    return [
        event(
            s,
            "crowd1",
            day=0,
            type="protest",
            severity=1,
            story="crowd1",
            place=("London", "GB", "England"),
            magnitude={"people": 60000},
            source="World Wire",
            title="Cup final draws 60,000",
            sentences=["A crowd of 60,000 watched the final."],
        ),
        event(
            s,
            "crowd2",
            day=3,
            type="protest",
            severity=1,
            story="crowd2",
            place=("London", "GB", "England"),
            magnitude={"people": 90000},
            source="World Wire",
            record_claim=True,
            title="Stadium sets record attendance as home side strikes late",
            sentences=[
                "A record crowd of 90,000 watched the home side strike twice in the final ten minutes."
            ],
        ),
        event(
            s,
            "stocks",
            day=4,
            type="cyberattack",
            severity=2,
            story="stocks",
            place=("New York", "US", "New York"),
            source="Market Wire",
            record_claim=True,
            title="Stocks hit record high as chipmakers rally",
            sentences=[
                "Global stocks hit a record high on Tuesday as chipmakers rallied despite a cyber scare."
            ],
        ),
        event(
            s,
            "marathon",
            day=5,
            type="riot",
            severity=2,
            story="marathon",
            place=("Berlin", "DE", "Berlin"),
            magnitude={"people": 45000},
            source="World Wire",
            title="Biggest marathon field in history sees scuffles at finish",
            sentences=[
                "The biggest field in the race's history, 45,000 runners, saw brief scuffles at the finish."
            ],
        ),
    ]


def syndicated_record() -> list[dict[str, Any]]:
    """One record barrage, told by many: wire copies, rewrites, a late retelling."""
    s = "syndicated"
    out = []
    for i, n in enumerate([210, 180, 250, 199]):
        out.append(
            event(
                s,
                f"h{i}",
                day=i * 3,
                type="air_drone_strike",
                severity=4,
                story=f"h{i}",
                target="UA",
                place=("Kyiv", "UA", "Kyiv City"),
                magnitude={"drones": n},
                learn_only=True,
                title=f"{n} drones launched at Ukraine",
                sentences=[f"Russia launched {n} drones at Ukraine."],
            )
        )
    text = (
        "Russia launched 472 drones and seven missiles at Ukraine overnight, the largest aerial attack of the"
        " war, Ukraine's air force said."
    )
    out.append(
        event(
            s,
            "orig",
            day=20,
            type="air_drone_strike",
            severity=5,
            story="big",
            target="UA",
            place=("Kyiv", "UA", "Kyiv City"),
            magnitude={"drones": 472, "missiles": 7},
            title="Russia fires record 472 drones at Ukraine in largest attack of the war",
            sentences=[text],
        )
    )
    for k, outlet in enumerate(["Wire A", "Wire B", "Wire C"]):  # syndicated copies, minutes apart
        out.append(
            event(
                s,
                f"copy{k}",
                day=20 + (k + 1) * 0.01,
                type="air_drone_strike",
                severity=5,
                story="big",
                target="UA",
                place=("Kyiv", "UA", "Kyiv City"),
                magnitude={"drones": 472, "missiles": 7},
                source=outlet,
                title="Russia fires record 472 drones at Ukraine in largest attack of the war",
                sentences=[text],
            )
        )
    out.append(
        event(
            s,
            "rewrite",
            day=20.2,
            type="air_drone_strike",
            severity=5,
            story="big",
            target="UA",
            place=("Kyiv", "UA", "Kyiv City"),
            magnitude={"drones": 472},
            source="Daily Digest",
            title="What we know about the biggest drone attack on Ukraine so far",
            sentences=["The overnight barrage of 472 drones was the biggest of the war, officials said."],
        )
    )
    # The story grouping missed this one (new story id): it retells the same record hours later.
    out.append(
        event(
            s,
            "retold",
            day=20.5,
            type="air_drone_strike",
            severity=5,
            story="retold",
            target="UA",
            place=("Kyiv", "UA", "Kyiv City"),
            magnitude={"drones": 472},
            source="Evening Post",
            title="Record drone attack: Kyiv residents describe night of explosions",
            sentences=[
                "Residents of Kyiv described the record attack of 472 drones as the loudest night of the war."
            ],
        )
    )
    return out


def death_toll() -> list[dict[str, Any]]:
    """An earthquake whose death toll climbs through the day: one alert, then one update."""
    s = "death_toll"
    place = ("Malatya", "TR", "Malatya")
    out = [
        event(
            s,
            "old",
            day=0,
            type="natural_disaster",
            severity=4,
            story="old",
            place=("Van", "TR", "Van"),
            magnitude={"killed": 40},
            learn_only=True,
            source="World Wire",
            title="Earthquake kills 40 in eastern Turkey",
            sentences=["A strong earthquake killed 40 people in Van."],
        )
    ]
    reports = [  # (ref, day, killed, severity, title)
        ("r1", 60.0, 12, 4, "Strong earthquake shakes eastern Turkey, at least 12 killed"),
        ("r2", 60.02, 12, 4, "Turkey quake: at least 12 dead near Malatya"),
        ("r3", 60.1, 14, 4, "Malatya earthquake death toll rises to 14"),
        ("r4", 60.3, 31, 5, "Turkey earthquake death toll climbs to 31 as rescuers search rubble"),
        ("r5", 60.35, 31, 5, "Rescuers dig through rubble after quake kills 31 in Turkey"),
        ("r6", 60.5, 20, 5, "At least 20 confirmed dead in Malatya, governor says"),
    ]
    for ref, day, killed, sev, title in reports:
        out.append(
            event(
                s,
                ref,
                day=day,
                type="natural_disaster",
                severity=sev,
                story="quake",
                place=place,
                magnitude={"killed": killed},
                source="World Wire" if ref in {"r2", "r5"} else "Anadolu Desk",
                title=title,
                sentences=[f"A magnitude 6.1 earthquake near Malatya killed at least {killed} people."],
            )
        )
    return out


def desk_night() -> list[dict[str, Any]]:
    """What a desk covering the war reads in one night, in the shape of real reporting: an agency
    abroad places the barrage in the attacker's country, a rewrite the story grouping splits off, a
    follow-up whose wording gives a toll the first report did not, the next night's background
    mention of the record, a region first where strikes are nightly, a claimed first far from the
    front at low severity, and an earthquake whose toll rises in later reports."""
    s = "desk_night"
    out = []
    cities = [("Kharkiv", "Kharkiv Oblast"), ("Sumy", "Sumy Oblast"), ("Kyiv", "Kyiv City")]
    for i, n in enumerate([120, 310, 95, 240, 180, 150, 200]):  # a week of nights, learned
        city, oblast = cities[i % 3]
        out.append(
            event(
                s,
                f"h{i}",
                day=i,
                type="air_drone_strike",
                severity=4,
                story=f"h{i}",
                target="UA",
                attacker="RU",
                place=(city, "UA", oblast),
                magnitude={"drones": n},
                learn_only=True,
                title=f"Russia launches {n} drones at Ukraine",
                sentences=[f"Russia launched {n} drones."],
            )
        )
    big = "Russia launched 530 drones at Ukraine overnight, a record for a single night, the air force said."
    out.append(  # an agency abroad: placed in the attacker's country
        event(
            s,
            "agency",
            day=7.1,
            type="air_drone_strike",
            severity=5,
            story="night",
            target="UA",
            attacker="RU",
            place=("Russia", "RU", None),
            place_kind="country",
            magnitude={"drones": 530},
            source="Global Agency",
            title="Russia fires record 530 drones at Ukraine",
            sentences=[big],
        )
    )
    out.append(  # a rewrite the story grouping split off (placed in Kyiv): the same barrage
        event(
            s,
            "rewrite",
            day=7.2,
            type="air_drone_strike",
            severity=5,
            story="night-split",
            target="UA",
            attacker="RU",
            place=("Kyiv", "UA", "Kyiv City"),
            magnitude={"drones": 530},
            source="Capital Post",
            title="Kyiv shaken by record drone barrage",
            sentences=["Russia sent 530 drones against Ukraine, the largest attack of the war."],
        )
    )
    out.append(  # the same story: "one woman died" where the first report said "a woman was killed"
        event(
            s,
            "follow",
            day=7.3,
            type="air_drone_strike",
            severity=5,
            story="night",
            target="UA",
            attacker="RU",
            place=("Kyiv", "UA", "Kyiv City"),
            magnitude={"drones": 530, "killed": 1},
            source="World Wire",
            title="One woman died as drones hit Kyiv",
            sentences=["One woman died when debris hit a house in Kyiv, after 530 drones were launched."],
        )
    )
    out.append(  # the next night, with a background mention of the record
        event(
            s,
            "next",
            day=8.1,
            type="air_drone_strike",
            severity=4,
            story="next",
            target="UA",
            attacker="RU",
            place=("Kharkiv", "UA", "Kharkiv Oblast"),
            magnitude={"drones": 140},
            title="Drones hit Kharkiv a night after the record attack",
            sentences=["Drones hit Kharkiv a night after the record attack of 530 drones."],
        )
    )
    out.append(  # a region first in a country that sees drone strikes nightly
        event(
            s,
            "odesa",
            day=8.2,
            type="air_drone_strike",
            severity=4,
            story="odesa",
            target="UA",
            attacker="RU",
            place=("Odesa", "UA", "Odesa Oblast"),
            magnitude={"drones": 30},
            title="Drones hit Odesa port",
            sentences=["Drones hit port infrastructure in Odesa."],
        )
    )
    siberia = "Drones hit an air base in Siberia in the first attack of its kind, the regional governor said."
    out.append(  # a claimed first, severity held below the threshold
        event(
            s,
            "siberia",
            day=8.3,
            type="air_drone_strike",
            severity=3,
            story="siberia",
            target="RU",
            attacker="UA",
            place=("Usolye-Sibirskoye", "RU", "Irkutsk Oblast"),
            source="World Wire",
            title="Drones hit air base in Siberia",
            sentences=[siberia],
        )
    )
    for ref, day, toll, outlet in [("q1", 8.4, 12, "World Wire"), ("q2", 8.6, 31, "Global Agency")]:
        out.append(  # an earthquake abroad: a first of its type, then a higher toll reported later
            event(
                s,
                ref,
                day=day,
                type="natural_disaster",
                severity=4 if toll < 20 else 5,
                story="quake",
                place=("Malatya", "TR", "Malatya"),
                magnitude={"killed": toll},
                source=outlet,
                title=f"Earthquake in eastern Turkey kills {toll}",
                sentences=[f"A strong earthquake near Malatya killed {toll} people, officials said."],
            )
        )
    return out


SCENARIOS = {
    "barrage": barrage,
    "new_region": new_region,
    "sport_market": sport_market,
    "syndicated_record": syndicated_record,
    "death_toll": death_toll,
    "desk_night": desk_night,
}


def main() -> None:
    for name, build in SCENARIOS.items():
        lines = build()
        path = HERE / f"{name}.events.jsonl"
        path.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines))
        print(f"{path.name}: {len(lines)} events")


if __name__ == "__main__":
    main()
