"""The ``seminar_*`` settings: one typed dataclass whose fields carry their validator, their
help text and what a change rebuilds; validated once on ``config-inited`` and read through
:func:`get_config` everywhere else."""

from __future__ import annotations

import datetime as dt
import posixpath
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING, Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sphinx.config import Config
from sphinx.util import logging

from .dates import DateStyle
from .problems import Code

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

    from .reader.options import ReaderOptions

LOGGER = logging.getLogger(__name__)

#: What the HTML builders can write besides the pages.
EXPORTS = ("json", "ics", "atom", "jsonld", "redirects")
Rebuild = Literal["env", "html", ""]


class InvalidSettingError(ValueError):
    """A setting's value that cannot be used at all: the default is used instead."""


#: A validator takes a value and returns the value to use and what was dropped from it (the
#: bad elements of a list or mapping); it raises :class:`InvalidSettingError` for a value of no use.
Validator = Callable[[Any], tuple[Any, list[str]]]


def _setting(default: Any, validator: Validator, rebuild: Rebuild, help_text: str) -> Any:
    """A field of :class:`SeminarConfig` with its validator, rebuild kind and help."""
    factory: Callable[[], Any] = (
        (lambda: type(default)(default)) if isinstance(default, (list, dict)) else lambda: default
    )
    return field(
        default_factory=factory,
        metadata={"validator": validator, "rebuild": rebuild, "help": help_text},
    )


# -- validators ---------------------------------------------------------------------------


def is_zone_name(name: object) -> bool:
    """Whether ``name`` is an IANA time zone this system knows (``"Asia/Kolkata"``)."""
    if not isinstance(name, str) or not name.strip():
        return False
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


def _zone(value: Any) -> tuple[Any, list[str]]:
    if value is not None and not is_zone_name(value):
        raise InvalidSettingError(f"'{value}' is not an IANA time zone such as 'Asia/Kolkata'")
    return value, []


def _text(value: Any) -> tuple[Any, list[str]]:
    if not isinstance(value, str) or not value.strip():
        raise InvalidSettingError("must be a non-empty string")
    return value, []


def _date_format(value: Any) -> tuple[Any, list[str]]:
    _text(value)
    try:
        value.format(weekday="", day="", month="", year="")
    except (KeyError, IndexError, ValueError) as exc:
        raise InvalidSettingError(f"unknown field {exc}") from exc
    return value, []


def _day(value: Any) -> tuple[Any, list[str]]:
    if value is None or isinstance(value, dt.date):
        return value.isoformat() if isinstance(value, dt.date) else None, []
    try:
        dt.date.fromisoformat(str(value))
    except ValueError as exc:
        raise InvalidSettingError(f"'{value}' is not a date such as '2025-01-09'") from exc
    return str(value), []


def _names(value: Any) -> tuple[Any, list[str]]:
    if not isinstance(value, Mapping):
        raise InvalidSettingError("must map names (text) to names (text)")
    kept = {k: v for k, v in value.items() if isinstance(k, str) and isinstance(v, str)}
    dropped = [f"{k!r}: {v!r} (not text)" for k, v in value.items() if k not in kept]
    return kept, dropped


def _talk_patterns(value: Any) -> tuple[Any, list[str]]:
    if isinstance(value, str) or not isinstance(value, (list, tuple)):
        raise InvalidSettingError("must be a list of glob patterns such as 'talks/*.md'")
    kept: list[str] = []
    dropped: list[str] = []
    for pattern in value:
        if not isinstance(pattern, str) or not pattern.strip():
            dropped.append(f"{pattern!r} (not a pattern)")
        elif pattern.startswith(("/", "\\")) or ".." in posixpath.normpath(pattern).split("/"):
            dropped.append(f"'{pattern}' (outside the source folder)")
        else:
            kept.append(pattern)
    return kept, dropped


def _exports(value: Any) -> tuple[Any, list[str]]:
    if isinstance(value, str) or not isinstance(value, (list, tuple, set, frozenset)):
        raise InvalidSettingError(f"must be a list of some of {', '.join(EXPORTS)}")
    kept = [name for name in value if name in EXPORTS]
    dropped = [f"{name!r} (not one of {', '.join(EXPORTS)})" for name in value if name not in kept]
    return kept, dropped


def _subscriptions(value: Any) -> tuple[Any, list[str]]:
    kinds = ("series", "speaker", "tag")
    if isinstance(value, str) or not isinstance(value, (list, tuple, set, frozenset)):
        raise InvalidSettingError(f"must be a list of some of {', '.join(kinds)}")
    kept = [kind for kind in value if kind in kinds]
    dropped = [f"{kind!r} (not one of {', '.join(kinds)})" for kind in value if kind not in kept]
    return kept, dropped


def _count(what: str, *, optional: bool) -> Validator:
    def validate(value: Any) -> tuple[Any, list[str]]:
        if value is None and optional:
            return None, []
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise InvalidSettingError(
                f"must be a number of {what} (0 or more)" + (" or None" * optional)
            )
        return value, []

    return validate


def _switch(value: Any) -> tuple[Any, list[str]]:
    if not isinstance(value, bool):
        raise InvalidSettingError("must be True or False")
    return value, []


