"""The dedup worker: thin Faust agents around the plain stage functions of ``stages``.

Five stages in one app (so one process can run them all and any number of processes can share them):

=============  ==========================  ==========================================  ==================
stage          reads                       does                                        state
=============  ==========================  ==========================================  ==================
dedup          news.articles               fingerprint; probes + article to gather     (the shortcut)
dedup_claims   herald.dedup.probes         earliest (and latest) claimants per key      claims (log)
dedup_gather   herald.dedup.gather         verify, decide; news.unique; copy notices    verdicts, pending
stories        news.classified             story per event; news.events; membership     stories
story_sources  herald.dedup.story-sources  count dropped copies on their story          stories
=============  ==========================  ==========================================  ==================

Every topic here has the same partition count, so Faust assigns partition *p* of all of them (and
of the changelogs) to the same worker, and each table key is written to one changelog partition only:
claims log records, verdict buckets and gathers to the partition their key maps to, stories to their event
type's partition (news.classified and story-sources are both keyed by type). docs/dedup.md describes
the protocol and the local shortcut (``DedupStages.answer_or_send``).
"""

from __future__ import annotations

import logging
from typing import Any

import faust
from prometheus_client import CollectorRegistry

from herald.core import topics
from herald.core.metrics import StageMetrics
from herald.core.records import Article, Event
from herald.core.settings import CoreSettings
from herald.core.streams import Stage, backlog, held_table, make_app, raw_topic, table

from .messages import Gather, Probe, StorySource
from .metrics import DedupMetrics
from .routing import DedupConfig
from .settings import DedupSettings
from .stages import INTERNAL_TOPICS, DedupStages, DedupTables
from .stories import StoryTracker

DEFAULT_PORT = 9102
RESEND_EVERY_S = 15.0
RESEND_AFTER_S = 30.0  # a gather is normally decided within a second
RESEND_MAX_BACKLOG = 100  # protocol records waiting on this worker above which it never re-asks
STATE_EVERY_S = 30.0
log = logging.getLogger("herald.dedup")

_PROTOCOL_TOPICS = {topics.ARTICLES.name, topics.DEDUP_PROBES.name, topics.DEDUP_GATHER.name}


def build(settings: CoreSettings, registry: CollectorRegistry) -> faust.App:
    """The dedup app: its tables, the five stages over one ``DedupStages``, and two timers."""
    if not isinstance(settings, DedupSettings):
        settings = DedupSettings(**settings.model_dump())
    config = settings.dedup_config()
    app = make_app(settings, "dedup", registry, DEFAULT_PORT)
    tables = declare_tables(app, settings, config)
    metrics = DedupMetrics(registry)
    stories = held_table(tables.stories)  # written once a batch, after its outputs (``HeldBuffers``)
    tracker = StoryTracker(
        stories,
        settings.story_config(),
        on_close=lambda s: metrics.story_sources.observe(s["source_count"]),
    )
    stages = DedupStages(
        app, tables, tracker, config, metrics, settings.max_record_bytes, held_stores=(stories,)
    )
    replay_on_recovery(tables.claims, stages)
    register_stages(app, stages, settings, registry)
    schedule_timers(app, stages, tables, metrics)
    return app


def declare_tables(app: faust.App, settings: DedupSettings, config: DedupConfig) -> DedupTables:
    """The worker's tables, each with its changelog topic from the registry."""
    # Claims, verdicts and gathers are keyed by what routed them to their partition, and the local
    # shortcut writes them from other partitions' events: each key's changelog partition is its own.
    return DedupTables(
        claims=table(
            app, topics.DEDUP_CLAIMS, settings, raw_values=True, owner=config.claim_log_key_partition
        ),
        verdicts=table(
            app, topics.DEDUP_VERDICTS, settings, raw_values=True, owner=config.bucket_key_partition
        ),
        pending=table(app, topics.DEDUP_PENDING, settings, owner=config.pending_key_partition),
        stories=table(app, topics.DEDUP_STORIES, settings),
    )


