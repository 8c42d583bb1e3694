"""Listings of talks placed on any page: ``seminar-list`` (filtered, sorted, as a table, list
or cards) and ``seminar-speakers`` (every speaker with affiliations and talks).

A listing is a placeholder node while reading; it is filled in from the domain's data when
the page is written, so it always shows every talk.  After each read phase a digest of what
each listing shows is compared with the last one, and pages whose listings changed are
written again (see :func:`outdated_listings`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.errors import NoUri
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective
from sphinx.util.nodes import make_refnode

from .config import get_config
from .domain import SeminarDomain, SpeakerTarget, TalkEntry, domain_of
from .ids import alias_table, fold, series_anchor, series_key, speaker_key, year_anchor
from .nodes import seminar_box, seminar_time
from .problems import Code
from .warnings_ import page_location

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

LOGGER = logging.getLogger(__name__)
WHEN = ("all", "upcoming", "past")
SORTS = ("date", "-date", "title")
FORMATS = ("list", "table", "cards")


class seminar_listing(nodes.General, nodes.Element):  # noqa: N801 - docutils node naming
    """Placeholder for a listing; ``spec`` says what it shows.  Never written as is."""


@dataclass(frozen=True)
class ListingSpec:
    """What a listing shows; plain data, stored in the domain to compute digests."""

    kind: str = "talks"
    when: str = "all"
    year: int | None = None
    series: str | None = None
    speaker: str | None = None
    tag: str | None = None
    sort: str = "-date"
    limit: int | None = None
    format: str = "list"
    talk: str | None = None
    """For ``nav``: the talk whose neighbours are shown."""


def today(env: BuildEnvironment) -> dt.date:
    """``seminar_today`` when set (for reproducible builds), else the build date."""
    return get_config(env).today_date()


def talk_day(entry: TalkEntry) -> dt.date | None:
    return dt.date.fromisoformat(entry.start[:10]) if entry.start else None


def select(domain: SeminarDomain, spec: ListingSpec, on: dt.date) -> list[TalkEntry]:
    """The talks a listing shows, in its order."""
    talks = domain.talks()
    if spec.when != "all":
        upcoming = spec.when == "upcoming"
        talks = [t for t in talks if (d := talk_day(t)) is not None and (d >= on) == upcoming]
    if spec.year is not None:
        talks = [t for t in talks if t.year == str(spec.year)]
    if spec.series:
        talks = [t for t in talks if t.series and series_key(t.series) == spec.series]
    if spec.speaker:
        talks = [t for t in talks if any(s.key == spec.speaker for s in t.speakers)]
    if spec.tag:
        talks = [t for t in talks if any(fold(tag) == spec.tag for tag in t.tags)]
    if spec.sort == "title":
        talks.sort(key=lambda t: fold(t.title))
    elif spec.sort == "date":
        talks.sort(key=lambda t: (t.start or "9999", t.id))
    return talks[: spec.limit] if spec.limit is not None else talks


def listing_placeholder(
    directive: SphinxDirective, spec: ListingSpec, classes: list[str] | None = None
) -> nodes.Element:
    """The node a listing directive leaves in the doctree; the page is noted as showing
    other pages' talks."""
    node = seminar_listing(spec=asdict(spec), classes=list(classes or []))
    directive.set_source_info(node)
    domain_of(directive.env).note_listing(directive.env.docname, asdict(spec))
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
        return [self._placeholder(spec)]

    def _placeholder(self, spec: ListingSpec) -> nodes.Element:
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
        return [self._placeholder(ListingSpec(kind="archive"))]


class SeminarSpeakersDirective(SeminarListDirective):
    """``.. seminar-speakers::``: every speaker, with affiliation history and talks.

    Speaker links (``:seminar:speaker:``) point here when a site has such a page."""

    option_spec: ClassVar[dict[str, Callable[[str], Any]]] = {"class": directives.class_option}

    def run(self) -> list[nodes.Node]:
        return [self._placeholder(ListingSpec(kind="speakers"))]


# -- filling the placeholders when a page is written ---------------------------------------


def _link(
    builder: Builder, fromdocname: str, docname: str, anchor: str, text: str, css: str
) -> nodes.Node:
    """A link to a talk or speaker; its text alone where the builder has no address for
    it (a talk page outside the one document of latex, texinfo or man)."""
    content = nodes.inline(text, text, classes=[css])
    try:
        return make_refnode(builder, fromdocname, docname, anchor, content, text)
    except NoUri:
        return content


