"""The dedup worker: thin Faust agents around the pure protocol (``index``) and story matcher.

Five stages in one app (so one process can run them all and any number of processes can share them):

=============  ==========================  ==========================================  ==================
stage          reads                       does                                        state
=============  ==========================  ==========================================  ==================
dedup          news.articles               fingerprint; probes + article to gather     (the shortcut)
dedup_claims   herald.dedup.probes         earliest (and latest) claimants per key      claims (buckets)
dedup_gather   herald.dedup.gather         verify, decide; news.unique; copy notices    verdicts, pending
stories        news.classified             story per event; news.events; membership     stories
story_sources  herald.dedup.story-sources  count dropped copies on their story          stories
=============  ==========================  ==========================================  ==================

Every topic here has the same partition count, so Faust assigns partition *p* of all of them (and
of the changelogs) to the same worker, and each table key is written to one changelog partition only:
claims and verdict buckets and gathers to the partition their key maps to, stories to their event
type's partition (news.classified and story-sources are both keyed by type). See ``index`` for the
protocol.

**The local shortcut.** A protocol message bound for a partition this worker owns is answered in
process, within the batch that produced it, instead of going through Kafka and back (``settle``);
only messages for partitions other workers own travel. One worker alone sends nothing through the
internal topics; N workers send about (N-1)/N of the messages. State changes of a batch are held
(``Staged``) and written once at its end, so a gather decided within the batch never reaches the
pending changelog at all.
"""

from __future__ import annotations

import json
import logging
from typing import Any

import faust
from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram

from herald.core import topics
from herald.core.families import family_of
from herald.core.metrics import StageMetrics
from herald.core.records import Article, Event
from herald.core.settings import CoreSettings
from herald.core.streams import Emit, Reject, Stage, backlog, make_app, raw_topic, table

from . import verdicts as verdict_bucket
from .index import ClaimIndex, Dropped, Gatherer, LocalBus, Send, Staged, Unique, front, joined_story
from .messages import Gather, Probe, StorySource
from .settings import DedupSettings
from .stories import StoryTracker

DEFAULT_PORT = 9102
NUDGE_EVERY_S = 15.0
NUDGE_AFTER_S = 30.0  # a gather is normally decided within a second
NUDGE_MAX_BACKLOG = 100  # protocol records waiting on this worker above which it never re-asks
SOURCE_BUCKETS = (1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144)
log = logging.getLogger("herald.dedup")

_INTERNAL = {"probes": topics.DEDUP_PROBES, "gather": topics.DEDUP_GATHER}
_PROTOCOL_TOPICS = {topics.ARTICLES.name, topics.DEDUP_PROBES.name, topics.DEDUP_GATHER.name}


class DedupMetrics:
    def __init__(self, registry: CollectorRegistry) -> None:
        self.duplicates = Counter(
            "herald_duplicates_total",
            "Articles recognised as copies and dropped, by kind.",
            ["kind"],
            registry=registry,
        )
        for kind in ("exact", "near"):
            self.duplicates.labels(kind)
        self.redeliveries = Counter(
            "herald_dedup_redeliveries_total",
            "Articles seen again with the same id and order (re-emitted).",
            registry=registry,
        )
        self.stories_open = Gauge(
            "herald_dedup_stories_open",
            "Stories this worker holds that can still take events.",
            registry=registry,
        )
        self.story_sources = Histogram(
            "herald_dedup_story_sources",
            "Distinct sources that reported a story, observed when it closes.",
            buckets=SOURCE_BUCKETS,
            registry=registry,
        )
        self.story_copies = Counter(
            "herald_dedup_story_copies_total",
            "Dropped copies counted on their original's story, by outcome.",
            ["outcome"],
            registry=registry,
        )
        for outcome in ("counted", "again", "unknown_story"):
            self.story_copies.labels(outcome)
        self.nudges = Counter(
            "herald_dedup_nudges_total",
            "Protocol messages re-sent for gathers that waited too long (lost in transit).",
            registry=registry,
        )
        self.protocol_messages = Counter(
            "herald_dedup_protocol_messages_total",
            "Protocol messages (probes, replies, verifications, notices) by path: answered in process "
            "because this worker owns their partition (local), or sent through Kafka to the owner.",
            ["path"],
            registry=registry,
        )
        for path in ("local", "kafka"):
            self.protocol_messages.labels(path)
        self.protocol_backlog = Gauge(
            "herald_dedup_protocol_backlog_records",
            "Records waiting on this dedup worker's protocol partitions (it does not re-ask above 100).",
            registry=registry,
        )
        self.state_bytes = Gauge(
            "herald_dedup_state_bytes",
            "Bytes of table state this worker holds (keys and values).",
            ["table"],
            registry=registry,
        )
        self.remembered = Gauge(
            "herald_dedup_remembered_articles",
            "Articles whose verdict and signature this worker remembers.",
            registry=registry,
        )


