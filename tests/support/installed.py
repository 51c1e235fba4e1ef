"""Which Herald the tests run as child processes: the source tree, or an installed wheel.

``HERALD_TEST_PYTHON`` names the interpreter of a virtual environment where Herald's wheel is
installed (not editable); ``make test`` builds one with ``scripts/wheel-venv.sh`` and sets it, so the
end-to-end test runs the artifact users install. Unset, children run this interpreter's ``herald``
(the source checkout). ``HERALD_TEST_WHEEL`` names an already built wheel the packaging tests reuse.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.support.environment import ROOT


def installed_python() -> Path | None:
    value = os.environ.get("HERALD_TEST_PYTHON", "")
    return Path(value).absolute() if value else None


def herald_argv(*args: str) -> list[str]:
    """The command line of one ``herald`` child process."""
    python = installed_python()
    if python is None:
        return [sys.executable, "-m", "herald.cli", *args]
    return [str(python.parent / "herald"), *args]


def child_env(env: dict[str, str]) -> dict[str, str]:
    """``env`` for a child; an installed Herald must not see the source tree through PYTHONPATH."""
    if installed_python() is None:
        return env
    return {k: v for k, v in env.items() if k != "PYTHONPATH"}


def built_wheel(outdir: Path) -> Path:
    """``HERALD_TEST_WHEEL`` if set, else Herald's wheel built now (sdist first, as installers do)."""
    given = os.environ.get("HERALD_TEST_WHEEL", "")
    if given:
        return Path(given)
    done = subprocess.run(
        [sys.executable, "-m", "build", "--outdir", str(outdir), str(ROOT)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    (wheel,) = outdir.glob("herald-*.whl")
    return wheel


def install(wheel: Path, venv: Path) -> Path:
    """A fresh virtual environment with ``wheel[nlp]`` installed, not editable; returns its python."""
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    python = venv / "bin" / "python"
    done = subprocess.run(
        [str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check", f"{wheel}[nlp]"],
        capture_output=True,
        text=True,
        timeout=1200,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return python
