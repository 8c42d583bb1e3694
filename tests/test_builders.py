"""Every builder on a collection site with talk pages, both index pages, a speakers page and
listings: each shows the talks; in the one-document builders every reference has its
target (LaTeX labels, Texinfo anchors, singlehtml ids); the PDF builds with pdflatex,
Sphinx's default engine, whatever letters the talks hold."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.sites import Build, build, talk, write_site

ABSTRACT = """\
## Abstract

Waves in β-plasmas at 5 μm [1] and in α-helices [2-3], with Ω ≤ 3 and ψ ≈ 0.

References

1. A. One, J. Phys. 2020
2. B. Two, Phys. Rev. 2021
3. C. Three, Nature 2022

## About the speaker

Ada Byrne works on plasma waves."""

SHORT = "## Abstract\n\nA short abstract."
TALKS = {
    "2025/grain.md": talk("Grain boundaries", body=ABSTRACT),
    "2024/cells.md": talk("Cells in motion", speaker="Ravi Iyer", date="2024-05-02", body=SHORT),
    "2024/ice.md": talk("Ice sheets", speaker="Zoë Ström", date="2024-11-20", body=SHORT),
}
GUEST = talk("Guest lecture", speaker="Дмитрий Петров", date="2023-01-02", body=SHORT)
HOME = """\
# Seminars

```{{toctree}}
{pages}
```

```{{seminar-list}}
:when: past
```

The {{ref}}`seminar-index` and the {{ref}}`seminar-speakers`.
"""
GUEST_PAGE = """\
# Guests

```{seminar} guests/guest.md
```

See {seminar:talk}`grain` by {seminar:speaker}`Ada Byrne`, and {seminar:talk}`cells`.
"""
#: Titles and speakers every builder's output holds.
SHOWN = ["Grain boundaries", "Cells in motion", "Ice sheets", "Ada Byrne", "Ravi Iyer"]
CONF = 'exclude_patterns = ["_build", "guests"]\nproject = "Seminars"\n'


def collection_site(folder: Path, pages: tuple[str, ...] = ("archive", "speakers")) -> Path:
    """The site: talk pages, a page with a ``seminar`` directive and roles, and a home page
    whose toctree lists ``pages`` (the archive and the speakers page unless left out)."""
    home = HOME.format(pages="\n".join([*pages, "guests"]))
    source = write_site(folder, TALKS, conf=CONF, pages={"index.md": home, "guests.md": GUEST_PAGE})
    for page in {"archive", "speakers"} - set(pages):  # a page of its own, not in the PDF
        text = (source / f"{page}.md").read_text(encoding="utf-8")
        (source / f"{page}.md").write_text(f"---\norphan: true\n---\n\n{text}", encoding="utf-8")
    (source / "guests").mkdir()
    (source / "guests" / "guest.md").write_text(GUEST, encoding="utf-8")
    return source


def output_text(result: Build) -> str:
    """The text of every output file of a build that holds the site's pages."""
    suffixes = {".html", ".xhtml", ".tex", ".texi", ".txt", ".1"}
    return "\n".join(
        path.read_text(encoding="utf-8", errors="replace")
        for path in sorted(result.outdir.rglob("*"))
        if path.suffix in suffixes
    )


def braced(tex: str, command: str) -> list[str]:
    """The first argument of every ``command`` (``\\label{``, ``\\hyperref[``) in ``tex``,
    without ``\\detokenize`` and braces."""
    found = []
    for match in re.finditer(re.escape(command), tex):
        depth, end = 1, match.end()
        while depth:
            depth += {"{": 1, "[": 1, "}": -1, "]": -1}.get(tex[end], 0)
            end += 1
        argument = tex[match.end() : end - 1]
        found.append(argument.replace("\\detokenize{", "").replace("{", "").replace("}", ""))
    return found


