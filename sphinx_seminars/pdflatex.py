"""Talk text in a PDF made with pdflatex, Sphinx's default LaTeX engine.

pdflatex stops at the first character that nothing in the document sets up: a Greek letter
(β, μ) or a mathematical sign (≤, ≈) in an abstract, a name in another script.  Sphinx's own
remedy for Greek and Cyrillic (``fontenc`` with ``LGR`` or ``X2`` in ``latex_elements``)
needs TeX packages of those languages and is the site's choice to make; the extension does
not change the site's settings.  It adds one small package of its own,
``sphinxseminars.sty``, loaded after the site's font encodings: for each character of the
documents written (the talks and every other page) that nothing loaded before it sets up,
it declares one.  Greek letters and common mathematical signs become their math symbols;
any other character prints as a bold ``?`` with a warning in the LaTeX log naming it.  A
character that the site's settings (or LaTeX itself) set up keeps that setup; definitions in
``latex_elements["preamble"]`` come later and win.  With xelatex or lualatex, which take any
character their fonts have, the package is not added."""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING

from .exports.common import write_if_changed

if TYPE_CHECKING:
    from sphinx.application import Sphinx

PACKAGE = "sphinxseminars"

_GREEK_MATH = {
    "α": r"\alpha",
    "β": r"\beta",
    "γ": r"\gamma",
    "δ": r"\delta",
    "ε": r"\varepsilon",
    "ζ": r"\zeta",
    "η": r"\eta",
    "θ": r"\theta",
    "ι": r"\iota",
    "κ": r"\kappa",
    "λ": r"\lambda",
    "μ": r"\mu",
    "ν": r"\nu",
    "ξ": r"\xi",
    "ο": r"o",
    "π": r"\pi",
    "ρ": r"\rho",
    "ς": r"\varsigma",
    "σ": r"\sigma",
    "τ": r"\tau",
    "υ": r"\upsilon",
    "φ": r"\varphi",
    "χ": r"\chi",
    "ψ": r"\psi",
    "ω": r"\omega",
    "Γ": r"\Gamma",
    "Δ": r"\Delta",
    "Θ": r"\Theta",
    "Λ": r"\Lambda",
    "Ξ": r"\Xi",
    "Π": r"\Pi",
    "Σ": r"\Sigma",
    "Υ": r"\Upsilon",
    "Φ": r"\Phi",
    "Ψ": r"\Psi",
    "Ω": r"\Omega",
    "ϑ": r"\vartheta",
    "ϕ": r"\phi",
    "ϖ": r"\varpi",
    "ϱ": r"\varrho",
    "ϵ": r"\epsilon",
}
#: Capital Greek letters that look like Latin ones.
_GREEK_LATIN = dict(zip("ΑΒΕΖΗΙΚΜΝΟΡΤΧ", "ABEZHIKMNOPTX", strict=True))
_SIGNS = {
    "≤": r"\leq",
    "≥": r"\geq",
    "≠": r"\neq",
    "≈": r"\approx",
    "≡": r"\equiv",
    "∼": r"\sim",
    "≃": r"\simeq",
    "≪": r"\ll",
    "≫": r"\gg",
    "∝": r"\propto",
    "∓": r"\mp",
    "⋅": r"\cdot",
    "∗": r"\ast",
    "∘": r"\circ",
    "∂": r"\partial",
    "∇": r"\nabla",
    "∫": r"\int",
    "∑": r"\sum",
    "∏": r"\prod",
    "√": r"\surd",
    "∈": r"\in",
    "∉": r"\notin",
    "⊂": r"\subset",
    "⊆": r"\subseteq",
    "∪": r"\cup",
    "∩": r"\cap",
    "∀": r"\forall",
    "∃": r"\exists",
    "∅": r"\emptyset",
    "∧": r"\wedge",
    "∨": r"\vee",
    "⊗": r"\otimes",
    "⊕": r"\oplus",
    "←": r"\leftarrow",
    "↔": r"\leftrightarrow",
    "⇒": r"\Rightarrow",
    "⇔": r"\Leftrightarrow",
    "⟨": r"\langle",
    "⟩": r"\rangle",
    "ℏ": r"\hbar",
    "ℓ": r"\ell",
}

_HEADER = r"""\NeedsTeXFormat{LaTeX2e}
\ProvidesPackage{sphinxseminars}[2025/06/01 characters of talk text for pdflatex]
%% Written by sphinx_seminars: each character of the talks' text that nothing loaded
%% before this package sets up gets a definition (a math symbol, or a bold ? with a
%% warning).  Definitions of the site's own preamble come later and win.
\newcommand\sphinxseminars@declare[3]{%
  \@ifundefined{u8:\detokenize{#2}}{\DeclareUnicodeCharacter{#1}{#3}}{}}
\DeclareRobustCommand\sphinxseminarsmissing[1]{%
  \textbf{?}\PackageWarning{sphinxseminars}{Character U+#1 has no glyph with
    pdflatex; shown as ?. Set latex_engine = 'xelatex' or load fonts for it}}
"""


def tex_for(char: str) -> str:
    """What a character prints as when nothing sets it up: its math symbol, a Greek letter
    without its accent, or the mark of a missing character."""
    if char in _GREEK_MATH:
        return rf"\ensuremath{{{_GREEK_MATH[char]}}}"
    if char in _GREEK_LATIN:
        return rf"\ensuremath{{\mathrm{{{_GREEK_LATIN[char]}}}}}"
    if char in _SIGNS:
        return rf"\ensuremath{{{_SIGNS[char]}}}"
    base = unicodedata.normalize("NFD", char)[0]
    if base != char and (base in _GREEK_MATH or base in _GREEK_LATIN):
        return tex_for(base)
    return rf"\sphinxseminarsmissing{{{ord(char):04X}}}"


def package_text(characters: set[str]) -> str:
    """``sphinxseminars.sty`` for these characters (those below U+0080 and those that are
    not printed, such as controls and surrogates, are left out)."""
    lines = [_HEADER]
    for char in sorted(characters):
        if ord(char) < 0x80 or unicodedata.category(char) in {"Cc", "Cs", "Co", "Cn"}:
            continue
        lines.append(rf"\sphinxseminars@declare{{{ord(char):04X}}}{{{char}}}{{{tex_for(char)}}}")
    lines.append(r"\endinput")
    return "\n".join(lines) + "\n"


def document_characters(outdir: Path) -> set[str]:
    """The characters of the LaTeX documents written: the talks and every other page, as
    pdflatex will read them (Sphinx has already replaced those it writes as commands)."""
    found: set[str] = set()
    for tex in sorted(outdir.glob("*.tex")):
        found.update(tex.read_text(encoding="utf-8", errors="ignore"))
    return found


def _uses_pdflatex(app: Sphinx) -> bool:
    return app.builder.name == "latex" and app.config.latex_engine == "pdflatex"


def add_package(app: Sphinx) -> None:
    """``builder-inited``: the latex builder with pdflatex loads the package."""
    if _uses_pdflatex(app):
        app.add_latex_package(PACKAGE)


def write_package(app: Sphinx, exception: BaseException | None) -> None:
    """``build-finished``: the package, for the characters of the documents just written."""
    if exception is None and _uses_pdflatex(app):
        outdir = Path(app.outdir)
        write_if_changed(outdir / f"{PACKAGE}.sty", package_text(document_characters(outdir)))


def setup_pdflatex(app: Sphinx) -> None:
    app.connect("builder-inited", add_package)
    app.connect("build-finished", write_package)
