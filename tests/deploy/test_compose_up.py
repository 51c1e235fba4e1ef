"""docker-compose.yml for real: the image built, every service up in Podman, a feed item out as an alert.

What CI runs is the README's compose section with deploy/ci/compose.override.yml (local base images,
Kafka from the project's Maven jars, Debian's Prometheus; no registry is reachable here). This test
adds one container of its own, ``peer``, that serves the demo feed and records what the webhook sink
posts. Then it checks that the item went through every stage to a correctly signed webhook, that
Prometheus scrapes every service, and that ``down`` leaves no container, pod, network or volume.

The first run builds the base images and the image (minutes); later runs reuse Podman's layer cache,
the wheels under .herald/wheelhouse and the base images, which are rebuilt only when their inputs
change (scripts/local-images.sh).
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import yaml

from herald.core.webhooks import Verdict, check, decode_secret
from tests.support.deploy_checks import ROOT
from tests.support.procs import wait_for

pytestmark = [pytest.mark.container, pytest.mark.slow, pytest.mark.timeout(1200)]

PODMAN_COMPOSE = ROOT / ".tools" / "bin" / "podman-compose"
PROJECT = "herald-ci"
FILES = ["-f", str(ROOT / "docker-compose.yml"), "-f", str(ROOT / "deploy/ci/compose.override.yml")]
SECRET = "whsec_" + base64.b64encode(b"compose-test-webhook-secret-32b!").decode()
PEER_PORT = 8080
MAX_RESTARTS = 3

if not shutil.which("podman") or not PODMAN_COMPOSE.exists():
    pytest.skip(
        "podman or podman-compose is not installed: scripts/install-tools.sh installs them "
        "(apt-get as root, podman-compose into .tools/)",
        allow_module_level=True,
    )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def rss(items: list[tuple[str, str, str]]) -> str:
    entries = "".join(
        f"<item><title>{title}</title><link>{link}</link><guid>{link}</guid>"
        f"<description>{summary}</description></item>"
        for title, link, summary in items
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Compose Wire</title>'
        f"<link>http://peer/</link><description>compose test</description>{entries}</channel></rss>"
    )


class Compose:
    """podman-compose and podman on this project, with the environment CI gives them."""

    def __init__(self, env: dict[str, str], extra_file: Path) -> None:
        self.env = env
        self.argv = [str(PODMAN_COMPOSE), "-p", PROJECT, *FILES, "-f", str(extra_file)]
        self.volumes_before: set[str] = set()
        self.restarts: dict[str, int] = {}

    def run(self, *args: str, timeout: float = 900) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*self.argv, *args], env=self.env, cwd=ROOT, capture_output=True, text=True, timeout=timeout
        )

    def json(self, *args: str) -> list[dict[str, Any]]:
        """A podman listing (``ps``, ``pod ps``, ``network ls``, ``volume ls``) as JSON."""
        out = subprocess.run(
            ["podman", *args, "--format", "json"], env=self.env, capture_output=True, text=True, check=True
        )
        return json.loads(out.stdout or "[]")  # type: ignore[no-any-return]

    def containers(self) -> list[dict[str, Any]]:
        return self.json("ps", "-a", "--filter", f"label=io.podman.compose.project={PROJECT}")

    def all_running(self) -> bool:
        """True when every long-running service runs.

        A worker that starts while the network's DNS is still settling can exit once ("Temporary
        failure in name resolution"); Docker's engine restarts it by its ``restart:`` policy, but
        Podman without systemd does not apply the policy on these machines, so the test does what the
        policy would: it starts the container again. A service that needs more than MAX_RESTARTS
        starts fails the test, with each restart reported.
        """
        running = True
        for c in self.containers():
            name = c["Names"][0]
            if "_topics_" in name or c["State"] in {"running", "created", "configured"}:
                continue
            running = False
            self.restarts[name] = self.restarts.get(name, 0) + 1
            if self.restarts[name] > MAX_RESTARTS:
                raise AssertionError(f"{name} kept exiting; restarts: {self.restarts}")
            subprocess.run(["podman", "start", name], env=self.env, capture_output=True, text=True)
        return running

    def report(self) -> str:
        """Each container's state and the end of its log, for a failure message."""
        lines = []
        for c in self.containers():
            name = c["Names"][0]
            log = subprocess.run(
                ["podman", "logs", "--tail", "15", name], env=self.env, capture_output=True, text=True
            )
            lines.append(f"--- {name}: {c['State']} ({c.get('Status', '')})\n{log.stdout}{log.stderr}")
        lines.append(f"restarts: {self.restarts}")
        return "\n".join(lines)


