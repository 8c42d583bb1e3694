"""Questions on a terminal for what a command was not given, checked as they are answered."""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import TextIO, TypeVar

from .errors import CommandError
from .terminal import printable

T = TypeVar("T")
#: Reads one answer: returns the value, or raises ValueError with what is wrong with it.
Check = Callable[[str], T]


def interactive(no_input: bool, stdin: TextIO | None = None) -> bool:
    """Whether to ask: standard input is a terminal and ``--no-input`` was not given."""
    stream = stdin if stdin is not None else sys.stdin
    return not no_input and stream is not None and stream.isatty()


@dataclass
class Asker:
    """Asks on standard error, reads standard input; each answer is checked and asked again
    until it is good.  An empty answer takes the default shown in brackets."""

    stdin: TextIO
    stderr: TextIO

    def ask(self, question: str, check: Check[T], default: str = "") -> T:
        shown = f" [{printable(default)}]" if default else ""
        while True:
            self.stderr.write(f"{question}{shown}: ")
            self.stderr.flush()
            line = self.stdin.readline()
            if not line:  # end of input: nobody is there to answer
                self.stderr.write("\n")
                raise CommandError(f"no answer to '{question}' (end of input)")
            answer = line.strip() or default
            try:
                return check(answer)
            except ValueError as error:
                self.stderr.write(f"  {error}\n")

    def confirm(self, question: str, *, default: bool) -> bool:
        def yes_or_no(answer: str) -> bool:
            if answer.lower() in ("y", "yes"):
                return True
            if answer.lower() in ("n", "no"):
                return False
            raise ValueError("answer y or n")

        return self.ask(question, yes_or_no, "y" if default else "n")


def terminal_asker() -> Asker:
    return Asker(sys.stdin, sys.stderr)


def optional(check: Check[T]) -> Check[T | None]:
    """A check that also takes no answer (an empty line) as no value."""

    def checked(answer: str) -> T | None:
        return check(answer) if answer else None

    return checked


def text(what: str) -> Check[str]:
    """One line of text that must not be empty."""

    def checked(answer: str) -> str:
        if not answer.strip():
            raise ValueError(f"{what} is needed")
        if any(ord(c) < 32 for c in answer):
            raise ValueError(f"{what} must be one line without control characters")
        return " ".join(answer.split())

    return checked
