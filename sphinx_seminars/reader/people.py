"""The people of a talk: its speakers (front-matter keys, a "Speaker" section, or the
candidate a thesis page names in its title) and the people in other roles (advisors,
examiners, chairs, hosts, conveners, organizers), from role sections and keys."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace

from ..model import Image, Role, Speaker
from ..problems import Code
from .draft import Draft
from .images import image_of
from .kinds import kind_of_text
from .sections import ROLE_PARTS, Part
from .speakers import looks_like_person, parse_speaker_block, parse_speaker_value, split_honorific
from .teasers import is_placeholder
from .text.plain import html_to_lines, strip_html
from .title import AFTER_NAME
from .wording import is_institution

#: An author handle: a slug, never a name ("admin", "jane-doe").
_HANDLE = re.compile(r"[a-z0-9][a-z0-9._-]*")
_MARKDOWN_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_PARENTHESES = re.compile(r"\s*\([^()]*\)")
#: "Name (Institution): title" or "Name (Institution) - title".
_NAME_BEFORE_TITLE = re.compile(
    r"\s*(?P<name>[^():\u2013\u2014]{3,80}?)\s*\((?P<affiliation>[^()]{2,160})\)" + AFTER_NAME
)
_BY_PERSON = re.compile(r"\s(?:of|by)\s+(?=(?:Mr|Ms|Mrs|Miss|Dr|Prof)\b)")
_THESIS_KINDS = frozenset({"thesis-defence", "thesis-colloquium"})
#: Role keys -> role.
_ROLE_KEYS = {
    key: role
    for role, keys in {
        "host": ("host", "hosts"),
        "chair": ("chair", "chairs", "moderator"),
        "organizer": ("organizer", "organizers", "organiser", "organisers"),
        "advisor": ("advisor", "advisors", "supervisor", "supervisors"),
        "examiner": ("examiner", "examiners"),
        "convener": ("convener", "conveners"),
    }.items()
    for key in keys
}
#: Other keys of a speaker's affiliation (``affiliation`` itself comes first).
_AFFILIATION_KEYS = ("institution", "organization", "organisation", "speaker_affiliation")
_ROLE_ORDER = {key: index for index, key in enumerate(_ROLE_KEYS)}
_SEPARATOR = re.compile(r"\s*(?:;|\s&\s|\sand\s|\set\s|\sund\s)\s*")


def read_speakers(draft: Draft, page_title: str | None) -> tuple[list[Speaker], list[str]]:
    """The speakers, and the author handles met that stand for nobody known."""
    key, value = draft.value("speakers")
    unknown: list[str] = []
    if key:
        value, unknown = _resolve_handles(value, draft.options.handles)
        speakers, problems = parse_speaker_value(
            without_markup(value), line=draft.matter.line_of(key)
        )
        draft.problems.extend(problems)
    else:
        section = draft.section(Part.SPEAKER)
        speakers = (
            parse_speaker_block(html_to_lines(_links_as_text(draft.section_text(section))))
            if section
            else []
        )
    speakers = [s for s in speakers if not is_placeholder(s.display_name)]  # "TBA"
    if not speakers and page_title:
        candidate = candidate_in_title(page_title) or speaker_before_title(page_title)
        speakers = [candidate] if candidate else []
    return _with_speaker_fields(draft, speakers), unknown


def candidate_in_title(title: str) -> Speaker | None:
    """The person a thesis page's title names after its label ("PhD Thesis Defence: Mr. X Y
    (M Tech Res)", "Thesis colloquium of Ms. X Y"): a thesis kind, or an honorific, before a
    person's name."""
    label, colon, rest = title.partition(":")
    by_person = None if colon else _BY_PERSON.search(title)
    if by_person:
        label, rest = title[: by_person.start()], title[by_person.end() :]
    kind = kind_of_text(label) if rest else None
    if kind is None:
        return None
    honorific, name = split_honorific(_PARENTHESES.sub("", rest).strip(" ,;"))
    if (kind in _THESIS_KINDS or honorific) and name and looks_like_person(name):
        return Speaker(name=name, honorific=honorific)
    return None


def speaker_before_title(title: str) -> Speaker | None:
    """The person a series page's title names before a title still to come: "Ada Byrne
    (University of Leeds): TBC", "Dr. Ada Byrne (MIT) - TBA".  Only then, with an
    institution in the parentheses: before a real title the words may be a topic's
    ("Sparse Graphs (Lyon Institute): an overview")."""
    match = _NAME_BEFORE_TITLE.match(title)
    if match is None or not is_institution(match["affiliation"]):
        return None
    if not is_placeholder(title[match.end() :]):
        return None
    honorific, name = split_honorific(match["name"].strip())
    if not looks_like_person(name):
        return None
    return Speaker(name=name, honorific=honorific, affiliation=match["affiliation"].strip())


