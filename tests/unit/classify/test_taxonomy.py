"""The taxonomy is defined once in code and published as schemas/taxonomy.json; they must agree."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from herald.classify.cues import RULES
from herald.classify.magnitude import UNITS_BY_TYPE
from herald.classify.severity import HARM_LEVELS
from herald.classify.taxonomy import BY_CODE, CODES, TAXONOMY, document

SCHEMA = Path(__file__).resolve().parents[3] / "schemas" / "taxonomy.json"

REQUIRED = (
    "air_drone_strike",
    "missile_artillery_strike",
    "armed_clash",
    "territory_change",
    "infrastructure_attack",
    "attack_on_civilians",
    "protest",
    "riot",
    "coup",
    "peace_talks",
    "leadership_change",
    "arrest",
    "evacuation",
    "natural_disaster",
    "industrial_accident",
    "cyberattack",
    "disease_outbreak",
)


def test_schema_file_is_the_taxonomy_written_out() -> None:
    assert json.loads(SCHEMA.read_text(encoding="utf-8")) == document()


def test_schema_is_valid_2020_12_and_accepts_exactly_the_codes() -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    for code in CODES:
        validator.validate(code)
    for bad in ("drone_strike", "AIR_DRONE_STRIKE", "", 3):
        with pytest.raises(jsonschema.ValidationError):
            validator.validate(bad)


def test_required_codes_are_all_present_and_codes_are_unique() -> None:
    assert set(REQUIRED) <= set(CODES)
    assert len(CODES) == len(set(CODES))


def test_every_type_is_complete() -> None:
    for t in TAXONOMY:
        assert 1 <= t.base_severity <= 5, t.code
        assert t.definition.endswith("."), t.code
        assert bool(t.acled_event_type) == bool(t.acled_sub_event_types) or t.acled_sub_event_types == (), (
            t.code
        )


def test_rules_units_and_severity_cover_the_taxonomy_and_nothing_else() -> None:
    assert {r.code for r in RULES} == set(CODES)
    assert set(UNITS_BY_TYPE) == set(CODES)
    for units in UNITS_BY_TYPE.values():
        assert units <= set(HARM_LEVELS)


def test_conflict_types_map_to_acled() -> None:
    for t in TAXONOMY:
        if t.family == "conflict":
            assert t.acled_event_type in {
                "Explosions/Remote violence",
                "Battles",
                "Violence against civilians",
            }
    assert BY_CODE["air_drone_strike"].acled_sub_event_types == ("Air/drone strike",)
