"""Country names by ISO code (``data/country_names.yaml``), for stages without the NLP extra.

Novelty uses it to tell a location that is a whole country ("Ukraine", from a report placed at
country level) from a place, when the record does not say which (``Location.kind`` unset).
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from herald.core import yaml_data


@cache
def _names() -> dict[str, frozenset[str]]:
    text = resources.files("herald.core").joinpath("data", "country_names.yaml").read_text(encoding="utf-8")
    # Keys read as strings: "NO" (Norway) would otherwise be YAML's false.
    data = yaml_data.load_strings(text)
    return {str(code): frozenset(" ".join(n.lower().split()) for n in names) for code, names in data.items()}


def is_country_name(name: str, code: str) -> bool:
    """True when ``name`` is a name of the country ``code`` ("Ukraine", "UA"), case and spaces aside."""
    return " ".join(name.lower().split()) in _names().get(code, frozenset())


def country_names(code: str) -> frozenset[str]:
    """The names of the country ``code``, lower-case ("afghanistan" for "AF"); empty when unknown."""
    return _names().get(code, frozenset())


@cache
def formal_name_tails() -> dict[str, frozenset[str]]:
    """What follows "of" or "of the" in a formal country name (lower-case) to the countries so named:
    "congo" to both Congos ("Democratic Republic of the Congo"), so a headline's short name finds the
    body's formal one."""
    tails: dict[str, set[str]] = {}
    code_of = country_index()[0]
    for name, code in code_of.items():
        for found in re.finditer(" of ", name):
            tail = name[found.end() :]
            tails.setdefault(tail, set()).add(code)
            if tail.startswith("the "):
                tails.setdefault(tail[4:], set()).add(code)
    return {tail: frozenset(codes) for tail, codes in tails.items()}


@cache
def country_index() -> tuple[dict[str, str], re.Pattern[str], re.Pattern[str]]:
    """Every country name of four letters or more (lower-case) to its code; a pattern finding any name;
    and one finding a name that places a count or a toll ("in Jamaica", "in eastern Afghanistan",
    "Jamaica's"). Classification and novelty both read countries out of report text with it."""
    code_of = {n: code for code, names in _names().items() for n in names if len(n) >= 4}
    names = "|".join(re.escape(n) for n in sorted(code_of, key=len, reverse=True))
    anywhere = re.compile(rf"(?<!\w)({names})(?!\w)", re.IGNORECASE)
    placing = re.compile(
        rf"\b(?:in|across) (?:the )?(?:\w+ern )?({names})(?!\w)|(?<!\w)({names})['\u2019]s\b", re.IGNORECASE
    )
    return code_of, anywhere, placing
