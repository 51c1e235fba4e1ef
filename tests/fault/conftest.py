"""Fault suite: prints the table of every scenario's losses and repeats at the end of the run."""

from __future__ import annotations

from typing import Any

from tests.support.fault_harness import RESULTS, table


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if RESULTS:
        terminalreporter.write_sep("=", "fault scenarios: every expected alert, delivered once")
        terminalreporter.write_line(table(RESULTS))
