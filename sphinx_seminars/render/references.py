"""A talk's numbered references, and the ``[n]`` citations of its abstract linked to them."""

from __future__ import annotations

import re

from docutils import nodes

from ..ids import reference_anchor
from ..model import Talk

_CITATION = re.compile(r"\[(\d{1,3}(?:\s*[-–,]\s*\d{1,3})*)\]")


def references_block(talk: Talk) -> nodes.container | None:
    if not talk.references:
        return None
    block = nodes.container(classes=["seminar-references"])
    block += nodes.rubric("References", "References")
    listing = nodes.enumerated_list(enumtype="arabic", prefix="[", suffix="]")
    for number, reference in enumerate(talk.references, start=1):
        item = nodes.list_item(ids=[reference_anchor(talk.id, number)])
        item += nodes.paragraph(reference, reference)
        listing += item
    block += listing
    return block


def link_citations(abstract: nodes.Element, talk: Talk) -> None:
    """``[2]`` and ``[1-3]`` in the (rendered) abstract become links to the references."""
    for text in list(abstract.findall(nodes.Text)):
        if isinstance(text.parent, (nodes.reference, nodes.literal, nodes.FixedTextElement)):
            continue
        pieces = _citation_pieces(str(text), len(talk.references))
        if len(pieces) == 1:
            continue
        replacement: list[nodes.Node] = []
        for piece, number in pieces:
            if number is None:
                replacement.append(nodes.Text(piece))
            else:
                link = nodes.reference(
                    piece, piece, refid=reference_anchor(talk.id, number), internal=True
                )
                link["classes"].append("seminar-citation")
                replacement.append(link)
        text.parent.replace(text, replacement)


def _citation_pieces(text: str, count: int) -> list[tuple[str, int | None]]:
    pieces: list[tuple[str, int | None]] = []
    position = 0
    for match in _CITATION.finditer(text):
        first = int(re.split(r"\D+", match.group(1))[0])
        if not 1 <= first <= count:
            continue
        pieces.append((text[position : match.start()], None))
        pieces.append((match.group(0), first))
        position = match.end()
    pieces.append((text[position:], None))
    return [piece for piece in pieces if piece[0]]
