"""The query API over real HTTP: answers, paging, refusals, auth, limits and metrics."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import sqlalchemy as sa
from pydantic import ValidationError

from herald.api.database import QueryTimeout, Store
from herald.api.settings import ApiSettings
from tests.support.api_server import api_settings, serving
from tests.support.store_rows import S472


def get(url: str, path: str, **params: str) -> httpx.Response:
    return httpx.get(url + path, params=params, timeout=30)


def test_events_by_country_and_type_page_through(api_url: str) -> None:
    seen, cursor = [], None
    while True:
        extra = {"cursor": cursor} if cursor else {}
        body = get(api_url, "/v1/events", country="ua", type="air_drone_strike", limit="2", **extra).json()
        seen += [e["id"] for e in body["events"]]
        cursor = body["next_cursor"]
        if cursor is None:
            break
    assert seen == ["ev-472-wire", "ev-472-ledger", "ev-odesa-ledger", "ev-120-wire", "ev-120-ledger"]


def test_the_story_of_the_472_drone_barrage(api_url: str) -> None:
    body = get(api_url, f"/v1/stories/{S472}").json()
    assert body["story"]["title"].startswith("Russia fires record 472 drones")
    assert {s["source"] for s in body["sources"]} == {"kyiv-ledger", "world-wire", "danube-courier"}
    assert body["alerts"][0]["rule"] == "record"
    assert get(api_url, "/v1/stories/nope").status_code == 404


def test_the_ukraine_drone_series(api_url: str) -> None:
    body = get(api_url, "/v1/series", metric="drones", type="air_drone_strike", country="UA").json()
    assert [p["value"] for p in body["records"]] == [120.0, 472.0]


def test_exports(api_url: str) -> None:
    csv = get(api_url, "/v1/events.csv", country="TR")
    assert csv.headers["content-type"].startswith("text/csv")
    assert csv.text.splitlines()[0].startswith("id,story_id,")
    assert len(csv.text.splitlines()) == 3
    geo = get(api_url, "/v1/events.geojson", type="natural_disaster").json()
    assert [f["geometry"]["coordinates"] for f in geo["features"]] == [[38.3095, 38.3552]] * 2


@pytest.mark.parametrize(
    ("path", "params", "parameter"),
    [
        ("/v1/events", {"since": "yesterday"}, "since"),
        ("/v1/events", {"until": "2026-07-09T10:00:00"}, "until"),  # no timezone
        ("/v1/events", {"since": "2026-07-09", "until": "2026-07-08"}, "until"),
        ("/v1/events", {"min_severity": "9"}, "min_severity"),
        ("/v1/events", {"min_severity": "high"}, "min_severity"),
        ("/v1/events", {"country": "Ukraine"}, "country"),
        ("/v1/events", {"type": "Air Strike"}, "type"),
        ("/v1/events", {"cursor": "not-a-cursor"}, "cursor"),
        ("/v1/events", {"limit": "6"}, "limit"),  # the test server's maximum is 5
        ("/v1/events", {"limit": "0"}, "limit"),
        ("/v1/events", {"severity": "4"}, "severity"),  # unknown parameter, not silently ignored
        ("/v1/alerts", {"country": "U1"}, "country"),
        ("/v1/series", {"metric": "drones", "type": "strikes"}, "country"),
        ("/v1/events.csv", {"limit": "x"}, "limit"),
    ],
)
def test_malformed_filters_are_400_naming_the_parameter(
    api_url: str, path: str, params: dict[str, str], parameter: str
) -> None:
    response = get(api_url, path, **params)
    assert response.status_code == 400
    body = response.json()
    assert body["error"] == "bad_parameter" and body["parameter"] == parameter and body["message"]


def test_unknown_routes_are_json_404(api_url: str) -> None:
    response = get(api_url, "/v2/everything")
    assert response.status_code == 404 and response.json()["error"] == "not_found"


def test_metrics_count_requests_by_route_and_status(api_url: str) -> None:
    get(api_url, "/v1/stories/nope")
    text = get(api_url, "/metrics").text
    assert 'herald_api_requests_total{route="/v1/stories/{id}",status="404"}' in text
    assert 'herald_api_request_seconds_bucket{le="0.001",route="/v1/stories/{id}"}' in text


# -- settings, auth and limits (SQLite only: they do not depend on the database) --------------------
@pytest.fixture(scope="module")
def sqlite_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    from tests.support.store_rows import demo_store

    url = f"sqlite:///{tmp_path_factory.mktemp('auth') / 'store.db'}"
    demo_store().insert(sa.create_engine(url))
    store = Store.connect(url, 5.0, threads=1)
    yield store
    store.close()


def test_a_token_is_required_beyond_loopback() -> None:
    with pytest.raises(ValidationError, match="HERALD_API_TOKEN is required"):
        ApiSettings(api_host="0.0.0.0")
    assert ApiSettings(api_host="0.0.0.0", api_token="s3cret").api_token.get_secret_value() == "s3cret"
    assert ApiSettings(api_host="::1").api_host == "::1"


def test_the_command_refuses_to_start_without_a_token(tmp_path: Path) -> None:
    import subprocess
    import sys

    from tests.support.environment import herald_env

    env = herald_env({"HERALD_API_HOST": "0.0.0.0", "HERALD_STATE_DIR": str(tmp_path)})
    done = subprocess.run(
        [sys.executable, "-m", "herald.cli", "api"], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 2
    assert "HERALD_API_TOKEN is required" in done.stderr and "Traceback" not in done.stderr


def test_bearer_token(sqlite_store: Store) -> None:
    with serving(api_settings(api_token="s3cret"), sqlite_store) as url:
        assert httpx.get(url + "/v1/alerts").status_code == 401
        wrong = httpx.get(url + "/v1/alerts", headers={"Authorization": "Bearer s3cre"})
        assert wrong.status_code == 401 and wrong.headers["WWW-Authenticate"].startswith("Bearer")
        right = httpx.get(url + "/v1/alerts", headers={"Authorization": "Bearer s3cret"})
        assert right.status_code == 200 and len(right.json()["alerts"]) == 3
        assert httpx.get(url + "/healthz").status_code == 200  # probes carry no token


def test_the_store_refuses_writes(sqlite_store: Store) -> None:
    def write(conn: sa.Connection) -> None:
        conn.exec_driver_sql("DELETE FROM alerts")

    with pytest.raises(sa.exc.OperationalError, match=r"readonly|read-only|query_only"):
        sqlite_store.call(write)


def forever(conn: sa.Connection) -> object:
    """A query that never ends on its own: only the time limit can stop it."""
    if conn.dialect.name == "postgresql":
        return conn.exec_driver_sql("SELECT pg_sleep(3600)").scalar()
    sql = "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT count(*) FROM n"
    return conn.exec_driver_sql(sql).scalar()


@pytest.mark.parametrize("engine", ["sqlite", "postgresql"])
def test_the_time_limit_cancels_a_runaway_query(
    engine: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    url = f"sqlite:///{tmp_path / 'x.db'}" if engine == "sqlite" else request.getfixturevalue("postgres_url")
    store = Store.connect(url, 0.2, threads=1)
    try:
        with pytest.raises(QueryTimeout):
            store.call(forever)
        assert store.call(lambda conn: conn.exec_driver_sql("SELECT 1").scalar()) == 1  # still usable
    finally:
        store.close()


class TimingOutStore(Store):
    """A store whose every query runs past the limit (the limit itself is tested above)."""

    def call(self, fn, *args):  # type: ignore[no-untyped-def]
        raise QueryTimeout("the query ran past the time limit")


class BrokenStore(Store):
    def call(self, fn, *args):  # type: ignore[no-untyped-def]
        raise sqlite3.DatabaseError("disk image is malformed at /secret/path")


def test_a_slow_query_is_503_and_a_failure_500_without_details(sqlite_store: Store) -> None:
    for cls, status in ((TimingOutStore, 503), (BrokenStore, 500)):
        store = cls(sqlite_store.engine, 5.0, threads=1)
        with serving(api_settings(), store) as url:
            response = httpx.get(url + "/v1/events")
        assert response.status_code == status
        assert set(response.json()) == {"error", "message"}
        assert "secret" not in response.text and "Traceback" not in response.text


def test_a_store_without_tables_is_503(tmp_path: Path) -> None:
    store = Store.connect(f"sqlite:///{tmp_path / 'empty.db'}", 5.0, threads=1)
    with serving(api_settings(), store) as url:
        response = httpx.get(url + "/v1/alerts")
    store.close()
    assert response.status_code == 503 and response.json()["error"] == "store_not_ready"
