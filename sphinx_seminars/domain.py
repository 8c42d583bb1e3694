"""The ``seminar`` domain: every rendered talk registers here; roles, indices and listings
read from here.  All cross-document state lives in the domain's data, keyed by docname."""

from __future__ import annotations

from collections.abc import Iterator, Set
from typing import TYPE_CHECKING, Any, NamedTuple, cast

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
    talk_speaker_anchor,
)
from .indices import SeminarIndex, SpeakersIndex, setup_indices
from .problems import Code
from .serialize import talk_to_json

if TYPE_CHECKING:
    from sphinx.addnodes import pending_xref
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

    from .model import Talk

LOGGER = logging.getLogger(__name__)


class SpeakerRef(NamedTuple):
    """A speaker of a talk as the domain keeps it."""

    key: str
    name: str
    affiliation: str | None
    position: str | None


class TalkEntry(NamedTuple):
    """A rendered talk: plain data, no nodes; remembers where it is."""

    id: str
    title: str
    docname: str
    anchor: str
    start: str | None
    end: str | None
    timezone: str | None
    series: str | None
    tags: tuple[str, ...]
    speakers: tuple[SpeakerRef, ...]
    venue: str | None
    location: str
    """Where the talk is rendered (``page.md:12``)."""
    source: str
    """The talk file it was read from, relative to the source folder, or the page."""

    @property
    def year(self) -> str:
        return self.start[:4] if self.start else ""


class SpeakerTarget(NamedTuple):
    """Where a speaker link goes, and what is known of the speaker."""

    key: str
    name: str
    docname: str
    anchor: str
    talks: tuple[TalkEntry, ...]


class SeminarView:
    """Lookups derived from the domain's data; never stored in the environment."""

    def __init__(
        self,
        talks: list[TalkEntry],
        speakers: dict[str, SpeakerTarget],
        series: dict[str, tuple[str, list[TalkEntry]]],
    ) -> None:
        self.talks = talks
        self.by_id = {talk_key(entry.id): entry for entry in talks}
        self.speakers = speakers
        self.series = series
        chronological = sorted(talks, key=lambda e: (e.start or "9999", e.id))
        self.position = {entry.id: index for index, entry in enumerate(chronological)}
        self.chronological = chronological

    @classmethod
    def build(
        cls, talks_by_doc: dict[str, list[TalkEntry]], speaker_pages: dict[str, bool]
    ) -> SeminarView:
        seen: dict[str, TalkEntry] = {}
        for docname in sorted(talks_by_doc):
            for entry in talks_by_doc[docname]:
                seen.setdefault(talk_key(entry.id), entry)
        talks = sorted(seen.values(), key=lambda e: (e.start or "", e.id), reverse=True)
        return cls(talks, _speaker_targets(talks, speaker_pages), _series_of(talks))

    def neighbours(self, talk_id: str) -> tuple[TalkEntry | None, TalkEntry | None]:
        """The talks just before and after one in time (dateless talks come last)."""
        index = self.position.get(talk_id)
        if index is None:
            return None, None
        before = self.chronological[index - 1] if index > 0 else None
        after = self.chronological[index + 1] if index + 1 < len(self.chronological) else None
        return before, after


def _speaker_targets(
    talks: list[TalkEntry], speaker_pages: dict[str, bool]
) -> dict[str, SpeakerTarget]:
    talks_of: dict[str, list[TalkEntry]] = {}
    names: dict[str, str] = {}
    for entry in talks:
        for speaker in entry.speakers:
            talks_of.setdefault(speaker.key, []).append(entry)
            names.setdefault(speaker.key, speaker.name)
    page = min(speaker_pages, default=None)
    targets = {}
    for key, their_talks in talks_of.items():
        if page is not None:
            docname, anchor = page, speaker_anchor(key)
        else:
            latest = their_talks[0]
            index = next(i for i, s in enumerate(latest.speakers) if s.key == key)
            docname, anchor = latest.docname, talk_speaker_anchor(latest.id, index + 1)
        targets[key] = SpeakerTarget(key, names[key], docname, anchor, tuple(their_talks))
    return targets


