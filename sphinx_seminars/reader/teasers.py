"""What is not an abstract although it stands where one would: placeholders ("TBA",
"Abstract forthcoming", "Still not published"), one-line teasers that only name the occasion
or the audience ("Contributed talk at X.", "Seminar for master's students.") or repeat the
title, and paragraphs that are only links ("[More information here](...)")."""

from __future__ import annotations

import re

_PLACEHOLDER = re.compile(
    r"(?:abstract\s*(?:[:.-]\s*)?)?"
    r"(?:tba|tbc|tbd|todo|to ?do|fixme|xxx|placeholder|n/?a|none|null|nil|coming soon|forthcoming"
    r"|to follow|soon"
    r"|(?:will be|to be) (?:announced|updated|posted|added|confirmed|provided|shared)"
    r"(?: (?:soon|later|shortly))?"
    r"|(?:still )?not (?:yet )?(?:published|available|announced)(?: yet)?"
    r"|no abstract(?: (?:available|yet|provided))?(?: yet)?"
    r"|(?:abstract|details) (?:forthcoming|to follow|coming soon|not available|to be announced)"
    r"|more (?:details|information) (?:soon|to follow|to come)"
    r")",
    re.IGNORECASE,
)
_KINDS = (
    r"(?:talks?|seminars?|lectures?|presentations?|posters?|contributions?|tutorials?"
    r"|keynotes?|workshops?|colloqui(?:um|a)|webinars?|sessions?|organi[sz]ers?|panels?"
    r"|courses?|classes|outreach|symposi(?:um|a)|demos?|orals?)"
)
#: "Contributed talk at ...", "Seminar for ...", "Invited talk to ...", "Podium presentation",
#: "Poster Presentation Number 9", "Session on ...", "Main organizer of ...".
_OCCASION = re.compile(
    rf"(?:(?:an?|the|our|my)\s+)?(?:[\w&'’-]+\s+){{0,3}}?{_KINDS}"
    r"(?:\s+(?:at|for|to|in|with|on|of|during|as|about|given|held|presented|focusing"
    r"|discussing|presenting)\b|\s+(?:number|no\.?|#)?\s*\d|\s*[,.;:!|]|\s*$)",
    re.IGNORECASE,
)
_AUDIENCE = re.compile(
    r"\bfor\s+(?:the\s+|an?\s+|our\s+)?(?:[\w'’-]+\s+){0,3}(?:students|audiences?|team|researchers"
    r"|public|members|staff|participants|attendees|beginners|undergraduates|postgraduates)\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W\d_]{4,}")
_MARKDOWN_LINK = re.compile(r"!?\\?\[([^\]]*?)\\?\]\([^)]*\)")  # escaped too: "\[a\](b)"
_ATTRIBUTE_LIST = re.compile(r"^\{:[^}]*\}$", re.MULTILINE)  # kramdown: {: .notice}
#: A teaser is short: longer text is taken for a description.
TEASER_LIMIT = 200
#: Markdown longer than this is no placeholder nor teaser, whatever its markup.
_SHORT = 1000
_PLACEHOLDER_LIMIT = 200
_MARKUP_START = re.compile(r"[\[*_`\\#>|&{]")
_MARKUP = re.compile(r"[*_`\\#>|]+|&#9[13];")
_ROLE = re.compile(r"\{su[bp]\}`([^`]*)`")


def plain(markdown: str) -> str:
    """One line of the words of a short Markdown text: link texts kept, markup dropped (a
    rough reading, enough to judge a line; no Markdown parser)."""
    if not _MARKUP_START.search(markdown):
        return " ".join(markdown.split())
    text = _MARKDOWN_LINK.sub(r"\1", _ATTRIBUTE_LIST.sub("", markdown))
    text = _MARKUP.sub("", _ROLE.sub(r"\1", text)).replace("&amp;", "&").replace("&lt;", "<")
    return " ".join(text.split())


def is_placeholder(markdown: str) -> bool:
    """Whether a text only says that the abstract is not there yet ("TBA")."""
    if len(markdown) > _PLACEHOLDER_LIMIT:
        return False
    text = plain(markdown).strip(" .!-–—…*_()[]")
    return not text or bool(_PLACEHOLDER.fullmatch(text))


def is_link_only(markdown: str) -> bool:
    """Whether a paragraph holds links and images and nothing else."""
    rest = markdown.replace("&#93;", "]").replace("&#91;", "[")  # a link left as text
    if "](" not in rest:
        return False
    rest = _ATTRIBUTE_LIST.sub("", rest)
    for _ in range(3):  # a link around an image: [![alt](image)](target)
        rest = _MARKDOWN_LINK.sub("", rest)
    return not rest.replace("\\", "").strip(" \t\n.:-–—|")


def is_teaser(markdown: str, title: str, *, strict: bool = False, alone: bool = True) -> bool:
    """Whether a short text only names the occasion or the audience; or (unless ``strict``,
    for a text given as the abstract) is a few words at most ("Podium presentation"), or
    (unless ``alone``: a line before the text it introduces) repeats the title with a few
    words around it."""
    if len(markdown) > _SHORT or "\n\n" in markdown.strip():
        return False
    text = plain(markdown)
    if not text or len(text) > TEASER_LIMIT:
        return False
    if _OCCASION.match(text) or _AUDIENCE.search(text):
        return True
    if strict:
        return False
    if len(text.split()) < 4:
        return True
    if alone:
        return False
    title_words = {word.lower() for word in _WORD.findall(title)}
    text_words = {word.lower() for word in _WORD.findall(text)}
    repeated = len(title_words & text_words) >= 0.8 * len(title_words)
    return repeated and len(text_words - title_words) <= min(5, len(title_words))


def is_substantial(markdown: str) -> bool:
    """Whether a text is long enough to be an abstract once a teaser before it is left out."""
    return len(markdown) > _SHORT or len(plain(markdown).split()) >= 25
