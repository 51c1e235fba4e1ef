"""helm/herald, validated without a cluster.

``helm lint --strict``, then ``helm template`` with the default values and with ci/full-values.yaml
(everything switched on); every rendered object is validated against Kubernetes' own JSON schemas
(kubernetes-validate, strict: unknown fields fail), the Prometheus Operator objects structurally, and
then the chart is cross-checked against the project: commands, ports, settings, selectors, the
dashboards and rules it ships.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
import yaml

from tests.support.deploy_checks import CHART, DASHBOARDS, PROMETHEUS, ROOT
from tests.support.helm_chart import KUBE_VERSION, helm, render, render_raw
from tests.support.herald_commands import COMMANDS, settings_class

FULL_VALUES = CHART / "ci" / "full-values.yaml"
COMPONENTS = ("poller", "dedup", "enrich", "classify", "novelty", "delivery", "heartbeat", "store", "api")
CRD_KINDS = {"ServiceMonitor", "PrometheusRule"}


def objects(docs: list[dict[str, Any]], kind: str) -> dict[str, dict[str, Any]]:
    return {d["metadata"]["name"]: d for d in docs if d["kind"] == kind}


LIGHT = ("-f", str(FULL_VALUES), "--set", "light.enabled=true")
VARIANTS = {"defaults": (), "full": ("-f", str(FULL_VALUES)), "light": LIGHT}


@pytest.mark.parametrize("variant", VARIANTS)
def test_helm_lint_strict(variant: str) -> None:
    result = helm("lint", "--strict", "--kube-version", KUBE_VERSION, *VARIANTS[variant], ".")
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("variant", VARIANTS)
def test_rendered_objects_match_the_kubernetes_schemas(variant: str) -> None:
    import kubernetes_validate

    docs = render(*VARIANTS[variant])
    assert docs
    problems = []
    for doc in docs:
        if doc["kind"] in CRD_KINDS:
            continue
        try:
            kubernetes_validate.validate(doc, KUBE_VERSION, strict=True)
        except kubernetes_validate.ValidationError as exc:
            problems.append(
                f"{doc['kind']}/{doc['metadata']['name']}: {'/'.join(map(str, exc.path))}: {exc.message}"
            )
    assert not problems, "\n".join(problems)


def test_the_schema_check_catches_a_wrong_field() -> None:
    """kubernetes-validate must reject what the API server would (guards against a vacuous check)."""
    import kubernetes_validate

    deployment = next(iter(objects(render(), "Deployment").values()))
    deployment["spec"]["template"]["spec"]["containers"][0]["imagePullPolicy"] = 3
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(deployment, KUBE_VERSION, strict=True)
    deployment = next(iter(objects(render(), "Deployment").values()))
    deployment["spec"]["template"]["spec"]["containers"][0]["envFromm"] = []
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(deployment, KUBE_VERSION, strict=True)


def test_one_deployment_per_service_running_the_right_command() -> None:
    docs = render("-f", str(FULL_VALUES))
    deployments = objects(docs, "Deployment")
    assert set(deployments) == {f"herald-{c}" for c in COMPONENTS}
    for component in COMPONENTS:
        pod = deployments[f"herald-{component}"]["spec"]["template"]["spec"]
        (container,) = pod["containers"]
        argv = tuple(container["args"])
        assert argv in COMMANDS, f"{component}: {argv} is not a Herald command"
        port = container["ports"][0]["containerPort"]
        env = {e["name"]: e["value"] for e in container["env"] if "value" in e}
        assert env["HERALD_METRICS_PORT"] == str(port)
        module = COMMANDS[argv][1]
        assert module is not None
        assert port == __import__(module, fromlist=["DEFAULT_PORT"]).DEFAULT_PORT
        for probe in ("startupProbe", "livenessProbe", "readinessProbe"):
            assert container[probe]["httpGet"]["port"] == "metrics"
    # Defaults: the heartbeat, the store and the API are opt-in.
    defaults = objects(render(), "Deployment")
    assert not {"herald-heartbeat", "herald-store", "herald-api"} & set(defaults)


def test_light_runs_dedup_classify_and_novelty_as_one_deployment() -> None:
    """light.enabled: one `herald worker light` workload replaces the three light stages' own."""
    from herald.cli import LIGHT_STAGES

    docs = render(*LIGHT)
    deployments = objects(docs, "Deployment")
    expected = {f"herald-{c}" for c in COMPONENTS if c not in LIGHT_STAGES} | {"herald-light"}
    assert set(deployments) == expected
    assert set(objects(docs, "Service")) == expected
    assert set(objects(docs, "PodDisruptionBudget")) == expected
    (container,) = deployments["herald-light"]["spec"]["template"]["spec"]["containers"]
    argv = tuple(container["args"])
    assert argv == ("worker", "light") and argv in COMMANDS
    module = COMMANDS[argv][1]
    assert module is not None
    assert container["ports"][0]["containerPort"] == __import__(module, fromlist=["x"]).DEFAULT_PORT
    # Off by default: the three stages run as their own workers.
    assert "herald-light" not in objects(render(), "Deployment")


