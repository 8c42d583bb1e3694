"""``sphinx-seminars import SOURCE DEST``: a seminar site made from an existing archive (a
Jekyll or Hugo site, a folder of talk files) or from an iCalendar file."""

from __future__ import annotations

import argparse
import datetime as dt
import posixpath
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path, PurePosixPath

from ..ids import slug
from ..model import Talk
from ..problems import Code
from ..reader import parse_talk, read_talk
from ..reader.files import read_text
from ..reader.frontmatter import split_front_matter
from ..reader.writer import write_talk_file
from . import values
from .errors import CommandError
from .importing.assets import place_assets, referenced_paths
from .importing.calendar import CalendarEvent, read_calendar
from .importing.documents import TALKS, Archive, Document, inside
from .importing.folder import folder_archive
from .importing.hugo import hugo_archive, is_hugo
from .importing.hugo import read_config as hugo_config
from .importing.jekyll import is_jekyll, jekyll_archive
from .importing.jekyll import read_config as jekyll_config
from .importing.manifest import Manifest, Outcome
from .importing.report import Report
from .init import project_from, site_pages
from .progress import Progress
from .site import find_site
from .siteconf import SiteSettings, conf_text, find_conf, seminar_settings
from .talkfiles import as_read
from .terminal import printable

#: File names of pages that are no talks (when they give no date).
PAGE_NAMES = frozenset(
    {"index", "_index", "about", "readme", "404", "search", "archive", "archives", "tags",
     "categories", "contact", "people", "news", "talks", "seminars", "events"}
)  # fmt: skip
#: Suffixes of a link target that is a page, not a file to copy (not reported as missing).
PAGE_SUFFIXES = frozenset({"", ".html", ".htm", ".md", ".php"})
#: Files a talk links to that are not copied: Sphinx would read them as pages (or run them).
SOURCE_SUFFIXES = frozenset({".md", ".markdown", ".rst", ".txt", ".py", ".ipynb"})
CALENDAR_SUFFIXES = frozenset({".ics", ".ical", ".ifb", ".icalendar"})


def add_parser(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
) -> argparse.ArgumentParser:
    command = commands.add_parser(
        "import",
        help="make a seminar site from a Jekyll or Hugo site, a folder or an .ics file",
        description=(
            "Copy the talk files of a Jekyll or Hugo site (or of a folder) into DEST unchanged, "
            "with the images and slides they use, and write conf.py (talks, time zone, "
            "redirects from the old addresses) and the site's pages. From an iCalendar file, "
            "write one talk file per event. DEST keeps a manifest: importing again updates "
            "what changed and never overwrites a file edited in DEST."
        ),
    )
    command.add_argument("source", metavar="SOURCE", help="a site folder or an .ics file")
    command.add_argument("dest", metavar="DEST", help="the folder of the new site")
    command.add_argument(
        "--timezone", metavar="IANA",
        help="the zone when the talks state none (for a calendar: of times in UTC)",
    )  # fmt: skip
    command.add_argument("--project", help="the site's name (default: the old site's title)")
    command.add_argument(
        "--section", action="append", default=[], metavar="NAME",
        help="a Hugo content section to read (default: event, talk, seminar and the like)",
    )  # fmt: skip
    command.add_argument(
        "--dry-run", action="store_true", help="say what would be done; write nothing"
    )
    command.add_argument("--verbose", action="store_true", help="list every file and problem")
    return command


def run(args: argparse.Namespace) -> int:
    source, dest = Path(args.source), Path(args.dest)
    if not source.exists():
        raise CommandError(f"{source} does not exist")
    if dest.exists() and not dest.is_dir():
        raise CommandError(f"{dest} is a file, not a folder")
    if dest.resolve() == source.resolve() or source.resolve() in dest.resolve().parents:
        raise CommandError(f"{dest} is inside {source}: choose a folder outside the archive")
    if source.is_file():
        if source.suffix.lower() not in CALENDAR_SUFFIXES and not _looks_like_calendar(source):
            raise CommandError(f"{source} is neither a site folder nor an iCalendar (.ics) file")
        report = import_calendar(source, dest, args)
    else:
        report = import_site(source, dest, args)
    print(printable(report.text(verbose=args.verbose)))
    return 0


