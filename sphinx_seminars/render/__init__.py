"""Turn a Talk into docutils nodes: a section with its badges and status, picture, people,
when, where, series, links, abstract with references, bio and details, each a block with a
stable CSS class.  Rendering is given what it needs up front: the site's date style, a
Markdown renderer, and the policy for local files."""

from __future__ import annotations

from .policy import LocalFilePolicy, MarkdownRenderer
from .talk import talk_section

__all__ = ["LocalFilePolicy", "MarkdownRenderer", "talk_section"]