def _when(entry: TalkEntry) -> nodes.Node:
    text = entry.start[:10] if entry.start else "date to be announced"
    moment = seminar_time(text, text, datetime=entry.start or "", classes=["seminar-date"])
    # for the page script: upcoming/live/past, local time, and the series for its filter
    moment["data-start"] = entry.start
    moment["data-end"] = entry.end
    moment["data-series"] = entry.series
    return moment


def _selection(spec: ListingSpec) -> str:
    """The listing's filters as text (``year=2025&series=...``); empty when it has none."""
    filters = {"year": spec.year, "series": spec.series, "speaker": spec.speaker, "tag": spec.tag}
    return "&".join(f"{name}={value}" for name, value in filters.items() if value)


def _listing_box(spec: ListingSpec) -> nodes.Element:
    """The listing's container; its data attributes tell the page script what it shows."""
    box = seminar_box(classes=["seminar-list", f"seminar-list-{spec.format}"])
    box["data-when"] = spec.when
    box["data-format"] = spec.format
    box["data-sort"] = spec.sort
    box["data-limit"] = str(spec.limit or "")
    box["data-selection"] = _selection(spec)
    return box


def _speaker_links(
    entry: TalkEntry, speakers: dict[str, SpeakerTarget], builder: Builder, fromdocname: str
) -> list[nodes.Node]:
    out: list[nodes.Node] = []
    for index, ref in enumerate(entry.speakers):
        if index:
            out.append(nodes.Text(", "))
        target = speakers[ref.key]
        link = _link(
            builder, fromdocname, target.docname, target.anchor, ref.name, "seminar-speaker-link"
        )
        out.append(link)
    return out


def _row_cells(
    entry: TalkEntry, speakers: dict[str, SpeakerTarget], builder: Builder, fromdocname: str
) -> list[list[nodes.Node]]:
    title = _link(builder, fromdocname, entry.docname, entry.anchor, entry.title, "seminar-title")
    return [[_when(entry)], [title], _speaker_links(entry, speakers, builder, fromdocname)]


def render_talks(
    talks: list[TalkEntry],
    spec: ListingSpec,
    domain: SeminarDomain,
    builder: Builder,
    fromdocname: str,
) -> nodes.Element:
    speakers = domain.speakers()
    container = _listing_box(spec)
    if spec.series:
        container["ids"].append(series_anchor(spec.series))
    if not talks:
        container += nodes.paragraph("No talks.", "No talks.", classes=["seminar-empty"])
        return container
    if spec.format == "table":
        container += _table(talks, speakers, builder, fromdocname)
    elif spec.format == "cards":
        container["role"] = "list"
        for entry in talks:
            card = seminar_box(classes=["seminar-card"], role="listitem")
            when, title, people = _row_cells(entry, speakers, builder, fromdocname)
            card += nodes.paragraph("", "", *title, classes=["seminar-card-title"])
            card += nodes.paragraph("", "", *when, classes=["seminar-card-when"])
            if people:
                card += nodes.paragraph("", "", *people, classes=["seminar-card-speakers"])
            if entry.venue:
                card += nodes.paragraph(entry.venue, entry.venue, classes=["seminar-card-venue"])
            container += card
    else:
        container += _talk_items(talks, speakers, builder, fromdocname)
    return container


def _talk_items(
    talks: list[TalkEntry], speakers: dict[str, SpeakerTarget], builder: Builder, fromdocname: str
) -> nodes.bullet_list:
    """One list item per talk: date — title — speakers."""
    items = nodes.bullet_list(classes=["seminar-items"])
    for entry in talks:
        when, title, people = _row_cells(entry, speakers, builder, fromdocname)
        paragraph = nodes.paragraph("", "", *when, nodes.Text(" — "), *title)
        if people:
            paragraph += [nodes.Text(" — "), *people]
        items += nodes.list_item("", paragraph)
    return items


def _table(
    talks: list[TalkEntry], speakers: dict[str, SpeakerTarget], builder: Builder, fromdocname: str
) -> nodes.table:
    table = nodes.table(classes=["seminar-table"])
    group = nodes.tgroup(cols=3)
    table += group
    for width in (15, 55, 30):
        group += nodes.colspec(colwidth=width)
    head = nodes.thead()
    group += head
    head += nodes.row(
        "", *(nodes.entry("", nodes.paragraph(h, h)) for h in ("Date", "Talk", "Speakers"))
    )
    body = nodes.tbody()
    group += body
    for entry in talks:
        cells = _row_cells(entry, speakers, builder, fromdocname)
        body += nodes.row("", *(nodes.entry("", nodes.paragraph("", "", *cell)) for cell in cells))
    return table


