"""How the reader reads: the site's settings that change what a talk file gives, in one
frozen, typed object."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass, field, replace


@dataclass(frozen=True)
class ReaderOptions:
    """The reader's settings (each the value of a ``seminar_*`` setting of a site).

    ``default_timezone``: the IANA zone of times written without one (``seminar_timezone``).
    ``allow_raw_html``: keep the tags of :data:`.sanitize.RAW_TAGS` (tables, images, code)
    as sanitised raw HTML in the Markdown fields (``seminar_allow_raw_html``).
    ``handles``: author handles -> the person each stands for, as a speaker value is written
    (``{"admin": "Dr. Jane Doe, Example University"}``).  A handle is a speaker entry in
    lower-case letters, digits, ``-``, ``_`` and ``.`` without spaces (HugoBlox's
    ``authors: [admin]``): never a name itself, it gives no speaker unless it is mapped here.
    """

    default_timezone: str | None = None
    allow_raw_html: bool = False
    handles: Mapping[str, str] = field(default_factory=dict, hash=False)

    def __post_init__(self) -> None:  # a copy, in a plain dict: frozen and picklable
        object.__setattr__(self, "handles", dict(self.handles))


@functools.lru_cache(maxsize=64)
def _keyword_options(default_timezone: str | None, allow_raw_html: bool) -> ReaderOptions:
    """The options of keyword arguments alone (made once: a site reads many files)."""
    return ReaderOptions(default_timezone, allow_raw_html)


def options_of(
    options: ReaderOptions | None, default_timezone: str | None, allow_raw_html: bool | None
) -> ReaderOptions:
    """The options given, with the keyword arguments of :func:`.read_talk` that were given
    (not None) in place of theirs."""
    if options is None:
        return _keyword_options(default_timezone, bool(allow_raw_html))
    if default_timezone is not None:
        options = replace(options, default_timezone=default_timezone)
    if allow_raw_html is not None:
        options = replace(options, allow_raw_html=allow_raw_html)
    return options
