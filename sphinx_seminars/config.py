"""The ``seminar_*`` configuration values: declared with types, validated on config-inited."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sphinx.util import logging

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

LOGGER = logging.getLogger(__name__)


@dataclass(frozen=True)
class SeminarConfig:
    """Every configuration value of the extension, with its default and meaning."""

    timezone: str | None = None
    """IANA zone for talks that state none; also settles ambiguous abbreviations (``IST``)."""

    date_format: str = "{weekday} {day} {month} {year}"
    """How a talk's date is shown; fields: weekday, day, month, year (names in English)."""

    time_format: str = "%H:%M"
    """How a talk's time of day is shown (``strftime``), e.g. ``%I:%M %p``."""

    today: str | None = None
    """The day listings count as today (``YYYY-MM-DD``) for upcoming/past; default: the
    build date.  Set it for reproducible builds."""

    speaker_aliases: dict[str, str] = field(default_factory=dict)
    """Other spellings of speakers' names: ``{"Keith Butler": "Keith T. Butler"}``."""

    talks: list[str] = field(default_factory=list)
    """Glob patterns (relative to the source folder) of talk files that become pages."""

    baseurl: str | None = None
    """The site's address (``https://seminars.example.org/``) for absolute links in the
    exports; ``html_baseurl`` when unset."""

    exports: list[str] = field(
        default_factory=lambda: ["json", "ics", "atom", "jsonld", "redirects"]
    )
    """What the HTML builders write besides the pages."""

    ics_window_days: int | None = None
    """Leave talks older than this many days out of ``seminars.ics`` (all when None)."""

    default_duration: int = 60
    """Minutes a talk lasts in calendars when its end is not known (0: no end)."""

    script: bool = True
    """Add ``sphinx-seminars.js`` to HTML pages: local times, live upcoming/past, filters."""

    allow_raw_html: bool = False
    """Keep more (sanitised) HTML of talk files as raw HTML: tables, images, ... . Off,
    every tag is turned into Markdown structure or dropped."""


_TYPES: dict[str, tuple[type, ...]] = {
    "timezone": (str, type(None)),
    "today": (str, type(None)),
    "speaker_aliases": (dict,),
    "talks": (list, tuple),
    "baseurl": (str, type(None)),
    "exports": (list, tuple),
    "ics_window_days": (int, type(None)),
    "default_duration": (int,),
    "script": (bool,),
    "allow_raw_html": (bool,),
}
EXPORTS = ("json", "ics", "atom", "jsonld", "redirects")


def setup_config(app: Sphinx) -> None:
    """Declare the values and validate them early, before anything reads them."""
    defaults = SeminarConfig()
    for item in fields(SeminarConfig):
        types = _TYPES.get(item.name, (str,))
        app.add_config_value(
            f"seminar_{item.name}", getattr(defaults, item.name), "env", types=types
        )
    app.connect("config-inited", validate_config, priority=100)


def validate_config(app: Sphinx, config: Config) -> None:
    """Warn about a bad value and fall back to its default (``seminar.config``)."""
    zone = config.seminar_timezone
    if zone is not None and not _is_zone(zone):
        _reject(config, "timezone", f"'{zone}' is not an IANA time zone such as 'Asia/Kolkata'")
    for name in ("date_format", "time_format"):
        value = getattr(config, f"seminar_{name}")
        if not isinstance(value, str) or not value.strip():
            _reject(config, name, "must be a non-empty string")
    try:
        config.seminar_date_format.format(weekday="", day="", month="", year="")
    except (KeyError, IndexError, ValueError) as exc:
        _reject(config, "date_format", f"unknown field {exc}")
    today = config.seminar_today
    if today is not None and not _is_iso_date(today):
        _reject(config, "today", f"'{today}' is not a date such as '2025-01-09'")
    aliases = config.seminar_speaker_aliases
    if not isinstance(aliases, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in aliases.items()
    ):
        _reject(config, "speaker_aliases", "must map names (text) to names (text)")
    patterns = config.seminar_talks
    if not isinstance(patterns, (list, tuple)) or not all(isinstance(p, str) for p in patterns):
        _reject(config, "talks", "must be a list of glob patterns such as 'talks/*.md'")
    exports = config.seminar_exports
    if not isinstance(exports, (list, tuple)) or not set(exports) <= set(EXPORTS):
        _reject(config, "exports", f"must be a list of some of {', '.join(EXPORTS)}")
    window = config.seminar_ics_window_days
    if window is not None and (not _is_count(window) or window < 0):
        _reject(config, "ics_window_days", "must be a number of days (0 or more) or None")
    duration = config.seminar_default_duration
    if not _is_count(duration) or duration < 0:
        _reject(config, "default_duration", "must be a number of minutes (0 or more)")
    baseurl = config.seminar_baseurl
    if baseurl is not None and not str(baseurl).startswith(("https://", "http://")):
        _reject(config, "baseurl", "must start with https:// or http://")


def get_config(config: Config) -> SeminarConfig:
    """The validated values as one typed object."""
    values = {f.name: getattr(config, f"seminar_{f.name}") for f in fields(SeminarConfig)}
    return SeminarConfig(**values)


def _is_zone(name: object) -> bool:
    if not isinstance(name, str) or not name.strip():
        return False
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


def _is_iso_date(value: object) -> bool:
    try:
        dt.date.fromisoformat(str(value))
    except ValueError:
        return False
    return True


def _is_count(value: object) -> bool:
    """A whole number (``True`` and ``False`` are ints to Python, not counts)."""
    return isinstance(value, int) and not isinstance(value, bool)


def _reject(config: Config, name: str, reason: str) -> None:
    default = getattr(SeminarConfig(), name)
    LOGGER.warning(
        "seminar_%s: %s; using %r", name, reason, default, type="seminar", subtype="config"
    )
    setattr(config, f"seminar_{name}", default)
