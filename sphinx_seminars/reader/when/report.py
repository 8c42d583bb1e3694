"""Problems of reading when a talk happens, each made at the line of the field it concerns
(the date, the time or the time zone)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from ...model import Problem
from ...problems import Code


class WhenLines(NamedTuple):
    """The file lines of the date, the time and the time zone (0 when unknown)."""

    date: int = 0
    time: int = 0
    timezone: int = 0

    @classmethod
    def at(cls, line: int) -> WhenLines:
        """One line for all three: a "When" section."""
        return cls(line, line, line)


_UNKNOWN = WhenLines()


@dataclass
class Report:
    """The problems found so far, made at the line of the field each concerns."""

    lines: WhenLines = _UNKNOWN
    problems: list[Problem] = field(default_factory=list)

    def date(self, code: Code, message: str) -> None:
        """A problem of the date (``date`` or ``weekday``)."""
        self.problems.append(Problem(self.lines.date, code, message))

    def time(self, message: str) -> None:
        """A problem of the time of day."""
        self.problems.append(Problem(self.lines.time, Code.TIME, message))

    def zone(self, code: Code, message: str) -> None:
        """A problem of the time zone (``timezone`` or ``timezone-ambiguous``)."""
        self.problems.append(Problem(self.lines.timezone, code, message))

    def has(self, code: Code) -> bool:
        """Whether a problem of that code was found."""
        return any(problem.code is code for problem in self.problems)
