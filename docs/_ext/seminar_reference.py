"""Reference tables of these docs, made from the code: the problem codes (from
``sphinx_seminars.problems``) and the settings (from ``sphinx_seminars.config``)."""

from __future__ import annotations

import json
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from sphinx_seminars.config import setting_help
from sphinx_seminars.problems import HELP
from sphinx_seminars.reader import read_talk
from sphinx_seminars.serialize import talk_to_json


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


class JsonExample(SphinxDirective):
    """The JSON form of a talk file, as the reader gives it now (long texts cut)."""

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        relative, path = self.env.relfn2path(self.arguments[0], self.env.docname)
        self.env.note_dependency(relative)
        data = talk_to_json(read_talk(path, default_timezone=self.config.seminar_timezone))
        data["source"] = self.arguments[0].lstrip("./")
        text = json.dumps(_cut(data), indent=2, ensure_ascii=False)
        return [nodes.literal_block(text, text, language="json")]


def _cut(value: Any) -> Any:
    """Texts longer than a line end in "...", lists of more than two items after two."""
    if isinstance(value, str) and len(value) > 70:
        return value[:66].rstrip() + " ..."
    if isinstance(value, list):
        return [_cut(item) for item in value[:2]] + (["..."] if len(value) > 2 else [])
    if isinstance(value, dict):
        return {key: _cut(item) for key, item in value.items()}
    return value


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_directive("seminar-problem-codes", ProblemCodes)
    app.add_directive("seminar-settings", Settings)
    app.add_directive("seminar-json-example", JsonExample)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
