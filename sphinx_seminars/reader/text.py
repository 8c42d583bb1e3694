"""Text clean-up: line endings, invisible characters, and the HTML found in real talk files.

HTML is never passed through: it becomes Markdown structure (for rendering) or plain text
(for the JSON model and the speaker block).  Only links with http, https or mailto survive.
"""

from __future__ import annotations

import html
import re
import unicodedata
from html.parser import HTMLParser
from typing import ClassVar

from markdown_it import MarkdownIt
from markdown_it.token import Token

#: Characters that carry nothing visible and break matching (zero-width space and friends).
INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
SAFE_URL = re.compile(r"^(?:https?://|mailto:)", re.IGNORECASE)
_AUTOLINK = re.compile(r"<((?:https?://|mailto:)[^>\s]+)>", re.IGNORECASE)
_ROLE = re.compile(r"\{su[bp]\}`([^`]*)`")
_SPACES = re.compile(r"[ \t\u00a0\u202f]+")


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR become LF, so that every line break counts as one line."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def clean_text(text: str) -> str:
    """Drop invisible characters and compose Unicode (NFC)."""
    return unicodedata.normalize("NFC", text.translate(INVISIBLE))


def collapse_spaces(text: str) -> str:
    """One plain space for every run of spaces, tabs and no-break spaces; ends stripped."""
    return _SPACES.sub(" ", text).strip()


def is_safe_url(url: str) -> bool:
    """Whether a link target may appear in the output (http, https or mailto only)."""
    return bool(SAFE_URL.match(url.strip()))


class _MarkdownFromHtml(HTMLParser):
    """Turns Markdown with embedded HTML into Markdown without any HTML."""

    INLINE: ClassVar[dict[str, str]] = {"b": "**", "strong": "**", "i": "*", "em": "*"}
    BLOCK: ClassVar[set[str]] = {
        "p",
        "div",
        "ul",
        "ol",
        "table",
        "tr",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
    }

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.href: list[str | None] = []
        self.script_depth = 0
        self.role: str | None = None
        self.swallow_newline = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self.script_depth += 1
        elif tag == "br":
            self.out.append("\\\n")
            self.swallow_newline = True
        elif tag in self.INLINE:
            self.out.append(self.INLINE[tag])
        elif tag in ("sup", "sub"):
            self.role = tag
            self.out.append("{" + tag + "}`")
        elif tag == "a":
            href = dict(attrs).get("href") or ""
            safe = is_safe_url(href)
            self.href.append(href.strip() if safe else None)
            if safe:
                self.out.append("[")
        elif tag == "li":
            self.out.append("\n- ")
        elif tag in self.BLOCK:
            self.out.append("\n\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self.script_depth = max(0, self.script_depth - 1)
        elif tag in self.INLINE:
            # emphasis closes right after its text, or Markdown does not see it closed
            trailing = ""
            while self.out and self.out[-1] != self.out[-1].rstrip(" \t"):
                trailing = self.out[-1][len(self.out[-1].rstrip(" \t")) :] + trailing
                self.out[-1] = self.out[-1].rstrip(" \t")
            self.out.append(self.INLINE[tag] + trailing)
        elif tag in ("sup", "sub") and self.role:
            self.role = None
            self.out.append("`")
        elif tag == "a" and self.href:
            href = self.href.pop()
            if href is not None:
                self.out.append(f"]({_escape_destination(href)})")
        elif tag in self.BLOCK or tag == "li":
            self.out.append("\n\n")

    def handle_data(self, data: str) -> None:
        if self.script_depth:
            return
        if self.swallow_newline:
            data = re.sub(r"^[ \t]*\n", "", data)
            self.swallow_newline = False
        if self.role:
            self.out.append(data.replace("`", ""))
        else:
            self.out.append(data.replace("\\<", "<").replace("<", "\\<").replace("&", "\\&"))


def _escape_destination(url: str) -> str:
    return url.replace(" ", "%20").replace("(", "%28").replace(")", "%29")


def html_to_markdown(text: str) -> str:
    """Markdown that may hold HTML tags -> Markdown holding none (no raw HTML reaches MyST)."""
    text = _AUTOLINK.sub(lambda m: f'<a href="{m.group(1)}">{m.group(1)}</a>', text)
    parser = _MarkdownFromHtml()
    parser.feed(text)
    parser.close()
    markdown = "".join(parser.out)
    markdown = re.sub(r"\\\n(?=[ \t]*(?:\n|$))", "\n", markdown)  # a break before a blank line
    markdown = re.sub(r"(?:\\\n[ \t]*)+$", "", markdown)
    markdown = re.sub(r"\n{3,}", "\n\n", markdown)
    return markdown.strip("\n")


def html_to_lines(text: str) -> list[str]:
    """Plain-text lines of an HTML-ish block: ``<br>`` and newlines break lines, tags go,
    link text stays, entities are decoded; blank lines are kept as ``""``."""
    text = re.sub(r"<br\s*/?>[ \t]*\n?", "\n", text, flags=re.IGNORECASE)
    text = re.sub(r"</?(?:p|div|li|ul|ol)\b[^>]*>", "\n", text, flags=re.IGNORECASE)
    text = re.sub(r"<[^>]*>", "", text)
    return [collapse_spaces(clean_text(html.unescape(line))) for line in text.split("\n")]


def strip_html(text: str) -> str:
    """One line of plain text from an HTML-ish string."""
    return collapse_spaces(" ".join(line for line in html_to_lines(text) if line))


_MD = MarkdownIt("commonmark")


def markdown_to_plain(markdown: str) -> str:
    """Plain text of a Markdown body: paragraphs separated by blank lines, lists with "- "."""
    markdown = _ROLE.sub(r"\1", markdown)
    blocks: list[str] = []
    prefix = ""
    for token in _MD.parse(markdown):
        if token.type == "list_item_open":
            prefix = "- "
        elif token.type == "inline":
            text = _inline_plain(token.children or [])
            blocks.append(prefix + text if prefix else text)
            prefix = ""
        elif token.type in ("fence", "code_block"):
            blocks.append(token.content.rstrip("\n"))
    return "\n\n".join(block.strip() for block in blocks if block.strip())


def _inline_plain(children: list[Token]) -> str:
    parts: list[str] = []
    for child in children:
        if child.type in ("text", "code_inline", "html_inline"):
            parts.append(child.content)
        elif child.type == "softbreak":
            parts.append(" ")
        elif child.type == "hardbreak":
            parts.append("\n")
    return "\n".join(collapse_spaces(line) for line in "".join(parts).split("\n"))
