"""Reader problems become Sphinx warnings of type ``seminar`` with the problem's code."""

from __future__ import annotations

import os
from collections.abc import Iterable

from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from .model import Problem

LOGGER = logging.getLogger("sphinx_seminars")


def report_problems(problems: Iterable[Problem], source: str) -> None:
    """Log each problem at ``source:line`` as ``[seminar.<code>]``.

    ``suppress_warnings = ["seminar.<code>"]`` silences a kind."""
    for problem in problems:
        location = f"{source}:{max(problem.line, 1)}"  # a bare path would be taken for a docname
        LOGGER.warning(problem.message, location=location, type="seminar", subtype=problem.code)


def page_location(directive: SphinxDirective) -> str:
    """``page.md:12``: a directive's page, relative to the source folder, and its line."""
    page, line = directive.get_source_info()
    return f"{os.path.relpath(page, directive.env.srcdir)}:{line}"
