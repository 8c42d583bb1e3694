"""Pages that show other pages' talks are written again when what they show changes.

After each read phase, a digest of everything a page shows of other pages (its listings, its
seminar links, whether its talks still own their ids) is compared with the digest recorded
when the page was last written; pages whose digests differ are written again, though they
were not read again.  The record is made only once the pages are written, so a build stopped
while writing leaves the old record and the next build writes them again."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path
from typing import TYPE_CHECKING

from ..config import get_config
from ..domain import SeminarDomain, domain_of
from ..records import TalkRecord
from .select import select
from .spec import ListingSpec

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment


def shown(record: TalkRecord) -> tuple[object, ...]:
    """What listings show of a talk (not its abstract or bio)."""
    talk = record.talk
    return (
        record.id,
        record.title,
        record.docname,
        record.anchor,
        talk.start,
        talk.end,
        talk.timezone,
        talk.series,
        talk.tags,
        talk.venue,
        talk.kind,
        talk.status,
        talk.rescheduled_to,
        talk.online_url,
        record.speakers,
        record.roles,
        record.image,
    )


def _replacement(domain: SeminarDomain, record: TalkRecord) -> object:
    """What a page shows of the talk a talk of it was rescheduled to."""
    moved = record.talk.rescheduled_to
    replacement = domain.talk(moved) if isinstance(moved, str) else None
    return shown(replacement) if replacement is not None else None


def page_digest(domain: SeminarDomain, docname: str, today: dt.date) -> str:
    """A digest of everything one page shows that depends on other pages: its listings, its
    links, whether its talks are the talks their ids stand for (a talk whose id another
    file took first has no calendar and no JSON-LD), and the talks they were rescheduled to
    (whose time their JSON-LD gives)."""
    digest = hashlib.sha256()
    own = [
        (r.id, r.anchor, domain.talk_at(docname, r.anchor) is not None, _replacement(domain, r))
        for r in domain.talks_on(docname)
    ]
    digest.update(repr(own).encode())
    speakers = domain.speakers()

    def listed(talks: list[TalkRecord]) -> object:
        return [(shown(t), [speakers[s.key][:4] for s in t.speakers]) for t in talks]

    for spec in domain.listings_on(docname):
        if not isinstance(spec, ListingSpec):
            continue
        if spec.kind == "speakers":
            seen: object = sorted(
                (
                    key, s.name, s.docname, s.anchor, s.photo, [shown(t) for t in s.talks],
                    [(role, shown(t)) for role, t in s.roles],
                )
                for key, s in domain.people().items()
            )  # fmt: skip
        elif spec.kind == "nav":
            before, after = domain.neighbours(spec.talk or "")
            seen = ([shown(t) if t else None for t in (before, after)], domain.archive_page())
        elif spec.kind == "archive":
            seen = listed(domain.talks())
        else:
            seen = listed(select(domain, spec, today))
        digest.update(repr((spec, seen)).encode())
    for typ, target in domain.xrefs_on(docname):
        digest.update(repr((typ, target, domain.find(typ, target))).encode())
    return digest.hexdigest()


def _written_digests_path(app: Sphinx) -> Path:
    """Where the digests of the pages last written by this builder are kept."""
    return Path(app.doctreedir) / f"sphinx-seminars-pages-{app.builder.name}.json"


def _written_digests(app: Sphinx) -> dict[str, str]:
    try:
        saved = json.loads(_written_digests_path(app).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return saved if isinstance(saved, dict) else {}


def outdated_pages(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """``env-updated``: the pages that now show something else than when last written."""
    domain = domain_of(env)
    today = get_config(env).today_date()
    written = _written_digests(app)
    digests = {
        docname: page_digest(domain, docname, today)
        for docname in sorted(domain.pages_showing_others())
    }
    domain.set_page_digests(digests)
    return [docname for docname, digest in digests.items() if written.get(docname) != digest]


def commit_digests(app: Sphinx, exception: BaseException | None) -> None:
    """``build-finished``: the pages are written; record what they show."""
    if exception is None:
        path = _written_digests_path(app)
        text = json.dumps(domain_of(app.env).page_digests(), sort_keys=True)
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
