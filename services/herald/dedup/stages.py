"""The plain functions the dedup worker's five Faust stages call, and the state they share.

Each takes a batch of decoded records and returns the records to emit; the protocol steps they call
(``claims``, ``gathering``, ``stories``) never see Faust or Kafka. What binds them to one
worker is which partitions it owns: a protocol message for one of those is answered in process
(the local shortcut), the rest leave as Kafka records.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, MutableMapping
from dataclasses import dataclass
from typing import Any, TypeVar

import faust

from herald.core import topics
from herald.core.families import family_of
from herald.core.records import Article, Event
from herald.core.streams import Emit, Reject
from herald.core.write_buffers import Buffered, HeldBuffers, WriteBuffer, keep_on_success

from .claim_log import ClaimLog
from .claims import ClaimIndex
from .gathering import Gatherer
from .local_bus import LocalBus
from .messages import Gather, Probe, StorySource
from .metrics import DedupMetrics
from .routing import DedupConfig, Dropped, Send, Unique
from .scatter import membership_notice, route_article
from .stories import StoryTracker

INTERNAL_TOPICS = {"probes": topics.DEDUP_PROBES, "gather": topics.DEDUP_GATHER}
log = logging.getLogger("herald.dedup")

R = TypeVar("R")


@dataclass(frozen=True)
class DedupTables:
    """The worker's four tables (Faust tables in the worker; any mutable mapping in a test)."""

    claims: MutableMapping[str, bytes]  # the claims log (``ClaimLog``), not the buckets
    verdicts: MutableMapping[str, bytes]
    pending: MutableMapping[str, Any]
    stories: MutableMapping[str, Any]


class DedupStages:
    """The stage functions over one worker's state.

    Claims, verdicts, gathers (and stories, in the worker) are written through ``WriteBuffer``s: a
    batch's changes reach the tables (and their changelogs) once, after its outputs are on the broker,
    and only if it succeeds (``commit_state_on_success``, ``HeldBuffers``), so a gather decided within
    the batch never reaches the pending changelog at all, and a story its batch's events rewrote is
    written once.
    """

    def __init__(
        self,
        app: faust.App,
        tables: DedupTables,
        tracker: StoryTracker,
        config: DedupConfig,
        metrics: DedupMetrics,
        max_record_bytes: int,
        held_stores: tuple[Buffered, ...] = (),
    ) -> None:
        self.app, self.config, self.metrics, self.tracker = app, config, metrics, tracker
        # The claims buckets live in memory; their changelog is the log of claims (``ClaimLog``), from
        # which ``replay_claims`` rebuilds them on recovery.
        self.claim_buckets: dict[str, bytes] = {}
        self.claim_log = ClaimLog(tables.claims, config)
        buckets, verdicts, pending = (
            WriteBuffer(t) for t in (self.claim_buckets, tables.verdicts, tables.pending)
        )
        # ``held_stores``: the tracker's, when it writes a Faust table through a buffer of its own.
        self.buffers: tuple[Buffered, ...] = (buckets, self.claim_log, verdicts, pending, *held_stores)
        self.held = HeldBuffers(self.buffers)
        self.claims = ClaimIndex(buckets, config, journal=self.claim_log.add)
        self.gatherer = Gatherer(verdicts, pending, config)
        # The article travels on to its gather partition wrapped with its signature: refuse it here if
        # that would be too large there, or copies of it would wait for a verdict that never comes.
        self.article_room = max_record_bytes - 4096
        self._short_names = {spec.name: name for name, spec in INTERNAL_TOPICS.items()}

    # -- the stage functions --------------------------------------------------------------------

    def handle_articles(self, articles: list[Article]) -> list[Emit]:
        for a in articles:
            if len(a.to_json()) > self.article_room:
                raise Reject("too_large", f"article {a.id} leaves no room for its fingerprint")
        return self.answer_or_send([o for a in articles for o in route_article(a, self.config)])

    def handle_probes(self, probes: list[Probe]) -> list[Emit]:
        return self.answer_or_send([o for p in probes for o in self.claims.handle(p)])

    def handle_gather(self, messages: list[Gather]) -> list[Emit]:
        return self.answer_or_send([o for m in messages for o in self.gatherer.handle(m)])

    def handle_events(self, events: list[Event]) -> list[Emit]:
        out: list[Emit] = []
        members: list[Any] = []
        for event in events:
            assigned = self.tracker.assign(event)
            # Keyed by type family: novelty's state for one event typed two ways lives in one partition.
            out.append(Emit(topics.EVENTS, family_of(assigned.type), assigned))
            if self.tracker.keeps_apart(assigned):
                continue  # the canary has no verdict to join and no copies to count
            members.append(
                membership_notice(self.config, assigned.article_id, assigned.type, assigned.story_id)
            )
        return out + self.answer_or_send(members)

    def handle_sources(self, notices: list[StorySource]) -> list[Emit]:
        for notice in notices:
            self.metrics.story_copies.labels(self.tracker.add_copy(notice)).inc()
        return []

    def replay_claims(self, changes: Iterable[tuple[str, bytes | None]]) -> int:
        """Recovery: the claims log's changelog records (key, value) into the in-memory buckets."""
        return self.claim_log.replay(ClaimIndex(self.claim_buckets, self.config), changes)

    # -- plumbing shared by the stage functions -------------------------------------------------

    def commit_state_on_success(
        self, handler: Callable[[list[R]], list[Emit]]
    ) -> Callable[[list[R]], list[Emit]]:
        """State changes of a call join its batch's only if it succeeds; the batch's reach the tables
        (and their changelogs) once its outputs are on the broker (``self.held``)."""

        return keep_on_success(handler, self.buffers)

    def owned_partitions(self) -> set[tuple[str, int]]:
        """The protocol partitions this worker owns now (their table partitions are its own)."""
        actives = self.app.assignor.assigned_actives()
        short = self._short_names
        return {(short[tp.topic], tp.partition) for tp in actives if tp.topic in short}

    def answer_or_send(self, outputs: list[Any]) -> list[Emit]:
        """Answer in process what this worker would read back from its own partitions; send the rest.

        The protocol is correct under any interleaving of its messages (docs/dedup.md), so handling a
        message now instead of after the records already queued on its partition changes no
        decision; it saves a produce, a fetch, a decode and an offset commit per message, which made
        up most of the worker's CPU. With one worker every message stays in process.
        """
        mine = self.owned_partitions()
        bus = LocalBus(self.claims, self.gatherer, local=lambda send: (send.topic, send.partition) in mine)
        results = bus.answer_locally(outputs)
        self.metrics.protocol_messages.labels("local").inc(bus.handled)
        self.metrics.protocol_messages.labels("kafka").inc(bus.sent)
        return [e for e in map(self.to_emit, results) if e is not None]

    def to_emit(self, out: Any) -> Emit | None:
        """A protocol output as the Kafka record it becomes; a dropped copy is only counted and logged."""
        if isinstance(out, Send):
            return Emit(INTERNAL_TOPICS[out.topic], out.key, out.value, partition=out.partition)
        if isinstance(out, Unique):
            return Emit(topics.UNIQUE, out.article.id, out.article)
        if isinstance(out, StorySource):
            return Emit(topics.DEDUP_STORY_SOURCES, out.event_type, out)
        if isinstance(out, Dropped):
            if out.redelivery:
                self.metrics.redeliveries.inc()
            else:
                self.metrics.duplicates.labels(out.kind).inc()
            log.debug(
                "dropped a copy",
                extra={"article_id": out.article_id, "duplicate_of": out.duplicate_of, "kind": out.kind},
            )
        return None
