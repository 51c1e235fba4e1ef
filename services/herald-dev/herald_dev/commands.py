"""The development commands ``herald-dev`` adds to the ``herald`` CLI: ``up``, ``kafka``, ``bench``, ``plot``.

They need a source checkout (the broker's Maven project, ``bench/``) or development-only dependencies
(matplotlib, psutil), so they are not part of the installed service. ``register`` is the
``herald.commands`` entry point ``herald.cli`` calls; everything heavy is imported when a command runs.
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from herald.core import logs
from herald_dev import bench
from herald_dev.plot import command as plot_command

if TYPE_CHECKING:
    from herald_dev.local.cluster import LocalKafkaCluster
    from herald_dev.local.kafka import LocalKafka
    from herald_dev.local.supervisor import Child

kafka_app = typer.Typer(
    help="The local Kafka: one KRaft broker, or a cluster of several (from Maven jars).",
    no_args_is_help=True,
)

Brokers = Annotated[
    int,
    typer.Option(
        "--brokers",
        min=1,
        help="Nodes (controller and broker each). Above 1, the nodes listen on the port pairs from "
        "HERALD_KAFKA_BOOTSTRAP's port on (9092, 9094, 9096 ...), unless it lists one address per node.",
    ),
]


def _local_kafka(brokers: int = 1) -> LocalKafka | LocalKafkaCluster:
    from herald_dev.local.cluster import LocalKafkaCluster
    from herald_dev.local.kafka import LocalKafka, LocalKafkaSettings

    settings = LocalKafkaSettings()
    logs.configure(settings.log_level, settings.log_format)
    if brokers > 1:
        return LocalKafkaCluster(settings, brokers, min_insync_replicas=max(1, brokers - 1))
    return LocalKafka(settings)


@kafka_app.command("install")
def kafka_install() -> None:
    """Resolve the broker's jars with Maven (once per version)."""
    from herald_dev.local.kafka import LocalKafka, LocalKafkaSettings

    settings = LocalKafkaSettings()
    logs.configure(settings.log_level, settings.log_format)
    broker = LocalKafka(settings)
    broker.install()
    typer.echo(f"Kafka {broker.version} jars in {broker.libs}")


@kafka_app.command("start")
def kafka_start(brokers: Brokers = 1) -> None:
    """Start the broker (or cluster) unless it runs, wait until it answers, create the topics.

    With several brokers, create the topics replicated: run it with HERALD_REPLICATION_FACTOR=3 and
    HERALD_MIN_INSYNC_REPLICAS=2, and give the services the same variables and the printed bootstrap.
    """
    from herald_dev.local.cluster import LocalKafkaCluster

    broker = _local_kafka(brokers)
    started, seconds = broker.start()
    if isinstance(broker, LocalKafkaCluster):
        nodes = ", ".join(f"node {i + 1} pid {n.pid()} log {n.log_file}" for i, n in enumerate(broker.nodes))
        how = f"started in {seconds:.1f}s" if started else "already running"
        typer.echo(
            f"Kafka {broker.version} cluster {how}: HERALD_KAFKA_BOOTSTRAP={broker.settings.kafka_bootstrap}"
        )
        typer.echo(nodes)
        return
    if started:
        typer.echo(
            f"Kafka {broker.version} started on {broker.settings.kafka_bootstrap} in {seconds:.1f}s "
            f"(pid {broker.pid()}, log {broker.log_file})"
        )
    else:
        typer.echo(f"Kafka already running on {broker.settings.kafka_bootstrap} (pid {broker.pid()})")


@kafka_app.command("stop")
def kafka_stop(brokers: Brokers = 1) -> None:
    """Stop the broker or every node of the cluster (controlled shutdown)."""
    broker = _local_kafka(brokers)
    typer.echo("Kafka stopped" if broker.stop() else "Kafka was not running")


@kafka_app.command("status")
def kafka_status(brokers: Brokers = 1) -> None:
    """Say whether the broker (or which nodes of the cluster) run and answer."""
    from herald_dev.local.cluster import LocalKafkaCluster

    broker = _local_kafka(brokers)
    if isinstance(broker, LocalKafkaCluster):
        cst = broker.status()
        if not cst.running:
            typer.echo(f"Kafka cluster is not running (bootstrap {cst.bootstrap})")
            raise typer.Exit(1)
        typer.echo(
            f"Kafka cluster: nodes running {cst.running}, bootstrap {cst.bootstrap}, "
            f"answering={cst.answering}"
        )
        return
    st = broker.status()
    if not st.running:
        typer.echo(f"Kafka is not running (bootstrap {st.bootstrap})")
        raise typer.Exit(1)
    typer.echo(
        f"Kafka running: pid {st.pid}, bootstrap {st.bootstrap}, answering={st.answering}, log {st.log_file}"
    )


