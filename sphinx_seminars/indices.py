"""The domain's index pages: ``seminar-index`` (talks by year) and ``seminar-speakers``."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, cast

from sphinx.domains import Index, IndexEntry

from .ids import talk_speaker_anchor
from .listings.rows import year_label

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from .domain import SeminarDomain
    from .records import SpeakerTarget, TalkRecord


def _domain(index: Index) -> SeminarDomain:
    return cast("SeminarDomain", index.domain)


def speaker_target(
    speaker: SpeakerTarget, talks: list[TalkRecord], wanted: set[str] | None
) -> tuple[str, str]:
    """Where a speaker's entry points: their entry on the speakers page, or, when that page
    is not among the documents ``wanted`` (a PDF whose toctree leaves it out), their line in
    the first of ``talks`` (talks that are)."""
    if wanted is None or speaker.docname in wanted or not talks:
        return speaker.docname, speaker.anchor
    talk = talks[0]
    number = next(i for i, ref in enumerate(talk.speakers, start=1) if ref.key == speaker.key)
    return talk.docname, talk_speaker_anchor(talk.id, number)


class SeminarIndex(Index):
    """Every talk grouped by year, newest first, with its speakers below it."""

    name = "index"
    localname = "Seminar Index"
    shortname = "seminars"

    def generate(
        self, docnames: Iterable[str] | None = None
    ) -> tuple[list[tuple[str, list[IndexEntry]]], bool]:
        domain = _domain(self)
        wanted = set(docnames) if docnames is not None else None
        speakers = domain.speakers()
        years: dict[str, list[IndexEntry]] = {}
        for talk in domain.talks():
            if wanted is not None and talk.docname not in wanted:
                continue
            entries = years.setdefault(year_label(talk), [])
            date = talk.day.isoformat() if talk.day else ""
            subtype = 1 if talk.speakers else 0  # its speakers follow as sub-entries
            entries.append(IndexEntry(talk.title, subtype, talk.docname, talk.anchor, date, "", ""))
            for ref in talk.speakers:
                docname, anchor = speaker_target(speakers[ref.key], [talk], wanted)
                entries.append(
                    IndexEntry(ref.name, 2, docname, anchor, ref.affiliation or "", "", "")
                )
        ordered = sorted(
            years.items(), key=lambda item: (item[0][:1].isdigit(), item[0]), reverse=True
        )
        return ordered, False


class SpeakersIndex(Index):
    """Every speaker alphabetically by surname, with their talks below."""

    name = "speakers"
    localname = "Speakers"
    shortname = "speakers"

    def generate(
        self, docnames: Iterable[str] | None = None
    ) -> tuple[list[tuple[str, list[IndexEntry]]], bool]:
        domain = _domain(self)
        wanted = set(docnames) if docnames is not None else None
        letters: dict[str, list[IndexEntry]] = {}
        people = sorted(domain.speakers().values(), key=lambda s: (s.key.split()[-1:], s.key))
        for speaker in people:
            talks = [t for t in speaker.talks if wanted is None or t.docname in wanted]
            if not talks:
                continue
            surname = speaker.key.split()[-1] if speaker.key.split() else speaker.key
            latest = next(
                (
                    r.affiliation
                    for r in talks[0].speakers
                    if r.key == speaker.key and r.affiliation
                ),
                "",
            )
            entries = letters.setdefault(surname[:1].upper() or "?", [])
            docname, anchor = speaker_target(speaker, talks, wanted)
            entries.append(IndexEntry(speaker.name, 1, docname, anchor, latest or "", "", ""))
            for talk in talks:
                date = talk.day.isoformat() if talk.day else ""
                entries.append(IndexEntry(talk.title, 2, talk.docname, talk.anchor, date, "", ""))
        return sorted(letters.items()), False


def remove_empty_index_pages(app: Sphinx, exception: BaseException | None) -> None:
    """``build-finished``: Sphinx writes an index page only when the index has entries; the
    page an earlier build wrote for an index that is empty now (every speaker gone) is
    removed, so it does not show what is no longer there."""
    if exception is not None or not hasattr(app.builder, "get_outfilename"):
        return
    written = {entry[0] for entry in getattr(app.builder, "domain_indices", [])}
    for index in (SeminarIndex, SpeakersIndex):
        pagename = f"seminar-{index.name}"
        if pagename not in written:
            Path(app.builder.get_outfilename(pagename)).unlink(missing_ok=True)


def setup_indices(app: Sphinx) -> None:
    app.add_index_to_domain("seminar", SeminarIndex)
    app.add_index_to_domain("seminar", SpeakersIndex)
    app.connect("build-finished", remove_empty_index_pages)
