"""Read speakers (name, honorific, position, affiliation) from talk text and front matter."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace

from ..model import Problem, Speaker
from ..problems import Code
from .images import image_of
from .text.clean import clean_text
from .wording import (
    PERSON_PARTICLES,
    has_title_word,
    is_institution,
    is_title,
    looks_like_person_name,
)

_DOTTED_HONORIFICS = r"Dr\.-Ing|Dipl\.-Ing|Apl|Assoc|Asst|Prof|Dr|Mrs|Mr|Ms|Mx|Sri|Shri|Smt|Er|Ing"
_BARE_HONORIFICS = r"Professor|Prof|Dr|Mrs|Mr|Ms|Miss|Mx|Sri|Shri|Smt|Sir|Dame"
_HONORIFIC_RE = re.compile(
    rf"^(?:(?:(?:{_DOTTED_HONORIFICS})\.|(?:{_BARE_HONORIFICS})(?=\s+\S))\s*)+",
    re.IGNORECASE,
)

_POSTNOMINAL = (
    r"Ph\.?\s?D\.?|D\.?\s?Phil\.?|D\.?\s?Sci?\.?|Sc\.?\s?D\.?|M\.?\s?Sc\.?|M\.?\s?Tech\.?"
    r"|B\.?\s?Tech\.?|M\.?\s?Eng\.?|B\.?\s?Eng\.?|E\.\s?Eng\.?|P\.\s?Eng\.?|C\.?\s?Eng\.?"
    r"|MBA|M\.D\.|MD|P?S?FHEA|FRS[CE]?|FREng|FInstP|FIMMM|FIEEE|FNAE?|FNASc|FASc|FAAAS"
    r"|OBE|CBE|MBE"
)
_POSTNOMINAL_RE = re.compile(_POSTNOMINAL)
_NAME_WORD_RE = re.compile(r"[^\s,]+")

_EMAIL_RE = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_URL_RE = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_CONTACT_LABEL_RE = re.compile(
    r"^(?:e-?mail|website|web\s?page|web|home\s?page|url|phone|tel|telephone|mobile|fax)"
    r"\s*(?:id)?\s*[:\-]",
    re.IGNORECASE,
)
_EMPTY_BRACKETS_RE = re.compile(r"\(\s*\)|\[\s*\]")
_SPACE_BEFORE_PUNCTUATION = re.compile(r"\s+([,;.])")
_LETTER_RE = re.compile(r"[^\W\d_]")
_SEPARATORS = {"&": " & ", "and": " and ", "+": " + "}
#: Markdown emphasis around words: "**Ada Byrne**", "_UCL_".
_EMPHASIS = re.compile(r"(?<!\w)(?:\*{1,3}|_{1,3})(?=\S)|(?<=\S)(?:\*{1,3}|_{1,3})(?!\w)")
_LIST_MARKER = re.compile(r"(?:[-*+\u2022]|\d{1,2}[.)])\s+")
_JOINT_NAMES = re.compile(r"\s+(?:and|&|et|und)\s+")
_LISTED_NAMES = re.compile(r"\s*,\s*(?:and\s+|&\s*)?|\s+(?:and|&)\s+")
_PEOPLE_SEPARATOR = re.compile(r"\s*;\s*|\s+(?:&|and|et|und)\s+")


#: One surname (``Smith``, ``Smith-Jones``, ``O'Neil``), as written before given names.
_SURNAME = re.compile(r"[A-Z][\w'\u2019]+(?:-[A-Z][\w'\u2019]+)?")
#: Given names of one to four parts, among them an initial (``J.``, ``J.A.``, ``John A.``).
_GIVEN_WITH_INITIAL = re.compile(
    r"(?=(?:\S+\s+){0,3}\S+$)(?=.*\b[A-Z]\.)(?:(?:[A-Z]\.(?:-?[A-Z]\.)*|[A-Z][a-z]+)\s*)+"
)


def split_honorific(text: str) -> tuple[str | None, str]:
    """Split a leading honorific off a name and drop trailing post-nominals."""
    text = _tidy(text)
    match = _HONORIFIC_RE.match(text)
    honorific: str | None = None
    name = text
    if match and text[match.end() :].strip():
        honorific = " ".join(match.group(0).split())
        name = text[match.end() :]
    return honorific, _strip_postnominals(name)


def parse_speaker_block(lines: list[str]) -> list[Speaker]:
    """Read the speakers from the plain-text lines of a 'Speaker and Affiliation' section.

    Each list item ("- Name (Place)") is a speaker; a line that names several people, each
    with an affiliation ("Dr. A B, Stanford & Dr. C D, Princeton"), gives each of them.
    """
    cleaned = _clean_lines(lines)
    speakers: list[Speaker] = []
    for group, listed in _split_speakers(cleaned):
        pieces = _people_of_line(group[0]) if len(group) == 1 else [group[0]]
        for piece in pieces:
            speakers.extend(_speakers_from_group([piece, *group[1:]], listed=listed))
    return speakers


def looks_like_person(name: str) -> bool:
    """Whether a name (honorific and post-nominals allowed) reads as a person's name."""
    return looks_like_person_name(split_honorific(name)[1])


