"""What a seminar site offers its visitors beyond the talk itself, built from talk files: event
kinds and thesis events, people in roles, multi-day events, news left out, cancelled and
rescheduled talks, calendars to subscribe to, "add to calendar" links, what's next, pictures
and photos, dates in the site's language."""

from __future__ import annotations

import json
import re
import urllib.parse
import xml.etree.ElementTree as ET
from pathlib import Path

from icalendar import Calendar

from tests.sites import build, talk, write_site


def warnings_of(text: str, code: str) -> list[str]:
    return [line for line in text.splitlines() if line.endswith(f"[seminar.{code}]")]


def events_of(ics: str) -> list[dict[str, object]]:
    return [dict(event) for event in Calendar.from_ical(ics).walk("VEVENT")]


THESIS = """\
---
title: "PhD Thesis Defence: Mr. Ravi Menon (04/03/25)"
---
### Thesis title:
Grain boundaries in light alloys

### When?
4<sup>th</sup> March, 2025 (Tuesday), 11:00 AM

### Venue
Hall 3

### Faculty advisor(s):
Prof. Ana Ström<br>
Dr. Omar Haddad

### Abstract
Light alloys fail at their grain boundaries.
"""
NEWS = """\
---
title: "Congratulations to our students on the best poster award"
---
Our students won the best poster award at the annual meeting. Well done!
"""
COURSE = """\
---
title: "Short course on electron microscopy"
---
### Class Dates:
March 10, 2025 to March 14, 2025

### Class Times:
5 to 6:30 PM

### Instructor:
Dr. Lena Weber

### Course description
Five evenings at the microscope.
"""


def test_thesis_events_say_what_they_are_and_name_candidate_and_advisors(tmp_path: Path) -> None:
    source = write_site(tmp_path, {"2025-03-04-defence-menon.md": THESIS})
    result = build(source)
    assert result.status == 0, result.warnings
    page = result.read("talks/2025-03-04-defence-menon.html")
    assert "<h1>Thesis defence: Grain boundaries in light alloys" in page
    assert "Mr. Ravi Menon" in page
    assert re.search(r"seminar-role-advisor.*Advisors: .*Prof\. Ana Ström.*Dr\. Omar Haddad", page)
    assert 'class="seminar-marker seminar-kind-thesis-defence">Thesis defence<' in page
    [talk_json] = json.loads(result.read("seminars.json"))["talks"]
    assert talk_json["kind"] == "thesis-defence"
    assert [r["role"] for r in talk_json["roles"]] == ["advisor", "advisor"]
    [event] = events_of(result.read("seminars.ics"))
    assert "Advisors: Prof. Ana Ström, Dr. Omar Haddad" in str(event["DESCRIPTION"])
    speakers = result.read("speakers.html")
    assert "Ravi Menon" in speakers
    assert re.search(
        r"Ana Ström</h2>.*?Advisor: .*?Grain boundaries in light alloys", speakers, re.S
    )


def test_news_is_not_made_a_talk_page(tmp_path: Path) -> None:
    source = write_site(tmp_path, {"2025-02-01-award.md": NEWS, "ok.md": talk()})
    result = build(source)
    assert result.status == 0
    [news] = warnings_of(result.warnings, "not-a-talk")
    assert news.startswith("talks/2025-02-01-award.md:1:")
    assert not (result.outdir / "talks" / "2025-02-01-award.html").exists()
    assert "poster award" not in result.read("archive.html")


def test_a_course_of_daily_sessions_shows_its_days_and_has_an_event_each(tmp_path: Path) -> None:
    conf = 'seminar_timezone = "Asia/Kolkata"\n'
    source = write_site(tmp_path, {"2025-03-10-course.md": COURSE}, conf=conf)
    result = build(source)
    assert result.status == 0, result.warnings
    page = result.read("talks/2025-03-10-course.html")
    assert "Monday 10 March 2025 – Friday 14 March 2025, daily 17:00–18:30 IST" in page
    events = events_of(result.read("_ics/2025-03-10-course.ics"))
    assert len(events) == 5
    starts = sorted(e["DTSTART"].dt for e in events)  # type: ignore[attr-defined]
    assert [s.day for s in starts] == [10, 11, 12, 13, 14]
    assert all((s.hour, s.minute) == (17, 0) for s in starts)


