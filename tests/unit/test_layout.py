"""The suite's layout: shared test code lives in tests/support/, and no test module imports another.

A helper imported from a test module (or from a conftest) runs that module's imports and, under
pytest, can collect its tests twice; a helper beside the tests that use it is found by nobody else.
Imports are read with ``ast``, at any depth (a function-level import counts), relative ones resolved.
"""

from __future__ import annotations

import ast
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]
SUPPORT = "tests.support"
# Modules outside tests/support/ that are not test modules: programs the tests start, never imported.
PROGRAMS = {
    "tests/fault/hostile_netns.py": "run as `python -m` inside a fresh network namespace",
    "tests/deploy/compose_peer.py": "mounted into a container of the compose test",
}
SKIPPED = ("data",)  # tests/data/: fixtures and the scripts that generate them


def modules() -> list[Path]:
    return sorted(p for p in TESTS.rglob("*.py") if p.relative_to(TESTS).parts[0] not in SKIPPED)


def dotted(path: Path) -> str:
    rel = path.relative_to(TESTS.parent).with_suffix("")
    parts = rel.parts[:-1] if rel.name == "__init__" else rel.parts
    return ".".join(parts)


def imported(path: Path) -> list[tuple[int, str]]:
    """Every module ``path`` imports from the tests package, as (line, dotted name)."""
    return imports_of(path.read_text(encoding="utf-8"), dotted(path), path.name == "__init__.py")


def imports_of(source: str, module: str, is_package: bool = False) -> list[tuple[int, str]]:
    """The tests-package imports of ``source``, the text of the module named ``module``."""
    package = module.split(".") if is_package else module.split(".")[:-1]
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(source, module)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = ".".join(package[: len(package) - node.level + 1])
                name = f"{base}.{node.module}" if node.module else base
            else:
                name = node.module or ""
            found.append((node.lineno, name))
            # ``from tests.unit import test_x`` imports the module test_x, not a name in a module.
            found += [(node.lineno, f"{name}.{a.name}") for a in node.names if is_test_name(a.name)]
    return sorted((line, name) for line, name in found if name == "tests" or name.startswith("tests."))


def is_test_name(name: str) -> bool:
    return name.startswith("test_") or name == "conftest"


def test_the_import_reader_resolves_relative_and_nested_imports() -> None:
    """The reader itself, on a module placed like a test module: what the layout checks rely on."""
    source = (
        "from .test_novelty_rules import ev\n"
        "from ..conftest import x\n"
        "from tests.unit import test_layout\n"
        "import json\n"
        "def f():\n    from tests.support.novelty_events import ev\n"
    )
    assert [name for _, name in imports_of(source, "tests.unit.alerts.test_sample")] == [
        "tests.unit.alerts.test_novelty_rules",
        "tests.unit.conftest",
        "tests.unit",
        "tests.unit.test_layout",
        "tests.support.novelty_events",
    ]


def test_no_module_under_tests_imports_a_test_module_or_a_helper_outside_support() -> None:
    problems = []
    for path in modules():
        for line, name in imported(path):
            last = name.rsplit(".", 1)[-1]
            if is_test_name(last):
                problems.append(
                    f"{path.relative_to(TESTS.parent)}:{line}: imports {name}, a test module or conftest"
                )
            elif name not in ("tests", SUPPORT) and not name.startswith(SUPPORT + "."):
                problems.append(
                    f"{path.relative_to(TESTS.parent)}:{line}: imports {name}, outside tests/support/"
                )
    assert not problems, "move shared test code into tests/support/:\n" + "\n".join(problems)


def test_helpers_live_in_tests_support() -> None:
    """Outside tests/support/, a module is a test module, a conftest, a package marker or a known program."""
    misplaced = []
    for path in modules():
        rel = path.relative_to(TESTS.parent).as_posix()
        if rel.startswith("tests/support/") or is_test_name(path.stem) or path.name == "__init__.py":
            continue
        if rel not in PROGRAMS:
            misplaced.append(rel)
    assert not misplaced, f"helpers belong in tests/support/: {misplaced}"
    missing = [p for p in PROGRAMS if not (TESTS.parent / p).exists()]
    assert not missing, f"PROGRAMS names files that are gone: {missing}"