def latex_references(tex: str) -> tuple[list[str], set[str]]:
    """The targets the document refers to and the labels it has."""
    references = [
        target
        for command in ("\\hyperref[", "\\ref{", "\\pageref{", "\\sphinxstyleindexpageref{")
        for target in braced(tex, command)
    ]
    return references, set(braced(tex, "\\label{"))


def the_tex(result: Build) -> str:
    return result.read("seminars.tex")


# -- every builder ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "builder", ["html", "dirhtml", "singlehtml", "latex", "texinfo", "epub", "text", "man"]
)
def test_every_builder_shows_the_talks_without_a_warning(tmp_path: Path, builder: str) -> None:
    result = build(collection_site(tmp_path), builder)
    assert result.status == 0
    # epub's own complaints about an empty copyright and version are not the extension's
    assert [w for w in result.warnings.splitlines() if "EPUB3" not in w] == []
    text = output_text(result).lower()  # man pages upper-case titles
    for shown in [*SHOWN, "Guest lecture", "Дмитрий Петров", "works on plasma waves", "β"]:
        assert shown.lower() in text, (builder, shown)


@pytest.mark.parametrize(
    "pages",
    [("archive", "speakers"), ("speakers",), ("archive",), ()],
    ids=["archive-and-speakers", "speakers-only", "archive-only", "neither"],
)
def test_every_latex_reference_has_its_label(tmp_path: Path, pages: tuple[str, ...]) -> None:
    """Talks are labelled as their own pages (``talks/x:x``), as are the references of
    their abstracts and the speakers' entries; a speakers page without an archive page
    builds, and the index pages point only to what the document holds."""
    result = build(collection_site(tmp_path, pages), "latex")
    assert result.status == 0 and result.warnings == ""
    references, labels = latex_references(the_tex(result))
    assert references
    assert [r for r in references if r not in labels] == []


def test_the_pdf_archive_holds_the_talks_under_their_own_names(tmp_path: Path) -> None:
    tex = the_tex(build(collection_site(tmp_path), "latex"))
    references, labels = latex_references(tex)
    assert {"talks/2025/grain:grain", "talks/2024/cells:cells"} <= labels
    assert "talks/2025/grain:grain" in references  # from the listings, the roles, the indices
    assert "speakers:speaker-ada-byrne" in references and "speakers:speaker-ada-byrne" in labels
    assert "guests:guest" in labels  # the talk of the guests page is there once, on its page
    assert "archive:guest" not in labels and tex.count("\\label{\\detokenize{guests:guest}}") == 1


def test_citations_in_an_abstract_link_to_the_references_in_latex(tmp_path: Path) -> None:
    tex = the_tex(build(collection_site(tmp_path), "latex"))
    references, labels = latex_references(tex)
    for number in (1, 2):
        assert f"talks/2025/grain:grain-ref-{number}" in references
        assert f"talks/2025/grain:grain-ref-{number}" in labels
    assert re.search(r"\\label\{\\detokenize\{talks/2025/grain:grain-ref-1\}\}A\. One", tex)


def test_texinfo_references_have_their_anchors(tmp_path: Path) -> None:
    result = build(collection_site(tmp_path), "texinfo")
    texinfo = result.read("seminars.texi")
    anchors = set(re.findall(r"@anchor\{([^}]*)\}", texinfo))
    anchors |= {n.split(",")[0].strip() for n in re.findall(r"@node ([^\n]*)", texinfo)}
    references = re.findall(r"@ref\{([^,}]*)", texinfo)
    assert references
    assert [r for r in references if r not in anchors] == []
    if shutil.which("makeinfo") is not None:  # makeinfo fails on a reference to no anchor
        made = subprocess.run(
            ["makeinfo", "--no-split", "seminars.texi", "-o", "seminars.info"],
            cwd=result.outdir,
            capture_output=True,
            text=True,
            check=False,
        )
        assert made.returncode == 0, made.stderr


