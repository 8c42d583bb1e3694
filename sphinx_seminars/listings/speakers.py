"""``seminar-speakers``: every speaker by surname, with the history of their affiliations
and their talks."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes

from ..render.people import ROLE_LABELS
from .rows import Rows

if TYPE_CHECKING:
    from ..records import SpeakerTarget


def render_speakers(rows: Rows, people: dict[str, SpeakerTarget]) -> nodes.Element:
    """Everyone by surname: speakers with their photo, affiliations and talks, and the roles
    they and others had (advisor, examiner, host) in talks."""
    container = nodes.container(classes=["seminar-speakers"])
    for speaker in sorted(people.values(), key=lambda s: surname_key(s.key)):
        here = speaker.docname == rows.fromdocname
        block = nodes.container(ids=[speaker.anchor] if here else [])
        block["classes"].append("seminar-speaker-entry")
        photo = rows.image(speaker.photo, speaker.name, "seminar-speaker-photo")
        if photo is not None:
            block += photo
        block += nodes.rubric(speaker.name, speaker.name)
        history = affiliation_history(speaker)
        if history:
            block += nodes.paragraph(history, history, classes=["seminar-affiliations"])
        items = nodes.bullet_list()
        for record in speaker.talks:
            title = rows.talk_link(record)
            items += nodes.list_item(
                "", nodes.paragraph("", "", rows.date_node(record), nodes.Text(" — "), title)
            )
        for role, record in speaker.roles:
            label = f"{ROLE_LABELS.get(role, (role.capitalize(),))[0]}: "
            title = rows.talk_link(record)
            items += nodes.list_item(
                "",
                nodes.paragraph(
                    "", "", nodes.inline(label, label, classes=["seminar-role-label"]),
                    rows.date_node(record), nodes.Text(" — "), title,
                ),
                classes=[f"seminar-role-{role}"],
            )  # fmt: skip
        block += items
        container += block
    return container


def surname_key(key: str) -> tuple[str, str]:
    """Speakers in order of their last name, then their whole key."""
    words = key.split()
    return (words[-1] if words else "", key)


def affiliation_history(speaker: SpeakerTarget) -> str:
    """``"2021: Univ A; 2024: Univ B"`` (oldest first), or one affiliation when unchanged."""
    seen: list[tuple[int | None, str]] = []
    for record in reversed(speaker.talks):
        for ref in record.speakers:
            new = not seen or seen[-1][1] != ref.affiliation
            if ref.key == speaker.key and ref.affiliation and new:
                seen.append((record.year, ref.affiliation))
    if len(seen) <= 1:
        return seen[0][1] if seen else ""
    return "; ".join(
        f"{year}: {affiliation}" if year else affiliation for year, affiliation in seen
    )