def _base_url(value: Any) -> tuple[Any, list[str]]:
    if value is not None and not str(value).startswith(("https://", "http://")):
        raise InvalidSettingError("must start with https:// or http://")
    return value, []


def _is_web_address(text: str) -> bool:
    return text.startswith(("https://", "http://")) and len(text) > len("https://")


def _is_site_path(text: str) -> bool:
    """A path from the site root (``_static/talks.png``): no scheme, no going up a folder."""
    parts = text.replace("\\", "/").split("/")
    return ":" not in parts[0] and ".." not in parts and not text.startswith(("/", "\\"))


def _link(text: str) -> bool:
    return _is_web_address(text) or _is_site_path(text)


def _text_fields(
    kinds: Mapping[str, tuple[str, Callable[[str], bool] | None]],
) -> Validator:
    """A validator of a mapping of some of ``kinds`` (key -> what it is, a check of its text)
    to text; other keys and values that are no text, or fail the check, are left out."""

    def validate(value: Any) -> tuple[Any, list[str]]:
        if not isinstance(value, Mapping):
            raise InvalidSettingError(f"must map some of {', '.join(kinds)} to text")
        kept: dict[str, str] = {}
        dropped: list[str] = []
        for key, text in value.items():
            if key not in kinds:
                dropped.append(f"{key!r} (not one of {', '.join(kinds)})")
                continue
            what, check = kinds[key]
            if not isinstance(text, str) or not text.strip():
                dropped.append(f"{key!r}: {text!r} (not text)")
            elif check is not None and not check(text.strip()):
                dropped.append(f"{key!r}: {text!r} (not {what})")
            else:
                kept[key] = text.strip()
        return kept, dropped

    return validate


_WEB_ADDRESS = "an http(s) address"
_LINK = "an http(s) address or a path from the site root"
_organizer = _text_fields(
    {
        "name": ("a name", None),
        "url": (_WEB_ADDRESS, _is_web_address),
        "type": ("'Organization' or 'Person'", lambda text: text in ("Organization", "Person")),
    }
)
_feed = _text_fields(
    {"title": ("a title", None), "author": ("a name", None), "link": (_LINK, _link)}
)
_postal_address = _text_fields(
    dict.fromkeys(("street", "city", "region", "postcode", "country"), ("text", None))
)


def _images(value: Any) -> tuple[Any, list[str]]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, (list, tuple)):
        raise InvalidSettingError(f"must be a list of images, each {_LINK}")
    kept: list[str] = []
    dropped: list[str] = []
    for item in value:
        text = item.strip() if isinstance(item, str) else ""
        if text and _link(text):
            kept.append(text)
        else:
            dropped.append(f"{item!r} (not {_LINK})")
    return kept, dropped


# -- the settings -------------------------------------------------------------------------


@dataclass(frozen=True)
class SeminarConfig:
    """Every setting of the extension (``seminar_<name>`` in conf.py)."""

    timezone: str | None = _setting(
        None,
        _zone,
        "env",
        "IANA zone for talks that state none; also settles ambiguous abbreviations (IST).",
    )
    date_format: str = _setting(
        "{weekday} {day} {month} {year}",
        _date_format,
        "env",
        "How a talk's date is shown; fields: weekday, day, month, year (names in English).",
    )
    time_format: str = _setting(
        "%H:%M", _text, "env", "How a talk's time of day is shown (strftime), e.g. '%I:%M %p'."
    )
    today: str | None = _setting(
        None,
        _day,
        "",
        "The day listings count as today (YYYY-MM-DD) for upcoming/past; the build date "
        "when unset. Set it for reproducible builds.",
    )
    speaker_aliases: dict[str, str] = _setting(
        {},
        _names,
        "env",
        "Other spellings of speakers' names: {'Keith Butler': 'Keith T. Butler'}.",
    )
    talks: list[str] = _setting(
        [],
        _talk_patterns,
        "env",
        "Glob patterns (relative to the source folder) of talk files that become pages.",
    )
    redirects: dict[str, str] = _setting(
        {},
        _names,
        "",
        "Old addresses of talks, served by redirect pages like a front-matter permalink: "
        "{'/2021/03/04/grain-growth/': 'talk-id'} (sphinx-seminars import writes these).",
    )
    baseurl: str | None = _setting(
        None,
        _base_url,
        "html",  # the JSON-LD in the talk pages holds absolute links
        "The site's address for absolute links in the exports; html_baseurl when unset.",
    )
    exports: list[str] = _setting(
        list(EXPORTS), _exports, "html", "What the HTML builders write besides the pages."
    )
    subscriptions: list[str] = _setting(
        ["series"],
        _subscriptions,
        "html",
        "Calendars (and feeds) to subscribe to besides the site's: one per series, speaker "
        "or tag; ['series'] by default.",
    )
    ics_window_days: int | None = _setting(
        None,
        _count("days", optional=True),
        "",
        "Leave talks older than this many days out of seminars.ics (all when None).",
    )
    default_duration: int = _setting(
        60,
        _count("minutes", optional=False),
        "html",
        "Minutes a talk lasts when its end is not known (0: no end in calendars).",
    )
    script: bool = _setting(
        True,
        _switch,
        "html",
        "Add sphinx-seminars.js to HTML pages: local times, live upcoming/past, filters.",
    )
    author_handles: dict[str, str] = _setting(
        {},
        _names,
        "env",
        "Author handles of site themes and who they stand for: {'admin': 'Dr. Jane Doe'} "
        "(a handle not listed gives no speaker).",
    )
    allow_raw_html: bool = _setting(
        False,
        _switch,
        "env",
        "Keep more (sanitised) HTML of talk files as raw HTML: tables, images, ...",
    )
    organizer: dict[str, str] = _setting(
        {},
        _organizer,
        "html",
        "Who runs the series, for JSON-LD and the feed's author: {'name': ..., 'url': ..., "
        "'type': 'Organization' or 'Person'}; the project and the site's address when unset.",
    )
    feed: dict[str, str] = _setting(
        {},
        _feed,
        "html",
        "The Atom feed's 'title', 'author' and 'link' (its web page); by default "
        "'<project>: seminars', the organizer and the site's home page.",
    )
    image: list[str] = _setting(
        [],
        _images,
        "html",
        "Images for the talks' JSON-LD (an address, or a path from the site root), one or "
        "several (16:9, 4:3, 1:1); a talk's own image comes first.",
    )
    venue_address: dict[str, str] = _setting(
        {},
        _postal_address,
        "html",
        "The postal address of in-person talks whose file gives none, for JSON-LD: "
        "{'street': ..., 'city': ..., 'region': ..., 'postcode': ..., 'country': ...}.",
    )

    def today_date(self) -> dt.date:
        """``today`` as a date: the setting when given, else the build date."""
        return dt.date.fromisoformat(self.today) if self.today else dt.date.today()

    def reader_options(self) -> ReaderOptions:
        """The reader's options that come from the settings."""
        from .reader.options import ReaderOptions  # noqa: PLC0415 - the reader loads lazily

        return ReaderOptions(
            default_timezone=self.timezone,
            allow_raw_html=self.allow_raw_html,
            handles=self.author_handles,
        )


