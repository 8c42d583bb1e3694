"""What a permalink asks a web server for: its path, as a server reads it."""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

#: What makes a permalink more than a plain path: an escape, a query, a fragment, a scheme.
_ADDRESS_MARKS = re.compile(r"[%?#:]")
#: A "%" that is not an escape ("%zz", "%" at the end).
_BROKEN_ESCAPE = re.compile(r"%(?![0-9A-Fa-f]{2})")


def split_permalink(permalink: str) -> tuple[str, str, str | None]:
    """(the path a permalink asks a server for, its ``?query#fragment`` as written, and why
    a static site cannot serve it, or None).

    The path's ``%``-escapes are decoded, as a web server decodes them before it looks for
    the file; of a full ``http(s)://`` address only the path counts.  A query or a fragment
    cannot be served: a server looks up the same file for every query, and a browser never
    sends the fragment."""
    if not _ADDRESS_MARKS.search(permalink):
        return permalink, "", None  # a plain path, as nearly every permalink is
    try:
        address = urlsplit(permalink)
    except ValueError:
        return permalink, "", "it is not a valid address"
    rest = (f"?{address.query}" if address.query else "") + (
        f"#{address.fragment}" if address.fragment else ""
    )
    if address.scheme and not (address.scheme.lower() in ("http", "https") and address.netloc):
        return address.path, rest, f"it is an address of another kind ('{address.scheme}:')"
    if _BROKEN_ESCAPE.search(address.path):
        return address.path, rest, "a '%' in it starts no escape (a server refuses '%zz')"
    try:
        path = unquote(address.path, errors="strict")
    except UnicodeDecodeError:
        return address.path, rest, "its %-escapes are not UTF-8 text"
    if address.query or permalink.endswith("?"):
        why = "a static site cannot serve a query ('?...'): every query asks for one file"
        return path, rest, why
    if address.fragment or permalink.endswith("#"):
        return path, rest, "a browser never sends the part after '#' to the site"
    return path, rest, None
