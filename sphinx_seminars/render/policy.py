"""What rendering a talk asks of the page it is on: which local files the talk may use,
and how its Markdown is rendered."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from docutils import nodes

#: Renders Markdown blocks ``(source, first line in the file, container)`` all at once.
MarkdownRenderer = Callable[[list[tuple[str, int, nodes.Element]]], None]


class LocalFilePolicy(Protocol):
    """Which local files a talk may use (files inside the source folder): each method
    warns and returns None for a file that may not be used."""

    def link(self, text: str, target: str) -> nodes.Node | None:
        """The link to a local file (``slides: slides/x.pdf``): a download of it."""

    def image(self, src: str) -> str | None:
        """The address an image of a local file is shown from."""
