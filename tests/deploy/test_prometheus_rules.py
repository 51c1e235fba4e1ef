"""Prometheus: the scrape config, recording and alerting rules, checked by promtool and by the catalogue.

``promtool test rules`` runs deploy/prometheus/tests/alerts_test.yml, where each alert is shown firing
when it should and silent just before; this module also proves every alert has such a test.
"""

from __future__ import annotations

import importlib
import subprocess
from typing import Any

import pytest
import yaml

from tests.support.deploy_checks import PROMETHEUS, Catalogue, check_query, recording_rules, tool

# The conditions Prometheus must page on, by the alert that covers each.
REQUIRED_ALERTS = {
    "HeraldPipelineStalled",  # pipeline stalled
    "HeraldConsumerLagGrowing",  # consumer lag growing
    "HeraldFeedFailing",  # a feed failing for hours
    "HeraldDeadLettersGrowing",  # dead letters growing
    "HeraldDeliveryFailing",  # delivery failing
    "HeraldHeartbeatMissing",  # heartbeat missing
}
SERVICE_PORTS = {
    "poller": ("herald.poller.service", 9101),
    "dedup": ("herald.dedup.agent", 9102),
    "enrich": ("herald.enrich.agent", 9103),
    "classify": ("herald.classify.agent", 9104),
    "novelty": ("herald.alerts.novelty_agent", 9105),
    "delivery": ("herald.alerts.delivery_agent", 9106),
    "heartbeat": ("herald.heartbeat.server", 9107),
    "store": ("herald.store.agent", 9108),
    "api": ("herald.api.settings", 9110),
}


def rules(kind: str) -> list[dict[str, Any]]:
    out = []
    for path in sorted((PROMETHEUS / "rules").glob("*.yml")):
        for group in yaml.safe_load(path.read_text())["groups"]:
            out.extend(r for r in group["rules"] if kind in r)
    return out


def promtool(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(tool("promtool")), *args], cwd=PROMETHEUS, capture_output=True, text=True, timeout=120
    )


def test_promtool_accepts_the_config_and_its_rule_files() -> None:
    result = promtool("check", "config", "prometheus.yml")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 rule files found" in result.stdout + result.stderr


def test_promtool_accepts_the_rules() -> None:
    result = promtool(
        "check",
        "rules",
        *sorted(str(p.relative_to(PROMETHEUS)) for p in (PROMETHEUS / "rules").glob("*.yml")),
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_promtool_unit_tests_of_every_alert_pass() -> None:
    result = promtool("test", "rules", "tests/alerts_test.yml")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "SUCCESS" in result.stdout + result.stderr


def test_every_alert_has_a_firing_and_a_silent_unit_test() -> None:
    suite = yaml.safe_load((PROMETHEUS / "tests" / "alerts_test.yml").read_text())
    firing, silent = set(), set()
    for case in suite["tests"]:
        for check in case.get("alert_rule_test", []):
            (firing if check["exp_alerts"] else silent).add(check["alertname"])
    alerts = {r["alert"] for r in rules("alert")}
    assert REQUIRED_ALERTS <= alerts
    assert alerts <= firing, f"never shown firing: {sorted(alerts - firing)}"
    assert alerts <= silent, f"never shown silent: {sorted(alerts - silent)}"


def test_every_alert_says_what_to_do_and_how_bad_it_is() -> None:
    for rule in rules("alert"):
        assert rule["labels"]["severity"] in {"critical", "warning"}, rule["alert"]
        assert rule["annotations"]["summary"] and rule["annotations"]["description"], rule["alert"]


@pytest.mark.parametrize("kind", ["alert", "record"])
def test_rules_name_only_exported_metrics_and_labels(kind: str, catalogue: Catalogue) -> None:
    recorded = recording_rules()
    problems = [
        f"{rule[kind]}: {problem}"
        for rule in rules(kind)
        for problem in check_query(rule["expr"], catalogue, recorded)
    ]
    assert not problems, "\n".join(problems)


def test_recording_rules_follow_the_naming_convention() -> None:
    for name in recording_rules():
        level, metric, operation = name.split(":")
        assert level and operation and metric.startswith("herald_"), name


def test_one_scrape_job_per_service_on_its_default_port(catalogue: Catalogue) -> None:
    config = yaml.safe_load((PROMETHEUS / "prometheus.yml").read_text())
    jobs = {j["job_name"]: j for j in config["scrape_configs"] if j["job_name"].startswith("herald-")}
    assert set(jobs) == {f"herald-{s}" for s in catalogue.by_service}
    for service, (module, port) in SERVICE_PORTS.items():
        assert importlib.import_module(module).DEFAULT_PORT == port
        targets = [t for sc in jobs[f"herald-{service}"]["static_configs"] for t in sc["targets"]]
        assert targets == [f"{service}:{port}"]
