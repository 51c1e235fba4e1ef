"""The Herald commands the deployment files run: the settings class each reads, its metrics module.

Compose and the Helm chart are both checked against this table: a command they run must be a real
one, and the variables and ports they give it must be the ones its settings and module define.
"""

from __future__ import annotations

import importlib
from typing import Any

# What each Herald command reads its settings from, and which port it serves metrics on.
COMMANDS: dict[tuple[str, ...], tuple[str, str | None]] = {
    ("topics",): ("herald.core.settings:CoreSettings", None),
    ("poll",): ("herald.poller.settings:PollerSettings", "herald.poller.service"),
    ("worker", "dedup"): ("herald.core.settings:CoreSettings", "herald.dedup.agent"),
    # dedup, classify and novelty in one process: each stage reads its own settings class, as alone; one
    # /metrics, on the dedup worker's port.
    ("worker", "light"): ("herald.core.settings:CoreSettings", "herald.dedup.agent"),
    ("worker", "enrich"): ("herald.core.settings:CoreSettings", "herald.enrich.agent"),
    ("worker", "classify"): ("herald.classify.settings:ClassifySettings", "herald.classify.agent"),
    ("worker", "novelty"): ("herald.alerts.settings:AlertSettings", "herald.alerts.novelty_agent"),
    ("worker", "delivery"): ("herald.alerts.settings:AlertSettings", "herald.alerts.delivery_agent"),
    ("heartbeat", "serve"): ("herald.heartbeat.settings:HeartbeatSettings", "herald.heartbeat.server"),
    ("store",): ("herald.store.settings:StoreSettings", "herald.store.agent"),
    ("api",): ("herald.api.settings:ApiSettings", "herald.api.settings"),
}


def settings_class(ref: str) -> type[Any]:
    """The class a ``module:Name`` reference names."""
    module, name = ref.split(":")
    return getattr(importlib.import_module(module), name)  # type: ignore[no-any-return]