def replay_on_recovery(claims: Any, stages: DedupStages) -> None:
    """Every changelog batch Faust applies to the claims log (recovery, standby copies) is replayed
    into the in-memory claims buckets as well (``ClaimLog``)."""
    apply = claims.apply_changelog_batch

    def apply_and_replay(batch: Any) -> None:
        events = list(batch)
        apply(events)
        stages.replay_claims((e.key, None if e.message.value is None else e.value) for e in events)

    claims.apply_changelog_batch = apply_and_replay


def register_stages(
    app: faust.App, stages: DedupStages, settings: DedupSettings, registry: CollectorRegistry
) -> None:
    """One Faust agent per stage, each a thin wrapper of its stage function."""

    def stage(name: str, source: topics.TopicSpec, model: Any, handler: Any, **kw: Any) -> None:
        Stage(app, name, source, model, handler, settings, StageMetrics.of(registry, name), **kw)

    # The stages change buffered tables and write them only after their outputs are on the broker,
    # taking turns so one stage's write never carries another's still in flight.
    on_success, held = stages.commit_state_on_success, stages.held
    stage("dedup", topics.ARTICLES, Article, on_success(stages.handle_articles), batched=True, held=held)
    stage("dedup_claims", topics.DEDUP_PROBES, Probe, on_success(stages.handle_probes), held=held)
    stage("dedup_gather", topics.DEDUP_GATHER, Gather, on_success(stages.handle_gather), held=held)
    stage("stories", topics.CLASSIFIED, Event, on_success(stages.handle_events), held=held)
    stage(
        "story_sources",
        topics.DEDUP_STORY_SOURCES,
        StorySource,
        on_success(stages.handle_sources),
        held=held,
    )


def schedule_timers(app: faust.App, stages: DedupStages, tables: DedupTables, metrics: DedupMetrics) -> None:
    """Re-asking for stalled gathers, and the state-size metrics."""
    internal = {name: raw_topic(app, spec) for name, spec in INTERNAL_TOPICS.items()}

    async def resend_stalled_gathers() -> None:
        await resend_stalled(app, stages, internal, metrics)

    async def report_state() -> None:
        try:
            metrics.observe_state(stages.claim_buckets, tables.verdicts, tables.pending, tables.stories)
        except Exception:  # a metric must never disturb the stage
            log.debug("state metrics failed", exc_info=True)

    app.timer(interval=RESEND_EVERY_S, name="herald.dedup.nudge")(resend_stalled_gathers)
    app.timer(interval=STATE_EVERY_S, name="herald.dedup.state")(report_state)


async def resend_stalled(
    app: faust.App, stages: DedupStages, internal: dict[str, Any], metrics: DedupMetrics
) -> None:
    """Heal gathers whose probe, reply or verification was lost in transit (``Gatherer.resend_stalled``)."""
    try:
        # While this worker's protocol inputs are backlogged, a late reply is queued, not lost:
        # asking again would only lengthen the queue (and, at saturation, feed on itself).
        waiting = await backlog(app, _PROTOCOL_TOPICS)
        metrics.protocol_backlog.set(waiting)
        if waiting > RESEND_MAX_BACKLOG:
            return
        # Only this worker's own gathers: the others' (standby copies) are their owners' to heal.
        gathers = {p for topic, p in stages.owned_partitions() if topic == "gather"}
        sends = stages.gatherer.resend_stalled(older_than=RESEND_AFTER_S, owns=gathers.__contains__)
        for send in sends:
            await internal[send.topic].send(
                key=send.key.encode(), value=send.value.to_json(), partition=send.partition
            )
        if sends:
            metrics.resent.inc(len(sends))
            log.warning("re-sent protocol messages for stalled gathers", extra={"messages": len(sends)})
    except Exception:
        log.exception("re-sending for stalled gathers failed; will retry")
