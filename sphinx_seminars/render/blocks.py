"""The shapes of a talk's blocks: a labelled paragraph ("When: ..."), a Markdown block."""

from __future__ import annotations

from docutils import nodes


def label_paragraph(label: str) -> nodes.paragraph:
    """A paragraph that starts with ``label:``."""
    paragraph = nodes.paragraph()
    paragraph += nodes.strong(f"{label}: ", f"{label}: ", classes=["seminar-label"])
    return paragraph


def labelled(
    css_class: str, label: str, kind: type[nodes.container] = nodes.container
) -> tuple[nodes.container, nodes.paragraph]:
    """A block of class ``css_class`` holding a paragraph that starts with ``label:``."""
    block = kind(classes=[css_class])
    paragraph = label_paragraph(label)
    block += paragraph
    return block, paragraph


def markdown_block(
    markdown: str,
    line: int,
    css_class: str,
    label: str,
    pending: list[tuple[str, int, nodes.Element]],
) -> nodes.container | None:
    """A block for Markdown content; the content is rendered later, with the others."""
    if not markdown.strip():
        return None
    block = nodes.container(classes=[css_class])
    if label:
        block += nodes.rubric(label, label)
    pending.append((markdown, line, block))
    return block
