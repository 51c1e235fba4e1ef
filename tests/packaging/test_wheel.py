"""The built wheel holds every file the runtime code opens, and the gazetteer builds from it alone.

What must be inside is read from the source tree, not listed here: every file under a ``data/``
folder of the ``herald`` package, and every non-Python file of the package whose name appears as a
string in its code (a schema, a YAML table, a word list). A file added to either place without a
package-data rule fails this test on the built wheel.
"""

from __future__ import annotations

import ast
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from tests.support.environment import ROOT
from tests.support.installed import built_wheel

from herald.store.migrate import head

PACKAGE = ROOT / "services" / "herald"


def data_files() -> set[str]:
    """Package-relative paths (``herald/enrich/data/regions.tsv``) of every file the code may open."""
    others = [
        p
        for p in PACKAGE.rglob("*")
        if p.is_file() and p.suffix not in {".py", ".pyc"} and "__pycache__" not in p.parts
    ]
    named: set[str] = set()
    for source in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                named.add(node.value)
    wanted = {p for p in others if "data" in p.relative_to(PACKAGE).parts[:-1] or p.name in named}
    return {str(p.relative_to(PACKAGE.parent)) for p in wanted}


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return built_wheel(tmp_path_factory.mktemp("dist"))


def test_the_source_tree_names_data_files_at_all() -> None:
    """Guard the derivation: the enrichment tables are found, so an empty set cannot pass vacuously."""
    files = data_files()
    assert "herald/enrich/data/regions.tsv" in files and "herald/enrich/data/not_places.txt" in files
    assert "herald/classify/data/type_veto.json" in files  # the learned type veto's model
    assert not any(f.endswith(".py") for f in files)


def test_the_wheel_holds_every_file_the_code_opens(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as zf:
        inside = set(zf.namelist())
    missing = sorted(data_files() - inside)
    assert missing == [], f"not in {wheel.name}: {missing} (add them to [tool.setuptools.package-data])"


def test_the_wheel_holds_only_the_runtime_package(wheel: Path) -> None:
    """Development tools are the herald-dev distribution: none of their modules ship in herald."""
    with zipfile.ZipFile(wheel) as zf:
        tops = {name.split("/", 1)[0] for name in zf.namelist()}
        names = zf.namelist()
    assert tops == {"herald", wheel.name.split("-")[0] + "-" + wheel.name.split("-")[1] + ".dist-info"}
    assert not [n for n in names if n.startswith(("herald/local/", "herald/benchmark", "herald/plot"))]
    assert "herald/poller/webfixture.py" not in names


def test_the_gazetteer_builds_from_the_unpacked_wheel(wheel: Path, tmp_path: Path) -> None:
    """In a fresh interpreter whose ``herald`` is the unpacked wheel, not the source tree."""
    with zipfile.ZipFile(wheel) as zf:
        zf.extractall(tmp_path / "site")
    probe = (
        "import sys; sys.path.insert(0, sys.argv[1]);"
        "import herald; from herald.enrich import gazetteer;"
        "assert herald.__file__.startswith(sys.argv[1]), herald.__file__;"
        "g = gazetteer.build();"
        "print(len(g.countries), len(g.region_bases), len(g.not_places))"
    )
    done = subprocess.run(
        [sys.executable, "-I", "-c", probe, str(tmp_path / "site")],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    countries, regions, not_places = map(int, done.stdout.split())
    assert countries > 200 and regions > 0 and not_places > 0


def test_the_store_migrates_a_database_from_the_unpacked_wheel(wheel: Path, tmp_path: Path) -> None:
    """The Alembic revisions ship in the wheel: a fresh interpreter builds the schema from them alone."""
    with zipfile.ZipFile(wheel) as zf:
        zf.extractall(tmp_path / "site")
    probe = (
        "import sys; sys.path.insert(0, sys.argv[1]);"
        "from herald.store import migrate; import sqlalchemy as sa;"
        "assert migrate.__file__.startswith(sys.argv[1]), migrate.__file__;"
        "print(migrate.migrate('sqlite:///' + sys.argv[2]));"
        "print(' '.join(sorted(sa.inspect(sa.create_engine('sqlite:///' + sys.argv[2])).get_table_names())))"
    )
    done = subprocess.run(
        [sys.executable, "-I", "-c", probe, str(tmp_path / "site"), str(tmp_path / "store.db")],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    revision, tables = done.stdout.split("\n")[:2]
    assert revision == head()  # the newest revision the source tree carries
    assert set(tables.split()) >= {"alembic_version", "articles", "events", "stories", "series_points"}
