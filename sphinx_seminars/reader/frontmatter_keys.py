"""The front-matter keys the reader knows, grouped by what they give, and the check of the rest."""

from __future__ import annotations

import difflib
import functools
from collections.abc import Callable, Mapping

from ..model import Problem
from ..problems import Code

#: Front-matter keys the reader uses, grouped by what they give.
KEYS: dict[str, tuple[str, ...]] = {
    "title": ("title",),
    "talk_title": ("talk_title", "seminar_title", "lecture_title", "talk", "seminar"),
    "id": ("id", "slug"),
    "permalink": ("permalink", "url"),
    "kind": ("kind", "event_type", "type", "category"),
    "status": ("status", "event_status"),
    "rescheduled_to": ("rescheduled_to", "moved_to", "new_date"),
    "image": ("image", "featured_image", "thumbnail", "header"),
    "speaker_photo": ("speaker_photo", "photo", "speaker_image", "avatar"),
    "speakers": (
        "speakers", "speaker", "authors", "author", "presenters", "presenter", "speaker_name",
        "instructor", "instructors", "lecturer", "candidate", "seminarist",
    ),
    "speaker_fields": (
        "affiliation", "position", "honorific", "speaker_id", "institution", "organization",
        "organisation", "speaker_affiliation",
    ),
    "roles": (
        "host", "hosts", "chair", "chairs", "moderator", "organizer", "organizers", "organiser",
        "organisers", "advisor", "advisors", "supervisor", "supervisors", "examiner",
        "examiners", "convener", "conveners",
    ),
    "start": (
        "event_start", "time_start", "start", "datetime", "date_time", "start_date", "event_date",
        "date_to_display", "date",
    ),
    "time": ("time", "start_time", "startTime"),
    "end": ("event_end", "time_end", "date_end", "end"),
    "end_time": ("end_time", "endTime"),
    "timezone": ("timezone", "time_zone", "tz"),
    "venue": ("venue", "location", "where", "room", "place", "address", "loc"),
    "online_url": (
        "online_url", "zoom", "zoom_link", "zoom_url", "meeting_url", "meeting_link", "meeting",
        "online", "online_link", "hybrid", "teams", "teams_link", "webex", "webex_link",
        "meet_link", "join_url", "join_link", "webinar_link", "virtual_link", "stream",
        "stream_url", "livestream", "livestream_url",
    ),
    "abstract": ("abstract", "abstract_short", "description"),
    "summary": ("summary", "excerpt"),
    "bio": ("bio", "biography", "speaker_bio"),
    "series": ("series", "event_name", "event"),
    "tags": ("tags", "keywords", "categories"),
    "links": ("links",),
}  # fmt: skip
#: Tables whose keys count as top-level ones: Zola's ``[extra]``, Hugo's ``[params]``.
NESTED_TABLES = ("extra", "params")
#: Link keys of the common formats, and the name each link is shown under.
LINK_KEYS = {
    "slides": "slides",
    "slidesurl": "slides",
    "url_slides": "slides",
    "video": "video",
    "videourl": "video",
    "url_video": "video",
    "recording": "video",
    "youtube": "video",
    "url_pdf": "pdf",
    "url_code": "code",
    "url_poster": "poster",
    "url_project": "project",
    "url_source": "source",
    "url_dataset": "dataset",
    "talkurl": "talk",
    "event_url": "event",
    "paperurl": "paper",
    "speakerdeck": "slides",
}
#: Keys of the common formats that carry nothing for a talk page; accepted silently: those
#: documented by HugoBlox/Wowchemy/Hugo Academic, academicpages, Jekyll (and Minimal
#: Mistakes), Hugo and Zola.
IGNORED_KEYS = frozenset(
    (
        # Hugo and HugoBlox / Wowchemy / Hugo Academic
        "subtitle", "aliases", "outputs", "selected", "profile", "featured", "projects",
        "images", "all_day", "event_all_day", "publishDate", "publishdate",
        "lastmod", "expiryDate", "draft", "weight", "math", "diagram", "linkTitle",
        "headless", "cascade", "menu", "menus", "markup", "resources", "build", "sitemap",
        "translationKey", "isCJKLanguage", "audio", "videos", "show_date", "reading_time",
        "share", "commentable", "editable", "toc", "pager", "show_related",
        "url_preprint", "url_custom", "publication", "publication_short", "sections",
        "organizer_url", "author_url", "author_notes",
        # Jekyll, Minimal Mistakes, academicpages
        "collection", "layout", "last_modified_at", "date_modified", "published",
        "excerpt_separator", "author_profile", "toc_label", "toc_icon",
        "toc_sticky", "sidebar", "comments", "related", "classes", "read_time",
        "redirect_from", "redirect_to", "search", "hidden", "citation",
        # Zola
        "updated", "path", "template", "in_search_index", "taxonomies", "render",
        "extra", "params",
    )
)  # fmt: skip
KNOWN_KEYS = frozenset(
    {key for keys in KEYS.values() for key in keys} | set(LINK_KEYS) | IGNORED_KEYS
)
_KNOWN_SORTED = sorted(KNOWN_KEYS)
#: The longest text read for a group of keys (characters); what is longer is cut, because
#: no honest value is that long and the field parsers need not be fast on megabytes.
TEXT_LIMITS: dict[str, int] = {
    "title": 500,
    "talk_title": 500,
    "kind": 200,
    "status": 100,
    "rescheduled_to": 500,
    "id": 200,
    "permalink": 500,
    "speakers": 4000,
    "speaker_fields": 1000,
    "roles": 4000,
    "start": 200,
    "time": 200,
    "end": 200,
    "end_time": 200,
    "timezone": 100,
    "venue": 1000,
    "online_url": 2000,
    "series": 500,
    "tags": 200,
    "links": 2000,
}


_GROUP_OF = {key: group for group, keys in reversed(KEYS.items()) for key in keys} | dict.fromkeys(
    LINK_KEYS, "links"
)


def group_of(key: str) -> str | None:
    """The group a key belongs to (``"speaker"`` -> ``"speakers"``), or None."""
    return _GROUP_OF.get(key)


@functools.lru_cache(maxsize=1024)  # an archive misspells the same keys again and again
def _closest_key(key: str) -> str | None:
    """The known key nearest to an unknown one, if one is near."""
    close = difflib.get_close_matches(key, _KNOWN_SORTED, n=1, cutoff=0.75)
    return close[0] if close else None


def unknown_keys(data: Mapping[str, object], line_of: Callable[[str], int]) -> list[Problem]:
    """An ``unknown-key`` warning for each key the reader does not know, with a suggestion."""
    problems = []
    for key in data:
        if key in KNOWN_KEYS:
            continue
        close = _closest_key(key[:100])
        hint = f"; did you mean '{close}'?" if close else ""
        shown = key if len(key) <= 60 else key[:59] + "…"
        message = f"unknown front-matter key '{shown}'{hint}"
        problems.append(Problem(line_of(key), Code.UNKNOWN_KEY, message))
    return problems
