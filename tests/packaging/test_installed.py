"""Herald installed from its wheel (not editable) runs: ``herald analyze`` finds the news day's alerts,
``herald --help`` offers only what a plain install can run, and the code is the installed copy.

The install is ``HERALD_TEST_PYTHON``'s environment when set (``make test`` builds it once and the
end-to-end test runs from it too); otherwise this module builds the wheel and installs it into a
temporary environment itself, which takes a minute with pip's cache warm.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from tests.support.environment import ROOT, herald_env
from tests.support.installed import built_wheel, install, installed_python

pytestmark = pytest.mark.slow

RUNTIME_COMMANDS = {"topics", "poll", "worker", "store", "analyze", "backfill", "heartbeat", "feeds"}
DEVELOPMENT_COMMANDS = {"up", "kafka", "bench", "plot"}  # herald-dev's


@pytest.fixture(scope="module")
def python(tmp_path_factory: pytest.TempPathFactory) -> Path:
    given = installed_python()
    if given is not None:
        return given
    wheel = built_wheel(tmp_path_factory.mktemp("dist"))
    return install(wheel, tmp_path_factory.mktemp("wheel-venv") / "venv")


def run(python: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in herald_env({}).items() if k != "PYTHONPATH"}
    return subprocess.run(
        [str(python.parent / "herald"), *argv], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600
    )


def test_the_installed_herald_is_not_the_source_tree(python: Path) -> None:
    done = subprocess.run(
        [str(python), "-c", "import herald; print(herald.__file__)"], cwd=ROOT, capture_output=True, text=True
    )
    where = Path(done.stdout.strip())
    assert "site-packages" in where.parts and ROOT / "services" not in where.parents, where


def test_installed_analyze_finds_the_alerts_of_the_news_day(python: Path) -> None:
    done = run(python, "analyze", str(ROOT / "tests" / "data" / "analyze" / "news_day.jsonl"))
    assert done.returncode == 0, done.stderr[-3000:]
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    alerts = [line for line in lines if line["kind"] == "alert"]
    assert alerts, "the news day holds alert-worthy articles"
    assert any(line["kind"] == "event" and line["location"] for line in lines), "the gazetteer placed events"


def test_installed_help_lists_only_runtime_commands(python: Path) -> None:
    done = run(python, "--help")
    assert done.returncode == 0, done.stderr
    listed = {
        line.split()[1] for line in done.stdout.splitlines() if line.startswith("│ ") and line[2] != " "
    }
    assert RUNTIME_COMMANDS <= listed and not listed & DEVELOPMENT_COMMANDS, listed
