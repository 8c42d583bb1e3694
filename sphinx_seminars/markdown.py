"""Render a talk's Markdown (abstract, bio, details) through MyST, with file line numbers.

All blocks of a talk go through MyST in one pass: each is fenced in the internal directive
``seminar-talk-part``, which parses its content in place into a node that says which block it
is, so the blocks are told apart by node, not by text.  When the page is a MyST page holding
the talk file itself (a page of a collection, an inline talk), the pass is the page's own
nested parse; otherwise a MyST parse in a document of its own named after the talk file.
Either way warnings about the text name the talk file and its lines."""

from __future__ import annotations

import os
import re

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.errors import FiletypeNotFoundError
from sphinx.util import get_filetype
from sphinx.util.docutils import SphinxDirective, new_document

from .reader.footnotes import scope_footnotes

PART = "seminar-talk-part"
_FENCES = re.compile(r"`{3,}")


class seminar_talk_part(nodes.General, nodes.Element):  # noqa: N801 - docutils node naming
    """One Markdown block of a talk while it is parsed; ``index`` says which."""


class TalkPartDirective(SphinxDirective):
    """Internal: the Markdown of one block of a talk, parsed in place."""

    required_arguments = 1
    has_content = True

    def run(self) -> list[nodes.Node]:
        part = seminar_talk_part(index=int(self.arguments[0]))
        self.state.nested_parse(self.content, self.content_offset, part)
        return [part]


def is_myst_page(env: BuildEnvironment, docname: str) -> bool:
    """Whether a document is read by MyST (its suffix is a Markdown one)."""
    try:
        filetype = get_filetype(env.config.source_suffix, env.doc2path(docname))
    except FiletypeNotFoundError:
        return False
    return filetype == "markdown"


def render_markdown_into(
    blocks: list[tuple[str, int, nodes.Element]],
    *,
    source: str,
    document: nodes.document,
    directive: SphinxDirective,
    footnote_prefix: str,
) -> None:
    """Parse Markdown blocks (each from ``source``, starting at its line) into their
    containers, all in one MyST pass; footnote labels get ``footnote_prefix`` (the talk's
    own), so that they are the talk's on a page of several talks."""
    ordered = [
        (scope_footnotes(markdown, footnote_prefix), line, container)
        for markdown, line, container in sorted(blocks, key=lambda block: block[1])
    ]
    text = _fenced(ordered)
    holder = nodes.container()
    env = directive.env
    if is_myst_page(env, env.docname) and _is_own_page(directive, source):
        lines = StringList(text.split("\n"), source=source)
        directive.state.nested_parse(lines, -directive.lineno, holder)
    else:  # imported here: MyST's Sphinx renderer brings intersphinx and requests with it
        from myst_parser.mdit_to_docutils.sphinx_ import SphinxRenderer  # noqa: PLC0415
        from myst_parser.parsers.mdit import create_md_parser  # noqa: PLC0415

        parser = create_md_parser(document.settings.env.myst_config, SphinxRenderer)
        # the talk file's whole path: warnings made later from these nodes name it whatever
        # folder the build runs from (a path from the source folder is taken from the current)
        talk_file = os.path.normpath(os.path.join(env.srcdir, source))
        parser.options["document"] = new_document(talk_file, document.settings)
        parser.options["current_node"] = holder
        parser.render(text)
        _adopt_footnotes(holder, document)
    containers = [container for _, _, container in ordered]
    for part in holder.findall(seminar_talk_part):
        containers[part["index"]].extend(part.children)


def _adopt_footnotes(holder: nodes.Element, document: nodes.document) -> None:
    """Footnotes parsed in a document of their own join the page's: docutils numbers them
    and resolves their references from what the page's document has noted."""
    for note in holder.findall(nodes.footnote):
        note["ids"] = []
        document.note_autofootnote(note)
        document.note_explicit_target(note, note)
    for reference in holder.findall(nodes.footnote_reference):
        reference["ids"] = []
        document.note_autofootnote_ref(reference)
        document.note_footnote_ref(reference)


def _is_own_page(directive: SphinxDirective, source: str) -> bool:
    """Whether ``source`` (relative to the source folder, or absolute) is the page itself."""
    env = directive.env
    talk_file = os.path.normpath(os.path.join(env.srcdir, source))
    return talk_file == os.path.normpath(env.doc2path(env.docname))


def _fenced(blocks: list[tuple[str, int, nodes.Element]]) -> str:
    """One Markdown text of all blocks, each fenced in the part directive and padded down so
    that its first line is its own line in the file (when the blocks leave room)."""
    parts: list[str] = []
    cursor = 1  # the line the next text starts on
    for index, (block, line, _) in enumerate(blocks):
        markdown = block.rstrip("\n")
        fence = "`" * max([3, *(len(run) + 1 for run in _FENCES.findall(markdown))])
        opening = max(line - 1, cursor)
        parts.append("\n" * (opening - cursor))
        parts.append(f"{fence}{{{PART}}} {index}\n{markdown}\n{fence}\n")
        cursor = opening + markdown.count("\n") + 3
    return "".join(parts)


def setup_markdown(app: Sphinx) -> None:
    app.add_node(seminar_talk_part)
    app.add_directive(PART, TalkPartDirective)
