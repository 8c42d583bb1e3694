"""The talk-file reader: pure Python, no Sphinx.

``read_talk(path)`` and ``parse_talk(text, source=...)`` return a
:class:`~sphinx_seminars.model.Talk` whose ``problems`` list what is wrong or doubtful in the
file, each with its line.
"""

from __future__ import annotations

from .talk import parse_talk, read_talk

__all__ = ["parse_talk", "read_talk"]
