"""Markdown footnotes in talk text: kept when each reference has its note, shown as text with
a ``seminar.footnote`` problem otherwise, scoped to their talk on the page."""

from __future__ import annotations

import pytest

from sphinx_seminars.reader import parse_talk
from sphinx_seminars.reader.footnotes import scope_footnotes, settle_footnotes
from sphinx_seminars.reader.text.plain import markdown_to_plain

HEAD = "---\ntitle: Sound in pipes\nspeaker: Kit Marlow\ndate: 2025-02-03 10:00 UTC\n---\n"


def test_references_with_their_notes_are_kept_across_the_abstract_and_the_bio() -> None:
    body = (
        "## Abstract\n\nA first claim[^a] and a second[^7].\n\n[^a]: Shown in 1999.\n"
        "[^7]: By hand.\n\n## About the speaker\n\nKit wrote the survey[^a].\n"
    )
    talk = parse_talk(HEAD + body, "kit.md")
    assert "claim[^a] and a second[^7]" in talk.abstract
    assert "[^a]: Shown in 1999." in talk.abstract and "[^7]: By hand." in talk.abstract
    assert talk.bio == "Kit wrote the survey[^a]."
    assert not [p for p in talk.problems if p.code == "footnote"]


def test_a_reference_without_a_note_is_text_with_a_located_problem() -> None:
    body = "## Abstract\n\nFirst line.\n\nA claim[^missing] stays.\n"
    talk = parse_talk(HEAD + body, "kit.md")
    assert "claim\\[^missing] stays" in talk.abstract
    [problem] = [p for p in talk.problems if p.code == "footnote"]
    assert problem.line == 10 and "[^missing]" in problem.message


def test_a_second_note_of_one_label_is_text_with_a_problem() -> None:
    body = "## Abstract\n\nA claim[^1].\n\n[^1]: One.\n\n## Bio\n\nMore[^1].\n\n[^1]: Again.\n"
    talk = parse_talk(HEAD + body, "kit.md")
    assert "[^1]: One." in talk.abstract
    assert talk.bio.endswith("\\[^1]: Again.") and "More[^1]." in talk.bio
    [problem] = [p for p in talk.problems if p.code == "footnote"]
    assert problem.line == 16 and "second note" in problem.message


def test_labels_in_code_and_escaped_labels_are_left_alone() -> None:
    markdown = "Write `x[^1]` or \\[^2] here.\n\n```\n[^3]\n```\n"
    settled, problems = settle_footnotes([(markdown, 4)])
    assert settled == [markdown] and problems == []
    assert scope_footnotes(markdown, "talk") == markdown


def test_scoped_labels_carry_the_prefix_in_references_and_notes() -> None:
    scoped = scope_footnotes("A[^1] b[^X].\n\n[^1]: One.\n   [^x]: Ex.\n", "kit-2025")
    assert scoped == (
        "A[^fn8-kit-2025-1] b[^fn8-kit-2025-x].\n\n[^fn8-kit-2025-1]: One.\n"
        "   [^fn8-kit-2025-x]: Ex.\n"
    )
    # the prefix's length keeps apart what the prefix and label would join alike
    assert scope_footnotes("[^2025-1]", "seminar") != scope_footnotes("[^1]", "seminar-2025")


def test_a_note_is_not_taken_for_an_unsafe_link_definition() -> None:
    talk = parse_talk(HEAD + "## Abstract\n\nA[^n].\n\n[^n]: javascript:alert(1)\n", "kit.md")
    assert "[^n]: javascript:alert(1)" in talk.abstract
    unsafe = parse_talk(HEAD + "## Abstract\n\n[x]\n\n[x]: javascript:alert(1)\n", "kit.md")
    assert "[x]: javascript" not in unsafe.abstract


def test_plain_text_shows_references_and_notes() -> None:
    plain = markdown_to_plain("A claim[^1].\n\n[^1]: Shown.\n")
    assert plain == "A claim[1].\n\n[1] Shown."


def test_a_note_without_a_reference_is_text_with_a_problem() -> None:
    talk = parse_talk(HEAD + "## Abstract\n\nNo claim.\n\n[^lone]: Alone.\n", "kit.md")
    assert talk.abstract.endswith("\\[^lone]: Alone.")
    [problem] = [p for p in talk.problems if p.code == "footnote"]
    assert problem.line == 10 and "no reference" in problem.message


def test_an_inline_note_and_a_bracket_in_a_label_do_not_stop_the_plain_text() -> None:
    plain = markdown_to_plain("A claim[^1] and a note^[inline] and [^[x]].\n\n[^1]: Shown.\n")
    assert "A claim[1]" in plain and "[1] Shown." in plain


@pytest.mark.parametrize(
    "body",
    [
        "A claim[^A].\n\n[^a]: The note.",  # labels alike but for case
        "A claim[^a\tb].\n\n[^a\tb]: The note.",  # a tab in the label
    ],
)
def test_labels_are_compared_as_docutils_compares_them(body: str) -> None:
    talk = parse_talk(HEAD + "## Abstract\n\n" + body + "\n", "kit.md")
    assert not [p for p in talk.problems if p.code == "footnote"]


@pytest.mark.parametrize("link", ["[^1](https://example.org)", "[^1][x]"])
def test_a_label_as_link_text_is_no_reference(link: str) -> None:
    body = f"## Abstract\n\nA claim {link}.\n\n[^1]: The note.\n\n[x]: https://example.org\n"
    talk = parse_talk(HEAD + body, "kit.md")
    [problem] = [p for p in talk.problems if p.code == "footnote"]
    assert "no reference" in problem.message
