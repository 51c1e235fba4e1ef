"""kafka-python helpers: topic creation from the registry, a safe producer, readiness checks."""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable

from kafka import KafkaAdminClient, KafkaProducer
from kafka.admin import NewTopic
from kafka.errors import KafkaError, TopicAlreadyExistsError

from .settings import CoreSettings
from .topics import ALL, TopicSpec

log = logging.getLogger("herald.kafka")


def admin(settings: CoreSettings, timeout_s: float = 10.0) -> KafkaAdminClient:
    return KafkaAdminClient(
        bootstrap_servers=settings.bootstrap_servers,
        client_id="herald-admin",
        request_timeout_ms=int(timeout_s * 1000),
    )


def wait_ready(settings: CoreSettings, timeout_s: float = 60.0) -> float:
    """Block until the cluster answers a metadata request; returns the seconds it took."""
    started = time.monotonic()
    last: Exception | None = None
    quiet = _Quiet("kafka")  # refused connections are expected while the broker starts
    while time.monotonic() - started < timeout_s:
        try:
            with quiet:
                client = admin(settings, timeout_s=3.0)
                try:
                    client.describe_cluster()
                    return time.monotonic() - started
                finally:
                    client.close()
        except Exception as exc:
            last = exc
            time.sleep(0.25)
    raise TimeoutError(f"Kafka at {settings.kafka_bootstrap} not ready after {timeout_s:.0f}s: {last}")


class _Quiet:
    """Silence a library logger for a block."""

    def __init__(self, name: str) -> None:
        self.logger = logging.getLogger(name)
        self.level = self.logger.level

    def __enter__(self) -> None:
        self.level = self.logger.level
        self.logger.setLevel(logging.CRITICAL + 1)

    def __exit__(self, *exc: object) -> None:
        self.logger.setLevel(self.level)


def _group_id(group: object) -> str:
    if isinstance(group, dict):
        return str(group.get("group_id") or group.get("group") or "")
    if isinstance(group, tuple):
        return str(group[0])
    return str(getattr(group, "group_id", group))


def reset(settings: CoreSettings, specs: Iterable[TopicSpec] = ALL, timeout_s: float = 30.0) -> None:
    """Delete Herald's topics and consumer groups and create the topics anew (tests, the demo)."""
    client = admin(settings)
    try:
        names = [s.name for s in specs]
        groups = [_group_id(g) for g in client.list_groups()]
        groups = [g for g in groups if g.startswith("herald")]
        if groups:
            client.delete_groups(groups)
        existing = [n for n in names if n in set(client.list_topics())]
        if existing:
            client.delete_topics(existing, timeout_ms=int(timeout_s * 1000))
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline and set(existing) & set(client.list_topics()):
            time.sleep(0.2)
    finally:
        client.close()
    deadline = time.monotonic() + timeout_s
    while True:
        try:
            ensure_topics(settings, specs)
            return
        except KafkaError:
            # Deletion is asynchronous: creating too early fails with "marked for deletion".
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)


def ensure_topics(settings: CoreSettings, specs: Iterable[TopicSpec] = ALL) -> list[str]:
    """Create the topics that do not exist yet; returns the names created. Safe to call any time."""
    client = admin(settings)
    try:
        existing = set(client.list_topics())
        new = [
            NewTopic(
                name=s.name,
                num_partitions=s.partitions or settings.partitions,
                replication_factor=settings.replication_factor,
                topic_configs={**s.config(), **settings.replication_config()},
            )
            for s in specs
            if s.name not in existing
        ]
        if not new:
            return []
        try:
            client.create_topics(new, timeout_ms=30_000, wait_for_metadata=True)
        except TopicAlreadyExistsError:
            pass  # another process won the race; the result is the same
        created = [t.name for t in new]
        log.info("created topics", extra={"topics": created})
        return created
    finally:
        client.close()


def producer(settings: CoreSettings, client_id: str, **overrides: object) -> KafkaProducer:
    """An idempotent producer that waits for every in-sync replica: nothing acknowledged is lost."""
    return KafkaProducer(**producer_config(settings, client_id, **overrides))


def producer_config(settings: CoreSettings, client_id: str, **overrides: object) -> dict[str, object]:
    """``producer``'s kafka-python configuration: the settings' batching, then ``overrides``."""
    config: dict[str, object] = {
        "bootstrap_servers": settings.bootstrap_servers,
        "client_id": client_id,
        "acks": "all",
        "enable_idempotence": True,
        "retries": 2**31 - 1,
        "delivery_timeout_ms": 120_000,
        "linger_ms": round(settings.producer_linger_seconds * 1000),
        "batch_size": settings.producer_batch_bytes,
        "max_request_size": settings.max_request_bytes,
    }
    config.update(overrides)
    return config


__all__ = ["KafkaError", "admin", "ensure_topics", "producer", "producer_config", "wait_ready"]
