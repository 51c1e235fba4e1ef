"""Each country's own toll, when one report tells the figures of two.

A storm, a quake or a wave of attacks that crossed a border is reported country by country, each
country's figures in a sentence that opens on it: "A quake on the Iran-Iraq border killed at least 13
in the two countries. ... In Iraq six people died and around 150 were hurt. In Iran, the governor
said seven died." An event placed in Iraq is sized by Iraq's sentence: the other country's sentence
is that country's toll, and the sum "in the two countries" yields to the country's own figure for the
same metric (where only the other country's is told, the sum sizes the event with nothing). Without
a place for the event, or without a sentence opening on a country, the readings are unchanged:
nothing then says which figures are whose.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from herald.core.countries import country_index

from .foreign_counts import PEOPLE
from .magnitude import Reading
from .segments import Segment

# "in the two countries", "in both countries", "across the three nations": a sum over countries.
_COMBINED = re.compile(
    r"\b(?:in|across|between) (?:the |both |all )?(?:two|three|four|both) (?:countries|nations)\b"
    r"|\bin both (?:countries|nations)\b",
    re.IGNORECASE,
)


@cache
def _lead() -> re.Pattern[str]:
    """A sentence opening on the country it tells of: "In Iraq six people died", "In the Philippines,
    police said", "In northern Burkina Faso, militants ...", "Across the border, in Nepal, ..."; not
    "Ukraine's air force said", which names the speaker's country, not the count's."""
    code_of, _, _ = country_index()
    names = "|".join(re.escape(n) for n in sorted(code_of, key=len, reverse=True))
    return re.compile(
        rf"^\W*(?:(?:across the border|elsewhere|meanwhile),? )?"
        rf"(?:in|across) (?:the )?(?:\w+ern )?({names})(?!\w)",
        re.IGNORECASE,
    )


def _lead_country(text: str) -> str | None:
    """The country a sentence opens on, or None."""
    m = _lead().match(" ".join(text.split()))
    if m is None:
        return None
    code_of, _, _ = country_index()
    return code_of.get(m.group(1).lower())


def _combined(text: str) -> bool:
    """Whether a sentence counts over several countries: "in the two countries", or a toll placed in
    two ("killed 18 in attacks in northern Burkina Faso and central Mali")."""
    if _COMBINED.search(text):
        return True
    code_of, anywhere, placing = country_index()
    named = {code_of[m.group(1).lower()] for m in anywhere.finditer(text)}
    return len(named) >= 2 and placing.search(text) is not None


def own_country_readings(
    readings: list[Reading], segs: Sequence[Segment], country: str | None
) -> list[Reading]:
    """The readings that are ``country``'s: less the people counted in a sentence opening on another
    country, and less a sum over countries for a metric a sentence opening on a country gives."""
    if not country:
        return readings
    by_index = {g.index: g for g in segs}
    leads = {g.index: code for g in segs if not g.headline and (code := _lead_country(g.text))}
    if not leads:
        return readings
    # a sum over countries is no one country's toll once the report gives any country's own figure
    told_by_country = {r.unit for r in readings if r.segment in leads}
    kept = []
    for r in readings:
        lead = leads.get(r.segment)
        if r.unit in PEOPLE and lead is not None and lead != country:
            continue
        seg = by_index.get(r.segment)
        if r.unit in told_by_country and lead is None and seg is not None and _combined(seg.text):
            continue
        kept.append(r)
    return kept
