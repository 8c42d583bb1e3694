/* sphinx-seminars: the page script.
 *
 * In the visitor's browser, with no dependencies and no network requests:
 * - every talk time (<time datetime="...T...">) also shows the time in the visitor's zone,
 *   or in a zone they choose (remembered in localStorage), written in the site's style;
 * - talks are marked upcoming, live or past from the visitor's clock, and a talk that has
 *   ended leaves each `:when: upcoming` listing (for a `:when: past` listing of the same
 *   format and selection on the page, when there is one) and what's next;
 * - what's next says how soon each talk is, and join links stand out while they are useful;
 * - the calendar address of a subscribe block gets a copy button;
 * - listings, the archive, the speakers page and the domain index pages get a filter box.
 * Without the script the pages show everything, as built.
 */
(function () {
  "use strict";

  var MINUTE = 60 * 1000;
  var DAY = 24 * 60 * MINUTE;
  var script = document.currentScript;

  function setting(name, fallback) {
    return (script && script.getAttribute("data-" + name)) || fallback;
  }

  /* How long a timed talk whose end is not known lasts: seminar_default_duration, as the
     calendars have it. */
  var DEFAULT_DURATION = Number(setting("default-duration", 60)) * MINUTE;
  /* The site's seminar_date_format and seminar_time_format, in the page's language. */
  var DATE_FORMAT = setting("date-format", "{weekday} {day} {month} {year}");
  var TIME_FORMAT = setting("time-format", "%H:%M");
  var LANGUAGE = (document.documentElement.lang || "en").replace(/_/g, "-");
  /* Join links stand out from this long before a talk until its end. */
  var JOIN_BEFORE = 15 * MINUTE;
  var REFRESH_EVERY = 60 * 1000;
  var ZONE_KEY = "sphinx-seminars-zone";
  var ITEMS = "ul.seminar-items > li, tbody > tr, .seminar-card";
  var TALK_TIMES = ".seminar-list time.seminar-date, .seminar-archive time.seminar-date, " +
    ".seminar-speakers time.seminar-date, div.seminar-next time.seminar-date";
  var ENTRIES = "li, tr, .seminar-card, .seminar-next-talk";
  var CALLED_OFF = ".seminar-status-cancelled, .seminar-status-postponed, " +
    ".seminar-status-rescheduled";
  var INDEX_TABLES = "table.modindextable, table.domainindex-table";
  var NOT_SEARCHED = "seminar-local seminar-badges seminar-countdown";
  var FILTER_FROM = 5;

  var filters = [];
  var searchTexts = typeof WeakMap === "function" ? new WeakMap() : null;

  function each(selector, action, root) {
    Array.prototype.forEach.call((root || document).querySelectorAll(selector), action);
  }

  function toArray(list) {
    return Array.prototype.slice.call(list);
  }

  function insertAfter(node, reference) {
    reference.parentNode.insertBefore(node, reference.nextSibling);
  }

  function element(tag, className, text) {
    var made = document.createElement(tag);
    if (className) made.className = className;
    if (text) made.textContent = text;
    return made;
  }

  function setText(node, text) {
    if (node.textContent !== text) node.textContent = text;
  }

  /* -- times ------------------------------------------------------------------------ */

  function hasTime(iso) {
    return /T\d/.test(iso || "");
  }

  /* A Date: the instant of a timed ISO value, the local midnight of a date-only one. */
  function parseMoment(iso) {
    if (!iso) return null;
    if (hasTime(iso)) {
      var moment = new Date(iso);
      return isNaN(moment.getTime()) ? null : moment;
    }
    var parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
    return parts ? new Date(+parts[1], +parts[2] - 1, +parts[3]) : null;
  }

  function nextDay(day) {
    return new Date(day.getFullYear(), day.getMonth(), day.getDate() + 1);
  }

  /* When a talk starts and ends, from the data-start and data-end of `holder` (a talk
     page's when-block, a listing's <time>, a card of what's next): a date-only talk lasts
     its whole day (in the visitor's zone), a timed talk whose end is not known lasts the
     site's default duration. */
  function talkSpan(holder) {
    var startText = holder.getAttribute("data-start") || holder.getAttribute("datetime");
    var start = parseMoment(startText);
    if (!start) return null;
    var endText = holder.getAttribute("data-end");
    var end = parseMoment(endText);
    if (end && !hasTime(endText)) end = nextDay(end);
    if (!end || end <= start) {
      end = hasTime(startText) ? new Date(start.getTime() + DEFAULT_DURATION) : nextDay(start);
    }
    return { start: start, end: end, timed: hasTime(startText), day: startText.slice(0, 10) };
  }

  /* Upcoming, live or past; a cancelled, postponed or rescheduled talk is never live. */
  function statusAt(holder, now, off) {
    var span = talkSpan(holder);
    if (!span) return "";
    if (now >= span.end) return "past";
    return now < span.start || off ? "upcoming" : "live";
  }

  /* Whether a talk (a listing's entry, a card, a talk's section) does not take place as
     announced: the Python side marks it with a seminar-status-* class. */
  var MARKED_OFF = CALLED_OFF.split(", ").map(function (status) {
    return ".seminar-markers > .seminar-marker" + status;
  }).join(", ");

  function calledOff(node) {
    return !!node && (node.matches(CALLED_OFF) || !!node.querySelector(MARKED_OFF));
  }

  function twoDigits(number) {
    return (number < 10 ? "0" : "") + number;
  }

  /* -- time zones --------------------------------------------------------------------- */

  function browserZone() {
    try {
      return Intl.DateTimeFormat().resolvedOptions().timeZone || "";
    } catch (error) {
      return "";
    }
  }

  var BROWSER_ZONE = browserZone();
  var partFormats = {};

  /* A formatter of the parts of a moment in `zone` (the browser's own for ""), or null
     for a zone the browser does not know. */
  function partFormat(zone) {
    if (!(zone in partFormats)) {
      var options = {
        year: "numeric", month: "numeric", day: "numeric", weekday: "short",
        hour: "numeric", minute: "numeric", hourCycle: "h23"
      };
      if (zone) options.timeZone = zone;
      try {
        partFormats[zone] = new Intl.DateTimeFormat("en-US", options);
      } catch (error) {
        partFormats[zone] = null;
      }
    }
    return partFormats[zone];
  }

  function knownZone(zone) {
    return !!zone && partFormat(zone) !== null;
  }

  function storedZone() {
    try {
      var zone = window.localStorage.getItem(ZONE_KEY) || "";
      return knownZone(zone) ? zone : "";
    } catch (error) {
      return "";  // storage turned off
    }
  }

  function storeZone(zone) {
    try {
      if (zone) window.localStorage.setItem(ZONE_KEY, zone);
      else window.localStorage.removeItem(ZONE_KEY);
    } catch (error) {
      return;
    }
  }

  /* The zone times are shown in: the visitor's choice, else the browser's. */
  var chosenZone = storedZone();

  function shownZone() {
    return chosenZone || BROWSER_ZONE;
  }

  var WEEKDAYS = { Mon: 0, Tue: 1, Wed: 2, Thu: 3, Fri: 4, Sat: 5, Sun: 6 };

  /* Year, month, day, weekday (0 is Monday), hour and minute of a moment in the zone
     times are shown in. */
  function partsOf(moment) {
    var format = partFormat(chosenZone) || partFormat("");
    var found = {};
    format.formatToParts(moment).forEach(function (part) {
      found[part.type] = part.value;
    });
    return {
      year: +found.year, month: +found.month, day: +found.day,
      weekday: WEEKDAYS[found.weekday], hour: +found.hour % 24, minute: +found.minute
    };
  }

  function isoDay(parts) {
    return parts.year + "-" + twoDigits(parts.month) + "-" + twoDigits(parts.day);
  }

  /* Days from 1970 of an ISO day, to count the days between two of them. */
  function dayNumber(iso) {
    return Math.round(Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / DAY);
  }

  /* -- the site's style of dates and times --------------------------------------------- */

  var names = null;

  /* Month and weekday names in the page's language (English when the browser has none). */
  function siteNames() {
    if (names) return names;
    names = { months: [], weekdays: [] };
    try {
      var month = new Intl.DateTimeFormat(LANGUAGE, {
        day: "numeric", month: "long", timeZone: "UTC"
      });
      var weekday = new Intl.DateTimeFormat(LANGUAGE, { weekday: "long", timeZone: "UTC" });
      for (var index = 0; index < 12; index += 1) {
        names.months.push(month.formatToParts(Date.UTC(2001, index, 15)).filter(function (part) {
          return part.type === "month";
        })[0].value);
      }
      for (index = 0; index < 7; index += 1) {  // 1 January 2001 was a Monday
        names.weekdays.push(weekday.format(Date.UTC(2001, 0, 1 + index)));
      }
    } catch (error) {
      names = {
        months: ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"],
        weekdays: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
      };
    }
    return names;
  }

  /* A day written as seminar_date_format says ("{weekday} {day} {month} {year}"). */
  function dateText(parts) {
    var known = siteNames();
    var fields = {
      weekday: known.weekdays[parts.weekday], day: parts.day,
      month: known.months[parts.month - 1], year: parts.year
    };
    return DATE_FORMAT.replace(/\{\{|\}\}|\{(\w+)\}/g, function (all, field) {
      if (!field) return all.charAt(0);
      return Object.prototype.hasOwnProperty.call(fields, field) ? String(fields[field]) : all;
    });
  }

  /* A time of day written as seminar_time_format says, for the strftime codes of times
     (%H %I %M %S %p, also as %-H, %-I); other codes are left out. */
  function timeText(parts) {
    var hour12 = parts.hour % 12 || 12;
    var values = {
      H: twoDigits(parts.hour), I: twoDigits(hour12), M: twoDigits(parts.minute), S: "00",
      p: parts.hour < 12 ? "AM" : "PM", "-H": String(parts.hour), "-I": String(hour12),
      "%": "%"
    };
    return TIME_FORMAT.replace(/%(-?[A-Za-z%])/g, function (all, code) {
      return values[code] || "";
    }).trim();
  }

  /* "09:30", or "Wednesday 8 January 2025, 21:30" when the day in the zone shown is not
     the talk's own day. */
  function localText(moment, ownDay) {
    var parts = partsOf(moment);
    var clock = timeText(parts);
    return isoDay(parts) === ownDay ? clock : dateText(parts) + ", " + clock;
  }

  function zoneWords() {
    var zone = shownZone();
    return !chosenZone || zone === BROWSER_ZONE ? "in your time" : "in " + zone;
  }

  /* After the talk's own time: " — 09:30 in your time (Europe/London)" on a talk page,
     " (09:30 in your time)" in a listing; " — 17:30 in Asia/Tokyo" for a zone chosen.
     Date-only talks get nothing. */
  function showLocalTime(time, onTalkPage) {
    var iso = time.getAttribute("datetime") || "";
    var moment = hasTime(iso) ? parseMoment(iso) : null;
    if (!moment) return;
    var local = time.seminarLocal;
    if (!local) {
      time.setAttribute("data-seminar-local", "");
      local = time.seminarLocal = element("span", "seminar-local");
      var after = time;
      var next = time.nextElementSibling;
      if (onTalkPage && next && next.classList.contains("seminar-timezone")) after = next;
      insertAfter(local, after);
    }
    var zone = shownZone();
    var words = zoneWords();
    var text = localText(moment, iso.slice(0, 10)) + " " + words;
    if (onTalkPage) {
      setText(local, " — " + text + (zone && words === "in your time" ? " (" + zone + ")" : ""));
    } else {
      setText(local, " (" + text + ")");
      if (zone) local.title = zone;
    }
  }

  function showLocalTimes() {
    each(".seminar-talk .seminar-when time[datetime]", function (time) {
      showLocalTime(time, true);
    });
    each(TALK_TIMES, function (time) {
      showLocalTime(time, false);
    });
  }

  /* The zones to choose from: every zone the browser knows (or a few), sorted. */
  function zoneNames() {
    var zones = [];
    try {
      if (Intl.supportedValuesOf) zones = toArray(Intl.supportedValuesOf("timeZone"));
    } catch (error) {
      zones = [];
    }
    [BROWSER_ZONE, chosenZone, "UTC"].forEach(function (zone) {
      if (zone && zones.indexOf(zone) < 0) zones.push(zone);
    });
    return zones.sort();
  }

  /* A labelled <select> of time zones: the visitor's own first, then every zone.  It goes
     at the end of a talk page's when-block, else before the first listing with a time. */
  function addZoneChoice() {
    var timed = document.querySelector("[data-seminar-local]");
    if (!timed) return;
    var box = element("div", "seminar-zone");
    var label = element("label", "seminar-zone-label", "Show times in");
    var select = element("select", "seminar-zone-select");
    select.id = label.htmlFor = "seminar-zone-select";
    var own = element("option", "", "your time zone");
    if (BROWSER_ZONE) own.textContent += " (" + BROWSER_ZONE + ")";
    own.value = "";
    select.appendChild(own);
    zoneNames().forEach(function (zone) {
      var option = element("option", "", zone);
      option.value = zone;
      select.appendChild(option);
    });
    select.value = chosenZone;
    select.addEventListener("change", function () {
      chosenZone = knownZone(select.value) ? select.value : "";
      storeZone(chosenZone);
      showLocalTimes();
      updateNext(new Date());
    });
    box.appendChild(label);
    box.appendChild(select);
    var when = timed.closest(".seminar-when");
    var block = timed.closest(
      "div.seminar-next, .seminar-list, .seminar-archive, .seminar-speakers"
    );
    if (when) when.appendChild(box);
    else if (block) block.parentNode.insertBefore(box, block);
  }

  /* -- upcoming, live, past ----------------------------------------------------------- */

  /* The last of a time, the talk's zone and the local time that follow it. */
  function badgePlace(time) {
    var place = time;
    var next = place.nextElementSibling;
    while (next && (next.classList.contains("seminar-timezone") ||
      next.classList.contains("seminar-local"))) {
      place = next;
      next = next.nextElementSibling;
    }
    return place;
  }

  /* The badge after a time (and its local time): created, changed or removed.  It sits
     in a span that starts with a space, so that its words stay apart when read aloud. */
  function setBadge(time, status, text) {
    var place = badgePlace(time);
    var next = place.nextElementSibling;
    var holder = next && next.classList.contains("seminar-badges") ? next : null;
    if (!text) {
      if (holder) holder.parentNode.removeChild(holder);
      return;
    }
    if (!holder) {
      holder = element("span", "seminar-badges", " ");
      holder.appendChild(element("span"));
      insertAfter(holder, place);
    }
    var badge = holder.lastChild;
    badge.className = "seminar-badge seminar-badge-" + status;
    badge.textContent = text;
  }

  var TALK_BADGES = { upcoming: "Upcoming", live: "Live now", past: "Past talk" };

  /* A talk page's status and badge; a talk called off gets no badge (its banner says). */
  function markTalkPages(now) {
    each(".seminar-talk", function (talk) {
      var when = talk.querySelector(".seminar-when[data-start]");
      var time = when && when.querySelector("time[datetime]");
      var off = calledOff(talk);
      var status = time ? statusAt(when, now, off) : "";
      if (!status) return;
      talk.setAttribute("data-seminar-status", status);
      setBadge(time, status, off ? "" : TALK_BADGES[status]);
    });
  }

  /* "Live now", and "Upcoming" outside listings of upcoming talks; none in what's next
     (its countdown says) nor for a talk called off (its marker says). */
  function itemBadge(status, time, item) {
    if (calledOff(item) || item.classList.contains("seminar-next-talk")) return "";
    if (status === "live") return "Live now";
    var inUpcoming = time.closest('.seminar-list[data-when="upcoming"]');
    return status === "upcoming" && !inUpcoming ? "Upcoming" : "";
  }

  function markItems(now) {
    each(TALK_TIMES, function (time) {
      var item = time.closest(ENTRIES);
      var status = item ? statusAt(time, now, calledOff(item)) : "";
      if (!status) return;
      item.setAttribute("data-seminar-status", status);
      setBadge(time, status, itemBadge(status, time, item));
    });
  }

  function itemsOf(region) {
    return toArray(region.querySelectorAll(ITEMS));
  }

  function startOf(item) {
    var time = item.querySelector("time[datetime]");
    var span = time ? talkSpan(time) : null;
    return span ? span.start.getTime() : 0;
  }

  function titleOf(item) {
    var title = item.querySelector(".seminar-title");
    return title ? title.textContent : "";
  }

  /* Whether item `a` goes before item `b` in a listing sorted by `sort`. */
  function goesBefore(a, b, sort) {
    if (sort === "title") return titleOf(a).localeCompare(titleOf(b)) < 0;
    var difference = startOf(a) - startOf(b);
    return sort === "date" ? difference < 0 : difference > 0;
  }

  /* The first `:when: past` listing of the page that shows what `upcoming` shows. */
  function pastListingFor(upcoming) {
    var selection = upcoming.getAttribute("data-selection") || "";
    var format = upcoming.getAttribute("data-format");
    return toArray(document.querySelectorAll('.seminar-list[data-when="past"]')).filter(
      function (past) {
        var wanted = past.getAttribute("data-selection") || "";
        return past.getAttribute("data-format") === format && (!wanted || wanted === selection);
      }
    )[0] || null;
  }

  /* Where a listing keeps its items; made for an empty list or cards listing. */
  function holderOf(listing) {
    var format = listing.getAttribute("data-format");
    if (format === "table") return listing.querySelector("tbody");
    if (format === "cards") {
      listing.setAttribute("role", "list");
      return listing;
    }
    var list = listing.querySelector("ul.seminar-items");
    if (!list) {
      list = element("ul", "seminar-items simple");
      listing.appendChild(list);
    }
    return list;
  }

  function setEmpty(listing, empty) {
    var note = listing.querySelector(".seminar-empty");
    if (empty && !note) listing.appendChild(element("p", "seminar-empty", "No talks."));
    if (!empty && note) note.parentNode.removeChild(note);
    each("ul.seminar-items, table", function (holder) {
      holder.hidden = empty;
    }, listing);
    if (empty) listing.removeAttribute("role");
  }

  function moveToPast(item, upcoming) {
    var past = pastListingFor(upcoming);
    var holder = past ? holderOf(past) : null;
    if (!holder) {
      item.parentNode.removeChild(item);
      return;
    }
    var sort = past.getAttribute("data-sort");
    var before = itemsOf(past).filter(function (other) {
      return goesBefore(item, other, sort);
    })[0];
    holder.insertBefore(item, before || null);
    setEmpty(past, false);
    var limit = parseInt(past.getAttribute("data-limit") || "", 10);
    if (limit > 0) {
      itemsOf(past).slice(limit).forEach(function (extra) {
        extra.parentNode.removeChild(extra);
      });
    }
  }

  function retireEnded(now) {
    each('.seminar-list[data-when="upcoming"]', function (upcoming) {
      var ended = itemsOf(upcoming).filter(function (item) {
        var time = item.querySelector("time[datetime]");
        return time && statusAt(time, now) === "past";
      });
      if (!ended.length) return;
      ended.forEach(function (item) {
        moveToPast(item, upcoming);
      });
      setEmpty(upcoming, itemsOf(upcoming).length === 0);
    });
  }

  /* -- what's next and join links ------------------------------------------------------ */

  /* How soon a talk is: "live now", "starts in 40 min" (under an hour), else "today",
     "tomorrow", "in 3 days" by the days of the zone shown.  A talk with only a date is
     "today" on its day; a talk called off is never "live now" nor "starts in". */
  function howSoon(span, now, off) {
    if (span.timed && !off) {
      if (now >= span.start) return "live now";
      var minutes = Math.ceil((span.start - now) / MINUTE);
      if (minutes < 60) return "starts in " + minutes + " min";
    }
    var day = span.timed ? isoDay(partsOf(span.start)) : span.day;
    var days = dayNumber(day) - dayNumber(isoDay(partsOf(now)));
    if (days <= 0) return "today";
    return days === 1 ? "tomorrow" : "in " + days + " days";
  }

  /* What's next: each card's countdown kept current; a talk that has ended leaves. */
  function updateNext(now) {
    each("div.seminar-next", function (box) {
      each(".seminar-next-talk[data-start]", function (card) {
        var span = talkSpan(card);
        if (!span) return;
        if (now >= span.end) {
          card.parentNode.removeChild(card);
          return;
        }
        var soon = howSoon(span, now, calledOff(card));
        var countdown = card.querySelector(".seminar-countdown");
        if (countdown) {
          setText(countdown, soon);
          countdown.classList.toggle("seminar-countdown-live", soon === "live now");
        }
      }, box);
      if (!box.querySelector(".seminar-next-talk, .seminar-empty")) {
        box.removeAttribute("role");
        box.appendChild(element("p", "seminar-empty", "No upcoming talks."));
      }
    });
  }

  /* Join links (what's next's, a talk page's) get the class seminar-join-now from shortly
     before the talk until its end.  This is presentation only: the link is in the page. */
  function markJoinLinks(now) {
    function mark(links, holder, talk) {
      var span = talkSpan(holder);
      var open = !!span && !calledOff(talk) &&
        now >= span.start - JOIN_BEFORE && now < span.end;
      links.forEach(function (link) {
        link.classList.toggle("seminar-join-now", open);
      });
    }
    each(".seminar-next-talk[data-start]", function (card) {
      mark(toArray(card.querySelectorAll("a.seminar-join")), card, card);
    });
    each(".seminar-talk", function (talk) {
      var when = talk.querySelector(".seminar-when[data-start]");
      if (when) mark(toArray(talk.querySelectorAll("a.seminar-online")), when, talk);
    });
  }

  /* -- copying the calendar address --------------------------------------------------- */

  function selectText(node) {
    var range = document.createRange();
    range.selectNodeContents(node);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  /* The address to the clipboard; where the browser refuses, it is selected instead. */
  function copyAddress(address, code, note) {
    function done(copied) {
      if (!copied) selectText(code);
      note.textContent = copied ? "Copied" : "Selected: copy it with your keyboard";
      window.clearTimeout(note.seminarTimer);
      note.seminarTimer = window.setTimeout(function () {
        note.textContent = "";
      }, 4000);
    }
    function byCommand() {
      selectText(code);
      try {
        return document.execCommand("copy");
      } catch (error) {
        return false;
      }
    }
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(address).then(function () {
        done(true);
      }, function () {
        done(byCommand());
      });
    } else {
      done(byCommand());
    }
  }

  /* A "Copy address" button after each subscribe block's calendar address. */
  function addCopyButtons() {
    each(".seminar-subscribe", function (box) {
      var code = box.querySelector("code.seminar-calendar-url");
      if (!code || box.querySelector(".seminar-copy")) return;
      var address = box.getAttribute("data-calendar-url") || code.textContent.trim();
      var button = element("button", "seminar-copy", "Copy address");
      button.type = "button";
      var note = element("span", "seminar-copy-note");
      note.setAttribute("role", "status");
      note.setAttribute("aria-live", "polite");
      button.addEventListener("click", function () {
        copyAddress(address, code, note);
      });
      insertAfter(button, code);
      insertAfter(note, button);
    });
  }

  /* -- the filter ----------------------------------------------------------------------- */

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function collectText(node, parts) {
    Array.prototype.forEach.call(node.childNodes, function (child) {
      if (child.nodeType === 3) {
        parts.push(child.nodeValue);
      } else if (child.nodeType === 1) {
        var skip = NOT_SEARCHED.split(" ").some(function (name) {
          return child.classList.contains(name);
        });
        if (!skip) collectText(child, parts);
        if (child.hasAttribute("data-series")) parts.push(child.getAttribute("data-series"));
      }
    });
  }

  /* What a filter matches in an element: its text (not the added local times and
     badges) and the series of its talks; folded, and kept. */
  function searchText(node) {
    var known = searchTexts && searchTexts.get(node);
    if (known !== undefined && known !== null) return known;
    var parts = [];
    collectText(node, parts);
    var text = fold(parts.join(" ").replace(/\s+/g, " "));
    if (searchTexts) searchTexts.set(node, text);
    return text;
  }

  function plural(count, noun) {
    return count === 1 ? noun.slice(0, -1) : noun;
  }

  function countText(shown, total, noun, filtered) {
    if (!filtered) return total + " " + plural(total, noun);
    if (!shown) return "No " + noun + " match";
    return shown + " of " + total + " " + plural(total, noun) + " shown";
  }

  function setFilteredOut(node, out) {
    node.classList.toggle("seminar-filtered-out", out);
    if (out) node.setAttribute("hidden", "");
    else node.removeAttribute("hidden");
  }

  function groupOf(node) {
    return { nodes: [node], text: searchText(node) };
  }

  function applyFilter(filter) {
    var words = fold(filter.input.value).split(/\s+/).filter(Boolean);
    var groups = filter.groups();
    var shown = 0;
    groups.forEach(function (group) {
      var match = words.every(function (word) {
        return group.text.indexOf(word) >= 0;
      });
      group.nodes.forEach(function (node) {
        setFilteredOut(node, !match);
      });
      if (match) shown += 1;
    });
    if (filter.tidy) filter.tidy();
    var text = countText(shown, groups.length, filter.noun, words.length > 0);
    if (filter.count.textContent !== text) filter.count.textContent = text;
    filter.box.hidden = groups.length === 0;
  }

  function filterBox(filter, number) {
    var id = "seminar-filter-" + number;
    var box = element("div", "seminar-filter");
    var label = element("label", "seminar-filter-label", "Filter " + filter.noun);
    label.htmlFor = id;
    var input = element("input", "seminar-filter-input");
    input.type = "search";
    input.id = id;
    input.autocomplete = "off";
    input.spellcheck = false;
    input.placeholder = filter.hint;
    input.setAttribute("aria-describedby", id + "-count");
    var count = element("span", "seminar-filter-count");
    count.id = id + "-count";
    count.setAttribute("role", "status");
    count.setAttribute("aria-live", "polite");
    count.setAttribute("aria-atomic", "true");
    box.appendChild(label);
    box.appendChild(input);
    box.appendChild(count);
    input.addEventListener("input", function () {
      applyFilter(filter);
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && input.value) {
        input.value = "";
        applyFilter(filter);
        event.preventDefault();
      } else if (event.key === "Enter") {
        event.preventDefault();
      }
    });
    filter.box = box;
    filter.input = input;
    filter.count = count;
    return box;
  }

  /* A filter box before `place`, for the groups of `region`: for five entries or more. */
  function addFilter(region, place, filter) {
    var few = filter.groups().length < FILTER_FROM;
    if (few || region.classList.contains("seminar-no-filter")) return;
    filters.push(filter);
    place.parentNode.insertBefore(filterBox(filter, filters.length), place);
    applyFilter(filter);
  }

  var TALK_HINT = "speaker, title, year, series";

  function filterListing(listing) {
    addFilter(listing, listing, {
      noun: "talks",
      hint: TALK_HINT,
      groups: function () {
        return itemsOf(listing).map(groupOf);
      }
    });
  }

  /* Archive: a year's heading goes when none of its talks is shown. */
  function filterArchive(archive) {
    addFilter(archive, archive, {
      noun: "talks",
      hint: TALK_HINT,
      groups: function () {
        return itemsOf(archive).map(groupOf);
      },
      tidy: function () {
        each(".seminar-year", function (year) {
          var list = year.nextElementSibling;
          if (!list) return;
          var empty = !list.querySelector("li:not(.seminar-filtered-out)");
          year.classList.toggle("seminar-filtered-out", empty);
          list.classList.toggle("seminar-filtered-out", empty);
        }, archive);
      }
    });
  }

  function filterSpeakers(page) {
    addFilter(page, page, {
      noun: "speakers",
      hint: "name, affiliation, talk, year",
      groups: function () {
        return toArray(page.querySelectorAll(".seminar-speaker-entry")).map(groupOf);
      }
    });
  }

  /* A domain index table: an entry row with the rows of its sub-entries ("cg-N"). */
  function indexGroups(table) {
    var groups = [];
    var current = null;
    toArray(table.rows).forEach(function (row) {
      if (row.classList.contains("pcap") || row.classList.contains("cap")) {
        current = null;
      } else if (current && /(^|\s)cg-\d+/.test(row.className)) {
        current.nodes.push(row);
      } else {
        current = { nodes: [row] };
        groups.push(current);
      }
    });
    groups.forEach(function (group) {
      group.text = group.nodes.map(searchText).join(" ");
    });
    return groups;
  }

  /* A letter's or year's caption row goes when none of its entries is shown. */
  function tidyIndex(table) {
    var caption = null;
    var spacer = null;
    var shown = false;
    function close() {
      if (caption) caption.classList.toggle("seminar-filtered-out", !shown);
      if (spacer) spacer.classList.toggle("seminar-filtered-out", !shown);
    }
    toArray(table.rows).forEach(function (row) {
      if (row.classList.contains("pcap")) {
        close();
        spacer = row;
        caption = null;
        shown = false;
      } else if (row.classList.contains("cap")) {
        caption = row;
      } else if (!row.classList.contains("seminar-filtered-out")) {
        shown = true;
      }
    });
    close();
  }

  /* Sub-entries are indented by spaces in Sphinx's template, which wrapped lines lose:
     the stylesheet indents rows of the class seminar-index-sub instead. */
  function indentSubEntries(table) {
    toArray(table.rows).forEach(function (row) {
      var cell = row.cells[1];
      if (!cell || !/(^|\s)cg-\d+/.test(row.className)) return;
      row.classList.add("seminar-index-sub");
      var first = cell.firstChild;
      if (first && first.nodeType === 3) {
        first.nodeValue = first.nodeValue.replace(/^[\s\u00a0]+/, "");
      }
    });
  }

  function filterIndexPage() {
    var meta = document.querySelector('meta[name="seminar-index"]');
    var table = meta && document.querySelector(INDEX_TABLES);
    if (!table) return;
    table.classList.add("seminar-index-table");  // names and titles in text type, not code
    indentSubEntries(table);
    var noun = meta.getAttribute("content") === "speakers" ? "speakers" : "talks";
    addFilter(table, table, {
      noun: noun,
      hint: noun === "speakers" ? "name, affiliation, talk, year" : TALK_HINT,
      groups: function () {
        return indexGroups(table);
      },
      tidy: function () {
        tidyIndex(table);
      }
    });
  }

  function addFilters() {
    each(".seminar-list", filterListing);
    each(".seminar-archive", filterArchive);
    each(".seminar-speakers", filterSpeakers);
    filterIndexPage();
  }

  /* -- start -------------------------------------------------------------------------- */

  function update(now) {
    markTalkPages(now);
    markItems(now);
    retireEnded(now);
    updateNext(now);
    markJoinLinks(now);
  }

  function refresh() {
    update(new Date());
    filters.forEach(applyFilter);
  }

  function start() {
    showLocalTimes();
    update(new Date());
    addZoneChoice();
    addCopyButtons();
    addFilters();
    window.setInterval(refresh, REFRESH_EVERY);
    document.addEventListener("visibilitychange", function () {
      if (!document.hidden) refresh();
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