def timed(what: str, timings: dict[str, float], fn: Any, *args: Any, **kwargs: Any) -> Any:
    started = time.monotonic()
    try:
        return fn(*args, **kwargs)
    finally:
        timings[what] = round(time.monotonic() - started, 1)


@contextmanager
def stack(tmp_path: Path) -> Iterator[tuple[Compose, Path, int, str]]:
    """The compose stack up, with the peer serving a feed whose first item must become an alert;
    ``down`` when the block ends, whatever happened in it."""
    timings: dict[str, float] = {}
    env = {
        **os.environ,
        "CONTAINERS_CONF": str(ROOT / "deploy/ci/containers.conf"),
        "PYTHON": os.environ.get("PYTHON", sys.executable),
    }
    peer_dir = tmp_path / "peer"
    peer_dir.mkdir()
    peer_dir.chmod(0o777)  # the peer runs as the image's non-root user
    run = uuid.uuid4().hex[:8]
    strike = f"https://compose.herald.invalid/{run}/drones"
    (peer_dir / "feed.xml").write_text(
        rss(
            [
                (
                    "Russia launches 472 drones at Kyiv in massive overnight attack",
                    strike,
                    "Russia launched 472 drones and seven missiles at Kyiv overnight, Ukraine's air force "
                    "said. At least 12 people were killed and 40 wounded in the capital, officials said.",
                ),
                (
                    "Stadium sets record attendance as visitors strike late",
                    f"https://compose.herald.invalid/{run}/football",
                    "A record crowd of 70,000 watched the visitors strike twice late in the second half.",
                ),
            ]
        )
    )
    feeds = yaml.safe_load((ROOT / "deploy/compose/feeds.yaml").read_text())
    feeds["feeds"].append(
        {"name": "compose-wire", "url": f"http://peer:{PEER_PORT}/feed.xml", "interval": 10}
    )
    feeds_file = tmp_path / "feeds.yaml"
    feeds_file.write_text(yaml.safe_dump(feeds))
    prometheus_port = free_port()
    env.update(
        {
            # What a user's .env would hold.
            "HERALD_HEARTBEAT_SECRET": "whsec_" + base64.b64encode(b"compose-test-heartbeat").decode(),
            "GRAFANA_ADMIN_PASSWORD": "unused-grafana-is-not-started",
            "POSTGRES_PASSWORD": "composetest",
            "HERALD_API_TOKEN": "compose-test-api-token",
            "HERALD_API_PORT": str(free_port()),
            "HERALD_WEBHOOK_URL": f"http://peer:{PEER_PORT}/hooks/herald",
            "HERALD_WEBHOOK_SECRET": SECRET,
            "HERALD_FEEDS_PATH": str(feeds_file),
            "HERALD_PARTITIONS": "2",
            "HERALD_POLL_INTERVAL_SECONDS": "10",
            "KAFKA_HEAP_MB": "512",
            "PROMETHEUS_PORT": str(prometheus_port),
        }
    )
    extra = tmp_path / "compose.test.yml"
    extra.write_text(
        yaml.safe_dump(
            {
                "services": {
                    "peer": {
                        "image": "${HERALD_IMAGE:-herald:local}",
                        "entrypoint": ["python", "/opt/peer.py", "/srv/peer", str(PEER_PORT)],
                        "volumes": [
                            f"{ROOT / 'tests/deploy/compose_peer.py'}:/opt/peer.py:ro",
                            f"{peer_dir}:/srv/peer",
                        ],
                    },
                    # The poller fetches private hosts only when told to: the canary's and the peer.
                    "poller": {"environment": {"HERALD_ALLOW_HOSTS": "heartbeat,peer"}},
                }
            }
        )
    )
    compose = Compose(env, extra)
    compose.run("down", "-v")  # whatever an interrupted run left
    compose.volumes_before = volume_names(compose)
    started = time.monotonic()
    built = timed(
        "base images",
        timings,
        subprocess.run,
        [str(ROOT / "scripts/local-images.sh")],
        env=env,
        capture_output=True,
        text=True,
    )
    assert built.returncode == 0, built.stderr
    try:
        # The image through one service (see deploy/ci/compose.override.yml), then everything.
        build = timed("build", timings, compose.run, "build", "kafka", "postgres", "topics")
        assert build.returncode == 0, build.stdout[-3000:] + build.stderr[-3000:]
        up = timed("up", timings, compose.run, "up", "-d")
        assert up.returncode == 0, up.stdout[-3000:] + up.stderr[-3000:]
        started = time.monotonic()
        yield compose, peer_dir, prometheus_port, strike
    finally:
        timings["checks"] = round(time.monotonic() - started, 1)
        down = timed("down", timings, compose.run, "down", "-v")
        print(f"\ncompose test timings (s): {json.dumps(timings)}\n{built.stderr}")
        assert down.returncode == 0, down.stderr[-3000:]


