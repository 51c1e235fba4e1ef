"""Named hazards ("Storm Daniel", "Hurricane Beryl", "Mount Kelud"): the one pattern the stages that read
them share.

Story grouping (dedup) keeps a storm's reports in one country together by its name; classification
remembers the names its recent disaster events gave, so a later report naming only the storm ("Grenada's
Beryl death toll rises to three") is still read as the disaster's.
"""

from __future__ import annotations

import re

# The kind words must be capitalised, as in a name; the name follows them. A volcano is named by its
# mountain: "Kelud toll climbs to 21" names only the mountain that "Mount Kelud erupts" named.
HAZARD_NAME = r"\b(?:Storm|Hurricane|Typhoon|Super Typhoon|Cyclone|Tropical Storm|Mount)\s+([A-Z][a-z]+)\b"
_HAZARD = re.compile(HAZARD_NAME)


def hazard_names(text: str) -> list[str]:
    """The names of the hazards the text names with their kind word, as written ("Beryl")."""
    return _HAZARD.findall(text)
