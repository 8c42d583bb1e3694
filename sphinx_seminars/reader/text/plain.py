"""Plain text of talk text: lines of an HTML-ish block (for speakers and venues), one line
of it (titles, names), and the text of Markdown (the JSON form of a talk)."""

from __future__ import annotations

import functools
import re

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.footnote import footnote_plugin

from ..sanitize import sanitize_to_lines, unescape_canonical
from .clean import CONTROL, clean_text, collapse_spaces

_ROLE = re.compile(r"\{su[bp]\}`([^`]*)`")
_BLANK_LINES = re.compile(r"\n[ \t]*\n")
_LINE_BREAKS = re.compile(r"<br>[ \t]*\n?|</?(?:p|div|li|ul|ol)>")


def html_to_lines(text: str) -> list[str]:
    """Plain-text lines of an HTML-ish block: ``<br>`` and newlines break lines, tags go,
    link text stays, entities are decoded; blank lines are kept as ``""``."""
    text = _LINE_BREAKS.sub("\n", CONTROL.sub("", sanitize_to_lines(text)))
    return [collapse_spaces(clean_text(unescape_canonical(line))) for line in text.split("\n")]


def strip_html(text: str) -> str:
    """One line of plain text from an HTML-ish string."""
    return collapse_spaces(" ".join(line for line in html_to_lines(text) if line))


@functools.cache
def _commonmark(footnotes: bool) -> MarkdownIt:
    """CommonMark, with footnotes when the text may hold some (the plugin costs a little on
    every text)."""
    parser = MarkdownIt("commonmark")
    return parser.use(footnote_plugin) if footnotes else parser


#: What can make Markdown more than words: markup characters, a hard line break (two spaces
#: ending a line), or a line that opens a block.
_MARKUP_CHARACTERS = re.compile(r"[\\`*_\[\]<>&{}!|~=:#]")
_BLOCK_START = re.compile(r"\s*(?:[-+>]|\d+[.)])")


def _is_words_only(markdown: str) -> bool:
    """Whether Markdown is plain words, which need no parsing."""
    if _MARKUP_CHARACTERS.search(markdown) or "  \n" in markdown:
        return False
    return not any(_BLOCK_START.match(line) for line in markdown.split("\n"))


def markdown_to_plain(markdown: str) -> str:
    """Plain text of a Markdown body: paragraphs separated by blank lines, lists with "- ",
    footnotes as ``[label]`` (their notes after the text)."""
    if _is_words_only(markdown):
        paragraphs = _BLANK_LINES.split(markdown) if "\n" in markdown else [markdown]
        return "\n\n".join(
            p for p in (collapse_spaces(p.replace("\n", " ")) for p in paragraphs) if p
        )
    markdown = _ROLE.sub(r"\1", markdown)
    blocks: list[str] = []
    prefix = ""
    for token in _commonmark("[^" in markdown).parse(markdown):
        if token.type == "list_item_open":
            prefix = "- "
        elif token.type == "footnote_open":
            prefix = f"[{_footnote_label(token)}] "
        elif token.type == "inline":
            text = _inline_plain(token.children or [])
            blocks.append(prefix + text if prefix else text)
            prefix = ""
        elif token.type in ("fence", "code_block"):
            blocks.append(token.content.rstrip("\n"))
        elif token.type == "html_block":  # kept with allow_raw_html: its text only
            blocks.append("\n".join(line for line in html_to_lines(token.content) if line))
    return "\n\n".join(block.strip() for block in blocks if block.strip())


def _footnote_label(token: Token) -> str:
    """A footnote's label; an inline note (``^[text]``) has none: its number."""
    return str(token.meta.get("label") or token.meta.get("id", 0) + 1)


def _inline_plain(children: list[Token]) -> str:
    parts: list[str] = []
    for child in children:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type == "footnote_ref":
            parts.append(f"[{_footnote_label(child)}]")
        elif child.type == "softbreak":
            parts.append(" ")
        elif child.type == "hardbreak":
            parts.append("\n")
    return "\n".join(collapse_spaces(line) for line in "".join(parts).split("\n"))
