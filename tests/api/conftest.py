"""The demo store on SQLite and on the session's PostgreSQL, and the API served over each."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import sqlalchemy as sa

from herald.api.database import Store
from herald.api.settings import ApiSettings
from tests.support.api_server import serving
from tests.support.store_rows import demo_engine  # noqa: F401 - the fixture, shared with other suites


def api_settings(**overrides: object) -> ApiSettings:
    """Small pages, so paging is exercised on the small demo store."""
    base: dict[str, object] = {"api_max_page_size": 5, "api_default_page_size": 3}
    base.update(overrides)
    return ApiSettings(**base)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def api_url(demo_engine: sa.Engine) -> Iterator[str]:  # noqa: F811
    store = Store.connect(demo_engine.url.render_as_string(hide_password=False), 5.0, threads=2)
    with serving(api_settings(), store) as url:
        yield url
    store.close()
