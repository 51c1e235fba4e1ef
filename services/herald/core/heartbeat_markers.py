"""The names by which every stage recognises the heartbeat's canary and keeps it off users' routes.

The heartbeat server (``herald.heartbeat``) publishes one synthetic item per round, tagged
:data:`CANARY_TAG`. Services may not import each other, so the tag and the names the canary takes
further down the pipeline live here, in the one package they all share:

* classify turns a tagged article into an event of type :data:`HEARTBEAT_TYPE`, bypassing the rules;
* dedup passes tagged articles through untouched, and gives each heartbeat event a story of its own;
* novelty raises exactly one alert with rule :data:`HEARTBEAT_RULE` per heartbeat event;
* delivery sends that rule only to the heartbeat's own webhook, and nothing else there.

The tag proves nothing about where an item came from (any feed can carry any category), so the
heartbeat server, not the stages, decides whether a post names a round it really published.
"""

from __future__ import annotations

from collections.abc import Iterable

CANARY_TAG = "herald-heartbeat"
HEARTBEAT_TYPE = "heartbeat"
HEARTBEAT_RULE = "heartbeat"


def is_canary(tags: Iterable[str]) -> bool:
    """True for an article's tags that mark it as the heartbeat's canary."""
    return CANARY_TAG in tags