def _series_of(talks: list[TalkEntry]) -> dict[str, tuple[str, list[TalkEntry]]]:
    found: dict[str, tuple[str, list[TalkEntry]]] = {}
    for entry in talks:
        if entry.series:
            found.setdefault(series_key(entry.series), (entry.series, []))[1].append(entry)
    return found


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
        "talks": {},  # docname -> list[TalkEntry], in document order
        "listings": {},  # docname -> list of listing specs (dicts) shown on it
        "speaker_pages": {},  # docname -> True for pages with a seminar-speakers directive
        "series_pages": {},  # docname -> series keys listed there (seminar-list :series:)
        "archive_pages": {},  # docname -> True for pages with a seminar-archive directive
        "xrefs": {},  # docname -> [(type, target)] of the seminar references on it
        "records": {},  # docname -> {talk id: full record for the exports (JSON form)}
        "sequences": {},  # talk id -> [start, end, sequence]: calendar SEQUENCE history
        "digests": {},  # docname -> digest of what its listings and links show now
    }
    data_version = 3
    indices = [SeminarIndex, SpeakersIndex]  # noqa: RUF012
    dangling_warnings = {}  # noqa: RUF012 - unknown targets are reported as seminar.ref

    # -- the data -------------------------------------------------------------------------

    @property
    def talks_by_doc(self) -> dict[str, list[TalkEntry]]:
        return cast("dict[str, list[TalkEntry]]", self.data["talks"])

    def note_talk(
        self,
        talk: Talk,
        docname: str,
        anchor: str,
        location: str,
        source: str,
        modified: str | None = None,
    ) -> TalkEntry:
        """Register a rendered talk of ``docname``, with its full record for the exports.

        ``modified`` is when the talk file last changed (ISO 8601, UTC)."""
        aliases = alias_table(get_config(self.env).speaker_aliases)
        speakers = tuple(
            SpeakerRef(
                key=fold(s.id) if s.id else speaker_key(s.name, aliases),
                name=s.display_name,
                affiliation=s.affiliation,
                position=s.position,
            )
            for s in talk.speakers
        )
        entry = TalkEntry(
            id=talk.id,
            title=talk.title,
            docname=docname,
            anchor=anchor,
            start=talk.start.isoformat() if talk.start else None,
            end=talk.end.isoformat() if talk.end else None,
            timezone=talk.timezone,
            series=talk.series,
            tags=talk.tags,
            speakers=speakers,
            venue=talk.venue,
            location=location,
            source=source,
        )
        self.talks_by_doc.setdefault(docname, []).append(entry)
        record = {"talk": talk_to_json(talk), "modified": modified}
        self.data["records"].setdefault(docname, {})[talk.id] = record
        self._changed()
        return entry

    def record(self, entry: TalkEntry) -> dict[str, Any]:
        """The full record of a talk: its JSON form (``talk``) and ``modified``."""
        return cast("dict[str, Any]", self.data["records"][entry.docname][entry.id])

    def note_listing(self, docname: str, spec: dict[str, Any]) -> None:
        """Remember that ``docname`` shows talk data of other documents, and which."""
        self.data["listings"].setdefault(docname, []).append(spec)
        if spec.get("kind") == "speakers":
            self.data["speaker_pages"][docname] = True
        if spec.get("kind") == "archive":
            self.data["archive_pages"][docname] = True
        if spec.get("series"):
            self.data["series_pages"].setdefault(docname, []).append(spec["series"])
        self._changed()

    _PER_DOC = (
        "talks",
        "listings",
        "speaker_pages",
        "series_pages",
        "archive_pages",
        "xrefs",
        "records",
    )

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

    # -- derived views, computed once per change of the data -----------------------------

    def view(self) -> SeminarView:
        """All talks, speakers and series as lookups; rebuilt only after the data changed."""
        if self._view is None:
            self._view = SeminarView.build(self.talks_by_doc, self.data["speaker_pages"])
        return self._view

    _view: SeminarView | None = None

    def _changed(self) -> None:
        """Every change of the data goes through here, so the view is never stale."""
        self._view = None

    def talks(self) -> list[TalkEntry]:
        """Every talk once, newest first; of two talks with one id the first docname wins."""
        return self.view().talks

    def talk(self, talk_id: str) -> TalkEntry | None:
        return self.view().by_id.get(talk_key(talk_id))

    def talk_at(self, docname: str, anchor: str) -> TalkEntry | None:
        """The talk rendered at ``anchor`` of ``docname``, when it is the talk its id
        stands for (not a second talk with an id already taken)."""
        entry = next((e for e in self.talks_by_doc.get(docname, []) if e.anchor == anchor), None)
        return entry if entry is not None and self.talk(entry.id) == entry else None

    def speakers(self) -> dict[str, SpeakerTarget]:
        """Every speaker by key, with their talks (newest first) and link target."""
        return self.view().speakers

    def series(self) -> dict[str, tuple[str, list[TalkEntry]]]:
        """Every series by key: its name as first written and its talks, newest first."""
        return self.view().series

    def check_consistency(self) -> None:
        """Two talks with one id (case ignored): warn naming both files, on every build."""
        first: dict[str, TalkEntry] = {}
        for docname in sorted(self.talks_by_doc):
            for entry in self.talks_by_doc[docname]:
                key = talk_key(entry.id)
                if key in first:
                    other = first[key]
                    LOGGER.warning(
                        "talk id '%s' (%s) is also the id of the talk at %s (%s): links, "
                        "calendars, feed and seminars.json have only that one",
                        entry.id,
                        entry.source,
                        other.location,
                        other.source,
                        location=entry.location,
                        type="seminar",
                        subtype=Code.DUPLICATE,
                    )
                else:
                    first[key] = entry

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
            entry = self.talk(target)
            return (entry.docname, entry.anchor, entry.title) if entry else None
        if typ == "speaker":
            aliases = alias_table(get_config(self.env).speaker_aliases)
            speakers = self.speakers()
            speaker = speakers.get(speaker_key(target, aliases)) or speakers.get(fold(target))
            return (speaker.docname, speaker.anchor, speaker.name) if speaker else None
        if typ == "series":
            series = self.series().get(series_key(target))
            if series is None:
                return None
            name, talks = series
            return (*self._series_target(series_key(target), talks), name)
        return None

    def _series_target(self, key: str, talks: list[TalkEntry]) -> tuple[str, str]:
        """A series links to a listing of that series, or else to its newest talk."""
        pages = sorted(d for d, keys in self.data["series_pages"].items() if key in keys)
        if pages:
            return pages[0], series_anchor(key)
        return talks[0].docname, talks[0].anchor

    def get_objects(self) -> Iterator[tuple[str, str, str, str, str, int]]:
        for entry in self.talks():
            yield entry.id, entry.title, "talk", entry.docname, entry.anchor, 1
        for key, speaker in self.speakers().items():
            yield (
                speaker_anchor(key).removeprefix("speaker-"),
                speaker.name,
                "speaker",
                speaker.docname,
                speaker.anchor,
                1,
            )
        for key, (name, talks) in self.series().items():
            docname, anchor = self._series_target(key, talks)
            yield series_anchor(key).removeprefix("series-"), name, "series", docname, anchor, 1

    def get_full_qualified_name(self, node: nodes.Element) -> str | None:
        target = node.get("reftarget")
        return str(target) if target else None


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
        location=node,
        type="seminar",
        subtype="ref",
    )
    return True


def collect_xrefs(app: Sphinx, doctree: nodes.document) -> None:
    """``doctree-read``: note which seminar objects the page links to."""
    domain_of(app.env).note_xrefs(app.env.docname, doctree)


def setup_domain(app: Sphinx) -> None:
    app.add_domain(SeminarDomain)
    setup_indices(app)
    app.connect("doctree-read", collect_xrefs)
    app.connect("warn-missing-reference", warn_unknown_target)
