"""Problems that only show across files: two talks with the same id."""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Problem, Talk
from ..problems import Code


def duplicate_ids(talks: Sequence[Talk]) -> list[list[Problem]]:
    """For each talk (in order), a ``duplicate`` error for every other talk with its id.

    Ids are compared without case, as they become page anchors; files that are no page of
    a site (unreadable, binary, news) are left out, as in the build.
    """
    holders: dict[str, list[int]] = {}
    for index, talk in enumerate(talks):
        if _was_read(talk):
            holders.setdefault(talk.id.casefold(), []).append(index)
    problems: list[list[Problem]] = [[] for _ in talks]
    for indexes in holders.values():
        for index in indexes if len(indexes) > 1 else ():
            others = [talks[other].source for other in indexes if other != index]
            shown = ", ".join(others[:3]) + (
                f" and {len(others) - 3} more" if len(others) > 3 else ""
            )
            message = f"the id '{talks[index].id}' is also the id of {shown}"
            problems[index].append(Problem(talks[index].id_line, Code.DUPLICATE, message, "error"))
    return problems


def _was_read(talk: Talk) -> bool:
    """Whether the talk's file is a page (one left out has no id on the site)."""
    return not talk.left_out_by
