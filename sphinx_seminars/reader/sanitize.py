"""Reduce the raw HTML in talk text to an allow-list with nh3, before it becomes Markdown.

Talk text is Markdown with HTML mixed in.  A ``<`` that does not open a well-formed tag (``a<b``,
``<3``, ``<scr<script>``) is text, and is escaped first so that the HTML parser of nh3 cannot
swallow the words after it; comments go.  nh3 then keeps only the allowed tags and attributes,
drops the content of ``<script>``, ``<style>`` and the like, and keeps link targets that are
http, https or mailto (never relative ones, never ``javascript:`` or ``data:``, however
encoded).  A text with more than :data:`MAX_TAGS` tags keeps none.  The output is canonical
HTML: every tag complete, every ``<``, ``>`` and ``&`` in text escaped, attribute values
double-quoted.
"""

from __future__ import annotations

import html
import re

import nh3

#: Tags kept by default; text/html_markdown.py turns each of them into Markdown (or a line break).
MARKDOWN_TAGS = frozenset(
    {"a", "b", "strong", "i", "em", "sub", "sup", "br", "p", "div", "ul", "ol", "li", "table"}
    | {"tr", "h1", "h2", "h3", "h4", "h5", "h6"}
)
#: Tags kept as raw HTML as well when a site allows it (``allow_raw_html``).
RAW_TAGS = frozenset(
    {"abbr", "blockquote", "caption", "cite", "code", "col", "colgroup", "dd", "del", "dl"}
    | {"dt", "figcaption", "figure", "hr", "img", "ins", "kbd", "mark", "pre", "q", "s"}
    | {"samp", "small", "span", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "u", "var"}
)
#: Raw tags that hold a block: inside one, every tag stays raw HTML.
RAW_BLOCKS = frozenset({"table", "blockquote", "dl", "figure", "pre"})
#: Tags that structure plain text into lines (everything else is dropped, its text kept).
LINE_TAGS = frozenset({"br", "p", "div", "li", "ul", "ol"})
#: Tags dropped together with everything inside them.
DROPPED_WITH_CONTENT = frozenset(
    {"script", "style", "template", "iframe", "frame", "frameset", "object", "embed"}
    | {"noscript", "noembed", "noframes", "textarea", "select", "svg", "math", "title", "xmp"}
)
_MARKDOWN_ATTRIBUTES = {"a": {"href"}}
_RAW_ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "img": {"src", "alt", "title", "width", "height"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
}
_URL_SCHEMES = {"http", "https", "mailto"}
#: The most tags one text may hold; beyond this (an attack: HTML parsers slow down on
#: thousands of nested elements) all of its markup is kept as text.
MAX_TAGS = 5000
_MARKUP_START = re.compile(r"<(?=[A-Za-z/!?])")
# A "<" that an HTML parser would take for the start of markup ("<a", "</", "<!", "<?") but
# that does not open a well-formed tag: a name, attributes (quoted values may not hold "<"),
# an end.  An unquoted value runs to the next space or ">" and is never given back (the
# lookahead-and-backreference idiom of an atomic group), so no attribute list can be split
# in two ways; and the check never reaches past the next "<": linear time in all.
_NOT_A_TAG = re.compile(
    r"""<(?=[A-Za-z/!?])(?!/?[A-Za-z][A-Za-z0-9:-]*"""
    r"""(?:(?:\s+|(?<=["']))[^\s"'<>/=]+"""
    r"""(?:\s*=\s*(?:"[^"<]*"|'[^'<]*'|(?=(?P<bare>[^\s"'<>=`][^\s<>]*))(?P=bare)))?)*"""
    r"""\s*/?>)"""
)


def _cleaner(tags: frozenset[str], attributes: dict[str, set[str]]) -> nh3.Cleaner:
    """An nh3 cleaner keeping ``tags`` with ``attributes`` (built once: building one costs
    more than cleaning a short text)."""
    return nh3.Cleaner(
        tags=set(tags),
        clean_content_tags=set(DROPPED_WITH_CONTENT),
        attributes=attributes,
        url_schemes=_URL_SCHEMES,
        url_relative="deny",
        link_rel=None,
        strip_comments=True,
    )


_MARKDOWN_CLEANER = _cleaner(MARKDOWN_TAGS, _MARKDOWN_ATTRIBUTES)
_RAW_CLEANER = _cleaner(MARKDOWN_TAGS | RAW_TAGS, _RAW_ATTRIBUTES)
_LINES_CLEANER = _cleaner(LINE_TAGS, {})


def sanitize_html(text: str, *, allow_raw_html: bool = False) -> str:
    """Canonical HTML holding only the tags Markdown can express (plus :data:`RAW_TAGS` when
    ``allow_raw_html``); the text of every removed tag is kept."""
    return _clean(text, _RAW_CLEANER if allow_raw_html else _MARKDOWN_CLEANER)


def sanitize_to_lines(text: str) -> str:
    """Canonical HTML holding only :data:`LINE_TAGS`, without attributes."""
    return _clean(text, _LINES_CLEANER)


def _clean(text: str, cleaner: nh3.Cleaner) -> str:
    if "<" not in text and "&" not in text and ">" not in text:
        return text
    if text.count("<") > MAX_TAGS and len(_MARKUP_START.findall(text)) > MAX_TAGS:
        return html.escape(html.unescape(drop_comments(text)), quote=False)
    return cleaner.clean(escape_stray_brackets(drop_comments(text)))


def escape_stray_brackets(text: str) -> str:
    """``&lt;`` for every ``<`` that looks like markup but does not open a well-formed tag."""
    return _NOT_A_TAG.sub("&lt;", text)


def drop_comments(text: str) -> str:
    """Text without ``<!-- ... -->`` comments; an unclosed one is left as text (linear time)."""
    parts: list[str] = []
    position = 0
    while (start := text.find("<!--", position)) >= 0:
        end = text.find("-->", start + 4)
        if end < 0:
            break
        parts.append(text[position:start])
        position = end + 3
    parts.append(text[position:])
    return "".join(parts)


def unescape_canonical(text: str) -> str:
    """The text of canonical HTML: nh3 escapes only these characters (a fast ``unescape``)."""
    if "&" not in text:
        return text
    for entity, character in (("&lt;", "<"), ("&gt;", ">"), ("&quot;", '"'), ("&nbsp;", "\u00a0")):
        text = text.replace(entity, character)
    return text.replace("&amp;", "&")
