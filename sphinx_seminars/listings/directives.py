"""The listing directives: ``seminar-list`` (filtered, sorted, as a list, table or cards),
``seminar-archive`` (every talk by year) and ``seminar-speakers`` (every speaker).

Each leaves a placeholder node, filled when the page is written (see :mod:`.fill`), so that a
listing always shows every talk; the page is noted in the domain as showing other pages."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from ..config import get_config
from ..domain import domain_of
from ..ids import alias_table, fold, series_key, speaker_key
from ..nodes import seminar_subscribe
from ..problems import Code
from ..warnings_ import page_location
from .spec import FORMATS, SORTS, WHEN, ListingSpec

if TYPE_CHECKING:
    from sphinx.config import Config

LOGGER = logging.getLogger(__name__)


class seminar_listing(nodes.General, nodes.Element):  # noqa: N801 - docutils node naming
    """Placeholder for a listing; ``spec`` says what it shows.  Never written as is."""


def listing_placeholder(
    directive: SphinxDirective, spec: ListingSpec, classes: list[str] | None = None
) -> nodes.Element:
    """The node a listing directive leaves in the doctree; the page is noted as showing
    other pages' talks."""
    node = seminar_listing(spec=spec.as_attributes(), classes=list(classes or []))
    directive.set_source_info(node)
    domain_of(directive.env).note_listing(directive.env.docname, spec)
    return node


class SeminarListDirective(SphinxDirective):
    """``.. seminar-list::`` with filters; a bad option is a ``seminar.list`` warning."""

    option_spec: ClassVar[dict[str, Callable[[str], Any]]] = {
        "when": directives.unchanged,
        "year": directives.unchanged,
        "series": directives.unchanged,
        "speaker": directives.unchanged,
        "tag": directives.unchanged,
        "sort": directives.unchanged,
        "limit": directives.unchanged,
        "format": directives.unchanged,
        "class": directives.class_option,
    }

    def run(self) -> list[nodes.Node]:
        spec = self._spec()
        listing = self.placeholder(spec)
        if spec.series and spec.kind == "talks":  # a series page: subscribe to the series
            return [subscribe_placeholder("series", self.options["series"], self.config), listing]
        return [listing]

    def placeholder(self, spec: ListingSpec) -> nodes.Element:
        return listing_placeholder(self, spec, self.options.get("class", []))

    def _warn(self, message: str) -> None:
        LOGGER.warning(message, location=page_location(self), type="seminar", subtype=Code.LIST)

    def _spec(self) -> ListingSpec:
        options: dict[str, Any] = {}
        for name, allowed in (("when", WHEN), ("sort", SORTS), ("format", FORMATS)):
            if name in self.options:
                value = str(self.options[name]).strip().lower()
                if value in allowed:
                    options[name] = value
                else:
                    self._warn(f"{name} must be one of {', '.join(allowed)}, not '{value}'")
        for name in ("year", "limit"):
            if name in self.options:
                text = str(self.options[name]).strip()
                if text.isdigit() and (name == "year" or int(text) > 0):
                    options[name] = int(text)
                else:
                    self._warn(f"{name} must be a positive whole number, not '{text}'")
        if self.options.get("series"):
            options["series"] = series_key(self.options["series"])
        if self.options.get("speaker"):
            aliases = alias_table(get_config(self.config).speaker_aliases)
            options["speaker"] = speaker_key(self.options["speaker"], aliases)
        if self.options.get("tag"):
            options["tag"] = fold(self.options["tag"])
        if "sort" not in options and options.get("when") == "upcoming":
            options["sort"] = "date"
        return ListingSpec(**options)


class SeminarArchiveDirective(SeminarListDirective):
    """``.. seminar-archive::``: every talk grouped by year, newest first.

    Talk pages link back to the page that holds it.  In builders that make one document
    (latex, texinfo, man, singlehtml) it holds the talks themselves."""

    option_spec: ClassVar[dict[str, Callable[[str], Any]]] = {"class": directives.class_option}

    def run(self) -> list[nodes.Node]:
        return [
            subscribe_placeholder("site", "", self.config),
            self.placeholder(ListingSpec(kind="archive")),
        ]


class SeminarSpeakersDirective(SeminarListDirective):
    """``.. seminar-speakers::``: every speaker, with affiliation history and talks.

    Speaker links (``:seminar:speaker:``) point here when a site has such a page."""

    option_spec: ClassVar[dict[str, Callable[[str], Any]]] = {"class": directives.class_option}

    def run(self) -> list[nodes.Node]:
        return [self.placeholder(ListingSpec(kind="speakers"))]


class SeminarNextDirective(SeminarListDirective):
    """``.. seminar-next::``: the next talks, soonest first, with how soon they are and
    their join links (kept current in the browser by the page script)."""

    option_spec: ClassVar[dict[str, Callable[[str], Any]]] = {
        "limit": directives.unchanged,
        "series": directives.unchanged,
        "class": directives.class_option,
    }

    def run(self) -> list[nodes.Node]:
        spec = self._spec()
        return [self.placeholder(replace(spec, kind="next", when="upcoming", sort="date",
                                         limit=spec.limit or 3))]  # fmt: skip


class SeminarSubscribeDirective(SphinxDirective):
    """``.. seminar-subscribe::``: links to subscribe to the site's calendar, or with
    ``:series:``, ``:speaker:`` or ``:tag:`` to that one's."""

    option_spec: ClassVar[dict[str, Callable[[str], Any]]] = {
        "series": directives.unchanged,
        "speaker": directives.unchanged,
        "tag": directives.unchanged,
    }

    def run(self) -> list[nodes.Node]:
        for kind in ("series", "speaker", "tag"):
            if self.options.get(kind):
                return [subscribe_placeholder(kind, self.options[kind], self.config)]
        return [subscribe_placeholder("site", "", self.config)]


def subscribe_placeholder(kind: str, name: str, config: Config) -> nodes.Element:
    """Where links to subscribe to a calendar go (resolved when the page is written)."""
    if kind == "series":
        key = series_key(name)
    elif kind == "speaker":
        key = speaker_key(name, alias_table(get_config(config).speaker_aliases))
    elif kind == "tag":
        key = fold(name)
    else:
        key = ""
    return seminar_subscribe(kind=kind, key=key, name=name)
