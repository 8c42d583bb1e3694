"""The seminar domain on a test project of a dozen talks: roles, indices, listings,
objects.inv, duplicates; parallel builds and incremental rebuilds."""

from __future__ import annotations

import re
import shutil
import time
from collections.abc import Callable, Set
from pathlib import Path
from typing import Any

import pytest
from sphinx.testing.util import SphinxTestApp
from sphinx.util.inventory import InventoryFile

from sphinx_seminars.domain import SeminarDomain

ROOT = Path(__file__).parent / "roots" / "test-domain"
MakeApp = Callable[..., SphinxTestApp]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A private copy of the test project, free to edit."""
    srcdir = tmp_path / "src"
    shutil.copytree(ROOT, srcdir)
    return srcdir


def text_of(html: str) -> str:
    body = html[max(html.find('<div class="body"'), 0) :]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", body))


def track_reads(app: SphinxTestApp) -> list[str]:
    """Record the documents read in the next builds."""
    read: list[str] = []
    app.connect("env-before-read-docs", lambda app, env, docnames: read.extend(docnames))
    return read


def test_roles_resolve_with_titles(make_app: MakeApp, project: Path) -> None:
    app = make_app("html", srcdir=project)
    app.build()
    assert app.warning.getvalue() == ""
    html = (app.outdir / "roles.html").read_text(encoding="utf-8")
    assert re.search(
        r'href="talk-lin-2024-09.html#lin-2024-09"[^>]*>.*?Dislocations in high-entropy alloys',
        html,
    )
    assert re.search(
        r'href="talk-okoro-2025-07.html#okoro-2025-07"[^>]*>.*?the hydrogen talk', html
    )
    speaker_links = re.findall(r'href="speakers.html#speaker-mei-lin"', html)
    assert len(speaker_links) == 3  # "Prof. Mei Lin", "mei lin" and the alias "Mei Lin-Zhou"
    assert 'href="index.html#series-alloy-colloquium"' in html
    assert re.search(
        r'href="talk-haddad-2025-01.html#haddad-2025-01"[^>]*>.*?Machine-learned', html
    )
    assert 'href="seminar-index.html"' in html and 'href="seminar-speakers.html"' in html


def test_unknown_targets_warn(make_app: MakeApp, project: Path) -> None:
    (project / "bad.rst").write_text(
        "Bad\n===\n\n:seminar:talk:`no-such-talk` and :seminar:speaker:`Nobody Atall`\n",
        encoding="utf-8",
    )
    app = make_app("html", srcdir=project)
    app.build()
    warnings = app.warning.getvalue()
    assert re.search(r"bad\.rst:4: WARNING: unknown talk 'no-such-talk' \[seminar\.ref\]", warnings)
    assert re.search(r"unknown speaker 'Nobody Atall' \[seminar\.ref\]", warnings)


def test_seminar_index_by_year_newest_first(make_app: MakeApp, project: Path) -> None:
    app = make_app("html", srcdir=project)
    app.build()
    text = text_of((app.outdir / "seminar-index.html").read_text(encoding="utf-8"))
    years = [text.index(f" {y} ") for y in ("2025", "2024", "2023")]
    assert years == sorted(years)
    assert text.index("Batteries at scale") < text.index("Perovskite stability")
    assert "Ceramics for the cold (Thursday 7 December 2023)" in text
    html = (app.outdir / "seminar-index.html").read_text(encoding="utf-8")
    assert 'href="speakers.html#speaker-lukas-weber"' in html  # speakers are links


def test_speakers_index_and_page(make_app: MakeApp, project: Path) -> None:
    app = make_app("html", srcdir=project)
    app.build()
    index = text_of((app.outdir / "seminar-speakers.html").read_text(encoding="utf-8"))
    surnames = ["Haddad", "Ito", "Kim", "Lin", "Mensah", "Novák", "Okoro", "Santos", "Weber"]
    positions = [index.index(name) for name in surnames]
    assert positions == sorted(positions)
    page = (app.outdir / "speakers.html").read_text(encoding="utf-8")
    assert 'id="speaker-mei-lin"' in page
    text = text_of(page)
    assert (
        "2024: Department of Metallurgy, Eastport University; "
        "2025: Department of Materials, Northgate Institute"
    ) in text
    lin = text[text.index("Prof. Mei Lin") : text.index("Prof. Kwame Mensah")]
    assert lin.index("Entropy, order and strength") < lin.index("Dislocations")


def test_listings_filter_sort_and_format(make_app: MakeApp, project: Path) -> None:
    app = make_app("html", srcdir=project)
    app.build()
    html = (app.outdir / "index.html").read_text(encoding="utf-8")
    upcoming = text_of(html[html.index('id="upcoming"') : html.index('id="past-talks-of-2025"')])
    order = [
        "Hydrogen embrittlement",
        "Active learning",
        "Perovskite stability",
        "Batteries at scale",
    ]
    assert [upcoming.index(t) for t in order] == sorted(upcoming.index(t) for t in order)
    assert "Thin films" not in upcoming  # 2025-05-22 is before seminar_today
    assert '<table class="seminar-table' in html
    past = text_of(
        html[html.index('id="past-talks-of-2025"') : html.index('id="alloy-colloquium"')]
    )
    assert "Thin films by sputtering" in past and "Machine-learned potentials" in past
    assert "Dislocations" not in past and "Hydrogen" not in past
    cards = html[html.index('id="alloy-colloquium"') :]
    assert cards.count('class="seminar-card docutils container"') == 3
    assert "Perovskite" not in text_of(cards)


@pytest.mark.parametrize(
    ("option", "message"),
    [
        (":when: soon", "when must be one of"),
        (":limit: -1", "limit must be a positive"),
        (":format: grid", "format must be one of"),
    ],
)
def test_bad_listing_option_warns(
    make_app: MakeApp, project: Path, option: str, message: str
) -> None:
    (project / "bad.rst").write_text(
        f"Bad\n===\n\n.. seminar-list::\n   {option}\n", encoding="utf-8"
    )
    app = make_app("html", srcdir=project)
    app.build()
    assert re.search(rf"bad\.rst:4: WARNING: {message}.*\[seminar\.list\]", app.warning.getvalue())


def test_objects_inventory(make_app: MakeApp, project: Path) -> None:
    app = make_app("html", srcdir=project)
    app.build()
    with (app.outdir / "objects.inv").open("rb") as stream:
        inventory: Any = InventoryFile.load(stream, "https://example.org", lambda *a: "/".join(a))
    data = inventory.data if hasattr(inventory, "data") else inventory
    talks = data["seminar:talk"]
    assert len(talks) == 12
    assert _uri(talks["mensah-2023-12"]).endswith(
        "archive/2023/talk-mensah-2023-12.html#mensah-2023-12"
    )
    assert _display_name(talks["lin-2024-09"]) == "Dislocations in high-entropy alloys"
    assert "speakers.html#speaker-mei-lin" in _uri(data["seminar:speaker"]["mei-lin"])
    assert set(data["seminar:series"]) == {"alloy-colloquium", "data-science-colloquium"}


def test_duplicate_ids_warn_with_both_places(make_app: MakeApp, project: Path) -> None:
    (project / "again.md").write_text(
        "---\norphan: true\n---\n# Again\n\n```{seminar} talks/2024-10-03-seminar-okoro.md\n```\n"
    )
    app = make_app("html", srcdir=project)
    app.build()
    warnings = app.warning.getvalue()
    assert re.search(
        r"talk-okoro-2024-10\.md:3: WARNING: talk id 'okoro-2024-10' "
        r"\(talks/2024-10-03-seminar-okoro\.md\) is also the id of the talk at again\.md:6 "
        r"\(talks/2024-10-03-seminar-okoro\.md\): links, calendars, feed and seminars\.json "
        r"have only that one \[seminar\.duplicate\]",
        warnings,
    ), warnings


def _uri(item: Any) -> str:
    """An inventory item's URI (an attribute from Sphinx 8.2 on, a tuple before)."""
    return str(item.uri if hasattr(item, "uri") else item[2])


