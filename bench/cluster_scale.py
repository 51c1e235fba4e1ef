"""Scale-out on the local three-broker cluster: articles/s with 1, 2, 3 workers per heavy stage.

    python -m bench.cluster_scale [--articles 1500] [--workers 1,2,3] [--partitions 6,12]

For each (partitions, workers): every topic recreated with that many partitions (replication 3,
min.insync.replicas 2), dedup and enrich as ``workers`` processes each and classify as one, a backlog
of short bench articles put on ``news.articles``, and the rate measured from the first article sent
to the moment every one of them is on ``news.enriched`` (the heavy half of the pipeline). Prints one
line per run and the machine's load average: on a shared machine the numbers are what they were then.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
import uuid
from pathlib import Path

from herald.core import topics
from herald.core.kafka import reset
from herald.core.settings import CoreSettings
from herald_dev.local.cluster import LocalKafkaCluster
from herald_dev.local.kafka import REPO_ROOT, LocalKafkaSettings
from herald_dev.local.ports import free_port, free_port_pair

from .pipeline.corpus import Corpus
from .pipeline.feed import Feeder
from .pipeline.probes import OffsetProbe
from .pipeline.stack import Service


def one_run(cluster: LocalKafkaCluster, state: Path, partitions: int, workers: int, articles: int) -> float:
    bootstrap = cluster.settings.kafka_bootstrap
    env_settings = {
        "HERALD_KAFKA_BOOTSTRAP": bootstrap,
        "HERALD_PARTITIONS": str(partitions),
        "HERALD_REPLICATION_FACTOR": "3",
        "HERALD_MIN_INSYNC_REPLICAS": "2",
    }
    reset(CoreSettings(**{k.removeprefix("HERALD_").lower(): v for k, v in env_settings.items()}))
    services = []
    for stage, count in [("dedup", workers), ("enrich", workers), ("classify", 1)]:
        for i in range(count):
            run_state = state / f"p{partitions}-w{workers}-{stage}-{i}"
            env = {k: v for k, v in os.environ.items() if not k.startswith("HERALD_")}
            port = free_port()
            env.update(env_settings, HERALD_STATE_DIR=str(run_state), HERALD_METRICS_PORT=str(port))
            argv = [sys.executable, "-m", "herald.cli", "worker", stage]
            svc = Service(f"{stage}-{i}", stage, argv, env, run_state / "log", port)
            svc.start()
            services.append(svc)
    try:
        time.sleep(25.0)  # workers load spaCy and join their groups before the clock starts
        corpus = Corpus(uuid.uuid4().hex[:8])
        feeder = Feeder(CoreSettings(kafka_bootstrap=bootstrap))
        started, _ = feeder.burst(corpus.drafts(articles, "short"))
        feeder.close()
        probe = OffsetProbe(bootstrap)
        while sum(probe.ends([topics.ENRICHED.name]).values()) < articles:
            time.sleep(0.2)
        return articles / (time.time() - started)
    finally:
        for svc in services:
            svc.stop()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1500)
    parser.add_argument("--workers", default="1,2,3")
    parser.add_argument("--partitions", default="6,12")
    args = parser.parse_args()
    state = Path(tempfile.mkdtemp(prefix="herald-scale-"))
    port = free_port_pair()
    settings = LocalKafkaSettings(
        kafka_bootstrap=f"127.0.0.1:{port}",
        state_dir=state,
        kafka_dist_dir=REPO_ROOT / ".herald" / "kafka-dist",
        kafka_heap_mb=384,
    )
    cluster = LocalKafkaCluster(settings, brokers=3, min_insync_replicas=2)
    cluster.start()
    try:
        print(f"cpus={os.cpu_count()} articles={args.articles} (short, bench corpus)")
        for partitions in [int(p) for p in args.partitions.split(",")]:
            for workers in [int(w) for w in args.workers.split(",")]:
                load = os.getloadavg()[0]
                rate = one_run(cluster, state, partitions, workers, args.articles)
                print(
                    f"partitions={partitions} workers/heavy stage={workers} "
                    f"articles/s={rate:.1f} load1-before={load:.2f}",
                    flush=True,
                )
    finally:
        cluster.stop()
        shutil.rmtree(state, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