def up(
    feeds: Annotated[
        Path | None, typer.Option(help="YAML feed list; without one, the embedded demo runs.")
    ] = None,
    duration: Annotated[float, typer.Option(help="Stop after this many seconds (0: until Ctrl-C).")] = 0.0,
    demo_port: Annotated[int, typer.Option(help="Port of the demo's own broker.")] = 19092,
    light: Annotated[
        bool, typer.Option(help="Run dedup, classify and novelty in one `herald worker light` process.")
    ] = False,
) -> None:
    """Run everything on this machine: Kafka, topics, every service; the demo when no feeds are given."""
    from herald.cli import LIGHT, LIGHT_STAGES
    from herald_dev.local import demo
    from herald_dev.local.kafka import LocalKafka, LocalKafkaSettings
    from herald_dev.local.supervisor import SERVICES, Child, Supervisor, herald_argv

    settings = LocalKafkaSettings()
    logs.configure(settings.log_level, settings.log_format)
    from herald.alerts.settings import AlertSettings
    from herald.poller.settings import PollerSettings

    env = dict(os.environ)  # children inherit the caller's settings, with the overrides below
    feeds_path = feeds or PollerSettings().feeds_file
    demo_mode = feeds_path is None
    if demo_mode:
        # The demo gets a broker and state of its own, wiped each time, so it shows the same news day
        # on every run and never mixes with a real deployment's state.
        settings = settings.model_copy(
            update={"state_dir": settings.state_dir / "demo", "kafka_bootstrap": f"127.0.0.1:{demo_port}"}
        )
    state = settings.state_dir.resolve()
    broker = LocalKafka(settings)
    if demo_mode:
        broker.stop()
        broker.wipe()
        shutil.rmtree(state / "faust", ignore_errors=True)
        for stale in state.glob("store.db*"):  # the demo's event store starts empty like its broker
            stale.unlink()
    started, seconds = broker.start()
    how = f"started in {seconds:.1f}s" if started else "already running"
    typer.echo(f"Kafka {broker.version} {how} on {settings.kafka_bootstrap}")
    env.update(HERALD_STATE_DIR=str(state), HERALD_KAFKA_BOOTSTRAP=settings.kafka_bootstrap)
    servers = None
    if feeds_path is None:
        from herald.core.webhooks import decode_secret

        secret = AlertSettings().webhook_secret.get_secret_value() or demo.DEMO_SECRET
        feeds_path = state / "feeds.yaml"
        feed_server, receiver = demo.start(decode_secret(secret), feeds_path)
        servers = (feed_server, receiver)
        env.update(
            HERALD_WEBHOOK_URL=receiver.url, HERALD_WEBHOOK_SECRET=secret, HERALD_ALLOW_HOSTS="127.0.0.1"
        )
        typer.echo(
            f"Demo: a scripted news day at {feed_server.url('kyiv-ledger')} and "
            f"{feed_server.url('world-wire')}; alerts go to {receiver.url} and are printed here."
        )
    env["HERALD_FEEDS_FILE"] = str(feeds_path)
    children = [Child("poller", herald_argv("poll"), env, state / "logs" / "poller.log")]
    workers = [LIGHT, *(s for s in SERVICES if s not in LIGHT_STAGES)] if light else SERVICES
    children += [Child(s, herald_argv("worker", s), env, state / "logs" / f"{s}.log") for s in workers]
    # The event store: SQLite under the state directory unless HERALD_STORE_URL names a database.
    children.append(Child("store", herald_argv("store"), env, state / "logs" / "store.log"))
    if not env.get("HERALD_STORE_URL"):
        typer.echo(f"Event store: SQLite at {state / 'store.db'}")
    api_url = _api_child(env, state, children)
    sup = Supervisor(children)
    sup.start_all()
    typer.echo(f"Started {', '.join(c.name for c in children)}; logs in {state / 'logs'}. Ctrl-C stops all.")
    typer.echo(f"Ask Herald: {api_url}/v1/events (OpenAPI at {api_url}/openapi.yaml)")
    deadline = time.monotonic() + duration if duration else None
    try:
        while deadline is None or time.monotonic() < deadline:
            sup.tick()
            time.sleep(0.2)
    except KeyboardInterrupt:
        typer.echo("\nStopping...")
    finally:
        sup.stop_all()
        if servers:
            servers[0].stop()
            servers[1].stop()
        if started:
            broker.stop()
    if started:
        typer.echo("All services stopped, and the broker this command started.")
    else:
        typer.echo("All services stopped; the broker was already running and keeps running.")


def _api_child(env: dict[str, str], state: Path, children: list[Child]) -> str:
    """Add the query API over the store the store child fills, and return its URL.

    It binds to loopback whatever HERALD_API_HOST says: ``herald up`` is a workstation command and the
    API needs no token there; a deployment that serves beyond loopback runs ``herald api`` itself.
    """
    from herald.api.settings import ApiSettings
    from herald_dev.local.supervisor import Child, herald_argv

    api_env = {**env, "HERALD_API_HOST": "127.0.0.1"}
    port = ApiSettings(api_host="127.0.0.1").api_port
    children.append(Child("api", herald_argv("api"), api_env, state / "logs" / "api.log"))
    return f"http://127.0.0.1:{port}"


def register(app: typer.Typer) -> None:
    """Add the development commands to ``app`` (the ``herald.commands`` entry point)."""
    app.add_typer(kafka_app, name="kafka")
    app.command("up")(up)
    app.command("plot")(plot_command)
    app.command("bench", context_settings=bench.CONTEXT, add_help_option=False)(bench.bench)
