"""Several KRaft nodes on this machine, from the same jars: a real replicated Kafka cluster.

Every node is a :class:`~herald_dev.local.kafka.LocalKafka` in combined mode (controller and broker
in one JVM) with a :class:`~herald_dev.local.kafka.Quorum`: the cluster id they share and the static
voter list, so three nodes make a controller quorum of three and a broker set of three. Node ``i``
listens on the ``i``-th address of ``kafka_bootstrap`` and its controller on the port after it.

The cluster is what the fault suite breaks: a node can be SIGKILLed, stopped cleanly, wiped and
restarted on its old ports, and the cluster says which node leads a partition or the quorum.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import time
from dataclasses import dataclass

from herald.core.kafka import admin, ensure_topics, wait_ready
from herald_dev.local.kafka import LocalKafka, LocalKafkaSettings, Quorum, new_cluster_id


def cluster_bootstrap(first_port: int, brokers: int, host: str = "127.0.0.1") -> str:
    """The bootstrap string of a cluster on consecutive port pairs (broker port, controller port)."""
    return ",".join(f"{host}:{first_port + 2 * i}" for i in range(brokers))


@dataclass
class ClusterStatus:
    running: list[int]
    answering: bool
    bootstrap: str


class LocalKafkaCluster:
    """``brokers`` KRaft nodes sharing one cluster id; start, stop and status like one broker."""

    def __init__(self, settings: LocalKafkaSettings, brokers: int = 3, min_insync_replicas: int = 2) -> None:
        if len(settings.bootstrap_servers) == 1 and brokers > 1:
            host, _, port = settings.bootstrap_servers[0].rpartition(":")
            settings = settings.model_copy(
                update={"kafka_bootstrap": cluster_bootstrap(int(port), brokers, host)}
            )
        if len(settings.bootstrap_servers) != brokers:
            raise ValueError(
                f"{brokers} brokers need {brokers} bootstrap addresses: {settings.kafka_bootstrap}"
            )
        self.settings = settings
        root = settings.state_dir.resolve() / "kafka"
        root.mkdir(parents=True, exist_ok=True)
        id_file = root / "cluster.id"  # one id for the cluster's life: a wiped node rejoins with it
        if not id_file.exists():
            id_file.write_text(new_cluster_id())
        cluster_id = id_file.read_text().strip()
        addresses = settings.bootstrap_servers
        voters = ",".join(
            f"{i + 1}@{addr.rpartition(':')[0]}:{int(addr.rpartition(':')[2]) + 1}"
            for i, addr in enumerate(addresses)
        )
        self.nodes = [
            LocalKafka(
                settings.model_copy(update={"kafka_bootstrap": addr, "kafka_controller_port": 0}),
                Quorum(i + 1, voters, cluster_id, brokers, min_insync_replicas),
            )
            for i, addr in enumerate(addresses)
        ]
        self.version = self.nodes[0].version

    def node(self, node_id: int) -> LocalKafka:
        return self.nodes[node_id - 1]

    def install(self) -> None:
        self.nodes[0].install()

    def start(self, timeout_s: float = 120.0) -> tuple[bool, float]:
        """Launch every node that is not running, wait until the cluster answers, create the topics."""
        started = time.monotonic()
        down = [n for n in self.nodes if not n.pid()]
        if not down:
            return False, 0.0
        self.install()
        for node in down:
            node.launch()
        wait_ready(self.settings, timeout_s=timeout_s)
        self.wait_brokers(len(self.nodes), timeout_s=timeout_s)
        ensure_topics(self.settings)
        return True, time.monotonic() - started

    def stop(self, timeout_s: float = 30.0) -> bool:
        """Stop every node; the brokers first, together, so none waits for a quorum that left."""
        running = [n for n in self.nodes if n.pid()]
        if not running:
            return False
        for node in running:
            pid = node.pid()
            if pid:
                os.kill(pid, signal.SIGTERM)
        for node in running:
            node.stop(timeout_s=timeout_s)
        return True

    def status(self) -> ClusterStatus:
        running = [i + 1 for i, n in enumerate(self.nodes) if n.pid()]
        answering = False
        if running:
            try:
                wait_ready(self.settings, timeout_s=3.0)
                answering = True
            except TimeoutError:
                pass
        return ClusterStatus(running, answering, self.settings.kafka_bootstrap)

    # -- what the fault suite needs --------------------------------------------------------------------
    def wipe_node(self, node_id: int) -> None:
        """Delete one stopped node's log directory: its replicas and its copy of the metadata log."""
        node = self.node(node_id)
        if node.pid():
            raise RuntimeError(f"refusing to wipe running node {node_id}")
        shutil.rmtree(node.data, ignore_errors=True)

    def brokers_up(self) -> set[int]:
        client = admin(self.settings, timeout_s=5.0)
        try:
            return {
                int(b["broker_id"]) for b in client.describe_cluster()["brokers"] if not b.get("is_fenced")
            }
        finally:
            client.close()

    def wait_brokers(self, count: int, timeout_s: float = 120.0) -> None:
        deadline = time.monotonic() + timeout_s
        while True:
            try:
                if len(self.brokers_up()) >= count:
                    return
            except Exception:
                if time.monotonic() > deadline:
                    raise
            if time.monotonic() > deadline:
                raise TimeoutError(f"fewer than {count} brokers registered after {timeout_s:.0f}s")
            time.sleep(0.5)

    def partition_leaders(self, topic: str) -> dict[int, int]:
        """partition -> leader node id."""
        client = admin(self.settings, timeout_s=5.0)
        try:
            (desc,) = client.describe_topics([topic])
            return {int(p["partition_index"]): int(p["leader_id"]) for p in desc["partitions"]}
        finally:
            client.close()

    def in_sync(self, topic: str) -> dict[int, set[int]]:
        """partition -> the node ids in its ISR."""
        client = admin(self.settings, timeout_s=5.0)
        try:
            (desc,) = client.describe_topics([topic])
            return {int(p["partition_index"]): {int(r) for r in p["isr_nodes"]} for p in desc["partitions"]}
        finally:
            client.close()

    def active_controller(self) -> int:
        """The node leading the controller quorum, from the quorum state the nodes write to disk.

        A KRaft broker's metadata answer names a random broker as "controller" (clients cannot reach
        controllers), so the leader is read where Raft records it: each node's ``quorum-state``; the
        highest epoch is the current one.
        """
        best: tuple[int, int] | None = None
        for node in self.nodes:
            path = node.data / "__cluster_metadata-0" / "quorum-state"
            try:
                state = json.loads(path.read_text())
            except (OSError, ValueError):
                continue
            leader, epoch = int(state.get("leaderId", -1)), int(state.get("leaderEpoch", -1))
            if leader > 0 and (best is None or epoch > best[1]):
                best = (leader, epoch)
        if best is None:
            raise RuntimeError("no node has recorded a quorum leader")
        return best[0]

    def fully_replicated(self, topics: list[str]) -> bool:
        """Every partition of the topics has every node in its ISR."""
        everyone = {i + 1 for i in range(len(self.nodes))}
        return all(isr == everyone for t in topics for isr in self.in_sync(t).values())
