"""A real Prometheus scrapes the real services, and its HTTP API shows the whole pipeline.

Every service runs as its own process against the test's Kafka broker (poller, the five stream
workers, the heartbeat server), each on a free port. Prometheus (the one scripts/install-tools.sh
unpacks) runs on 127.0.0.1 with deploy/prometheus/prometheus.yml's jobs pointed at those ports and
its rule files loaded. A feed served over HTTP becomes an alert at a local webhook receiver; then,
through Prometheus' API only, the test asserts that every service is scraped and up, that the rules
loaded and evaluate, that every stage counted records, and that the end-to-end latency histogram
has observations.
"""

from __future__ import annotations

import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml

from herald_dev.local.feedserver import Item, ScriptedFeed
from herald_dev.local.ports import free_port
from tests.support.deploy_checks import PROMETHEUS, tool
from tests.support.procs import STAGES, Pipeline, Wire, running, wait_for

pytestmark = [pytest.mark.kafka, pytest.mark.e2e, pytest.mark.slow]

SECRET = "whsec_" + "c2NyYXBlLXRlc3Qtd2ViaG9vay1rZXk="  # base64 of a test phrase


def wire(run: str) -> ScriptedFeed:
    """Fictional wire copy: one strike report (an event, so an alert) and one that is not news."""
    base = f"https://scrape.herald.invalid/{run}"
    return ScriptedFeed(
        "Scrape Test Wire",
        [
            Item(
                title="Missile strike on Odesa port kills nine, regional governor says",
                link=f"{base}/odesa-port",
                summary=(
                    "A Russian missile struck grain terminals in the port of Odesa before dawn, killing nine "
                    "people and wounding 23, the regional governor said on Tuesday."
                ),
            ),
            Item(
                title="Island ferry adds a winter sailing",
                link=f"{base}/ferry",
                summary="The island ferry operator will add an evening sailing in December for the holidays.",
            ),
        ],
    )


class PromAPI:
    def __init__(self, url: str) -> None:
        self.url = url

    def get(self, path: str, **params: str) -> Any:
        response = httpx.get(f"{self.url}{path}", params=params, timeout=5)
        response.raise_for_status()
        body = response.json()
        assert body["status"] == "success", body
        return body["data"]

    def query(self, expr: str) -> list[dict[str, Any]]:
        return self.get("/api/v1/query", query=expr)["result"]  # type: ignore[no-any-return]

    def value(self, expr: str) -> float:
        result = self.query(expr)
        return float(result[0]["value"][1]) if result else 0.0


def prometheus_config(ports: dict[str, int], prom_port: int) -> dict[str, Any]:
    """deploy/prometheus/prometheus.yml, with each job aimed at the test's process for that service."""
    config = yaml.safe_load((PROMETHEUS / "prometheus.yml").read_text())
    config["global"].update(scrape_interval="1s", scrape_timeout="1s", evaluation_interval="1s")
    config["rule_files"] = [str(PROMETHEUS / f) for f in config["rule_files"]]
    for job in config["scrape_configs"]:
        service = job["job_name"].removeprefix("herald-")
        port = prom_port if job["job_name"] == "prometheus" else ports[service]
        job["static_configs"] = [{"targets": [f"127.0.0.1:{port}"]}]
    return config


