"""The alert scenario set (tests/data/alerts/timelines/): its shape, its scorer, and the regression floor.

The shape tests also cover the frozen test splits (tests/data/alerts/test_timelines_r8/ and on; the
first seven were folded into the dev set once later ones were written); their scores are not held here:
a split is scored by hand, so no rule is tuned to pass it.

The set is the project's measure of alert quality on realistic news: several outlets per event,
retellings, follow-ups, background mentions, agencies abroad. The shape tests keep the labels usable
(every url labelled exists, nothing is both expected and forbidden); the scorer tests pin how alerts are
matched; the last test runs every timeline through the real offline pipeline and prints the table.
"""

from __future__ import annotations

import io
import json
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
import yaml
from tests.support import alert_eval
from tests.support.alert_eval import ANY, KINDS, Expected, MustNot, Timeline, kind_of, score

from herald.core.records import Article, stable_id
from herald.poller.normalize import canonical_url

DATA = alert_eval.DATA
TEST_R8_DATA = alert_eval.SETS["test_r8"]


def names(data: Path) -> list[str]:
    return sorted(p.name.removesuffix(".expected.yaml") for p in data.glob("*.expected.yaml"))


NAMES = names(DATA)
TEST_R8_NAMES = names(TEST_R8_DATA)

# Every timeline of every split, for the shape checks: (folder, name).
SPLITS = {folder: split for split, folder in alert_eval.SETS.items()}
ALL = [(folder, n) for folder in SPLITS for n in names(folder)]
ALL_IDS = [f"{SPLITS[d]}/{n}" for d, n in ALL]

