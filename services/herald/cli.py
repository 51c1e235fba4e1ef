"""``herald <command>``: the one entry point of every process and tool.

Each command builds its settings object from the environment, once, and passes it down. The commands
here are the ones an installed wheel runs; development tools (the local broker, ``herald up``,
benchmarks, plots) live in the separate ``herald-dev`` distribution and join this CLI through the
``herald.commands`` entry-point group, so a plain install lists only what works there.
"""

from __future__ import annotations

import asyncio
import signal
import sys
from collections.abc import Callable, Iterable
from importlib.metadata import entry_points
from pathlib import Path
from typing import Annotated, Any

import typer

from herald.core import logs
from herald.heartbeat.command import app as heartbeat_app
from herald.poller.cli import app as feeds_app

app = typer.Typer(help="Herald: news feeds in, alerts on what is new and serious out.", no_args_is_help=True)
app.add_typer(heartbeat_app, name="heartbeat")
app.add_typer(feeds_app, name="feeds")

STAGES = ("dedup", "enrich", "classify", "novelty", "delivery")
# `herald worker light`: the stages cheap per article, in one process (bench/README.md has the figures).
LIGHT = "light"
LIGHT_STAGES = ("dedup", "classify", "novelty")
LIGHT_HELP = f"{', '.join(LIGHT_STAGES)} in one process"


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
def worker(
    stage: Annotated[str, typer.Argument(help=f"One of: {', '.join(STAGES)}; or {LIGHT} ({LIGHT_HELP}).")],
) -> None:
    """Run one stream stage as a Faust worker (``light``: the light stages in one process)."""
    from prometheus_client import REGISTRY

    from herald.core.worker import run

    if stage == LIGHT:
        # The same apps as ``worker dedup|classify|novelty`` (same groups, topics and changelogs), in
        # one process: a small host runs enrich, delivery and this instead of five workers.
        (app, settings), *rest = light_apps(REGISTRY)
        companions = [a for a, _ in rest]
        logs.configure(settings.log_level, settings.log_format)
        run(app, settings, *companions)
        return
    if stage not in STAGES:
        raise typer.BadParameter(f"unknown stage {stage!r}; choose one of {', '.join(STAGES)} or {LIGHT}")
    app, settings = _stage_app(stage, REGISTRY)
    logs.configure(settings.log_level, settings.log_format)
    run(app, settings)


def light_apps(registry: Any) -> list[tuple[Any, Any]]:
    """The light stages' apps and settings, each built as its own ``herald worker <stage>`` builds it."""
    return [_stage_app(s, registry) for s in LIGHT_STAGES]


def _stage_app(stage: str, registry: Any) -> tuple[Any, Any]:
    """One stage's Faust app, built with the settings class that stage reads."""
    if stage in ("novelty", "delivery"):
        from herald.alerts.settings import AlertSettings

        settings = AlertSettings()
        if stage == "novelty":
            from herald.alerts.novelty_agent import build
        else:
            from herald.alerts.delivery_agent import build  # type: ignore[assignment]
        return build(settings, registry), settings
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
        from herald.classify.settings import ClassifySettings

        core = ClassifySettings()  # the classify stage's own settings extend the core ones
    return build_stage(core, registry), core


@app.command()
def store() -> None:
    """Run the store stage: articles, events, stories, alerts and series into the database.

    The database is HERALD_STORE_URL (SQLite under the state directory when unset); its schema is
    created or upgraded on start.
    """
    from prometheus_client import REGISTRY

    from herald.core.worker import run
    from herald.store.agent import build
    from herald.store.settings import StoreSettings

    settings = StoreSettings()
    logs.configure(settings.log_level, settings.log_format)
    run(build(settings, REGISTRY), settings)


@app.command()
def api() -> None:
    """Serve the read-only query API over the store (HERALD_STORE_URL) on HERALD_API_HOST:HERALD_API_PORT."""
    from herald.api.command import main as serve_api

    serve_api()


@app.command()
def analyze(
    files: Annotated[
        list[Path], typer.Argument(help="JSONL of articles (or events), or RSS/Atom files.", exists=True)
    ],
    events: Annotated[bool, typer.Option(help="FILE holds events: replay them through novelty.")] = False,
    explain: Annotated[
        bool,
        typer.Option(
            help="Add an 'explain' line per event: why each alert fired, why others did not; and a 'vetoed' "
            "line per article whose types the learned type veto dropped."
        ),
    ] = False,
    store: Annotated[
        Path | None,
        typer.Option(
            help="Also write the articles, events and alerts into this SQLite file (the store's schema)."
        ),
    ] = None,
) -> None:
    """Replay articles offline through the same stage functions; print article, event, alert lines.

    Several files are replayed together, in published order. A JSONL line that cannot be read is
    reported on stderr with its line number and field and skipped; the exit code is then 1.
    With ``--store FILE`` the same records also go into FILE through the store stage's writer.
    """
    from herald.alerts.settings import AlertSettings
    from herald.analyze import BadLine, Replay, dumps, read_articles

    novelty = AlertSettings().novelty()
    into = _analyze_store(store)
    if events:
        from herald.analyze import read_events, replay_events

        bad_events: list[BadLine] = []
        history = [e for path in files for e in read_events(path, bad_events)]
        for problem in bad_events:
            typer.echo(f"skipped {problem}", err=True)
        for line in into(replay_events(history, novelty, explain=explain)):
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
    from herald.classify.settings import ClassifySettings

    veto = ClassifySettings().classify_type_veto
    replay = Replay(Enricher(nlp.load()), novelty, explain=explain, type_veto=veto)
    for line in into(replay.run(articles)):
        sys.stdout.write(dumps(line) + "\n")
    if bad:
        raise typer.Exit(1)


def _analyze_store(path: Path | None) -> Callable[[Iterable[dict[str, Any]]], Iterable[dict[str, Any]]]:
    """The line filter ``analyze --store`` runs the replay through (none without the option)."""
    if path is None:
        return lambda lines: lines
    from herald.analyze import store_lines
    from herald.store.database import engine_for
    from herald.store.migrate import migrate
    from herald.store.settings import StoreSettings
    from herald.store.writer import Writer

    engine = engine_for(f"sqlite:///{path.resolve()}")
    migrate(engine)
    writer = Writer(engine, keep_text=StoreSettings().store_keep_text)

    def write(records: list[Any]) -> None:
        _, failures = writer.write(records)
        for failure in failures:
            typer.echo(f"not stored: {records[failure.index].id}: {failure.error}", err=True)

    return lambda lines: store_lines(lines, write)


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
        from herald.classify.settings import ClassifySettings

        replay = Replay(Enricher(nlp.load()), type_veto=ClassifySettings().classify_type_veto)
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


PLUGIN_GROUP = "herald.commands"


def plug_in(cli: typer.Typer) -> list[str]:
    """Let installed distributions add commands: each entry point is ``register(app) -> None``.

    A plugin that fails to import raises: a half-installed development package should be loud, not a
    command that silently went missing.
    """
    names = []
    for ep in sorted(entry_points(group=PLUGIN_GROUP), key=lambda e: e.name):
        ep.load()(cli)
        names.append(ep.name)
    return names


def main() -> None:
    plug_in(app)
    app()


if __name__ == "__main__":
    main()
