"""``sphinx-seminars init DIR``: a complete seminar site that builds at once."""

from __future__ import annotations

import argparse
import datetime as dt
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from string import Template
from zoneinfo import ZoneInfo

from .. import __version__
from ..ids import slug
from ..model import Speaker, Talk
from ..reader.text import escape_markdown
from ..reader.writer import write_talk_file
from . import prompts, values
from .errors import CommandError
from .siteconf import SiteSettings, conf_text
from .terminal import printable

#: The example talk is this many days after the day the site is made: an upcoming talk.
EXAMPLE_DAYS_AHEAD = 14
WORKFLOW = ".github/workflows/pages.yml"


def add_parser(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
) -> argparse.ArgumentParser:
    init = commands.add_parser(
        "init",
        help="make a new seminar site in DIR",
        description=(
            "Make a seminar site in DIR: conf.py, a home page with the next talks and the "
            "archive, a speakers page, talks/ with one example talk, .gitignore and, if asked, "
            "a workflow that publishes the site on GitHub Pages. On a terminal it asks for "
            "what the options do not give; otherwise it takes the options and defaults."
        ),
    )
    init.add_argument("dir", metavar="DIR", help="the folder of the site (made if missing)")
    init.add_argument("--project", help="the seminar's name (default: from DIR)")
    init.add_argument(
        "--timezone", metavar="IANA",
        help="the zone of talks that state none (default: this computer's, else UTC)",
    )  # fmt: skip
    init.add_argument(
        "--baseurl", metavar="URL", help="the site's address, for calendars and feeds"
    )
    pages = init.add_mutually_exclusive_group()
    pages.add_argument(
        "--github-pages", dest="github_pages", action="store_true", default=None,
        help=f"write {WORKFLOW}, which publishes the site on GitHub Pages",
    )  # fmt: skip
    pages.add_argument("--no-github-pages", dest="github_pages", action="store_false")
    init.add_argument(
        "--no-input", action="store_true", help="ask nothing: take the options and defaults"
    )
    return init


@dataclass(frozen=True)
class InitChoices:
    """What a new site is made with."""

    project: str
    timezone: str
    baseurl: str | None
    github_pages: bool


def run(args: argparse.Namespace) -> int:
    folder = Path(args.dir)
    if folder.exists() and not folder.is_dir():
        raise CommandError(f"{folder} is a file, not a folder")
    choices = _choices(args, folder)
    files = site_files(choices, today=dt.date.today())
    written = write_new_files(folder, files)
    print(printable(f"Made the seminar site {choices.project!r} in {folder}:"))
    for name in written:
        print(f"  {name}")
    print(
        "Next:\n"
        f"  cd {printable(str(folder))}\n"
        "  sphinx-build -W . _build/html    # build the site into _build/html\n"
        "  sphinx-seminars new              # add a talk"
    )
    return 0


def _choices(args: argparse.Namespace, folder: Path) -> InitChoices:
    project = project_from(folder)
    if args.project is not None:
        project = values.flag("--project", prompts.text("the name"), args.project)
    zone = values.flag("--timezone", values.zone, args.timezone) if args.timezone else None
    baseurl = values.flag("--baseurl", values.baseurl, args.baseurl) if args.baseurl else None
    if prompts.interactive(args.no_input):
        asker = prompts.terminal_asker()
        if args.project is None:
            project = asker.ask("Seminar name", prompts.text("a name"), project)
        if zone is None:
            zone = asker.ask("Time zone of the talks", values.zone, values.local_zone() or "UTC")
        if baseurl is None:
            baseurl = asker.ask(
                "Address of the site (empty: decide later)", prompts.optional(values.baseurl)
            )
        if args.github_pages is None:
            args.github_pages = asker.confirm("Publish it on GitHub Pages", default=False)
    return InitChoices(
        project=project,
        timezone=zone or values.local_zone() or "UTC",
        baseurl=baseurl,
        github_pages=bool(args.github_pages),
    )


def project_from(folder: Path) -> str:
    """A name for the site in a folder: the folder's name, words capitalised like a title's
    first (``my-seminar`` -> ``My seminar``)."""
    name = folder.resolve().name.replace("-", " ").replace("_", " ").strip()
    return name[:1].upper() + name[1:] if name else "Seminar"


def site_files(choices: InitChoices, *, today: dt.date) -> dict[str, str]:
    """Every file of the new site, by path: the text it holds."""
    talk = example_talk(today + dt.timedelta(days=EXAMPLE_DAYS_AHEAD), choices.timezone)
    talk_path = f"talks/{talk.id}.md"
    settings = SiteSettings(choices.project, choices.timezone, choices.baseurl)
    files = {
        "conf.py": conf_text(settings, year=today.year),
        **site_pages(choices.project),
        talk_path: write_talk_file(talk, path=talk_path),
    }
    if choices.github_pages:
        files[WORKFLOW] = _template("pages.yml")
    return files


def site_pages(project: str) -> dict[str, str]:
    """The pages and files of a site besides conf.py and its talks: the home page (next
    talks and the archive), the speakers page, .gitignore, requirements.txt, README.md."""
    fill = {"project": project, "version": __version__}
    heading = fill | {"project": escape_markdown(project)}
    return {
        "index.md": _template("index.md", heading),
        "speakers.md": _template("speakers.md", heading),
        ".gitignore": _template("gitignore"),
        "requirements.txt": _template("requirements.txt", fill),
        "README.md": _template("README.md", fill),
    }


def example_talk(day: dt.date, zone: str) -> Talk:
    """A talk that shows what a talk file holds; its text says how to replace it."""
    start = dt.datetime.combine(day, dt.time(16, 0), ZoneInfo(zone))
    speaker = Speaker(
        name="Mira Example",
        honorific="Dr.",
        position="Lecturer",
        affiliation="Department of Examples, University of Nowhere",
    )
    return Talk(
        id=f"{day.isoformat()}-seminar-{slug(speaker.name.split()[-1])}",
        title="An example talk",
        speakers=(speaker,),
        start=start,
        end=start + dt.timedelta(hours=1),
        timezone=zone,
        venue="Seminar room 1",
        abstract=(
            "This talk shows what a talk file holds: a title, speakers, when and where, "
            "and an abstract in Markdown. Edit this file for your first talk, or delete it "
            "and write talks with `sphinx-seminars new`."
        ),
        bio="Mira Example is the speaker of every example.",
    )


def _template(name: str, fill: dict[str, str] | None = None) -> str:
    folder = resources.files(__package__).joinpath("templates")
    text = folder.joinpath(name).read_text(encoding="utf-8")
    return Template(text).safe_substitute(fill) if fill else text


def write_new_files(folder: Path, files: dict[str, str]) -> list[str]:
    """Write the files into the folder; none is written if any of them is already there."""
    present = sorted(name for name in files if (folder / name).exists())
    if present:
        raise CommandError(
            f"{folder} already has {', '.join(present)}; nothing was written "
            "(choose an empty folder)"
        )
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return list(files)
