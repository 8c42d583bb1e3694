"""Text clean-up: line endings, invisible and control characters, and the HTML of talk files.

HTML is first reduced by :mod:`.sanitize` (nh3) to an allow-list; what is left becomes
Markdown structure (for rendering) or plain text (for the JSON model and the speaker block).
The Markdown never holds raw HTML: every ``<`` of the text is written ``&lt;``.  With
``allow_raw_html`` the tags of :data:`.sanitize.RAW_TAGS` that Markdown cannot express stay
as raw HTML, exactly as nh3 wrote them.
"""

from __future__ import annotations

import functools
import html
import re
import unicodedata
from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.token import Token

from .markdown_safety import neutralise_markdown
from .sanitize import RAW_BLOCKS, RAW_TAGS, sanitize_html, sanitize_to_lines
from .urls import is_safe_url

__all__ = [
    "INVISIBLE",
    "clean_text",
    "collapse_spaces",
    "drop_control_characters",
    "escape_markdown",
    "html_to_lines",
    "html_to_markdown",
    "is_safe_url",
    "markdown_to_plain",
    "normalise_newlines",
    "strip_html",
]

#: Characters that carry nothing visible and break matching (zero-width space and friends).
INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
#: Letters of the Symbol font as word processors store them, in the private-use area
#: (U+F000 + the font's code): "\uf062" is a beta.  They become the real characters.
SYMBOL_FONT = {
    0xF000 + ord(code): letter
    for code, letter in zip(
        "abgdezhqiklmnxpsrtufcyjwoABGDEZHQIKLMNXPSRTUFCYWJO",
        "αβγδεζηθικλμνξπσρτυφχψϕωοΑΒΓΔΕΖΗΘΙΚΛΜΝΞΠΣΡΤΥΦΧΨΩϑΟ",
        strict=True,
    )
} | {0xF0B0: "°", 0xF0B1: "±", 0xF0B4: "×", 0xF0B8: "÷", 0xF0A3: "≤", 0xF0B3: "≥",
     0xF0AE: "→", 0xF0BB: "≈", 0xF0B9: "≠", 0xF0A5: "∞", 0xF0B6: "∂", 0xF0D6: "√"}  # fmt: skip
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff\u2028\u2029]")
_SEPARATORS = dict.fromkeys(map(ord, "\u2028\u2029"), " ")
_AUTOLINK = re.compile(r"<((?:https?://|mailto:)[^<>\s]+)>", re.IGNORECASE)
_ROLE = re.compile(r"\{su[bp]\}`([^`]*)`")
_SPACES = re.compile(r"[ \t\u00a0\u202f]+")
# a tag as nh3 writes it: lower-case name, double-quoted attribute values without "<" or ">"
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
_LINE_BREAKS = re.compile(r"<br>[ \t]*\n?|</?(?:p|div|li|ul|ol)>")


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR become LF, so that every line break counts as one line."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def drop_control_characters(text: str) -> tuple[str, int | None]:
    """Text without control characters (tab and newline stay), lone surrogates and
    non-characters; the Unicode line and paragraph separators (line breaks to YAML, not to
    Markdown) become spaces.  Also the line of the first character changed (None if none)."""
    first = _CONTROL.search(text)
    if first is None:
        return text, None
    line = text.count("\n", 0, first.start()) + 1
    return _CONTROL.sub("", text.translate(_SEPARATORS)), line


_CLEANING = INVISIBLE | SYMBOL_FONT


def clean_text(text: str) -> str:
    """Drop invisible characters, read Symbol-font letters, compose Unicode (NFC)."""
    if text.isascii():  # nothing to drop, read or compose
        return text
    return unicodedata.normalize("NFC", text.translate(_CLEANING))


