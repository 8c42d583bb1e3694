"""Text for a terminal: problem lines and nothing that a terminal would act on."""

from __future__ import annotations

import unicodedata

from ..model import Problem

_UNPRINTABLE = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})


def problem_line(path: str, problem: Problem) -> str:
    """``path:line: level: message [seminar.code]`` (line 1 for a problem of the whole file)."""
    line = max(problem.line, 1)
    return f"{path}:{line}: {problem.level}: {problem.message} [seminar.{problem.code}]"


def printable(text: str) -> str:
    """Text safe to print on a terminal: control and format characters (escape sequences,
    bidirectional overrides) shown as escapes."""
    return "".join(
        c.encode("unicode_escape").decode()
        if c != "\n" and unicodedata.category(c) in _UNPRINTABLE
        else c
        for c in text
    )
