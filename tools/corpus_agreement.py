"""Compare the reader with an answer key of a talk corpus, field by field.

Usage: python tools/corpus_agreement.py CORPUS_DIR ANSWER_KEY.json [--show FIELD]

The answer key maps file names to the expected values (see ../shared/corpus in the
development workspace). Text is compared after Unicode NFC normalisation, the series
case-insensitively, abstract and bio by their first 60 characters.
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sphinx_seminars.reader import read_talk
from sphinx_seminars.serialize import talk_to_json


def nfc(value: object) -> object:
    return unicodedata.normalize("NFC", value) if isinstance(value, str) else value


def first_speaker(data: dict[str, Any], key: str) -> object:
    speakers = data.get("speakers") or []
    return nfc(speakers[0][key]) if speakers else None


def starts(data: dict[str, Any], key: str) -> str:
    return str(nfc((data.get(key) or "")[:60])).strip()


FIELDS: dict[str, tuple[Callable[[dict[str, Any]], object], Callable[[dict[str, Any]], object]]] = {
    "start": (lambda g: g["start"], lambda e: e["start"]),
    "end": (lambda g: g["end"], lambda e: e["end"]),
    "timezone": (lambda g: g["timezone"], lambda e: e["timezone"]),
    "speaker.name": (lambda g: first_speaker(g, "name"), lambda e: first_speaker(e, "name")),
    "speaker.honorific": (lambda g: first_speaker(g, "honorific"), lambda e: first_speaker(e, "honorific")),
    "speaker.position": (lambda g: first_speaker(g, "position"), lambda e: first_speaker(e, "position")),
    "speaker.affiliation": (lambda g: first_speaker(g, "affiliation"), lambda e: first_speaker(e, "affiliation")),
    "venue": (lambda g: nfc(g["venue"]), lambda e: nfc(e["venue"])),
    "online_url": (lambda g: g["online_url"], lambda e: e["online_url"]),
    "series": (lambda g: (g["series"] or "").lower() or None, lambda e: (e["series"] or "").lower() or None),
    "references": (lambda g: len(g["references"]), lambda e: e["references_count"]),
    "abstract": (lambda g: starts(g, "abstract"), lambda e: str(nfc(e["abstract_starts"])).strip()),
    "bio": (lambda g: starts(g, "bio"), lambda e: str(nfc(e["bio_starts"])).strip()),
    "problems": (
        lambda g: sorted({p["code"] for p in g["problems"]} & {"weekday", "title-date", "filename-date", "no-speaker", "no-abstract"}),
        lambda e: sorted(e["expected_problems"]),
    ),
}  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("key", type=Path)
    parser.add_argument("--show", action="append", default=[], help="print disagreements")
    parser.add_argument("--timezone", default=None)
    args = parser.parse_args()
    key = json.loads(args.key.read_text(encoding="utf-8"))
    agree = dict.fromkeys(FIELDS, 0)
    for name, expected in sorted(key.items()):
        got = talk_to_json(read_talk(args.corpus / name, default_timezone=args.timezone))
        for field, (ours, theirs) in FIELDS.items():
            if ours(got) == theirs(expected):
                agree[field] += 1
            elif field in args.show or "all" in args.show:
                print(f"{name} {field}:\n  ours: {ours(got)!r}\n  key:  {theirs(expected)!r}")
    total = len(key)
    for field, count in agree.items():
        print(f"{field:22} {count:3}/{total} {100 * count / total:5.1f}%")
    return 0


if __name__ == "__main__":
    sys.exit(main())
