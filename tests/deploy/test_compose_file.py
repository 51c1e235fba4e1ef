"""docker-compose.yml, .env.example and services/Dockerfile, checked without a Docker engine.

The compose file is validated against the Compose specification's JSON Schema (the copy vendored by
check-jsonschema, ``vendor.compose-spec``), then cross-checked against the project: every Herald
command is a real CLI command, every HERALD_ variable a field of the settings class that command
reads, every port the service's default metrics port, every mounted file present, every ${VAR}
documented in .env.example, and the Kafka image the version the local broker runs.
"""

from __future__ import annotations

import importlib
import importlib.util
import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import typer
import yaml

from tests.support.deploy_checks import ROOT
from tests.support.herald_commands import COMMANDS, settings_class

COMPOSE = ROOT / "docker-compose.yml"
ENV_EXAMPLE = ROOT / ".env.example"
DOCKERFILE = ROOT / "services" / "Dockerfile"
INTERPOLATION = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([^}]*))?\}")


def compose() -> dict[str, Any]:
    return yaml.safe_load(COMPOSE.read_text())


def herald_services() -> dict[str, dict[str, Any]]:
    return {n: s for n, s in compose()["services"].items() if "build" in s}


def compose_schema() -> dict[str, Any]:
    # check-jsonschema's package __init__ imports its CLI, which does not import with the click that
    # faust pins; read the vendored schema file without importing the package.
    spec = importlib.util.find_spec("check_jsonschema")
    assert spec and spec.submodule_search_locations, "check-jsonschema (dev extra) is not installed"
    path = (
        Path(next(iter(spec.submodule_search_locations))) / "builtin_schemas" / "vendor" / "compose-spec.json"
    )
    return json.loads(path.read_text())


def env_example() -> dict[str, str]:
    out = {}
    for line in ENV_EXAMPLE.read_text().splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            key, _, value = line.partition("=")
            out[key.strip()] = value
    return out


