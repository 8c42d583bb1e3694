"""Ids of talks, speakers and series, and the anchors and file names made from them.

One rule for all of them: :func:`safe_id` maps any text to an HTML id that is also a safe
file name.  It is *injective* (two different texts never give the same id: a text that is
not already a plain lower-case id gets a hash of itself appended, after ``--``, which a
plain id never contains) and *bounded* (at most :data:`MAX_ID` characters, whatever the
length of the text).

A talk is known by its id without case (:func:`talk_key`): ``Foo`` and ``foo`` are the same
talk (a second file giving it is a duplicate), as they would be on a file system that
ignores case.  Pure Python: the reader and the command line use it too.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Mapping

from .reader.permalinks import split_permalink

#: The longest id made (characters): short enough for any file system's names.
MAX_ID = 80
#: How much of a slug is kept before the hash when the text is not a plain id.
_SLUG_PART = MAX_ID - 2 - 12 - 8
_PLAIN_ID = re.compile(r"[a-z0-9]+(?:[._-][a-z0-9]+)*")
_NOT_WORD = re.compile(r"[^a-z0-9]+")


def slug(text: str, limit: int = _SLUG_PART) -> str:
    """Lower-case ASCII words joined by ``-``, accents dropped: ``"Ström, L."`` ->
    ``"strom-l"``; at most ``limit`` characters, never ending in ``-``; may be empty."""
    decomposed = unicodedata.normalize("NFKD", text)
    ascii_text = decomposed.encode("ascii", "ignore").decode().lower()
    return _NOT_WORD.sub("-", ascii_text).strip("-")[:limit].rstrip("-")


def is_plain_id(text: str) -> bool:
    """Whether a text is already an id: lower-case letters and digits, single ``-``, ``_``
    or ``.`` between them, at most :data:`MAX_ID` characters."""
    return len(text) <= MAX_ID and _PLAIN_ID.fullmatch(text) is not None


def safe_id(text: str, *, prefix: str = "") -> str:
    """The id of a text: the text itself when it is a plain id, else its slug and a hash of
    the whole text (``"Foo Bar"`` -> ``"foo-bar--5f1c..."``).  ``prefix`` (``"speaker-"``)
    is put before it."""
    if is_plain_id(text):
        return prefix + text
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:12]
    return f"{prefix}{slug(text) or 'id'}--{digest}"


def talk_key(talk_id: str) -> str:
    """What makes two talk ids the same talk: the id without case."""
    return talk_id.casefold()


def talk_anchor(talk_id: str) -> str:
    """The HTML id of a talk's section and the stem of its file names (``_ics/<anchor>.ics``):
    one per :func:`talk_key`, and no two keys share one."""
    return safe_id(talk_key(talk_id))


def reference_anchor(talk_id: str, number: int) -> str:
    """The HTML id of a talk's ``number``-th reference."""
    return f"{talk_anchor(talk_id)}-ref-{number}"


def talk_speaker_anchor(talk_id: str, number: int) -> str:
    """The HTML id of the ``number``-th speaker (from 1) in a talk's section."""
    return f"{talk_anchor(talk_id)}-speaker-{number}"


def speaker_anchor(key: str) -> str:
    """The HTML id of a speaker (by their key, see :func:`speaker_key`): keys are folded
    words joined by single spaces, which become ``-``, so this too is injective."""
    return safe_id(key.replace(" ", "-"), prefix="speaker-")


def series_anchor(key: str) -> str:
    """The HTML id of a series (by its key, see :func:`series_key`)."""
    return safe_id(key.replace(" ", "-"), prefix="series-")


def subscription_path(kind: str, key: str) -> str:
    """Where the calendar of a series, speaker or tag is (``kind`` is ``series``,
    ``speaker`` or ``tag``; ``key`` its key), relative to the site root."""
    return f"_ics/{kind}/{safe_id(key.replace(' ', '-'))}.ics"


def year_anchor(year: str) -> str:
    """The HTML id of a year in the archive (``"2025"``, ``"Date to be announced"``)."""
    return safe_id(slug(year), prefix="year-")


def talk_calendar_path(talk_id: str) -> str:
    """Where a talk's own calendar is, relative to the site root."""
    return f"_ics/{talk_anchor(talk_id)}.ics"


#: Bounds of a permalink's file path: a name the file systems take, a depth they walk.
MAX_NAME_BYTES = 200
MAX_PATH_BYTES = 1000
MAX_DEPTH = 32
_UNUSABLE_IN_PATHS = re.compile(r"[\x00-\x1f\x7f\\]")


def permalink_paths(permalink: str) -> tuple[list[str], str | None]:
    """The files that serve a permalink (relative to the site root) and, when it cannot be
    served, why: ``/seminar/x`` is served by ``seminar/x.html`` and ``seminar/x/index.html``
    (so that both old addresses work), ``/seminar/x.html`` by itself; ``%``-escapes are
    decoded (``/caf%C3%A9`` is served by ``café.html``)."""
    if _UNUSABLE_IN_PATHS.search(permalink):  # before parsing: urlsplit drops tabs, newlines
        return [], "it holds a backslash or a control character"
    decoded, _, unusable = split_permalink(permalink)
    if unusable:
        return [], unusable
    parts = [part for part in decoded.split("/") if part and part != "."]
    if not parts:
        return [], "it names the site root"
    if ".." in parts:
        return [], "it goes up a folder ('..')"
    if _UNUSABLE_IN_PATHS.search(decoded):  # "%5C", "%00"
        return [], "it holds a backslash or a control character"
    if len(parts) > MAX_DEPTH or any(len(p.encode()) > MAX_NAME_BYTES for p in parts):
        return [], f"it is too long to be a file name (a part over {MAX_NAME_BYTES} bytes)"
    path = "/".join(parts)
    if len(path.encode()) > MAX_PATH_BYTES:
        return [], f"it is too long to be a file path (over {MAX_PATH_BYTES} bytes)"
    if path.endswith((".html", ".htm")):
        return [path], None
    return [f"{path}.html", f"{path}/index.html"], None


def fold(text: str) -> str:
    """Lower-case words without accents or punctuation: ``"Ström, L."`` -> ``"strom l"``;
    letters of every script are kept (``"Дмитрий"`` stays itself, lower-cased)."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return " ".join(re.findall(r"\w+", plain))


def _without_honorific(name: str) -> str:
    from .reader.speakers import split_honorific  # noqa: PLC0415 - the reader loads lazily

    return split_honorific(name)[1]


def speaker_key(name: str, aliases: Mapping[str, str] | None = None) -> str:
    """The key of a speaker: honorific, case, accents and spacing ignored.

    ``aliases`` maps folded names to the key they stand for (see :func:`alias_table`), so
    that "Keith Butler" and "Dr. Keith T. Butler" can be one person.
    """
    key = fold(_without_honorific(name))
    if aliases:
        return aliases.get(key, key)
    return key


def alias_table(aliases: Mapping[str, str]) -> dict[str, str]:
    """``{"Keith Butler": "Keith T. Butler"}`` (alias -> canonical name) as folded keys."""
    return {
        fold(_without_honorific(alias)): fold(_without_honorific(canonical))
        for alias, canonical in aliases.items()
    }


def series_key(series: str) -> str:
    """The key of a series: case, accents and punctuation ignored."""
    return fold(series)
