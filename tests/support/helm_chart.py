"""helm/herald rendered with the helm binary from .tools/ (``helm template``), for the chart's tests."""

from __future__ import annotations

import functools
import subprocess
from typing import Any

import yaml

from tests.support.deploy_checks import CHART, tool

KUBE_VERSION = "1.31.0"


def helm(*args: str) -> subprocess.CompletedProcess[str]:
    """Run helm in the chart's directory."""
    return subprocess.run([str(tool("helm")), *args], cwd=CHART, capture_output=True, text=True, timeout=120)


@functools.cache
def render_raw(*args: str) -> tuple[int, str, str]:
    """``helm template`` with ``args``: exit code, output, errors (run once per argument list)."""
    result = helm("template", "herald", ".", "--namespace", "news", "--kube-version", KUBE_VERSION, *args)
    return result.returncode, result.stdout, result.stderr


def render(*args: str) -> list[dict[str, Any]]:
    """The objects ``helm template`` renders with ``args`` (rendered once per argument list)."""
    code, out, err = render_raw(*args)
    assert code == 0, err
    return [d for d in yaml.safe_load_all(out) if d]
