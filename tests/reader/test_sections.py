"""Splitting a body into sections: headings, Setext headings, labels and sub-headings."""

from __future__ import annotations

import pytest

from sphinx_seminars.reader.sections import Part, escape_headings, split_sections


def parts(body: str) -> list[tuple[Part, str]]:
    return [(s.part, s.text) for s in split_sections(body, 1) if s.part is not Part.PREAMBLE]


@pytest.mark.parametrize(
    "label",
    ["**Abstract:** Waves", "__Abstract.__ Waves", "*Abstract:* Waves", "**Abstract**: Waves",
     "<b>Abstract:</b> Waves", "<strong>Abstract</strong> Waves"],
)  # fmt: skip
def test_a_bold_or_italic_label_opens_its_part(label: str) -> None:
    body = f"Contributed talk at a meeting.\n\n{label} in shallow water.\n\nMore on them."
    assert parts(body) == [(Part.ABSTRACT, "Waves in shallow water.\n\nMore on them.")]


def test_labels_on_consecutive_lines_each_open_a_part() -> None:
    body = "**Speaker:** Lena Strom\n**Title:** Tides\nWhen: 3 May 2024\n\nAbstract: Water."
    assert parts(body) == [
        (Part.SPEAKER, "Lena Strom"),
        (Part.TITLE, "Tides"),
        (Part.WHEN, "3 May 2024"),
        (Part.ABSTRACT, "Water."),
    ]


def test_a_plain_label_inside_a_paragraph_is_text() -> None:
    body = "We study tides.\nTitle: not a label here.\n\nNote: an unknown label."
    assert parts(body) == []


def test_an_unknown_bold_line_is_text() -> None:
    assert parts("### Abstract\n**Key idea:** tides move.\n\n**Waves** too.") == [
        (Part.ABSTRACT, "**Key idea:** tides move.\n\n**Waves** too.")
    ]


def test_setext_headings_open_parts() -> None:
    body = "Authors\n=======\nLena Strom\n\nAbstract\n--------\nTides."
    assert parts(body) == [(Part.SPEAKER, "Lena Strom"), (Part.ABSTRACT, "Tides.")]


def test_a_rule_after_a_blank_line_or_under_a_list_is_not_a_heading() -> None:
    assert parts("Tides.\n\n---\n\n- Abstract\n---\n") == []


def test_sub_headings_of_an_abstract_stay_in_it_as_bold_lines() -> None:
    body = "## Abstract\n\n### Aims:\nMeasure tides.\n\n### Methods\nBuoys.\n\n## Bio\nA sailor."
    assert parts(body) == [
        (Part.ABSTRACT, "**Aims:**\nMeasure tides.\n\n**Methods**\nBuoys."),
        (Part.BIO, "A sailor."),
    ]


def test_department_headings_of_one_level_stay_apart() -> None:
    body = "### Abstract\nTides.\n\n### Research Interests\nWaves."
    assert [s.part for s in split_sections(body, 1)] == [Part.PREAMBLE, Part.ABSTRACT, Part.OTHER]


@pytest.mark.parametrize(
    ("heading", "part"),
    [("Thesis title:", Part.TITLE), ("Faculty advisor(s):", Part.ADVISOR),
     ("Confirmed Speakers", Part.SPEAKER), ("Event description:", Part.ABSTRACT),
     ("External examiners", Part.EXAMINER), ("Session chair", Part.CHAIR),
     ("Organizers:", Part.ORGANIZER), ("Recording", Part.RECORDING)],
)  # fmt: skip
def test_headings_of_department_and_event_pages(heading: str, part: Part) -> None:
    assert parts(f"### {heading}\nSomething") == [(part, "Something")]


def test_escaped_labels_and_headings_are_text() -> None:
    body = "**Abstract:** Tides.\n\n### Bio\nA sailor.\n\nAuthors\n===\nLena"
    assert parts(escape_headings(body)) == []


def test_text_after_the_value_of_a_label_goes_on_unlabelled() -> None:
    body = "**Speaker:** Lena Strom\nHarbour Institute\n**Title:** Tides\n\nWe study tides."
    sections = split_sections(body, 1)
    assert [(s.part, s.text, s.line) for s in sections[1:]] == [
        (Part.SPEAKER, "Lena Strom\nHarbour Institute", 1),
        (Part.TITLE, "Tides", 3),
        (Part.PREAMBLE, "We study tides.", 5),
    ]


def test_no_label_or_heading_inside_a_fence() -> None:
    body = "```\n**Abstract:** code\nTitle: x\n# comment\n```\n\n  **Speaker:** Ana Ruiz"
    assert parts(body) == [(Part.SPEAKER, "Ana Ruiz")]
