"""The checked-in OpenAPI document against the running API: every path, every response's shape.

The test serves the real API over the demo store (SQLite and PostgreSQL) and, for each documented
path, sends a request that must succeed and requests that must fail, then validates status codes,
content types and bodies against the document's schemas (OpenAPI 3.1 schemas are JSON Schema 2020-12,
so ``jsonschema`` validates them with the whole document as the ``$ref`` base). The routes the app
serves and the paths the document lists must be the same set, and so must each path's parameters and
the parameters the handler accepts.
"""

from __future__ import annotations

from typing import Any

import httpx
import jsonschema
import pytest
import yaml
from prometheus_client import CollectorRegistry
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from herald.api import params
from herald.api.app import build, openapi_document
from herald.api.database import Store
from tests.support.api_server import api_settings
from tests.support.store_rows import S472

DOC_URI = "urn:herald:openapi"
DOC: dict[str, Any] = yaml.safe_load(openapi_document())

# A valid value for each documented query parameter, and the story the path parameter names.
GOOD = {
    "type": "air_drone_strike",
    "country": "UA",
    "region": "Kyiv City",
    "min_severity": "3",
    "since": "2026-07-01T00:00:00Z",
    "until": "2026-07-10",
    "q": "drone",
    "limit": "1",
    "story": S472,
    "metric": "drones",
}
BAD = {
    "cursor": "zzz",
    "country": "Ukraine",
    "min_severity": "6",
    "since": "soon",
    "limit": "-1",
    "metric": "Drones!",
}
ACCEPTED = {
    "/v1/events": params.EVENT_PARAMS,
    "/v1/events.csv": params.EXPORT_PARAMS,
    "/v1/events.geojson": params.EXPORT_PARAMS,
    "/v1/alerts": params.ALERT_PARAMS,
    "/v1/series": params.SERIES_PARAMS,
}


def deref(node: dict[str, Any]) -> dict[str, Any]:
    """Follow local ``$ref``s (``#/components/...``) to the node they name."""
    while "$ref" in node:
        target: Any = DOC
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node


def parameters(path: str) -> list[dict[str, Any]]:
    return [deref(p) for p in DOC["paths"][path]["get"].get("parameters", [])]


def validator(schema: dict[str, Any]) -> jsonschema.Draft202012Validator:
    registry: Registry = Registry().with_resource(DOC_URI, Resource(contents=DOC, specification=DRAFT202012))
    wrapped = {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": DOC_URI + "#inline"}
    # Resolve the document's local refs against the document, not against this small wrapper.
    text = yaml.safe_dump(schema).replace("'#/components", f"'{DOC_URI}#/components")
    return jsonschema.Draft202012Validator(
        {**wrapped, **yaml.safe_load(text)},
        registry=registry,
        format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER,
    )


def check(path: str, response: httpx.Response) -> None:
    """The response's status is documented for ``path``, with its content type and body shape."""
    documented = DOC["paths"][path]["get"]["responses"]
    assert str(response.status_code) in documented, f"{path}: undocumented status {response.status_code}"
    spec = deref(documented[str(response.status_code)])
    (media, content), *_ = spec["content"].items()
    assert response.headers["content-type"].split(";")[0] == media, path
    body: Any = response.json() if media.endswith("json") else response.text
    errors = sorted(validator(content["schema"]).iter_errors(body), key=str)
    assert not errors, f"{path} {response.status_code}: " + "; ".join(e.message for e in errors[:5])


def test_the_document_is_openapi_3_1_and_its_schemas_are_valid() -> None:
    assert DOC["openapi"].startswith("3.1.")
    for name, schema in DOC["components"]["schemas"].items():
        jsonschema.Draft202012Validator.check_schema(schema)
        assert name[0].isupper()
    for path, item in DOC["paths"].items():
        for code, response in item["get"]["responses"].items():
            assert deref(response)["description"], f"{path} {code}"


def test_the_app_serves_exactly_the_documented_paths(tmp_path) -> None:  # type: ignore[no-untyped-def]
    store = Store.connect(f"sqlite:///{tmp_path / 's.db'}", 1.0, threads=1)
    app = build(api_settings(), store, CollectorRegistry())
    served = {r.canonical for r in app.router.resources()}
    store.close()
    assert served == set(DOC["paths"])
    for path, accepted in ACCEPTED.items():
        assert {p["name"] for p in parameters(path) if p["in"] == "query"} == accepted, path


@pytest.mark.parametrize("path", sorted(DOC["paths"]))
def test_every_path_answers_as_documented(api_url: str, path: str) -> None:
    url = api_url + path.replace("{id}", S472)
    names = [p["name"] for p in parameters(path) if p["in"] == "query"]
    query = {name: GOOD[name] for name in names if name not in ("cursor", "story")}
    if path == "/v1/series":
        query["type"] = "strikes"
    ok = httpx.get(url, params=query, timeout=30)
    assert ok.status_code == 200, ok.text
    check(path, ok)
    if path == "/v1/events" or path == "/v1/alerts":
        assert ok.json()[path.rsplit("/", 1)[1]], f"{path}: the demo store should match these filters"
    if path == "/v1/series":
        assert ok.json()["records"]
    if "cursor" in names:
        cursor = ok.json()["next_cursor"]
        assert cursor, f"{path}: the demo store should fill more than one page of {GOOD['limit']}"
        following = httpx.get(url, params={**query, "cursor": cursor}, timeout=30)
        assert following.status_code == 200
        check(path, following)
    for name in [n for n in names if n in BAD]:
        bad = httpx.get(url, params={**query, name: BAD[name]}, timeout=30)
        assert bad.status_code == 400, f"{path} {name}={BAD[name]}"
        check(path, bad)
        assert bad.json()["parameter"] == name
    if "story" in names:
        one = httpx.get(url, params={"story": GOOD["story"]}, timeout=30)
        check(path, one)
        assert [a["story_id"] for a in one.json()["alerts"]] == [GOOD["story"]]
    if "{id}" in path:
        missing = httpx.get(api_url + path.replace("{id}", "no-such-story"), timeout=30)
        assert missing.status_code == 404
        check(path, missing)


def test_the_shape_check_catches_a_wrong_body() -> None:
    """The validator must see through the document's ``$ref``s, or every check above passes vacuously."""
    page = DOC["paths"]["/v1/events"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    event = {"id": "e", "severity": 9, "published": "2026-07-09T00:00:00"}  # missing fields, no zone
    errors = list(validator(page).iter_errors({"events": [event], "next_cursor": None}))
    assert errors
    assert not list(validator(page).iter_errors({"events": [], "next_cursor": None}))