def volume_names(compose: Compose) -> set[str]:
    return {v["Name"] for v in compose.json("volume", "ls")}


def deliveries(peer_dir: Path) -> list[dict[str, Any]]:
    path = peer_dir / "posts.jsonl"
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def scrape_targets(port: int) -> list[dict[str, Any]]:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/targets", timeout=5) as r:
            return json.loads(r.read())["data"]["activeTargets"]  # type: ignore[no-any-return]
    except OSError:
        return []


def test_compose_turns_a_feed_item_into_a_signed_alert_scrapes_everything_and_cleans_up(
    tmp_path: Path,
) -> None:
    with stack(tmp_path) as (compose, peer_dir, prometheus_port, strike):
        try:
            wait_for(
                lambda: compose.all_running() and deliveries(peer_dir) != [],
                timeout=300,
                interval=2,
                what="the first alert at the peer",
            )
            prometheus = yaml.safe_load((ROOT / "deploy/prometheus/prometheus.yml").read_text())
            jobs = {job["job_name"] for job in prometheus["scrape_configs"]}
            wait_for(
                lambda: (
                    {t["labels"]["job"] for t in scrape_targets(prometheus_port) if t["health"] == "up"}
                    == jobs
                ),
                timeout=90,
                interval=2,
                what="Prometheus to scrape every target",
            )
        except AssertionError as e:
            raise AssertionError(
                f"{e}\n{compose.report()}\ntargets: {scrape_targets(prometheus_port)}"
            ) from e
        print(f"restarts (what a restart policy would have done): {compose.restarts or 'none'}")
        states = {c["Names"][0]: c["State"] for c in compose.containers()}
        assert all(state == "running" for name, state in states.items() if "topics" not in name), states

        secret, other = decode_secret(SECRET), decode_secret("whsec_" + base64.b64encode(b"other").decode())
        posts = deliveries(peer_dir)
        for post in posts:
            body = base64.b64decode(post["body"])
            assert post["path"] == "/hooks/herald"
            received = {k.lower(): v for k, v in post["headers"].items()}
            assert check(secret, received, body, time.time()) is Verdict.OK, "every delivery is signed"
            assert check(other, received, body, time.time()) is Verdict.BAD_SIGNATURE, "secrets told apart"
        alerts = [json.loads(base64.b64decode(p["body"])) for p in posts]
        assert {a["urls"][0] for a in alerts} == {strike}, "only the strike item is an alert"

    # After down: no container, pod, network or volume of the project is left, anonymous ones included.
    label = f"label=io.podman.compose.project={PROJECT}"
    assert compose.json("ps", "-a", "--filter", label) == []
    assert [p for p in compose.json("pod", "ps") if PROJECT in p["Name"]] == []
    assert [n for n in compose.json("network", "ls") if PROJECT in n.get("Name", n.get("name", ""))] == []
    assert volume_names(compose) <= compose.volumes_before