# What the rules scored (overall, 21 timelines; 0.25 and 0.54 on the first 8 when the set was written; the
# 4 timelines of distinct events days apart, added later, first scored 0.45 / 0.69 and mostly miss on
# places and types read upstream of the rules; the 2 timelines of hazards that crossed countries, added
# after them, first scored 0.50 / 0.27 and miss mostly on severity and places read upstream; a named
# storm's reports from other towns of one country joined as one story: 0.80 / 0.77 -> 0.83 / 0.81;
# hazards that "struck" no air strike, deadly local firsts below the country's recent high held, places
# named only in background clauses, deadly country firsts and updates from severity 3, reports ranking
# themselves below a record, and four classify cues: 0.83 / 0.81 -> 0.96 / 0.96, 74 raised, 71 matched;
# valencia_dana added, first scored 0.83 / 1.00; with counts given for another place left out and "the
# toll rose" read of the dead only: 19 timelines, 79 raised, 79 expected, 76 matched, 0.96 / 0.96; the 3
# timelines of kinds the set lacked (a plant blast, diseases reaching new countries, fighting between two
# states), written on the rules before that round and first scored 0.38 / 0.38 on them, then added:
# 22 timelines, 93 raised, 92 expected, 84 matched, 0.90 / 0.91; 2 more of kinds the set lacked (wildfires
# across two countries, a landslide's estimated toll), first scored 0.45 / 0.56: 24 timelines, 104 / 101 / 89,
# 0.86 / 0.88; one page per event for a first and a record, no record by the wounded, tolls placed in two
# countries summed, dated background tolls, a first placed nowhere held: 101 / 101 / 92, 0.91 / 0.91; with
# round 20's classify rules 102 / 101 / 92; "Plateau state" read as Nigeria's by its kind word: 101 / 101 /
# 93, 0.92 / 0.92; issue 16's trusted-alerts pass: a small town read only by a foreign alternate name
# left unresolved, an outbreak declared over no outbreak, a country's first case claimed once, a speaking
# capital, mediators and a dateline abroad no place of the fighting, a blast's toll a week on joined to
# its story, the toll of the fighting talks follow as background: 98 / 101 / 96, 0.98 / 0.95; a toll
# "has risen to" after a dated clause read as now: 99 / 101 / 97, 0.98 / 0.96; with the classifier's learned
# type veto, which keeps a type the headline reports: 97 / 101 / 95, 0.98 / 0.94; round 22 folded the third
# frozen split's four timelines in, which the rules match 1 of 20 on: 106 / 121 / 95, 0.90 / 0.79; issue 16
# on them: a blast at a port, a place named without its accents, a country's toll days (not weeks) on, a
# recalled year's toll as background, a deadly first after sightings that could not page, a toll placed
# in another country as that country's story, a war side's count, displaced retelling evacuated, a
# same-event story's later reports, one confirmed case and a first case claimed without "its", one death
# said without a number: 112 / 121 / 107, 0.96 / 0.88; "Tai Po fire death toll" in a headline: 113 / 121 /
# 108, 0.96 / 0.89; three new timelines unlike the set (a bombing told from six capitals, a dam burst in a
# flood season, a virus's first cases and first deaths), first scored 3 / 7 / 0: 116 / 128 / 108, 0.93 / 0.84;
# bombings, dam bursts, season totals and a virus's first arrival read, an evacuation the part of the event
# that caused it, a war's next turn no first: 118 / 128 / 115, 0.97 / 0.90; the killer's count of another
# country's dead and the foreign fighters an army counts beside its own dead are no toll: 117 / 128 / 115,
# 0.98 / 0.90; with the places pass (continents never a namesake town, a landmark city below its region)
# and the dev label conventions merged: 119 / 128 / 118, 0.99 / 0.92; fighting that resumes a clash, a
# part of a story alerted in another country no routine nor high there, a report at a place the gazetteer
# does not know the update of the story whose headline names it: 122 / 128 / 121, 0.99 / 0.95; a place
# first yielding to its report's record, a toll in a live storm's name, an unknown place read in the country
# of the reports that named it: 123 / 128 / 123, 1.00 / 0.96; round 23 folds the second frozen split's three
# timelines in, which the rules match 9 of 18 on, and reads mine tolls, a claimed first's later reports and
# a rising toll placed by a namesake town abroad: 139 / 146 / 135, 0.97 / 0.92; a neighbour's counts in a
# clause of their own and an outbreak's toll since it began: 138 / 146 / 136, 0.99 / 0.93; a disaster's dead
# not the protest's, a war's risen toll no first nine days on: 136 / 146 / 136, 1.00 / 0.93; round 24
# folds the first frozen split's five timelines in, which the rules match 17 of 29 on: 162 / 175 / 152,
# 0.94 / 0.87; issue 16 on them: a toll of fires in the plural, a city's risen toll naming the alerted
# fire's place, a virus found in a country for the first time, an outbreak that turned deadly, a deadly
# fire's claimed record in place of its first: 167 / 175 / 159, 0.95 / 0.91; a record claimed over several
# countries no country's: 166 / 175 / 159, 0.96 / 0.91; gunmen storming a TV station no storm: 165 / 175 /
# 159, 0.96 / 0.91; a claimed first in the report that updates its event, a town in the country where the
# family alerted no namesake: 164 / 175 / 160, 0.98 / 0.91; another family's alerted toll borrowed by a
# protest: 163 / 175 / 160, 0.98 / 0.91; a campaign's first week counted whole: 162 / 175 / 160, 0.99 /
# 0.91; four new dev timelines, first scored 25 / 20 / 14, and the veto refit on a larger dev set:
# 185 / 195 / 172, 0.93 / 0.88; round 24's second pass: three of their labels brought to the kinds, a
# split-off story that updated an event goes on updating it, deaths that "climb", crowds fighting troops
# no armed clash: 182 / 199 / 177, 0.97 / 0.89; evacuees in a report of the dead, no place first for a
# story that paged, "first time in two weeks" no claim: 181 / 199 / 177, 0.98 / 0.89; issue 16, round 24:
# a risen toll placed nowhere, revisions down, a state's claimed first, a headline toll's attack kept:
# 182 / 199 / 180, 0.99 / 0.90; a retelling typed otherwise no routine: 183 / 199 / 181, 0.99 / 0.91;
# a headline retelling a total over days of hostilities: 182 / 199 / 181, 0.99 / 0.91; round 25 folds the
# fourth frozen split's four timelines in: 197 / 210 / 189, 0.96 / 0.90; firsts retold under another
# country, a quake's magnitude retold, vague amounts out of the series, superlatives within a period no
# claim, mokwa_flood's first brought to the kinds, crowds at a hospital no protest: 192 / 211 / 192,
# 1.00 / 0.91; a toll risen below the update floor by a body behind the story's alerts, in words of a rise,
# and a record's report updating its story too: 199 / 211 / 199, 1.00 / 0.94; round 25's four new dev
# timelines, first scored 20 / 21 / 11: 219 / 232 / 210, 0.96 / 0.91; tolls told as now known or by an
# ordinal, strike stories open 12 hours, a quake's own toll across the border, outbreaks confirmed or
# declared, running totals since a date or across a month: 223 / 232 / 219, 0.98 / 0.94; round 26 folds the
# fifth frozen split's four timelines in: 236 / 245 / 226, 0.96 / 0.92; round 26's four new dev timelines,
# first scored 16 / 23 / 9: 252 / 268 / 235, 0.93 / 0.88; an audience fired on, neighbourhoods not towns
# abroad, volcano tolls by the mountain's name, a fire's battle no clash, a war's toll across conflict
# types, an agency's bulletin with no harm no first, a second incident of a type: 253 / 268 / 243, 0.96 /
# 0.91; round 27 folds the sixth frozen split's four timelines in: 267 / 285 / 253, 0.95 / 0.89; round 27's
# two new dev timelines, first scored 9 / 10 / 6: 276 / 295 / 259, 0.94 / 0.88; tolls named by the incident
# noun, deaths under investigation, first-time attack claims, a state's later rises, unrest's record of the
# dead, a 60-day look-back for a country's high, strikes on a country's soil: 282 / 295 / 273, 0.97 / 0.93;
# round 28 folds the seventh frozen split's four timelines in: 298 / 314 / 280, 0.94 / 0.89; round 28's two
# new dev timelines (a crowd crush, a wildfire), first scored 5 / 12 / 4: 303 / 326 / 284, 0.94 / 0.87;
# coronaviruses by acronym, an imported case placed where it was found, a country's short name, a
# bombing's toll told days on, the wounded's hospitals abroad: 306 / 326 / 290, 0.95 / 0.89; a crowd
# crush as an accident, the foreign dead's countries neither placing nor summing, a place-less toll
# joining the one story it raises, bodies "from the fires" a landscape's toll: 309 / 326 / 294, 0.95 / 0.90;
# each side's dead by nationality, never the other side's retelling, Nepal's districts named after no
# town, and the Jajarkot quake's 42 relabelled a first as the kinds read it: 310 / 326 / 296, 0.95 / 0.91;
# a crowd crush or stampede claimed the deadliest a record: 311 / 326 / 297, 0.95 / 0.91; a toll
# beating a split-off report's small retold rise updates the story that report followed: 311 / 326 / 298,
# 0.96 / 0.91).
# The floor is that minus 0.05, so a change that makes alerts worse fails here; the target is the
# quality bar a desk needs. Raise the measured figures with each rule change that improves them.
MEASURED = {"precision": 0.96, "recall": 0.91}
FLOOR = {k: round(v - 0.05, 2) for k, v in MEASURED.items()}
TARGET = {"precision": 0.95, "recall": 0.95}


