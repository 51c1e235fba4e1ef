"""The query API's aiohttp application: routes, auth, errors and metrics around the store's queries.

Read-only by construction: only GET routes, and the store's connections are read-only. Every failure
becomes a JSON body a client can act on (400 names the parameter, 503 says the query took too long or
the store is not ready); a traceback goes to the log, never to the client.
"""

from __future__ import annotations

import hmac
import json
import logging
import time
from collections.abc import Awaitable, Callable
from datetime import datetime
from importlib import resources
from typing import Any

from aiohttp import web
from prometheus_client import CollectorRegistry, generate_latest
from prometheus_client.exposition import CONTENT_TYPE_LATEST

from herald.store import queries

from . import params
from .database import QueryTimeout, Store, StoreNotReady
from .metrics import UNMATCHED, ApiMetrics
from .settings import ApiSettings

log = logging.getLogger("herald.api")

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
# Routes anyone who can reach the port may read: they hold no news.
OPEN_PATHS = {"/healthz", "/metrics", "/openapi.yaml"}

STORE: web.AppKey[Store] = web.AppKey("store", Store)
SETTINGS: web.AppKey[ApiSettings] = web.AppKey("settings", ApiSettings)
METRICS: web.AppKey[ApiMetrics] = web.AppKey("metrics", ApiMetrics)
REGISTRY: web.AppKey[CollectorRegistry] = web.AppKey("registry", CollectorRegistry)


