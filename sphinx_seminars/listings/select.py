"""Which talks a listing shows, in its order."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from ..ids import fold, series_key
from ..records import TalkRecord, chronological_key

if TYPE_CHECKING:
    from ..domain import SeminarDomain
    from .spec import ListingSpec


def select(domain: SeminarDomain, spec: ListingSpec, today: dt.date) -> list[TalkRecord]:
    """The talks of ``spec``: filtered by time (``today`` counts as upcoming), year, series,
    speaker and tag, sorted and cut to the limit."""
    talks = domain.talks()
    if spec.when != "all":
        upcoming = spec.when == "upcoming"
        talks = [t for t in talks if (d := t.day) is not None and (d >= today) == upcoming]
    if spec.year is not None:
        talks = [t for t in talks if t.year == spec.year]
    if spec.series:
        talks = [t for t in talks if t.talk.series and series_key(t.talk.series) == spec.series]
    if spec.speaker:
        talks = [t for t in talks if any(s.key == spec.speaker for s in t.speakers)]
    if spec.tag:
        talks = [t for t in talks if any(fold(tag) == spec.tag for tag in t.talk.tags)]
    if spec.sort == "title":
        talks = sorted(talks, key=lambda t: fold(t.title))
    elif spec.sort == "date":
        talks = sorted(talks, key=lambda t: (chronological_key(t.start), t.id))
    return talks[: spec.limit] if spec.limit is not None else talks
