"""Severity: more harm never lowers it, every step has a reason, it stays within 1-5."""

from __future__ import annotations

import pytest

from herald.classify.severity import HARM_LEVELS, harm_level, score
from herald.classify.taxonomy import BY_CODE, CODES


@pytest.mark.parametrize("metric", sorted(HARM_LEVELS))
def test_harm_levels_are_monotonic(metric: str) -> None:
    thresholds = [t for t, _ in HARM_LEVELS[metric]]
    assert thresholds == sorted(thresholds)
    values = [0.0, *thresholds, thresholds[-1] * 10]
    levels = [harm_level(metric, v) for v in values]
    assert levels == sorted(levels)
    assert all(1 <= level <= 5 for level in levels[1:])


@pytest.mark.parametrize("code", CODES)
def test_base_severity_with_no_harm(code: str) -> None:
    severity, reasons = score(code, {}, ["Something happened."])
    assert severity == BY_CODE[code].base_severity
    assert reasons == [f"base severity of {code}: {severity}"]


def test_the_largest_harm_sets_the_level_and_says_so() -> None:
    severity, reasons = score("air_drone_strike", {"drones": 120, "killed": 1}, ["Drones hit a field."])
    assert severity == 4
    assert reasons[1] == "120 drones: raises severity to 4"
    assert len(reasons) == 2  # one killed (level 3) does not raise it further


def test_ten_rioters_and_ten_thousand() -> None:
    small, _ = score("riot", {"protesters": 10}, ["Rioters threw stones."])
    large, why = score("riot", {"protesters": 10_000}, ["Rioters threw stones."])
    assert small < large
    assert "10000 protesters: raises severity to 3" in why


def test_a_civilian_or_critical_target_adds_one_step_once() -> None:
    field, _ = score("missile_artillery_strike", {}, ["A missile hit an empty field."])
    hospital, why = score("missile_artillery_strike", {}, ["A missile hit a hospital and a power plant."])
    assert hospital == field + 1
    assert why[-1] == "civilian target (hospital): +1"
    # The target of an attack on civilians is its definition, already in its base.
    assert (
        score("attack_on_civilians", {}, ["Gunmen attacked a market."])[0]
        == BY_CODE["attack_on_civilians"].base_severity
    )


def test_capped_at_five_with_the_reason() -> None:
    severity, reasons = score("air_drone_strike", {"killed": 300}, ["Strikes hit a hospital."])
    assert severity == 5
    assert reasons[-1] == "capped at 5"


def test_a_coup_that_seized_power_is_worse_than_a_foiled_one() -> None:
    foiled, _ = score("coup", {}, ["The army foiled a coup attempt."])
    seized, why = score("coup", {}, ["Soldiers seized power and dissolved the government."])
    assert seized == foiled + 1
    assert "power was seized: +1" in why
