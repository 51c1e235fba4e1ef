"""Per-sink routing: which alerts a sink gets now, which wait for its digest, which it never sees."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from herald.core.records import Alert


class Decision(StrEnum):
    SEND = "send"
    DIGEST = "digest"
    SKIP = "skip"


@dataclass(frozen=True)
class Route:
    """A sink's filter. Empty ``types``/``countries`` mean every type/country.

    ``digest_min_severity``: alerts at or above it but below ``min_severity`` are collected into a
    periodic digest instead of being dropped (None: no digest).
    """

    min_severity: int = 1
    types: frozenset[str] = field(default_factory=frozenset)
    countries: frozenset[str] = field(default_factory=frozenset)
    digest_min_severity: int | None = None

    def decide(self, alert: Alert) -> Decision:
        if self.types and alert.type not in self.types:
            return Decision.SKIP
        if self.countries:
            country = alert.location.country_code if alert.location else None
            if country not in self.countries:
                return Decision.SKIP  # an alert of unknown country matches no country filter
        if alert.severity >= self.min_severity:
            return Decision.SEND
        if self.digest_min_severity is not None and alert.severity >= self.digest_min_severity:
            return Decision.DIGEST
        return Decision.SKIP