def test_every_container_is_hardened_and_runs_as_the_image_user() -> None:
    dockerfile_user = re.search(r"^USER (\d+)", (ROOT / "services/Dockerfile").read_text(), re.M)
    assert dockerfile_user
    for doc in render("-f", str(FULL_VALUES)):
        if doc["kind"] not in {"Deployment", "Job"}:
            continue
        pod = doc["spec"]["template"]["spec"]
        assert pod["securityContext"]["runAsNonRoot"] is True
        assert str(pod["securityContext"]["runAsUser"]) == dockerfile_user.group(1)
        assert pod["securityContext"]["seccompProfile"]["type"] == "RuntimeDefault"
        assert pod["automountServiceAccountToken"] is False
        for container in pod["containers"]:
            ctx = container["securityContext"]
            assert ctx["readOnlyRootFilesystem"] is True
            assert ctx["allowPrivilegeEscalation"] is False
            assert ctx["capabilities"]["drop"] == ["ALL"]
            assert container["resources"]["requests"] and container["resources"]["limits"]["memory"]
            mounts = {m["mountPath"] for m in container["volumeMounts"]}
            assert "/tmp" in mounts  # a read-only root still needs somewhere to write


def test_settings_are_real_settings_and_valid_for_each_service() -> None:
    docs = render("-f", str(FULL_VALUES))
    config = objects(docs, "ConfigMap")["herald"]["data"]
    known: dict[str, set[str]] = {}
    for ref, _ in COMMANDS.values():
        cls = settings_class(ref)
        known[ref] = {f"HERALD_{f.upper()}" for f in cls.model_fields}
    every = set().union(*known.values())
    assert set(config) <= every, f"not a setting of any service: {sorted(set(config) - every)}"
    for ref, fields in known.items():
        cls = settings_class(ref)
        cls.model_validate({k.removeprefix("HERALD_").lower(): v for k, v in config.items() if k in fields})
    job = objects(docs, "Job")["herald-topics"]
    env = {e["name"]: e["value"] for e in job["spec"]["template"]["spec"]["containers"][0]["env"]}
    assert env == config, "the topics hook must see the same settings as the services"
    feeds = yaml.safe_load(objects(docs, "ConfigMap")["herald-feeds"]["data"]["feeds.yaml"])["feeds"]
    from herald.poller.feeds import Feed

    assert [Feed.model_validate(f).name for f in feeds] == ["example-wire", "herald-heartbeat"]
    assert config["HERALD_ALLOW_HOSTS"] == "herald-heartbeat"  # the canary is on a private address


def test_services_and_servicemonitor_select_the_pods_and_name_the_jobs() -> None:
    docs = render("-f", str(FULL_VALUES))
    deployments, services = objects(docs, "Deployment"), objects(docs, "Service")
    prometheus_jobs = {
        j["job_name"] for j in yaml.safe_load((PROMETHEUS / "prometheus.yml").read_text())["scrape_configs"]
    }
    (monitor,) = objects(docs, "ServiceMonitor").values()
    assert monitor["apiVersion"] == "monitoring.coreos.com/v1"
    job_label = monitor["spec"]["jobLabel"]
    for name, service in services.items():
        pods = deployments[name]["spec"]["template"]["metadata"]["labels"]
        assert service["spec"]["selector"].items() <= pods.items(), name
        assert service["spec"]["ports"][0]["name"] == monitor["spec"]["endpoints"][0]["port"]
        assert monitor["spec"]["selector"]["matchLabels"].items() <= service["metadata"]["labels"].items()
        assert service["metadata"]["labels"][job_label] in prometheus_jobs, "rules select job=~herald-.+"
    assert monitor["spec"]["namespaceSelector"]["matchNames"] == ["news"]


