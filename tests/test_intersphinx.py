"""Intersphinx: a seminar site (the producer) writes ``objects.inv``; another Sphinx project
(the consumer), with intersphinx and sphinx_seminars loaded, links to its talks, speakers and
series, speakers written any way (honorific, accents, case and spacing folded, the
producer's aliases applied), as on the producer's own pages."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from sphinx.util.inventory import InventoryFile

from tests.sites import Build, build, talk, write_site

SITE = "https://seminars.example.org/"
PRODUCER_TALKS: dict[str, str | bytes] = {
    "2025-01-09-butler.md": talk(
        "Deep learning for materials",
        speaker="Dr. Keith Tobias Butler",
        date="2025-01-09",
        extra="id: Butler-Jan-2025\nseries: Materials Colloquium\nabstract: Models.\n",
    ),
    "2025-02-13-marchand.md": talk(
        "Clocks and zones",
        speaker="Prof. Élodie Marchand",
        date="2025-02-13",
        extra="series: Materials Colloquium\nabstract: Zones.\n",
    ),
    "2025-03-06-shaw.md": talk(
        "Polymers in motion",
        speaker="Mike Shaw",
        date="2025-03-06",
        extra="speaker_id: mshaw\nabstract: Chains.\n",
    ),
}
PRODUCER_CONF = 'seminar_speaker_aliases = {"Keith Butler": "Keith Tobias Butler"}\n'
PRODUCER_LINKS = """\
---
orphan: true
---
# Links

{seminar:speaker}`Dr. Keith Butler`, {seminar:speaker}`Mike Shaw`, {seminar:speaker}`mshaw`.
"""
CONSUMER_CONF = """\
project = "Consumer"
extensions = ["sphinx.ext.intersphinx", "sphinx_seminars"]
intersphinx_mapping = {{"seminars": ("{site}", r"{inventory}")}}
seminar_exports = []
seminar_script = False
show_warning_types = True
"""
CONSUMER_RST = """\
Links
=====

* talk, as written: :seminar:talk:`Butler-Jan-2025`
* talk, other case: :seminar:talk:`butler-jan-2025`
* speaker, an alias with honorific: :seminar:speaker:`Dr. Keith Butler`
* speaker, spacing and case: :seminar:speaker:`keith   tobias BUTLER`
* speaker, without accents or honorific: :seminar:speaker:`Elodie Marchand`
* speaker, by the name of one with an id: :seminar:speaker:`Mike Shaw`
* speaker, by that id: :seminar:speaker:`mshaw`
* series, other case: :seminar:series:`materials colloquium`
* explicit inventory: :external+seminars:seminar:speaker:`Prof. Keith T. Butler <Dr. Keith Butler>`
* any role: :any:`Élodie Marchand`

.. toctree::

   markdown
"""
CONSUMER_MD = """\
# In Markdown

{seminar:speaker}`Prof. Élodie  Marchand` in the {seminar:series}`MATERIALS COLLOQUIUM`,
{external+seminars:seminar:talk}`butler-jan-2025`.
"""


@pytest.fixture(scope="module")
def producer(tmp_path_factory: pytest.TempPathFactory) -> Build:
    folder = tmp_path_factory.mktemp("producer")
    pages = {"links.md": PRODUCER_LINKS}
    result = build(write_site(folder, PRODUCER_TALKS, conf=PRODUCER_CONF, pages=pages))
    assert result.status == 0 and result.warnings == "", result.warnings
    return result


def _consumer(folder: Path, producer: Build, *, extensions: str | None = None) -> Build:
    source = folder / "consumer"
    source.mkdir()
    conf = CONSUMER_CONF.format(site=SITE, inventory=producer.outdir / "objects.inv")
    if extensions is not None:
        conf = re.sub(r"extensions = .*", f"extensions = {extensions}", conf)
    (source / "conf.py").write_text(conf, encoding="utf-8")
    (source / "index.rst").write_text(CONSUMER_RST, encoding="utf-8")
    (source / "markdown.md").write_text(CONSUMER_MD, encoding="utf-8")
    return build(source)


def _links(html: str) -> list[tuple[str, str]]:
    """(address, text) of each link to another site."""
    found = re.findall(r'<a class="reference external" href="([^"]+)"[^>]*>(.*?)</a>', html, re.S)
    return [(href, re.sub(r"<[^>]+>", "", text)) for href, text in found]


def test_the_producer_finds_a_speaker_by_an_alias_and_by_the_name_of_one_with_an_id(
    producer: Build,
) -> None:
    links = r'<a class="reference internal" href="([^"]+)"[^>]*><span class="seminar-ref'
    hrefs = re.findall(links, producer.read("links.html"))
    assert hrefs == [
        "speakers.html#speaker-keith-tobias-butler",
        "speakers.html#speaker-mshaw",
        "speakers.html#speaker-mshaw",
    ]


def test_the_inventory_has_other_names_hidden_from_search(producer: Build) -> None:
    with (producer.outdir / "objects.inv").open("rb") as stream:
        inventory: Any = InventoryFile.load(stream, SITE, lambda *a: "/".join(a))
    data = inventory.data if hasattr(inventory, "data") else inventory
    assert set(data["seminar:talk"]) >= {"Butler-Jan-2025", "butler-jan-2025"}
    speakers = data["seminar:speaker"]
    assert {"keith-tobias-butler", "keith-butler", "elodie-marchand", "mshaw", "mike-shaw"} <= set(
        speakers
    )
    assert data["seminar:series"].keys() == {"materials-colloquium"}


def test_a_consumer_links_to_talks_speakers_and_series_written_any_way(
    tmp_path: Path, producer: Build
) -> None:
    consumer = _consumer(tmp_path, producer)
    assert consumer.status == 0
    assert consumer.warnings == ""
    butler_talk = f"{SITE}talks/2025-01-09-butler.html#butler-jan-2025"
    butler = f"{SITE}speakers.html#speaker-keith-tobias-butler"
    marchand = f"{SITE}speakers.html#speaker-elodie-marchand"
    shaw = f"{SITE}speakers.html#speaker-mshaw"
    series = f"{SITE}talks/2025-02-13-marchand.html#2025-02-13-marchand"  # its newest talk
    assert _links(consumer.read("index.html")) == [
        (butler_talk, "Deep learning for materials"),
        (butler_talk, "Deep learning for materials"),
        (butler, "Dr. Keith Tobias Butler"),
        (butler, "Dr. Keith Tobias Butler"),
        (marchand, "Prof. Élodie Marchand"),
        (shaw, "Mike Shaw"),
        (shaw, "Mike Shaw"),
        (series, "Materials Colloquium"),
        (butler, "Prof. Keith T. Butler"),
        (marchand, "Prof. Élodie Marchand"),
    ]
    assert _links(consumer.read("markdown.html")) == [
        (marchand, "Prof. Élodie Marchand"),
        (series, "Materials Colloquium"),
        (butler_talk, "Deep learning for materials"),
    ]
    assert not (consumer.outdir / "seminars.json").exists()  # seminar_exports = []


def test_without_the_extension_the_roles_are_unknown(tmp_path: Path, producer: Build) -> None:
    """Why a consumer loads sphinx_seminars: the roles are the ``seminar`` domain's, and
    intersphinx asks that domain what a role finds."""
    consumer = _consumer(tmp_path, producer, extensions='["sphinx.ext.intersphinx", "myst_parser"]')
    assert re.search(r'Unknown interpreted text role "seminar:talk"', consumer.warnings)
    assert "seminars.example.org" not in consumer.read("index.html")
