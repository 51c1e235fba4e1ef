"""``herald bench``: a thin door to the pipeline benchmark, whose code lives in ``bench/``.

The benchmark is a development tool, not part of the installed service: it sits at the repository
root next to ``tests/`` (the layout the project chose), outside any package. This module
finds it from a source checkout (the repository root is three levels above this package) and hands it
the command line untouched, so ``herald bench --help`` shows the benchmark's own options. Nothing is
imported until the command runs, so ``herald`` itself stays quick to start.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from typing import Any

import typer

# Options are the benchmark's, not ours: pass everything through, --help included.
CONTEXT: dict[str, Any] = {"allow_extra_args": True, "ignore_unknown_options": True, "help_option_names": []}


def _repo_root() -> Path:
    return Path(__file__).resolve().parents[3]  # services/herald-dev/herald_dev/


def bench(ctx: typer.Context) -> None:
    """Benchmark the whole pipeline on this machine: spaCy ceiling, saturation, latency, memory, scale-out.

    Options: herald bench --help. Needs a source checkout (bench/ next to services/).
    """
    root = _repo_root()
    if not (root / "bench" / "pipeline" / "cli.py").is_file():
        typer.echo(f"herald bench runs from a source checkout: no bench/ found in {root}", err=True)
        raise typer.Exit(2)
    if str(root) not in sys.path:
        sys.path.insert(0, str(root))
    cli = importlib.import_module("bench.pipeline.cli")
    raise typer.Exit(cli.main(list(ctx.args)))
