"""GUID churn: a feed republishes its entries with new GUIDs, new dates and changed links.

Some publishing systems do this on every edit or template change. Through the real pipeline, the
first publication must raise the alerts the offline replay expects, delivered once each, and the
republication must raise none: every republished entry is stopped, by the poller (same canonical
URL, so an id it has already sent) or by dedup (another URL, same text: an exact copy; another
URL and a reworded headline: a near copy). The test checks where each kind was stopped, that none
reached ``news.unique``, and that no new alert arrived once every stage had drained its input.
"""

from __future__ import annotations

import base64
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from herald.core import topics
from herald.core.records import stable_id
from herald.poller.normalize import canonical_url
from herald_dev.local.feedserver import Item, ScriptedFeed
from herald_dev.local.receiver import Receiver
from tests.support.fault_harness import (
    CONSUMERS,
    Burst,
    Outcome,
    drained,
    measure,
    metric,
    record,
    replay_fetches,
    rig,
)
from tests.support.procs import Pipeline, read_topic, wait_for

pytestmark = [pytest.mark.kafka, pytest.mark.fault]

SECRET = "whsec_" + base64.b64encode(b"guid churn fault scenario secret").decode()
BURST = 9  # three of each kind of churn
WAIT_S = 150.0  # liveness bound, never a speed assertion
# Dedup's own topics must be drained too before "no new alert" means anything.
ALL_CONSUMERS = {
    **CONSUMERS,
    topics.DEDUP_PROBES.name: "herald-dedup",
    topics.DEDUP_GATHER.name: "herald-dedup",
    topics.DEDUP_STORY_SOURCES.name: "herald-dedup",
}


@dataclass
class Stack:
    pipeline: Pipeline
    feed: ScriptedFeed
    run: str
    receiver: Receiver
    tmp: Path
    bootstrap: str


@pytest.fixture(scope="module")
def stack(kafka: dict[str, str], tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    tmp = tmp_path_factory.mktemp("fault-churn")
    with rig(kafka, tmp, SECRET, "churn-wire") as world:
        yield Stack(
            world.pipeline, world.feed, world.run, world.wire.receiver, tmp, kafka["HERALD_KAFKA_BOOTSTRAP"]
        )


def republish(original: Item, kind: str, now_offset: float) -> Item:
    """The same entry as the publishing system re-emits it: new GUID, new date, and per ``kind``:

    * ``tracking``: the same link with tracking parameters (the same canonical URL);
    * ``new_url``: a new URL (an "updated" slug) with tracking parameters, the text unchanged;
    * ``reworded``: a new URL and a reworded headline, the body unchanged.
    """
    link = original.link
    title = original.title
    if kind == "tracking":
        link = f"{link}?utm_source=rss&utm_medium=feed&utm_campaign=republish"
    else:
        link = f"{link}-updated?utm_source=rss&fbclid=churn{uuid.uuid4().hex[:6]}"
    if kind == "reworded":
        title = f"UPDATED: {title}, officials say"
    return Item(
        title=title,
        link=link,
        summary=original.summary,
        offset=now_offset,
        published_ago=0.0,
        guid=f"urn:uuid:{uuid.uuid4()}",
    )


KINDS = ("tracking", "new_url", "reworded")


def article_id(link: str) -> str:
    url = canonical_url(link)
    assert url is not None
    return stable_id("url", url)


def duplicates(stack: Stack) -> dict[str, float]:
    port = stack.pipeline.services["dedup"].metrics_port
    return {kind: metric(port, "herald_duplicates_total", kind=kind) for kind in ("exact", "near")}


def test_republished_entries_raise_no_new_alerts(stack: Stack) -> None:
    feed = stack.feed
    first_burst = Burst(feed, stack.run, 0, BURST, per_second=4.0)
    released_at = time.time()
    first_burst.release()
    first_body = feed.render(now=time.time() + 3600)
    originals = list(feed.items)

    # -- first publication: the replay's alerts, each delivered once
    (expected_first,) = replay_fetches(stack.tmp, first_body)
    assert len(expected_first) >= BURST // 2, (
        f"the burst should raise alerts; the replay expects {expected_first}"
    )
    first = measure(
        "guid churn: first publication",
        stack.receiver,
        expected_first,
        BURST,
        since=released_at,
        timeout=WAIT_S,
        note="recover s from the release (includes the pipeline's start)",
    )
    assert first.lost == 0 and first.delivered == first.expected, first
    wait_for(lambda: drained(stack.bootstrap, ALL_CONSUMERS), WAIT_S, 1.0, what="every stage drained")
    deliveries_before = len(stack.receiver.deliveries)
    unique_before = {r.key for r in read_topic(stack.bootstrap, topics.UNIQUE.name)}
    dups_before = duplicates(stack)

    # -- republication: every entry again, with a new GUID and date, in one fetch
    now_offset = time.time() - feed.started
    copies = [republish(item, KINDS[i % len(KINDS)], now_offset) for i, item in enumerate(originals)]
    feed.items.extend(copies)
    second_body = feed.render(now=time.time() + 3600)
    _, expected_second = replay_fetches(stack.tmp, first_body, second_body)
    assert expected_second == set(), "the offline replay raises alerts for republished entries"

    old_ids = {article_id(o.link) for o in originals}
    new_ids = {article_id(c.link) for c in copies} - old_ids
    by_kind = {k: [c for i, c in enumerate(copies) if KINDS[i % len(KINDS)] == k] for k in KINDS}
    assert len(new_ids) == len(by_kind["new_url"]) + len(by_kind["reworded"])

    # The poller sends the copies with new URLs; the ones whose canonical URL it has sent are not sent.
    def sent() -> list[bytes]:
        return [r.key for r in read_topic(stack.bootstrap, topics.ARTICLES.name)]

    wait_for(lambda: new_ids <= {k.decode() for k in sent()}, WAIT_S, 1.0, what="the copies on news.articles")
    keys = sent()
    for copy in by_kind["tracking"]:
        assert keys.count(article_id(copy.link).encode()) == 1, "a seen canonical URL is not sent again"

    # Dedup recognises them: exact copies (same text) and near copies (reworded headline).
    want = {"exact": len(by_kind["new_url"]), "near": len(by_kind["reworded"])}
    stopped = lambda: {k: duplicates(stack)[k] - dups_before[k] for k in want}  # noqa: E731
    deadline = time.monotonic() + 60
    while not all(stopped()[k] >= n for k, n in want.items()) and time.monotonic() < deadline:
        time.sleep(1.0)  # (if they never come, the row below says what passed instead)
    got = stopped()
    wait_for(lambda: drained(stack.bootstrap, ALL_CONSUMERS), WAIT_S, 1.0, what="every stage drained")
    unique_after = {r.key for r in read_topic(stack.bootstrap, topics.UNIQUE.name)}
    passed = {k.decode() for k in unique_after - unique_before}
    with stack.receiver._lock:
        later = stack.receiver.deliveries[deliveries_before:]
    new_alerts = {d.webhook_id for d in later}
    record(
        Outcome(
            "guid churn: republished",
            len(copies),
            len(expected_second),
            len(new_alerts),
            0,
            len([d for d in later if d.webhook_id in expected_first]),
            0,
            None,
            note=f"{len(by_kind['tracking'])} skipped by the poller (seen URL), dedup dropped "
            f"{got['exact']:.0f} exact + {got['near']:.0f} near; {len(passed)} reached news.unique",
        )
    )
    assert passed == set(), f"republished entries passed dedup: {passed}"
    assert got == {k: float(n) for k, n in want.items()}, got
    assert new_alerts == set(), f"the republication raised alerts: {new_alerts}"
