"""Talk collections: ``seminar_talks`` globs make every matching file a talk page of its own.

A matching file stays where it is and keeps its name; when Sphinx reads it, its text is
replaced (in memory, nothing is written) by a page that renders the talk of that file, with
links to the previous and next talk and back to the archive.  Talk pages are orphans: no
toctree lists them, so no sidebar carries every talk.
"""

from __future__ import annotations

import functools
import os
from dataclasses import replace
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.util import logging
from sphinx.util.matching import Matcher

from . import reader
from .directives import SeminarDirective
from .listings import ListingSpec, listing_placeholder

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

LOGGER = logging.getLogger(__name__)

#: What a talk file reads as, for Sphinx (MyST): an orphan page holding its own talk.
TALK_PAGE = "---\norphan: true\n---\n\n```{seminar-page}\n```\n"


@functools.lru_cache(maxsize=8)
def talk_matcher(patterns: tuple[str, ...]) -> Matcher:
    """A matcher of ``seminar_talks`` patterns; ``a/**/b`` also matches ``a/b``."""
    expanded = [*patterns, *(p.replace("/**/", "/") for p in patterns if "/**/" in p)]
    return Matcher(expanded)


def is_talk_page(env: BuildEnvironment, docname: str) -> bool:
    """Whether a document is a talk file of a ``seminar_talks`` pattern."""
    if not env.config.seminar_talks:
        return False
    path = os.path.relpath(env.doc2path(docname), env.srcdir)
    return talk_matcher(tuple(env.config.seminar_talks)).match(path.replace(os.sep, "/"))


def read_talk_page(app: Sphinx, docname: str, source: list[str]) -> None:
    """``source-read``: a talk file is read as a page that renders it."""
    if is_talk_page(app.env, docname):
        source[0] = TALK_PAGE


class SeminarPageDirective(SeminarDirective):
    """The talk of the current document (a talk file of the collection), with navigation."""

    optional_arguments = 0
    has_content = False
    option_spec = {}  # noqa: RUF012 - docutils reads this class attribute

    def run(self) -> list[nodes.Node]:
        path = self.env.doc2path(self.env.docname)
        source = os.path.relpath(path, self.env.srcdir).replace(os.sep, "/")
        talk = reader.read_talk(
            path,
            default_timezone=self.config.seminar_timezone,
            allow_raw_html=self.config.seminar_allow_raw_html,
        )
        talk = replace(talk, source=source)
        section = self.render_talk(talk, source)
        section += listing_placeholder(self, ListingSpec(kind="nav", talk=talk.id))
        return [section]


def warn_suffixes(app: Sphinx) -> None:
    """``builder-inited``: a pattern for files Sphinx does not read as pages finds nothing."""
    suffixes = tuple(app.config.source_suffix)
    for pattern in app.config.seminar_talks:
        if "." in pattern.rsplit("/", 1)[-1] and not pattern.endswith(suffixes):
            LOGGER.warning(
                "seminar_talks pattern '%s' names files Sphinx does not read as pages; "
                "talk files need a source suffix such as %s",
                pattern,
                ", ".join(suffixes),
                type="seminar",
                subtype="config",
            )


def setup_collection(app: Sphinx) -> None:
    app.add_directive("seminar-page", SeminarPageDirective)
    app.connect("source-read", read_talk_page)
    app.connect("builder-inited", warn_suffixes)
