"""The demo store on SQLite and on the session's PostgreSQL, and the API served over each."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import sqlalchemy as sa

from herald.api.database import Store
from tests.support.api_server import api_settings, serving
from tests.support.store_rows import demo_engine  # noqa: F401 - the fixture, shared with other suites


@pytest.fixture(scope="module")
def api_url(demo_engine: sa.Engine) -> Iterator[str]:  # noqa: F811
    store = Store.connect(demo_engine.url.render_as_string(hide_password=False), 5.0, threads=2)
    with serving(api_settings(), store) as url:
        yield url
    store.close()
