"""A Jekyll site: its collections and posts, and the address Jekyll gave each page (from the
site's and the collections' ``permalink`` patterns and the front-matter defaults).

The rules follow Jekyll 4's documented behaviour: posts take ``permalink`` (a style such as
``date`` or ``pretty``, or a pattern); other collections ``/:collection/:path`` with the
style's ending, or their own ``permalink``; only posts and collections with ``output: true``
have pages."""

from __future__ import annotations

import datetime as dt
import fnmatch
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

CONFIG_FILES = ("_config.yml", "_config.yaml")
#: Jekyll's own folders, which hold no pages.
NOT_CONTENT = frozenset(
    {"_layouts", "_includes", "_data", "_sass", "_site", "_plugins", "_drafts", "_cache"}
)
STYLES = {
    "none": "/:categories/:title:output_ext",
    "date": "/:categories/:year/:month/:day/:title:output_ext",
    "ordinal": "/:categories/:year/:y_day/:title:output_ext",
    "pretty": "/:categories/:year/:month/:day/:title/",
    "weekdate": "/:categories/:year/W:week/:short_day/:title:output_ext",
}
_PRETTY_KEPT = frozenset("._~!$&'()+,;=@")


def is_jekyll(folder: Path) -> bool:
    return any((folder / name).is_file() for name in CONFIG_FILES) or (folder / "_posts").is_dir()


def read_config(folder: Path) -> dict[str, object]:
    for name in CONFIG_FILES:
        path = folder / name
        if path.is_file():
            return config_data(path)
    return {}


def jekyll_archive(folder: Path) -> Archive:
    """The documents of a Jekyll site: every collection folder (``_name/``) and ``_posts``."""
    config = read_config(folder)
    style = str(config.get("permalink") or "date")
    collections = _collections(config)
    base = folder / str(config.get("collections_dir") or "")
    documents = []
    for label, settings in sorted(_labels(base, collections).items()):
        directory = base / f"_{label}"
        for path in markdown_files(directory):
            documents.append(_document(folder, directory, path, label, settings, style, config))
    zone = config.get("timezone")
    return Archive(
        kind="Jekyll site",
        root=folder,
        static_root=folder,
        documents=documents,
        timezone=zone if isinstance(zone, str) else None,
        addresses_from=f"Jekyll permalinks: {style}",
    )


def _collections(config: Mapping[str, object]) -> dict[str, dict[str, object]]:
    value = config.get("collections")
    if isinstance(value, list):
        return {str(label): {} for label in value}
    if isinstance(value, dict):
        return {str(k): dict(v) if isinstance(v, dict) else {} for k, v in value.items()}
    return {}


def _labels(base: Path, collections: dict[str, dict[str, object]]) -> dict[str, dict[str, object]]:
    """Every ``_name`` folder with Markdown files: declared collections, posts, and folders
    Jekyll did not publish (kept: their talks are talks all the same)."""
    labels: dict[str, dict[str, object]] = {}
    if base.is_dir():
        for child in base.iterdir():
            if child.is_dir() and child.name.startswith("_") and child.name not in NOT_CONTENT:
                labels[child.name[1:]] = {"output": False}
    for label, settings in collections.items():
        if label in labels:
            labels[label] = settings
    if "posts" in labels:
        labels["posts"] = {**collections.get("posts", {}), "output": True}
    return labels


def _document(
    root: Path,
    directory: Path,
    path: Path,
    label: str,
    settings: Mapping[str, object],
    style: str,
    config: Mapping[str, object],
) -> Document:
    relative = path.relative_to(directory).as_posix()
    data = front_matter(path)
    aliases = tuple(clean_address(a) for a in texts(data.get("redirect_from")))
    dest = f"{TALKS}/{label}/{relative}"
    if data.get("permalink") or not settings.get("output") or data.get("published") is False:
        return Document(path, dest, None, aliases)
    template = _default_permalink(config, path.relative_to(root).as_posix(), label)
    if template is None:
        template = _template(label, settings, style)
    url = _url(template, _placeholders(path, relative, label, data))
    return Document(path, dest, url, aliases)


def _template(label: str, settings: Mapping[str, object], style: str) -> str:
    own = settings.get("permalink")
    if isinstance(own, str) and own:
        return STYLES.get(own, own)
    if label == "posts":
        return STYLES.get(style, style)
    if style == "pretty" or (style not in STYLES and style.endswith("/")):
        return "/:collection/:path/"
    if style in STYLES or style.endswith(":output_ext"):
        return "/:collection/:path:output_ext"
    return "/:collection/:path"


