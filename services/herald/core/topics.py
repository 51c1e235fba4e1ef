"""Every Kafka topic Herald uses, in one registry.

The registry is the single place that names topics, says what their key is and which schema their
values follow, and how long Kafka keeps them. ``herald kafka start`` and ``herald up`` create them
idempotently from here; the services and tests refer to them only through these constants.

Keys are chosen for co-partitioning: a stage's Faust tables are partitioned like its input topic, so
the input key must be the key of the state the stage looks up.
"""

from __future__ import annotations

from dataclasses import dataclass, field

DAY_MS = 24 * 60 * 60 * 1000


@dataclass(frozen=True)
class TopicSpec:
    name: str
    schema: str | None  # file name in schemas/, None for internal state topics
    key: str  # what the record key is, for people and for the co-partitioning argument
    retention_ms: int = 7 * DAY_MS
    compacted: bool = False
    partitions: int | None = None  # None: the settings' `partitions`
    max_message_bytes: int = 8 * 1024 * 1024  # room for oversized poison, which stages then dead-letter
    extra_config: dict[str, str] = field(default_factory=dict)

    def config(self) -> dict[str, str]:
        cfg = {
            "cleanup.policy": "compact" if self.compacted else "delete",
            "max.message.bytes": str(self.max_message_bytes),
        }
        if not self.compacted:
            cfg["retention.ms"] = str(self.retention_ms)
        cfg.update(self.extra_config)
        return cfg


ARTICLES = TopicSpec("news.articles", "article.json", key="article id")
UNIQUE = TopicSpec("news.unique", "article.json", key="article id")
ENRICHED = TopicSpec("news.enriched", "enriched_article.json", key="article id")
CLASSIFIED = TopicSpec("news.classified", "event.json", key="event type (story state is per type)")
EVENTS = TopicSpec("news.events", "event.json", key="event type family (novelty state is per family)")
ALERTS = TopicSpec("news.alerts", "alert.json", key="alert id (delivery ledger is per alert)")
DELIVERIES = TopicSpec(
    "news.deliveries", "delivery.json", key="alert id (one outcome per alert and sink; the store upserts)"
)
DEADLETTER = TopicSpec("news.deadletter", "dead_letter.json", key="stage", retention_ms=30 * DAY_MS)
# The dedup stage's own routing topics. Their producers pick the partition explicitly (the bucket of a
# fingerprint key or of an article id, modulo the partition count: see herald.dedup.routing), so copies
# that arrive on different partitions of news.articles meet on one.
DEDUP_PROBES = TopicSpec("herald.dedup.probes", None, key="claim bucket (partition = bucket mod partitions)")
DEDUP_GATHER = TopicSpec(
    "herald.dedup.gather", None, key="article id (partition = verdict bucket mod partitions)"
)
DEDUP_STORY_SOURCES = TopicSpec(
    "herald.dedup.story-sources", None, key="event type (co-partitioned with news.classified)"
)
POLLER_STATE = TopicSpec(
    "herald.poller.state",
    None,
    key="'seen:' or 'health:' + feed url (what was sent, how the feed is doing)",
    compacted=True,
    partitions=1,
    extra_config={"min.cleanable.dirty.ratio": "0.1", "segment.ms": str(DAY_MS)},
)


def changelog(stage: str, table: str) -> TopicSpec:
    """The changelog topic Faust uses for a stage's table (``<app id>-<table>-changelog``).

    Created up front with the registry, because a Faust worker that creates it itself starts with
    stale metadata that reports the new topic with zero partitions.
    """
    return TopicSpec(f"herald-{stage}-{table}-changelog", None, key="table key", compacted=True)


DEDUP_CLAIMS = changelog("dedup", "claims")
DEDUP_VERDICTS = changelog("dedup", "verdicts")
DEDUP_PENDING = changelog("dedup", "pending")
DEDUP_STORIES = changelog("dedup", "stories")
NOVELTY_STATE = changelog("novelty", "state")
DELIVERY_LEDGER = changelog("delivery", "ledger")

ALL: tuple[TopicSpec, ...] = (
    ARTICLES,
    UNIQUE,
    ENRICHED,
    CLASSIFIED,
    EVENTS,
    ALERTS,
    DELIVERIES,
    DEADLETTER,
    POLLER_STATE,
    DEDUP_PROBES,
    DEDUP_GATHER,
    DEDUP_STORY_SOURCES,
    DEDUP_CLAIMS,
    DEDUP_VERDICTS,
    DEDUP_PENDING,
    DEDUP_STORIES,
    NOVELTY_STATE,
    DELIVERY_LEDGER,
)