def raw(name: str, data: Path = DATA) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    labels = yaml.safe_load((data / f"{name}.expected.yaml").read_text())
    lines = (data / f"{name}.articles.jsonl").read_text().splitlines()
    return labels, [json.loads(line) for line in lines if line.strip()]


def test_every_timeline_has_articles_and_labels() -> None:
    articles = {p.name.removesuffix(".articles.jsonl") for p in DATA.glob("*.articles.jsonl")}
    assert set(NAMES) == articles
    assert len(NAMES) >= 6
    total = sum(len(raw(name)[1]) for name in NAMES)
    assert 80 <= total <= 1500, total


# Each frozen split in the order it was written: how many timelines it holds, and its articles per
# timeline. Each is on events unlike the dev set and every split before it.
FROZEN = {
    "test_r8": (4, 4, 20),
    "test_r9": (4, 4, 20),
    "test_r10": (4, 4, 20),
    "test_r11": (4, 4, 20),
}


@pytest.mark.parametrize("split", FROZEN)
def test_each_frozen_split_holds_a_few_new_timelines_of_ten_to_twenty_articles(split: str) -> None:
    fewest, most, longest = FROZEN[split]
    folder = alert_eval.SETS[split]
    articles = {p.name.removesuffix(".articles.jsonl") for p in folder.glob("*.articles.jsonl")}
    assert set(names(folder)) == articles
    assert fewest <= len(articles) <= most, articles
    earlier = [alert_eval.SETS[s] for s in ("dev", *FROZEN)]
    earlier = earlier[: earlier.index(folder)]
    assert not articles & {n for d in earlier for n in names(d)}, "the splits share no timeline"
    for name in articles:
        assert 10 <= len(raw(name, folder)[1]) <= longest, name