def _looks_like_calendar(path: Path) -> bool:
    try:
        with path.open("rb") as file:
            return file.read(15).lstrip(b"\xef\xbb\xbf").upper().startswith(b"BEGIN:VCALENDAR")
    except OSError:
        return False


# --------------------------------------------------------------------- sites and folders


def find_archive(source: Path, sections: Iterable[str]) -> Archive:
    wanted = frozenset(s.lower() for s in sections) or None
    if is_jekyll(source):
        return jekyll_archive(source)
    if is_hugo(source):
        return hugo_archive(source, wanted)
    return folder_archive(source)


def import_site(source: Path, dest: Path, args: argparse.Namespace) -> Report:
    archive = find_archive(source, args.section)
    manifest = Manifest.load(dest, dry_run=args.dry_run)
    report = Report(str(source), str(dest), archive.kind, dry_run=args.dry_run)
    report.read = len(archive.documents)
    chosen = _read_documents(archive, report)
    zone = _choose_zone([talk for _, talk in chosen], archive.timezone, args.timezone, report)
    if zone:  # read again as the site will: talks that state no zone are in the site's
        chosen = [(doc, read_talk(doc.source, default_timezone=zone)) for doc, _ in chosen]
    report.imported = [_shown_source(talk, doc) for doc, talk in chosen]
    earlier = {
        name
        for name, entry in manifest.files.items()
        if entry.get("from", "").startswith(("talk:", "file:"))
    }
    progress = Progress("Copying", len(chosen))
    for doc, _talk in chosen:
        _copy_talk(doc, archive, manifest, report, source)
        progress.step()
    progress.close()
    redirects = _redirects(chosen, report, archive.addresses_from)
    report.gone = sorted(earlier - set(report.talks) - set(report.files))
    project = args.project or _site_title(source) or project_from(dest)
    settings = SiteSettings(
        project, zone, _site_address(source), (f"{TALKS}/**/*.md",), redirects,
        archive.addresses_from,
    )  # fmt: skip
    _write_site(manifest, report, settings)
    manifest.save(str(source.resolve()))
    return report


def _read_documents(archive: Archive, report: Report) -> list[tuple[Document, Talk]]:
    """The documents that are talks, read without a default zone (to count the zones the
    files state); the others go to the report's skipped list with why."""
    chosen = []
    progress = Progress("Reading", len(archive.documents))
    for doc in archive.documents:
        relative = doc.source.relative_to(archive.root).as_posix()
        if not inside(doc.source, archive.root):
            report.skipped.append((relative, "a link to a file outside the archive"))
            progress.step()
            continue
        talk = read_talk(doc.source)
        reason = skip_reason(talk, doc)
        if reason:
            report.skipped.append((relative, reason))
        else:
            chosen.append((doc, talk))
        progress.step()
    progress.close()
    return chosen


def skip_reason(talk: Talk, doc: Document) -> str | None:
    """Why a file is not imported as a talk (None: it is one)."""
    for problem in talk.problems:
        if problem.code == Code.NOT_A_TALK:
            return f"{problem.message} [seminar.{problem.code}]"
        if problem.level == "error" and problem.code in (Code.UNREADABLE, Code.ENCODING):
            return f"cannot be read: {problem.message} [seminar.{problem.code}]"
        if problem.level == "error" and problem.code == Code.TOO_LONG:
            return f"too large: {problem.message} [seminar.{problem.code}]"
    name = doc.source.stem.lower()
    folder = doc.source.parent.name.lower()
    bundle = name == "index" and folder not in PAGE_NAMES and not folder.startswith("_")
    if talk.start is None and name in PAGE_NAMES and not bundle:
        return "a page of the site, not a talk (no date)"
    return None


def _choose_zone(
    talks: list[Talk], configured: str | None, given: str | None, report: Report
) -> str | None:
    """The zone most files state; else the site's configured zone; else ``--timezone``."""
    stated = Counter(talk.timezone for talk in talks if talk.timezone)
    if stated:
        zone, count = stated.most_common(1)[0]
        report.zone, report.zone_reason = zone, f"stated by {count} of {len(talks)} talks"
        if given and given != zone:
            report.notes.append(f"--timezone {given} was not used: most talks state {zone}")
        return zone
    if configured and _is_zone(configured):
        report.zone, report.zone_reason = configured, "from the site's configuration"
        return configured
    if given:
        report.zone, report.zone_reason = given, "--timezone"
        return given
    report.zone_reason = "no talk states one: give --timezone, or set seminar_timezone"
    return None


