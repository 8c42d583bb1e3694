"""The one rule for the slugs the command line makes (file names, permalinks, ids)."""

from __future__ import annotations

import re
import unicodedata

_NOT_WORD = re.compile(r"[^a-z0-9]+")


def slug(text: str) -> str:
    """Lower-case ASCII words joined by hyphens: ``"Dr. Ana Ström"`` -> ``"dr-ana-strom"``;
    empty when the text has no letter or digit that has an ASCII form."""
    decomposed = unicodedata.normalize("NFKD", text)
    ascii_text = decomposed.encode("ascii", "ignore").decode("ascii").lower()
    return _NOT_WORD.sub("-", ascii_text).strip("-")
