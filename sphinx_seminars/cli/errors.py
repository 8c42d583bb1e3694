"""The error a command raises for bad input: printed as one line, never a traceback."""

from __future__ import annotations


class CommandError(Exception):
    """Something the user can fix (a bad option, a folder that is not a site); its text is
    the whole message."""