def test_cancelled_and_rescheduled_talks_are_marked_everywhere(tmp_path: Path) -> None:
    talks = {
        "a-cancelled.md": talk("Gone talk", extra="status: cancelled\n"),
        "b-moved.md": talk("Moved talk", extra="rescheduled_to: c-new\n"),
        "c-new.md": talk("New slot", date="2025-04-01"),
        "d-dated.md": talk("Dated move", extra="rescheduled_to: 2025-05-06 16:00\n"),
        "e-postponed.md": talk("POSTPONED: Later talk"),
    }
    source = write_site(tmp_path, talks)
    result = build(source)
    assert result.status == 0, result.warnings
    gone = result.read("talks/a-cancelled.html")
    assert "seminar-status seminar-status-cancelled" in gone and 'role="status"' in gone
    assert "Cancelled: this talk will not take place." in gone
    moved = result.read("talks/b-moved.html")
    assert re.search(r'has moved: see <a [^>]*href="c-new.html[^"]*"', moved)
    dated = result.read("talks/d-dated.html")
    assert "has moved to Tuesday 6 May 2025, 16:00 BST." in dated
    later = result.read("talks/e-postponed.html")
    assert "<h1>Later talk" in later and "seminar-status-postponed" in later
    archive = result.read("archive.html")
    assert re.search(r'<li class="seminar-status-cancelled">.*Gone talk', archive)
    assert re.search(r"Moved talk.*→.*New slot", archive)
    by_id = {t["id"]: t for t in json.loads(result.read("seminars.json"))["talks"]}
    assert by_id["a-cancelled"]["status"] == "cancelled"
    assert by_id["b-moved"]["rescheduled_to"] == "c-new"
    assert by_id["d-dated"]["rescheduled_to"] == "2025-05-06T16:00:00+01:00"
    status = {
        str(e["UID"]).split("@")[0]: str(e["STATUS"])
        for e in events_of(result.read("seminars.ics"))
    }
    assert status == {
        "a-cancelled": "CANCELLED",
        "b-moved": "CANCELLED",
        "c-new": "CONFIRMED",
        "d-dated": "CONFIRMED",
        "e-postponed": "TENTATIVE",
    }
    [dated_event] = events_of(result.read("_ics/d-dated.ics"))
    assert dated_event["DTSTART"].dt.isoformat() == "2025-05-06T16:00:00+01:00"  # type: ignore[attr-defined]
    assert str(dated_event["SUMMARY"]) == "Dated move"
    [gone_event] = events_of(result.read("_ics/a-cancelled.ics"))
    assert str(gone_event["SUMMARY"]) == "Cancelled: Gone talk"
    feed = ET.fromstring(result.read("seminars.atom"))
    titles = {e.findtext("{http://www.w3.org/2005/Atom}title") for e in feed.iter()}
    assert {"Cancelled: Gone talk", "Postponed: Later talk", "Moved: Moved talk"} <= titles


def test_cancelling_a_talk_raises_its_sequence(tmp_path: Path) -> None:
    source = write_site(tmp_path, {"t.md": talk("A talk")})
    assert build(source).status == 0
    (source / "talks" / "t.md").write_text(talk("A talk", extra="status: cancelled\n"))
    result = build(source)
    [event] = events_of(result.read("seminars.ics"))
    assert (str(event["STATUS"]), event["SEQUENCE"]) == ("CANCELLED", 1)


