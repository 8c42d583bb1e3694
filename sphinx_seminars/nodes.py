"""The one node of its own the extension needs: a moment in time, ``<time>`` in HTML.

Every other part of a rendered talk is made of standard docutils nodes, so that every
builder (latex, text, man, epub, ...) renders it without help.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.writers.html5 import HTML5Translator


class seminar_time(nodes.inline):  # noqa: N801 - docutils names nodes in lower case
    """A date or time; ``datetime`` holds its ISO 8601 form.  Non-HTML builders
    render it as the inline text it contains."""


def visit_time_html(translator: HTML5Translator, node: seminar_time) -> None:
    translator.body.append(translator.starttag(node, "time", "", datetime=node["datetime"]))


def depart_time_html(translator: HTML5Translator, node: seminar_time) -> None:
    translator.body.append("</time>")


def setup_nodes(app: Sphinx) -> None:
    app.add_node(seminar_time, html=(visit_time_html, depart_time_html))