def parse_speaker_value(value: object, *, line: int = 0) -> tuple[list[Speaker], list[Problem]]:
    """Read the speakers of a front-matter ``speaker``/``speakers``/``authors`` value (whose
    key is at ``line``, the line of its problems)."""
    if value is None:
        return [], []
    if isinstance(value, str):
        return parse_speaker_block(value.splitlines()), []
    problems: list[Problem] = []
    if isinstance(value, Mapping):
        return _speakers_from_mapping(value, problems, line), problems
    if isinstance(value, list | tuple):
        return _speakers_from_list(value, problems, line), problems
    message = f"speaker value of type {type(value).__name__} not understood"
    return [], [Problem(line, Code.SPEAKER, message)]


# --- text helpers ------------------------------------------


def _tidy(text: str) -> str:
    """NFC-normalise ``text``, drop invisible characters and collapse its whitespace."""
    return " ".join(clean_text(text).split())


def _strip_postnominals(name: str) -> str:
    """Drop post-nominal letters ('PhD', 'Ph. D.', 'FRS') and a trailing comma from a name."""
    spans = [match.span() for match in _NAME_WORD_RE.finditer(name)]
    while len(spans) > 1:
        if len(spans) > 2 and _POSTNOMINAL_RE.fullmatch(name[spans[-2][0] : spans[-1][1]]):
            del spans[-2:]
        elif _POSTNOMINAL_RE.fullmatch(name[spans[-1][0] : spans[-1][1]]):
            del spans[-1]
        else:
            break
    return name[: spans[-1][1]].strip() if spans else name.strip()


def _has_postnominals(name: str) -> bool:
    return _strip_postnominals(name) != name.strip().rstrip(",").strip()


def _strip_contacts(line: str) -> str:
    """Remove e-mail addresses and links from a line; '' if it is only contact details."""
    if _CONTACT_LABEL_RE.match(line):
        return ""
    if "@" in line:
        line = _EMAIL_RE.sub("", line)
    if "://" in line or "www." in line.lower():
        line = _URL_RE.sub("", line)
    if "(" in line or "[" in line:
        line = _EMPTY_BRACKETS_RE.sub("", line)
    line = _SPACE_BEFORE_PUNCTUATION.sub(r"\1", " ".join(line.split()))
    return line if _LETTER_RE.search(line) or line in _SEPARATORS else ""


def _clean_lines(lines: list[str]) -> list[str]:
    """Tidy lines, keeping blank ones as '' and dropping contact-only lines: emphasis marks
    go ("**Ada Byrne**"), a parenthesis left open continues on the next line, and a full
    stop after a closing one goes ("Ada Byrne (UCL).")."""
    cleaned: list[str] = []
    for raw in lines:
        line = _tidy(_EMPHASIS.sub("", raw) if "*" in raw or "_" in raw else raw)
        if not line:
            cleaned.append("")
            continue
        line = _strip_contacts(line)
        if not line:
            continue
        if cleaned and cleaned[-1].count("(") > cleaned[-1].count(")"):
            line = cleaned.pop() + " " + line
        cleaned.append(line[:-1] if line.endswith(").") else line)
    return cleaned


# --- speakers in a block -----------------------------------