def _is_zone(name: str) -> bool:
    try:
        values.zone(name)
    except ValueError:
        return False
    return True


def _shown_source(talk: Talk, doc: Document) -> Talk:
    """The talk with its source as a path in the new site, for the report."""
    return replace(talk, source=doc.dest)


def _copy_talk(
    doc: Document, archive: Archive, manifest: Manifest, report: Report, source: Path
) -> None:
    data = doc.source.read_bytes()
    origin = doc.source.relative_to(source).as_posix()
    report.talks[doc.dest] = manifest.put(doc.dest, data, f"talk:{origin}")
    text, _ = read_text(doc.source)
    references = referenced_paths(text or "", split_front_matter(text or "").data)
    assets, missing = place_assets(
        references, talk_source=doc.source, talk_dest=doc.dest,
        archive_root=archive.root, static_root=archive.static_root,
    )  # fmt: skip
    files = [(asset.source, asset.dest) for asset in assets]
    base = posixpath.dirname(doc.dest)
    files += [
        (path, posixpath.join(base, path.relative_to(doc.source.parent).as_posix()))
        for path in doc.bundle
        if inside(path, archive.root)
    ]
    for path, dest in files:
        if PurePosixPath(dest).suffix.lower() in SOURCE_SUFFIXES:
            continue  # Sphinx would read it as a page, or conf.py run it
        if dest not in report.files and dest not in report.talks:
            origin = path.relative_to(source).as_posix() if path.is_relative_to(source) else ""
            report.files[dest] = manifest.put(dest, path.read_bytes(), f"file:{origin}")
    real_missing = [m for m in missing if PurePosixPath(m).suffix.lower() not in PAGE_SUFFIXES]
    if real_missing:
        report.missing[doc.dest] = real_missing


def _redirects(
    chosen: list[tuple[Document, Talk]], report: Report, addresses_from: str
) -> dict[str, str]:
    """Old address -> talk id, for the talks whose front matter gives no permalink (those
    the extension serves itself), and every alias."""
    redirects: dict[str, str] = {}
    report.addresses_from = addresses_from
    ids = Counter(talk.id for _, talk in chosen)
    shared = sorted(talk_id for talk_id, count in ids.items() if count > 1)
    if shared:
        report.conflicts.append(
            f"talks that share an id ({', '.join(shared[:5])}) get no redirect: an old address "
            "cannot say which of them it means [seminar.duplicate]"
        )
    for doc, talk in chosen:
        if ids[talk.id] > 1:
            continue
        addresses = list(doc.aliases)
        if talk.permalink:
            report.permalinks += 1
        elif doc.old_url:
            addresses.insert(0, doc.old_url)
        else:
            report.no_address += 1
        for address in addresses:
            if address in redirects and redirects[address] != talk.id:
                report.conflicts.append(
                    f"old address {address} led to two talks; it redirects to "
                    f"'{redirects[address]}', not '{talk.id}'"
                )
                continue
            redirects[address] = talk.id
    report.redirects = len(redirects)
    return redirects


def _write_site(manifest: Manifest, report: Report, settings: SiteSettings) -> None:
    files = {"conf.py": conf_text(settings), **site_pages(settings.project)}
    for name, text in files.items():
        report.site[name] = manifest.put(name, text.encode("utf-8"), "site")
    if report.site["conf.py"] in (Outcome.EDITED, Outcome.NOT_OURS):
        block = seminar_settings(settings).rstrip("\n").replace("\n", "\n    ")
        report.notes.append(
            "conf.py was kept as it is; the settings of this import, to copy into it:\n    " + block
        )


def _site_title(source: Path) -> str | None:
    for config in (jekyll_config(source), hugo_config(source)):
        title = config.get("title")
        if isinstance(title, str) and title.strip():
            return " ".join(title.split())
    return None


def _site_address(source: Path) -> str | None:
    """The old site's address (Jekyll ``url`` + ``baseurl``, Hugo ``baseURL``)."""
    jekyll, hugo = jekyll_config(source), hugo_config(source)
    url = jekyll.get("url")
    if isinstance(url, str) and url:
        base = jekyll.get("baseurl")
        url = url.rstrip("/") + "/" + (base.strip("/") if isinstance(base, str) else "")
    else:
        url = hugo.get("baseURL") or hugo.get("baseurl") or hugo.get("base_url")
    if not isinstance(url, str):
        return None
    try:
        return values.baseurl(url)
    except ValueError:
        return None


