"""The talk-file reader: pure Python, no Sphinx.

``read_talk(path)`` and ``parse_talk(text, source=...)`` return a
:class:`~sphinx_seminars.model.Talk` whose ``problems`` list what is wrong or doubtful in the
file, each with its line; they never raise.  Both take ``allow_raw_html`` (the site's
``seminar_allow_raw_html``).  ``write_talk_file(talk)`` writes a talk back out as a file.
"""

from __future__ import annotations

from .talk import parse_talk, read_talk
from .writer import write_talk_file

__all__ = ["parse_talk", "read_talk", "write_talk_file"]
