"""``herald <command>``: the one entry point of every process and tool.

Each command builds its settings object from the environment, once, and passes it down.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import signal
import sys
import time
from pathlib import Path
from typing import Annotated

import typer

from herald import benchmark
from herald.core import logs
from herald.heartbeat.command import app as heartbeat_app
from herald.plot import command as plot_command
from herald.poller.cli import app as feeds_app

app = typer.Typer(help="Herald: news feeds in, alerts on what is new and serious out.", no_args_is_help=True)
kafka_app = typer.Typer(
    help="The local single-node Kafka broker (KRaft, from Maven jars).", no_args_is_help=True
)
app.add_typer(kafka_app, name="kafka")
app.add_typer(heartbeat_app, name="heartbeat")
app.command("plot")(plot_command)
app.add_typer(feeds_app, name="feeds")

STAGES = ("dedup", "enrich", "classify", "novelty", "delivery")


def _local_kafka():  # type: ignore[no-untyped-def]
    from herald.local.kafka import LocalKafka, LocalKafkaSettings

    settings = LocalKafkaSettings()
    logs.configure(settings.log_level, settings.log_format)
    return LocalKafka(settings)


@kafka_app.command("install")
def kafka_install() -> None:
    """Resolve the broker's jars with Maven (once per version)."""
    broker = _local_kafka()
    broker.install()
    typer.echo(f"Kafka {broker.version} jars in {broker.libs}")


@kafka_app.command("start")
def kafka_start() -> None:
    """Start the broker unless it runs, wait until it answers, create the topics."""
    broker = _local_kafka()
    started, seconds = broker.start()
    if started:
        typer.echo(
            f"Kafka {broker.version} started on {broker.settings.kafka_bootstrap} in {seconds:.1f}s "
            f"(pid {broker.pid()}, log {broker.log_file})"
        )
    else:
        typer.echo(f"Kafka already running on {broker.settings.kafka_bootstrap} (pid {broker.pid()})")


@kafka_app.command("stop")
def kafka_stop() -> None:
    """Stop the broker (controlled shutdown)."""
    broker = _local_kafka()
    typer.echo("Kafka stopped" if broker.stop() else "Kafka was not running")


@kafka_app.command("status")
def kafka_status() -> None:
    """Say whether the broker runs and answers."""
    broker = _local_kafka()
    st = broker.status()
    if not st.running:
        typer.echo(f"Kafka is not running (bootstrap {st.bootstrap})")
        raise typer.Exit(1)
    typer.echo(
        f"Kafka running: pid {st.pid}, bootstrap {st.bootstrap}, answering={st.answering}, log {st.log_file}"
    )


@app.command()
def topics() -> None:
    """Create every topic in the registry that does not exist yet."""
    from herald.core.kafka import ensure_topics
    from herald.core.settings import CoreSettings

    settings = CoreSettings()
    created = ensure_topics(settings)
    typer.echo(f"created: {', '.join(created) or 'nothing (all exist)'}")


@app.command()
def poll(
    feeds: Annotated[Path | None, typer.Option(help="YAML feed list (default: HERALD_FEEDS_FILE).")] = None,
    once: Annotated[bool, typer.Option(help="Poll every feed once and exit.")] = False,
) -> None:
    """Run the feed poller."""
    from prometheus_client import REGISTRY, start_http_server

    from herald.poller import feeds as feedlist
    from herald.poller.service import DEFAULT_PORT, Poller
    from herald.poller.settings import PollerSettings

    settings = PollerSettings()
    logs.configure(settings.log_level, settings.log_format)
    path = feeds or settings.feeds_file
    if path is None:
        raise typer.BadParameter("no feed list: pass --feeds or set HERALD_FEEDS_FILE")
    start_http_server(settings.metrics_port or DEFAULT_PORT, addr=settings.metrics_host, registry=REGISTRY)

    async def main() -> None:
        poller = Poller(settings, feedlist.load(path), REGISTRY)
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(sig, stop.set)
        try:
            if once:
                n = await poller.run_once()
                typer.echo(f"sent {n} new articles")
            else:
                await poller.run(stop)
        finally:
            await poller.close()

    asyncio.run(main())


@app.command()
def worker(stage: Annotated[str, typer.Argument(help=f"One of: {', '.join(STAGES)}.")]) -> None:
    """Run one stream stage as a Faust worker."""
    from prometheus_client import REGISTRY

    from herald.core.worker import run

    if stage not in STAGES:
        raise typer.BadParameter(f"unknown stage {stage!r}; choose one of {', '.join(STAGES)}")
    if stage in ("novelty", "delivery"):
        from herald.alerts.settings import AlertSettings

        settings = AlertSettings()
        logs.configure(settings.log_level, settings.log_format)
        if stage == "novelty":
            from herald.alerts.novelty_agent import build
        else:
            from herald.alerts.delivery_agent import build  # type: ignore[assignment]
        run(build(settings, REGISTRY), settings)
        return
    from herald.core.settings import CoreSettings

    core = CoreSettings()
    if stage == "dedup":
        from herald.dedup.agent import build as build_stage
        from herald.dedup.settings import DedupSettings

        core = DedupSettings()  # the dedup stage's own settings extend the core ones
    elif stage == "enrich":
        from herald.enrich.agent import build as build_stage  # type: ignore[assignment]
    else:
        from herald.classify.agent import build as build_stage  # type: ignore[assignment]
    logs.configure(core.log_level, core.log_format)
    run(build_stage(core, REGISTRY), core)


