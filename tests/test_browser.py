"""The page script in a real browser: the ``test-browser`` site is built into a temporary
folder, served on 127.0.0.1 and opened in headless Chromium driven by Playwright, with the
visitor's time zone and clock forced.  The browser tests skip when Playwright or Chromium
is not installed; the markup tests before them need neither."""

from __future__ import annotations

import datetime as dt
import re
import struct
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

TESTS = Path(__file__).parent
if str(TESTS) not in sys.path:
    sys.path.insert(0, str(TESTS))  # the helpers in tests/browser/

from browser.gallery import SIZES, installed, take_screenshots  # noqa: E402
from browser.web import DURING_RAO, Visitor, build_site, find_chromium, launch, serve  # noqa: E402

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Locator, Page
    from sphinx.testing.util import SphinxTestApp

THEMES = ("alabaster", "furo")
RAO = "talks/2025-06-02-rao.html"
HADDAD = "talks/2025-06-12-haddad.html"  # cancelled
CALENDAR = "https://harbour.example.org/seminars.ics"
UPCOMING = '.seminar-list[data-when="upcoming"]'
PAST = '.seminar-list[data-when="past"]'


# -- the markup the script reads (no browser) -------------------------------------------


@pytest.mark.sphinx("html", testroot="browser")
def test_script_is_added_deferred_to_html_pages(app: SphinxTestApp) -> None:
    app.build()
    index = (app.outdir / "index.html").read_text(encoding="utf-8")
    assert re.search(
        r'<script data-date-format="\{weekday\} \{day\} \{month\} \{year\}"'
        r' data-default-duration="90" data-time-format="%H:%M" defer="defer"'
        r' src="_static/sphinx-seminars.js\?v=\w+"></script>',
        index,
    )
    assert (app.outdir / "_static" / "sphinx-seminars.js").is_file()
    assert (app.outdir / "_static" / "sphinx-seminars.css").is_file()
    indices = [(app.outdir / f"seminar-{n}.html").read_text("utf-8") for n in ("index", "speakers")]
    assert '<meta name="seminar-index" content="talks" />' in indices[0]
    assert '<meta name="seminar-index" content="speakers" />' in indices[1]
    assert '<meta name="seminar-index"' not in index


@pytest.mark.sphinx("html", testroot="browser")
def test_times_and_listings_carry_data_for_the_script(app: SphinxTestApp) -> None:
    app.build()
    talk = (app.outdir / RAO).read_text(encoding="utf-8")
    assert (
        '<div class="seminar-when docutils container" data-end="2025-06-02T11:00:00+05:30" '
        'data-start="2025-06-02T10:00:00+05:30">'
    ) in talk
    assert '<time class="seminar-start" datetime="2025-06-02T10:00:00+05:30">' in talk
    assert '<h2 class="rubric">Abstract</h2>' in talk  # a heading below the talk's title
    index = (app.outdir / "index.html").read_text(encoding="utf-8")
    assert 'data-format="list" data-sort="date" data-when="upcoming"' in index
    assert 'data-series="Earth Colloquium" data-start="2025-06-02T10:00:00+05:30"' in index
    assert '<time class="seminar-date" data-start="2025-12-04" datetime="2025-12-04">' in index
    formats = (app.outdir / "formats.html").read_text(encoding="utf-8")
    assert 'data-limit="2" data-selection="year=2025"' in formats
    assert 'class="seminar-card docutils container" role="listitem"' in formats
    archive = (app.outdir / "archive.html").read_text(encoding="utf-8")
    assert '<h2 class="seminar-year rubric" id="year-2025">2025</h2>' in archive


@pytest.mark.sphinx("text", testroot="browser")
def test_other_builders_get_no_script_and_plain_listings(app: SphinxTestApp) -> None:
    app.build()
    assert not (app.outdir / "_static" / "sphinx-seminars.js").exists()
    text = (app.outdir / "formats.txt").read_text(encoding="utf-8")
    assert "Monsoon models on a laptop" in text and "Dr. Priya Rao" in text