def render_speakers(domain: SeminarDomain, builder: Builder, fromdocname: str) -> nodes.Element:
    container = nodes.container(classes=["seminar-speakers"])
    speakers = sorted(domain.speakers().values(), key=lambda s: _surname_key(s.key))
    for speaker in speakers:
        block = nodes.container(ids=[speaker.anchor] if speaker.docname == fromdocname else [])
        block["classes"].append("seminar-speaker-entry")
        block += nodes.rubric(speaker.name, speaker.name)
        history = _affiliation_history(speaker)
        if history:
            block += nodes.paragraph(history, history, classes=["seminar-affiliations"])
        items = nodes.bullet_list()
        for entry in speaker.talks:
            title = _link(
                builder, fromdocname, entry.docname, entry.anchor, entry.title, "seminar-title"
            )
            items += nodes.list_item(
                "", nodes.paragraph("", "", _when(entry), nodes.Text(" — "), title)
            )
        block += items
        container += block
    return container


def _surname_key(key: str) -> tuple[str, str]:
    words = key.split()
    return (words[-1] if words else "", key)


def _affiliation_history(speaker: SpeakerTarget) -> str:
    """``"2021: Univ A; 2024: Univ B"`` (oldest first), or one affiliation when unchanged."""
    seen: list[tuple[str, str]] = []
    for entry in reversed(speaker.talks):
        for ref in entry.speakers:
            new = not seen or seen[-1][1] != ref.affiliation
            if ref.key == speaker.key and ref.affiliation and new:
                seen.append((entry.year, ref.affiliation))
    if len(seen) <= 1:
        return seen[0][1] if seen else ""
    return "; ".join(
        f"{year}: {affiliation}" if year else affiliation for year, affiliation in seen
    )


#: Builders that put the whole project into one document: the archive holds the talks.
ONE_DOCUMENT_BUILDERS = frozenset({"latex", "texinfo", "man", "singlehtml", "rinoh"})


def _year_of(entry: TalkEntry) -> str:
    return entry.year or "Date to be announced"


def render_archive(domain: SeminarDomain, builder: Builder, fromdocname: str) -> nodes.Element:
    """Every talk by year, newest first, with a bar of years to jump to."""
    container = nodes.container(classes=["seminar-archive"])
    years: dict[str, list[TalkEntry]] = {}
    for entry in domain.talks():
        years.setdefault(_year_of(entry), []).append(entry)
    if not years:
        container += nodes.paragraph("No talks.", "No talks.", classes=["seminar-empty"])
        return container
    jump = nodes.paragraph(classes=["seminar-archive-years"])
    for index, year in enumerate(years):
        if index:
            jump += nodes.Text(" · ")
        jump += nodes.reference(year, year, refid=year_anchor(year), internal=True)
    container += jump
    speakers = domain.speakers()
    for year, talks in years.items():
        container += nodes.rubric(year, year, ids=[year_anchor(year)], classes=["seminar-year"])
        container += _talk_items(talks, speakers, builder, fromdocname)
    return container


def archive_talk_sections(app: Sphinx, domain: SeminarDomain) -> list[nodes.Node]:
    """For one-document builders: the talks' own sections, by year, newest first."""
    years: list[nodes.Node] = []
    current: nodes.section | None = None
    for entry in domain.talks():
        year = _year_of(entry)
        if current is None or current["names"] != [year]:
            current = nodes.section(ids=[year_anchor(year)], names=[year])
            current += nodes.title(year, year)
            years.append(current)
        tree = app.env.get_doctree(entry.docname)
        app.env.resolve_references(tree, entry.docname, app.builder)
        current.extend(
            section.deepcopy()
            for section in tree.findall(nodes.section)
            if entry.anchor in section["ids"]
        )
        if hasattr(app.builder, "docnames"):
            app.builder.docnames.add(entry.docname)
    return years


def render_nav(
    domain: SeminarDomain, talk_id: str, builder: Builder, fromdocname: str
) -> nodes.Element:
    """Links to the previous and next talk in time and back to the archive."""
    before, after = domain.view().neighbours(talk_id)
    nav = nodes.container(classes=["seminar-nav"])
    paragraph = nodes.paragraph()
    if before is not None:
        paragraph += nodes.Text("← ")
        paragraph += _link(
            builder, fromdocname, before.docname, before.anchor, before.title, "seminar-prev"
        )
    archive = min(domain.data["archive_pages"], default=None)
    if archive is not None:
        if before is not None:
            paragraph += nodes.Text(" · ")
        paragraph += _link(builder, fromdocname, archive, "", "All talks", "seminar-archive-link")
    if after is not None:
        if before is not None or archive is not None:
            paragraph += nodes.Text(" · ")
        paragraph += _link(
            builder, fromdocname, after.docname, after.anchor, after.title, "seminar-next"
        )
        paragraph += nodes.Text(" →")
    nav += paragraph
    return nav


