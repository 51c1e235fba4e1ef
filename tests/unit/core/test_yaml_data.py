"""The data files parse to the same values through ``yaml_data`` as through PyYAML's pure-Python
loaders, so which parser ran never changes a rule."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest
import yaml

from herald.core import yaml_data

SERVICES = Path(__file__).resolve().parents[3] / "services" / "herald"
FILES = sorted(SERVICES.glob("*/data/**/*.yaml"))


def test_there_are_data_files() -> None:
    assert len(FILES) > 10


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(SERVICES)))
def test_same_values_as_the_pure_python_loaders(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    # pickled, so that key order and value types (int against str, dates) must agree too
    assert pickle.dumps(yaml_data.load(text)) == pickle.dumps(yaml.safe_load(text))
    assert pickle.dumps(yaml_data.load_strings(text)) == pickle.dumps(yaml.load(text, Loader=yaml.BaseLoader))


def test_strings_loader_keeps_norway() -> None:
    assert yaml_data.load_strings("NO: [Norway]") == {"NO": ["Norway"]}
    assert yaml_data.load("NO: [Norway]") == {False: ["Norway"]}
