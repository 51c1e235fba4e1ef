"""``herald heartbeat serve``: run the canary feed and its alert endpoint until SIGTERM."""

from __future__ import annotations

import signal
import threading
from types import FrameType

import typer

app = typer.Typer(
    help="The pipeline heartbeat: a canary feed whose alert proves every stage moves.", no_args_is_help=True
)


@app.command("serve")
def serve() -> None:
    """Serve /feed.xml, /alerts, /metrics, /healthz on HERALD_METRICS_HOST:HERALD_METRICS_PORT (9107)."""
    from prometheus_client import REGISTRY

    from herald.core import logs

    from .server import DEFAULT_PORT, Heartbeat, HeartbeatServer, log
    from .settings import HeartbeatSettings

    settings = HeartbeatSettings()
    logs.configure(settings.log_level, settings.log_format)
    if not settings.heartbeat_secret.get_secret_value():
        log.warning("HERALD_HEARTBEAT_SECRET is empty: unsigned posts to /alerts are accepted")
    server = HeartbeatServer(
        Heartbeat(settings, REGISTRY), REGISTRY, settings.metrics_host, settings.metrics_port or DEFAULT_PORT
    ).start()
    log.info(
        "heartbeat serving",
        extra={
            "url": server.url,
            "interval_s": settings.heartbeat_interval_seconds,
            "feed": f"{server.url}/feed.xml",
        },
    )
    stop = threading.Event()

    def on_signal(signum: int, frame: FrameType | None) -> None:
        stop.set()

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    stop.wait()
    server.stop()
