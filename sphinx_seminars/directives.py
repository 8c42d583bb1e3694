"""The ``seminar`` directive: a talk from a file (``.. seminar:: talks/x.md``) or inline."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from dataclasses import replace
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from . import reader
from .config import date_style, get_config
from .domain import domain_of
from .ids import slug
from .localfiles import LocalFiles, links_out_of_source_folder
from .markdown import is_myst_page, render_markdown_into
from .model import Talk
from .problems import Code
from .render import talk_section
from .warnings_ import page_location, report_problems

LOGGER = logging.getLogger(__name__)

#: Inline options and the front-matter key each one stands for.
INLINE_OPTIONS = {
    "title": "title",
    "id": "id",
    "speaker": "speaker",
    "honorific": "honorific",
    "position": "position",
    "affiliation": "affiliation",
    "date": "date",
    "time": "time",
    "end-time": "end_time",
    "timezone": "timezone",
    "venue": "venue",
    "online-url": "online_url",
    "series": "series",
    "bio": "bio",
    "slides": "slides",
    "video": "video",
    "tags": "tags",
    "permalink": "permalink",
}


class SeminarDirective(SphinxDirective):
    """Render one talk: from a talk file named by the argument, or from options + content."""

    optional_arguments = 1
    final_argument_whitespace = True
    has_content = True
    option_spec: ClassVar[dict[str, Callable[[str], Any]]] = dict.fromkeys(
        INLINE_OPTIONS, directives.unchanged
    )

    def run(self) -> list[nodes.Node]:
        if self.arguments and self.content:
            return [self._error("give a talk file or inline content, not both")]
        if self.arguments:
            relative, absolute = self.env.relfn2path(self.arguments[0], self.env.docname)
            if not os.path.isfile(absolute):
                self._leave_out("cannot find the talk file '%s'", Code.UNREADABLE)
                return []
            if links_out_of_source_folder(self.env, self._written_path()):
                self._leave_out(
                    "the talk file '%s' is a link to a file outside the source folder; left out",
                    Code.PATH,
                )
                return []
            talk, source = self._read_file(relative, absolute), relative
        else:
            talk, source = self._read_inline()
        return [self.render_talk(talk, source)]

    def render_talk(self, talk: Talk, source: str, location: str | None = None) -> nodes.section:
        """Report the talk's problems, render it, and register it in the domain with its
        ``location`` (by default the directive's place)."""
        report_problems(talk.problems, source)
        document = self.state.document

        def render(blocks: list[tuple[str, int, nodes.Element]]) -> None:
            render_markdown_into(
                blocks,
                source=talk.source,
                document=document,
                directive=self,
                footnote_prefix=talk.id,
            )

        local_files = LocalFiles(self.env, source)
        section = talk_section(talk, date_style(self.env), render, local_files)
        local_files.guard(section)
        self.set_source_info(section)
        location = location or page_location(self)
        modified = _modified(os.path.join(self.env.srcdir, source))
        domain_of(self.env).note_talk(
            local_files.shown(talk),
            self.env.docname,
            section["ids"][0],
            location,
            modified,
            local_files.image_address,
        )
        return section

    def _leave_out(self, message: str, code: Code) -> None:
        """Warn, at the directive's line, that its talk file is not rendered."""
        LOGGER.warning(
            message,
            self.arguments[0],
            location=page_location(self),
            type="seminar",
            subtype=code,
        )

    def _written_path(self) -> str:
        """The talk file's path as written (links not followed): from the source folder when
        it starts with ``/``, else from the page's folder."""
        written = self.arguments[0]
        if written.startswith("/"):
            return os.path.normpath(os.path.join(self.env.srcdir, written.lstrip("/")))
        page_folder = os.path.dirname(self.env.doc2path(self.env.docname))
        return os.path.normpath(os.path.join(page_folder, written))

    def _read_file(self, relative: str, absolute: str) -> Talk:
        self.env.note_dependency(relative)
        talk = reader.read_talk(absolute, options=get_config(self.config).reader_options())
        return replace(talk, source=relative)

    def _read_inline(self) -> tuple[Talk, str]:
        """The talk of the directive's options (its front matter, as a mapping) and content
        (its Markdown body, whose lines are lines of the page)."""
        data = {
            key: self.options[option]
            for option, key in INLINE_OPTIONS.items()
            if option in self.options
        }
        if "id" not in data and data.get("title"):
            data["id"] = slug(data["title"]) or data["title"]
        source, line = self.get_source_info()
        first = self._first_content_line()
        talk = reader.parse_talk(
            "\n".join(self.content),
            source=os.fspath(self.env.doc2path(self.env.docname)),
            front_matter=data,
            body_line=first,
            options=get_config(self.config).reader_options(),
        )
        location = os.path.relpath(source, self.env.srcdir) if os.path.isabs(source) else source
        # a problem of the options, or of the talk as a whole, is at the directive's line
        problems = tuple(
            replace(problem, line=line) if line and problem.line < first else problem
            for problem in talk.problems
        )
        return replace(talk, problems=problems), location

    def _first_content_line(self) -> int:
        """The page line of the directive's first content line."""
        if is_myst_page(self.env, self.env.docname):  # MyST counts from the directive
            return self.lineno + self.content_offset + 1
        return self.content_offset + 1

    def _error(self, message: str) -> nodes.Node:
        return self.state.document.reporter.warning(message, line=self.lineno)


def _modified(path: str) -> dt.datetime | None:
    """When a file last changed, in UTC to the second (for calendar and feed time stamps)."""
    try:
        stamp = os.path.getmtime(path)
    except OSError:
        return None
    return dt.datetime.fromtimestamp(int(stamp), dt.timezone.utc)


def setup_directives(app: Sphinx) -> None:
    app.add_directive("seminar", SeminarDirective)
