"""sphinx_seminars: publish a seminar series with Sphinx, one Markdown file per talk."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup(app: Sphinx) -> dict[str, Any]:
    """Sphinx entry point; the reader and the command line import no Sphinx."""
    from .extension import setup_extension

    return setup_extension(app)
