"""Per-sink routing: which alerts a sink gets now, which wait for its digest, which it never sees.

The heartbeat's canary alerts (rule ``heartbeat``, see ``herald.core.heartbeat_markers``) and users' alerts
never cross: a route is either the heartbeat's, which takes canary alerts only, or a user's, which
never sees one. Decided here, in the one function every sink's dispatcher asks, so no sink's
filters (types, countries, severities) can let a canary through to a desk or a story to the canary.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from herald.core.heartbeat_markers import HEARTBEAT_RULE
from herald.core.records import Alert


class Decision(StrEnum):
    SEND = "send"
    DIGEST = "digest"
    SKIP = "skip"


@dataclass(frozen=True)
class Route:
    """A sink's filter. Empty ``types``/``countries`` mean every type/country.

    ``digest_min_severity``: alerts at or above it but below ``min_severity`` are collected into a
    periodic digest instead of being dropped (None: no digest). ``heartbeat``: this is the heartbeat's
    route, which takes the canary's alerts and nothing else; every other route never takes them.
    """

    min_severity: int = 1
    types: frozenset[str] = field(default_factory=frozenset)
    countries: frozenset[str] = field(default_factory=frozenset)
    digest_min_severity: int | None = None
    heartbeat: bool = False

    @classmethod
    def for_heartbeat(cls) -> Route:
        """Every canary alert, at once: a filter or a digest here would only delay the heartbeat."""
        return cls(heartbeat=True)

    def decide(self, alert: Alert) -> Decision:
        if (alert.rule == HEARTBEAT_RULE) != self.heartbeat:
            return Decision.SKIP
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