def test_compose_file_follows_the_compose_specification() -> None:
    schema = compose_schema()
    validator_cls = jsonschema.validators.validator_for(schema)
    validator_cls.check_schema(schema)
    errors = sorted(validator_cls(schema).iter_errors(compose()), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{'/'.join(map(str, e.path))}: {e.message}" for e in errors)


def test_the_schema_check_rejects_a_broken_file() -> None:
    """Guard against a schema that accepts anything: a misspelt key must fail."""
    schema = compose_schema()
    broken = compose()
    broken["services"]["poller"]["restart_policy"] = "always"
    assert list(jsonschema.validators.validator_for(schema)(schema).iter_errors(broken))


def test_every_herald_command_exists_in_the_cli() -> None:
    from herald import cli

    # Typer vendors its own click: walk groups by what they can do, not by class.
    group = typer.main.get_command(cli.app)
    for name, service in herald_services().items():
        argv = tuple(service["command"])
        assert argv in COMMANDS, f"{name}: unexpected command {argv}"
        command: Any = group
        args = list(argv)
        while hasattr(command, "list_commands") and args:
            ctx = command.context_class(command)
            if args[0] not in command.list_commands(ctx):
                break
            command = command.get_command(ctx, args.pop(0))
        assert command is not None and not hasattr(command, "list_commands"), (
            f"{name}: {argv} is not a command"
        )
        if argv[0] == "worker":
            assert args == [argv[1]] and argv[1] in cli.STAGES
        else:
            assert args == [], f"{name}: {argv} has arguments the command does not take"


def test_every_herald_variable_is_a_setting_of_that_service() -> None:
    for name, service in herald_services().items():
        cls = settings_class(COMMANDS[tuple(service["command"])][0])
        fields = {f"HERALD_{f.upper()}" for f in cls.model_fields}
        for key in service["environment"]:
            assert key.startswith("HERALD_"), f"{name}: {key} is not a Herald setting"
            assert key in fields, f"{name}: {key} is not a field of {cls.__name__}"


def test_each_service_is_checked_on_its_own_metrics_port_and_scraped_there() -> None:
    prometheus = yaml.safe_load((ROOT / "deploy/prometheus/prometheus.yml").read_text())
    targets = {
        t for job in prometheus["scrape_configs"] for sc in job["static_configs"] for t in sc["targets"]
    }
    for name, service in herald_services().items():
        module = COMMANDS[tuple(service["command"])][1]
        if module is None:
            assert "healthcheck" not in service  # a one-shot job
            continue
        port = importlib.import_module(module).DEFAULT_PORT
        probe = service["healthcheck"]["test"]
        assert probe[-1].startswith(f"http://127.0.0.1:{port}/"), name
        assert service["environment"]["HERALD_METRICS_HOST"] == "0.0.0.0", (
            f"{name} must listen beyond loopback"
        )
        assert f"{name}:{port}" in targets, f"Prometheus does not scrape {name}:{port}"


def test_restarts_healthchecks_and_dependencies() -> None:
    services = compose()["services"]
    for name, service in services.items():
        assert service.get("restart") in {"unless-stopped", "on-failure"}, name
        if name != "topics":
            assert service.get("healthcheck", {}).get("test"), f"{name} has no healthcheck"
        for dep, cond in (service.get("depends_on") or {}).items():
            assert dep in services, f"{name} depends on unknown {dep}"
            if cond["condition"] == "service_healthy":
                assert "healthcheck" in services[dep], (
                    f"{name} waits for {dep} to be healthy, which it cannot be"
                )
    assert services["topics"]["depends_on"]["kafka"]["condition"] == "service_healthy"
    for name in herald_services():
        if name not in {"topics", "heartbeat"}:
            assert services[name]["depends_on"]["topics"]["condition"] == "service_completed_successfully"


def test_images_are_pinned_and_kafka_matches_the_local_broker() -> None:
    from herald_dev.local.kafka import kafka_version

    for name, service in compose()["services"].items():
        image = service["image"]
        if "build" in service:
            assert service["build"]["context"] == "."
            assert (ROOT / service["build"]["dockerfile"]).is_file()
            continue
        repo, _, tag = image.rpartition(":")
        assert repo and tag and tag != "latest", f"{name}: pin {image} to a version"
    assert compose()["services"]["kafka"]["image"] == f"apache/kafka:{kafka_version()}"


def test_mounted_files_exist_and_grafana_finds_its_provisioning() -> None:
    defaults = {k: (v or "") for k, v in env_example().items()}
    for name, service in compose()["services"].items():
        for volume in service.get("volumes", []):
            source = INTERPOLATION.sub(
                lambda m: defaults.get(m.group(1)) or m.group(3) or "", volume.split(":")[0]
            )
            if source.startswith("."):
                assert (ROOT / source).exists(), f"{name} mounts {source}, which does not exist"
    grafana = {v.split(":")[1]: v.split(":")[0] for v in compose()["services"]["grafana"]["volumes"]}
    provider = yaml.safe_load((ROOT / "deploy/grafana/provisioning/dashboards/herald.yml").read_text())
    assert grafana[provider["providers"][0]["options"]["path"]] == "./deploy/grafana/dashboards"
    assert grafana["/etc/grafana/provisioning"] == "./deploy/grafana/provisioning"
    home = compose()["services"]["grafana"]["environment"]["GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH"]
    assert (ROOT / "deploy/grafana/dashboards" / Path(home).name).is_file()


def test_every_interpolated_variable_is_documented_in_env_example() -> None:
    used = set(INTERPOLATION.findall(COMPOSE.read_text()))
    used_names = {name for name, _, _ in used}
    documented = set(env_example())
    assert used_names == documented, (
        f"used but undocumented: {sorted(used_names - documented)}; "
        f"documented but unused: {sorted(documented - used_names)}"
    )
    # A variable without a default must be one compose refuses to run without (${VAR:?why}).
    for name, op, _ in used:
        assert op in {":-", ":?"}, f"${{{name}}} needs a default or a required-message"


def test_the_canary_goes_out_and_comes_back_to_the_heartbeat_service_only() -> None:
    """The poller fetches the canary from the heartbeat service; delivery posts its alert back there,
    signed with the secret the server verifies, which compose refuses to run without."""
    from herald.alerts.delivery_agent import sinks_from
    from herald.alerts.settings import AlertSettings
    from herald.heartbeat.server import DEFAULT_PORT

    services = compose()["services"]
    delivery, heartbeat = services["delivery"]["environment"], services["heartbeat"]["environment"]
    server = f"http://heartbeat:{DEFAULT_PORT}"
    assert heartbeat["HERALD_HEARTBEAT_BASE_URL"] == server
    assert delivery["HERALD_HEARTBEAT_WEBHOOK_URL"] == f"{server}/alerts"
    feeds = yaml.safe_load((ROOT / "deploy/compose/feeds.yaml").read_text())["feeds"]
    assert f"{server}/feed.xml" in {f["url"] for f in feeds}
    for env in (delivery, heartbeat):
        ((name, op, _),) = INTERPOLATION.findall(env["HERALD_HEARTBEAT_SECRET"])
        assert (name, op) == ("HERALD_HEARTBEAT_SECRET", ":?"), "both ends need the one required secret"
    for name, service in services.items():
        if name != "delivery":
            assert "HERALD_HEARTBEAT_WEBHOOK_URL" not in service.get("environment", {}), name
    # What delivery builds from that environment: a sink named heartbeat, pointed at the server.
    settings = AlertSettings.model_validate(
        {
            "heartbeat_webhook_url": delivery["HERALD_HEARTBEAT_WEBHOOK_URL"],
            "heartbeat_secret": "whsec_" + "Y29tcG9zZS10ZXN0",
        }
    )
    ((sink, route),) = [(s, r) for s, r in sinks_from(settings) if s.name == "heartbeat"]
    assert route.heartbeat and getattr(sink, "url", None) == f"{server}/alerts"


def test_env_example_values_are_valid_settings() -> None:
    """The documented defaults must be accepted by the settings classes that read them."""
    values = {k: v for k, v in env_example().items() if k.startswith("HERALD_") and v}
    for ref, _ in set(COMMANDS.values()):
        cls = settings_class(ref)
        fields = {f"HERALD_{f.upper()}": f for f in cls.model_fields}
        mine = {fields[k]: v for k, v in values.items() if k in fields}
        cls.model_validate(mine)


# -- services/Dockerfile -------------------------------------------------------------------------------
def dockerfile_instructions() -> list[tuple[str, str]]:
    text = DOCKERFILE.read_text().replace("\\\n", " ")
    out = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            keyword, _, rest = line.partition(" ")
            out.append((keyword.upper(), rest.strip()))
    return out


def dockerfile_bases() -> list[str]:
    """The image each FROM starts from as users build it: build arguments read as their defaults."""
    instructions = dockerfile_instructions()
    defaults = dict(rest.split("=", 1) for keyword, rest in instructions if keyword == "ARG" and "=" in rest)
    stages = {
        rest.split()[-1] for keyword, rest in instructions if keyword == "FROM" and " AS " in rest.upper()
    }
    out = []
    for keyword, rest in instructions:
        if keyword == "FROM":
            image = re.sub(r"\$\{(\w+)\}", lambda m: defaults[m.group(1)], rest.split()[0])
            if image not in stages:
                out.append(image)
    return out


def test_dockerfile_copies_only_what_exists_and_runs_as_non_root() -> None:
    instructions = dockerfile_instructions()
    for keyword, rest in instructions:
        if keyword == "COPY" and not rest.startswith("--from"):
            *sources, _dest = rest.split()
            for source in sources:
                assert (ROOT / source).exists(), f"COPY {source}: not in the repository"
    for image in dockerfile_bases():
        assert ":" in image and not image.endswith(":latest"), f"pin {image}"
    users = [rest for keyword, rest in instructions if keyword == "USER"]
    assert users and users[-1].split(":")[0] == "10001", "the runtime image must end as uid 10001"
    entrypoint = next(rest for keyword, rest in instructions if keyword == "ENTRYPOINT")
    assert json.loads(entrypoint) == ["herald"]


def test_dockerfile_python_satisfies_the_project_and_exposes_every_port() -> None:
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    minimum = tuple(int(x) for x in re.findall(r"\d+", project["requires-python"])[:2])
    for image in dockerfile_bases():
        match = re.match(r"python:(\d+)\.(\d+)", image)
        assert match and (int(match.group(1)), int(match.group(2))) >= minimum, image
    exposed = {
        int(p) for keyword, rest in dockerfile_instructions() if keyword == "EXPOSE" for p in rest.split()
    }
    ports = {importlib.import_module(m).DEFAULT_PORT for _, m in COMMANDS.values() if m}
    assert ports <= exposed


# -- deploy/ci/compose.override.yml: what CI changes, and only that ---------------------------------------
def test_the_ci_override_changes_only_images_and_build_arguments() -> None:
    """The README promises CI runs the compose file as users do, apart from the base images, Kafka and
    PostgreSQL."""
    from herald_dev.local.kafka import kafka_version

    class OverrideLoader(yaml.SafeLoader):
        """Reads podman-compose's ``!reset`` tag as the value it resets to."""

    OverrideLoader.add_constructor("!reset", lambda loader, node: loader.construct_mapping(node))
    text = (ROOT / "deploy/ci/compose.override.yml").read_text()
    override = yaml.load(text, Loader=OverrideLoader)["services"]
    base_args = set(re.findall(r"^ARG (\w+)=", (ROOT / "services/Dockerfile").read_text(), re.M))
    for name in herald_services():
        service = override[name]
        assert set(service) <= {"build", "depends_on"}, name
        assert set(service["build"]) == {"args"} and set(service["build"]["args"]) == base_args, name
    assert override["topics"]["depends_on"] == {}, "only the one-shot topics job starts without Kafka"
    assert set(override) == set(herald_services()) | {"kafka", "postgres", "prometheus", "grafana"}
    # PostgreSQL: Debian's package in place of the public image, same variables and data path.
    assert set(override["postgres"]) == {"image", "build"}
    # Kafka: the jars `herald kafka install` resolves, of the version the public image runs.
    assert f"./.herald/kafka-dist/{kafka_version()}/libs:/opt/kafka/libs:ro" in override["kafka"]["volumes"]
    assert set(override["prometheus"]) == {"image", "entrypoint", "volumes"}
    assert override["grafana"] == {"profiles": ["grafana"]}


@pytest.mark.parametrize("script", ["scripts/install-tools.sh", "scripts/local-images.sh"])
def test_tool_installer_is_executable(script: str) -> None:
    import os

    assert os.access(ROOT / script, os.X_OK)
