"""Every problem code of the extension, in one enum shared by the reader and the Sphinx side.

A code is what ``[seminar.<code>]`` shows after a warning, what ``suppress_warnings``
silences and what ``sphinx-seminars check`` prints.  Each has a help text; the table of codes
in the documentation is generated from :data:`HELP`.  Pure Python: the reader imports it.
"""

from __future__ import annotations

from enum import Enum
from typing import Literal

Level = Literal["error", "warning"]


class Code(str, Enum):
    """A kind of problem; its value is the subtype of the ``seminar`` warning type."""

    # the file itself
    UNREADABLE = "unreadable"
    ENCODING = "encoding"
    TOO_LONG = "too-long"
    # front matter
    FRONT_MATTER = "front-matter"
    YAML = "yaml"
    TOML = "toml"
    UNKNOWN_KEY = "unknown-key"
    TYPE = "type"
    # what the talk says
    NO_TITLE = "no-title"
    NO_SPEAKER = "no-speaker"
    NO_DATE = "no-date"
    NO_ABSTRACT = "no-abstract"
    NOT_A_TALK = "not-a-talk"
    SPEAKER = "speaker"
    DATE = "date"
    TIME = "time"
    TIMEZONE = "timezone"
    TIMEZONE_AMBIGUOUS = "timezone-ambiguous"
    WEEKDAY = "weekday"
    TITLE_DATE = "title-date"
    FILENAME_DATE = "filename-date"
    URL = "url"
    FOOTNOTE = "footnote"
    STATUS = "status"
    # across files and in the build
    DUPLICATE = "duplicate"
    PATH = "path"
    PERMALINK = "permalink"
    REF = "ref"
    LIST = "list"
    CONFIG = "config"
    EXPORT = "export"

    def __str__(self) -> str:
        return self.value


#: What each code means, for the documentation and ``check --help``-style listings.
HELP: dict[Code, str] = {
    Code.UNREADABLE: "the file cannot be read (missing, a folder, a pipe, no permission)",
    Code.ENCODING: (
        "a binary file (error, skipped); bytes that are not UTF-8 (replaced), a UTF-16 file, "
        "or control characters (removed)"
    ),
    Code.TOO_LONG: (
        "a value or section far longer than any real one was cut (warning), or a file or "
        "front matter too large to read safely (error)"
    ),
    Code.FRONT_MATTER: "front matter that never closes, or is not a mapping",
    Code.YAML: (
        "the YAML front matter does not parse or is refused (error: too deep, aliases "
        "expanding too far), or a key is given twice (warning)"
    ),
    Code.TOML: "the TOML front matter does not parse, or is refused",
    Code.UNKNOWN_KEY: "a front-matter key the reader does not know (with a suggestion)",
    Code.TYPE: "a key with a value of the wrong type (a list where text belongs)",
    Code.NO_TITLE: "the file gives no title (the file name is used)",
    Code.NO_SPEAKER: "the file names no speaker",
    Code.NO_DATE: "the file gives no date",
    Code.NO_ABSTRACT: "the file gives no abstract (or only a placeholder such as 'TBA')",
    Code.NOT_A_TALK: "the file describes no event (news, an award): it is not made a talk page",
    Code.SPEAKER: "a speaker value that cannot be read",
    Code.DATE: "a date that cannot be read, or sources of the date that disagree",
    Code.TIME: "a time that cannot be read, does not exist, is ambiguous, or ends before it starts",
    Code.TIMEZONE: "an unknown time zone, or an offset that does not match the zone named",
    Code.TIMEZONE_AMBIGUOUS: "an abbreviation such as IST that names several zones",
    Code.WEEKDAY: "the weekday written does not match the date, or is misspelt",
    Code.TITLE_DATE: "the date in the title, '(dd/mm/yy)', is not the talk's date",
    Code.FILENAME_DATE: "the date the file name starts with is not the talk's date",
    Code.URL: "a link whose address is not http(s) or mailto, or is unsafe; left out",
    Code.FOOTNOTE: (
        "a footnote reference ([^1]) whose note ([^1]: ...) the talk does not give, a note "
        "no reference points to, or a second note of one label: shown as the text it is "
        "written as"
    ),
    Code.STATUS: "a status that is none of cancelled, postponed, rescheduled",
    Code.DUPLICATE: "two talks (or speakers) with the same id; the message names both files",
    Code.PATH: "a file named by a talk, or a talk file, outside the source folder; left out",
    Code.PERMALINK: "a permalink that cannot be served (taken by a page, a file or another talk)",
    Code.REF: "a link to a talk, speaker or series that does not exist",
    Code.LIST: "a bad option of a listing directive",
    Code.CONFIG: "a bad ``seminar_*`` setting; the default (or the valid part) is used",
    Code.EXPORT: (
        "an earlier export in the output folder cannot be read, or an export cannot be written"
    ),
}


def code_of(text: str) -> Code | None:
    """The code spelled ``text`` (``"weekday"``), or None."""
    try:
        return Code(text)
    except ValueError:
        return None
