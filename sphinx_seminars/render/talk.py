"""The section of one talk, assembled from its blocks."""

from __future__ import annotations

from docutils import nodes

from ..dates import DateStyle
from ..ids import talk_anchor
from ..model import Talk
from .blocks import markdown_block
from .heading import badges, image_block, status_block, title_of
from .people import roles_block, speaker_block
from .places import links_block, series_block, venue_block
from .policy import LocalFilePolicy, MarkdownRenderer
from .references import link_citations, references_block
from .when import when_block


def talk_section(
    talk: Talk, style: DateStyle, render_markdown: MarkdownRenderer, files: LocalFilePolicy
) -> nodes.section:
    """The whole talk as one section whose id is the talk's id."""
    section = nodes.section(ids=[talk_anchor(talk.id)], classes=["seminar-talk"])
    title = title_of(talk)
    section += nodes.title(title, title)
    markdown: list[tuple[str, int, nodes.Element]] = []
    abstract = markdown_block(
        talk.abstract, talk.abstract_line, "seminar-abstract", "Abstract", markdown
    )
    blocks = [
        badges(talk),
        status_block(talk, style),
        image_block(talk, files),
        speaker_block(talk, files),
        roles_block(talk),
        when_block(talk, style),
        venue_block(talk),
        series_block(talk),
        links_block(talk, files.link),
        abstract,
        references_block(talk),
        markdown_block(talk.bio, talk.bio_line, "seminar-bio", "About the speaker", markdown),
        markdown_block(talk.details, talk.details_line, "seminar-details", "", markdown),
    ]
    if markdown:
        render_markdown(markdown)
    section.extend(block for block in blocks if block is not None)
    if talk.references and abstract is not None:
        link_citations(abstract, talk)
    return section
