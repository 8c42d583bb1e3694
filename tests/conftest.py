"""Shared fixtures: Sphinx's testing fixtures, with test roots under tests/roots."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest_plugins = ["sphinx.testing.fixtures"]

TESTS = Path(__file__).parent
SEED = TESTS.parent / "seeds" / "000_8a71cf92728e4c60.txt"


@pytest.fixture(scope="session")
def rootdir() -> Path:
    return TESTS / "roots"


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return SEED
