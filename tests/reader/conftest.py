"""Fixtures of the reader tests: a strict look at Markdown as MyST would parse it."""

from __future__ import annotations

import html
import re
import tempfile
from collections.abc import Callable
from pathlib import Path
from urllib.parse import unquote

import pytest
from hypothesis.configuration import set_hypothesis_home_dir
from markdown_it import MarkdownIt
from markdown_it.renderer import RendererHTML
from markdown_it.token import Token
from myst_parser.config.main import MdParserConfig
from myst_parser.parsers.mdit import create_md_parser

_IGNORED_IN_URLS = re.compile(r"[\t\n\r]")
# hypothesis keeps caches; keep them out of the source folder
set_hypothesis_home_dir(Path(tempfile.gettempdir()) / "sphinx-seminars-hypothesis")

#: Every MyST syntax extension a site might enable that adds syntax to inline text or blocks.
EXTENSIONS = {
    "amsmath", "attrs_inline", "colon_fence", "deflist", "dollarmath", "fieldlist",
    "html_admonition", "html_image", "strikethrough", "substitution", "tasklist",
}  # fmt: skip


@pytest.fixture(scope="session")
def myst_markdown() -> MarkdownIt:
    """MyST's Markdown parser with every extension, accepting every link target (so that an
    unsafe one shows up as a link instead of being dropped by markdown-it's own check)."""
    parser = create_md_parser(MdParserConfig(enable_extensions=EXTENSIONS), RendererHTML)
    parser.validateLink = lambda url: True
    return parser


@pytest.fixture(scope="session")
def unsafe_parts(myst_markdown: MarkdownIt) -> Callable[[str], list[str]]:
    """What in a Markdown text MyST would not render as plain text and safe links: raw HTML,
    directives, roles other than sub/sup, substitutions, links and images to other places
    than http, https, mailto or an anchor."""

    def find(markdown: str) -> list[str]:
        found: list[str] = []
        for token in _walk(myst_markdown.parse(markdown)):
            if token.type in ("html_inline", "html_block") or "substitution" in token.type:
                found.append(f"{token.type}: {token.content!r}")
            elif token.type in ("fence", "colon_fence") and token.info.strip().startswith("{"):
                found.append(f"directive: {token.info!r}")
            elif token.type == "myst_role" and token.meta.get("name") not in ("sub", "sup"):
                found.append(f"role: {token.meta.get('name')!r}")
            elif token.type in ("link_open", "image"):
                target = str(token.attrs.get("href") or token.attrs.get("src") or "")
                if not _goes_somewhere_safe(target):
                    found.append(f"{token.type}: {target!r}")
        return found

    return find


def _goes_somewhere_safe(target: str) -> bool:
    """Whether a browser following ``target`` stays on the web (written independently of the
    reader's own check): entities and percent-escapes decoded, tabs and newlines dropped."""
    address = _IGNORED_IN_URLS.sub("", unquote(html.unescape(target))).strip("\x00 ").lower()
    return not address or address.startswith(("http://", "https://", "mailto:", "#"))


def _walk(tokens: list[Token]) -> list[Token]:
    flat: list[Token] = []
    for token in tokens:
        flat.append(token)
        flat.extend(_walk(token.children or []))
    return flat
