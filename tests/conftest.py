"""Shared fixtures: Sphinx's testing fixtures, with test roots under tests/roots."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sphinx.testing.util import SphinxTestApp

pytest_plugins = ["sphinx.testing.fixtures"]

TESTS = Path(__file__).parent
SEED = TESTS.parent / "seeds" / "000_8a71cf92728e4c60.txt"


@pytest.fixture(scope="session")
def rootdir() -> Path:
    return TESTS / "roots"


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return SEED


@pytest.fixture
def make_app(make_app: Callable[..., SphinxTestApp]) -> Callable[..., SphinxTestApp]:
    """Sphinx's ``make_app`` (used by ``app`` too), with warning types shown in every build:
    the tests read ``[seminar.<code>]`` at the end of warnings, which Sphinx before 8.0
    leaves out unless ``show_warning_types`` is set."""

    def make(*args: Any, **kwargs: Any) -> SphinxTestApp:
        overrides = {"show_warning_types": True, **(kwargs.get("confoverrides") or {})}
        return make_app(*args, **{**kwargs, "confoverrides": overrides})

    return make