@pytest.fixture
def prometheus(tmp_path: Path) -> Iterator[Callable[[dict[str, int]], PromAPI]]:
    """A function that starts Prometheus once the services' ports are known."""
    procs: list[subprocess.Popen[bytes]] = []
    binary = tool("prometheus")
    port = free_port()

    def start(ports: dict[str, int]) -> PromAPI:
        config = tmp_path / "prometheus.yml"
        config.write_text(yaml.safe_dump(prometheus_config(ports, port)))
        log = open(tmp_path / "prometheus.log", "wb")
        procs.append(
            subprocess.Popen(
                [
                    str(binary),
                    f"--config.file={config}",
                    f"--storage.tsdb.path={tmp_path / 'tsdb'}",
                    f"--web.listen-address=127.0.0.1:{port}",
                    "--log.level=warn",
                ],
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        )
        api = PromAPI(f"http://127.0.0.1:{port}")

        def ready() -> bool:
            assert procs[0].poll() is None, (tmp_path / "prometheus.log").read_text()
            try:
                return httpx.get(f"{api.url}/-/ready", timeout=2).status_code == 200
            except httpx.TransportError:
                return False

        wait_for(ready, timeout=60, what="Prometheus to be ready")
        return api

    yield start
    for proc in procs:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def test_prometheus_scrapes_every_service_and_sees_end_to_end_latency(
    kafka: dict[str, str], tmp_path: Path, prometheus: Callable[[dict[str, int]], PromAPI]
) -> None:
    run = f"{time.time_ns():x}"[-8:]
    # Any event raises a first-of-its-kind alert: this test is about metrics, not the rules' taste.
    net = Wire.start(kafka, tmp_path, wire(run), SECRET, name="scrape-wire", HERALD_NOVELTY_MIN_SEVERITY="1")
    receiver = net.receiver
    pipeline = Pipeline(net.env, tmp_path / "logs")
    pipeline.add("heartbeat", "heartbeat", "serve", extra_env={"HERALD_HEARTBEAT_INTERVAL_SECONDS": "30"})
    # The store (SQLite under the shared state directory) and the query API over it; the API serves its
    # metrics on its own port.
    pipeline.add("store", "store")
    api_service = pipeline.add("api", "api")
    api_service.env["HERALD_API_PORT"] = str(api_service.metrics_port)
    try:
        with running(pipeline, net.feeds_file):
            ports = {name: svc.metrics_port for name, svc in pipeline.services.items()}
            api = prometheus(ports)

            def all_up() -> bool:
                targets = api.get("/api/v1/targets")["activeTargets"]
                return {t["labels"]["job"] for t in targets if t["health"] == "up"} >= {
                    f"herald-{s}" for s in ports
                }

            wait_for(all_up, timeout=120, interval=1, what="every service scraped and up")
            wait_for(
                lambda: len(receiver.deliveries) >= 1,
                timeout=150,
                interval=1,
                what="an alert at the receiver",
            )
            wait_for(
                lambda: api.value("sum(herald_end_to_end_seconds_count)") >= 1,
                timeout=30,
                interval=1,
                what="end-to-end observations in Prometheus",
            )

            up = {r["metric"]["job"]: r["value"][1] for r in api.query('up{job=~"herald-.+"}')}
            assert up == {f"herald-{s}": "1" for s in ports}
            # Delivery runs one stage per sink ("delivery_webhook", ...): at least one must count.
            want = (set(STAGES) - {"delivery"}) | {"delivery_webhook"}

            def counting() -> set[str]:
                rows = api.query("sum by (stage) (herald_records_in_total) > 0")
                return {r["metric"]["stage"] for r in rows}

            # Each target is scraped at its own moment: the delivery worker's newest sample can be
            # newer than an earlier stage's, so wait for every stage's next scrape before judging.
            try:
                wait_for(lambda: want <= counting(), timeout=30, interval=1, what="every stage counting")
            except AssertionError:
                raise AssertionError(f"stages that counted no records: {want - counting()}") from None
            e2e = api.query('sum by (sink) (herald_end_to_end_seconds_count{job="herald-delivery"})')
            assert "webhook" in {r["metric"]["sink"] for r in e2e}
            assert api.value('sum(herald_deliveries_total{outcome="delivered"})') >= 1
            assert api.value("max(herald_feed_last_success_timestamp_seconds)") > 0
            assert api.value("herald_heartbeat_interval_seconds") == 30

            # Prometheus loaded our rule files and evaluates every rule without error.
            groups = api.get("/api/v1/rules")["groups"]
            rules = [r for g in groups for r in g["rules"]]
            names = {r.get("name") for r in rules}
            assert {
                "HeraldPipelineStalled",
                "HeraldHeartbeatMissing",
                "stage:herald_records_in:rate5m",
            } <= names
            wait_for(
                lambda: all(
                    r["health"] == "ok" for g in api.get("/api/v1/rules")["groups"] for r in g["rules"]
                ),
                timeout=15,
                interval=1,
                what="every rule evaluated",
            )
            firing = [
                a["labels"]["alertname"]
                for a in api.get("/api/v1/alerts")["alerts"]
                if a["state"] == "firing"
            ]
            assert "HeraldServiceDown" not in firing
    finally:
        net.stop()
