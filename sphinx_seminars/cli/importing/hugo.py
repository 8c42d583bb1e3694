"""A Hugo (or Zola) site: the pages of its talk sections, their page bundles, and the address
each page had (the ``permalinks`` of its configuration, else its path under ``content/``).

Hugo's rules followed: a page's address is its section's ``permalinks`` pattern filled in,
else ``/<path under content>/`` (lower case); ``slug`` replaces the last part; ``uglyURLs``
ends addresses in ``.html``; ``_index.md`` is a list page, not a page of its own."""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Mapping
from pathlib import Path, PurePosixPath

from .documents import (
    TALKS,
    Archive,
    Document,
    clean_address,
    config_data,
    front_matter,
    markdown_files,
    page_date,
    texts,
)

CONFIG_FILES = (
    "hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json", "config.toml", "config.yaml",
    "config.yml", "config.json", "config/_default/hugo.toml", "config/_default/config.toml",
    "config/_default/hugo.yaml", "config/_default/config.yaml",
)  # fmt: skip
#: Sections whose pages are talks (singular and plural); others (blog posts) are not read.
TALK_SECTIONS = frozenset(
    {
        "event", "events", "talk", "talks", "seminar", "seminars", "colloquium", "colloquia",
        "lecture", "lectures", "presentation", "presentations", "defence", "defences",
        "defense", "defenses", "workshop", "workshops",
    }
)  # fmt: skip
_TOKEN = re.compile(r":([a-z]+)")


def is_hugo(folder: Path) -> bool:
    return any((folder / name).is_file() for name in CONFIG_FILES) and (folder / "content").is_dir()


def read_config(folder: Path) -> dict[str, object]:
    """The site configuration, merged from the files Hugo reads (later files win)."""
    merged: dict[str, object] = {}
    for name in CONFIG_FILES:
        path = folder / name
        if not path.is_file():
            continue
        if path.suffix == ".json":
            try:
                data: object = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, ValueError):
                continue
        else:
            data = config_data(path)
        if isinstance(data, dict):
            merged |= data
    permalinks = folder / "config" / "_default" / "permalinks.toml"
    if permalinks.is_file():
        merged["permalinks"] = config_data(permalinks)
    return merged


def hugo_archive(folder: Path, sections: frozenset[str] | None = None) -> Archive:
    """The talk pages of a Hugo site: those of its talk sections (or of ``sections``)."""
    config = read_config(folder)
    content = folder / str(config.get("contentDir") or "content")
    wanted = sections if sections is not None else TALK_SECTIONS
    patterns = _permalinks(config.get("permalinks"))
    ugly = config.get("uglyURLs") is True or config.get("uglyurls") is True
    lower = config.get("disablePathToLower") is not True
    documents = []
    for section in sorted(p for p in content.iterdir() if p.is_dir()) if content.is_dir() else []:
        if section.name.lower() not in wanted:
            continue
        for path in markdown_files(section):
            if path.stem == "_index":
                continue
            documents.append(_document(content, path, patterns, ugly=ugly, lower=lower))
    zone = config.get("timeZone") or config.get("timezone")
    return Archive(
        kind="Hugo site",
        root=folder,
        static_root=folder / str(config.get("staticDir") or "static"),
        documents=documents,
        timezone=zone if isinstance(zone, str) else None,
        addresses_from="Hugo permalinks" if patterns else "Hugo content paths",
    )


def _permalinks(value: object) -> dict[str, str]:
    """Section -> pattern, from ``[permalinks]`` (also Hugo's newer ``[permalinks.page]``)."""
    if not isinstance(value, dict):
        return {}
    page = value.get("page")
    if isinstance(page, dict):
        value = {**value, **page}
    return {str(k): v for k, v in value.items() if isinstance(v, str)}


def _document(
    content: Path, path: Path, patterns: Mapping[str, str], *, ugly: bool, lower: bool
) -> Document:
    relative = path.relative_to(content).as_posix()
    data = front_matter(path)
    bundle = path.stem == "index"
    resources = tuple(
        sorted(p for p in path.parent.rglob("*") if p.is_file() and p != path)
    ) if bundle else ()  # fmt: skip
    aliases = tuple(clean_address(a) for a in texts(data.get("aliases")))
    dest = f"{TALKS}/{relative}"
    if data.get("url"):  # its own address: the talk's permalink, which the site serves
        return Document(path, dest, None, aliases, resources)
    section = relative.split("/", 1)[0]
    pattern = patterns.get(section)
    if pattern:
        url = _from_pattern(pattern, path, relative, data)
    else:
        url = _from_path(relative, data, bundle=bundle, lower=lower)
    if url and ugly and url.endswith("/") and url != "/":
        url = url.rstrip("/") + ".html"
    return Document(path, dest, url, aliases, resources)


def _from_path(relative: str, data: Mapping[str, object], *, bundle: bool, lower: bool) -> str:
    parts = list(PurePosixPath(relative).with_suffix("").parts)
    if bundle:
        parts = parts[:-1]
    if isinstance(data.get("slug"), str) and data["slug"]:
        parts[-1] = str(data["slug"])
    path = "/".join(_path_part(part) for part in parts)
    return clean_address((path.lower() if lower else path) + "/")


def _from_pattern(
    pattern: str, path: Path, relative: str, data: Mapping[str, object]
) -> str | None:
    date = page_date(data, path.parent.name if path.stem == "index" else path.stem)
    title = str(data.get("title") or "")
    slug = str(data.get("slug") or "") or hugo_urlize(title)
    base = path.parent.name if path.stem == "index" else path.stem
    parts = PurePosixPath(relative).parts
    values: dict[str, str | None] = {
        "section": parts[0],
        "sections": "/".join(parts[:-1] if path.stem != "index" else parts[:-2]),
        "title": hugo_urlize(title),
        "slug": slug,
        "filename": base,
        "contentbasename": base,
        "slugorfilename": str(data.get("slug") or "") or base,
        "slugorcontentbasename": str(data.get("slug") or "") or base,
    }
    if date is not None:
        values |= {
            "year": f"{date.year:04d}",
            "month": f"{date.month:02d}",
            "monthname": date.strftime("%B"),
            "day": f"{date.day:02d}",
            "weekday": str(date.isoweekday() % 7),
            "weekdayname": date.strftime("%A"),
            "yearday": f"{date.timetuple().tm_yday}",
        }
    missing = False

    def fill(match: re.Match[str]) -> str:
        nonlocal missing
        value = values.get(match[1])
        if value is None:
            missing = True
            return ""
        return value

    url = _TOKEN.sub(fill, pattern)
    return None if missing else clean_address(url)


def _path_part(part: str) -> str:
    return part.replace(" ", "-")


def hugo_urlize(text: str) -> str:
    """Hugo's ``urlize`` of a title, close enough for addresses: lower case, spaces as
    hyphens, only letters, marks, digits and ``._~-`` kept."""
    out = []
    for character in text.strip().lower():
        if character.isspace():
            out.append("-")
        elif unicodedata.category(character)[0] in "LMN" or character in "._~-":
            out.append(character)
    return "".join(out)
