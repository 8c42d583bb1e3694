"""Which talks make up the calendars people subscribe to besides the site's: one per series
(on by default), per speaker and per tag (``seminar_subscriptions``)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TypeVar

from ..ids import fold, series_key
from .common import SiteTalk

SUBSCRIPTION_KINDS = ("series", "speaker", "tag")
Item = TypeVar("Item")


def subscriptions(
    kinds: list[str], talks: list[tuple[SiteTalk, Item]]
) -> Iterator[tuple[str, str, str, list[tuple[SiteTalk, Item]]]]:
    """``(kind, name, key, talks)`` of each calendar to write: the talks (with what goes
    with them) of each series, speaker or tag of the kinds asked for."""
    for kind in SUBSCRIPTION_KINDS:
        if kind not in kinds:
            continue
        groups: dict[str, tuple[str, list[tuple[SiteTalk, Item]]]] = {}
        for one, item in talks:
            for key, name in _keys(kind, one):
                groups.setdefault(key, (name, []))[1].append((one, item))
        for key, (name, members) in sorted(groups.items()):
            yield kind, name, key, members


def _keys(kind: str, one: SiteTalk) -> list[tuple[str, str]]:
    """The keys (and names as first written) a talk files under for a kind."""
    talk = one.talk
    if kind == "series":
        return [(series_key(talk.series), talk.series)] if talk.series else []
    if kind == "speaker":
        return [(ref.key, ref.name) for ref in one.record.speakers]
    return [(fold(tag), tag) for tag in talk.tags]
