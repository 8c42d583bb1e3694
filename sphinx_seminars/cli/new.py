"""``sphinx-seminars new``: write a talk file, named the way the site names its talk files."""

from __future__ import annotations

import argparse
import datetime as dt
import html
import sys
from dataclasses import dataclass, replace
from pathlib import Path
from zoneinfo import ZoneInfo

from ..ids import slug
from ..model import Speaker, Talk
from ..reader import read_talk
from ..reader.references import split_references
from ..reader.speakers import split_honorific
from ..reader.text import (
    clean_text,
    drop_control_characters,
    html_to_markdown,
    normalise_newlines,
    strip_html,
)
from ..reader.writer import write_talk_file
from . import prompts, values
from .errors import CommandError
from .patterns import Naming, learn_naming, values_of
from .site import Site, find_site
from .talkfiles import as_read
from .terminal import printable, problem_line


def add_parser(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
) -> argparse.ArgumentParser:
    new = commands.add_parser(
        "new",
        help="write a new talk file",
        description=(
            "Write a talk file into the site's talk folder (from conf.py's seminar_talks, or "
            "--into), named like the talk files already there. On a terminal it asks for what "
            "the options do not give; otherwise --title, --speaker and --date are needed."
        ),
    )
    where = new.add_argument_group("where")
    where.add_argument(
        "--site", metavar="DIR", default=".", help="the site's folder, with conf.py (default: .)"
    )
    where.add_argument("--into", metavar="FOLDER", help="write into this talk folder")
    where.add_argument(
        "--slug", help="the name part of the file name and permalink (default: from the speaker)"
    )
    where.add_argument(
        "--dry-run", action="store_true", help="print the file and where it would go; write nothing"
    )
    talk = new.add_argument_group("the talk")
    talk.add_argument("--title")
    talk.add_argument(
        "--speaker", action="append", default=[], metavar="NAME",
        help="a speaker, honorific first if any ('Dr. Ada Byrne'); repeat for several",
    )  # fmt: skip
    talk.add_argument(
        "--affiliation", action="append", default=[],
        help="the affiliation of each --speaker, in the same order",
    )  # fmt: skip
    talk.add_argument(
        "--position", action="append", default=[],
        help="the position of each --speaker, in the same order",
    )  # fmt: skip
    talk.add_argument("--date", metavar="YYYY-MM-DD")
    talk.add_argument("--time", metavar="HH:MM", help="the start, 24-hour clock")
    talk.add_argument("--end-time", metavar="HH:MM", help="the end, 24-hour clock")
    talk.add_argument(
        "--timezone", metavar="IANA", help="the talk's zone (default: the site's seminar_timezone)"
    )
    talk.add_argument("--venue", help="the room or place")
    talk.add_argument("--online", metavar="URL", help="the link to join online")
    talk.add_argument("--abstract", help="the abstract (Markdown)")
    talk.add_argument(
        "--abstract-file", metavar="FILE", help="read the abstract (Markdown) from FILE"
    )
    talk.add_argument("--bio", help="the speaker's biography (Markdown)")
    talk.add_argument("--series", help="the series the talk belongs to")
    talk.add_argument("--tag", action="append", default=[], help="a tag; repeat for several")
    talk.add_argument("--slides", metavar="URL", help="a link to the slides")
    talk.add_argument("--video", metavar="URL", help="a link to the recording")
    new.add_argument("--no-input", action="store_true", help="ask nothing: take the options only")
    return new


@dataclass(frozen=True)
class Placed:
    """Where a new talk file goes, and the permalink it gets."""

    path: Path
    permalink: str | None


def run(args: argparse.Namespace) -> int:
    site = find_site(Path(args.site), Path(args.into) if args.into else None)
    existing = site.talks()
    naming = learn_naming(existing, str(site.talk_folder))
    asker = prompts.terminal_asker() if prompts.interactive(args.no_input) else None
    talk = talk_from(args, site, asker)
    placed = place(talk, naming, site, existing, args.slug)
    talk = replace(talk, id=_id_of(placed), permalink=placed.permalink)
    relative = _shown(placed.path)
    text = write_talk_file(talk, path=placed.path.name)
    if args.dry_run:
        print(printable(f"# {relative} (not written)"))
        sys.stdout.write(printable(text))
        return 0
    placed.path.parent.mkdir(parents=True, exist_ok=True)
    with placed.path.open("x", encoding="utf-8") as file:  # never over an existing file
        file.write(text)
    written = read_talk(placed.path, default_timezone=site.timezone)
    print(printable(f"Wrote {relative}" + _naming_note(naming)))
    for problem in written.problems:
        print("  " + problem_line(relative, problem))
    return 0