# --------------------------------------------------------------------- calendars


def import_calendar(path: Path, dest: Path, args: argparse.Namespace) -> Report:
    events, broken = read_calendar(path, args.timezone)
    manifest = Manifest.load(dest, dry_run=args.dry_run)
    report = Report(str(path), str(dest), "calendar", dry_run=args.dry_run)
    report.read = len(events) + len(broken)
    report.skipped = broken
    existing_site = find_conf(dest) is not None
    folder = _talk_folder(dest) if existing_site else TALKS
    placed = {
        entry["from"][6:]: name
        for name, entry in manifest.files.items()
        if entry.get("from", "").startswith("event:")
    }
    taken = set(placed.values())
    progress = Progress("Writing", len(events))
    for event in events:
        _write_event(event, folder, manifest, report, placed, taken)
        progress.step()
    progress.close()
    report.gone = sorted(name for uid, name in placed.items() if name not in report.talks)
    zones = Counter(event.talk.timezone for event in events if event.talk.timezone)
    if zones:
        report.zone = zones.most_common(1)[0][0]
        report.zone_reason = f"the zone of {zones.most_common(1)[0][1]} of {len(events)} events"
    else:
        report.zone_reason = "the events give none"
    cancelled = sum(1 for event in events if event.extra.get("status") == "cancelled")
    if cancelled:
        report.notes.append(
            f"{_count(cancelled, 'cancelled event')}: 'status: cancelled' in the talk file"
        )
    recurring = sum(1 for event in events if event.recurring)
    if recurring:
        report.notes.append(
            f"{_count(recurring, 'repeating event')}: only the first date is imported"
        )
    floating = sum(1 for event in events if event.floating)
    if floating:
        report.notes.append(
            f"{_count(floating, 'event')} with times in no zone: read as UTC (give --timezone)"
        )
    if not existing_site:
        project = args.project or project_from(dest)
        _write_site(manifest, report, SiteSettings(project, report.zone or args.timezone))
    manifest.save(str(path.resolve()))
    return report


def _count(number: int, thing: str) -> str:
    return f"{number} {thing}" + ("" if number == 1 else "s")


def _talk_folder(dest: Path) -> str:
    site = find_site(dest)
    return site.talk_folder.resolve().relative_to(dest.resolve()).as_posix()


def _write_event(
    event: CalendarEvent,
    folder: str,
    manifest: Manifest,
    report: Report,
    placed: dict[str, str],
    taken: set[str],
) -> None:
    name = _event_file(event, folder, taken, placed.get(event.uid))
    talk = as_read(replace(event.talk, id=PurePosixPath(name).stem), event.extra)
    if talk is None:  # a title of nothing but quotes
        untitled = replace(event.talk, id=PurePosixPath(name).stem, title="Untitled event")
        talk = as_read(untitled, event.extra) or untitled
    text = write_talk_file(talk, path=name, extra=event.extra)
    earlier = placed.get(event.uid)
    if earlier and earlier != name:
        if manifest.unedited(earlier):
            manifest.remove(earlier)  # the event moved: its file follows its new date
        else:
            report.talks[earlier] = Outcome.EDITED
            return
    report.talks[name] = manifest.put(name, text.encode("utf-8"), f"event:{event.uid}")
    report.imported.append(parse_talk(text, source=name, default_timezone=talk.timezone))


def _event_file(event: CalendarEvent, folder: str, taken: set[str], earlier: str | None) -> str:
    """``<folder>/<date>-<speaker's surname or the title's first words>.md``, once each."""
    start = event.talk.start
    day = start.date() if isinstance(start, dt.datetime) else start
    prefix = day.isoformat() if day else "undated"
    if event.talk.speakers:
        words = slug(event.talk.speakers[0].name).split("-")[-1:]
    else:
        words = slug(event.talk.title).split("-")[:6]
    stem = f"{prefix}-{'-'.join(w for w in words if w) or 'event'}"
    name = f"{folder}/{stem}.md"
    number = 2
    while name in taken and name != earlier:
        name = f"{folder}/{stem}-{number}.md"
        number += 1
    taken.add(name)
    return name
