/* sphinx-seminars: the page script.
 *
 * In the visitor's browser, with no dependencies and no network requests:
 * - every talk time (<time datetime="...T...">) also shows the visitor's own time;
 * - talks are marked upcoming, live or past from the visitor's clock, and a talk that has
 *   ended leaves each `:when: upcoming` listing (for a `:when: past` listing of the same
 *   format and selection on the page, when there is one);
 * - listings, the archive, the speakers page and the domain index pages get a filter box.
 * Without the script the pages show everything, as built.
 */
(function () {
  "use strict";

  var MINUTE = 60 * 1000;
  var script = document.currentScript;
  /* How long a timed talk whose end is not known lasts: seminar_default_duration, as the
     calendars have it. */
  var DEFAULT_DURATION = Number(
    (script && script.getAttribute("data-default-duration")) || 60
  ) * MINUTE;
  var REFRESH_EVERY = 60 * 1000;
  var ITEMS = "ul.seminar-items > li, tbody > tr, .seminar-card";
  var TALK_TIMES = ".seminar-list time.seminar-date, .seminar-archive time.seminar-date, " +
    ".seminar-speakers time.seminar-date";
  var INDEX_TABLES = "table.modindextable, table.domainindex-table";
  var NOT_SEARCHED = "seminar-local seminar-status";
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
     page's when-block, a listing's <time>): a date-only talk lasts its whole day (in the
     visitor's zone), a timed talk whose end is not known lasts the site's default duration. */
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
    return { start: start, end: end };
  }

  function statusAt(holder, now) {
    var span = talkSpan(holder);
    if (!span) return "";
    if (now < span.start) return "upcoming";
    return now < span.end ? "live" : "past";
  }

  function twoDigits(number) {
    return (number < 10 ? "0" : "") + number;
  }

  function localDay(moment) {
    return moment.getFullYear() + "-" + twoDigits(moment.getMonth() + 1) + "-" +
      twoDigits(moment.getDate());
  }

  function visitorZone() {
    try {
      return Intl.DateTimeFormat().resolvedOptions().timeZone || "";
    } catch (error) {
      return "";
    }
  }

  /* "09:30", or "Wed 8 Jan, 21:30" when the visitor's day is not the talk's own day. */
  function localText(moment, ownDay) {
    var clock = moment.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
    if (localDay(moment) === ownDay) return clock;
    var day = moment.toLocaleDateString([], { weekday: "short", day: "numeric", month: "short" });
    return day + ", " + clock;
  }

  /* After the talk's own time: " — 09:30 in your time (Europe/London)" on a talk page,
     " (09:30 in your time)" in a listing.  Date-only talks get nothing. */
  function showLocalTime(time, onTalkPage) {
    var iso = time.getAttribute("datetime") || "";
    var moment = hasTime(iso) ? parseMoment(iso) : null;
    if (!moment || time.hasAttribute("data-seminar-local")) return;
    time.setAttribute("data-seminar-local", "");
    var zone = visitorZone();
    var text = localText(moment, iso.slice(0, 10)) + " in your time";
    var local = element("span", "seminar-local");
    var after = time;
    if (onTalkPage) {
      local.textContent = " — " + text + (zone ? " (" + zone + ")" : "");
      var next = time.nextElementSibling;
      if (next && next.classList.contains("seminar-timezone")) after = next;
    } else {
      local.textContent = " (" + text + ")";
      if (zone) local.title = zone;
    }
    insertAfter(local, after);
  }

  function showLocalTimes() {
    each(".seminar-talk .seminar-when time[datetime]", function (time) {
      showLocalTime(time, true);
    });
    each(TALK_TIMES, function (time) {
      showLocalTime(time, false);
    });
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
    var holder = next && next.classList.contains("seminar-status") ? next : null;
    if (!text) {
      if (holder) holder.parentNode.removeChild(holder);
      return;
    }
    if (!holder) {
      holder = element("span", "seminar-status", " ");
      holder.appendChild(element("span"));
      insertAfter(holder, place);
    }
    var badge = holder.lastChild;
    badge.className = "seminar-badge seminar-badge-" + status;
    badge.textContent = text;
  }

  var TALK_BADGES = { upcoming: "Upcoming", live: "Live now", past: "Past talk" };

  function markTalkPages(now) {
    each(".seminar-talk", function (talk) {
      var when = talk.querySelector(".seminar-when[data-start]");
      var time = when && when.querySelector("time[datetime]");
      var status = time ? statusAt(when, now) : "";
      if (!status) return;
      talk.setAttribute("data-seminar-status", status);
      setBadge(time, status, TALK_BADGES[status]);
    });
  }

  function itemBadge(status, time) {
    if (status === "live") return "Live now";
    var inUpcoming = time.closest('.seminar-list[data-when="upcoming"]');
    return status === "upcoming" && !inUpcoming ? "Upcoming" : "";
  }

  function markItems(now) {
    each(TALK_TIMES, function (time) {
      var item = time.closest("li, tr, .seminar-card");
      var status = statusAt(time, now);
      if (!item || !status) return;
      item.setAttribute("data-seminar-status", status);
      setBadge(time, status, itemBadge(status, time));
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

  function filterIndexPage() {
    var meta = document.querySelector('meta[name="seminar-index"]');
    var table = meta && document.querySelector(INDEX_TABLES);
    if (!table) return;
    table.classList.add("seminar-index-table");  // names and titles in text type, not code
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

  function refresh() {
    var now = new Date();
    markTalkPages(now);
    markItems(now);
    retireEnded(now);
    filters.forEach(applyFilter);
  }

  function start() {
    showLocalTimes();
    var now = new Date();
    markTalkPages(now);
    markItems(now);
    retireEnded(now);
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