@pytest.mark.sphinx("html", testroot="browser", confoverrides={"seminar_script": False})
def test_script_can_be_turned_off(app: SphinxTestApp) -> None:
    app.build()
    index = (app.outdir / "index.html").read_text(encoding="utf-8")
    assert "sphinx-seminars.js" not in index
    assert "sphinx-seminars.css" in index
    assert "seminar-index" not in (app.outdir / "seminar-index.html").read_text("utf-8")[:3000]


# -- in Chromium ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The test site in alabaster and furo (when installed), in ``<folder>/<theme>/``, and
    in German with dates and times written otherwise, in ``<folder>/styled/``."""
    folder = tmp_path_factory.mktemp("sites")
    for theme in filter(installed, THEMES):
        build_site(folder / theme, theme)
    styled = {"language": "de", "seminar_date_format": "{day}. {month} {year}"}
    build_site(folder / "styled", "alabaster", seminar_time_format="%I:%M %p", **styled)
    return folder


def needs(theme: str) -> None:
    if not installed(theme):
        pytest.skip(f"the {theme} theme is not installed")


@pytest.fixture(scope="module")
def server(sites: Path) -> Iterator[str]:
    with serve(sites) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="playwright is not installed (pip install playwright)"
    )
    chromium = find_chromium()
    if chromium is None:
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    with sync_api.sync_playwright() as playwright:
        launched = launch(playwright, chromium)
        yield launched
        launched.close()


OpenPage = Callable[..., "Page"]


@pytest.fixture
def visit(browser: Browser, server: str) -> Iterator[OpenPage]:
    """Opens a page of the alabaster site as a visitor; no console errors allowed."""
    visitors: list[Visitor] = []

    def open_page(path: str, theme: str = "alabaster", **visitor: object) -> Page:
        seen = Visitor(browser, **visitor)  # type: ignore[arg-type]
        visitors.append(seen)
        return seen.open(f"{server}{theme}/{path}")

    yield open_page
    for seen in visitors:
        seen.close()
    errors = [error for seen in visitors for error in seen.errors]
    assert errors == []
    elsewhere = [url for seen in visitors for url in seen.requests if not url.startswith(server)]
    assert elsewhere == []


def titles(page: Page, listing: str) -> list[str]:
    """The titles a listing shows, in order (what is hidden does not count)."""
    return list(
        page.eval_on_selector_all(
            f"{listing} .seminar-title",
            "els => els.filter(e => e.checkVisibility()).map(e => e.textContent)",
        )
    )


def visible(page: Page, selector: str) -> int:
    return int(
        page.eval_on_selector_all(selector, "els => els.filter(e => e.checkVisibility()).length")
    )


@pytest.mark.parametrize(
    ("zone", "on_talk_page", "in_listing"),
    [
        ("Europe/London", " — 05:30 in your time (Europe/London)", " (02:00 in your time)"),
        (
            "America/New_York",
            " — 00:30 in your time (America/New_York)",
            # the visitor's day is not the talk's: the day too, in the site's style
            " (Wednesday 4 June 2025, 21:00 in your time)",
        ),
    ],
)
def test_local_time_next_to_the_talks_own(
    visit: OpenPage, zone: str, on_talk_page: str, in_listing: str
) -> None:
    talk = visit(RAO, zone=zone)
    when = talk.locator(".seminar-when")
    assert when.locator("time").inner_text() == "Monday 2 June 2025, 10:00–11:00 IST"
    assert when.locator(".seminar-local").text_content() == on_talk_page
    index = visit("index.html", zone=zone)
    nakamura = index.locator(f"{UPCOMING} li", has_text="Dark matter searches underground")
    assert nakamura.locator(".seminar-local").text_content() == in_listing
    assert nakamura.locator(".seminar-local").get_attribute("title") == zone
    open_day = index.locator(f"{UPCOMING} li", has_text="Open day")  # a date without a time
    assert open_day.locator(".seminar-local").count() == 0
    assert visit("talks/2025-12-04-okafor.html", zone=zone).locator(".seminar-local").count() == 0


def test_talk_page_status_follows_the_clock(visit: OpenPage) -> None:
    before = visit(RAO, now=DURING_RAO - dt.timedelta(days=1))
    assert before.locator(".seminar-talk").get_attribute("data-seminar-status") == "upcoming"
    assert before.locator(".seminar-badge").inner_text() == "Upcoming"
    page = visit(RAO, now=DURING_RAO)
    assert page.locator(".seminar-talk").get_attribute("data-seminar-status") == "live"
    assert page.locator(".seminar-badge").inner_text() == "Live now"
    page.clock.fast_forward("01:00:00")  # 11:30 IST: the talk has ended
    assert page.locator(".seminar-talk").get_attribute("data-seminar-status") == "past"
    assert page.locator(".seminar-badge").inner_text() == "Past talk"


def test_talk_without_an_end_lasts_the_default_duration(visit: OpenPage) -> None:
    """Nakamura's talk (10:00 in Tokyo, no end) lasts seminar_default_duration, 90 minutes,
    as in the calendars."""
    page = visit("index.html", now=dt.datetime(2025, 6, 5, 2, 15, tzinfo=dt.timezone.utc))
    nakamura = page.locator(f"{UPCOMING} li", has_text="Dark matter searches underground")
    assert nakamura.get_attribute("data-seminar-status") == "live"
    page.clock.fast_forward("00:20:00")  # 11:35 in Tokyo
    assert page.locator(f"{PAST} li", has_text="Dark matter searches underground").count() == 1


def test_ended_talk_moves_from_upcoming_to_past_without_a_rebuild(visit: OpenPage) -> None:
    page = visit("index.html", now=DURING_RAO)
    rao, nakamura, haddad, tides, becker, okafor = (
        "Monsoon models on a laptop",
        "Dark matter searches underground",
        "Sea ice from above",  # cancelled
        "Tides and turbines",  # rescheduled, then at its new date
        "Quantum dots in silicon",
        "Open day, a tour of the wave tank",
    )
    ortiz, lindqvist = "Glaciers and sea level", "A workshop day on detectors"
    assert titles(page, UPCOMING) == [rao, nakamura, haddad, tides, tides, becker, okafor]
    assert titles(page, PAST) == [ortiz, lindqvist]
    live = page.locator(f"{UPCOMING} li", has_text=rao)
    assert live.get_attribute("data-seminar-status") == "live"
    assert live.locator(".seminar-badge").inner_text() == "Live now"
    page.clock.fast_forward("01:00:00")
    assert titles(page, UPCOMING) == [nakamura, haddad, tides, tides, becker, okafor]
    assert titles(page, PAST) == [rao, ortiz, lindqvist]  # newest first, as built
    assert page.locator(f"{PAST} .seminar-badge").count() == 0
    # on the open day (a date without a time: the whole day), everything else is over
    later = visit("index.html", now=dt.datetime(2025, 12, 4, 12, 0, tzinfo=dt.timezone.utc))
    assert titles(later, UPCOMING) == [okafor]
    assert later.locator(f"{UPCOMING} .seminar-badge").inner_text() == "Live now"
    assert titles(later, PAST) == [becker, tides, tides, haddad, nakamura, rao, ortiz, lindqvist]
    gone = visit("index.html", now=dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc))
    assert titles(gone, UPCOMING) == []
    assert gone.locator(f"{UPCOMING} .seminar-empty").inner_text() == "No talks."
    assert len(titles(gone, PAST)) == 9


def test_ended_talk_moves_only_to_a_past_listing_that_shows_it(visit: OpenPage) -> None:
    page = visit("moves.html", now=DURING_RAO)
    rao, haddad = "Monsoon models on a laptop", "Sea ice from above"
    assert titles(page, "#earth-colloquium-next") == [rao, haddad]
    assert len(titles(page, "#all-past-talks")) == 2
    assert len(titles(page, "#next-talks")) == 7
    page.clock.fast_forward("01:00:00")
    # cards: from the Earth Colloquium's upcoming talks into all past talks, newest first
    assert titles(page, "#earth-colloquium-next") == [haddad]
    assert titles(page, "#all-past-talks")[0] == rao
    assert page.locator("#all-past-talks .seminar-card").count() == 3
    # a table: not into the Physics Colloquium's past talks, where it does not belong
    assert rao not in titles(page, "#next-talks")
    assert len(titles(page, "#next-talks")) == 6
    assert titles(page, "#past-talks-of-the-physics-colloquium") == []
    page.clock.fast_forward(milliseconds(dt.timedelta(days=11)))  # the cancelled one is over
    assert titles(page, "#earth-colloquium-next") == []
    assert page.locator("#earth-colloquium-next .seminar-empty").inner_text() == "No talks."


@pytest.mark.parametrize(
    ("path", "box", "query", "items", "shown", "count"),
    [
        ("formats.html", 0, "becker", ".seminar-table tbody tr", 1, "1 of 9 talks shown"),
        ("formats.html", 1, "earth colloquium", ".seminar-card", 3, "3 of 9 talks shown"),
        ("formats.html", 0, "2024", ".seminar-table tbody tr", 1, "1 of 9 talks shown"),
        ("formats.html", 0, "cancelled", ".seminar-table tbody tr", 1, "1 of 9 talks shown"),
        ("archive.html", 0, "ortiz", ".seminar-items li", 1, "1 of 9 talks shown"),
        ("archive.html", 0, "nobody", ".seminar-items li", 0, "No talks match"),
        ("speakers.html", 0, "kamioka", ".seminar-speaker-entry", 1, "1 of 9 speakers shown"),
        ("seminar-index.html", 0, "nakamura", "tr:has(.xref)", 2, "1 of 9 talks shown"),
        ("seminar-speakers.html", 0, "silicon", "tr:has(.xref)", 2, "1 of 8 speakers shown"),
    ],
)
def test_filter_narrows_what_is_shown(
    visit: OpenPage, path: str, box: int, query: str, items: str, shown: int, count: str
) -> None:
    page = visit(path)
    field = page.locator(".seminar-filter-input").nth(box)
    status = page.locator(".seminar-filter-count").nth(box)
    total = visible(page, items)
    field.fill(query)
    assert visible(page, items) == shown
    assert status.inner_text() == count
    field.fill("")
    assert visible(page, items) == total


def test_filter_hides_empty_years_and_captions(visit: OpenPage) -> None:
    archive = visit("archive.html")
    archive.locator(".seminar-filter-input").fill("lindqvist")
    assert visible(archive, ".seminar-year") == 1
    assert archive.locator("#year-2024").is_visible()
    index = visit("seminar-index.html")
    index.locator(".seminar-filter-input").fill("March 2025")
    assert visible(index, "tr.cap") == 1
    assert index.locator("#cap-2025").is_visible()


def test_filter_by_keyboard_with_label_and_live_count(visit: OpenPage) -> None:
    page = visit("archive.html")
    field = page.get_by_label("Filter talks")  # the <label> names the field
    assert field.get_attribute("type") == "search"
    status = page.locator(".seminar-filter-count")
    assert status.get_attribute("role") == "status"
    assert status.get_attribute("aria-live") == "polite"
    assert field.get_attribute("aria-describedby") == status.get_attribute("id")
    for _ in range(40):  # Tab from the top of the page reaches the field
        page.keyboard.press("Tab")
        if field.evaluate("el => el === document.activeElement"):
            break
    else:
        pytest.fail("Tab never reached the filter field")
    page.keyboard.type("glaciers")
    assert status.inner_text() == "1 of 9 talks shown"
    address = page.url
    page.keyboard.press("Enter")
    assert page.url == address
    page.keyboard.press("Escape")
    assert field.input_value() == ""
    assert status.inner_text() == "9 talks"
    assert visible(page, ".seminar-items li") == 9


@pytest.mark.parametrize("theme", THEMES)
def test_no_console_errors_and_no_requests_elsewhere(
    browser: Browser, server: str, sites: Path, theme: str
) -> None:
    needs(theme)
    pages = sorted(p.relative_to(sites / theme).as_posix() for p in (sites / theme).rglob("*.html"))
    assert RAO in pages and "seminar-index.html" in pages
    visitor = Visitor(browser)
    for path in pages:
        visitor.open(f"{server}{theme}/{path}")
    visitor.close()
    assert visitor.errors == []
    assert [url for url in visitor.requests if not url.startswith(server)] == []


def test_without_javascript_everything_is_listed(visit: OpenPage) -> None:
    late = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)
    index = visit("index.html", javascript=False, now=late)
    assert len(titles(index, UPCOMING)) == 7  # as built: no clock moves anything
    assert len(titles(index, PAST)) == 2
    assert index.locator(".seminar-next-talk").count() == 3
    assert index.locator(".seminar-countdown").first.inner_text() == "tomorrow"  # built 1 June
    formats = visit("formats.html", javascript=False)
    assert visible(formats, ".seminar-table tbody tr") == 9
    assert visible(formats, ".seminar-card") == 9
    assert visible(visit("archive.html", javascript=False), ".seminar-items li") == 9
    assert (
        visible(visit("speakers.html", javascript=False), ".seminar-speaker-entry") == 9
    )  # 8 speakers and 1 host
    assert visible(visit("seminar-index.html", javascript=False), "tr:has(.xref)") == 18
    added = ".seminar-filter, .seminar-local, .seminar-badge, .seminar-zone, .seminar-copy"
    for page in (index, formats):
        assert page.locator(added).count() == 0
        assert page.locator(".seminar-join-now").count() == 0
    talk = visit(RAO, javascript=False)
    assert "10:00–11:00 IST (Asia/Kolkata, UTC+05:30)" in talk.locator(".seminar-when").inner_text()
    assert index.locator(".seminar-calendar-url").inner_text() == CALENDAR


def test_print_hides_the_controls_and_badges(visit: OpenPage) -> None:
    page = visit("formats.html")
    assert page.locator(".seminar-filter").first.is_visible()
    assert page.locator(".seminar-zone").is_visible()
    page.emulate_media(media="print")
    assert visible(page, ".seminar-filter, .seminar-zone, .seminar-badge") == 0
    assert visible(page, ".seminar-table tbody tr") == 9
    cancelled = visit("talks/2025-06-12-haddad.html")
    cancelled.emulate_media(media="print")
    assert cancelled.locator("div.seminar-status").is_visible()  # the banner is printed


def test_theme_colours_follow_dark_mode(visit: OpenPage) -> None:
    needs("furo")
    light = visit(RAO, theme="furo", scheme="light")
    dark = visit(RAO, theme="furo", scheme="dark")
    style = "el => getComputedStyle(el).backgroundColor"
    panels = [page.locator(".seminar-when").evaluate(style) for page in (light, dark)]
    assert panels[0] != panels[1]
    page_colour = dark.evaluate("getComputedStyle(document.body).backgroundColor")
    assert panels[1] != page_colour  # a panel, not a hole


# -- talks called off, subscribing, what's next, zones, photos, join links ----------------


def line_through(locator: Locator) -> bool:
    return "line-through" in str(locator.evaluate("el => getComputedStyle(el).textDecorationLine"))


def test_status_banner_and_cancelled_talks_struck_through(visit: OpenPage) -> None:
    page = visit(HADDAD)
    banner = page.locator("div.seminar-status")
    assert banner.get_attribute("role") == "status"  # announced
    assert "seminar-status-cancelled" in str(banner.get_attribute("class"))
    assert banner.inner_text() == "Cancelled: this talk will not take place."
    assert banner.is_visible()
    assert page.locator(".seminar-markers .seminar-marker").inner_text() == "Cancelled"
    assert line_through(page.locator(".seminar-when time"))  # the time it would have had
    assert page.locator(".seminar-badge").count() == 0  # neither "Upcoming" nor "Live now"
    # in a listing: the row struck through and marked, during what was its time too
    during = dt.datetime(2025, 6, 12, 14, 30, tzinfo=dt.timezone.utc)
    index = visit("index.html", now=during)
    row = index.locator(f"{UPCOMING} li", has_text="Sea ice from above")
    assert "seminar-status-cancelled" in str(row.get_attribute("class"))
    assert line_through(row.locator(".seminar-title"))
    assert line_through(row.locator("time"))
    assert row.locator(".seminar-marker").inner_text() == "Cancelled"
    assert row.get_attribute("data-seminar-status") == "upcoming"  # never live
    assert row.locator(".seminar-badge").count() == 0
    other = index.locator(f"{UPCOMING} li", has_text="Quantum dots in silicon")
    assert not line_through(other.locator(".seminar-title"))
    # a rescheduled talk: its old date struck through, a link to its new slot
    moved = index.locator(f"{UPCOMING} li", has_text="Rescheduled")
    assert line_through(moved.locator("time"))
    assert not line_through(moved.locator(".seminar-title"))
    link = moved.locator("a:has(.seminar-moved-to)")
    assert link.get_attribute("href") == "talks/2025-07-10-ito.html#ito-tides-july"


def test_subscribe_block_links_and_copy_button(visit: OpenPage) -> None:
    page = visit("index.html")
    block = page.locator(".seminar-subscribe")
    assert block.get_attribute("data-calendar-url") == CALENDAR
    href = {
        name: block.locator(f"a.seminar-{name}").get_attribute("href")
        for name in ("webcal", "google-subscribe", "outlook-subscribe", "feed")
    }
    assert href["webcal"] == "webcal://harbour.example.org/seminars.ics"
    assert "cid=webcal%3A%2F%2Fharbour.example.org%2Fseminars.ics" in str(href["google-subscribe"])
    assert "url=https%3A%2F%2Fharbour.example.org%2Fseminars.ics" in str(href["outlook-subscribe"])
    assert href["feed"] == "seminars.atom"
    page.evaluate(
        """() => {
            window.copied = [];
            const writeText = text => { window.copied.push(text); return Promise.resolve(); };
            Object.defineProperty(navigator, "clipboard", { value: { writeText } });
        }"""
    )
    button = page.get_by_role("button", name="Copy address")
    assert button.get_attribute("type") == "button"
    assert button.is_visible()
    button.click()
    assert page.evaluate("window.copied") == [CALENDAR]
    assert page.locator(".seminar-calendar-url").inner_text() == CALENDAR
    note = block.locator(".seminar-copy-note")
    assert note.get_attribute("role") == "status"
    assert note.inner_text() == "Copied"
    button.focus()
    page.keyboard.press("Enter")  # by keyboard too
    assert page.evaluate("window.copied") == [CALENDAR, CALENDAR]
    # a series page: the series' own calendar
    series = visit("earth.html").locator(".seminar-subscribe")
    address = "https://harbour.example.org/_ics/series/earth-colloquium.ics"
    assert series.locator(".seminar-calendar-url").inner_text() == address
    assert series.locator("button.seminar-copy").count() == 1


def countdowns(page: Page) -> list[str]:
    return [text.strip() for text in page.locator(".seminar-countdown").all_inner_texts()]


def test_next_talk_countdown_follows_a_frozen_clock(visit: OpenPage) -> None:
    """Rao: 2 June 2025, 04:30-05:30 UTC; Nakamura: 5 June, 01:00 UTC with no end (90 min);
    Haddad (cancelled): 12 June.  The visitor is in London."""
    start = dt.datetime(2025, 6, 2, 4, 30, tzinfo=dt.timezone.utc)
    page = visit("index.html", now=start - dt.timedelta(days=3, hours=4))
    assert countdowns(page) == ["in 3 days", "in 6 days", "in 13 days"]
    page = visit("index.html", now=start - dt.timedelta(hours=16))  # 1 June, 13:30 in London
    assert countdowns(page) == ["tomorrow", "in 4 days", "in 11 days"]
    page = visit("index.html", now=start - dt.timedelta(minutes=40))
    rao = page.locator(".seminar-next-talk").first
    assert countdowns(page)[0] == "starts in 40 min"
    page.clock.fast_forward("30:00")
    assert countdowns(page)[0] == "starts in 10 min"
    page.clock.fast_forward("15:00")
    assert countdowns(page)[0] == "live now"
    assert "seminar-countdown-live" in str(rao.locator(".seminar-countdown").get_attribute("class"))
    assert rao.get_attribute("data-seminar-status") == "live"
    page.clock.fast_forward("01:00:00")  # Rao's talk is over: it leaves what's next
    assert countdowns(page) == ["in 3 days", "in 10 days"]
    page.clock.fast_forward(milliseconds(start + dt.timedelta(days=2, hours=21) - page_now(page)))
    assert countdowns(page) == ["live now", "in 7 days"]  # Nakamura's, for 90 minutes
    page.clock.fast_forward("01:35:00")
    assert countdowns(page) == ["in 7 days"]  # the cancelled talk is never live
    page.clock.fast_forward(milliseconds(dt.timedelta(days=8)))
    assert countdowns(page) == []
    assert page.locator("div.seminar-next .seminar-empty").inner_text() == "No upcoming talks."


def page_now(page: Page) -> dt.datetime:
    return dt.datetime.fromtimestamp(page.evaluate("Date.now()") / 1000, tz=dt.timezone.utc)


def milliseconds(delta: dt.timedelta) -> int:
    return int(delta.total_seconds() * 1000)


def test_zone_selector_changes_times_and_is_remembered(visit: OpenPage) -> None:
    page = visit(RAO)
    select = page.get_by_label("Show times in")
    assert select.evaluate("el => el.tagName") == "SELECT"
    assert select.input_value() == ""  # the visitor's own zone
    local = page.locator(".seminar-when .seminar-local")
    assert local.text_content() == " — 05:30 in your time (Europe/London)"
    select.select_option("Asia/Tokyo")
    assert local.text_content() == " — 13:30 in Asia/Tokyo"
    page.reload()
    select = page.get_by_label("Show times in")
    assert select.input_value() == "Asia/Tokyo"
    assert local.text_content() == " — 13:30 in Asia/Tokyo"
    # the choice holds on the site's other pages, for listings and what's next
    page.goto(page.url.replace(RAO, "index.html"))
    nakamura = page.locator(f"{UPCOMING} li", has_text="Dark matter searches underground")
    assert nakamura.locator(".seminar-local").text_content() == " (10:00 in Asia/Tokyo)"
    rao = page.locator(".seminar-next-talk").first
    assert rao.locator(".seminar-local").text_content() == " (13:30 in Asia/Tokyo)"
    # by keyboard: Tab reaches the field, arrows choose; back to the visitor's own zone
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "seminar-zone-select":
            break
    else:
        pytest.fail("Tab never reached the zone selector")
    page.get_by_label("Show times in").select_option("")
    assert nakamura.locator(".seminar-local").text_content() == " (02:00 in your time)"
    assert page.evaluate("localStorage.getItem('sphinx-seminars-zone')") is None


def test_zone_selector_moves_the_day_of_countdowns(visit: OpenPage) -> None:
    """At 23:30 in London on 4 June it is already 5 June in Tokyo, the day of Nakamura's
    talk (10:00 in Tokyo)."""
    now = dt.datetime(2025, 6, 3, 22, 30, tzinfo=dt.timezone.utc)
    page = visit("index.html", now=now)
    assert countdowns(page)[0] == "in 2 days"
    page.get_by_label("Show times in").select_option("Asia/Tokyo")
    assert countdowns(page)[0] == "tomorrow"


def test_local_times_follow_the_sites_date_and_time_style(visit: OpenPage) -> None:
    """The site built in German with seminar_date_format "{day}. {month} {year}" and
    seminar_time_format "%I:%M %p": the script writes local times the same way."""
    page = visit("index.html", theme="styled", zone="America/New_York")
    nakamura = page.locator(f"{UPCOMING} li", has_text="Dark matter searches underground")
    assert nakamura.locator("time").inner_text() == "5. Juni 2025"  # written by the build
    assert nakamura.locator(".seminar-local").text_content() == (
        " (4. Juni 2025, 09:00 PM in your time)"
    )


def test_speaker_photo_has_alt_text_and_loads(visit: OpenPage) -> None:
    page = visit(RAO)
    photo = page.locator("img.seminar-speaker-photo")
    assert photo.get_attribute("alt") == "Dr. Priya Rao"
    photo.evaluate("img => img.decode()")
    assert photo.evaluate("img => img.complete && img.naturalWidth") == 200
    box = photo.bounding_box()
    assert box is not None and box["width"] == box["height"] < 100  # small, square
    assert photo.evaluate("img => getComputedStyle(img).borderRadius") == "50%"  # round
    picture = page.locator("img.seminar-image")
    assert picture.get_attribute("alt") == "Monsoon clouds over the sea"
    picture.evaluate("img => img.decode()")
    assert picture.evaluate("img => img.naturalWidth") == 480
    frame = picture.bounding_box()
    assert frame is not None and frame["height"] <= 240 and frame["width"] <= 1000


def join_now(link: Locator) -> bool:
    return "seminar-join-now" in str(link.get_attribute("class"))


def test_join_link_highlighted_only_in_its_window(visit: OpenPage) -> None:
    """From 15 minutes before the start to the end: Rao's talk 04:30-05:30 UTC."""
    start = dt.datetime(2025, 6, 2, 4, 30, tzinfo=dt.timezone.utc)
    talk = visit(RAO, now=start - dt.timedelta(minutes=20))
    index = visit("index.html", now=start - dt.timedelta(minutes=20))
    links = [talk.locator("a.seminar-online"), index.locator("a.seminar-join").first]
    colour = "el => getComputedStyle(el).backgroundColor"
    plain = links[0].evaluate(colour)
    assert not any(join_now(link) for link in links)
    for page in (talk, index):
        page.clock.fast_forward("06:00")  # 14 minutes before
    assert all(join_now(link) for link in links)
    assert links[0].evaluate(colour) != plain  # it stands out
    for page in (talk, index):
        page.clock.fast_forward("01:00:00")  # during the talk
    assert all(join_now(link) for link in links)
    talk.clock.fast_forward("20:00")  # after its end
    assert not join_now(links[0])
    assert not join_now(index.locator("a.seminar-join").nth(1))  # Nakamura's, days away


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


@pytest.mark.parametrize("theme", THEMES)
def test_screenshots_at_phone_and_desktop_widths(
    browser: Browser, server: str, tmp_path_factory: pytest.TempPathFactory, theme: str
) -> None:
    needs(theme)
    outdir = tmp_path_factory.mktemp("screenshots")
    schemes = ("light", "dark") if theme == "furo" else ("light",)
    shots = take_screenshots(browser, f"{server}{theme}/", theme, outdir, schemes)
    assert {path.stem.split("-")[-3] for path in shots} == {"talk", "listings", "index"}
    for path in shots:
        width = int(path.stem.split("-")[-1])
        assert png_size(path) == (width, SIZES[width])
        assert path.stat().st_size < 300_000
