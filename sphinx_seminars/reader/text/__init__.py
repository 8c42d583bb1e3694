"""Talk text cleaned and converted, one module per job: :mod:`.clean` (characters),
:mod:`.html_markdown` (HTML -> safe Markdown, plain text -> Markdown) and :mod:`.plain`
(HTML and Markdown -> plain text).  The names below are re-exported for older imports."""

from __future__ import annotations

from .clean import (
    INVISIBLE,
    clean_text,
    collapse_spaces,
    drop_control_characters,
    normalise_newlines,
)
from .html_markdown import escape_markdown, html_to_markdown
from .plain import html_to_lines, markdown_to_plain, strip_html

__all__ = [
    "INVISIBLE",
    "clean_text",
    "collapse_spaces",
    "drop_control_characters",
    "escape_markdown",
    "html_to_lines",
    "html_to_markdown",
    "markdown_to_plain",
    "normalise_newlines",
    "strip_html",
]
