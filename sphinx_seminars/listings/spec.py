"""What a listing shows: the plain, picklable description the domain keeps for each page."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

WHEN = ("all", "upcoming", "past")
SORTS = ("date", "-date", "title")
FORMATS = ("list", "table", "cards")


@dataclass(frozen=True)
class ListingSpec:
    """What a listing shows.  ``kind`` is ``talks`` (``seminar-list``), ``archive``,
    ``speakers``, ``next`` (``seminar-next``) or ``nav`` (the previous and next talk of a
    talk page)."""

    kind: str = "talks"
    when: str = "all"
    year: int | None = None
    series: str | None = None
    """The series' key (folded name)."""
    speaker: str | None = None
    """The speaker's key."""
    tag: str | None = None
    """The tag, folded."""
    sort: str = "-date"
    limit: int | None = None
    format: str = "list"
    talk: str | None = None
    """For ``nav``: the talk whose neighbours are shown."""

    def as_attributes(self) -> dict[str, Any]:
        """The spec as node attributes (plain values)."""
        return asdict(self)

    def selection(self) -> str:
        """The filters as text (``year=2025&series=...``) for the page script; empty when
        the listing has none."""
        filters = {"year": self.year, "series": self.series, "speaker": self.speaker}
        filters["tag"] = self.tag
        return "&".join(f"{name}={value}" for name, value in filters.items() if value)