def _default(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    raise TypeError(f"not JSON: {type(value).__name__}")


def dumps(value: Any) -> str:
    return json.dumps(value, default=_default, ensure_ascii=False)


def reply(body: Any, status: int = 200) -> web.Response:
    return web.json_response(body, status=status, dumps=dumps)


def problem(status: int, error: str, message: str, **extra: str) -> web.Response:
    return reply({"error": error, "message": message, **extra}, status)


def _route(request: web.Request) -> str:
    info = request.match_info
    resource = info.route.resource if info.http_exception is None else None
    return resource.canonical if resource is not None else UNMATCHED


@web.middleware
async def observe(request: web.Request, handler: Handler) -> web.StreamResponse:
    metrics = request.app[METRICS]
    route = _route(request)
    start = time.perf_counter()
    status = 500
    try:
        response = await handler(request)
        status = response.status
        return response
    finally:
        metrics.latency.labels(route).observe(time.perf_counter() - start)
        metrics.requests.labels(route, str(status)).inc()


@web.middleware
async def errors(request: web.Request, handler: Handler) -> web.StreamResponse:
    try:
        return await handler(request)
    except params.BadParameter as exc:
        return problem(400, "bad_parameter", exc.message, parameter=exc.parameter)
    except QueryTimeout:
        request.app[METRICS].query_timeouts.labels(_route(request)).inc()
        limit = request.app[SETTINGS].api_query_timeout_seconds
        return problem(503, "query_timeout", f"the query took longer than {limit:g} s; narrow the filters")
    except StoreNotReady:
        return problem(503, "store_not_ready", "the store has no tables yet; is the store stage running?")
    except web.HTTPException as exc:
        if exc.status < 400:
            raise
        return problem(exc.status, exc.reason.lower().replace(" ", "_"), exc.reason)
    except Exception:
        log.exception("request failed", extra={"path": request.path})
        return problem(500, "internal", "the request failed; the server's log has the details")


@web.middleware
async def auth(request: web.Request, handler: Handler) -> web.StreamResponse:
    token = request.app[SETTINGS].api_token.get_secret_value()
    if token and request.path not in OPEN_PATHS:
        given = request.headers.get("Authorization", "")
        scheme, _, credential = given.partition(" ")
        # compare_digest on bytes: the time taken does not depend on how much of the token matched.
        if scheme.lower() != "bearer" or not hmac.compare_digest(credential.strip().encode(), token.encode()):
            response = problem(401, "unauthorized", "send Authorization: Bearer <HERALD_API_TOKEN>")
            response.headers["WWW-Authenticate"] = 'Bearer realm="herald"'
            return response
    return await handler(request)


# -- handlers --------------------------------------------------------------------------------------
async def healthz(request: web.Request) -> web.Response:
    return reply({"ok": True})


async def metrics(request: web.Request) -> web.Response:
    body = generate_latest(request.app[REGISTRY])
    return web.Response(body=body, headers={"Content-Type": CONTENT_TYPE_LATEST})


def openapi_document() -> bytes:
    return resources.files("herald.api").joinpath("openapi.yaml").read_bytes()


async def openapi(request: web.Request) -> web.Response:
    return web.Response(body=openapi_document(), content_type="application/yaml")


async def list_events(request: web.Request) -> web.Response:
    settings = request.app[SETTINGS]
    query = request.query
    params.only(query, params.EVENT_PARAMS)
    flt = params.event_filter(query)
    size = params.limit(query, settings.api_default_page_size, settings.api_max_page_size)
    page = await request.app[STORE].run(queries.list_events, flt, size, params.cursor(query))
    return reply({"events": page.items, "next_cursor": page.next_cursor})


async def _export(request: web.Request) -> list[dict[str, Any]]:
    settings = request.app[SETTINGS]
    params.only(request.query, params.EXPORT_PARAMS)
    flt = params.event_filter(request.query)
    size = params.limit(request.query, settings.api_export_max_rows, settings.api_export_max_rows)
    return await request.app[STORE].run(queries.export_rows, flt, size)


async def events_csv(request: web.Request) -> web.Response:
    rows = await _export(request)
    return web.Response(
        text=queries.events_csv(rows),
        content_type="text/csv",
        headers={"Content-Disposition": 'attachment; filename="herald-events.csv"'},
    )


async def events_geojson(request: web.Request) -> web.Response:
    rows = await _export(request)
    return web.Response(text=dumps(queries.events_geojson(rows)), content_type="application/geo+json")


async def story(request: web.Request) -> web.Response:
    params.only(request.query, set())
    story_id = request.match_info["id"]
    found = await request.app[STORE].run(queries.story, story_id)
    if found is None:
        return problem(404, "not_found", f"no story {story_id!r} in the store")
    return reply(found)


async def list_alerts(request: web.Request) -> web.Response:
    settings = request.app[SETTINGS]
    query = request.query
    params.only(query, params.ALERT_PARAMS)
    flt = params.alert_filter(query)
    size = params.limit(query, settings.api_default_page_size, settings.api_max_page_size)
    page = await request.app[STORE].run(queries.list_alerts, flt, size, params.cursor(query))
    return reply({"alerts": page.items, "next_cursor": page.next_cursor})


async def series(request: web.Request) -> web.Response:
    params.only(request.query, params.SERIES_PARAMS)
    metric, kind, country = params.series_key(request.query)
    return reply(await request.app[STORE].run(queries.series, metric, kind, country))


def build(settings: ApiSettings, store: Store, registry: CollectorRegistry) -> web.Application:
    """The application; the caller owns ``store`` (and closes it when the app has stopped)."""
    app = web.Application(middlewares=[observe, errors, auth])
    app[SETTINGS] = settings
    app[STORE] = store
    app[REGISTRY] = registry
    app[METRICS] = ApiMetrics(registry)
    app.router.add_get("/healthz", healthz)
    app.router.add_get("/metrics", metrics)
    app.router.add_get("/openapi.yaml", openapi)
    app.router.add_get("/v1/events", list_events)
    app.router.add_get("/v1/events.csv", events_csv)
    app.router.add_get("/v1/events.geojson", events_geojson)
    app.router.add_get("/v1/stories/{id}", story)
    app.router.add_get("/v1/alerts", list_alerts)
    app.router.add_get("/v1/series", series)
    return app
