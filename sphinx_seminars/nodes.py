"""The extension's own nodes and the HTML markup they carry for the page script.

``seminar_time`` is a moment in time, ``<time>`` in HTML; ``seminar_box`` is a container
whose ``data-*`` attributes and ARIA role reach the HTML.  Both fall back to the standard
node they extend in every other builder (latex, text, man, epub, ...), which render them
without help.  Rubrics in talks and listings become headings of the right level in HTML.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.writers.html5 import HTML5Translator

#: Classes of the blocks whose rubrics are headings: a talk, the archive, the speakers page.
HEADED_BLOCKS = frozenset({"seminar-talk", "seminar-archive", "seminar-speakers"})


class seminar_time(nodes.inline):  # noqa: N801 - docutils names nodes in lower case
    """A date or time; ``datetime`` holds its ISO 8601 form, ``data-*`` attributes what
    the page script needs in listings (``data-start``, ``data-end``, ``data-series``).
    Non-HTML builders render it as the inline text it contains."""


class seminar_calendar_link(nodes.Inline, nodes.Element):  # noqa: N801 - docutils naming
    """Where a talk's "Add to calendar" link goes; ``anchor`` names the talk's section.  The
    calendar export makes it a link, or removes it, when the page is written."""


class seminar_subscribe(nodes.General, nodes.Element):  # noqa: N801 - docutils naming
    """Where links to subscribe to a calendar go: the site's (``kind`` ``site``), or a
    series', speaker's or tag's (``kind`` and ``key``, ``name`` as written).  The calendar
    export makes the links, or removes it, when the page is written."""


class seminar_box(nodes.container):  # noqa: N801 - docutils names nodes in lower case
    """A container with ``data-*`` attributes and an optional ARIA ``role`` in HTML."""


def data_attributes(node: nodes.Element) -> dict[str, str]:
    """The node's non-empty ``data-*`` attributes (and ``role``), as HTML attributes."""
    return {
        name: str(value)
        for name, value in node.attributes.items()
        if (name.startswith("data-") or name == "role") and value not in (None, "")
    }


def visit_time_html(translator: HTML5Translator, node: seminar_time) -> None:
    attributes = data_attributes(node)
    translator.body.append(
        translator.starttag(node, "time", "", False, datetime=node["datetime"], **attributes)
    )


def depart_time_html(translator: HTML5Translator, node: seminar_time) -> None:
    translator.body.append("</time>")


def visit_box_html(translator: HTML5Translator, node: seminar_box) -> None:
    attributes = data_attributes(node)
    translator.body.append(
        translator.starttag(node, "div", "\n", False, CLASS="docutils container", **attributes)
    )


def depart_box_html(translator: HTML5Translator, node: seminar_box) -> None:
    translator.body.append("</div>\n")


def section_depth(node: nodes.Node) -> int:
    """How many sections hold the node (the node itself included)."""
    depth = 0
    current: nodes.Node | None = node
    while current is not None:
        if isinstance(current, nodes.section):
            depth += 1
        current = current.parent
    return depth


def _in_headed_block(rubric: nodes.rubric) -> bool:
    parent = rubric.parent
    while parent is not None:
        if isinstance(parent, nodes.Element) and HEADED_BLOCKS & set(parent["classes"]):
            return True
        parent = parent.parent
    return False


def promote_rubrics(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved`` (HTML only): the rubrics of talks ("Abstract"), archive years
    and speakers' names become headings one level below their section, so that screen
    readers can move between them."""
    if app.builder.format != "html":
        return
    for rubric in list(doctree.findall(nodes.rubric)):
        if "heading-level" in rubric or not _in_headed_block(rubric):
            continue
        rubric["heading-level"] = min(section_depth(rubric) + 1, 6)


def skip_node(translator: nodes.NodeVisitor, node: nodes.Node) -> None:
    """A node that never reaches a writer (it is resolved first): nothing if it does."""
    raise nodes.SkipNode


def setup_nodes(app: Sphinx) -> None:
    skip = (skip_node, None)
    for node in (seminar_calendar_link, seminar_subscribe):
        app.add_node(node, html=skip, latex=skip, text=skip, man=skip, texinfo=skip)
    app.add_node(seminar_time, html=(visit_time_html, depart_time_html))
    app.add_node(seminar_box, html=(visit_box_html, depart_box_html))
    app.connect("doctree-resolved", promote_rubrics, priority=800)
