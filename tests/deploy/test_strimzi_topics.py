"""The chart's Strimzi KafkaTopics: generated from the topic registry and rendered to match it.

Strimzi's CRDs are not in kubernetes-validate, so each rendered KafkaTopic is checked for the shape
the operator reads (apiVersion, kind, the strimzi.io/cluster label, spec.topicName, partitions,
replicas, config) and against ``herald.core.topics``: every topic, its partitions, the replication
and min.insync.replicas the values ask for, its retention, cleanup policy and message size.
"""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from herald.core.topics import ALL
from tests.support.deploy_checks import CHART, ROOT
from tests.support.helm_chart import KUBE_VERSION, helm, render

EXAMPLE = CHART / "examples" / "strimzi-values.yaml"
DNS_SUBDOMAIN = re.compile(r"^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$")


def test_topics_file_is_generated_from_the_registry() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "strimzi_topics.py"), "--check"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr


def test_no_kafkatopics_unless_asked() -> None:
    assert not [d for d in render() if d["kind"] == "KafkaTopic"]


@pytest.mark.parametrize(
    ("partitions", "replicas", "min_isr"), [("12", "3", "2"), ("6", "1", "1"), ("24", "5", "3")]
)
def test_kafkatopics_match_the_registry(partitions: str, replicas: str, min_isr: str) -> None:
    docs = render(
        "-f",
        str(EXAMPLE),
        "--set",
        f"settings.partitions={partitions}",
        "--set",
        f"settings.replicationFactor={replicas}",
        "--set",
        f"settings.minInsyncReplicas={min_isr}",
    )
    kafkatopics = {d["spec"]["topicName"]: d for d in docs if d["kind"] == "KafkaTopic"}
    assert set(kafkatopics) == {t.name for t in ALL}
    assert not [d for d in docs if d["kind"] == "Job"], "the example leaves topics to the operator"
    for spec in ALL:
        doc = kafkatopics[spec.name]
        assert doc["apiVersion"] == "kafka.strimzi.io/v1beta2"
        assert DNS_SUBDOMAIN.match(doc["metadata"]["name"]) and len(doc["metadata"]["name"]) <= 253
        assert doc["metadata"]["namespace"] == "kafka"
        assert doc["metadata"]["labels"]["strimzi.io/cluster"] == "news-kafka"
        assert set(doc["spec"]) == {"topicName", "partitions", "replicas", "config"}
        assert doc["spec"]["partitions"] == (spec.partitions or int(partitions))
        assert doc["spec"]["replicas"] == int(replicas)
        config = {k: str(v) for k, v in doc["spec"]["config"].items()}
        want = dict(spec.config())
        if int(replicas) > 1:
            want["min.insync.replicas"] = min_isr
        assert config == want, spec.name
        assert config["cleanup.policy"] == ("compact" if spec.compacted else "delete")
        assert ("retention.ms" in config) == (not spec.compacted)


def test_strimzi_needs_the_cluster_name() -> None:
    result = helm("template", "herald", ".", "--kube-version", KUBE_VERSION, "--set", "strimzi.enabled=true")
    assert result.returncode != 0
    assert "strimzi.cluster is required" in result.stderr
