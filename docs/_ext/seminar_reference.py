"""Reference tables of these docs, made from the code: the problem codes (from
``sphinx_seminars.problems``) and the settings (from ``sphinx_seminars.config``)."""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from sphinx_seminars.config import setting_help
from sphinx_seminars.problems import HELP


def _table(headings: tuple[str, ...], rows: list[tuple[nodes.Node, ...]]) -> nodes.table:
    table = nodes.table()
    group = nodes.tgroup(cols=len(headings))
    table += group
    for _ in headings:
        group += nodes.colspec(colwidth=1)
    head = nodes.thead()
    head += nodes.row("", *(nodes.entry("", nodes.paragraph(h, h)) for h in headings))
    body = nodes.tbody()
    for cells in rows:
        body += nodes.row("", *(nodes.entry("", nodes.paragraph("", "", cell)) for cell in cells))
    group += head
    group += body
    return table


class ProblemCodes(SphinxDirective):
    """Every problem code, ``seminar.<code>``, with what it means."""

    def run(self) -> list[nodes.Node]:
        rows = [
            (nodes.literal(f"seminar.{code.value}", f"seminar.{code.value}"), nodes.Text(text))
            for code, text in HELP.items()
        ]
        return [_table(("warning type", "meaning"), rows)]


class Settings(SphinxDirective):
    """Every ``seminar_*`` setting, its default and what it does."""

    def run(self) -> list[nodes.Node]:
        rows = [
            (nodes.literal(name, name), nodes.literal(default, default), nodes.Text(text))
            for name, default, text in setting_help()
        ]
        return [_table(("setting", "default", "meaning"), rows)]


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_directive("seminar-problem-codes", ProblemCodes)
    app.add_directive("seminar-settings", Settings)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
