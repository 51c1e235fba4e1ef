"""Counts the report gives for another country than the one its headline is about.

A report about one country's outbreak or disaster often sets a neighbour's figures beside its own, in
a clause of their own: "Lebanon records first cholera death of the outbreak; cases reach 26" over "...
26 cases have been recorded this month, the health ministry said; Syria's own outbreak has killed 41
people", or "One person has been killed by cholera in Lebanon ...; in Syria more than 700 cases and 41
deaths are recorded". The 41 is Syria's, not the Lebanese event's toll. A clause here is a stretch of a
sentence between semicolons: the construction news uses to set such a comparison apart.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from herald.core.countries import country_index, formal_name_tails

from .magnitude import Reading
from .segments import Segment

# People counts a neighbour's figures can be mistaken for (weapons and magnitudes are not placed so).
PEOPLE = frozenset({"killed", "wounded", "missing", "affected", "displaced", "evacuated"})


@lru_cache(maxsize=4096)
def _number(value: float) -> re.Pattern[str] | None:
    """The digits a count of ``value`` is written with ("41", "3,042"), or None for a fraction. Cached:
    a count's pattern is asked for once per reading, and compiling it costs more than the search."""
    if value != int(value):
        return None
    forms = sorted({f"{int(value):,}", str(int(value))}, key=len, reverse=True)
    return re.compile(rf"(?<![\d.,])(?:{'|'.join(re.escape(f) for f in forms)})(?![\d]|,\d)")


def without_other_countries_counts(
    readings: list[Reading], segs: Sequence[Segment], title: str | None
) -> list[Reading]:
    """The readings less body counts of people given only in clauses that place them in a country the
    headline does not name (and that name none it does). Unchanged when the headline names no country:
    then nothing says which country is the report's own."""
    code_of, anywhere, placing = country_index()
    said = {m.group(1).lower() for m in anywhere.finditer(title or "")}
    if not said:
        return readings
    # "Ebola death toll in Congo" over "The Ebola outbreak in the Democratic Republic of Congo": a
    # formal name ending in "of" and the headline's short name is the headline's country
    tails = formal_name_tails()
    own = {code_of[n] for n in said} | {code for n in said for code in tails.get(n, ())}
    by_index = {g.index: g for g in segs}
    kept = []
    for r in readings:
        seg = by_index.get(r.segment)
        number = _number(r.value)
        if r.unit not in PEOPLE or seg is None or seg.headline or number is None:
            kept.append(r)
            continue
        clauses = [c for c in " ".join(seg.text.split()).split(";") if number.search(c)]
        if clauses and all(_abroad(c, own, code_of, anywhere, placing) for c in clauses):
            continue
        kept.append(r)
    return kept


def _abroad(
    clause: str, own: set[str], code_of: dict[str, str], anywhere: re.Pattern[str], placing: re.Pattern[str]
) -> bool:
    """Whether a clause places its counts in another country than the headline's and names none of it."""
    named = {code_of[m.group(1).lower()] for m in anywhere.finditer(clause)}
    placed = {code_of[(a or b).lower()] for a, b in placing.findall(clause)}
    return bool(placed) and not (named & own) and not (placed & own)