def build(settings: CoreSettings, registry: CollectorRegistry) -> faust.App:
    if not isinstance(settings, DedupSettings):
        settings = DedupSettings(**settings.model_dump())
    config = settings.dedup_config()
    app = make_app(settings, "dedup", registry, DEFAULT_PORT)
    # Claims, verdicts and gathers are keyed by what routed them to their partition, and the local
    # shortcut writes them from other partitions' events: each key's changelog partition is its own.
    claims_table = table(
        app, topics.DEDUP_CLAIMS, settings, raw_values=True, owner=config.bucket_key_partition
    )
    verdicts_table = table(
        app, topics.DEDUP_VERDICTS, settings, raw_values=True, owner=config.bucket_key_partition
    )
    pending_table = table(app, topics.DEDUP_PENDING, settings, owner=config.pending_key_partition)
    stories_table = table(app, topics.DEDUP_STORIES, settings)
    metrics = DedupMetrics(registry)

    staged = (Staged(claims_table), Staged(verdicts_table), Staged(pending_table))
    claims = ClaimIndex(staged[0], config)
    gatherer = Gatherer(staged[1], staged[2], config)
    tracker = StoryTracker(
        stories_table,
        settings.story_config(),
        on_close=lambda s: metrics.story_sources.observe(s["source_count"]),
    )
    short_names = {spec.name: name for name, spec in _INTERNAL.items()}

    def owned() -> set[tuple[str, int]]:
        """The protocol partitions this worker owns now (their table partitions are its own)."""
        actives = app.assignor.assigned_actives()
        return {(short_names[tp.topic], tp.partition) for tp in actives if tp.topic in short_names}

    def settle(outputs: list[Any]) -> list[Emit]:
        """Answer in process what this worker would read back from its own partitions; send the rest.

        The protocol is correct under any interleaving of its messages (see ``index``), so handling a
        message now instead of after the records already queued on its partition changes no
        decision; it saves a produce, a fetch, a decode and an offset commit per message, which made
        up most of the worker's CPU. With one worker every message stays in process.
        """
        mine = owned()
        bus = LocalBus(claims, gatherer, local=lambda send: (send.topic, send.partition) in mine)
        results = bus.settle(outputs)
        metrics.protocol_messages.labels("local").inc(bus.handled)
        metrics.protocol_messages.labels("kafka").inc(bus.sent)
        return [e for e in map(emit, results) if e is not None]

    def emit(out: Any) -> Emit | None:
        if isinstance(out, Send):
            return Emit(_INTERNAL[out.topic], out.key, out.value, partition=out.partition)
        if isinstance(out, Unique):
            return Emit(topics.UNIQUE, out.article.id, out.article)
        if isinstance(out, StorySource):
            return Emit(topics.DEDUP_STORY_SOURCES, out.event_type, out)
        if isinstance(out, Dropped):
            if out.redelivery:
                metrics.redeliveries.inc()
            else:
                metrics.duplicates.labels(out.kind).inc()
            log.debug(
                "dropped a copy",
                extra={"article_id": out.article_id, "duplicate_of": out.duplicate_of, "kind": out.kind},
            )
        return None

    def atomic(handler: Any) -> Any:
        """State changes of a call reach the tables (and their changelogs) only if it succeeds."""

        def run(records: list[Any]) -> list[Emit]:
            try:
                out = handler(records)
            except BaseException:
                for store in staged:
                    store.discard()
                raise
            for store in staged:
                store.flush()
            return out

        return run

    # The article travels on to its gather partition wrapped with its signature: refuse it here if
    # that would be too large there, or copies of it would wait for a verdict that never comes.
    room = settings.max_record_bytes - 4096

    def handle_articles(articles: list[Article]) -> list[Emit]:
        for a in articles:
            if len(a.to_json()) > room:
                raise Reject("too_large", f"article {a.id} leaves no room for its fingerprint")
        return settle([o for a in articles for o in front(a, config)])

    def handle_probes(probes: list[Probe]) -> list[Emit]:
        return settle([o for p in probes for o in claims.handle(p)])

    def handle_gather(messages: list[Gather]) -> list[Emit]:
        return settle([o for m in messages for o in gatherer.handle(m)])

    def handle_events(events: list[Event]) -> list[Emit]:
        out: list[Emit] = []
        members: list[Any] = []
        for event in events:
            assigned = tracker.assign(event)
            # Keyed by type family: novelty's state for one event typed two ways lives in one partition.
            out.append(Emit(topics.EVENTS, family_of(assigned.type), assigned))
            if tracker.keeps_apart(assigned):
                continue  # the canary has no verdict to join and no copies to count
            members.append(joined_story(config, assigned.article_id, assigned.type, assigned.story_id))
        return out + settle(members)

    def handle_sources(notices: list[StorySource]) -> list[Emit]:
        for notice in notices:
            metrics.story_copies.labels(tracker.add_copy(notice)).inc()
        return []

    def stage(name: str, source: topics.TopicSpec, model: Any, handler: Any, **kw: Any) -> None:
        Stage(app, name, source, model, handler, settings, StageMetrics.of(registry, name), **kw)

    stage("dedup", topics.ARTICLES, Article, atomic(handle_articles), batched=True)
    stage("dedup_claims", topics.DEDUP_PROBES, Probe, atomic(handle_probes))
    stage("dedup_gather", topics.DEDUP_GATHER, Gather, atomic(handle_gather))
    stage("stories", topics.CLASSIFIED, Event, atomic(handle_events))
    stage("story_sources", topics.DEDUP_STORY_SOURCES, StorySource, handle_sources)

    internal = {name: raw_topic(app, spec) for name, spec in _INTERNAL.items()}

    @app.timer(interval=NUDGE_EVERY_S, name="herald.dedup.nudge")
    async def nudge() -> None:
        # Heal gathers whose probe, reply or verification was lost in transit (see Gatherer.nudge).
        try:
            # While this worker's protocol inputs are backlogged, a late reply is queued, not lost:
            # asking again would only lengthen the queue (and, at saturation, feed on itself).
            waiting = await backlog(app, _PROTOCOL_TOPICS)
            metrics.protocol_backlog.set(waiting)
            if waiting > NUDGE_MAX_BACKLOG:
                return
            sends = gatherer.nudge(older_than=NUDGE_AFTER_S)
            for send in sends:
                await internal[send.topic].send(
                    key=send.key.encode(), value=send.value.to_json(), partition=send.partition
                )
            if sends:
                metrics.nudges.inc(len(sends))
                log.warning("re-sent protocol messages for stalled gathers", extra={"messages": len(sends)})
        except Exception:
            log.exception("nudging stalled gathers failed; will retry")

    @app.timer(interval=30.0, name="herald.dedup.state")
    async def report_state() -> None:
        # Best effort and cheap: sizes of what this worker holds, never a full decode of the tables.
        try:
            metrics.state_bytes.labels("claims").set(sum(len(k) + len(v) for k, v in claims_table.items()))
            verdict_bytes, remembered = 0, 0
            for key, blob in verdicts_table.items():
                verdict_bytes += len(key) + len(blob)
                remembered += verdict_bucket.count(blob)
            metrics.state_bytes.labels("verdicts").set(verdict_bytes)
            metrics.remembered.set(remembered)
            metrics.state_bytes.labels("pending").set(_json_bytes(pending_table))
            metrics.state_bytes.labels("stories").set(_json_bytes(stories_table))
            metrics.stories_open.set(
                sum(len(v) for k, v in stories_table.items() if isinstance(k, str) and k.startswith("open:"))
            )
        except Exception:  # a metric must never disturb the stage
            log.debug("state metrics failed", exc_info=True)

    return app


def _json_bytes(tbl: Any) -> int:
    return sum(len(str(k)) + len(json.dumps(v, separators=(",", ":"))) for k, v in tbl.items())
