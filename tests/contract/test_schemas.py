"""The contract: schemas/ and the Python records accept and reject the same examples."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from pydantic import BaseModel, ValidationError
from tests.support.schemas import SCHEMAS, errors

from herald.core import records, topics

MODELS: dict[str, type[BaseModel]] = {
    "article.json": records.Article,
    "enriched_article.json": records.EnrichedArticle,
    "event.json": records.Event,
    "alert.json": records.Alert,
    "dead_letter.json": records.DeadLetter,
    "delivery.json": records.DeliveryOutcome,
}

EXAMPLES = sorted((SCHEMAS / "examples").glob("*/*.json"))


def _schema_for(example: Path) -> str:
    return f"{example.parent.name}.json"


def _properties(schema_file: str) -> tuple[set[str], set[str]]:
    """Property names and required names of a schema, following allOf to the schemas it extends."""
    doc = json.loads((SCHEMAS / schema_file).read_text())
    props, required = set(doc.get("properties", {})), set(doc.get("required", []))
    for part in doc.get("allOf", []):
        p, r = _properties(part["$ref"])
        props |= p
        required |= r
    return props, required


@pytest.mark.parametrize("schema_file", sorted(p.name for p in SCHEMAS.glob("*.json")))
def test_every_schema_is_valid_2020_12(schema_file: str) -> None:
    doc = json.loads((SCHEMAS / schema_file).read_text())
    assert doc["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(doc)


def test_every_record_schema_has_valid_and_invalid_examples() -> None:
    for schema_file in MODELS:
        kinds = {p.name.split("-", 1)[0] for p in (SCHEMAS / "examples" / schema_file[:-5]).glob("*.json")}
        assert kinds == {"valid", "invalid"}, schema_file


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_schema_and_model_agree_on_example(example: Path) -> None:
    record = json.loads(example.read_text())
    schema_file = _schema_for(example)
    schema_errors = errors(schema_file, record)
    try:
        MODELS[schema_file].model_validate(record)
        model_ok = True
    except ValidationError:
        model_ok = False
    if example.name.startswith("valid-"):
        assert schema_errors == [], schema_errors
        assert model_ok, "the model rejects a valid example"
    else:
        assert schema_errors, "the schema accepts an invalid example"
        assert not model_ok, "the model accepts an invalid example"


@pytest.mark.parametrize("schema_file", sorted(MODELS))
def test_model_fields_match_schema_properties(schema_file: str) -> None:
    model = MODELS[schema_file]
    props, required = _properties(schema_file)
    assert set(model.model_fields) == props
    assert {n for n, f in model.model_fields.items() if f.is_required()} | {"schema_version"} == required


@pytest.mark.parametrize("schema_file", sorted(MODELS))
def test_model_output_validates_against_schema(schema_file: str) -> None:
    """What the services write (model_dump_json) is what the schema describes."""
    for example in (SCHEMAS / "examples" / schema_file[:-5]).glob("valid-*.json"):
        record = MODELS[schema_file].model_validate_json(example.read_text())
        assert errors(schema_file, json.loads(record.to_json())) == []


def test_every_data_topic_names_an_existing_schema() -> None:
    for spec in topics.ALL:
        if spec.schema is not None:
            assert (SCHEMAS / spec.schema).exists(), spec.name
