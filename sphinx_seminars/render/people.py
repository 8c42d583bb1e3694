"""The people of a talk: its speakers (with photo, position and affiliation) and the people
in other roles (advisors, examiners, chair, host)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes

from ..ids import talk_speaker_anchor
from ..model import Image, Speaker, Talk
from .blocks import label_paragraph

if TYPE_CHECKING:
    from .policy import LocalFilePolicy

#: How each role is named on a page, for one person and for several.
ROLE_LABELS: dict[str, tuple[str, str]] = {
    "advisor": ("Advisor", "Advisors"),
    "examiner": ("Examiner", "Examiners"),
    "chair": ("Chair", "Chairs"),
    "host": ("Host", "Hosts"),
    "convener": ("Convener", "Conveners"),
    "organizer": ("Organizer", "Organizers"),
}


def photo_node(image: Image, files: LocalFilePolicy, css: str) -> nodes.image | None:
    """An image node for a photo or picture: an https address as it is, a local file when
    the policy takes it."""
    uri = image.src if image.src.lower().startswith("https://") else files.image(image.src)
    if uri is None:
        return None
    return nodes.image(uri=uri, alt=image.alt, classes=[css])


def speaker_block(talk: Talk, files: LocalFilePolicy) -> nodes.container | None:
    if not talk.speakers:
        return None
    block = nodes.container(classes=["seminar-speaker"])
    for number, speaker in enumerate(talk.speakers, start=1):
        lines = nodes.line_block(
            ids=[talk_speaker_anchor(talk.id, number)], classes=["seminar-speaker-entry"]
        )
        name = nodes.line()
        photo = photo_node(speaker.photo, files, "seminar-speaker-photo") if speaker.photo else None
        if photo is not None:
            name += photo
        name += nodes.strong(
            speaker.display_name, speaker.display_name, classes=["seminar-speaker-name"]
        )
        lines += name
        for value, css in ((speaker.position, "position"), (speaker.affiliation, "affiliation")):
            if value:
                line = nodes.line()
                line += nodes.inline(value, value, classes=[f"seminar-speaker-{css}"])
                lines += line
        block += lines
    return block


def person_text(person: Speaker) -> str:
    """``Prof. Ana Ström (KTH)``: a name with the affiliation beside it."""
    return (
        f"{person.display_name} ({person.affiliation})"
        if person.affiliation
        else (person.display_name)
    )


def roles_block(talk: Talk) -> nodes.container | None:
    """One labelled line per role: ``Advisors: Prof. A (X), Dr. B (Y)``."""
    if not talk.roles:
        return None
    block = nodes.container(classes=["seminar-roles"])
    for role in dict.fromkeys(r.role for r in talk.roles):
        people = [r.person for r in talk.roles if r.role == role]
        one, several = ROLE_LABELS.get(role, (role.capitalize(), f"{role.capitalize()}s"))
        paragraph = label_paragraph(several if len(people) > 1 else one)
        paragraph["classes"].append(f"seminar-role-{role}")
        for index, person in enumerate(people):
            if index:
                paragraph += nodes.Text(", ")
            text = person_text(person)
            paragraph += nodes.inline(text, text, classes=["seminar-role-person"])
        block += paragraph
    return block
