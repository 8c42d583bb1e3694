"""``seminars.json``: every talk in the JSON schema of ``show --json``, plus its ``url``."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from ..serialize import talk_to_json
from .common import Site, SiteTalk, write_if_changed

if TYPE_CHECKING:
    from sphinx.application import Sphinx

SCHEMA_VERSION = 2
FILENAME = "seminars.json"
SCHEMA_FILENAME = "seminars.schema.json"


def json_document(site: Site, talks: list[SiteTalk]) -> str:
    document = {
        "schema_version": SCHEMA_VERSION,
        "talks": [
            {**talk_to_json(one.talk, plain=one.record.plain), "url": site.url(one.path)}
            for one in talks
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


def write_json(app: Sphinx, site: Site, talks: list[SiteTalk]) -> None:
    """``seminars.json``, and its JSON Schema beside it as ``seminars.schema.json``."""
    write_if_changed(Path(app.outdir) / FILENAME, json_document(site, talks))
    schema = resources.files("sphinx_seminars").joinpath("schema/seminars.schema.json")
    write_if_changed(Path(app.outdir) / SCHEMA_FILENAME, schema.read_text(encoding="utf-8"))
