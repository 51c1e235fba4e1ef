"""Settings of the dedup worker (``HERALD_`` prefix, like every service)."""

from __future__ import annotations

from datetime import timedelta

from pydantic import Field

from herald.core.settings import CoreSettings

from .fingerprint import NearParams
from .routing import DedupConfig
from .stories import StoryConfig


class DedupSettings(CoreSettings):
    """How long copies and stories are remembered, and how alike a copy must be."""

    dedup_retention_days: float = Field(
        7.0, gt=0, description="How long fingerprints, verdicts and closed stories are remembered."
    )
    dedup_near_threshold: float = Field(
        0.5,
        gt=0,
        le=1,
        description="Estimated Jaccard similarity of the compared text above which a copy is near.",
    )
    dedup_claim_buckets_log2: int = Field(
        18,
        ge=4,
        le=28,
        description="log2 of the number of fingerprint buckets (table keys) across all partitions.",
    )
    dedup_verdict_buckets_log2: int = Field(
        14,
        ge=4,
        le=28,
        description="log2 of the number of verdict buckets (table keys) across all partitions.",
    )
    story_span_hours: float = Field(
        18.0, gt=0, description="Latest a retelling joins a story after its first report."
    )
    story_idle_hours: float = Field(
        10.0, gt=0, description="Latest a retelling joins a story after its latest report."
    )

    def dedup_config(self) -> DedupConfig:
        return DedupConfig(
            partitions=self.partitions,
            near=NearParams(threshold=self.dedup_near_threshold),
            retention=timedelta(days=self.dedup_retention_days),
            claim_buckets_log2=self.dedup_claim_buckets_log2,
            verdict_buckets_log2=self.dedup_verdict_buckets_log2,
        )

    def story_config(self) -> StoryConfig:
        return StoryConfig(
            span=timedelta(hours=self.story_span_hours),
            idle=timedelta(hours=self.story_idle_hours),
            retention=timedelta(days=self.dedup_retention_days),
        )
