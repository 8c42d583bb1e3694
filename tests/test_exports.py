"""The exports of the HTML builders: JSON (against its schema), calendars, feed, JSON-LD."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import icalendar
import jsonschema
import pytest
from sphinx.testing.util import SphinxTestApp

ROOT = Path(__file__).parent / "roots" / "test-collection"
MakeApp = Callable[..., SphinxTestApp]
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    srcdir = tmp_path / "src"
    shutil.copytree(ROOT, srcdir)
    return srcdir


@pytest.fixture
def built(make_app: MakeApp, project: Path) -> SphinxTestApp:
    app = make_app("html", srcdir=project)
    app.build()
    return app


def _events(path: Path) -> dict[str, Any]:
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    return {str(e["UID"]): e for e in calendar.walk("VEVENT")}


def test_json_export_validates_against_its_schema(built: SphinxTestApp) -> None:
    document = json.loads((built.outdir / "seminars.json").read_text(encoding="utf-8"))
    schema = json.loads(
        resources.files("sphinx_seminars").joinpath("schema/seminars.schema.json").read_text()
    )
    jsonschema.validate(document, schema)
    assert json.loads((built.outdir / "seminars.schema.json").read_text()) == schema
    talks = {t["id"]: t for t in document["talks"]}
    assert next(iter(talks)) == "becker-2025-09"  # newest first
    assert talks["becker-2025-09"]["url"] == (
        "https://colloquium.example.org/talks/2025-09-11-becker.html"
    )
    assert talks["becker-2025-09"]["references"] == ["A. Becker, Silicon Letters 4, 2024"]
    assert talks["2024-11-28-fischer"]["start"] == "2024-11-28"
    assert talks["becker-2025-09"]["source"] == "talks/2025-09-11-becker.md"


def test_json_urls_are_relative_without_a_base_url(make_app: MakeApp, project: Path) -> None:
    app = make_app("html", srcdir=project, confoverrides={"seminar_baseurl": None})
    app.build()
    document = json.loads((app.outdir / "seminars.json").read_text(encoding="utf-8"))
    urls = {t["id"]: t["url"] for t in document["talks"]}
    assert urls["becker-2025-09"] == "talks/2025-09-11-becker.html"


def test_site_calendar(built: SphinxTestApp) -> None:
    text = (built.outdir / "seminars.ics").read_text(encoding="utf-8")
    events = _events(built.outdir / "seminars.ics")
    assert set(events) == {
        "becker-2025-09@colloquium.example.org",
        "ortiz-2025-03@colloquium.example.org",
        "2025-06-05-nakamura@colloquium.example.org",
        "2024-11-28-fischer@colloquium.example.org",
        "2024-10-17-becker@colloquium.example.org",
    }
    becker = events["becker-2025-09@colloquium.example.org"]
    assert "DTSTART;TZID=Europe/Berlin:20250911T161500" in text
    assert "BEGIN:VTIMEZONE" in text and "TZID:Europe/Berlin" in text and "TZID:Asia/Tokyo" in text
    assert becker["DTSTART"].dt == dt.datetime(2025, 9, 11, 14, 15, tzinfo=dt.timezone.utc)
    assert becker["DTEND"].dt - becker["DTSTART"].dt == dt.timedelta(minutes=60)
    assert isinstance(becker["DTSTAMP"].dt, dt.datetime)
    assert int(becker["SEQUENCE"]) == 0
    description = str(becker["DESCRIPTION"])
    assert "Dr. Anna Becker (Group Leader, Institute for Solid State Physics" in description
    assert "https://colloquium.example.org/talks/2025-09-11-becker.html" in description
    assert str(becker["LOCATION"]).startswith("Lecture Hall A, Physics Building")
    ortiz = events["ortiz-2025-03@colloquium.example.org"]
    assert ortiz["DTEND"].dt - ortiz["DTSTART"].dt == dt.timedelta(minutes=90)
    assert 'Seminar Room 3; "East" wing' in str(ortiz["LOCATION"])
    assert 'Seminar Room 3\\; \\"East\\" wing' in text or "Seminar Room 3\\;" in text
    fischer = events["2024-11-28-fischer@colloquium.example.org"]
    assert fischer["DTSTART"].dt == dt.date(2024, 11, 28)  # all day
    assert "DTSTART;VALUE=DATE:20241128" in text
    assert fischer["DTEND"].dt == dt.date(2024, 11, 29)


def test_talk_calendars_and_links(built: SphinxTestApp) -> None:
    events = _events(built.outdir / "_ics/becker-2025-09.ics")
    assert list(events) == ["becker-2025-09@colloquium.example.org"]
    page = (built.outdir / "talks/2025-09-11-becker.html").read_text(encoding="utf-8")
    assert re.search(r'href="../_ics/becker-2025-09.ics">Add to calendar</a>', page)
    nested = (built.outdir / "talks/2024/2024-10-17-becker.html").read_text(encoding="utf-8")
    assert 'href="../../_ics/2024-10-17-becker.ics"' in nested


def test_sequence_bumps_when_a_talk_moves(make_app: MakeApp, project: Path) -> None:
    app = make_app("html", srcdir=project)
    app.build()
    talk = project / "talks/2025-06-05-nakamura.md"
    talk.write_text(talk.read_text().replace('time: "10:00"', 'time: "11:00"'))
    app.build()
    events = _events(app.outdir / "seminars.ics")
    assert int(events["2025-06-05-nakamura@colloquium.example.org"]["SEQUENCE"]) == 1
    assert int(events["becker-2025-09@colloquium.example.org"]["SEQUENCE"]) == 0
    own = _events(app.outdir / "_ics/2025-06-05-nakamura.ics")
    assert int(own["2025-06-05-nakamura@colloquium.example.org"]["SEQUENCE"]) == 1
    # a fresh environment recovers the history from the calendar already published
    again = make_app("html", srcdir=project, freshenv=True)
    again.build()
    events = _events(again.outdir / "seminars.ics")
    assert int(events["2025-06-05-nakamura@colloquium.example.org"]["SEQUENCE"]) == 1


def test_calendar_window_leaves_out_old_talks(make_app: MakeApp, project: Path) -> None:
    app = make_app("html", srcdir=project, confoverrides={"seminar_ics_window_days": 100})
    app.build()
    events = _events(app.outdir / "seminars.ics")
    assert "ortiz-2025-03@colloquium.example.org" in events  # 73 days before seminar_today
    assert "2024-11-28-fischer@colloquium.example.org" not in events
    assert (app.outdir / "_ics/2024-11-28-fischer.ics").exists()  # its own file stays


def test_atom_feed(built: SphinxTestApp) -> None:
    feed = ElementTree.fromstring((built.outdir / "seminars.atom").read_bytes())
    entries = feed.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}title") for e in entries][:2] == [
        "Quantum dots in silicon",
        "Dark matter searches underground",
    ]
    first = entries[0]
    assert first.find(f"{ATOM}link").get("href") == (  # type: ignore[union-attr]
        "https://colloquium.example.org/talks/2025-09-11-becker.html"
    )
    assert first.findtext(f"{ATOM}author/{ATOM}name") == "Anna Becker"
    assert feed.findtext(f"{ATOM}title") == "Physics Colloquium: seminars"


def test_jsonld_event_in_the_head(built: SphinxTestApp) -> None:
    page = (built.outdir / "talks/2025-09-11-becker.html").read_text(encoding="utf-8")
    head = page[: page.index("</head>")]
    script = re.search(r'<script type="application/ld\+json">(.*?)</script>', head, re.S)
    assert script is not None
    event = json.loads(script.group(1))
    assert event["@type"] == "Event"
    assert event["startDate"] == "2025-09-11T16:15:00+02:00"
    assert event["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert event["location"][0] == {
        "@type": "Place",
        "name": "Lecture Hall A, Physics Building",
        "address": "Lecture Hall A, Physics Building",
    }
    assert event["location"][1]["@type"] == "VirtualLocation"
    assert event["performer"][0]["affiliation"]["name"].startswith("Institute for Solid State")
    online = (built.outdir / "talks/2025-06-05-nakamura.html").read_text(encoding="utf-8")
    assert '"eventAttendanceMode":"https://schema.org/OnlineEventAttendanceMode"' in online


def test_jsonld_cannot_close_its_script(built: SphinxTestApp) -> None:
    page = (built.outdir / "talks/2025-03-20-ortiz.html").read_text(encoding="utf-8")
    head = page[: page.index("</head>")]
    scripts = re.findall(r"<script\b[^>]*>(.*?)</script>", head, re.S)
    ld = [s for s in scripts if '"@type":"Event"' in s]
    assert len(ld) == 1
    assert "<" not in ld[0]
    assert json.loads(ld[0])["name"].startswith("Glaciers and")


def test_no_change_rebuild_rewrites_no_export(make_app: MakeApp, project: Path) -> None:
    app = make_app("html", srcdir=project)
    app.build()
    exports = [app.outdir / n for n in ("seminars.json", "seminars.ics", "seminars.atom")]
    exports += list((app.outdir / "_ics").glob("*.ics"))
    exports += list((app.outdir / "colloquium").rglob("*.html"))
    stamps = {p: p.stat().st_mtime_ns for p in exports}
    app.build()
    assert {p: p.stat().st_mtime_ns for p in exports} == stamps


def test_exports_can_be_turned_off(make_app: MakeApp, project: Path) -> None:
    app = make_app("html", srcdir=project, confoverrides={"seminar_exports": ["json"]})
    app.build()
    assert (app.outdir / "seminars.json").exists()
    assert not (app.outdir / "seminars.ics").exists()
    assert not (app.outdir / "colloquium").exists()
    page = (app.outdir / "talks/2025-09-11-becker.html").read_text(encoding="utf-8")
    assert "ld+json" not in page and "Add to calendar" not in page
