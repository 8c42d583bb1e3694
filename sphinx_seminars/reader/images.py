"""Images a talk file names: the talk's picture (an ``image`` key, a HugoBlox ``featured``
image beside a page bundle) and speakers' photos.  Only https addresses, or paths of files
(which the build uses only when they lie inside the source folder)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from ..model import Image
from ..problems import Code
from .text.plain import strip_html
from .urls import normalise_url

if TYPE_CHECKING:
    from .draft import Draft

#: The files a HugoBlox page bundle may hold as its featured image.
FEATURED = tuple(f"featured.{suffix}" for suffix in ("jpg", "jpeg", "png", "webp", "gif"))
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
_SOURCE_KEYS = ("src", "url", "filename", "file", "path", "image", "teaser", "overlay_image")
_ALT_KEYS = ("alt", "alt_text", "caption")


def image_of(value: object, alt: str) -> tuple[Image | None, str | None]:
    """The image a front-matter value names (text, or a mapping with a ``src``/``filename``
    and an ``alt``/``caption``) and why it cannot be used (None when it can); none for a
    value without an address (HugoBlox's ``image: {caption: ...}``)."""
    source: str | None = None
    if isinstance(value, str):
        source = value
    elif isinstance(value, Mapping):
        source = next((v for k in _SOURCE_KEYS if isinstance(v := value.get(k), str)), None)
        text = next((v for k in _ALT_KEYS if isinstance(v := value.get(k), str) and v), None)
        alt = strip_html(text) if text else alt
    else:
        return None, None
    address = normalise_url(source or "")
    if not address:
        return None, None
    scheme = _SCHEME.match(address)
    if scheme and scheme.group(1).lower() != "https":
        return None, f"image '{address[:80]}' is neither an https address nor a file; left out"
    return Image(address, alt), None


def talk_image(draft: Draft, title: str) -> Image | None:
    """The talk's picture from its ``image`` key (or ``featured_image``, ``thumbnail``, a
    Minimal Mistakes ``header``), with the title as its alt text when it gives none."""
    key, value = draft.value("image")
    if key is None:
        return None
    image, refusal = image_of(value, title)
    if refusal:
        draft.warn(draft.matter.line_of(key), Code.URL, refusal)
    return image


def featured_image(path: Path, image: Image | None, title: str) -> Image | None:
    """A page bundle's ``featured.*`` file as the talk's picture, when the talk file names
    none."""
    if image is not None or path.stem not in ("index", "_index"):
        return image
    return next((Image(name, title) for name in FEATURED if (path.parent / name).is_file()), None)
