"""Reader problems become Sphinx warnings of type ``seminar`` with the problem's code; every
warning of the extension names its file relative to the source folder (``talks/x.md:3``),
whatever folder the build runs from."""

from __future__ import annotations

import os
from collections.abc import Iterable

from docutils import nodes
from docutils.utils import get_source_line
from sphinx.environment import BuildEnvironment
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


def node_location(env: BuildEnvironment, node: nodes.Node) -> str | nodes.Node:
    """``page.md:12``: a node's file, relative to the source folder, and its line (the node
    itself, for Sphinx to place, when it knows neither)."""
    source, line = get_source_line(node)
    if not source or not line:
        return node
    path = os.path.relpath(source, env.srcdir) if os.path.isabs(source) else source
    return f"{path.replace(os.sep, '/')}:{line}"