def test_singlehtml_links_find_their_targets_on_the_page(tmp_path: Path) -> None:
    page = build(collection_site(tmp_path), "singlehtml").read("index.html")
    ids = set(re.findall(r'\sid="([^"]+)"', page))
    links = [link[1:] for link in re.findall(r'href="(#[^"]+)"', page)]
    assert "grain" in links and "grain-ref-1" in links and "speaker-ada-byrne" in links
    assert [link for link in links if link not in ids] == []


def test_dirhtml_redirects_send_to_the_canonical_address(tmp_path: Path) -> None:
    moved = talk(extra="permalink: /seminar/grain-2025\n", body=SHORT)
    conf = "seminar_redirects = {'/2025/03/04/grain/': 'grain-2025'}\n"
    source = write_site(tmp_path, {"grain.md": moved}, conf=conf)
    result = build(source, "dirhtml")
    assert result.status == 0 and result.warnings == ""
    for redirect, up in [
        ("seminar/grain-2025/index.html", "../../"),
        ("seminar/grain-2025.html", "../"),
        ("2025/03/04/grain/index.html", "../../../../"),
    ]:
        page = result.read(redirect)
        assert f'url={up}talks/grain/"' in page and f'href="{up}talks/grain/"' in page, redirect
        assert 'rel="canonical" href="https://seminars.example.org/talks/grain/"' in page


# -- the PDF ---------------------------------------------------------------------------------

TEX_TOOLS = ("pdflatex", "latexmk", "make")


@pytest.mark.skipif(
    any(shutil.which(tool) is None for tool in TEX_TOOLS),
    reason="making the PDF needs pdflatex, latexmk and make (Debian: texlive-latex-recommended "
    "texlive-latex-extra texlive-fonts-recommended tex-gyre latexmk)",
)
def test_the_pdf_builds_with_pdflatex_and_every_reference_resolves(tmp_path: Path) -> None:
    result = build(collection_site(tmp_path), "latex")
    assert result.status == 0
    made = subprocess.run(
        ["make", "all-pdf"], cwd=result.outdir, capture_output=True, text=True, check=False
    )
    log = (result.outdir / "seminars.log").read_text(encoding="utf-8", errors="replace")
    assert made.returncode == 0, log[-3000:]
    assert (result.outdir / "seminars.pdf").stat().st_size > 0
    assert "undefined references" not in log and "Reference `" not in log
    # the Cyrillic name of the guest has no glyph with pdflatex's default fonts: said so;
    # letters LaTeX sets up itself (ë, ö) keep their own glyphs
    assert "Character U+0414 has no glyph" in log
    assert "U+00EB" not in log and "U+00F6" not in log


def test_pdflatex_gets_a_definition_for_each_letter_of_the_document(tmp_path: Path) -> None:
    source = collection_site(tmp_path)
    with (source / "index.md").open("a", encoding="utf-8") as home:
        home.write("\nЖ, on a page of the site's own.\n")
    result = build(source, "latex")
    assert "\\usepackage{sphinxseminars}" in the_tex(result)
    package = result.read("sphinxseminars.sty")
    assert "\\sphinxseminars@declare{03B2}{β}{\\ensuremath{\\beta}}" in package
    assert "\\sphinxseminars@declare{2264}{≤}{\\ensuremath{\\leq}}" in package
    assert "\\sphinxseminars@declare{0414}{Д}{\\sphinxseminarsmissing{0414}}" in package
    assert "\\sphinxseminars@declare{0416}{Ж}{\\sphinxseminarsmissing{0416}}" in package


def test_xelatex_gets_no_package_and_the_latex_settings_are_left_alone(tmp_path: Path) -> None:
    source = collection_site(tmp_path)
    with (source / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write("latex_engine = 'xelatex'\n")
    result = build(source, "latex")
    assert "sphinxseminars" not in the_tex(result)
    assert not (result.outdir / "sphinxseminars.sty").exists()