def collapse_spaces(text: str) -> str:
    """One plain space for every run of spaces, tabs and no-break spaces; ends stripped."""
    text = text.strip()
    if "  " in text or "\t" in text or "\u00a0" in text or "\u202f" in text:
        return _SPACES.sub(" ", text).strip()
    return text


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
        canonical = _CONTROL.sub("", canonical)
    writer.feed(canonical)
    if writer.role:
        writer.close_role()
    markdown = _drop_useless_breaks("".join(writer.out).rstrip()).rstrip()
    if "\n\n\n" in markdown:
        markdown = _EXTRA_BLANK_LINES.sub("\n\n", markdown)
    return neutralise_markdown(markdown.strip("\n"))


def _autolink_as_tag(match: re.Match[str]) -> str:
    return f'<a href="{html.escape(match.group(1))}">{match.group(1)}</a>'


def _unescape_canonical(text: str) -> str:
    """The text of canonical HTML: nh3 escapes only these characters (a fast ``unescape``)."""
    if "&" not in text:
        return text
    for entity, character in (("&lt;", "<"), ("&gt;", ">"), ("&quot;", '"'), ("&nbsp;", "\u00a0")):
        text = text.replace(entity, character)
    return text.replace("&amp;", "&")


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

    def feed(self, canonical: str) -> None:
        position = 0
        for tag in _CANONICAL_TAG.finditer(canonical):
            self.text(_unescape_canonical(canonical[position : tag.start()]))
            closing, name, attributes = tag.groups()
            if self.keep_raw and (name in RAW_TAGS or self.raw_depth):
                self.raw(tag.group(0), name, closing=bool(closing))
            elif closing:
                self.end(name)
            else:
                self.start(name, attributes)
            position = tag.end()
        self.text(_unescape_canonical(canonical[position:]))

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
            self.out.append(_EMPHASIS[name])
        elif name in ("sup", "sub"):
            self.role = name
        elif name == "a":
            found = _HREF.search(attributes)
            href = _unescape_canonical(found.group(1)).strip() if found else ""
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


def html_to_lines(text: str) -> list[str]:
    """Plain-text lines of an HTML-ish block: ``<br>`` and newlines break lines, tags go,
    link text stays, entities are decoded; blank lines are kept as ``""``."""
    text = _LINE_BREAKS.sub("\n", _CONTROL.sub("", sanitize_to_lines(text)))
    return [collapse_spaces(clean_text(_unescape_canonical(line))) for line in text.split("\n")]


def strip_html(text: str) -> str:
    """One line of plain text from an HTML-ish string."""
    return collapse_spaces(" ".join(line for line in html_to_lines(text) if line))


@functools.cache
def _commonmark() -> MarkdownIt:
    return MarkdownIt("commonmark")


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
    """Plain text of a Markdown body: paragraphs separated by blank lines, lists with "- "."""
    if _is_words_only(markdown):
        paragraphs = _BLANK_LINES.split(markdown) if "\n" in markdown else [markdown]
        return "\n\n".join(
            p for p in (collapse_spaces(p.replace("\n", " ")) for p in paragraphs) if p
        )
    markdown = _ROLE.sub(r"\1", markdown)
    blocks: list[str] = []
    prefix = ""
    for token in _commonmark().parse(markdown):
        if token.type == "list_item_open":
            prefix = "- "
        elif token.type == "inline":
            text = _inline_plain(token.children or [])
            blocks.append(prefix + text if prefix else text)
            prefix = ""
        elif token.type in ("fence", "code_block"):
            blocks.append(token.content.rstrip("\n"))
        elif token.type == "html_block":  # kept with allow_raw_html: its text only
            blocks.append("\n".join(line for line in html_to_lines(token.content) if line))
    return "\n\n".join(block.strip() for block in blocks if block.strip())


def _inline_plain(children: list[Token]) -> str:
    parts: list[str] = []
    for child in children:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type == "softbreak":
            parts.append(" ")
        elif child.type == "hardbreak":
            parts.append("\n")
    return "\n".join(collapse_spaces(line) for line in "".join(parts).split("\n"))
