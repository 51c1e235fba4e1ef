"""Two incidents of one type in one report: where the second one opens.

A report may tell two bombings, two raids or two shellings ("In a separate attack on the town, a missile
hit a block of flats and injured seven"). Grouping makes one event per type; this module finds,
conservatively, the body sentence that opens a second incident of the same type, so its toll, place and
label are that incident's instead of being folded into the first. Anything less clear stays one event:
a false second event costs precision.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from herald.core.quantity_context import separate_incident

from .magnitude import HARM_UNITS, Reading, read_text
from .segment_types import Hit
from .segments import Segment


def second_incident(
    hits: dict[int, Hit], members: Collection[int], segs: Sequence[Segment], readings: Sequence[Reading]
) -> tuple[int, list[Reading]] | None:
    """The segment where a second incident of one type opens, with the counts it gives as its own; None
    when the report tells one incident.

    It must be a body sentence with a cue of the type that opens as another incident ("In a separate
    attack ...", "Separately, ..."), after a body sentence with a cue of the type, and both incidents
    must give a toll of their own: a sentence that only adds a detail after "Meanwhile" is no incident.
    """
    body = sorted(k for k in hits if not segs[k].headline)
    for k in body[1:]:
        if not separate_incident(segs[k].text):
            continue
        own = read_text(_after_opener(segs[k].text), k, own_incident=True)
        first = {m for m in members if m < k and not segs[m].headline}
        first_toll = any(r.segment in first and r.unit in HARM_UNITS and not r.running for r in readings)
        if first_toll and any(r.unit in HARM_UNITS for r in own):
            return k, own
        return None
    return None


def _after_opener(text: str) -> str:
    """The sentence past its opening phrase ("In a separate attack on Sunday in Marghan, gunmen killed a
    soldier" -> "gunmen killed a soldier"): the counts read as they would in a report of their own."""
    end = separate_incident(text)
    comma = text.find(",", end)
    return text[comma + 1 :].strip() if comma >= 0 else text[end:].strip()
