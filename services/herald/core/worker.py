"""Running a Faust app as a worker process, with Herald's logging instead of Faust's banner."""

from __future__ import annotations

import logging

import faust

from . import logs
from .settings import CoreSettings


class _Worker(faust.Worker):
    """Faust's worker with Herald's log format: Faust sets up the root logger, then we take it over."""

    herald_settings: CoreSettings

    def on_setup_root_logger(self, logger: logging.Logger, level: int) -> None:
        super().on_setup_root_logger(logger, level)
        logs.configure(self.herald_settings.log_level, self.herald_settings.log_format, keep_level=level)


def run(app: faust.App, settings: CoreSettings) -> None:
    """Block running ``app`` until SIGTERM/SIGINT; Faust stops agents and commits on the way out."""
    # Faust's own INFO logs are a start-up banner and per-partition chatter: keep them to warnings
    # unless Herald itself runs at DEBUG.
    level = "debug" if settings.log_level.upper() == "DEBUG" else "warn"
    worker = _Worker(app, loglevel=level, quiet=True, redirect_stdouts=False)
    worker.herald_settings = settings
    worker.execute_from_commandline()
