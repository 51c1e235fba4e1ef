"""The learned type veto: the shipped model is the one the dev files train, it vetoes what it scores low,
the setting turns it off, and the wheel ships it."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from importlib import resources
from typing import Any

import pytest

from herald.classify.rules import classify
from herald.classify.settings import ClassifySettings
from herald.classify.taxonomy import CODES
from herald.classify.type_veto import MODEL_FILE, ON_BY_DEFAULT, TypeVeto, features, shipped
from herald.core.records import EnrichedArticle

Make = Callable[..., EnrichedArticle]

# A dev-like unrest report (the shape of dev-t-029, Honiara): "flooded settlements" makes the rules raise a
# natural disaster beside the riot; nothing in the text reports a flood.
UNREST = (
    "Mob loots and burns shops in Port Moresby",
    "Police fired tear gas on Saturday night to break up a crowd that looted and burned shops in the "
    "capital. Hundreds of people took part; the unrest was started by residents of flooded settlements "
    "angry at the government's relief package. Several people were arrested.",
)


def shipped_text() -> str:
    return resources.files("herald.classify").joinpath("data", MODEL_FILE).read_text(encoding="utf-8")


@pytest.mark.slow
def test_the_shipped_file_is_what_the_dev_files_train() -> None:
    """The training script, run on the dev files now, writes the model that ships, to the last decimal
    but the CPU's rounding (about 40 s: six fits of 17 models, for the weights and the out-of-fold
    thresholds)."""
    pytest.importorskip("sklearn")
    from herald_dev import type_veto_train

    fresh = type_veto_train.export(type_veto_train.load_dev())
    assert type_veto_train.differences(shipped_text(), fresh) == [], (
        "run: python -m herald_dev.type_veto_train export"
    )


def test_a_model_moved_past_the_cpus_rounding_is_another_model() -> None:
    """One unit of the last decimal is the CPU's rounding; three are a refit the file must show."""
    pytest.importorskip("sklearn")
    from herald_dev import type_veto_train

    doc = json.loads(shipped_text())
    before = doc["types"]["riot"]["weight"][0]
    doc["types"]["riot"]["weight"][0] += 0.0001
    assert type_veto_train.differences(shipped_text(), json.dumps(doc)) == []
    doc["types"]["riot"]["weight"][0] += 0.0002
    assert type_veto_train.differences(shipped_text(), json.dumps(doc)) == [
        f"riot weight 0: {before} != {doc['types']['riot']['weight'][0]}"
    ]


def test_the_shipped_model_covers_the_taxonomy_with_usable_thresholds() -> None:
    raw = json.loads(shipped_text())
    assert set(raw["types"]) == set(CODES)
    for code, model in raw["types"].items():
        assert 0.0 < model["threshold"] < 0.5, code
        assert len(model["weight"]) == len(raw["vocabulary"]), code
        assert sum(w != 0 for w in model["weight"]) > 100, code


def test_the_model_reads_a_report_as_its_type() -> None:
    model = shipped()
    probs = model.probabilities(
        "Russian drones strike Odesa port",
        "Russian drones struck the port of Odesa overnight, wounding four dock workers, the regional "
        "governor said. Air defences shot down 20 of the 25 drones launched, the air force said.",
    )
    assert max(probs, key=probs.__getitem__) == "air_drone_strike"
    assert probs["air_drone_strike"] >= model.thresholds["air_drone_strike"]
    assert probs["peace_talks"] < model.thresholds["peace_talks"]


def test_features_are_words_bigrams_and_headline_words() -> None:
    got = features("Quake hits", "A 6.1 quake. Dozens hurt")
    assert {"quake", "hits", "quake hits", "t:quake", "0 0", "a 0", "dozens hurt"} <= got
    assert "hits a" not in got  # no bigram across the headline and the body


def test_the_veto_drops_a_rule_event_the_text_does_not_support(make_article: Make) -> None:
    article = make_article(*UNREST)
    assert {"riot", "natural_disaster"} <= {e.type for e in classify(article, veto=False)}
    model = shipped()
    probs = model.probabilities(*UNREST)
    assert probs["natural_disaster"] < model.thresholds["natural_disaster"]
    assert probs["riot"] >= model.thresholds["riot"]
    assert {e.type for e in classify(article, veto=True)} == {"riot"}


def test_the_setting_turns_the_veto_off(make_article: Make, monkeypatch: pytest.MonkeyPatch) -> None:
    article = make_article(*UNREST)
    monkeypatch.setenv("HERALD_CLASSIFY_TYPE_VETO", "false")
    off = ClassifySettings()
    assert off.classify_type_veto is False
    assert "natural_disaster" in {e.type for e in classify(article, veto=off.classify_type_veto)}
    monkeypatch.delenv("HERALD_CLASSIFY_TYPE_VETO")
    assert ClassifySettings().classify_type_veto is ON_BY_DEFAULT


def test_a_type_the_model_does_not_know_is_kept() -> None:
    model = TypeVeto(
        vocabulary={"x": 0}, weights={"riot": [1.0]}, bias={"riot": 0.0}, thresholds={"riot": 0.9}
    )
    assert model.supported("a", "b", {"protest", "riot"}) == {"protest"}  # riot: 0.5 < 0.9


def test_a_type_the_headline_reports_is_never_vetoed(
    make_article: Make, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The model scores the whole text and can miss a short report of a deadly event ("Myanmar's junta
    says 144 killed, 732 injured in earthquake" scored below its threshold); the rules' reading of the
    headline stands. Under a model that vetoes every type, the headline's riot stays and the body's
    passing flood goes."""
    everything = TypeVeto(
        vocabulary={"x": 0},
        weights={code: [0.0] for code in CODES},
        bias=dict.fromkeys(CODES, 0.0),
        thresholds=dict.fromkeys(CODES, 0.99),
    )
    monkeypatch.setattr("herald.classify.type_veto.shipped", lambda: everything)
    riot = make_article("Riots erupt in Port Moresby as crowds loot shops", UNREST[1])
    assert {"riot", "natural_disaster"} <= {e.type for e in classify(riot, veto=False)}
    assert {e.type for e in classify(riot, veto=True)} == {"riot"}


def test_explain_tells_which_types_the_veto_dropped_and_why(enricher: Any) -> None:
    """`herald analyze --explain` shows the analyst the type the rules read and the model vetoed, with
    its probability under the type's threshold; without --explain no such line is written."""
    from herald.analyze import Replay
    from herald.core.records import Article, stable_id

    now = datetime(2026, 11, 7, tzinfo=UTC)
    article = Article(
        id=stable_id("veto-explain"), url="https://case.invalid/veto", source="case", title=UNREST[0],
        summary=UNREST[1], published=now, fetched_at=now,
    )  # fmt: skip
    lines = list(Replay(enricher, explain=True, type_veto=True).run([article]))
    [vetoed] = [line for line in lines if line["kind"] == "vetoed"]
    [dropped] = vetoed["types"]
    assert dropped["type"] == "natural_disaster"
    assert dropped["probability"] < dropped["threshold"]
    assert {line["type"] for line in lines if line["kind"] == "event"} == {"riot"}
    quiet = Replay(enricher, explain=False, type_veto=True).run([article])
    assert not [line for line in quiet if line["kind"] == "vetoed"]
