"""docs/settings.md documents every HERALD_ variable of every settings class, and is up to date."""

from __future__ import annotations

import importlib
import importlib.util
import re
import subprocess
import sys

from tests.support.deploy_checks import ROOT

DOC = ROOT / "docs" / "settings.md"
SCRIPT = ROOT / "scripts" / "settings_doc.py"


def settings_classes() -> set[str]:
    """Every pydantic-settings class in the services, found in the source (not from a list we keep)."""
    found = set()
    for path in (ROOT / "services" / "herald").rglob("*.py"):
        for name, base in re.findall(r"^class (\w+)\((\w+)\)", path.read_text(), re.M):
            if base.endswith("Settings"):
                module = ".".join(path.relative_to(ROOT / "services").with_suffix("").parts)
                found.add(f"{module}:{name}")
    return found


def test_settings_doc_is_generated_from_the_current_classes() -> None:
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--check"], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr


def test_every_settings_class_is_in_the_generator() -> None:
    spec = importlib.util.spec_from_file_location("settings_doc", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    listed = {ref for ref, _ in module.CLASSES}
    assert settings_classes() <= listed, (
        f"add to scripts/settings_doc.py CLASSES: {sorted(settings_classes() - listed)}"
    )


def test_every_variable_of_every_class_is_documented() -> None:
    text = DOC.read_text()
    for ref in settings_classes():
        module, name = ref.split(":")
        cls = getattr(importlib.import_module(module), name)
        for field in cls.model_fields:
            assert f"`HERALD_{field.upper()}`" in text, f"{name}.{field} is not in docs/settings.md"
