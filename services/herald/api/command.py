"""``herald api``: serve the query API until SIGTERM or Ctrl-C."""

from __future__ import annotations

import asyncio
import signal
import sys

from aiohttp import web
from prometheus_client import REGISTRY, CollectorRegistry
from pydantic import ValidationError

from .app import build, log
from .database import Store
from .settings import ApiSettings


def load_settings() -> ApiSettings:
    """The settings, or a one-line reason on stderr and exit status 2 (no traceback for a config error)."""
    try:
        return ApiSettings()
    except ValidationError as exc:
        for error in exc.errors():
            sys.stderr.write(f"herald api: {error['msg'].removeprefix('Value error, ')}\n")
        raise SystemExit(2) from None


async def serve(settings: ApiSettings, registry: CollectorRegistry = REGISTRY) -> None:
    store = Store.connect(settings.database_url, settings.api_query_timeout_seconds, settings.api_threads)
    runner = web.AppRunner(build(settings, store, registry), access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, settings.api_host, settings.api_port)
    await site.start()
    port = runner.addresses[0][1]
    url = f"http://{settings.api_host}:{port}"
    log.info("api serving", extra={"url": url, "store": store.engine.url.render_as_string()})
    sys.stdout.write(f"herald api: serving {url} (OpenAPI at {url}/openapi.yaml)\n")
    sys.stdout.flush()
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    try:
        await stop.wait()
    finally:
        await runner.cleanup()
        store.close()


def main() -> None:
    from herald.core import logs

    settings = load_settings()
    logs.configure(settings.log_level, settings.log_format)
    asyncio.run(serve(settings))