def _default_permalink(config: Mapping[str, object], path: str, label: str) -> str | None:
    """The ``permalink`` that ``defaults`` in _config.yml give this file: of the scopes that
    apply, the one with the longest path (the last of equals)."""
    found: tuple[int, str] | None = None
    defaults = config.get("defaults")
    for entry in defaults if isinstance(defaults, list) else []:
        if not isinstance(entry, dict):
            continue
        scope, values = entry.get("scope"), entry.get("values")
        if not isinstance(scope, dict) or not isinstance(values, dict):
            continue
        permalink = values.get("permalink")
        scope_path = str(scope.get("path") or "")
        if not isinstance(permalink, str) or ("type" in scope and scope["type"] != label):
            continue
        if scope_path and not _in_scope(path, scope_path.strip("/")):
            continue
        if found is None or len(scope_path) >= found[0]:
            found = (len(scope_path), permalink)
    return STYLES.get(found[1], found[1]) if found else None


def _in_scope(path: str, scope: str) -> bool:
    if "*" in scope:
        return fnmatch.fnmatch(path, scope) or fnmatch.fnmatch(path, scope + "/*")
    return path == scope or path.startswith(scope + "/")


def _placeholders(
    path: Path, relative: str, label: str, data: Mapping[str, object]
) -> dict[str, str | None]:
    name = path.stem
    date = page_date(data, name)
    slug_value = data.get("slug")
    slug_source = str(slug_value) if slug_value else _without_date(name)
    categories = _categories(data)
    values: dict[str, str | None] = {
        "collection": label,
        "path": "/" + str(PurePosixPath(relative).with_suffix("")).rstrip("."),
        "name": jekyll_slug(name),
        "title": jekyll_slug(slug_source, pretty=True, cased=True),
        "slug": jekyll_slug(slug_source),
        "categories": "/".join(dict.fromkeys(c.lower() for c in categories)),
        "slugified_categories": "/".join(dict.fromkeys(jekyll_slug(c) for c in categories)),
        "output_ext": ".html",
    }
    values |= _date_placeholders(date)
    return values


def _without_date(name: str) -> str:
    parts = name.split("-", 3)
    if len(parts) == 4 and all(p.isdigit() for p in parts[:3]):
        return parts[3]
    return name


def _categories(data: Mapping[str, object]) -> list[str]:
    found: list[str] = []
    for key in ("categories", "category"):
        value = data.get(key)
        if isinstance(value, str):
            found += value.split()
        elif isinstance(value, list):
            found += [str(item) for item in value]
    return found


def _date_placeholders(date: dt.datetime | None) -> dict[str, str | None]:
    codes = {
        "year": "%Y", "month": "%m", "day": "%d", "hour": "%H", "minute": "%M",
        "second": "%S", "short_year": "%y", "y_day": "%j", "long_month": "%B",
        "long_day": "%A", "w_year": "%G", "week": "%V", "w_day": "%u",
    }  # fmt: skip
    if date is None:
        return dict.fromkeys([*codes, "i_day", "i_month", "short_month", "short_day"])
    values: dict[str, str | None] = {key: date.strftime(code) for key, code in codes.items()}
    values |= {
        "i_day": str(date.day),
        "i_month": str(date.month),
        "short_month": date.strftime("%b").upper(),
        "short_day": date.strftime("%a").upper(),
    }
    return values


def _url(template: str, values: Mapping[str, str | None]) -> str | None:
    """The address a template gives (None when it needs a value the page lacks: a date)."""
    out = []
    index = 0
    while index < len(template):
        if template[index] == ":":
            end = index + 1
            while end < len(template) and (template[end].isalnum() or template[end] == "_"):
                end += 1
            name = template[index + 1 : end]
            while name and name not in values:  # ":title_" is ":title" then "_"
                name, end = name[:-1], end - 1
            if name:
                value = values[name]
                if value is None:
                    return None
                out.append(value)
                index = end
                continue
        out.append(template[index])
        index += 1
    return clean_address("".join(out))


def jekyll_slug(text: str, *, pretty: bool = False, cased: bool = False) -> str:
    """Jekyll's ``slugify`` (its ``default`` or ``pretty`` mode): runs of characters other
    than letters, marks and digits (and, when pretty, ``._~!$&'()+,;=@``) become one hyphen;
    hyphens at the ends go; lower case unless cased."""
    out: list[str] = []
    for character in text:
        category = unicodedata.category(character)
        kept = category[0] in "LM" or category == "Nd" or (pretty and character in _PRETTY_KEPT)
        if kept:
            out.append(character)
        elif not out or out[-1] != "-":
            out.append("-")
    slug = "".join(out).strip("-")
    return slug if cased else slug.lower()