def _starts_new_speaker(line: str, after_blank: bool) -> bool:
    """Whether a line after the first one opens a second speaker."""
    head = line.split(",", maxsplit=1)[0]
    honorific, name = split_honorific(head)
    if not looks_like_person_name(name):
        return False
    return honorific is not None or (after_blank and _has_postnominals(head))


def _split_speakers(lines: list[str]) -> list[tuple[list[str], bool]]:
    """Group lines per speaker, each group opening with its name line; a list item opens
    one (its marker dropped: the group is marked as listed)."""
    groups: list[tuple[list[str], bool]] = []
    after_blank = False
    for line in lines:
        if not line:
            after_blank = True
            if groups:
                groups[-1][0].append(line)
            continue
        item = _LIST_MARKER.match(line)
        if item and line[item.end() :]:
            groups.append(([line[item.end() :]], True))
        elif not groups or _starts_new_speaker(line, after_blank):
            groups.append(([line], False))
        else:
            groups[-1][0].append(line)
        after_blank = False
    return groups


def _people_of_line(line: str) -> list[str]:
    """The parts of a line that each name a person, split at ";", "&", "and", "et", "und"
    when every part opens with a name of two words or more (or an honorific); else the line."""
    listed = _listed_names(line) or _inverted_names(line)
    if listed:
        return listed
    pieces = [piece.strip() for piece in _PEOPLE_SEPARATOR.split(line)]
    if len(pieces) < 2:
        return [line]
    for piece in pieces:
        head = re.split(r"[,(]", piece, maxsplit=1)[0]
        honorific, name = split_honorific(head)
        if not looks_like_person_name(name) or (honorific is None and len(name.split()) < 2):
            return [line]
    return pieces


def _listed_names(line: str) -> list[str] | None:
    """The names of a line that only lists three people or more, between commas ("A B, C D,
    E F" or "A B, C D and E F"), each of two to four words; None for any other line."""
    if line.count(",") < 2 and not (", " in line and _JOINT_NAMES.search(line)):
        return None
    names = [name.strip() for name in _LISTED_NAMES.split(line)]
    if len(names) < 3:
        return None
    for name in names:
        if not 2 <= len(name.split()) <= 4 or not looks_like_person_name(name):
            return None
        if is_institution(name):
            return None
    return names


def _inverted_names(line: str) -> list[str] | None:
    """The names of a line listing two people or more surname first ("Smith, J., Doe, A. and
    Lee, K."), turned round; None for any other line."""
    parts = [part.strip() for part in _LISTED_NAMES.split(line)]
    if len(parts) < 4 or len(parts) % 2:
        return None
    pairs = list(zip(parts[::2], parts[1::2], strict=True))
    if not all(_SURNAME.fullmatch(s) and _GIVEN_WITH_INITIAL.fullmatch(g) for s, g in pairs):
        return None
    return [f"{given} {surname}" for surname, given in pairs]


def _speakers_from_group(group: list[str], *, listed: bool = False) -> list[Speaker]:
    """Build the speakers of one name line and the appointment lines below it."""
    people, remainder = _parse_name_line(group[0], listed=listed)
    position, affiliation = _parse_appointments([*remainder, *group[1:]])
    return [
        Speaker(name=name, honorific=honorific, position=position, affiliation=affiliation)
        for honorific, name in people
        if name
    ]


def _parse_name_line(
    line: str, *, listed: bool = False
) -> tuple[list[tuple[str | None, str]], list[str]]:
    """Split a name line into people and any appointment text written after them."""
    honorific, text = split_honorific(line.lstrip(",;:-\u2013 "))
    head, tail = _uninverted(*_split_at_comma(text))
    name, paren = _split_paren_affiliation(_strip_postnominals(head), listed=listed)
    people = _split_joint_names(honorific, name)
    parts = [part.strip() for part in tail.split(",")] if tail else []
    while parts and _is_honorific_person(parts[0]):
        people.append(split_honorific(parts.pop(0)))
    rest = ", ".join(part for part in parts if part)
    remainder = [item for item in (paren, rest) if item]
    return people, remainder