def test_autoscalers_and_disruption_budgets_target_real_workloads() -> None:
    docs = render("-f", str(FULL_VALUES))
    deployments = objects(docs, "Deployment")
    hpas = objects(docs, "HorizontalPodAutoscaler")
    assert set(hpas) == {"herald-enrich"}
    for name, hpa in hpas.items():
        target = hpa["spec"]["scaleTargetRef"]
        assert (target["kind"], target["name"]) == ("Deployment", name)
        assert "replicas" not in deployments[name]["spec"], "the HPA owns the replica count"
        assert hpa["spec"]["maxReplicas"] <= 12  # ci values: 12 partitions
    assert deployments["herald-delivery"]["spec"]["replicas"] == 2
    assert deployments["herald-poller"]["spec"]["strategy"]["type"] == "Recreate"
    pdbs = objects(docs, "PodDisruptionBudget")
    assert set(pdbs) == set(deployments)
    for name, pdb in pdbs.items():
        labels = deployments[name]["spec"]["template"]["metadata"]["labels"]
        assert pdb["spec"]["selector"]["matchLabels"].items() <= labels.items()


def test_webhook_secrets_come_from_a_secret_or_an_existing_one() -> None:
    docs = render("-f", str(FULL_VALUES))
    secret = objects(docs, "Secret")["herald"]
    assert set(secret["stringData"]) == {
        "HERALD_WEBHOOK_URL",
        "HERALD_WEBHOOK_SECRET",
        "HERALD_SLACK_WEBHOOK_URL",
        "HERALD_ALERTMANAGER_URL",
        "HERALD_HEARTBEAT_SECRET",
    }
    for doc in objects(docs, "ConfigMap").values():
        dumped = yaml.safe_dump(doc)
        assert "whsec_" not in dumped, "secrets must not land in a ConfigMap"
        assert "hooks.slack" not in dumped and "alertmanager.monitoring" not in dumped

    def secret_refs(docs: list[dict[str, Any]]) -> dict[str, list[str]]:
        return {
            name: [
                e["secretRef"]["name"]
                for e in d["spec"]["template"]["spec"]["containers"][0]["envFrom"]
                if "secretRef" in e
            ]
            for name, d in objects(docs, "Deployment").items()
        }

    refs = secret_refs(docs)
    assert refs["herald-delivery"] == [secret["metadata"]["name"]]
    assert refs["herald-enrich"] == [], "only delivery and heartbeat get the secrets"
    existing = render("--set", "secrets.existingSecret=herald-webhooks")
    assert objects(existing, "Secret") == {}
    assert secret_refs(existing)["herald-delivery"] == ["herald-webhooks"]


def test_every_secret_key_switches_on_a_delivery_sink() -> None:
    """The Secret's keys are delivery's settings: with them (and the ConfigMap and the container's
    env), delivery builds every sink the values ask for, the heartbeat's among them."""
    from herald.alerts.delivery_agent import sinks_from
    from herald.alerts.settings import AlertSettings

    docs = render("-f", str(FULL_VALUES))
    secret = objects(docs, "Secret")["herald"]
    config = objects(docs, "ConfigMap")["herald"]["data"]
    (container,) = objects(docs, "Deployment")["herald-delivery"]["spec"]["template"]["spec"]["containers"]
    env = {**config, **secret["stringData"], **{e["name"]: e["value"] for e in container["env"]}}
    fields = {f"HERALD_{f.upper()}": f for f in AlertSettings.model_fields}
    assert set(secret["stringData"]) <= set(fields), "every key is a setting delivery reads"
    settings = AlertSettings.model_validate({fields[k]: v for k, v in env.items() if k in fields})
    assert {sink.name for sink, _ in sinks_from(settings)} == {
        "webhook",
        "slack",
        "alertmanager",
        "heartbeat",
    }


def test_the_heartbeat_route_goes_to_delivery_and_points_at_the_heartbeat_service() -> None:
    from herald.heartbeat.server import DEFAULT_PORT

    docs = render("-f", str(FULL_VALUES))
    service = objects(docs, "Service")["herald-heartbeat"]
    assert service["spec"]["ports"][0]["port"] == DEFAULT_PORT
    urls = {
        name: {e["name"]: e.get("value") for e in d["spec"]["template"]["spec"]["containers"][0]["env"]}.get(
            "HERALD_HEARTBEAT_WEBHOOK_URL"
        )
        for name, d in objects(docs, "Deployment").items()
    }
    assert urls.pop("herald-delivery") == f"http://herald-heartbeat:{DEFAULT_PORT}/alerts"
    assert set(urls.values()) == {None}, "only delivery sends the canary's alerts"
    config = objects(docs, "ConfigMap")["herald"]["data"]
    assert config["HERALD_HEARTBEAT_BASE_URL"] == f"http://herald-heartbeat:{DEFAULT_PORT}"
    # Heartbeat off (the default): no route to it.
    (delivery,) = objects(render(), "Deployment")["herald-delivery"]["spec"]["template"]["spec"]["containers"]
    assert "HERALD_HEARTBEAT_WEBHOOK_URL" not in {e["name"] for e in delivery["env"]}


