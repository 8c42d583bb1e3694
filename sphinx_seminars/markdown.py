"""Render a talk's Markdown (abstract, bio, details) through MyST, with file line numbers."""

from __future__ import annotations

import os

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.util.docutils import SphinxDirective, new_document

#: A paragraph that separates the blocks of one render; no talk text contains it.
BREAK = "SEMINARBLOCKBREAK4F7C2A"


def render_markdown_into(
    blocks: list[tuple[str, int, nodes.Element]],
    *,
    source: str,
    document: nodes.document,
    directive: SphinxDirective,
) -> None:
    """Parse Markdown blocks (each from ``source``, starting at its line) into their
    containers; headings become rubrics inside them.

    All blocks of a talk go through MyST in one pass.  When the page is the talk file itself
    (a page of a collection, an inline talk), this is the page's own nested MyST parse;
    otherwise a MyST parse in a document of its own named after the talk file.  Either way
    warnings about the text name the talk file and its lines.
    """
    ordered = sorted(blocks, key=lambda block: block[1])
    text = _combine(ordered)
    holder = nodes.container()
    if hasattr(directive.state, "_renderer") and _is_own_page(directive, source):
        lines = StringList(text.split("\n"), source=source)
        directive.state.nested_parse(lines, -directive.lineno, holder)
    else:  # imported here: MyST's Sphinx renderer brings intersphinx and requests with it
        from myst_parser.mdit_to_docutils.sphinx_ import SphinxRenderer  # noqa: PLC0415
        from myst_parser.parsers.mdit import create_md_parser  # noqa: PLC0415

        parser = create_md_parser(document.settings.env.myst_config, SphinxRenderer)
        parser.options["document"] = new_document(source, document.settings)
        parser.options["current_node"] = holder
        parser.render(text)
    targets = iter(container for _, _, container in ordered)
    target = next(targets)
    for child in list(holder.children):
        if isinstance(child, nodes.paragraph) and child.astext() == BREAK:
            target = next(targets, target)
            continue
        holder.remove(child)
        target += child


def _is_own_page(directive: SphinxDirective, source: str) -> bool:
    """Whether ``source`` (relative to the source folder, or absolute) is the page itself."""
    env = directive.env
    talk_file = os.path.normpath(os.path.join(env.srcdir, source))
    return talk_file == os.path.normpath(env.doc2path(env.docname))


def _combine(blocks: list[tuple[str, int, nodes.Element]]) -> str:
    """One Markdown text of all blocks, each padded down to its own first line."""
    parts: list[str] = []
    cursor = 1
    for index, (markdown, line, _) in enumerate(blocks):
        if index:
            parts.append(f"\n\n{BREAK}\n\n")
            cursor += 4
        if line > cursor:
            parts.append("\n" * (line - cursor))
            cursor = line
        parts.append(markdown.rstrip("\n"))
        cursor += markdown.rstrip("\n").count("\n")
    return "".join(parts)