@app.command()
def analyze(
    files: Annotated[
        list[Path], typer.Argument(help="JSONL of articles (or events), or RSS/Atom files.", exists=True)
    ],
    events: Annotated[bool, typer.Option(help="FILE holds events: replay them through novelty.")] = False,
    explain: Annotated[
        bool, typer.Option(help="Add an 'explain' line per event: why each alert fired, why others did not.")
    ] = False,
) -> None:
    """Replay articles offline through the same stage functions; print article, event, alert lines.

    Several files are replayed together, in published order. A JSONL line that cannot be read is
    reported on stderr with its line number and field and skipped; the exit code is then 1.
    """
    from herald.alerts.settings import AlertSettings
    from herald.analyze import BadLine, Replay, dumps, read_articles

    novelty = AlertSettings().novelty()
    if events:
        from herald.analyze import read_events, replay_events

        bad_events: list[BadLine] = []
        history = [e for path in files for e in read_events(path, bad_events)]
        for problem in bad_events:
            typer.echo(f"skipped {problem}", err=True)
        for line in replay_events(history, novelty, explain=explain):
            sys.stdout.write(dumps(line) + "\n")
        if bad_events:
            raise typer.Exit(1)
        return
    from herald.enrich import nlp
    from herald.enrich.extract import Enricher

    bad: list[BadLine] = []
    articles = [a for path in files for a in read_articles(path, bad)]
    for problem in bad:
        typer.echo(f"skipped {problem}", err=True)
    replay = Replay(Enricher(nlp.load()), novelty, explain=explain)
    for line in replay.run(articles):
        sys.stdout.write(dumps(line) + "\n")
    if bad:
        raise typer.Exit(1)


@app.command()
def backfill(
    files: Annotated[list[Path], typer.Argument(help="JSONL of events or articles, or feeds.", exists=True)],
    output: Annotated[Path | None, typer.Option(help="Write the history events here, not to Kafka.")] = None,
) -> None:
    """Seed novelty with history: learned by the novelty worker, never alerted (see alerts README)."""
    from herald.alerts import backfill as seed
    from herald.analyze import read_events

    events = []
    for path in files:
        if seed.is_events_file(path):
            events.extend(read_events(path))
            continue
        from herald.analyze import BadLine, Replay, read_articles
        from herald.core.records import Event
        from herald.enrich import nlp
        from herald.enrich.extract import Enricher

        bad: list[BadLine] = []
        articles = read_articles(path, bad)
        for problem in bad:
            typer.echo(f"skipped {problem}", err=True)
        replay = Replay(Enricher(nlp.load()))
        lines = replay.run(articles)
        events.extend(Event.model_validate(line) for line in lines if line["kind"] == "event")
    history = seed.as_history(events)
    if output is not None:
        typer.echo(f"wrote {seed.write_jsonl(history, output)} history events to {output}")
        return
    from herald.core import topics as topic_registry
    from herald.core.kafka import producer
    from herald.core.settings import CoreSettings

    settings = CoreSettings()
    logs.configure(settings.log_level, settings.log_format)
    prod = producer(settings, "herald-backfill")
    futures = []
    sent = seed.publish(
        history, lambda t, k, v: futures.append(prod.send(t, key=k, value=v)), topic_registry.EVENTS.name
    )
    prod.flush()
    for future in futures:  # raise if any history event did not reach the broker
        future.get(timeout=60)
    prod.close()
    typer.echo(f"sent {sent} history events to {topic_registry.EVENTS.name}")


@app.command()
def up(
    feeds: Annotated[
        Path | None, typer.Option(help="YAML feed list; without one, the embedded demo runs.")
    ] = None,
    duration: Annotated[float, typer.Option(help="Stop after this many seconds (0: until Ctrl-C).")] = 0.0,
    demo_port: Annotated[int, typer.Option(help="Port of the demo's own broker.")] = 19092,
) -> None:
    """Run everything on this machine: Kafka, topics, every service; the demo when no feeds are given."""
    from herald.local import demo
    from herald.local.kafka import LocalKafka, LocalKafkaSettings
    from herald.local.supervisor import SERVICES, Child, Supervisor, herald_argv

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
    started, seconds = broker.start()
    how = f"started in {seconds:.1f}s" if started else "already running"
    typer.echo(f"Kafka {broker.version} {how} on {settings.kafka_bootstrap}")
    env.update(HERALD_STATE_DIR=str(state), HERALD_KAFKA_BOOTSTRAP=settings.kafka_bootstrap)
    servers = None
    if feeds_path is None:
        from herald.alerts.sinks.webhook import decode_secret

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
    children += [Child(s, herald_argv("worker", s), env, state / "logs" / f"{s}.log") for s in SERVICES]
    sup = Supervisor(children)
    sup.start_all()
    typer.echo(f"Started {', '.join(c.name for c in children)}; logs in {state / 'logs'}. Ctrl-C stops all.")
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


app.command("bench", context_settings=benchmark.CONTEXT, add_help_option=False)(benchmark.bench)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
