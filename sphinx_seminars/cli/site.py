"""A seminar site as ``new`` sees it: its conf.py, its talk folder and the talks there."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from ..model import Talk
from ..reader import read_talk
from ..reader.discover import find_talk_files
from .errors import CommandError
from .siteconf import CONF_PLACES, find_conf, read_conf

_GLOB_CHARACTERS = frozenset("*?[")


@dataclass(frozen=True)
class Site:
    """Where talk files go (``talk_folder``), the ``seminar_talks`` patterns that find them
    (relative to ``root``, the folder of conf.py) and the site's ``seminar_timezone``."""

    talk_folder: Path
    root: Path | None = None
    patterns: tuple[str, ...] = ()
    timezone: str | None = None

    def talk_files(self) -> list[str]:
        """The site's talk files: those the patterns match, else those in the talk folder."""
        if self.root is not None and self.patterns:
            arguments = [str(self.root / pattern) for pattern in self.patterns]
        else:
            arguments = [str(self.talk_folder)]
        return find_talk_files(arguments)[0] if self.talk_folder.is_dir() else []

    def talks(self) -> list[Talk]:
        return [read_talk(path, default_timezone=self.timezone) for path in self.talk_files()]


def find_site(folder: Path, into: Path | None = None) -> Site:
    """The site in ``folder``; with ``into``, talk files go there (conf.py is then optional)."""
    conf_path = find_conf(folder)
    if conf_path is None:
        if into is not None:
            return Site(talk_folder=into)
        places = ", ".join(CONF_PLACES)
        raise CommandError(
            f"no Sphinx site in {folder} (looked for {places}); run it in the site's folder, "
            "give the site with --site DIR or the talk folder with --into FOLDER"
        )
    conf = read_conf(conf_path)
    root = conf_path.parent
    zone = conf.get("seminar_timezone")
    patterns = _patterns(conf.get("seminar_talks"), conf_path)
    if into is None:
        if not patterns:
            raise CommandError(
                f"{conf_path} sets no seminar_talks (such as ['talks/**/*.md']); "
                "set it, or give the talk folder with --into FOLDER"
            )
        into = root / talk_folder_of(patterns[0])
    return Site(into, root, patterns, zone if isinstance(zone, str) and zone else None)


def _patterns(value: object, conf_path: Path) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str) or not isinstance(value, (list, tuple)):
        raise CommandError(f"{conf_path}: seminar_talks should be a list of glob patterns")
    return tuple(str(pattern) for pattern in value)


def talk_folder_of(pattern: str) -> str:
    """The folder a ``seminar_talks`` pattern starts from: ``talks/**/*.md`` -> ``talks``."""
    parts = pattern.replace("\\", "/").split("/")[:-1]
    fixed = []
    for part in parts:
        if _GLOB_CHARACTERS & set(part):
            break
        fixed.append(part)
    return os.path.join(*fixed) if fixed else "."
