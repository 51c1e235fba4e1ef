"""Producer guarantees for replicated topics, for the Faust workers' aiokafka producer.

Faust gives its producer ``acks`` (Herald sets ``all``) but turns idempotence on only inside
transactions, which Herald does not use. With replicated topics a leader can die after it wrote a
batch and before it answered; the producer's retry would then write the batch twice on the new
leader. An idempotent producer numbers its batches, so the new leader drops the repeat. On one
broker that window does not exist, so the single-broker default stays as it was.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import faust

from .settings import CoreSettings


def apply_producer_guarantees(app: faust.App, settings: CoreSettings) -> None:
    """Make the app's producer idempotent when the settings ask for it (before the producer starts).

    Faust builds the aiokafka producer from ``_settings_default`` plus ``_settings_extra``; the extra
    mapping is the hook it offers for per-producer options, so it is extended rather than replaced.
    """
    if not settings.idempotent:
        return
    producer: Any = app.producer
    base = producer._settings_extra

    def extra() -> Mapping[str, Any]:
        return {**base(), "acks": "all", "enable_idempotence": True}

    producer._settings_extra = extra