@pytest.mark.parametrize(("data", "name"), ALL, ids=ALL_IDS)
def test_articles_are_what_the_poller_emits(data: Path, name: str) -> None:
    _, articles = raw(name, data)
    urls = [a["url"] for a in articles]
    assert len(set(urls)) == len(urls), "one line per article"
    for a in articles:
        Article.model_validate(a)
        assert a["id"] == stable_id("url", canonical_url(a["url"]) or ""), a["url"]
        assert a["fetched_at"] >= a["published"], a["url"]
    assert len({a["source"] for a in articles}) >= 3, "several outlets"


@pytest.mark.parametrize(("data", "name"), ALL, ids=ALL_IDS)
def test_labels_name_existing_articles_and_say_why(data: Path, name: str) -> None:
    labels, articles = raw(name, data)
    published = {a["url"]: datetime.fromisoformat(a["published"]) for a in articles}
    learn_until = datetime.fromisoformat(str(labels["learn_until"]).replace("Z", "+00:00"))
    assert labels["timeline"] == name
    assert labels["based_on"], "the reports read are named"
    assert labels["expected"] and labels["must_not"]
    for e in labels["expected"]:
        assert e["kind"] in KINDS and e["why"].strip()
        assert len(e["country"]) == 2 and e["country"].isupper(), e["url"]
        for url in [e["url"], *(e.get("also") or [])]:
            assert url in published, url
            assert published[url] >= learn_until, f"{url} is history, it cannot alert"
    for m in labels["must_not"]:
        assert m["kind"] in (*KINDS, ANY) and m["why"].strip()
        assert m["url"] in published, m["url"]


@pytest.mark.parametrize(("data", "name"), ALL, ids=ALL_IDS)
def test_no_case_is_both_expected_and_forbidden(data: Path, name: str) -> None:
    labels, _ = raw(name, data)
    allowed = {(url, e["kind"]) for e in labels["expected"] for url in [e["url"], *(e.get("also") or [])]}
    for m in labels["must_not"]:
        kinds = KINDS if m["kind"] == ANY else (m["kind"],)
        clash = [(m["url"], k) for k in kinds if (m["url"], k) in allowed]
        assert not clash, f"{clash} is expected and forbidden"


def test_rule_names_map_to_kinds() -> None:
    assert kind_of({"rule": "new_type", "update_of": None}) == "first"
    assert kind_of({"rule": "record", "update_of": None}) == "record"
    assert kind_of({"rule": "record", "update_of": "a" * 32}) == "update"
    assert kind_of({"rule": "first_claim", "update_of": None}) == "first"
    assert kind_of({"rule": "claimed_first", "update_of": None}) == "first"
    assert kind_of({"rule": "heartbeat", "update_of": None}) == "heartbeat"  # matches no label


def _alert(
    url: str, rule: str, update_of: str | None = None, country: str | None = "UA", series: str | None = None
) -> dict[str, Any]:
    return {
        "kind": "alert",
        "id": stable_id("alert", url, rule, update_of or ""),
        "article_id": stable_id("url", url),
        "urls": [url],
        "rule": rule,
        "update_of": update_of,
        "text": f"{rule} on {url}",
        "location": {"name": "Kyiv", "country_code": country} if country else None,
        "evidence": {"series": series} if series else {},
    }


def _timeline() -> Timeline:
    def art(url: str) -> Article:
        return Article(
            id=stable_id("url", url),
            url=url,
            source="Test",
            title=url,
            published=datetime.fromisoformat("2026-10-10T06:00:00+00:00"),
            fetched_at=datetime.fromisoformat("2026-10-10T06:03:00+00:00"),
        )

    urls = [
        "https://a.example/first",
        "https://b.example/retold",
        "https://c.example/toll",
        "https://d.example/x",
    ]
    return Timeline(
        name="t",
        articles=[art(u) for u in urls],
        expected=[
            Expected(urls[0], "record", "record night", also=(urls[1],), country="UA"),
            Expected(urls[2], "update", "toll rose", country="UA"),
        ],
        must_not=[MustNot(urls[3], ANY, "market news")],
        learn_until=None,
    )