def _split_at_comma(text: str) -> tuple[str, str]:
    """(before, after) the first comma outside parentheses: "A B (Inst, City), Chair"."""
    if "(" not in text:
        before, _, after = text.partition(",")
        return before, after
    depth = 0
    for index, char in enumerate(text):
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(0, depth - 1)
        elif char == "," and depth == 0:
            return text[:index], text[index + 1 :]
    return text, ""


def _uninverted(head: str, tail: str) -> tuple[str, str]:
    """A name written surname first, as in a bibliography ("Smith, J. A.", "Smith, John A.",
    "Smith, J., Oxford"), turned round; only with an initial among the given names ("Smith,
    John" may as well be a person of one name and a place)."""
    if "." not in tail:  # no initial: nearly every name line
        return head, tail
    given, comma, rest = tail.partition(",")
    given, _, paren = given.strip().partition("(")  # "Doe, J. (MIT)": the name, then (MIT)
    if _SURNAME.fullmatch(head.strip()) and _GIVEN_WITH_INITIAL.fullmatch(given.strip()):
        name = f"{given.strip()} {head.strip()}" + (f" ({paren.strip()}" if paren else "")
        return name, rest if comma else ""
    return head, tail


def _is_honorific_person(text: str) -> bool:
    honorific, name = split_honorific(text)
    return honorific is not None and looks_like_person_name(name)


def _split_paren_affiliation(name: str, *, listed: bool = False) -> tuple[str, str | None]:
    """Split 'Mike Shaw (UCL)' into the name and the institution in parentheses; in a list of
    people, 'Tim Button (Cambridge)' too (elsewhere '(Ali)' may be what the person is called)."""
    match = re.fullmatch(r"(.+?)\s*\(([^()]+)\)", name)
    if match is None:
        return name, None
    person, inside = match.group(1), match.group(2).strip()
    if is_institution(inside) or (listed and _capitalised_name(person) and inside[:1].isupper()):
        return person, inside
    return name, None


def _capitalised_name(text: str) -> bool:
    """Whether a text is two to six capitalised words (a name in a list of people, where a
    word such as "Dean" is a surname, not a title)."""
    words = text.split()
    return 2 <= len(words) <= 6 and all(
        word[:1].isupper() or word.lower() in PERSON_PARTICLES for word in words
    )


def _split_joint_names(honorific: str | None, name: str) -> list[tuple[str | None, str]]:
    """Split 'A B and C D' into two people when both halves look like names."""
    pieces = _JOINT_NAMES.split(name)
    if len(pieces) < 2:
        return [(honorific, name)]
    people = [(honorific, _strip_postnominals(pieces[0]))]
    people.extend(split_honorific(piece) for piece in pieces[1:])
    if all(looks_like_person_name(person) for _, person in people):
        return people
    return [(honorific, name)]


# --- position and affiliation ------------------------------


def _strip_stray_parenthesis(line: str) -> str:
    """Drop a closing ')' that has no opening '('."""
    if line.endswith(")") and line.count(")") > line.count("("):
        return line[:-1].rstrip()
    return line


def _logical_lines(lines: list[str]) -> list[str]:
    """Join continuation lines; separator lines ('&', 'and') stay on their own."""
    items: list[str] = []
    pending = False
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        if line.lower() in _SEPARATORS:
            items.append(line.lower())
            pending = False
        elif items and (pending or line.startswith("&")) and items[-1] not in _SEPARATORS:
            items[-1] = f"{items[-1]} {line}"
        else:
            items.append(line)
        pending = bool(re.search(r"\s(?:and|&)$", line))
    return [item if item in _SEPARATORS else _tidy_item(item) for item in items]


def _tidy_item(item: str) -> str:
    return _strip_stray_parenthesis(item.strip().rstrip(",;").strip())


def _split_appointment(item: str) -> tuple[str, str] | None:
    """Split 'Professor, Department of X' into a position and an affiliation."""
    parts = [part.strip() for part in item.split(",")]
    match = re.match(r"^(.+?)\s+(at|in)\s+(.+)$", parts[0])
    if match:
        left, preposition, right = match.groups()
        position = has_title_word(left) if preposition == "at" else is_title(left)
        if position and is_institution(right):
            return left, ", ".join([right, *parts[1:]])
    if len(parts) > 1 and is_title(parts[0]):
        for index in range(1, len(parts)):
            if is_institution(parts[index]):
                return ", ".join(parts[:index]), ", ".join(parts[index:])
    return None


