"""The ``seminar`` domain: every rendered talk registers here; roles, indices, listings and
exports read from here.  All cross-document state lives in the domain's data, keyed by
docname, and only the methods of :class:`SeminarDomain` touch it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Set
from typing import TYPE_CHECKING, Any, cast

from docutils import nodes
from sphinx import addnodes
from sphinx.domains import Domain, ObjType
from sphinx.roles import XRefRole
from sphinx.util import logging
from sphinx.util.nodes import make_refnode

from .config import get_config
from .ids import (
    alias_table,
    fold,
    series_anchor,
    series_key,
    speaker_anchor,
    speaker_key,
    talk_key,
)
from .problems import Code
from .records import (
    CalendarHistory,
    Listing,
    Moment,
    RoleRef,
    SeminarView,
    SpeakerRef,
    SpeakerTarget,
    TalkRecord,
)
from .warnings_ import node_location

if TYPE_CHECKING:
    from sphinx.addnodes import pending_xref
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

    from .model import Image, Speaker, Talk

LOGGER = logging.getLogger(__name__)


class SeminarDomain(Domain):
    """Talks, speakers and series of a seminar site."""

    name = "seminar"
    label = "Seminars"
    object_types = {  # noqa: RUF012 - the Domain API declares these as class attributes
        "talk": ObjType("talk", "talk", "any"),
        "speaker": ObjType("speaker", "speaker", "any"),
        "series": ObjType("series", "series", "any"),
    }
    roles = {  # noqa: RUF012
        "talk": XRefRole(innernodeclass=nodes.inline, warn_dangling=True),
        "speaker": XRefRole(innernodeclass=nodes.inline, warn_dangling=True),
        "series": XRefRole(innernodeclass=nodes.inline, warn_dangling=True),
    }
    initial_data = {  # noqa: RUF012
        "talks": {},  # docname -> [TalkRecord], in document order
        "listings": {},  # docname -> [Listing] of the listings shown on it
        "xrefs": {},  # docname -> [(type, target)] of the seminar references on it
        "calendar": {},  # talk key -> CalendarHistory: the SEQUENCE history of calendars
        "digests": {},  # docname -> digest of what its listings and links show now
    }
    data_version = 4
    dangling_warnings = {}  # noqa: RUF012 - unknown targets are reported as seminar.ref

    _PER_DOC = ("talks", "listings", "xrefs")

    # -- what documents add ---------------------------------------------------------------

    def note_talk(
        self,
        talk: Talk,
        docname: str,
        anchor: str,
        location: str,
        modified: dt.datetime | None,
        image_address: Callable[[Image], str | None] = lambda image: None,
    ) -> TalkRecord:
        """Register a talk rendered on ``docname`` at ``anchor``; ``image_address`` says where
        its picture and its speakers' photos are shown from (None: nowhere)."""
        from .reader.text import markdown_to_plain  # noqa: PLC0415 - the reader loads lazily

        aliases = alias_table(get_config(self.env).speaker_aliases)

        def key_of(person: Speaker) -> str:
            return fold(person.id) if person.id else speaker_key(person.name, aliases)

        speakers = tuple(
            SpeakerRef(
                key=key_of(s),
                name=s.display_name,
                affiliation=s.affiliation,
                position=s.position,
                photo=image_address(s.photo) if s.photo else None,
            )
            for s in talk.speakers
        )
        roles = tuple(
            RoleRef(key_of(r.person), r.person.display_name, r.role, r.person.affiliation)
            for r in talk.roles
        )
        abstract, bio = markdown_to_plain(talk.abstract), markdown_to_plain(talk.bio)
        image = image_address(talk.image) if talk.image else None
        record = TalkRecord(
            talk, docname, anchor, location, speakers, modified, abstract, bio, roles, image
        )
        self.data["talks"].setdefault(docname, []).append(record)
        self._changed()
        return record

    def note_listing(self, docname: str, spec: Listing) -> None:
        """Remember that ``docname`` shows talks of other documents, and which."""
        self.data["listings"].setdefault(docname, []).append(spec)
        self._changed()

    def note_xrefs(self, docname: str, doctree: nodes.document) -> None:
        """Remember the seminar references of a page: when their targets change (a talk's
        title, a speaker's page), the page is written again."""
        found = sorted(
            {
                (str(node["reftype"]), str(node["reftarget"]))
                for node in doctree.findall(addnodes.pending_xref)
                if node.get("refdomain") == "seminar" or node.get("reftype") == "any"
            }
        )
        if found:
            self.data["xrefs"][docname] = found

    def clear_doc(self, docname: str) -> None:
        for key in self._PER_DOC:
            self.data[key].pop(docname, None)
        self._changed()

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        for key in self._PER_DOC:
            for docname in docnames:
                if docname in otherdata[key]:
                    self.data[key][docname] = otherdata[key][docname]
        self._changed()

    # -- talk files read ahead of Sphinx (collections) ----------------------------------

    _read_ahead: dict[str, Talk] | None = None

    def read_ahead(self, docname: str, talk: Talk) -> None:
        """Keep a talk file's talk, read before Sphinx reads the file (to tell whether it is a
        page at all), for the page's directive: the file is read once.  Not in the data:
        it lives only until the page is read."""
        if self._read_ahead is None:
            self._read_ahead = {}
        self._read_ahead[docname] = talk

    def take_read_ahead(self, docname: str) -> Talk | None:
        return self._read_ahead.pop(docname, None) if self._read_ahead else None

    # -- talks, speakers, series ----------------------------------------------------------

    _view: SeminarView | None = None

    def _changed(self) -> None:
        """Every change of the data goes through here, so the views are never stale."""
        self._view = None
        self._listing_pages = None
        self._other_keys = None

    def _current(self) -> SeminarView:
        if self._view is None:
            self._view = SeminarView(self.data["talks"], self.speaker_page())
        return self._view

    def talks(self) -> list[TalkRecord]:
        """Every talk once, newest first; of two talks with one id the first docname wins."""
        return self._current().talks

    def talks_of_year(self, year: int | None) -> list[TalkRecord]:
        """The talks of a year (``None``: the talks without a date), newest first."""
        return [record for record in self.talks() if record.year == year]

    def years(self) -> list[int | None]:
        """The years that have talks, newest first; ``None`` (no date) last."""
        found = {record.year for record in self.talks()}
        return sorted((y for y in found if y is not None), reverse=True) + (
            [None] if None in found else []
        )

    def talk(self, talk_id: str) -> TalkRecord | None:
        return self._current().by_key.get(talk_key(talk_id))

    def talk_at(self, docname: str, anchor: str) -> TalkRecord | None:
        """The talk rendered at ``anchor`` of ``docname``, when it is the talk its id
        stands for (not a second talk with an id already taken)."""
        record = next((r for r in self.talks_on(docname) if r.anchor == anchor), None)
        return record if record is not None and self.talk(record.id) == record else None

    def talk_sources(self) -> dict[str, str]:
        """The talk file of the first talk of each page that has talks, by docname."""
        return {
            docname: records[0].talk.source
            for docname, records in self.data["talks"].items()
            if records
        }

    def talks_on(self, docname: str) -> list[TalkRecord]:
        """The talks rendered on a page, in page order (a second talk of an id included)."""
        return list(self.data["talks"].get(docname, []))

    def neighbours(self, talk_id: str) -> tuple[TalkRecord | None, TalkRecord | None]:
        """The talks just before and after one in time."""
        return self._current().neighbours(talk_id)

    def speakers(self) -> dict[str, SpeakerTarget]:
        """Every speaker by key, with their talks (newest first) and link target."""
        return self._current().speakers

    def people(self) -> dict[str, SpeakerTarget]:
        """The speakers and the people in other roles (advisors, hosts), by key."""
        return self._current().people

    def series(self) -> dict[str, tuple[str, list[TalkRecord]]]:
        """Every series by key: its name as first written and its talks, newest first."""
        return self._current().series

    # -- pages that show talks of other pages -------------------------------------------

    def listings_on(self, docname: str) -> list[Listing]:
        return list(self.data["listings"].get(docname, []))

    def xrefs_on(self, docname: str) -> list[tuple[str, str]]:
        return list(self.data["xrefs"].get(docname, []))

    def pages_showing_others(self) -> set[str]:
        """Pages whose output depends on other pages: listings, seminar links, and talks
        (which may lose their id to a talk of another page)."""
        return set(self.data["listings"]) | set(self.data["xrefs"]) | set(self.data["talks"])

    _listing_pages: dict[tuple[str, str | None], str] | None = None

    def _first_page_with(self, kind: str, series: str | None = None) -> str | None:
        """The first page (by name) with a listing of ``kind`` (and series)."""
        if self._listing_pages is None:
            pages: dict[tuple[str, str | None], str] = {}
            for docname in sorted(self.data["listings"]):
                for spec in self.data["listings"][docname]:
                    pages.setdefault((spec.kind, None), docname)
                    if spec.series:
                        pages.setdefault((spec.kind, spec.series), docname)
            self._listing_pages = pages
        return self._listing_pages.get((kind, series))

    def archive_page(self) -> str | None:
        """The page with the archive (``seminar-archive``), the first by name if several."""
        return self._first_page_with("archive")

    def speaker_page(self) -> str | None:
        """The page with every speaker (``seminar-speakers``), the first by name if several."""
        return self._first_page_with("speakers")

    def series_page(self, key: str) -> str | None:
        """The first page listing the talks of a series (``seminar-list :series:``)."""
        return self._first_page_with("talks", series=key)

    def set_page_digests(self, digests: dict[str, str]) -> None:
        """What each page's listings and links show now (see the listings' digests)."""
        self.data["digests"] = dict(digests)

    def page_digests(self) -> dict[str, str]:
        return dict(self.data["digests"])

    # -- calendar history -----------------------------------------------------------------

    def update_calendar_history(
        self,
        published: Callable[[TalkRecord], CalendarHistory],
        recover: Callable[[], dict[str, CalendarHistory]],
    ) -> None:
        """A talk whose published start, end or status changed gets the next SEQUENCE
        number.  ``published`` says how a talk is published now; the history lives in the
        environment, and when there is none (a fresh build), ``recover`` gives the one kept
        in the calendar published earlier."""
        history: dict[str, CalendarHistory] = self.data["calendar"]
        if not history:
            history.update({talk_key(k): v for k, v in recover().items()})
        for record in self.talks():
            key = talk_key(record.id)
            now = published(record)
            known = history.get(key)
            if known is None:
                history[key] = now
            elif _moved(known, now):
                history[key] = now._replace(sequence=known.sequence + 1)

    def calendar_sequence(self, talk_id: str) -> int:
        known = self.data["calendar"].get(talk_key(talk_id))
        return known.sequence if known is not None else 0

    def calendar_history(self) -> list[tuple[str, CalendarHistory]]:
        return sorted(self.data["calendar"].items())

    # -- consistency ----------------------------------------------------------------------

    def check_consistency(self) -> None:
        """Two talks with one id (case ignored): warn naming both files, on every build."""
        first: dict[str, TalkRecord] = {}
        for docname in sorted(self.data["talks"]):
            for record in self.data["talks"][docname]:
                key = talk_key(record.id)
                if key in first:
                    other = first[key]
                    LOGGER.warning(
                        "talk id '%s' (%s) is also the id of the talk at %s (%s): links, "
                        "calendars, feed and seminars.json have only that one",
                        record.id,
                        record.talk.source,
                        other.id_location,
                        other.talk.source,
                        location=record.id_location,
                        type="seminar",
                        subtype=Code.DUPLICATE,
                    )
                else:
                    first[key] = record

    # -- cross-references -----------------------------------------------------------------

    def resolve_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        typ: str,
        target: str,
        node: pending_xref,
        contnode: nodes.Element,
    ) -> nodes.reference | None:
        found = self._find(typ, target)
        if found is None:
            return None
        docname, anchor, title = found
        if not node.get("refexplicit"):
            contnode = nodes.inline(title, title, classes=["seminar-ref", f"seminar-{typ}"])
        return make_refnode(builder, fromdocname, docname, anchor, contnode, title)

    def resolve_any_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        target: str,
        node: pending_xref,
        contnode: nodes.Element,
    ) -> list[tuple[str, nodes.reference]]:
        results = []
        for typ in ("talk", "speaker", "series"):
            found = self._find(typ, target)
            if found is not None:
                docname, anchor, title = found
                content = contnode
                if not node.get("refexplicit"):
                    content = nodes.inline(title, title, classes=["seminar-ref"])
                ref = make_refnode(builder, fromdocname, docname, anchor, content, title)
                results.append((f"seminar:{typ}", ref))
        return results

    def find(self, typ: str, target: str) -> tuple[str, str, str] | None:
        """What a reference resolves to; ``any`` tries talk, speaker and series."""
        if typ == "any":
            return next(
                (r for t in ("talk", "speaker", "series") if (r := self._find(t, target))), None
            )
        return self._find(typ, target)

    def _find(self, typ: str, target: str) -> tuple[str, str, str] | None:
        """(docname, anchor, display text) of a talk, speaker or series, or None."""
        if typ == "talk":
            record = self.talk(target)
            return (record.docname, record.anchor, record.title) if record else None
        if typ == "speaker":
            aliases = alias_table(get_config(self.env).speaker_aliases)
            speakers = self.speakers()
            key = speaker_key(target, aliases)
            key = key if key in speakers else self._other_speaker_keys().get(key, fold(target))
            speaker = speakers.get(key)
            return (speaker.docname, speaker.anchor, speaker.name) if speaker else None
        if typ == "series":
            series = self.series().get(series_key(target))
            if series is None:
                return None
            name, talks = series
            return (*self.series_target(series_key(target), talks), name)
        return None

    def series_target(self, key: str, talks: list[TalkRecord]) -> tuple[str, str]:
        """A series links to a listing of that series, or else to its newest talk."""
        page = self.series_page(key)
        if page is not None:
            return page, series_anchor(key)
        return talks[0].docname, talks[0].anchor

    def get_objects(self) -> Iterator[tuple[str, str, str, str, str, int]]:
        """What ``objects.inv`` lists: each talk by its id, each speaker and series by the
        id of their anchor (``keith-tobias-butler``, ``alloy-colloquium``); and, hidden from
        the search page, the other names another project may look them up by: a talk's id
        without case, and the speaker names that ``seminar_speaker_aliases`` and speaker ids
        tie to a speaker (see :meth:`get_full_qualified_name`)."""
        for record in self.talks():
            yield record.id, record.title, "talk", record.docname, record.anchor, 1
            if talk_key(record.id) != record.id:
                yield talk_key(record.id), record.title, "talk", record.docname, record.anchor, -1
        speakers = self.speakers()
        for key, speaker in speakers.items():
            yield speaker_name(key), speaker.name, "speaker", speaker.docname, speaker.anchor, 1
        for other, key in self._other_speaker_keys().items():
            speaker = speakers[key]
            yield speaker_name(other), speaker.name, "speaker", speaker.docname, speaker.anchor, -1
        for key, (title, talks) in self.series().items():
            docname, anchor = self.series_target(key, talks)
            yield series_name(key), title, "series", docname, anchor, 1

    _other_keys: dict[str, str] | None = None

    def _other_speaker_keys(self) -> dict[str, str]:
        """Other keys of speakers (key -> the speaker's key): the aliases of
        ``seminar_speaker_aliases`` and, for a speaker with an id, the name; a key that would
        stand for two speakers, or that is a speaker's own key, is none."""
        if self._other_keys is None:
            speakers = self.speakers()
            aliases = alias_table(get_config(self.env).speaker_aliases)
            found: dict[str, set[str]] = {}
            for alias, canonical in aliases.items():
                if canonical in speakers:
                    found.setdefault(alias, set()).add(canonical)
            for target in speakers.values():
                for record in target.talks:
                    for ref in record.speakers:
                        if ref.key == target.key:
                            found.setdefault(speaker_key(ref.name, aliases), set()).add(ref.key)
            self._other_keys = {
                other: next(iter(keys))
                for other, keys in found.items()
                if len(keys) == 1 and other not in speakers
            }
        return self._other_keys

    def get_full_qualified_name(self, node: nodes.Element) -> str | None:
        """The name a reference stands for in ``objects.inv``: intersphinx looks a target up
        as written, then by this name, so that a speaker written any way ("Dr. Keith
        Butler") or a series in other case finds its entry in another project's inventory."""
        target = node.get("reftarget")
        if not target:
            return None
        typ = node.get("reftype")
        if typ == "talk":
            return talk_key(str(target))
        if typ == "series":
            return series_name(series_key(str(target)))
        aliases = alias_table(get_config(self.env).speaker_aliases)  # this project's own
        return speaker_name(speaker_key(str(target), aliases))  # a speaker (for any: a series too)


