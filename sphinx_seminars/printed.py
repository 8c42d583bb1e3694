"""Labels for the builders that write one printed document (latex, texinfo).

Their writers make labels only for the ids of sections, targets and a few other nodes; an id
on a list item, a line block or a container is dropped, and a reference to it points nowhere
("??" in a PDF, an error for ``makeinfo``).  The extension puts such ids on a talk's
references (the ``[n]`` links of its abstract), its speakers and the entries of the speakers
page: before these documents are written, each of those ids moves to a target of its own at
the same place, which every writer labels."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes

if TYPE_CHECKING:
    from sphinx.application import Sphinx

#: The builders whose writers drop the ids of the nodes below.
PRINTED_BUILDERS = frozenset({"latex", "texinfo"})
#: The CSS classes of the extension's blocks whose ids are moved (a talk, the speakers page).
_BLOCKS = frozenset({"seminar-talk", "seminar-speakers"})
_UNLABELLED = (nodes.list_item, nodes.line_block, nodes.container)


def _in_seminar_block(node: nodes.Element) -> bool:
    parent: nodes.Element | None = node
    while parent is not None:
        if _BLOCKS.intersection(parent.get("classes", [])):
            return True
        parent = parent.parent
    return False


def target_for_ids(node: nodes.Element) -> None:
    """Move a node's ids to a target: at the start of a list item's first paragraph (a
    label before ``\\item`` would be text outside an item), else just before the node."""
    target = nodes.target("", "", ids=node["ids"])
    node["ids"] = []
    first = node.next_node(nodes.TextElement) if isinstance(node, nodes.list_item) else None
    if first is not None:
        first.insert(0, target)
    else:
        node.parent.insert(node.parent.index(node), target)


def label_ids(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved`` (after the listings are filled): in latex and texinfo, the ids
    of the extension's list items, line blocks and containers become targets."""
    if app.builder.name not in PRINTED_BUILDERS:
        return
    for node in list(doctree.findall(nodes.Element)):
        if isinstance(node, _UNLABELLED) and node["ids"] and _in_seminar_block(node):
            target_for_ids(node)


def setup_printed(app: Sphinx) -> None:
    app.connect("doctree-resolved", label_ids, priority=800)
