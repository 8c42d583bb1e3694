"""The working state of a talk being read: its front matter and sections, read by group with
type checks and length limits, and the problems found so far."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Level, Problem
from ..problems import Code
from .frontmatter import FrontMatter
from .frontmatter_keys import KEYS, TEXT_LIMITS, group_of
from .options import ReaderOptions
from .sections import Part, Section
from .text.clean import clean_text
from .text.html_markdown import html_to_markdown
from .values import clip, is_empty, is_text_like, kind_of, text_of

#: The longest section text read as a field (characters); the rest of a longer one is left
#: unread, because no honest "When" or "Speaker" section is that long.
SECTION_LIMITS: dict[Part, int] = {
    Part.WHEN: 1000,
    Part.DATES: 1000,
    Part.TIMES: 1000,
    Part.SPEAKER: 4000,
    Part.VENUE: 2000,
    Part.LINK: 2000,
}


@dataclass
class Draft:
    """Mutable working state while a talk is assembled."""

    source: str
    matter: FrontMatter
    sections: list[Section]
    options: ReaderOptions = field(default_factory=ReaderOptions)
    problems: list[Problem] = field(default_factory=list)
    complained: set[tuple[str, Code]] = field(default_factory=set)  # (key, code) said once
    consumed: set[int] = field(default_factory=set)  # sections read for a field, not details

    def warn(self, line: int, code: Code, message: str, level: Level = "warning") -> None:
        self.problems.append(Problem(line, code, message, level))

    def value(self, group: str) -> tuple[str | None, object]:
        """The first key of a group that has a value, and that value (strings and strings in
        a list cut to the group's length limit, with a ``too-long`` warning)."""
        for key in KEYS[group]:
            value = self.matter.data.get(key)
            if value is not None and not is_empty(value):
                return key, self._clipped(key, value, TEXT_LIMITS.get(group))
        return None, None

    def text(self, group: str) -> tuple[str | None, str | None]:
        """The first key of a group with a text-like value, and its text; a key holding
        something else (a list, a mapping, true/false) gives a ``type`` warning and is passed
        over."""
        data = self.matter.data
        for key in KEYS[group]:
            found = self.key_text(key) if key in data else None
            if found is not None:
                return key, found
        return None, None

    def key_text(self, key: str) -> str | None:
        """The text of one key (None when absent or not text-like, with a ``type`` warning)."""
        value = self.matter.data.get(key)
        if value is None or is_empty(value):
            return None
        if not is_text_like(value):
            self.complain(key, f"'{key}' should be text, not {kind_of(value)}; ignored")
            return None
        group = group_of(key)
        return text_of(self._clipped(key, value, TEXT_LIMITS.get(group or "", 2000)))

    def complain(self, key: str, message: str, code: Code = Code.TYPE) -> None:
        """A warning about a key, at its line, said once however often the key is read."""
        if (key, code) not in self.complained:
            self.complained.add((key, code))
            self.warn(self.matter.line_of(key), code, message)

    def _clipped(self, key: str, value: object, limit: int | None) -> object:
        if limit is None:
            return value
        clipped, length = clip(value, limit)
        if length is not None:
            message = f"'{key}' is {length:,} characters long; only the first {limit:,} are read"
            self.complain(key, message, Code.TOO_LONG)
        return clipped

    def markdown(self, text: str) -> str:
        """Safe Markdown of a text that may hold HTML (see :func:`.text.html_to_markdown`)."""
        return html_to_markdown(clean_text(text), allow_raw_html=self.options.allow_raw_html)

    def section(self, part: Part) -> Section | None:
        """The first section of a part that has text."""
        return next((s for s in self.sections if s.part is part and s.has_text), None)

    def section_text(self, section: Section) -> str:
        """A section's text, cut to its part's limit (with a ``too-long`` warning)."""
        text = section.text
        limit = SECTION_LIMITS.get(section.part)
        if limit is None or len(text) <= limit:
            return text
        message = (
            f"the '{section.heading[:40]}' section is {len(text):,} characters long;"
            f" only the first {limit:,} are read"
        )
        self.warn(section.content_line, Code.TOO_LONG, message)
        return text[:limit]
