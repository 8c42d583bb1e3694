"""Read when a talk happens: dates, times and time zones as people write them in talk files.

Two entry points: :func:`parse_when` reads the free text of a "When" section, and
:func:`when_from_fields` reads front-matter values (YAML or TOML, of any type).  Both return
a :class:`When` and never raise: what cannot be read becomes a problem at the line of the
date, the time or the zone it concerns.  Offsets come from :mod:`zoneinfo` for the talk's own
date, so daylight saving is right.

The modules: :mod:`.tables` (the words, as data), :mod:`.words` (month and weekday names),
:mod:`.dates` and :mod:`.times` (the grammars), :mod:`.zones` (zone names and resolution),
:mod:`.zone_text` (zones in free text), :mod:`.reading` (one text read), :mod:`.assemble`
(a When from a reading), :mod:`.free_text` and :mod:`.fields` (the entry points).
"""

from __future__ import annotations

from .assemble import When
from .dates import parse_title_date
from .fields import time_without_date, when_from_fields
from .free_text import first_dates, mentions_a_moment, parse_when, resolve_timezone
from .report import WhenLines

__all__ = [
    "When",
    "WhenLines",
    "first_dates",
    "mentions_a_moment",
    "parse_title_date",
    "parse_when",
    "resolve_timezone",
    "time_without_date",
    "when_from_fields",
]
