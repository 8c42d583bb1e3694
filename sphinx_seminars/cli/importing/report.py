"""What an import did, told on the terminal: files imported, skipped and why, problems, the
time zone, old addresses, and files kept because they were edited."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ...model import Talk
from .manifest import MANIFEST, Outcome

#: How many skipped files and kept files are listed before "... and N more".
LISTED = 30


@dataclass
class Report:
    """Everything an import has to say, gathered while it runs."""

    source: str
    dest: str
    kind: str
    read: int = 0
    talks: dict[str, Outcome] = field(default_factory=dict)
    files: dict[str, Outcome] = field(default_factory=dict)
    site: dict[str, Outcome] = field(default_factory=dict)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    imported: list[Talk] = field(default_factory=list)
    missing: dict[str, list[str]] = field(default_factory=dict)
    zone: str | None = None
    zone_reason: str = ""
    permalinks: int = 0
    redirects: int = 0
    addresses_from: str = ""
    conflicts: list[str] = field(default_factory=list)
    no_address: int = 0
    gone: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    dry_run: bool = False

    def text(self, *, verbose: bool = False) -> str:
        verb = "Would import" if self.dry_run else "Imported"
        lines = [f"{verb} the {self.kind} {self.source} into {self.dest}:"]
        read = "events" if self.kind == "calendar" else "files"
        lines.append(
            f"  {_count(self.read, read)} read; {_count(len(self.talks), 'talks')} imported"
            f" ({_outcomes(self.talks)})"
        )
        if self.files:
            copied = _count(len(self.files), "files")
            lines.append(f"  {copied} they use copied ({_outcomes(self.files)})")
        if self.skipped:
            lines.append(f"  {len(self.skipped)} skipped:")
            shown = self.skipped if verbose else self.skipped[:LISTED]
            lines += [f"    {path}: {reason}" for path, reason in shown]
            if len(shown) < len(self.skipped):
                lines.append(f"    ... and {len(self.skipped) - len(shown)} more (--verbose)")
        lines += self._problems(verbose)
        lines.append(f"  time zone: {self.zone or 'none'} ({self.zone_reason})")
        lines += self._addresses()
        lines += self._kept(verbose)
        if self.missing:
            count = sum(len(v) for v in self.missing.values())
            lines.append(f"  {count} files named by talks are not in the archive:")
            for path, targets in list(self.missing.items())[: LISTED if not verbose else None]:
                lines.append(f"    {path}: {', '.join(targets)}")
        lines += [f"  {note}" for note in self.notes]
        if self.site:
            lines.append(f"  site files: {_names(self.site)}")
        if not self.dry_run:
            lines.append(
                f"{MANIFEST} records each file as written: importing again updates the files "
                "nobody has edited and leaves edited (or deleted) ones alone."
            )
        return "\n".join(lines)

    def _problems(self, verbose: bool) -> list[str]:
        with_errors = [t for t in self.imported if t.has_errors]
        with_warnings = [t for t in self.imported if t.problems and not t.has_errors]
        if not with_errors and not with_warnings:
            return ["  no problems in the imported talks"]
        codes = Counter(p.code for t in self.imported for p in t.problems)
        listed = ", ".join(f"{code} {count}" for code, count in codes.most_common())
        lines = [
            f"  problems: {len(with_errors)} talks with errors, {len(with_warnings)} with "
            f"warnings only ({listed}); see them with: sphinx-seminars check {self.dest}/talks"
        ]
        if verbose:
            lines += [
                f"    {t.source}:{max(p.line, 1)}: {p.level}: {p.message} [seminar.{p.code}]"
                for t in self.imported
                for p in t.problems
            ]
        return lines

    def _addresses(self) -> list[str]:
        lines = []
        if self.permalinks:
            lines.append(f"  {self.permalinks} talks keep the permalink of their front matter")
        if self.redirects:
            lines.append(
                f"  {self.redirects} old addresses ({self.addresses_from}) redirect to their "
                "talks: seminar_redirects in conf.py"
            )
        if self.no_address:
            lines.append(f"  {self.no_address} talks had no page of their own on the old site")
        lines += [f"  {conflict}" for conflict in self.conflicts]
        return lines

    def _kept(self, verbose: bool) -> list[str]:
        kept = [
            (name, outcome)
            for group in (self.talks, self.files, self.site)
            for name, outcome in group.items()
            if outcome in (Outcome.EDITED, Outcome.DELETED, Outcome.NOT_OURS)
        ]
        lines = [
            f"  {name}: {outcome.value}" for name, outcome in kept[: None if verbose else LISTED]
        ]
        if len(kept) > len(lines):
            lines.append(f"  ... and {len(kept) - len(lines)} more kept (--verbose)")
        if self.gone:
            lines.append(
                f"  {_count(len(self.gone), 'files')} of an earlier import no longer in the "
                "archive (kept; delete them if they should go): " + ", ".join(self.gone[:LISTED])
            )
        return lines


def _count(number: int, things: str) -> str:
    """``1 file``, ``2 files``."""
    return f"{number} {things if number != 1 else things.removesuffix('s')}"


def _outcomes(outcomes: dict[str, Outcome]) -> str:
    counts = Counter(outcome for outcome in outcomes.values())
    order = [Outcome.NEW, Outcome.UPDATED, Outcome.UNCHANGED, Outcome.EDITED, Outcome.DELETED,
             Outcome.NOT_OURS]  # fmt: skip
    short = {Outcome.EDITED: "edited here, kept", Outcome.DELETED: "deleted here",
             Outcome.NOT_OURS: "there before, kept"}  # fmt: skip
    parts = [f"{counts[o]} {short.get(o, o.value)}" for o in order if counts[o]]
    return ", ".join(parts) or "none"


def _names(outcomes: dict[str, Outcome]) -> str:
    return ", ".join(
        name if outcome in (Outcome.NEW, Outcome.UPDATED, Outcome.UNCHANGED) else f"{name} (kept)"
        for name, outcome in outcomes.items()
    )