def test_the_heartbeat_needs_its_secret() -> None:
    code, _, err = render_raw("--set", "heartbeat.enabled=true")
    assert code != 0 and "heartbeatSecret" in err
    docs = render("--set", "heartbeat.enabled=true", "--set", "secrets.existingSecret=herald-webhooks")
    assert "herald-heartbeat" in objects(docs, "Deployment")


def test_the_store_reads_its_database_url_from_a_secret_or_an_existing_one() -> None:
    def url_ref(docs: list[dict[str, Any]]) -> dict[str, Any]:
        (container,) = objects(docs, "Deployment")["herald-store"]["spec"]["template"]["spec"]["containers"]
        (env,) = [e for e in container["env"] if e["name"] == "HERALD_STORE_URL"]
        assert "value" not in env, "the URL carries a password: never in the pod spec"
        return dict(env["valueFrom"]["secretKeyRef"])

    docs = render("-f", str(FULL_VALUES))
    own = objects(docs, "Secret")["herald-store"]
    assert own["stringData"] == {
        "HERALD_STORE_URL": "postgresql+psycopg://herald:chart-test@postgres.databases:5432/herald"
    }
    assert url_ref(docs) == {"name": "herald-store", "key": "HERALD_STORE_URL"}
    for doc in objects(docs, "ConfigMap").values():
        assert "chart-test@" not in yaml.safe_dump(doc)
    existing = render(
        "--set", "store.enabled=true",
        "--set", "store.database.existingSecret=analytics-db",
        "--set", "store.database.existingSecretKey=url",
    )  # fmt: skip
    assert "herald-store" not in objects(existing, "Secret")
    assert url_ref(existing) == {"name": "analytics-db", "key": "url"}
    code, _, err = render_raw("--set", "store.enabled=true")
    assert code != 0 and "store.database" in err
    code, _, err = render_raw("--set", "store.enabled=true", "--set", "store.database.url=mysql://x")
    assert code != 0 and "url" in err


def test_the_api_listens_with_a_token_from_a_secret_and_reads_the_stores_database() -> None:
    from herald.api.settings import ApiSettings

    def api_env(docs: list[dict[str, Any]]) -> dict[str, Any]:
        (container,) = objects(docs, "Deployment")["herald-api"]["spec"]["template"]["spec"]["containers"]
        return {e["name"]: e.get("value", e.get("valueFrom")) for e in container["env"]}

    docs = render("-f", str(FULL_VALUES))
    env = api_env(docs)
    assert objects(docs, "Secret")["herald-api"]["stringData"] == {"HERALD_API_TOKEN": "chart-test-token"}
    assert env["HERALD_API_TOKEN"] == {"secretKeyRef": {"name": "herald-api", "key": "HERALD_API_TOKEN"}}
    assert env["HERALD_STORE_URL"] == {"secretKeyRef": {"name": "herald-store", "key": "HERALD_STORE_URL"}}
    service = objects(docs, "Service")["herald-api"]
    assert service["spec"]["ports"][0]["port"] == int(env["HERALD_API_PORT"]) == 9110
    # What the pod would start with: beyond loopback, with the token, it validates; without, it refuses.
    settings = {"api_host": env["HERALD_API_HOST"], "api_port": env["HERALD_API_PORT"]}
    ApiSettings.model_validate({**settings, "api_token": "chart-test-token"})
    with pytest.raises(ValueError, match="HERALD_API_TOKEN"):
        ApiSettings.model_validate(settings)
    for doc in objects(docs, "ConfigMap").values():
        assert "chart-test-token" not in yaml.safe_dump(doc)
    # The API alone over an existing database and an existing token Secret: the chart makes neither.
    existing = render(
        "--set", "api.enabled=true",
        "--set", "api.existingSecret=api-token",
        "--set", "store.database.existingSecret=analytics-db",
    )  # fmt: skip
    assert "herald-store" not in objects(existing, "Deployment")
    assert not {"herald-api", "herald-store"} & set(objects(existing, "Secret"))
    env = api_env(existing)
    assert env["HERALD_API_TOKEN"]["secretKeyRef"] == {"name": "api-token", "key": "HERALD_API_TOKEN"}
    assert env["HERALD_STORE_URL"]["secretKeyRef"]["name"] == "analytics-db"
    code, _, err = render_raw("--set", "api.enabled=true", "--set", "store.database.existingSecret=db")
    assert code != 0 and "api.token" in err
    code, _, err = render_raw("--set", "api.enabled=true", "--set", "api.token=t")
    assert code != 0 and "store.database" in err


