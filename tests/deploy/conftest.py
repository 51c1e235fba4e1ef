"""Fixtures of the deployment tests."""

from __future__ import annotations

import pytest

from tests.support.deploy_checks import Catalogue, build_catalogue


@pytest.fixture(scope="session")
def catalogue(tmp_path_factory: pytest.TempPathFactory) -> Catalogue:
    """Every metric the services export, read from their registries (built, not started)."""
    return build_catalogue(tmp_path_factory.mktemp("catalogue-state"))