def _resolve_handles(value: object, handles: Mapping[str, str]) -> tuple[object, list[str]]:
    """The speaker value with each author handle replaced by the person it stands for (or
    left out), and the handles that stand for nobody known."""
    unknown: list[str] = []

    def resolve(entry: object) -> object:
        if isinstance(entry, str) and _HANDLE.fullmatch(entry.strip()):
            person = handles.get(entry.strip())
            if person is None:
                unknown.append(entry.strip())
            return person
        return entry

    if isinstance(value, list):
        return [resolved for resolved in map(resolve, value) if resolved is not None], unknown
    return resolve(value), unknown


def _photo(draft: Draft, name: str) -> Image | None:
    """The photo of a talk's one speaker, from ``speaker_photo`` (or ``photo``)."""
    key, value = draft.value("speaker_photo")
    if key is None:
        return None
    photo, refusal = image_of(value, name)
    if refusal:
        draft.warn(draft.matter.line_of(key), Code.URL, refusal)
    return photo


def _with_speaker_fields(draft: Draft, speakers: list[Speaker]) -> list[Speaker]:
    """Speakers with the ``affiliation``, ``position``, ``honorific`` and ``speaker_id`` keys
    given beside them: for one speaker, all of them; for several, an affiliation written as
    one per speaker ("LEEC et Dolhom") to each speaker without one."""
    given = {key: draft.key_text(key) for key in ("affiliation", "position", "honorific")}
    extra = {key: strip_html(text) for key, text in given.items() if text}
    affiliation = extra.get("affiliation") or _first_text(draft, _AFFILIATION_KEYS)
    if affiliation:
        extra["affiliation"] = affiliation
    if len(speakers) == 1:
        extra["id"] = draft.key_text("speaker_id") or ""
        extra = {key: value for key, value in extra.items() if value}
        speaker = speakers[0]
        photo = _photo(draft, speaker.display_name)
        if not extra and photo is None:
            return speakers
        return [
            replace(
                speaker,
                honorific=extra.get("honorific", speaker.honorific),
                position=extra.get("position", speaker.position),
                affiliation=extra.get("affiliation", speaker.affiliation),
                id=extra.get("id", speaker.id),
                photo=photo or speaker.photo,
            )
        ]
    if len(speakers) > 1 and affiliation:
        parts = _SEPARATOR.split(affiliation)
        if len(parts) == len(speakers):
            return [
                speaker if speaker.affiliation else replace(speaker, affiliation=part)
                for speaker, part in zip(speakers, parts, strict=True)
            ]
    return speakers


def _first_text(draft: Draft, keys: tuple[str, ...]) -> str | None:
    """The text of the first of ``keys`` that has one."""
    for key in keys:
        text = draft.key_text(key) if key in draft.matter.data else None
        if text:
            return strip_html(text) or None
    return None


def read_roles(draft: Draft) -> list[Role]:
    """The people in other roles; the sections read for them are consumed (a role section
    whose text names nobody stays in the details)."""
    roles: list[Role] = []
    for key in sorted(draft.matter.data.keys() & _ROLE_KEYS.keys(), key=_ROLE_ORDER.__getitem__):
        role, value = _ROLE_KEYS[key], draft.matter.data[key]
        if value is not None:
            people, problems = parse_speaker_value(
                without_markup(value), line=draft.matter.line_of(key)
            )
            draft.problems.extend(problems)
            roles += [Role(role, person) for person in people if looks_like_person(person.name)]
    for index, section in enumerate(draft.sections):
        named = ROLE_PARTS.get(section.part)
        if named is None or not section.has_text:
            continue
        lines = html_to_lines(_links_as_text(draft.section_text(section)))
        people = [p for p in parse_speaker_block(lines) if looks_like_person(p.name)]
        if people:
            draft.consumed.add(index)
            roles += [Role(named, person) for person in people]
    return roles


def report_handles(draft: Draft, key: str | None, unknown: list[str]) -> None:
    """A ``speaker`` warning for author handles that stand for nobody known."""
    if unknown and key:
        shown = ", ".join(f"'{handle[:40]}'" for handle in unknown[:5])
        message = (
            f"{shown}: an author handle, not a name, gives no speaker;"
            " map it to a person in the reader's handles"
        )
        draft.warn(draft.matter.line_of(key), Code.SPEAKER, message)


def _links_as_text(text: str) -> str:
    """Markdown links reduced to their text: "[Jane Doe](mailto:...)" is "Jane Doe"."""
    return _MARKDOWN_LINK.sub(r"\1", text) if "](" in text else text


def without_markup(value: object) -> object:
    """A speaker value with the HTML and Markdown links of its text taken out (strings, and
    the strings of a list or mapping): people are plain text."""
    if isinstance(value, str):
        return "\n".join(html_to_lines(_links_as_text(value)))
    if isinstance(value, list):
        return [
            without_markup(item) if isinstance(item, (str, Mapping)) else item for item in value
        ]
    if isinstance(value, Mapping):  # an "id" is a key, not text
        return {
            k: strip_html(_links_as_text(v)) if isinstance(v, str) and k != "id" else v
            for k, v in value.items()
        }
    return value