_TYPES: dict[str, tuple[type, ...]] = {
    "timezone": (str, type(None)),
    "today": (str, dt.date, type(None)),
    "speaker_aliases": (dict,),
    "redirects": (dict,),
    "author_handles": (dict,),
    "talks": (list, tuple),
    "baseurl": (str, type(None)),
    "exports": (list, tuple),
    "subscriptions": (list, tuple),
    "ics_window_days": (int, type(None)),
    "default_duration": (int,),
    "script": (bool,),
    "allow_raw_html": (bool,),
    "organizer": (dict,),
    "feed": (dict,),
    "image": (str, list, tuple),
    "venue_address": (dict,),
}


def setting_help() -> list[tuple[str, str, str]]:
    """``(name, default, help)`` of every setting, for the documentation."""
    defaults = SeminarConfig()
    return [
        (f"seminar_{item.name}", repr(getattr(defaults, item.name)), item.metadata["help"])
        for item in fields(SeminarConfig)
    ]


def setup_config(app: Sphinx) -> None:
    """Declare the values and validate them early, before anything reads them."""
    defaults = SeminarConfig()
    for item in fields(SeminarConfig):
        app.add_config_value(
            f"seminar_{item.name}",
            getattr(defaults, item.name),
            item.metadata["rebuild"],
            types=_TYPES.get(item.name, (str,)),
            description=item.metadata["help"],
        )
    app.connect("config-inited", validate_config, priority=100)


def validate_config(app: Sphinx, config: Config) -> None:
    """``config-inited``: a bad value is a ``seminar.config`` warning and the default (or,
    for a list or mapping, what is left without its bad elements) is used instead."""
    defaults = SeminarConfig()
    for item in fields(SeminarConfig):
        name = f"seminar_{item.name}"
        value = getattr(config, name)
        try:
            kept, dropped = item.metadata["validator"](value)
        except InvalidSettingError as reason:
            kept, dropped = getattr(defaults, item.name), []
            _warn(f"{name}: {reason}; using {kept!r}")
        for element in dropped:
            _warn(f"{name}: {element} left out")
        if kept != value or type(kept) is not type(value):
            setattr(config, name, kept)


def _warn(message: str) -> None:
    LOGGER.warning(message, type="seminar", subtype=Code.CONFIG)


_SETTINGS = tuple((item.name, f"seminar_{item.name}") for item in fields(SeminarConfig))


def get_config(config: Config | BuildEnvironment | Sphinx) -> SeminarConfig:
    """The validated settings as one typed object (from a Config, an environment or the
    application)."""
    values = getattr(config, "config", config)
    return SeminarConfig(**{name: getattr(values, setting) for name, setting in _SETTINGS})


def date_style(config: Config | BuildEnvironment | Sphinx) -> DateStyle:
    """How the site writes dates and times: its date and time formats in its language."""
    settings = get_config(config)
    values = config if isinstance(config, Config) else config.config
    return DateStyle(settings.date_format, settings.time_format, str(values.language or "en"))
