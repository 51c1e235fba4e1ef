"""Settings of the classification stage (``HERALD_`` prefix, like every Herald process)."""

from __future__ import annotations

from pydantic import Field

from herald.core.settings import CoreSettings

from .type_veto import ON_BY_DEFAULT


class ClassifySettings(CoreSettings):
    classify_type_veto: bool = Field(
        ON_BY_DEFAULT,
        description="Drop a rule event whose type the learned text model (classify/data/type_veto.json) "
        "scores below that type's threshold: fewer false events on unseen copy, a little recall lost "
        "(classify/README.md, 'Learned type veto').",
    )