def speaker_name(key: str) -> str:
    """The name of a speaker (by key) in ``objects.inv``: the id of their anchor."""
    return speaker_anchor(key).removeprefix("speaker-")


def series_name(key: str) -> str:
    """The name of a series (by key) in ``objects.inv``."""
    return series_anchor(key).removeprefix("series-")


def _moved(before: CalendarHistory, now: CalendarHistory) -> bool:
    """Whether the status changed, the start moved, or an end known before and now moved
    (as instants)."""
    if before.status != now.status or not _same_moment(before.start, now.start):
        return True
    return None not in (before.end, now.end) and not _same_moment(before.end, now.end)


def _same_moment(first: Moment | None, second: Moment | None) -> bool:
    """Whether two starts (or ends) are the same: the same instant for times with a zone
    or offset, the same day for days."""
    if isinstance(first, dt.datetime) != isinstance(second, dt.datetime):
        return False
    if (
        isinstance(first, dt.datetime)
        and isinstance(second, dt.datetime)
        and (first.tzinfo is None) != (second.tzinfo is None)
    ):
        return False
    return first == second


def domain_of(env: BuildEnvironment) -> SeminarDomain:
    return cast("SeminarDomain", env.get_domain("seminar"))


def warn_unknown_target(app: Sphinx, domain: Domain | None, node: pending_xref) -> bool | None:
    """``warn-missing-reference``: an unknown talk, speaker or series is ``seminar.ref``."""
    if domain is None or domain.name != "seminar":
        return None
    LOGGER.warning(
        "unknown %s '%s'",
        node["reftype"],
        node["reftarget"],
        location=node_location(app.env, node),
        type="seminar",
        subtype=Code.REF,
    )
    return True


def collect_xrefs(app: Sphinx, doctree: nodes.document) -> None:
    """``doctree-read``: note which seminar objects the page links to."""
    domain_of(app.env).note_xrefs(app.env.docname, doctree)


def setup_domain(app: Sphinx) -> None:
    app.add_domain(SeminarDomain)
    app.connect("doctree-read", collect_xrefs)
    app.connect("warn-missing-reference", warn_unknown_target)
