"""The talk-file reader: pure Python, no Sphinx.

``read_talk(path)`` and ``parse_talk(text, source=...)`` return a
:class:`~sphinx_seminars.model.Talk` whose ``problems`` list what is wrong or doubtful in the
file, each with its line; they never raise.  Both take ``options``, a :class:`ReaderOptions`
(the site's settings), and ``parse_talk`` also front matter already parsed
(``front_matter=``, a mapping) with the Markdown body as its text.  ``write_talk_file(talk)``
writes a talk back out as a file.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .options import ReaderOptions
    from .talk import parse_talk, read_talk
    from .writer import write_talk_file

__all__ = ["ReaderOptions", "parse_talk", "read_talk", "write_talk_file"]
_HOMES = {
    "ReaderOptions": ".options",
    "parse_talk": ".talk",
    "read_talk": ".talk",
    "write_talk_file": ".writer",
}


def __getattr__(name: str) -> object:
    """The entry points, imported on first use: a Sphinx build that reads no talk (a rebuild
    with nothing changed) does not pay for importing the whole reader."""
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(_HOMES[name], __name__), name)
    globals()[name] = value  # found directly from now on
    return value