def _shown(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _naming_note(naming: Naming) -> str:
    if naming.learnt_from:
        files = "file" if naming.learnt_from == 1 else "files"
        return f" (named like {naming.learnt_from} talk {files} of the site)"
    return ""


def _id_of(placed: Placed) -> str:
    """The id the reader gives the file: its permalink's last part, else its name."""
    if placed.permalink:
        parts = [part for part in placed.permalink.split("/") if part]
        if parts:
            return parts[-1]
    return placed.path.stem


def place(
    talk: Talk, naming: Naming, site: Site, existing: list[Talk], slug_option: str | None
) -> Placed:
    """The new file's path and permalink, following the site's naming; an error when a talk
    with that id or file is already there."""
    day = talk.start.date() if isinstance(talk.start, dt.datetime) else talk.start
    assert day is not None  # every new talk has a date
    fill = values_of(day, (speaker.name for speaker in talk.speakers))
    if slug_option is not None:
        own = slug(slug_option)
        if not own:
            raise CommandError(f"--slug: '{slug_option}' has no letter or digit")
        fill |= dict.fromkeys(("surname", "given", "fullname"), own)
    placed = Placed(site.talk_folder / naming.path_for(fill), naming.permalink_for(fill))
    if placed.path.exists():
        raise CommandError(f"{_shown(placed.path)} already exists; give another name with --slug")
    new_id = _id_of(placed)
    for other in existing:
        if other.id == new_id:
            raise CommandError(
                f"the talk {other.source} already has the id '{new_id}'; "
                "give another name with --slug"
            )
    return placed


def talk_from(args: argparse.Namespace, site: Site, asker: prompts.Asker | None) -> Talk:
    """The talk the options (and, on a terminal, the answers) describe."""
    title = _text_option(args.title, "--title")
    names = [n for n in (_text_option(s, "--speaker") for s in args.speaker) if n]
    day = values.flag("--date", values.day, args.date) if args.date else None
    start_time = values.flag("--time", values.time_of_day, args.time) if args.time else None
    end_time = (
        values.flag("--end-time", values.time_of_day, args.end_time) if args.end_time else None
    )
    zone = site.timezone
    if args.timezone:
        zone = values.flag("--timezone", values.zone, args.timezone)
    online = values.flag("--online", values.web_address, args.online) if args.online else None
    links = tuple(
        (name, values.flag(f"--{name}", values.web_address, url))
        for name, url in (("slides", args.slides), ("video", args.video))
        if url
    )
    abstract = _abstract(args)
    venue = args.venue
    affiliations = list(args.affiliation)
    if asker is not None:
        title = title or asker.ask("Title", _plain_text("a title"))
        if not names:
            names = [asker.ask("Speaker (e.g. Dr. Ada Byrne)", _plain_text("a name"))]
            if not affiliations:
                answer = asker.ask("Affiliation (empty: none)", prompts.optional(_plain_text("it")))
                affiliations = [answer or ""]
        day = day or asker.ask("Date (YYYY-MM-DD)", values.day)
        clock = prompts.optional(values.time_of_day)
        if start_time is None:
            start_time = asker.ask("Start time (HH:MM; empty: none)", clock)
        if start_time is not None and end_time is None:
            end_time = asker.ask("End time (HH:MM; empty: none)", clock)
        if start_time is not None and zone is None:
            zone = asker.ask("Time zone", values.zone, values.local_zone() or "UTC")
        if venue is None:
            venue = asker.ask("Venue (empty: none)", prompts.optional(_plain_text("it")))
        if online is None:
            online = asker.ask("Online link (empty: none)", prompts.optional(values.web_address))
        if not abstract:
            abstract = asker.ask("Abstract, one paragraph (empty: none yet)", lambda a: a)
    given = (("--title", title), ("--speaker", names), ("--date", day))
    missing = [flag for flag, value in given if not value]
    if missing:
        raise CommandError(f"missing {', '.join(missing)} (or run it on a terminal to be asked)")
    assert title is not None and day is not None
    if end_time is not None and start_time is None:
        raise CommandError("--end-time needs --time")
    if start_time is not None and zone is None:
        raise CommandError(
            "--timezone is needed for a talk with a time (the site sets no seminar_timezone)"
        )
    start, end = _moments(day, start_time, end_time, zone)
    markdown, references = split_references(_markdown(abstract))
    talk = Talk(
        id="",
        title=title,
        speakers=_speakers(names, affiliations, list(args.position)),
        start=start,
        end=end,
        timezone=zone,
        venue=_optional_text(venue, "--venue"),
        online_url=online,
        series=_optional_text(args.series, "--series"),
        abstract=markdown,
        references=references,
        bio=_markdown(args.bio or ""),
        links=links,
        tags=tuple(t for t in (_optional_text(tag, "--tag") for tag in args.tag) if t),
    )
    read = as_read(talk)  # what the file will read back to
    if read is None:
        raise CommandError(f"--title: '{talk.title}' has nothing a title keeps")
    return read


def _text_option(value: str | None, flag: str) -> str | None:
    if value is None:
        return None
    return values.flag(flag, _plain_text("a value"), value)


def _plain_text(what: str) -> prompts.Check[str]:
    """Plain text (see :func:`_plain`) that must not be empty."""
    check = prompts.text(what)
    return lambda answer: check(_plain(answer))


def _plain(text: str) -> str:
    """Plain text as the reader reads it back from a file: one line, no control or
    invisible characters, spaces collapsed."""
    return strip_html(html.escape(_without_controls(text), quote=False))


def _without_controls(text: str) -> str:
    """The text as the reader would see it in a file: no control characters."""
    return drop_control_characters(normalise_newlines(text))[0]


def _optional_text(value: str | None, flag: str) -> str | None:
    return _text_option(value, flag) if value else None


def _abstract(args: argparse.Namespace) -> str:
    if args.abstract_file:
        try:
            return Path(args.abstract_file).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            reason = error.strerror if isinstance(error, OSError) else "not UTF-8 text"
            raise CommandError(
                f"--abstract-file: cannot read {args.abstract_file}: {reason}"
            ) from None
    return args.abstract or ""


def _markdown(text: str) -> str:
    """Markdown as the reader reads it from a talk file (safe, no raw HTML)."""
    text = _without_controls(text)
    return html_to_markdown(clean_text(text)) if text.strip() else ""


def _speakers(
    names: list[str], affiliations: list[str], positions: list[str]
) -> tuple[Speaker, ...]:
    if len(affiliations) > len(names) or len(positions) > len(names):
        raise CommandError("more --affiliation or --position options than --speaker options")
    speakers = []
    for index, written in enumerate(names):
        honorific, name = split_honorific(written)
        affiliation = (
            _optional_text(affiliations[index], "--affiliation")
            if index < len(affiliations)
            else None
        )
        position = (
            _optional_text(positions[index], "--position") if index < len(positions) else None
        )
        speakers.append(Speaker(name, honorific, position, affiliation))
    return tuple(speakers)


def _moments(
    day: dt.date, start: dt.time | None, end: dt.time | None, zone: str | None
) -> tuple[dt.datetime | dt.date, dt.datetime | None]:
    if start is None:
        return day, None
    assert zone is not None
    begins = _existing(dt.datetime.combine(day, start, ZoneInfo(zone)), "--time")
    if end is None:
        return begins, None
    ends = _existing(dt.datetime.combine(day, end, ZoneInfo(zone)), "--end-time")
    if ends <= begins:
        raise CommandError(f"--end-time {end:%H:%M} is not after --time {start:%H:%M}")
    return begins, ends


def _existing(moment: dt.datetime, flag: str) -> dt.datetime:
    """The moment, if its clock time exists in its zone that day (not skipped when the
    clocks go forward)."""
    again = moment.astimezone(dt.timezone.utc).astimezone(moment.tzinfo)
    if again.replace(tzinfo=None) != moment.replace(tzinfo=None):
        raise CommandError(
            f"{flag}: {moment:%H:%M} does not exist on {moment:%Y-%m-%d} in {moment.tzinfo} "
            "(the clocks go forward then)"
        )
    return moment
