"""The place cues (classify/data/places.yaml): every list compiles, every cue names the sentence that
needed it, and the engine reads every list, so an analyst's edit to the file is an edit to the rules."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from herald.classify import event_place

_DATA = Path(event_place.__file__).with_name("data") / "places.yaml"
_RAW = yaml.safe_load(_DATA.read_text(encoding="utf-8"))
_LISTS = {key: cues for key, cues in _RAW.items() if key != "leading_words"}


def test_every_place_cue_compiles_and_names_its_example() -> None:
    for key, cues in _LISTS.items():
        assert isinstance(event_place._place_cues(key), re.Pattern), key
        for cue in cues:
            assert str(cue.get("example", "")).strip(), (key, cue["pattern"])


def test_the_engine_reads_every_list_of_the_file() -> None:
    source = Path(event_place.__file__).read_text(encoding="utf-8")
    unread = [key for key in _RAW if f'"{key}"' not in source]
    assert unread == []


def test_a_case_sensitive_cue_keeps_its_capitals() -> None:
    # "Red Sea" is a sea by its own words; "the sea" inside a lowercase phrase names none.
    assert event_place._place_cues("sea_name").search("Red Sea")
    assert not event_place._place_cues("sea_name").search("out at sea")


def test_leading_words_are_words_not_yaml_booleans() -> None:
    # "On" unquoted would load as True.
    assert all(isinstance(word, str) for word in event_place._leading_words())
    assert "On" in event_place._leading_words()
