"""In-memory doubles of the poller's output seams, for tests and benchmarks (injected, never patched)."""

from __future__ import annotations

from herald.core.records import Article

from .output import PublishError
from .state import FeedHealth, FeedState, SeenState


class MemoryPublisher:
    """Keeps what was published; ``fail_next`` makes that many calls fail as a down broker would."""

    def __init__(self) -> None:
        self.articles: list[Article] = []
        self.fail_next = 0
        self.failures = 0

    async def publish(self, articles: list[Article]) -> None:
        if self.fail_next > 0 and articles:
            self.fail_next -= 1
            self.failures += 1
            raise PublishError("broker unavailable (memory double)")
        self.articles.extend(articles)

    async def close(self) -> None:
        return None


class MemoryStateStore:
    """Keeps state in dicts; a poller built on the same instance again sees it, as after a restart."""

    def __init__(self) -> None:
        self.seen: dict[str, SeenState] = {}
        self.health: dict[str, FeedHealth] = {}
        self.seen_writes = 0
        self.health_writes = 0

    async def load(self) -> dict[str, FeedState]:
        urls = set(self.seen) | set(self.health)
        return {
            u: FeedState(
                seen=SeenState.from_json(self.seen[u].to_json()) if u in self.seen else SeenState(),
                health=FeedHealth.from_json(self.health[u].to_json()) if u in self.health else FeedHealth(),
            )
            for u in urls
        }

    async def save_seen(self, url: str, seen: SeenState) -> None:
        self.seen[url] = SeenState.from_json(seen.to_json())
        self.seen_writes += 1

    def save_health(self, url: str, health: FeedHealth) -> None:
        self.health[url] = FeedHealth.from_json(health.to_json())
        self.health_writes += 1

    async def close(self) -> None:
        return None
