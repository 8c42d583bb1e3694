"""Render a talk's Markdown (abstract, bio) through MyST into a node, with file line numbers."""

from __future__ import annotations

from docutils import nodes
from myst_parser.mdit_to_docutils.sphinx_ import SphinxRenderer
from myst_parser.parsers.mdit import create_md_parser
from sphinx.util.docutils import new_document


def render_markdown_into(
    markdown: str, line: int, container: nodes.Element, *, source: str, document: nodes.document
) -> None:
    """Parse ``markdown`` (from ``source``, starting at ``line``) and append it to ``container``.

    It is parsed in a document of its own named after the talk file, so that MyST's warnings
    point to the talk file and its lines; headings become rubrics inside the container.
    """
    env = document.settings.env
    scratch = new_document(source, document.settings)
    parser = create_md_parser(env.myst_config, SphinxRenderer)
    parser.options["document"] = scratch
    parser.options["current_node"] = container
    parser.render("\n" * max(line - 1, 0) + markdown)
