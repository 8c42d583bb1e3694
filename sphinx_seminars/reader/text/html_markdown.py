"""HTML in talk text -> Markdown that holds no raw HTML (every ``<`` of the text is written
``&lt;``), only safe links, and calls no MyST directive, role or substitution; and plain text
-> Markdown that shows exactly that text.

HTML is first reduced by :mod:`..sanitize` (nh3) to an allow-list; what is left becomes
Markdown structure.  With ``allow_raw_html`` the tags of :data:`..sanitize.RAW_TAGS` that
Markdown cannot express stay as raw HTML, exactly as nh3 wrote them.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from ..markdown_safety import neutralise_markdown
from ..sanitize import RAW_BLOCKS, RAW_TAGS, sanitize_html, unescape_canonical
from ..urls import is_safe_url
from .clean import CONTROL

_AUTOLINK = re.compile(r"<((?:https?://|mailto:)[^<>\s]+)>", re.IGNORECASE)
_CANONICAL_TAG = re.compile(r'<(/?)([a-z][a-z0-9]*)((?:\s+[a-z-]+="[^"]*")*)\s*/?>')
_HREF = re.compile(r'\shref="([^"]*)"')
_ENTITY_LIKE = re.compile(r"&(?=[A-Za-z0-9#])")  # HTML also reads "&copy" and "&amp" without ";"
_MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_{}\[\]>!|~$])")
_LINE_START_MARKS = re.compile(r"^([ \t]*)([#+\-=]|\d+(?=[.)]))", re.MULTILINE)
_EMPHASIS = {"b": "**", "strong": "**", "i": "*", "em": "*"}
_BLOCKS = frozenset({"p", "div", "ul", "ol", "table", "tr", "h1", "h2", "h3", "h4", "h5", "h6"})
_BLANK_LINES = re.compile(r"\n[ \t]*\n")
_EXTRA_BLANK_LINES = re.compile(r"\n{3,}")
_ROLE_UNSAFE = re.compile(r"[<>&\n\\]")


def escape_markdown(text: str) -> str:
    """Plain text as Markdown that shows exactly that text: ``<`` and an ``&`` that would
    start an entity as entities (like :func:`html_to_markdown`), inline punctuation and the
    marks that start a heading, list or quote at the start of a line backslash-escaped."""
    text = _MARKDOWN_PUNCTUATION.sub(r"\\\1", text)
    text = _LINE_START_MARKS.sub(_escape_line_start, text)
    return _ENTITY_LIKE.sub("&amp;", text).replace("<", "&lt;")


def _escape_line_start(match: re.Match[str]) -> str:
    indent, mark = match.groups()
    if mark[0].isdigit():  # "1." and "1)": escape the dot or bracket after the number
        return f"{indent}{mark}\\"
    return f"{indent}\\{mark}"


def html_to_markdown(text: str, *, allow_raw_html: bool = False) -> str:
    """Markdown that may hold HTML tags -> Markdown holding none (no raw HTML reaches MyST),
    whose links are all safe and which calls no MyST directive, role or substitution.

    With ``allow_raw_html`` the tags of :data:`.sanitize.RAW_TAGS` stay as (clean) raw HTML.
    ``text`` holds no control characters of its own (the reader drops them on reading).
    """
    if "<" in text:
        text = _AUTOLINK.sub(_autolink_as_tag, text)
    writer = _MarkdownWriter(keep_raw=allow_raw_html)
    canonical = sanitize_html(text, allow_raw_html=allow_raw_html)
    if "&#" in text:  # "&#1;" is a control character once decoded: drop those again
        canonical = CONTROL.sub("", canonical)
    writer.feed(canonical)
    if writer.role:
        writer.close_role()
    markdown = _drop_useless_breaks("".join(writer.out).rstrip()).rstrip()
    if "\n\n\n" in markdown:
        markdown = _EXTRA_BLANK_LINES.sub("\n\n", markdown)
    return neutralise_markdown(markdown.strip("\n"))


def _autolink_as_tag(match: re.Match[str]) -> str:
    return f'<a href="{html.escape(match.group(1))}">{match.group(1)}</a>'


def _drop_useless_breaks(markdown: str) -> str:
    """Without the hard line breaks (a backslash ending a line) before a blank line or the
    end, where Markdown shows them as a backslash: a line before a blank line loses every
    backslash and space at its end.  One pass from the end, so that a break left alone on
    its line goes too."""
    if "\\\n" not in markdown and not markdown.endswith("\\"):
        return markdown
    lines = markdown.split("\n")
    blank_after = True
    for index in range(len(lines) - 1, -1, -1):
        if blank_after:
            lines[index] = lines[index].rstrip("\\ \t")
        blank_after = not lines[index].strip()
    return "\n".join(lines)


@dataclass
class _MarkdownWriter:
    """Writes Markdown for the canonical HTML of :func:`.sanitize.sanitize_html`."""

    keep_raw: bool
    out: list[str] = field(default_factory=list)
    hrefs: list[str | None] = field(default_factory=list)
    role: str | None = None
    role_text: list[str] = field(default_factory=list)
    swallow_newline: bool = False
    raw_depth: int = 0  # inside a block kept as raw HTML (a table), everything stays HTML
    emphasis: list[str | None] = field(default_factory=list)  # open emphasis, None: unwritten

    def feed(self, canonical: str) -> None:
        position = 0
        for tag in _CANONICAL_TAG.finditer(canonical):
            self.text(unescape_canonical(canonical[position : tag.start()]))
            closing, name, attributes = tag.groups()
            if self.keep_raw and (name in RAW_TAGS or self.raw_depth):
                self.raw(tag.group(0), name, closing=bool(closing))
            elif closing:
                self.end(name)
            else:
                self.start(name, attributes)
            position = tag.end()
        self.text(unescape_canonical(canonical[position:]))

    def raw(self, tag: str, name: str, *, closing: bool) -> None:
        """A tag kept as raw HTML, exactly as nh3 wrote it."""
        if name in RAW_BLOCKS:
            self.raw_depth = max(0, self.raw_depth + (-1 if closing else 1))
        self.out.append(tag)

    def start(self, name: str, attributes: str) -> None:
        if self.role:
            return  # a role holds text only
        if name == "br":
            self.out.append("\\\n")
            self.swallow_newline = True
        elif name in _EMPHASIS:
            # emphasis inside the same emphasis adds nothing; written, it could nest the
            # Markdown (and the page) deeper than the parser's recursion allows
            mark = _EMPHASIS[name]
            self.emphasis.append(None if mark in self.emphasis else mark)
            self.out.append(mark if self.emphasis[-1] else "")
        elif name in ("sup", "sub"):
            self.role = name
        elif name == "a":
            found = _HREF.search(attributes)
            href = unescape_canonical(found.group(1)).strip() if found else ""
            self.hrefs.append(href if is_safe_url(href) else None)
            if is_safe_url(href):
                self.out.append("[")
        elif name == "li":
            self.out.append("\n- ")
        elif name in _BLOCKS:
            self.out.append("\n\n")

    def end(self, name: str) -> None:
        if self.role:
            if name == self.role:
                self.close_role()
        elif name in _EMPHASIS:
            if self.emphasis and self.emphasis.pop() is None:
                return  # closes an emphasis that was not written
            # emphasis closes right after its text, or Markdown does not see it closed
            trailing = ""
            while self.out and self.out[-1] != self.out[-1].rstrip(" \t"):
                trailing = self.out[-1][len(self.out[-1].rstrip(" \t")) :] + trailing
                self.out[-1] = self.out[-1].rstrip(" \t")
            self.out.append(_EMPHASIS[name] + trailing)
        elif name == "a" and self.hrefs:
            href = self.hrefs.pop()
            if href is not None:
                self.out.append(f"]({_escape_destination(href)})")
        elif name in _BLOCKS or name == "li":
            self.out.append("\n\n")

    def text(self, data: str) -> None:
        if not data:
            return
        if self.swallow_newline:
            data = re.sub(r"^[ \t]*\n", "", data)
            self.swallow_newline = False
        if self.role:
            self.role_text.append(data)
        elif self.raw_depth:  # HTML text, on lines of its own: a blank line would end it
            self.out.append(_BLANK_LINES.sub("\n", html.escape(data, quote=False)))
        else:
            self.out.append(_ENTITY_LIKE.sub("&amp;", data).replace("<", "&lt;"))

    def close_role(self) -> None:
        """``{sup}`text``` for a one-line text without markup characters (a role shows its
        content literally, so these could not be escaped); the plain text otherwise."""
        role, text = self.role, "".join(self.role_text).replace("`", "")
        self.role, self.role_text = None, []
        if text.strip() and not _ROLE_UNSAFE.search(text):
            self.out.append(f"{{{role}}}`{text}`")
        else:
            self.text(text)


def _escape_destination(url: str) -> str:
    """A link target that Markdown reads back whole and the same: no spaces, brackets or
    controls, and an ``&`` that could start an entity written ``&amp;``."""
    url = re.sub(r"[\s()<>\\`]", lambda m: f"%{ord(m.group(0)):02X}", url)
    return _ENTITY_LIKE.sub("&amp;", url)
