"""Shared fixtures: a real Kafka broker for the session, a clean slate of topics per test module.

The broker is the project's own (`herald_dev.local.kafka`, jars from Maven), on free ports, with its
state under pytest's temporary directory. Nothing here is a mock.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator

import pytest

from herald_dev.local.ports import free_port_pair
from tests.support.environment import ROOT


@pytest.fixture(scope="session")
def kafka_broker(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    from herald_dev.local.kafka import LocalKafka, LocalKafkaSettings

    port = free_port_pair()
    state = tmp_path_factory.mktemp("kafka-state")
    settings = LocalKafkaSettings(
        kafka_bootstrap=f"127.0.0.1:{port}",
        state_dir=state,
        kafka_dist_dir=ROOT / ".herald" / "kafka-dist",
        kafka_heap_mb=768,
    )
    broker = LocalKafka(settings)
    _, seconds = broker.start(timeout_s=120)
    sys.stderr.write(
        f"\n[kafka] broker {broker.version} on {settings.kafka_bootstrap} ready in {seconds:.1f}s\n"
    )
    try:
        yield broker
    finally:
        broker.stop()


@pytest.fixture(scope="session")
def kafka_cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    """Three KRaft nodes (controller quorum of three, three brokers) on free ports, for the session.

    Only the cluster tests ask for it; the rest of the suite runs on the single broker.
    """
    from herald_dev.local.cluster import LocalKafkaCluster
    from herald_dev.local.kafka import LocalKafkaSettings

    ports: list[int] = []
    while len(ports) < 3:  # three disjoint (broker, controller) port pairs
        port = free_port_pair()
        if not {port, port + 1} & {q for p in ports for q in (p, p + 1)}:
            ports.append(port)
    settings = LocalKafkaSettings(
        kafka_bootstrap=",".join(f"127.0.0.1:{p}" for p in ports),
        state_dir=tmp_path_factory.mktemp("kafka-cluster-state"),
        kafka_dist_dir=ROOT / ".herald" / "kafka-dist",
        kafka_heap_mb=384,
        replication_factor=3,
        min_insync_replicas=2,
    )
    cluster = LocalKafkaCluster(settings, brokers=3, min_insync_replicas=2)
    _, seconds = cluster.start(timeout_s=180)
    sys.stderr.write(
        f"\n[kafka] 3-node cluster {cluster.version} on {settings.kafka_bootstrap} ready in {seconds:.1f}s\n"
    )
    try:
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture(scope="module")
def kafka(kafka_broker: object, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """Environment for Herald processes and settings: the session broker with freshly made topics."""
    from herald.core.kafka import reset
    from herald.core.settings import CoreSettings

    bootstrap = kafka_broker.settings.kafka_bootstrap  # type: ignore[attr-defined]
    state = tmp_path_factory.mktemp("herald-state")
    env = {"HERALD_KAFKA_BOOTSTRAP": bootstrap, "HERALD_STATE_DIR": str(state), "HERALD_PARTITIONS": "6"}
    reset(CoreSettings(kafka_bootstrap=bootstrap, state_dir=state))
    yield env


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A real PostgreSQL server for the session (Debian's binaries, a temporary cluster, a free port)."""
    from tests.support.postgres import bindir, postgres_server

    if bindir() is None:
        pytest.skip("no PostgreSQL binaries here: scripts/install-tools.sh installs Debian's package")
    with postgres_server() as url:
        yield url
