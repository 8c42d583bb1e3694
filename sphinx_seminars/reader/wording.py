"""Tell job titles, institutions and people's names apart by their words: "Associate
Professor" is a position, "University of Oslo" and "IISc" are institutions, "Anna van der
Berg" is a person."""

from __future__ import annotations

import re
from functools import lru_cache

_TOKEN_RE = re.compile(r"\w+(?:[-\u2010\u2013]\w+)*")
_ROMAN_RE = re.compile(r"^[IVXLC]+$")

_TITLE_WORDS = frozenset(
    {
        "professor",
        "professorship",
        "prof",
        "lecturer",
        "reader",
        "scientist",
        "researcher",
        "postdoc",
        "postdoctoral",
        "fellow",
        "associate",
        "assistant",
        "engineer",
        "director",
        "dean",
        "head",
        "chair",
        "chairman",
        "chairperson",
        "chairwoman",
        "manager",
        "leader",
        "student",
        "candidate",
        "visiting",
        "emeritus",
        "president",
        "officer",
        "ceo",
        "cto",
        "founder",
        "cofounder",
        "consultant",
        "analyst",
        "specialist",
        "advisor",
        "adviser",
        "scholar",
        "investigator",
        "coordinator",
        "technologist",
        "lead",
        "intern",
        "secretary",
        "chancellor",
        "provost",
        "registrar",
    }
)
_INSTITUTION_WORDS = frozenset(
    {
        "university",
        "uni",
        "universität",
        "universite",
        "université",
        "universidad",
        "universita",
        "università",
        "institute",
        "institut",
        "institution",
        "department",
        "dept",
        "departments",
        "school",
        "college",
        "centre",
        "center",
        "laboratory",
        "laboratories",
        "lab",
        "labs",
        "faculty",
        "fakultät",
        "division",
        "group",
        "directorate",
        "unit",
        "academy",
        "foundation",
        "corporation",
        "corp",
        "company",
        "inc",
        "ltd",
        "llc",
        "gmbh",
        "limited",
        "hospital",
        "council",
        "ministry",
        "government",
        "organisation",
        "organization",
        "agency",
        "society",
        "campus",
        "facility",
        "consortium",
        "lehrstuhl",
        "hochschule",
        "polytechnic",
        "politecnico",
        "ecole",
        "école",
        "section",
        "engineering",
    }
)
PERSON_PARTICLES = frozenset(
    {
        "van",
        "von",
        "der",
        "den",
        "de",
        "da",
        "di",
        "del",
        "della",
        "la",
        "le",
        "du",
        "bin",
        "al",
        "el",
    }
)


@lru_cache(maxsize=2048)  # an archive writes the same positions and places again and again
def _token_kinds(text: str) -> tuple[str, ...]:
    """Classify each word of ``text`` as 'title', 'inst' or ''."""
    tokens = [token.lower() for token in _TOKEN_RE.findall(text)]
    kinds: list[str] = []
    for index, low in enumerate(tokens):
        following = tokens[index + 1] if index + 1 < len(tokens) else ""
        if following in {"for", "für"} and "chair" in _variants(low):
            kinds.append("inst")
        else:
            kinds.append(_word_kind(low))
    return tuple(kinds)


_HYPHENS = re.compile(r"[-\u2010\u2013]")


def _variants(word: str) -> frozenset[str]:
    """A lower-case word, without its hyphens and split at them: "co-founder" gives
    "cofounder", "co" and "founder"."""
    if "-" not in word and "\u2010" not in word and "\u2013" not in word:
        return frozenset((word,))
    return frozenset((_HYPHENS.sub("", word), *_HYPHENS.split(word)))


@lru_cache(maxsize=8192)
def _word_kind(word: str) -> str:
    """'title', 'inst' or '' for one lower-case word."""
    variants = _variants(word)
    if variants & _TITLE_WORDS:
        return "title"
    if variants & _INSTITUTION_WORDS:
        return "inst"
    return ""


def is_title(text: str) -> bool:
    """Whether ``text`` reads as a job title: a title word before any institution word, or
    a title word closing it ("Group Leader", "Lab Manager")."""
    kinds = _token_kinds(text)
    for kind in kinds:
        if kind:
            return kind == "title" or (kinds[-1] == "title" and len(kinds) <= 4)
    return False


def has_title_word(text: str) -> bool:
    """Whether any word of ``text`` is a job title word."""
    return "title" in _token_kinds(text)


def _is_acronym(token: str) -> bool:
    """Whether a word is an acronym such as 'UCL' or 'IISc' (not 'PhD', not 'III')."""
    upper = sum(1 for char in token if char.isupper())
    return upper >= 2 and token != "PhD" and not _ROMAN_RE.match(token)


def is_institution(text: str) -> bool:
    """Whether ``text`` names an institution (a keyword or an acronym)."""
    if "inst" in _token_kinds(text):
        return True
    return any(_is_acronym(token) for token in _TOKEN_RE.findall(text))


def looks_like_person_name(name: str) -> bool:
    """Whether ``name`` (without honorific) is plausibly a person's name: capitalised words
    and particles, no job title or institution words."""
    name = re.sub(r"\([^()]*\)", "", name).strip()
    words = name.split()
    if not 1 <= len(words) <= 6 or re.search(r"\d|@", name):
        return False
    if any(_token_kinds(name)):
        return False
    return words[0][0].isupper() and all(
        word[0].isupper() or word.lower() in PERSON_PARTICLES for word in words
    )
