"""The whole protocol in one process, one article at a time: ``herald analyze``, tests, the benchmark."""

from __future__ import annotations

from collections.abc import MutableMapping
from dataclasses import dataclass
from typing import Any

from herald.core.heartbeat_markers import is_canary
from herald.core.records import Article

from .claims import ClaimIndex
from .gathering import Gatherer
from .local_bus import LocalBus
from .messages import StorySource
from .routing import DedupConfig, Dropped
from .scatter import membership_notice, scatter
from .stores import PrefixedView


@dataclass
class Verdict:
    """What ``Deduplicator.check`` decided for one article: unique, or a copy of which original."""

    duplicate_of: str | None
    kind: str | None  # "exact" or "near" for copies

    @property
    def is_duplicate(self) -> bool:
        return self.duplicate_of is not None


class Deduplicator:
    """The whole protocol over in-memory stores, one article at a time: what ``herald analyze`` runs.

    ``store`` holds every table under a prefix (a dict offline). ``check`` runs the article's
    messages to completion and returns its verdict. The copy notices the story stage would consume
    collect until ``drain_story_sources``; ``member`` is the story stage's notice that an original
    joined a story, and returns the notices it releases.
    """

    def __init__(
        self, store: MutableMapping[str, Any] | None = None, config: DedupConfig | None = None
    ) -> None:
        store = {} if store is None else store
        self.config = config or DedupConfig()
        self.claims = ClaimIndex(PrefixedView(store, "claim:"), self.config)
        self.gatherer = Gatherer(
            PrefixedView(store, "verdict:"), PrefixedView(store, "pending:"), self.config
        )
        self.bus = LocalBus(self.claims, self.gatherer)
        self.story_sources: list[StorySource] = []

    def check(self, article: Article) -> Verdict:
        if is_canary(article.tags):
            return Verdict(None, None)  # as in route_article(): always unique, and it leaves no state
        self.bus.post(scatter(article, self.config))
        return self._run_to_verdict(article.id)

    def member(self, article_id: str, event_type: str, story_id: str) -> list[StorySource]:
        self.bus.post([membership_notice(self.config, article_id, event_type, story_id)])
        self._run_to_verdict(article_id)
        return self.drain_story_sources()

    def drain_story_sources(self) -> list[StorySource]:
        notices, self.story_sources = self.story_sources, []
        return notices

    def _run_to_verdict(self, article_id: str) -> Verdict:
        """Deliver every queued message; the article's verdict is its ``Dropped``, if any (else unique)."""
        verdict = Verdict(None, None)
        for out in self.bus.run():
            if isinstance(out, StorySource):
                self.story_sources.append(out)
            elif isinstance(out, Dropped) and out.article_id == article_id:
                verdict = Verdict(out.duplicate_of, out.kind)
        return verdict
