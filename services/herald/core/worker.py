"""Running Faust apps as a worker process, with Herald's logging instead of Faust's banner."""

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


def run(app: faust.App, settings: CoreSettings, *companions: faust.App) -> None:
    """Block running ``app`` (and ``companions``, see ``worker``) until SIGTERM/SIGINT; Faust stops
    agents and commits on the way out."""
    worker(app, settings, *companions).execute_from_commandline()


def worker(app: faust.App, settings: CoreSettings, *companions: faust.App) -> faust.Worker:
    """The Faust worker that runs ``app`` and ``companions`` in this process.

    ``companions`` are more stages' apps in the same process and event loop (``herald worker light``):
    each keeps its own consumer group, tables and producer, so offsets, changelogs and the fault
    properties are those of the stage run alone. Faust's worker starts them as its services before
    ``app`` and stops them, each committing its offsets, when it stops. They share one /metrics:
    every stage's metrics live in the one registry the process serves, so only ``app`` runs a web
    server (two on one port would not start).
    """
    # Faust's own INFO logs are a start-up banner and per-partition chatter: keep them to warnings
    # unless Herald itself runs at DEBUG.
    level = "debug" if settings.log_level.upper() == "DEBUG" else "warn"
    for companion in companions:
        companion.conf.web_enabled = False
        companion.in_worker = True  # as Faust's worker marks the app it runs
    built = _Worker(app, *companions, loglevel=level, quiet=True, redirect_stdouts=False)
    built.herald_settings = settings
    return built