def test_calendars_to_subscribe_to(tmp_path: Path) -> None:
    talks = {
        "a.md": talk("First", extra="series: Alloy Colloquium\ntags: [metals]\n"),
        "b.md": talk("Second", date="2025-03-05", extra="series: Alloy Colloquium\n"),
        "c.md": talk("Third", date="2025-03-06", speaker="Prof. Ravi Iyer",
                     extra="online_url: https://zoom.example.org/j/1\n"),
    }  # fmt: skip
    conf = 'seminar_subscriptions = ["series", "speaker", "tag"]\n'
    pages = {"alloys.md": "# Alloys\n\n```{seminar-list}\n:series: Alloy Colloquium\n```\n"}
    source = write_site(tmp_path, talks, conf=conf, pages=pages)
    (source / "index.md").write_text("# Seminars\n\n```{toctree}\narchive\nspeakers\nalloys\n```\n")
    result = build(source)
    assert result.status == 0, result.warnings
    site = Calendar.from_ical(result.read("seminars.ics"))
    assert str(site["NAME"]) == "Test seminars" and str(site["X-WR-CALNAME"]) == "Test seminars"
    assert site["REFRESH-INTERVAL"].to_ical() == b"PT12H"
    series = Calendar.from_ical(result.read("_ics/series/alloy-colloquium.ics"))
    assert sorted(str(e["SUMMARY"]) for e in series.walk("VEVENT")) == ["First", "Second"]
    assert str(series["NAME"]) == "Test seminars: Alloy Colloquium"
    assert len(events_of(result.read("_ics/speaker/ravi-iyer.ics"))) == 1
    assert len(events_of(result.read("_ics/tag/metals.ics"))) == 1
    [third] = [e for e in site.walk("VEVENT") if str(e["SUMMARY"]) == "Third"]
    assert str(third["CONFERENCE"]) == "https://zoom.example.org/j/1"
    assert str(third["URL"]) == "https://seminars.example.org/talks/c.html"
    # the subscribe blocks
    archive = result.read("archive.html")
    assert 'href="webcal://seminars.example.org/seminars.ics"' in archive
    google = re.search(r'class="[^"]*seminar-google-subscribe[^"]*" href="([^"]+)"', archive)
    assert google and "cid=webcal" in urllib.parse.unquote(google.group(1).replace("&amp;", "&"))
    assert "seminar-outlook-subscribe" in archive
    assert re.search(r"seminar-calendar-url.*https://seminars.example.org/seminars.ics", archive)
    alloys = result.read("alloys.html")
    assert "webcal://seminars.example.org/_ics/series/alloy-colloquium.ics" in alloys
    assert re.search(
        r'class="[^"]*seminar-feed[^"]*" href="_feeds/series/alloy-colloquium.atom"', alloys
    )
    # the feeds of a series, a speaker and a tag
    atom = "{http://www.w3.org/2005/Atom}"
    feed = ET.fromstring(result.read("_feeds/series/alloy-colloquium.atom"))
    assert feed.findtext(f"{atom}title") == "Test seminars: Alloy Colloquium"
    [self_link] = [link for link in feed.findall(f"{atom}link") if link.get("rel") == "self"]
    assert self_link.get("href") == (
        "https://seminars.example.org/_feeds/series/alloy-colloquium.atom"
    )
    titles = sorted(entry.findtext(f"{atom}title") or "" for entry in feed.iter(f"{atom}entry"))
    assert titles == ["First", "Second"]
    assert len(list(ET.parse(result.outdir / "_feeds/tag/metals.atom").iter(f"{atom}entry"))) == 1
    assert (result.outdir / "_feeds/speaker/ravi-iyer.atom").exists()


def test_a_series_dropped_from_the_subscriptions_loses_its_calendar(tmp_path: Path) -> None:
    source = write_site(tmp_path, {"a.md": talk(extra="series: Old Series\n")})
    assert build(source).status == 0
    assert (tmp_path / "_build" / "html" / "_ics" / "series" / "old-series.ics").exists()
    assert (tmp_path / "_build" / "html" / "_feeds" / "series" / "old-series.atom").exists()
    (source / "conf.py").write_text(
        (source / "conf.py").read_text() + "seminar_subscriptions = []\n"
    )
    result = build(source)
    assert not (result.outdir / "_ics" / "series" / "old-series.ics").exists()
    assert not (result.outdir / "_feeds" / "series" / "old-series.atom").exists()


def test_add_to_calendar_offers_google_and_outlook(tmp_path: Path) -> None:
    source = write_site(tmp_path, {"t.md": talk("Waves")})
    result = build(source)
    page = result.read("talks/t.html")
    menu = re.search(r'<span class="seminar-add-to-calendar">(.*?)</span>', page)
    assert menu is not None
    links = dict(re.findall(r'class="[^"]*(seminar-[a-z]+)[^"]*" href="([^"]+)"', menu.group(1)))
    assert links["seminar-ics"] == "../_ics/t.ics"
    google = urllib.parse.parse_qs(
        urllib.parse.urlsplit(links["seminar-google"].replace("&amp;", "&")).query
    )
    assert google["dates"] == ["20250304T150000Z/20250304T160000Z"]
    assert google["text"] == ["Waves"]
    outlook = urllib.parse.parse_qs(
        urllib.parse.urlsplit(links["seminar-outlook"].replace("&amp;", "&")).query
    )
    assert outlook["startdt"] == ["2025-03-04T15:00:00Z"]


