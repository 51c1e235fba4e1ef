"""The real query API on 127.0.0.1, served from a thread with its own event loop, for HTTP tests."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from aiohttp import web
from prometheus_client import CollectorRegistry

from herald.api.app import build
from herald.api.database import Store
from herald.api.settings import ApiSettings


def api_settings(**overrides: object) -> ApiSettings:
    """Small pages, so paging is exercised on the small demo store."""
    base: dict[str, object] = {"api_max_page_size": 5, "api_default_page_size": 3}
    base.update(overrides)
    return ApiSettings(**base)  # type: ignore[arg-type]


@contextmanager
def serving(settings: ApiSettings, store: Store) -> Iterator[str]:
    """Serve the API over ``store`` on a free port; yield its base URL; stop it on exit."""
    loop = asyncio.new_event_loop()
    runner = web.AppRunner(build(settings, store, CollectorRegistry()), access_log=None)

    async def start() -> str:
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        return f"http://127.0.0.1:{runner.addresses[0][1]}"

    thread = threading.Thread(target=loop.run_forever, name="api-test-loop", daemon=True)
    thread.start()
    url = asyncio.run_coroutine_threadsafe(start(), loop).result(timeout=30)
    try:
        yield url
    finally:
        asyncio.run_coroutine_threadsafe(runner.cleanup(), loop).result(timeout=30)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(timeout=30)
        loop.close()
