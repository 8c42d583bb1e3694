"""A site's ``conf.py``: read the way Sphinx reads it, and written for a new or imported site."""

from __future__ import annotations

import datetime as dt
import inspect
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import CommandError

#: What the HTML builders write besides the pages, in a new site's conf.py.
EXPORTS = ("json", "ics", "atom", "jsonld", "redirects")
#: Folders no site page lives in (``sphinx-build`` should not look there).
EXCLUDED = ("_build", ".venv", "venv", "README.md")
#: Where a site's conf.py is looked for, from the folder given.
CONF_PLACES = ("conf.py", "docs/conf.py", "doc/conf.py", "source/conf.py")


def find_conf(folder: Path) -> Path | None:
    """The conf.py of the site in ``folder`` (or in its ``docs/``, ``doc/`` or ``source/``)."""
    for place in CONF_PLACES:
        path = folder / place
        if path.is_file():
            return path
    return None


def read_conf(path: Path) -> dict[str, object]:
    """The names a conf.py defines, evaluated as Sphinx does (in its folder, with tags)."""
    from sphinx.config import eval_config_file  # noqa: PLC0415 - Sphinx only when a site is read
    from sphinx.util.tags import Tags  # noqa: PLC0415

    # Sphinx 8 and later take the file as a Path, Sphinx 7 as text
    annotation = str(inspect.signature(eval_config_file).parameters["filename"].annotation)
    filename: Any = path.resolve() if "Path" in annotation else str(path.resolve())
    try:
        return dict(eval_config_file(filename, Tags()))
    except BaseException as error:  # conf.py is a program: anything may go wrong in it
        if isinstance(error, KeyboardInterrupt):
            raise
        reason = str(error).strip().splitlines()[-1] if str(error).strip() else type(error).__name__
        raise CommandError(f"{path}: cannot be read: {reason}") from None


@dataclass(frozen=True)
class SiteSettings:
    """What a generated conf.py sets."""

    project: str
    timezone: str | None = None
    baseurl: str | None = None
    talks: Sequence[str] = ("talks/**/*.md",)
    redirects: Mapping[str, str] = field(default_factory=dict)
    redirects_from: str = ""
    """Where the old addresses come from, for the comment above them."""


def conf_text(settings: SiteSettings, *, year: int | None = None) -> str:
    """The text of a conf.py for the settings: every line commented, nothing clever."""
    year = year or dt.date.today().year
    lines = [
        f'"""Sphinx configuration of {_doc_text(settings.project)}, built with sphinx-seminars."""',
        "",
        f"project = {_py(settings.project)}",
        f"copyright = {_py(f'{year}, {settings.project}')}",
        "# An edition of the site, which EPUB asks for (the pages do not show it).",
        'version = "1"',
        "",
        'extensions = ["sphinx_seminars"]',
        f"exclude_patterns = {_py(list(EXCLUDED))}",
        'html_theme = "alabaster"',
        "html_title = project",
    ]
    if settings.baseurl:
        lines.append(f"html_baseurl = {_py(settings.baseurl)}")
    return "\n".join([*lines, "", seminar_settings(settings)])


def seminar_settings(settings: SiteSettings) -> str:
    """The ``seminar_*`` lines of a conf.py for the settings, each with its comment."""
    lines = [
        "# Every file these patterns match is a talk page of its own.",
        f"seminar_talks = {_py(list(settings.talks))}",
        "# The time zone of talks whose file states none.",
        (
            f"seminar_timezone = {_py(settings.timezone)}"
            if settings.timezone
            else '# seminar_timezone = "Europe/London"'
        ),
        "# The site's address, for links in the calendars, the feed and seminars.json.",
        (
            f"seminar_baseurl = {_py(settings.baseurl)}"
            if settings.baseurl
            else '# seminar_baseurl = "https://seminars.example.org/"'
        ),
        "# What the site writes besides its pages: see the sphinx-seminars documentation.",
        f"seminar_exports = {_py(list(EXPORTS))}",
    ]
    if settings.redirects:
        source = f" ({settings.redirects_from})" if settings.redirects_from else ""
        lines += [
            f"# Old addresses of talks{source}, each to the id of its talk.",
            f"seminar_redirects = {_py(dict(sorted(settings.redirects.items())))}",
        ]
    return "\n".join(lines) + "\n"


def _py(value: object) -> str:
    """A Python literal of strings, lists and dicts (JSON with double quotes is one)."""
    if isinstance(value, dict) and value:
        return json.dumps(value, indent=4, ensure_ascii=False)
    return json.dumps(value, ensure_ascii=False)


def _doc_text(text: str) -> str:
    """Text safe inside a triple-quoted docstring."""
    return text.replace("\\", "\\\\").replace('"""', "'''")
