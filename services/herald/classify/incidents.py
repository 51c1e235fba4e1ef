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

from . import phrasing
from .magnitude import HARM_UNITS, Reading, read_text
from .segment_types import Hit
from .segments import Segment


def second_incident(
    code: str,
    by_type: dict[str, dict[int, Hit]],
    members: Collection[int],
    segs: Sequence[Segment],
    readings: Sequence[Reading],
) -> tuple[int, list[Reading], Hit | None] | None:
    """The segment where a second incident of type ``code`` opens, the counts it gives as its own, and
    the hit to record for it when it has no cue of the type; None when the report tells one incident.

    It must be a body sentence that opens as another incident ("In a separate attack ...", "Separately,
    ...") after a body sentence with a cue of the type, and both incidents must give a toll of their
    own: a sentence that only adds a detail after "Meanwhile" is no incident. It has a cue of the type,
    or no cue of any type and names itself another incident of the kind ("In a separate raid, three
    people were shot dead") right after a sentence that reports this type alone.
    """
    hits = by_type[code]
    cued = {k for other in by_type.values() for k in other}
    body = [g.index for g in segs if not g.headline]
    first_body = min((k for k in hits if not segs[k].headline), default=None)
    if first_body is None:
        return None
    for k in (k for k in body if k > first_body):
        if not separate_incident(segs[k].text):
            continue
        hit = None
        if k not in hits:
            alone = k - 1 in hits and not any(k - 1 in other for c, other in by_type.items() if c != code)
            named = phrasing.another_incident().match(segs[k].text)
            if k in cued or not alone or named is None:
                continue
            hit = Hit("another incident of the kind", named.span())
        own = read_text(_after_opener(segs[k].text), k, own_incident=True)
        first = {m for m in members if m < k and not segs[m].headline}
        first_toll = any(r.segment in first and r.unit in HARM_UNITS and not r.running for r in readings)
        if first_toll and any(r.unit in HARM_UNITS for r in own):
            return k, own, hit
        return None
    return None


def _after_opener(text: str) -> str:
    """The sentence past its opening phrase ("In a separate attack on Sunday in Marghan, gunmen killed a
    soldier" -> "gunmen killed a soldier"): the counts read as they would in a report of their own."""
    end = separate_incident(text)
    comma = text.find(",", end)
    return text[comma + 1 :].strip() if comma >= 0 else text[end:].strip()
