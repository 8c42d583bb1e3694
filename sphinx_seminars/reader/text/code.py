"""Where Markdown holds code (fenced blocks and inline spans), whose text is left as it is
written: a footnote mark or a template tag there is an example, not markup."""

from __future__ import annotations

import bisect
import re

_CODE = re.compile(
    r"^ {0,3}(`{3,}|~{3,})[^\n]*\n.*?(?:^ {0,3}\1[ \t]*$|\Z)|(`+).*?\2", re.MULTILINE | re.DOTALL
)


class CodeSpans:
    """The code of one Markdown text, asked position by position."""

    def __init__(self, markdown: str) -> None:
        self.spans = (
            [match.span() for match in _CODE.finditer(markdown)]
            if "`" in markdown or "~~~" in markdown
            else []
        )
        self.starts = [start for start, _ in self.spans]

    def holds(self, position: int) -> bool:
        """Whether the character at ``position`` is in code."""
        before = bisect.bisect_right(self.starts, position) - 1
        return before >= 0 and position < self.spans[before][1]