def _display_name(item: Any) -> str:
    return str(item.display_name if hasattr(item, "display_name") else item[3])


def _html_pages(outdir: Path) -> dict[str, str]:
    return {
        str(p.relative_to(outdir)): p.read_text(encoding="utf-8")
        for p in sorted(outdir.rglob("*.html"))
    }


def test_parallel_build_equals_serial(
    make_app: MakeApp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    merged: list[str] = []
    original = SeminarDomain.merge_domaindata

    def spy(self: SeminarDomain, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        merged.extend(docnames)
        original(self, docnames, otherdata)

    monkeypatch.setattr(SeminarDomain, "merge_domaindata", spy)
    pages = {}
    for jobs in (1, 2):
        srcdir = tmp_path / f"j{jobs}"
        shutil.copytree(ROOT, srcdir)
        app = make_app("html", srcdir=srcdir, parallel=jobs)
        read = track_reads(app)
        app.build()
        assert app.warning.getvalue() == ""
        assert len(read) == 15  # 12 talk pages, index, speakers, roles
        pages[jobs] = _html_pages(app.outdir)
        app.cleanup()
    assert len(merged) == 15  # the -j 2 build did read in worker processes
    assert pages[1].keys() == pages[2].keys()
    for name in pages[1]:
        assert pages[1][name] == pages[2][name], name
    assert "Batteries at scale" in pages[2]["index.html"]


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.mark.parametrize("jobs", [1, 2])
def test_incremental_edit_updates_every_page_that_shows_it(
    make_app: MakeApp, project: Path, jobs: int
) -> None:
    app = make_app("html", srcdir=project, parallel=jobs)
    app.build()
    built = time.time_ns()
    read = track_reads(app)
    _edit(
        project / "talks" / "2024-09-12-seminar-lin.md",
        "Dislocations in",
        "Twins and dislocations in",
    )
    app.build()
    written = {
        str(p.relative_to(app.outdir).with_suffix(""))
        for p in app.outdir.rglob("*.html")
        if p.stat().st_mtime_ns > built
    }
    assert read == ["talk-lin-2024-09"]
    assert {
        "talk-lin-2024-09",
        "index",
        "speakers",
        "roles",
        "seminar-index",
        "seminar-speakers",
    } <= set(written)
    assert "talk-kim-2025-10" not in written
    assert "Twins and dislocations" in (app.outdir / "index.html").read_text(encoding="utf-8")
    assert "Twins and dislocations" in (app.outdir / "roles.html").read_text(encoding="utf-8")
    assert "Twins and dislocations" in (app.outdir / "speakers.html").read_text(encoding="utf-8")
    assert "Twins and dislocations" in (app.outdir / "seminar-index.html").read_text(
        encoding="utf-8"
    )


def test_incremental_date_change_moves_talk_between_listings(
    make_app: MakeApp, project: Path
) -> None:
    app = make_app("html", srcdir=project)
    app.build()
    _edit(
        project / "talks" / "2025-05-22-seminar-ito.md",
        "22nd May, 2025 (Thursday)",
        "26th June, 2025 (Thursday)",
    )
    app.build()
    html = (app.outdir / "index.html").read_text(encoding="utf-8")
    upcoming = text_of(html[html.index('id="upcoming"') : html.index('id="past-talks-of-2025"')])
    assert "Thin films by sputtering" in upcoming
    past = text_of(
        html[html.index('id="past-talks-of-2025"') : html.index('id="alloy-colloquium"')]
    )
    assert "Thin films by sputtering" not in past


def test_deleted_talk_disappears_everywhere(make_app: MakeApp, project: Path) -> None:
    app = make_app("html", srcdir=project)
    app.build()
    (project / "talk-kim-2025-10.md").unlink()
    app.build()
    for page in ("index.html", "speakers.html", "seminar-index.html", "seminar-speakers.html"):
        assert "Perovskite" not in (app.outdir / page).read_text(encoding="utf-8"), page
    with (app.outdir / "objects.inv").open("rb") as stream:
        inventory: Any = InventoryFile.load(stream, "", lambda *a: "/".join(a))
    data = inventory.data if hasattr(inventory, "data") else inventory
    assert "kim-2025-10" not in data["seminar:talk"]
    assert "ji-woo-kim" not in data["seminar:speaker"]


def test_rebuild_with_nothing_changed_reads_nothing_and_keeps_listings(
    make_app: MakeApp, project: Path
) -> None:
    app = make_app("html", srcdir=project)
    app.build()
    before = _html_pages(app.outdir)
    read = track_reads(app)
    app.build()
    assert read == []
    after = _html_pages(app.outdir)
    assert after == before
    assert "Batteries at scale" in after["index.html"]
    # a new app on the pickled environment, as a second sphinx-build run
    again = make_app("html", srcdir=project)
    read = track_reads(again)
    again.build()
    assert read == []
    assert _html_pages(again.outdir)["index.html"] == before["index.html"]


def _listing(project: Path, options: str) -> None:
    (project / "listing.rst").write_text(
        f"Listing\n=======\n\n.. seminar-list::\n{options}\n", encoding="utf-8"
    )
    index = project / "index.rst"
    index.write_text(index.read_text().replace("   roles\n", "   roles\n   listing\n"))


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ("   :tag: corrosion", ["Hydrogen embrittlement", "Corrosion under insulation"]),
        ("   :speaker: dr omar HADDAD", ["Active learning for materials", "Machine-learned"]),
        (
            "   :year: 2024\n   :sort: title",
            ["Additive manufacturing", "Corrosion under insulation", "Dislocations in"],
        ),
        ("   :sort: date\n   :limit: 2", ["Ceramics for the cold", "Dislocations in"]),
        ("   :series: alloy COLLOQUIUM\n   :when: past", ["Entropy, order", "Dislocations in"]),
    ],
)
def test_listing_filters(
    make_app: MakeApp, project: Path, options: str, expected: list[str]
) -> None:
    _listing(project, options)
    app = make_app("html", srcdir=project)
    app.build()
    assert app.warning.getvalue() == ""
    html = (app.outdir / "listing.html").read_text(encoding="utf-8")
    items = re.findall(r'<span class="seminar-title">([^<]+)</span>', html)
    assert len(items) == len(expected), items
    for item, start in zip(items, expected, strict=True):
        assert item.startswith(start), (item, start)


def test_indices_in_latex(make_app: MakeApp, project: Path) -> None:
    app = make_app("latex", srcdir=project)
    app.build()
    tex = next(app.outdir.glob("*.tex")).read_text(encoding="utf-8")
    assert "Seminar Index" in tex and "Speakers" in tex
    assert "Batteries at scale" in tex
