"""Output safety: no talk file can put script, raw HTML, a MyST directive or an unsafe link
into the Markdown the reader hands to MyST."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from sphinx_seminars.model import Talk
from sphinx_seminars.reader import parse_talk
from sphinx_seminars.reader.text.html_markdown import escape_markdown, html_to_markdown
from sphinx_seminars.reader.text.plain import markdown_to_plain

HEAD = "---\ntitle: T\nspeaker: A B\ndate: 2025-01-02\n---\n"

ATTACKS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<scr<script>ipt>alert(1)</script>",
    "<<script>script>alert(1)<</script>/script>",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "&amp;lt;script&amp;gt;alert(1)",
    "&#60;script&#62;alert(1)&#60;/script&#62;",
    "<img src=x onerror=alert(1)>",
    '<img src="https://ok.example/a.png" onerror="alert(1)">',
    '<a href="javascript:alert(1)">x</a>',
    '<a href="jav&#x09;ascript:alert(1)">x</a>',
    '<a href="&#106;avascript:alert(1)">x</a>',
    '<a href=" javascript:alert(1)">x</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>',
    '<a href="https://ok.example" onclick="alert(1)">ok</a>',
    "<a href='https://ok.example\" onmouseover=\"alert(1)'>ok</a>",
    '<a href="https://ok.example" title="x"onclick="alert(1)">ok</a>',
    "<javascript:alert(1)>",
    "<svg/onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<iframe src=javascript:alert(1)></iframe>",
    "<style>body{display:none}</style>",
    "<!--<script>alert(1)</script>-->",
    "<!-- unclosed <script>alert(1)</script>",
    "<![CDATA[<script>alert(1)</script>]]>",
    "<textarea><script>alert(1)</script></textarea>",
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    "<form><button formaction=javascript:alert(1)>x</button></form>",
    "<b onmouseover=alert(1)>bold</b>",
    "<sup><script>alert(1)</script></sup>",
    "<sup>`</sup>{raw}`<script>`",
    "[x](javascript:alert(1))",
    "[x]( javascript:alert(1) )",
    "[x](<javascript:alert(1)>)",
    "[x](jav&#x61;script:alert(1))",
    "[x](jav\\ascript:alert(1))",
    "[x](JAVASCRIPT:alert(1))",
    "[x](vbscript:msgbox(1))",
    "[x](data:text/html,<script>alert(1)</script>)",
    "![x](javascript:alert(1))",
    "![x](data:image/svg+xml;base64,PHN2Zz4=)",
    "![x](../../../../etc/passwd)",
    "[x](/etc/passwd)",
    "[x][ref]\n\n[ref]: javascript:alert(1)",
    "[x][ref]\n\n[ref]:\n  javascript:alert(1)",
    "[x]\n\n[x]: <javascript:alert(1)>",
    "> [x](javascript:alert(1))",
    "- [x](javascript:alert(1))",
    "&#91;x&#93;&#40;javascript:alert(1)&#41;",
    "[a [b] c](javascript:alert(1))",
    "\\\\[x](javascript:alert(1))",
    "[x\\\\](javascript:alert(1))",
    "```{raw} html\n<script>alert(1)</script>\n```",
    "~~~{raw} html\n<script>alert(1)</script>\n~~~",
    "````{eval-rst}\n.. raw:: html\n\n   <script>alert(1)</script>\n````",
    ":::{raw} html\n<script>alert(1)</script>\n:::",
    "> ```{include} /etc/passwd\n> ```",
    "1. ```{literalinclude} /etc/passwd\n   ```",
    "{download}`/etc/passwd`",
    "{raw-html}`<script>alert(1)</script>`",
    "{{ ''.__class__.__mro__ }}",
    "{{{ x }}}",
    "\\{{ x }}",
    "<div>{{ x }}</div>",
    "<https://ok.example/a?b=1&c=2>",
    "<mailto:a@ok.example>",
]


@pytest.mark.parametrize("attack", ATTACKS)
@pytest.mark.parametrize("place", ["body", "front-matter", "bio", "details"])
def test_nothing_unsafe_reaches_myst(
    attack: str, place: str, unsafe_parts: Callable[[str], list[str]]
) -> None:
    talk = parse_talk(_file(attack, place), source="t.md")
    for markdown in (talk.abstract, talk.bio, talk.details):
        assert unsafe_parts(markdown) == [], markdown
        assert "<" not in markdown  # no raw HTML at all: every "<" is written "&lt;"
    for text in (talk.title, talk.venue or "", *(s.name for s in talk.speakers)):
        assert "<" not in text or "<script" not in text.lower()


def _file(attack: str, place: str) -> str:
    if place == "front-matter":
        return HEAD.replace("---\n", f"---\nabstract: {_yaml_block(attack)}\n", 1)
    if place == "bio":
        return f"{HEAD}### Abstract\nFine.\n\n### Biography\n{attack}\n"
    if place == "details":
        return f"{HEAD}### Abstract\nFine.\n\n### Host\n{attack}\n"
    return f"{HEAD}### Abstract\n{attack}\n"


def _yaml_block(text: str) -> str:
    return "|\n" + "".join(f"  {line}\n" for line in text.split("\n")).rstrip("\n")


@pytest.mark.parametrize("attack", ATTACKS)
def test_raw_html_mode_keeps_nothing_unsafe(
    attack: str, unsafe_parts: Callable[[str], list[str]]
) -> None:
    talk = parse_talk(_file(attack, "body"), source="t.md", allow_raw_html=True)
    assert [part for part in unsafe_parts(talk.abstract) if "html" not in part] == []
    lowered = talk.abstract.lower()
    for bad in ("<script", "<svg", "<iframe", "<style", "<textarea", " on", "javascript:"):
        assert not any(bad in tag for tag in re.findall(r"<[^>]*>", lowered)), lowered


def test_what_stays_in_the_safe_mode() -> None:
    talk = parse_talk(
        HEAD + "### Abstract\n"
        'T<sub>c</sub> and x<sup>2</sup>, <b>bold</b>, <i>it</i>,<br>\n<a href="https://ok'
        '.example/?a=1&amp;b=2">link</a>, [md](https://ok.example), [mail](mailto:a@b.c), '
        "[anchor](#ref-1), a < b, R&D, AT&amp;T, &lt;b&gt; &amp;lt;\n",
        source="t.md",
    )
    assert talk.abstract == (
        "T{sub}`c` and x{sup}`2`, **bold**, *it*,\\\n[link](https://ok.example/?a=1&amp;b=2), "
        "[md](https://ok.example), [mail](mailto:a@b.c), [anchor](#ref-1), a &lt; b, R&amp;D, "
        "AT&amp;T, &lt;b> &amp;lt;"
    )
    assert markdown_to_plain(talk.abstract).endswith("a < b, R&D, AT&T, <b> &lt;")


def test_unsafe_links_keep_their_text() -> None:
    talk = parse_talk(HEAD + "### Abstract\nSee [the demo](javascript:alert(1)).\n", "t.md")
    assert markdown_to_plain(talk.abstract) == "See [the demo](javascript:alert(1))."


def test_relative_links_in_markdown_are_neutralised() -> None:
    """MyST turns a link to a local file into a download: the build machine's files must not
    be reachable from a talk file."""
    talk = parse_talk(HEAD + "### Abstract\n[notes](../../private/notes.pdf)\n", "t.md")
    assert "](" not in talk.abstract


def test_raw_html_mode_keeps_clean_tables_and_images(
    unsafe_parts: Callable[[str], list[str]],
) -> None:
    body = (
        '<table class="x" onclick="y"><tr><td colspan="2" style="color:red">cell</td></tr>'
        '</table>\n\n<img src="https://ok.example/a.png" alt="A" onerror="alert(1)"> '
        '<img src="figure.png"> <code>x</code> <b>bold</b>'
    )
    raw = parse_talk(HEAD + "### Abstract\n" + body + "\n", "t.md", allow_raw_html=True)
    assert '<td colspan="2">cell</td>' in raw.abstract
    assert '<img src="https://ok.example/a.png" alt="A">' in raw.abstract
    assert "<img>" in raw.abstract  # a relative image loses its source
    assert "<code>x</code>" in raw.abstract and "**bold**" in raw.abstract
    assert all(part.startswith("html") for part in unsafe_parts(raw.abstract))
    safe = parse_talk(HEAD + "### Abstract\n" + body + "\n", "t.md")
    assert unsafe_parts(safe.abstract) == []
    assert "cell" in safe.abstract and "<" not in safe.abstract


@pytest.mark.parametrize("allow_raw_html", [False, True])
def test_conversion_is_idempotent(allow_raw_html: bool) -> None:
    for attack in ATTACKS:
        once = html_to_markdown(attack, allow_raw_html=allow_raw_html)
        assert html_to_markdown(once, allow_raw_html=allow_raw_html) == once, attack


@pytest.mark.parametrize(
    "plain",
    ["a < b & c", "<script>", "1. not a list", "# not a heading", "*not* [a](link)", "{x}`y`"],
)
def test_escaped_plain_text_reads_back_the_same(
    plain: str, unsafe_parts: Callable[[str], list[str]]
) -> None:
    markdown = escape_markdown(plain)
    assert markdown_to_plain(markdown) == plain
    assert unsafe_parts(markdown) == []


def test_heading_text_in_details_is_escaped(unsafe_parts: Callable[[str], list[str]]) -> None:
    text = HEAD + "### &lt;script&gt;alert(1)&lt;/script&gt; [x](javascript:y)\nHost text\n"
    talk = parse_talk(text + "### Abstract\nA.\n", "t.md")
    assert unsafe_parts(talk.details) == []
    assert "Host text" in talk.details


def test_front_matter_urls_are_checked() -> None:
    text = HEAD.replace(
        "---\n",
        "---\nzoom: 'jav\\tascript:alert(1)'\nslides: ' javascript:alert(1)'\n"
        "video: '/files/talk.mp4'\n",
        1,
    )
    talk: Talk = parse_talk(text, "t.md")
    assert talk.online_url is None
    assert dict(talk.links) == {"video": "/files/talk.mp4"}
    assert [p.code for p in talk.problems].count("url") == 2
