"""Speaker and series keys: one spelling-insensitive key per person or series."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping

from .reader.speakers import split_honorific


def fold(text: str) -> str:
    """Lower-case words without accents or punctuation: ``"Ström, L."`` -> ``"strom l"``."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return " ".join(re.findall(r"\w+", plain))


def speaker_key(name: str, aliases: Mapping[str, str] | None = None) -> str:
    """The key of a speaker: honorific, case, accents and spacing ignored.

    ``aliases`` maps folded names to the key they stand for (see :func:`alias_table`), so
    that "Keith Butler" and "Dr. Keith T. Butler" can be one person.
    """
    key = fold(split_honorific(name)[1])
    if aliases:
        return aliases.get(key, key)
    return key


def alias_table(aliases: Mapping[str, str]) -> dict[str, str]:
    """``{"Keith Butler": "Keith T. Butler"}`` (alias -> canonical name) as folded keys."""
    table: dict[str, str] = {}
    for alias, canonical in aliases.items():
        table[fold(split_honorific(alias)[1])] = fold(split_honorific(canonical)[1])
    return table


def slug(key: str) -> str:
    """An HTML-id-safe form of a key: ``"keith t butler"`` -> ``"keith-t-butler"``."""
    return re.sub(r"[^a-z0-9]+", "-", key.lower()).strip("-") or "x"
