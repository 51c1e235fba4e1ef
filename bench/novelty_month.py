"""A generated month of news through the novelty rules: alerts per day per rule and scope.

    python -m bench.novelty_month                 # before (main's rules) and after (this tree's defaults)
    python -m bench.novelty_month --write FILE    # also write the month's events as JSONL

The month (deterministic, seed 16): a country at war (UA) with one drone barrage a night (50-500
drones, told by 3-5 outlets placed at country, region or city level, one retelling in ten missing
the story join), daily shelling across six frontline oblasts, a missile barrage every few days,
drone strikes on Russian border regions, one claimed first far from the front, and the rest of the
world's ordinary news (quakes, floods, protests, a coup attempt, cyberattacks, outbreaks). It is
what a desk covering a war reads; the numbers in the alerts README come from this script.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import random
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import ModuleType
from typing import Any

from herald.alerts import novelty
from herald.alerts.settings import AlertSettings
from herald.core.records import Event

T0 = datetime(2026, 10, 1, tzinfo=UTC)
DAYS = 30
UA_REGIONS = [  # (city, oblast, weight): the front and the border take most; the west is rare
    ("Kharkiv", "Kharkiv Oblast", 10),
    ("Sumy", "Sumy Oblast", 8),
    ("Dnipro", "Dnipropetrovsk Oblast", 7),
    ("Zaporizhzhia", "Zaporizhzhia Oblast", 8),
    ("Kherson", "Kherson Oblast", 7),
    ("Kramatorsk", "Donetsk Oblast", 8),
    ("Odesa", "Odesa Oblast", 6),
    ("Kyiv", "Kyiv City", 6),
    ("Bila Tserkva", "Kyiv Oblast", 4),
    ("Chernihiv", "Chernihiv Oblast", 5),
    ("Poltava", "Poltava Oblast", 3),
    ("Mykolaiv", "Mykolaiv Oblast", 4),
    ("Kryvyi Rih", "Dnipropetrovsk Oblast", 3),
    ("Vinnytsia", "Vinnytsia Oblast", 2),
    ("Khmelnytskyi", "Khmelnytskyi Oblast", 2),
    ("Zhytomyr", "Zhytomyr Oblast", 2),
    ("Cherkasy", "Cherkasy Oblast", 2),
    ("Lviv", "Lviv Oblast", 1),
    ("Ivano-Frankivsk", "Ivano-Frankivsk Oblast", 1),
    ("Lutsk", "Volyn Oblast", 1),
    ("Rivne", "Rivne Oblast", 1),
    ("Ternopil", "Ternopil Oblast", 1),
    ("Uzhhorod", "Zakarpattia Oblast", 0.3),
]
FRONT = [
    ("Kharkiv", "Kharkiv Oblast"),
    ("Kramatorsk", "Donetsk Oblast"),
    ("Zaporizhzhia", "Zaporizhzhia Oblast"),
    ("Kherson", "Kherson Oblast"),
    ("Sumy", "Sumy Oblast"),
    ("Nikopol", "Dnipropetrovsk Oblast"),
]
RU_BORDER = [
    ("Belgorod", "Belgorod Oblast"),
    ("Kursk", "Kursk Oblast"),
    ("Bryansk", "Bryansk Oblast"),
    ("Voronezh", "Voronezh Oblast"),
    ("Rostov-on-Don", "Rostov Oblast"),
]
OUTLETS = ["Kyiv Ledger", "World Wire", "Eastern Desk", "Capital Post", "Front Report"]
WORLD = [  # (type, country, place, region, severity range, metric, value range, every n days)
    ("natural_disaster", "JP", "Sendai", "Miyagi", (2, 4), "magnitude", (5.0, 6.8), 9),
    ("natural_disaster", "ID", "Padang", "West Sumatra", (3, 5), "killed", (0, 40), 12),
    ("natural_disaster", "PH", "Tacloban", "Eastern Visayas", (3, 4), "killed", (0, 12), 10),
    ("protest", "FR", "Paris", "Ile-de-France", (1, 2), "protesters", (2000, 50000), 3),
    ("protest", "RS", "Belgrade", "Belgrade", (1, 3), "protesters", (5000, 80000), 4),
    ("protest", "KE", "Nairobi", "Nairobi", (2, 3), "killed", (0, 4), 7),
    ("armed_clash", "SD", "El Fasher", "North Darfur", (3, 5), "killed", (5, 80), 2),
    ("attack_on_civilians", "SD", "El Obeid", "North Kordofan", (4, 5), "killed", (10, 60), 8),
    ("armed_clash", "CD", "Goma", "North Kivu", (3, 4), "killed", (2, 30), 3),
    ("cyberattack", "US", "New York", "New York", (2, 4), "", (0, 0), 6),
    ("disease_outbreak", "CD", "Kinshasa", "Kinshasa", (2, 4), "cases", (50, 900), 11),
    ("industrial_accident", "IN", "Vizag", "Andhra Pradesh", (3, 4), "killed", (2, 15), 13),
    ("evacuation", "US", "Miami", "Florida", (2, 4), "evacuated", (1000, 200000), 15),
    ("riot", "PE", "Lima", "Lima", (2, 3), "arrested", (10, 200), 9),
]


def hid(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:32]


def event(
    n: int,
    *,
    at: datetime,
    type: str,
    severity: int,
    story: str,
    source: str,
    place: tuple[str, str, str | None, str | None],
    magnitude: dict[str, float],
    title: str,
    target: str | None = None,
    claims: list[dict[str, str]] | None = None,
) -> Event:
    name, cc, admin1, kind = place
    actors = [{"name": "Ukraine" if target == "UA" else "Russia", "role": "target", "country_code": target}]
    return Event.model_validate(
        {
            "id": hid("event", str(n)),
            "article_id": hid("article", str(n)),
            "story_id": hid("story", story),
            "type": type,
            "severity": severity,
            "magnitude": magnitude,
            "location": {"name": name, "country_code": cc, "admin1": admin1, "kind": kind},
            "actors": actors if target else [],
            "published": at.isoformat(),
            "fetched_at": (at + timedelta(minutes=3)).isoformat(),
            "title": title,
            "url": f"https://{source.lower().replace(' ', '-')}.example.test/{n}",
            "source": source,
            "sentences": [title],
            "claims": claims or [],
            "record_claim": any(c["kind"] == "record" for c in claims or []),
        }
    )


def month(seed: int = 16) -> list[Event]:
    rnd = random.Random(seed)
    out: list[Event] = []
    n = 0

    def add(**kw: Any) -> None:
        nonlocal n
        n += 1
        out.append(event(n, **kw))

    weights = [w for *_, w in UA_REGIONS]
    for day in range(DAYS):
        night = T0 + timedelta(days=day, hours=5)
        drones = int(min(500, max(50, rnd.lognormvariate(5.0, 0.5))))
        killed = rnd.choice([0, 0, 0, 1, 2, 3, 5, 8, 14])
        hit = {r[:2] for r in rnd.choices(UA_REGIONS, weights=weights, k=rnd.randint(1, 4))}
        sev = 5 if drones >= 400 or killed >= 10 else 4 if drones >= 100 or killed else 3
        story = f"ua-night-{day}"
        big = drones >= 450
        for k, outlet in enumerate(rnd.sample(OUTLETS, rnd.randint(3, 5))):
            at = night + timedelta(hours=k * 1.5)
            same = story if rnd.random() > 0.1 else f"{story}-split-{k}"
            if k == 0:
                place = ("Ukraine", "UA", None, "country")
            else:
                city, oblast = sorted(hit)[k % len(hit)]
                place = (
                    (city, "UA", oblast, "city") if rnd.random() < 0.6 else (oblast, "UA", oblast, "region")
                )
            mag: dict[str, float] = {"drones": drones}
            if killed and k >= 1:
                mag["killed"] = killed + (k - 1) * rnd.choice([0, 0, 1, 2])  # the toll firms up later
            claims = [{"kind": "record", "text": "The largest attack of the war."}] if big else []
            add(
                at=at,
                type="air_drone_strike",
                severity=sev,
                story=same,
                source=outlet,
                place=place,
                magnitude=mag,
                title=f"Russia launches {drones} drones at Ukraine",
                target="UA",
                claims=claims,
            )
        for city, oblast in rnd.sample(FRONT, rnd.randint(4, 6)):
            toll = rnd.choice([0, 0, 1, 1, 2, 3, 4, 6])
            add(
                at=night + timedelta(hours=rnd.uniform(2, 14)),
                type="missile_artillery_strike",
                severity=4 if toll >= 3 else 3,
                story=f"shell-{day}-{city}",
                source=rnd.choice(OUTLETS),
                place=(city, "UA", oblast, "city"),
                magnitude={"killed": toll} if toll else {},
                title=f"Shelling of {city} kills {toll}",
                target="UA",
            )
        if day % 4 == 2:
            missiles = rnd.randint(10, 60)
            add(
                at=night,
                type="missile_artillery_strike",
                severity=5 if missiles > 40 else 4,
                story=f"missiles-{day}",
                source="Kyiv Ledger",
                place=("Ukraine", "UA", None, "country"),
                magnitude={"missiles": missiles},
                title=f"Russia fires {missiles} missiles at Ukraine",
                target="UA",
            )
        for city, oblast in rnd.sample(RU_BORDER, rnd.randint(0, 3)):
            add(
                at=night + timedelta(hours=1),
                type="air_drone_strike",
                severity=rnd.choice([3, 3, 4]),
                story=f"ru-{day}-{city}",
                source="World Wire",
                place=(city, "RU", oblast, "city"),
                magnitude={"drones": rnd.randint(5, 120)},
                title=f"Drones hit {city}",
                target="RU",
            )
        if day == 21:
            said = "Drones hit an air base in Siberia in the first attack of its kind."
            add(
                at=night,
                type="air_drone_strike",
                severity=3,
                story="siberia",
                source="World Wire",
                place=("Belaya", "RU", "Irkutsk Oblast", "city"),
                magnitude={},
                title=said,
                target="RU",
                claims=[{"kind": "first", "text": said}],
            )
        for type_, cc, city, region, sev_range, metric, (lo, hi), every in WORLD:
            if (day + len(city)) % every:
                continue
            value = round(rnd.uniform(lo, hi), 1 if metric == "magnitude" else 0)
            add(
                at=T0 + timedelta(days=day, hours=rnd.uniform(0, 23)),
                type=type_,
                severity=rnd.randint(*sev_range),
                story=f"{type_}-{cc}-{day}",
                source=rnd.choice(OUTLETS),
                place=(city, cc, region, "city"),
                magnitude={metric: value} if metric else {},
                title=f"{type_.replace('_', ' ')} in {city}",
            )
    return sorted(out, key=lambda e: e.published)


def scope_of(alert: Any) -> str:
    ev = alert.evidence
    if alert.update_of:
        return "update"
    if alert.rule == "record":
        return "series" if ev.get("trigger") == "magnitude" else "claim"
    if ev.get("trigger") == "claim":
        return "claim"
    return ev["scopes"][0].split(":")[0]


def replay(module: ModuleType, config: Any, events: list[Event]) -> Counter[tuple[int, str, str]]:
    det = module.NoveltyDetector({}, config)
    counts: Counter[tuple[int, str, str]] = Counter()
    for e in events:
        for alert in det.observe(e, now=e.published):
            counts[((e.published - T0).days, alert.rule, scope_of(alert))] += 1
    return counts


def main_rules() -> ModuleType | None:
    """main's novelty.py, loaded apart, for the before column (None outside a git checkout)."""
    try:
        text = subprocess.run(
            ["git", "show", "main:services/herald/alerts/novelty.py"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    path = Path(tempfile.mkdtemp()) / "novelty_main.py"
    path.write_text(text)
    spec = importlib.util.spec_from_file_location("novelty_main", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["novelty_main"] = module
    spec.loader.exec_module(module)
    return module


def table(name: str, counts: Counter[tuple[int, str, str]]) -> Iterator[str]:
    keys = sorted({(r, s) for _, r, s in counts})
    yield f"{name}: {sum(counts.values())} alerts in {DAYS} days"
    yield "rule/scope".ljust(22) + " ".join(f"{d + 1:>2}" for d in range(DAYS)) + "  total  per day"
    for rule, scope in keys:
        row = [counts[(d, rule, scope)] for d in range(DAYS)]
        yield (
            f"{rule}/{scope}".ljust(22)
            + " ".join(f"{v:>2}" for v in row)
            + f"  {sum(row):>5}  {sum(row) / DAYS:.2f}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", type=Path, help="write the month's events as JSONL")
    args = parser.parse_args()
    events = month()
    if args.write:
        args.write.write_text("".join(e.model_dump_json() + "\n" for e in events))
    print(f"{len(events)} events")
    before = main_rules()
    if before is not None:
        print("\n".join(table("before (main)", replay(before, before.NoveltyConfig(), events))), "\n")
    config = AlertSettings().novelty()
    print("\n".join(table("after (defaults)", replay(novelty, config, events))), "\n")
    if before is not None:
        cold = before.NoveltyConfig(learn_until=T0 + timedelta(days=7))
        print("\n".join(table("before (main), first week learned", replay(before, cold, events))), "\n")
    learned = novelty.NoveltyConfig(**{**config.__dict__, "learn_until": T0 + timedelta(days=7)})
    print("\n".join(table("after (defaults), first week learned", replay(novelty, learned, events))), "\n")
    print("policy sweep, first week learned:")
    for window, days, killed in [(7, 1, 10), (14, 1, 10), (30, 1, 10), (30, 7, 10), (30, 1, 5), (30, 1, 0)]:
        cfg = novelty.NoveltyConfig(
            **{
                **learned.__dict__,
                "routine_window": timedelta(days=window),
                "routine_min_days": days,
                "local_min_killed": killed,
            }
        )
        counts = replay(novelty, cfg, events)
        local = sum(v for (_, _, s), v in counts.items() if s in ("region", "place"))
        print(
            f"window {window:>2} d, min days {days}, local min killed {killed:>2}: "
            f"{sum(counts.values())} alerts, {local} region/place firsts"
        )


if __name__ == "__main__":
    main()