def _merge_named_chair(items: list[str]) -> list[str]:
    """Join a chair's name ('Frank C. Engelhart') to the title line that follows it."""
    if len(items) < 2 or items[1] in _SEPARATORS or not is_title(items[1]):
        return items
    first = items[0]
    if re.search(r"[,\d]", first) or is_title(first) or is_institution(first):
        return items
    return [f"{first} {items[1]}", *items[2:]]


def _parse_appointments(lines: list[str]) -> tuple[str | None, str | None]:
    """Read the position and the affiliation from the lines under a name."""
    positions: list[str] = []
    affiliation = ""
    joiner = ", "
    for item in _merge_named_chair(_logical_lines(lines)):
        if item in _SEPARATORS:
            joiner = _SEPARATORS[item] if affiliation else ", "
            continue
        if not affiliation:
            split = _split_appointment(item)
            if split:
                positions.append(split[0])
                affiliation = split[1]
                continue
            if is_title(item):
                positions.append(item)
                continue
        affiliation = f"{affiliation}{joiner}{item}" if affiliation else item
        joiner = ", "
    if positions and not affiliation:
        positions[-1], affiliation = _split_trailing_institution(positions[-1])
    return ", ".join(positions) or None, affiliation or None


def _split_trailing_institution(item: str) -> tuple[str, str]:
    """Split 'CEO, Some Company, City' after its title parts (no other affiliation)."""
    parts = [part.strip() for part in item.split(",")]
    count = 1
    while count < len(parts) and is_title(parts[count]):
        count += 1
    return ", ".join(parts[:count]), ", ".join(parts[count:])


# --- front matter ------------------------------------------


def _speakers_from_list(
    values: list[object] | tuple[object, ...], problems: list[Problem], line: int
) -> list[Speaker]:
    """Read a list of strings and/or mappings."""
    speakers: list[Speaker] = []
    for entry in values:
        if isinstance(entry, str):
            speakers.extend(parse_speaker_block(entry.splitlines()))
        elif isinstance(entry, Mapping):
            speakers.extend(_speakers_from_mapping(entry, problems, line))
        elif entry is not None:
            kind = type(entry).__name__
            message = f"speaker list entry of type {kind} not understood"
            problems.append(Problem(line, Code.SPEAKER, message))
    return speakers


_MAPPING_KEYS = ("name", "honorific", "position", "affiliation", "id")
_PHOTO_KEYS = ("photo", "image", "avatar")


def _speakers_from_mapping(
    value: Mapping[object, object], problems: list[Problem], line: int
) -> list[Speaker]:
    """Read one speaker from a mapping with name/honorific/position/affiliation keys."""
    problems += [
        Problem(line, Code.SPEAKER, f"unknown speaker key {key!r}")
        for key in value
        if key not in _MAPPING_KEYS and key not in _PHOTO_KEYS
    ]
    fields: dict[str, str | None] = {}
    for key in _MAPPING_KEYS:
        field_value = value.get(key)
        if field_value is None or isinstance(field_value, str):
            fields[key] = _tidy(field_value) or None if field_value else None
        else:
            kind = type(field_value).__name__
            message = f"speaker {key} of type {kind} not understood"
            problems.append(Problem(line, Code.SPEAKER, message))
            fields[key] = None
    name = fields["name"]
    if not name:
        problems.append(Problem(line, Code.SPEAKER, "speaker entry without a name"))
        return []
    honorific, bare_name = split_honorific(name)
    speaker = Speaker(
        name=bare_name,
        honorific=fields["honorific"] or honorific,
        position=fields["position"],
        affiliation=fields["affiliation"],
        id=fields["id"],
    )
    photo_value = next((value[k] for k in _PHOTO_KEYS if value.get(k)), None)
    if photo_value is not None:
        photo, refusal = image_of(photo_value, speaker.display_name)
        if refusal:
            problems.append(Problem(line, Code.URL, refusal))
        speaker = replace(speaker, photo=photo)
    return [speaker]
