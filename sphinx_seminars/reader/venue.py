"""Read a venue section: the physical place apart from the online meeting link."""

from __future__ import annotations

import re
from collections.abc import Mapping

from ..model import Address
from .text.clean import collapse_spaces
from .text.plain import html_to_lines, strip_html
from .urls import is_safe_url
from .values import text_of

_HREF = re.compile(r"""<a\b[^>]*?\bhref\s*=\s*["']?([^"'\s>]+)[^>]*>(.*?)</a>""", re.I | re.S)
_BARE_URL = re.compile(r"https?://[^\s<>\"')\]]+")
_MD_LINK = re.compile(r"\[([^\]]*)\]\((https?://[^)\s]+)\)")
_ONLINE_WORDS = re.compile(
    r"^(?:online|virtual|zoom|webinar|teams|microsoft teams|google meet|through online|"
    r"via (?:zoom|teams|microsoft teams)|online mode|mode:? online|more details|click here|"
    r"link|join(?: here)?|meeting link|registration)\W*$",
    re.IGNORECASE,
)
_ONLINE_ASIDE = re.compile(r"\s*\((?=[^)]*\bonline\b)[^)]*\)", re.IGNORECASE)
_PREFIX = re.compile(r"^(?:offline|in[- ]person|venue|location|where|place)\s*:\s*", re.I)


#: The keys of an address mapping, by the part of the address they give: HugoBlox's names
#: first, then schema.org's and a few common ones.
ADDRESS_KEYS: dict[str, tuple[str, ...]] = {
    "street": ("street", "streetAddress", "street_address"),
    "city": ("city", "addressLocality", "locality", "town"),
    "region": ("region", "addressRegion", "state", "province"),
    "postcode": ("postcode", "postalCode", "postal_code", "zip", "zipcode"),
    "country": ("country", "addressCountry"),
}
#: The longest part of an address read (characters).
_ADDRESS_PART_LIMIT = 300


def address_of(value: Mapping[object, object]) -> Address | None:
    """The postal address in a front-matter mapping (``address: {street: ..., city: ...}``),
    or None when it names no part of one; parts that are not text are passed over."""
    parts: dict[str, str | None] = {}
    for part, keys in ADDRESS_KEYS.items():
        texts = (text_of(value.get(key)) for key in keys)
        found = next((t for t in texts if t), "")
        parts[part] = strip_html(found[:_ADDRESS_PART_LIMIT]) or None
    return Address(**parts) if any(parts.values()) else None


def parse_venue(text: str) -> tuple[str | None, str | None]:
    """(venue, online_url) of a venue section's raw text.

    Only the first paragraph is the place (later ones name a chair or a note); lines that are
    only a link ("Join online") give the link, not the place; a section that holds nothing
    but a link is an online talk: venue "Online".
    """
    urls = [m.group(1) for m in _HREF.finditer(text)]
    urls += [m.group(2) for m in _MD_LINK.finditer(text)]
    without_links = _MD_LINK.sub(r"\1", _HREF.sub(r"\2", text))
    urls += _BARE_URL.findall(without_links)
    online_url = next((url for url in urls if is_safe_url(url)), None)
    raw_lines = re.split(r"<br\s*/?>|\n", text, flags=re.IGNORECASE)
    lines = [
        "" if _is_link_only(raw) else line
        for raw in raw_lines
        for line in html_to_lines(_BARE_URL.sub("", _MD_LINK.sub(r"\1", raw)))[:1]
    ]
    place = collapse_spaces(" ".join(_PREFIX.sub("", line) for line in _first_paragraph(lines)))
    place = _balance(collapse_spaces(_ONLINE_ASIDE.sub("", place)).strip(" ,;"))
    if not place or _ONLINE_WORDS.match(place):
        return ("Online" if online_url or place else None), online_url
    return place, online_url


def _balance(text: str) -> str:
    """Drop a stray opening or closing bracket at either end, keep balanced ones."""
    if text.startswith("(") and ")" not in text:
        text = text[1:]
    if text.endswith(")") and text.count(")") > text.count("("):
        text = text[:-1]
    return text.strip(" ,;")


def _is_link_only(raw: str) -> bool:
    """Whether a line holds a link and nothing else (its text is the link's label)."""
    rest = _BARE_URL.sub("", _MD_LINK.sub("", _HREF.sub("", raw)))
    has_link = bool(_HREF.search(raw) or _MD_LINK.search(raw) or _BARE_URL.search(raw))
    return has_link and not re.sub(r"<[^>]*>", "", rest).strip(" \t:-–—()")


def _first_paragraph(lines: list[str]) -> list[str]:
    start = next((i for i, line in enumerate(lines) if line), len(lines))
    end = next((i for i in range(start, len(lines)) if not lines[i]), len(lines))
    return [line for line in lines[start:end] if line]
