"""The local files a talk file uses (images, slides, downloads): named in its front matter
or linked from its text, found in the archive, and given the place in the new site where the
talk file, copied unchanged, still finds them."""

from __future__ import annotations

import os
import posixpath
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from .documents import inside

#: Front-matter keys that name a file (a mapping's keys are searched too: ``header.image``).
FILE_KEYS = frozenset(
    {
        "image", "teaser", "thumbnail", "featured_image", "cover", "slides", "slidesurl",
        "url_slides", "url_pdf", "url_poster", "url_video", "video", "paperurl", "pdf",
        "poster", "overlay_image", "og_image",
    }
)  # fmt: skip
_MARKDOWN_LINK = re.compile(r"!?\[[^\]\n]*\]\(\s*<?([^)\s>]+)>?(?:\s+[\"'][^)]*)?\)")
_HTML_LINK = re.compile(r"""\b(?:src|href|data)\s*=\s*["']([^"']+)["']""", re.IGNORECASE)
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)
#: Liquid and Hugo template prefixes that stand for the site's root.
_SITE_ROOT = re.compile(
    r"^\{\{-?\s*(?:site\.url\s*\}\}\s*\{\{-?\s*)?site\.baseurl\s*-?\}\}"
    r"|^\{\{-?\s*(?:site\.url|\.Site\.BaseURL|site\.baseurl)\s*-?\}\}",
)
_LIQUID_FILTER = re.compile(
    r"""^\{\{-?\s*["']([^"']+)["']\s*\|\s*(?:relative_url|absolute_url)\s*-?\}\}$"""
)


@dataclass(frozen=True)
class Asset:
    """A file of the archive a talk uses, and its path in the new site (``/``-separated)."""

    source: Path
    dest: str


def referenced_paths(text: str, data: Mapping[str, object]) -> list[str]:
    """The local paths a talk file names, in order, each once (no web addresses)."""
    found: list[str] = [*_front_matter_paths(data)]
    found += [match[1] for match in _MARKDOWN_LINK.finditer(text)]
    found += [match[1] for match in _HTML_LINK.finditer(text)]
    local = (_local(target) for target in found)
    return list(dict.fromkeys(path for path in local if path))


def _front_matter_paths(data: Mapping[str, object]) -> Iterator[str]:
    for key, value in data.items():
        if isinstance(value, str) and key in FILE_KEYS:
            yield value
        elif isinstance(value, Mapping):
            yield from _front_matter_paths(value)
        elif isinstance(value, list):
            for item in value:
                if isinstance(item, Mapping):
                    yield from _front_matter_paths(item)


def _local(target: str) -> str | None:
    """A target as a local path (``/`` first when it starts at the site root), or None."""
    target = target.strip()
    filtered = _LIQUID_FILTER.match(target)
    if filtered:
        target = filtered[1]
    target = _SITE_ROOT.sub("/", target)
    target = target.split("#", 1)[0].split("?", 1)[0]
    if not target or "{" in target or _SCHEME.match(target) or target.startswith("//"):
        return None
    return re.sub(r"/{2,}", "/", target)


def place_assets(
    references: list[str],
    *,
    talk_source: Path,
    talk_dest: str,
    archive_root: Path,
    static_root: Path,
) -> tuple[list[Asset], list[str]]:
    """The files the references name that exist in the archive, with their place in the new
    site; and the references that name no file there (pages, missing files)."""
    assets, missing = [], []
    for reference in references:
        if reference.startswith("/"):
            source = static_root / reference.lstrip("/")
            dest = posixpath.normpath(reference.lstrip("/"))
        else:
            source = talk_source.parent / reference
            dest = posixpath.normpath(posixpath.join(posixpath.dirname(talk_dest), reference))
        if dest.startswith("../") or dest == ".." or not _is_file_inside(source, archive_root):
            missing.append(reference)
            continue
        assets.append(Asset(source, dest))
    return assets, missing


def _is_file_inside(path: Path, root: Path) -> bool:
    """A regular file inside the archive (links that lead out of it are not followed)."""
    return inside(path, root) and os.path.isfile(os.path.realpath(path))
