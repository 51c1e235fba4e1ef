"""The dead of a disaster are not the toll of the protest it set off.

"Soma toll rises to 282; police use water cannon on protesters in Istanbul and Ankara", over "At least
282 miners have died in the Soma fire ... as police fired tear gas and water cannon at thousands
protesting": the report reads as a mine accident and a protest, and both would measure the 282 dead.
They are the accident's; the protest, a page of its own on the miners' toll, would be the world's
first protest with 282 killed. When the same report's disaster counts the same dead, the protest or
riot keeps none of them.
"""

from __future__ import annotations

from collections.abc import Mapping

# Unrest a disaster sets off (anger at the mine owners, at the rescue): its own dead are rare and
# told as such ("police shot two protesters"), so a count equal to the disaster's is the disaster's.
UNREST = frozenset({"protest", "riot"})
# The hazard types: what sets unrest off here, and what carries an evacuation's figure in rules.py.
HAZARDS = ("natural_disaster", "industrial_accident")
_DEAD = ("killed", "missing")


def without_hazards_dead(
    code: str, magnitude: dict[str, float], hazards: Mapping[str, Mapping[str, float]]
) -> dict[str, float]:
    """``magnitude`` less the dead and missing a disaster of the same report counts the same."""
    if code not in UNREST or not hazards:
        return magnitude
    theirs = {(unit, hazard[unit]) for hazard in hazards.values() for unit in _DEAD if unit in hazard}
    return {unit: value for unit, value in magnitude.items() if (unit, value) not in theirs}