def test_whats_next_shows_the_next_talks_with_their_join_links(tmp_path: Path) -> None:
    talks = {
        "past.md": talk("Past talk", date="2025-05-01"),
        "soon.md": talk("Soon talk", date="2025-06-01", extra="online_url: https://meet.example.org/x\n"),
        "later.md": talk("Later talk", date="2025-06-04"),
        "much-later.md": talk("Much later", date="2025-09-01"),
    }  # fmt: skip
    pages = {"home.md": "# Home\n\n```{seminar-next}\n:limit: 2\n```\n"}
    source = write_site(tmp_path, talks, pages=pages)
    (source / "index.md").write_text("# S\n\n```{toctree}\narchive\nspeakers\nhome\n```\n")
    result = build(source)
    assert result.status == 0, result.warnings
    home = result.read("home.html")
    titles = re.findall(r'<span class="seminar-title">([^<]+)</span>', home)
    assert titles == ["Soon talk", "Later talk"]
    assert '<span class="seminar-countdown">today</span>' in home
    assert '<span class="seminar-countdown">in 3 days</span>' in home
    assert re.search(r'class="[^"]*seminar-join[^"]*" href="https://meet.example.org/x"', home)


def test_pictures_and_photos(tmp_path: Path) -> None:
    talks: dict[str, str | bytes] = {
        "bundle/index.md": talk("With a picture", speaker="Dr. Ada Byrne"),
        "bundle/featured.png": b"\x89PNG\r\n\x1a\n" + b"\x00" * 32,
        "remote.md": (
            "---\ntitle: Remote photo\ndate: 2025-03-05\nspeakers:\n  - name: Prof. Ravi Iyer\n"
            "    photo: https://images.example.org/ravi.jpg\n---\nAbstract.\n"
        ),
        "unsafe.md": talk("Unsafe photo", extra="speaker_photo: http://images.example.org/x.jpg\n"),
        "outside.md": talk("Outside photo", extra="speaker_photo: ../../../etc/x.jpg\n"),
    }
    cards = {
        "cards.md": "---\norphan: true\n---\n# Cards\n\n```{seminar-list}\n:format: cards\n```\n"
    }
    source = write_site(
        tmp_path, {k: v for k, v in talks.items() if k.endswith(".md")}, pages=cards
    )
    (source / "talks" / "bundle" / "featured.png").write_bytes(talks["bundle/featured.png"])  # type: ignore[arg-type]
    conf = (source / "conf.py").read_text() + 'seminar_talks = ["talks/**/*.md"]\n'
    (source / "conf.py").write_text(conf)
    result = build(source)
    assert result.status == 0, result.warnings
    bundle = result.read("talks/bundle/index.html")
    assert re.search(
        r'<img alt="With a picture" class="seminar-image" src="[^"]*featured\.png"', bundle
    )
    assert (result.outdir / "_images" / "featured.png").exists()
    remote = result.read("talks/remote.html")
    assert (
        '<img alt="Prof. Ravi Iyer" class="seminar-speaker-photo" src="https://images.example.org/ravi.jpg"'
        in remote
    )
    assert any("http://images.example.org/x.jpg" in w for w in warnings_of(result.warnings, "url"))
    assert any("../../../etc/x.jpg" in w for w in warnings_of(result.warnings, "path"))
    assert (
        "<img"
        not in result.read("talks/outside.html").split("seminar-speaker")[1].split("</div>")[0]
    )
    assert 'src="https://images.example.org/ravi.jpg"' in result.read("speakers.html")
    cards = result.read("cards.html")
    assert re.search(
        r'<img alt="With a picture" class="seminar-card-image" src="_images/featured.png"', cards
    )


def test_dates_are_written_in_the_site_language(tmp_path: Path) -> None:
    source = write_site(tmp_path, {"t.md": talk()}, conf='language = "de"\n')
    result = build(source)
    assert "Dienstag 4 März 2025" in result.read("talks/t.html")
    assert "Dienstag 4 März 2025" in result.read("archive.html")


def test_author_handles_stand_for_the_people_the_site_says(tmp_path: Path) -> None:
    text = "---\ntitle: A talk\nauthors: [admin]\ndate: 2025-03-04\n---\nAbstract.\n"
    conf = 'seminar_author_handles = {"admin": "Dr. Jane Doe"}\n'
    source = write_site(tmp_path, {"t.md": text}, conf=conf)
    result = build(source)
    assert "Dr. Jane Doe" in result.read("talks/t.html")
    assert not warnings_of(result.warnings, "speaker")
