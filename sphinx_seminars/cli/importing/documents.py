"""The files an archive offers as talks, each with its place in the new site and the address
the old site served it at; shared by the Jekyll, Hugo and folder readers."""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ...reader.files import read_text
from ...reader.frontmatter import split_front_matter

#: The folder of the new site that holds the imported talk files.
TALKS = "talks"
#: Suffixes of talk files in an archive.
SUFFIXES = frozenset({".md", ".markdown"})
_FILE_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})-")


@dataclass(frozen=True)
class Document:
    """A file of the archive that may be a talk."""

    source: Path
    dest: str
    """Its path in the new site (``talks/archive/2021-...md``), ``/``-separated."""
    old_url: str | None = None
    """The address the old site served it at from its permalink pattern (None when it gave
    the file its own permalink, or served no page for it)."""
    aliases: tuple[str, ...] = ()
    """Other addresses that led to it (Jekyll ``redirect_from``, Hugo ``aliases``)."""
    bundle: tuple[Path, ...] = ()
    """Files that belong to it (a Hugo page bundle's images and PDFs)."""


@dataclass(frozen=True)
class Archive:
    """An archive as found: its kind, its folders, its documents."""

    kind: str
    root: Path
    static_root: Path
    """The folder that the old site's addresses starting with ``/`` point into."""
    documents: list[Document] = field(default_factory=list)
    timezone: str | None = None
    """The zone the site's configuration names (Jekyll ``timezone``, Hugo ``timeZone``)."""
    addresses_from: str = ""
    """Where the old addresses come from, for conf.py and the report."""


def front_matter(path: Path) -> dict[str, object]:
    """The front matter of a file (empty when it has none or cannot be read)."""
    text, _ = read_text(path)
    if text is None:
        return {}
    return split_front_matter(text.lstrip("\ufeff")).data


def config_data(path: Path) -> dict[str, object]:
    """A site's YAML or TOML configuration file, read with the reader's guards (size, depth,
    aliases that expand too far); empty when it cannot be read."""
    text, _ = read_text(path)
    if text is None:
        return {}
    lines = text.lstrip("\ufeff").replace("\r\n", "\n").split("\n")
    while lines and lines[0].strip() in ("---", ""):  # a YAML document marker
        lines.pop(0)
    fence = "+++" if path.suffix == ".toml" else "---"
    return split_front_matter("\n".join([fence, *lines, fence, ""])).data


def inside(path: Path, root: Path) -> bool:
    """Whether a path, links followed, is inside a folder."""
    real, base = os.path.realpath(path), os.path.realpath(root)
    return os.path.commonpath([real, base]) == base


def markdown_files(folder: Path) -> Iterator[Path]:
    """Markdown files under a folder, sorted, not in hidden folders, not following links."""
    for root, folders, names in os.walk(folder):
        folders[:] = sorted(f for f in folders if not f.startswith("."))
        for name in sorted(names):
            if Path(name).suffix.lower() in SUFFIXES and not name.startswith("."):
                yield Path(root) / name


def page_date(data: Mapping[str, object], name: str) -> dt.datetime | None:
    """The date a static-site generator gives a page: its ``date`` key, else the
    ``YYYY-MM-DD-`` its file name starts with; as a local clock time."""
    value = data.get("date")
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=None)
    if isinstance(value, dt.date):
        return dt.datetime.combine(value, dt.time())
    if isinstance(value, str):
        text = value.strip().replace("T", " ")
        for size in (19, 16, 10):
            try:
                return dt.datetime.fromisoformat(text[:size])
            except ValueError:
                continue
    match = _FILE_DATE.match(name)
    if match:
        try:
            return dt.datetime(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            return None
    return None


def texts(value: object) -> tuple[str, ...]:
    """A front-matter value that is one address or a list of them, as a tuple."""
    if isinstance(value, str):
        return (value,) if value.strip() else ()
    if isinstance(value, list):
        return tuple(item for item in value if isinstance(item, str) and item.strip())
    return ()


def clean_address(url: str) -> str:
    """A site address as a path from the site root: ``/a/b/``, no dots, no doubled slashes."""
    path = "/" + url.strip().split("#", 1)[0].split("?", 1)[0]
    path = path.replace("..", "/").replace("./", "")
    return re.sub(r"/{2,}", "/", path)