def fill_listings(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved``: replace each placeholder with the listing it stands for."""
    domain = domain_of(app.env)
    on = today(app.env)
    one_document = app.builder.name in ONE_DOCUMENT_BUILDERS
    for node in list(doctree.findall(seminar_listing)):
        spec = ListingSpec(**node["spec"])
        if spec.kind == "nav":
            if one_document or spec.talk is None:
                node.parent.remove(node)
                continue
            content = render_nav(domain, spec.talk, app.builder, docname)
        elif spec.kind == "archive" and one_document:
            node.replace_self(archive_talk_sections(app, domain))
            continue
        elif spec.kind == "archive":
            content = render_archive(domain, app.builder, docname)
        elif spec.kind == "speakers":
            content = render_speakers(domain, app.builder, docname)
        else:
            content = render_talks(select(domain, spec, on), spec, domain, app.builder, docname)
        content["classes"].extend(node["classes"])
        node.replace_self(content)


def page_digest(
    domain: SeminarDomain,
    docname: str,
    specs: list[dict[str, Any]],
    xrefs: list[tuple[str, str]],
    on: dt.date,
) -> str:
    """A digest of everything one page shows that depends on other pages: its listings, its
    links, and whether its talks are the talks their ids stand for (a talk whose id another
    file took first has no calendar and no JSON-LD)."""
    digest = hashlib.sha256()
    own = [(e.id, e.anchor) for e in domain.talks_by_doc.get(docname, [])]
    digest.update(repr([(i, a, domain.talk_at(docname, a) is not None) for i, a in own]).encode())
    speakers = domain.speakers()
    for raw in specs:
        spec = ListingSpec(**raw)
        if spec.kind == "speakers":
            shown: object = sorted(speakers.items())
        elif spec.kind == "nav":
            archive = min(domain.data["archive_pages"], default=None)
            shown = (domain.view().neighbours(spec.talk or ""), archive)
        elif spec.kind == "archive":
            shown = [(t, [speakers[s.key][:4] for s in t.speakers]) for t in domain.talks()]
        else:
            shown = [
                (talk, [speakers[s.key][:4] for s in talk.speakers])
                for talk in select(domain, spec, on)
            ]
        digest.update(repr((raw, shown)).encode())
    for typ, target in xrefs:
        digest.update(repr((typ, target, domain.find(typ, target))).encode())
    return digest.hexdigest()


def _written_digests_path(app: Sphinx) -> Path:
    """Where the digests of the pages last written by this builder are kept."""
    return Path(app.doctreedir) / f"sphinx-seminars-pages-{app.builder.name}.json"


def _written_digests(app: Sphinx) -> dict[str, str]:
    try:
        saved = json.loads(_written_digests_path(app).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return saved if isinstance(saved, dict) else {}


def outdated_pages(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """``env-updated``: pages whose listings or seminar links now show something else than
    when they were last written are written again, though they were not read again.

    What was written is recorded only once the pages are (:func:`commit_digests`): a build
    stopped while writing leaves the old record, so the next build writes them again."""
    domain = domain_of(env)
    on = today(env)
    written = _written_digests(app)
    watched = set(domain.data["listings"]) | set(domain.data["xrefs"]) | set(domain.talks_by_doc)
    digests = {}
    for docname in sorted(watched):
        specs = domain.data["listings"].get(docname, [])
        xrefs = domain.data["xrefs"].get(docname, [])
        digests[docname] = page_digest(domain, docname, specs, xrefs, on)
    domain.data["digests"] = digests
    return [docname for docname, digest in digests.items() if written.get(docname) != digest]


def commit_digests(app: Sphinx, exception: BaseException | None) -> None:
    """``build-finished``: the pages are written; record what their listings show."""
    if exception is None:
        digests = domain_of(app.env).data["digests"]
        path = _written_digests_path(app)
        text = json.dumps(digests, sort_keys=True)
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")


def setup_listings(app: Sphinx) -> None:
    app.add_node(seminar_listing)
    app.add_directive("seminar-list", SeminarListDirective)
    app.add_directive("seminar-speakers", SeminarSpeakersDirective)
    app.add_directive("seminar-archive", SeminarArchiveDirective)
    app.connect("doctree-resolved", fill_listings)
    app.connect("env-updated", outdated_pages)
    app.connect("build-finished", commit_digests)
