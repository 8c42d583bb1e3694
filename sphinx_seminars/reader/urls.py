"""Which link targets may reach the output: web and mail addresses, never script."""

from __future__ import annotations

import html
import re

#: Schemes a link may have; everything else (``javascript:``, ``data:``, ``file:``) is dropped.
SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.-]*):")
_TAB_OR_NEWLINE = re.compile(r"[\t\n\r]")
_CONTROLS_AND_SPACE = "".join(map(chr, range(0x21)))


def normalise_url(url: str) -> str:
    """The address a browser would follow: entities decoded, tabs and newlines removed
    (browsers ignore them, so ``jav&#x09;ascript:`` is ``javascript:``), ends trimmed."""
    return _TAB_OR_NEWLINE.sub("", html.unescape(url)).strip(_CONTROLS_AND_SPACE)


def is_safe_url(url: str) -> bool:
    """Whether an absolute link target may appear in the output (http, https or mailto)."""
    return _is_safe_address(normalise_url(url))


def is_safe_link(url: str, *, relative: bool) -> bool:
    """Whether a link target may appear: a safe absolute one, or (when ``relative``) one
    without a scheme; a fragment (``#ref-1``) and an empty target always may."""
    address = normalise_url(url)
    if not address or address.startswith("#"):
        return True
    if _scheme(address) is None:
        return relative
    return _is_safe_address(address)


def _scheme(address: str) -> str | None:
    match = _SCHEME.match(address)
    return match.group(1).lower() if match else None


def _is_safe_address(address: str) -> bool:
    scheme = _scheme(address)
    if scheme == "mailto":
        return True
    return scheme in SAFE_SCHEMES and address[len(scheme or "") + 1 :].startswith("//")