def test_values_schema_and_guards_reject_bad_values() -> None:
    code, _, err = render_raw("--set", "poller.replicas=2")
    assert code != 0 and "poller/replicas" in err
    code, _, err = render_raw("--set", "enrich.replicaz=2")
    assert code != 0 and "replicaz" in err
    code, _, err = render_raw("--set", "kafka.bootstrap=not a host")
    assert code != 0 and "bootstrap" in err
    code, _, err = render_raw("--set", "classify.replicas=7")
    assert code != 0 and "partitions" in err
    code, _, err = render_raw("--set", "secrets.slackWebhookUrl=http://hooks.slack.example.org/x")
    assert code != 0 and "slackWebhookUrl" in err
    code, _, err = render_raw("--set", "secrets.alertmanagerUrl=alertmanager:9093")
    assert code != 0 and "alertmanagerUrl" in err


def test_chart_ships_the_same_dashboards_and_rules_as_deploy() -> None:
    for source, copy in (
        (DASHBOARDS, CHART / "dashboards"),
        (PROMETHEUS / "rules", CHART / "files" / "prometheus"),
    ):
        ours = {p.name: p.read_bytes() for p in source.iterdir()}
        chart = {p.name: p.read_bytes() for p in copy.iterdir()}
        assert chart == ours, (
            f"{copy.relative_to(ROOT)} differs from {source.relative_to(ROOT)}: copy the files again"
        )


def test_dashboards_render_as_sidecar_configmaps_with_the_exact_files() -> None:
    docs = render("-f", str(FULL_VALUES))
    shipped = {}
    for doc in objects(docs, "ConfigMap").values():
        if doc["metadata"]["labels"].get("grafana_dashboard") == "1":
            assert doc["metadata"]["annotations"] == {"grafana_folder": "Herald"}
            shipped.update(doc["data"])
    assert shipped == {p.name: p.read_text() for p in DASHBOARDS.glob("*.json")}
    assert not any(
        d["kind"] == "ConfigMap" and "grafana_dashboard" in d["metadata"]["labels"]
        for d in render("--set", "dashboards.enabled=false")
    )


def test_prometheus_rule_carries_the_rule_files() -> None:
    (rule,) = objects(render("-f", str(FULL_VALUES)), "PrometheusRule").values()
    assert rule["metadata"]["labels"]["release"] == "prometheus"
    expected = [
        g
        for p in sorted((PROMETHEUS / "rules").glob("*.yml"))
        for g in yaml.safe_load(p.read_text())["groups"]
    ]
    assert rule["spec"]["groups"] == expected


def test_every_values_key_is_documented() -> None:
    """Each key has a comment above it, or is a mapping whose keys all do, or sits under a "-- " comment."""
    lines = (CHART / "values.yaml").read_text().splitlines()
    entries = []  # (indent, key, documented-by-own-comment, helm-docs style)
    previous = ""
    for line in lines:
        stripped = line.strip()
        if not stripped:
            continue
        match = re.match(r"^( *)([A-Za-z][\w.-]*):", line)
        if match:
            comment = previous.startswith("#")
            entries.append((len(match.group(1)), match.group(2), comment, previous.startswith("# --")))
        previous = stripped
    undocumented = []
    for i, (indent, key, commented, _) in enumerate(entries):
        if commented:
            continue
        ancestors = [e for e in entries[:i] if e[0] < indent]
        covered = any(e[3] for e in _chain(ancestors, indent))
        children = [e for e in _children(entries, i)]
        if covered or (children and all(c[2] or _children(entries, entries.index(c)) for c in children)):
            continue
        undocumented.append(key)
    assert not undocumented, f"values.yaml keys without a comment: {undocumented}"


def _chain(ancestors: list[tuple[int, str, bool, bool]], indent: int) -> list[tuple[int, str, bool, bool]]:
    chain, level = [], indent
    for entry in reversed(ancestors):
        if entry[0] < level:
            chain.append(entry)
            level = entry[0]
    return chain


def _children(entries: list[tuple[int, str, bool, bool]], index: int) -> list[tuple[int, str, bool, bool]]:
    indent, out = entries[index][0], []
    child_indent = None
    for entry in entries[index + 1 :]:
        if entry[0] <= indent:
            break
        child_indent = child_indent or entry[0]
        if entry[0] == child_indent:
            out.append(entry)
    return out
