"""How the reader reads: the site's settings that change what a talk file gives, in one
frozen, typed object."""

from __future__ import annotations

from dataclasses import dataclass, replace


@dataclass(frozen=True)
class ReaderOptions:
    """The reader's settings (each the value of a ``seminar_*`` setting of a site).

    ``default_timezone``: the IANA zone of times written without one (``seminar_timezone``).
    ``allow_raw_html``: keep the tags of :data:`.sanitize.RAW_TAGS` (tables, images, code)
    as sanitised raw HTML in the Markdown fields (``seminar_allow_raw_html``).
    """

    default_timezone: str | None = None
    allow_raw_html: bool = False


def options_of(
    options: ReaderOptions | None, default_timezone: str | None, allow_raw_html: bool | None
) -> ReaderOptions:
    """The options given, with the keyword arguments of :func:`.read_talk` that were given
    (not None) in place of theirs."""
    options = options or ReaderOptions()
    if default_timezone is not None:
        options = replace(options, default_timezone=default_timezone)
    if allow_raw_html is not None:
        options = replace(options, allow_raw_html=allow_raw_html)
    return options
