"""Parsing the YAML data files that hold Herald's rules and vocabularies.

PyYAML's pure-Python parser costs tens of milliseconds per rule file and the rules load several
(hundreds of milliseconds before the first article); its C parser (libyaml) builds the same Python
values through the same constructors in a tenth of that. It is used when PyYAML was built with it,
the pure-Python loader otherwise, so the values never depend on which one ran.
"""

from __future__ import annotations

from typing import Any

import yaml

_SAFE: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_BASE: Any = getattr(yaml, "CBaseLoader", yaml.BaseLoader)


def load(text: str) -> Any:
    """``yaml.safe_load(text)``, parsed by libyaml when available."""
    return yaml.load(text, Loader=_SAFE)


def load_strings(text: str) -> Any:
    """``yaml.load(text, Loader=yaml.BaseLoader)`` (every scalar a string: "NO" stays Norway's code,
    not false), parsed by libyaml when available."""
    return yaml.load(text, Loader=_BASE)