def test_an_event_is_matched_once_even_through_its_retellings() -> None:
    t = _timeline()
    a, b, c, _ = (x.url for x in t.articles)
    s = score(t, [_alert(b, "record"), _alert(a, "record"), _alert(c, "record", update_of="1" * 32)])
    assert [(e.url, r.url) for e, r in s.matched] == [(a, b), (c, c)]
    assert [r.url for r, _ in s.wrong] == [a]
    assert "a second record for the same event" in s.wrong[0][1]
    assert (s.precision, s.recall) == (pytest.approx(2 / 3), 1.0)


def test_wrong_kinds_and_forbidden_alerts_are_wrong_and_misses_listed() -> None:
    t = _timeline()
    a, _, c, d = (x.url for x in t.articles)
    s = score(t, [_alert(a, "new_type"), _alert(d, "record"), _alert(c, "first_claim")])
    assert s.matched == []
    assert [(r.kind, why) for r, why in s.wrong] == [
        ("first", "unlabelled"),
        ("record", "must_not: market news"),
        ("first", "unlabelled"),
    ]
    assert [e.url for e in s.missed] == [a, c]
    assert (s.precision, s.recall) == (0.0, 0.0)
    out = io.StringIO()
    alert_eval.report([s], out)
    assert "MISSED t: record on https://a.example/first" in out.getvalue()


def test_an_alert_about_another_country_does_not_match() -> None:
    """The record series' country decides: the attacker's capital in the location does not."""
    t = _timeline()
    a = t.articles[0].url
    s = score(t, [_alert(a, "record", country="RU", series="drones x air_drone_strike x RU")])
    assert s.matched == [] and s.wrong[0][1] == "about RU, the event is in UA"
    record = _alert(a, "record", country="RU", series="drones x air_drone_strike x UA")
    s = score(t, [record])
    assert [e.url for e, _ in s.matched] == [a]
    # An update whose own article names no place is about its story: the alert it updates.
    c = t.articles[2].url
    s = score(t, [record, _alert(c, "record", update_of=record["id"], country=None)])
    assert [e.url for e, _ in s.matched] == [a, c]


def test_scorer_reads_paths_and_names() -> None:
    got = alert_eval.timeline_files(["coup", str(DATA / "floods.articles.jsonl")])
    assert got == [DATA / "coup.expected.yaml", DATA / "floods.expected.yaml"]
    assert alert_eval.timeline_files() == [DATA / f"{n}.expected.yaml" for n in NAMES]
    assert alert_eval.timeline_files(["x"], TEST_R8_DATA) == [TEST_R8_DATA / "x.expected.yaml"]
    r8 = [TEST_R8_DATA / f"{n}.expected.yaml" for n in TEST_R8_NAMES]
    assert alert_eval.timeline_files(data=TEST_R8_DATA) == r8


def test_the_set_through_the_offline_pipeline(capsys: pytest.CaptureFixture[str]) -> None:
    """Every timeline through ``herald analyze``'s pipeline; the table is printed (``-s`` shows it)."""
    pytest.importorskip("spacy")
    scores = alert_eval.evaluate(alert_eval.timeline_files())
    overall = alert_eval.total(scores)
    out = io.StringIO()
    alert_eval.report(scores, out)
    out.write(
        f"floor precision {FLOOR['precision']:.2f} recall {FLOOR['recall']:.2f}; "
        f"target precision {TARGET['precision']:.2f} recall {TARGET['recall']:.2f}\n"
    )
    with capsys.disabled():
        print("\n" + out.getvalue())
    assert len(scores) == len(NAMES)
    assert len(overall.expected) == sum(len(raw(n)[0]["expected"]) for n in NAMES)
    assert overall.precision >= FLOOR["precision"], out.getvalue()
    assert overall.recall >= FLOOR["recall"], out.getvalue()
