"""Time Sphinx builds of N generated seed-like talks: plain MyST pages against a collection.

Usage: python benchmarks/build_bench.py [--talks 1000] [--workdir DIR] [--quick] [--repeats R]

(a) plain: every talk file is an ordinary MyST page, in toctrees grouped by year (one page
    per year), the way a site without this extension would do it;
(a') the same plain pages, but as orphans linked from the year pages (no toctree holds them,
    as in (b)): the same page shape as (b), without (a)'s sidebar of every talk, whose cost
    grows with the square of the number of talks;
(b) seminars: the same files as a ``seminar_talks`` collection with an archive page.

It prints wall time and peak memory of each build (each in its own process) and the ratios
the project targets: full build (b)/(a) <= 1.10 and memory <= 1.2x; time(2N)/time(N) <= 2.1;
a rebuild with nothing changed <= 1.10x the plain one; editing one talk rebuilds in <= 10%
of the full build and re-reads only that talk; -j 2 not slower than -j 1; the reader alone
>= 2,000 files per second.  A rebuild with nothing changed (about a second) is timed as the
fastest of three, and the reader as the best of three passes over the files.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

WORDS = (
    "materials design learning model data energy battery crystal structure phase alloy "
    "simulation quantum interface defect surface catalyst polymer ceramic strength fatigue "
    "diffusion grain boundary electron microscopy spectroscopy synthesis thin film oxide "
    "nanoparticle composite corrosion hydrogen magnetic thermal transport mechanical"
).split()
FIRST = "Asha Keith Maria Chen Omar Lena Ravi Sofia Tomas Yuki Ines Kwame Priya Jonas".split()
LAST = "Butler Rao Okafor Lin Haddad Strom Ito Mensah Novak Weber Santos Kim Iyer Das".split()
MONTHS = (
    "January February March April May June July August September October November December".split()
)
DAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()


def sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def talk_text(rng: random.Random, number: int) -> tuple[str, str]:
    """(file name, text) of one talk in the style of the reference file."""
    day = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(0, 11 * 365))
    first, last = rng.choice(FIRST), rng.choice(LAST)
    slug = f"{last.lower()}-{number:05d}"
    title = " ".join(rng.choice(WORDS) for _ in range(8)).capitalize()
    abstract = " ".join(sentence(rng, rng.randint(12, 25)) for _ in range(9))
    references = "\n\n".join(
        f"{i}. {sentence(rng, 14)} Journal {i}, {day.year}" for i in range(1, 6)
    )
    bio = " ".join(sentence(rng, rng.randint(12, 22)) for _ in range(7))
    hour = rng.choice((10, 11, 14, 15, 16))
    text = f"""---
title: "{title} ({day:%d/%m/%y})"
permalink: /seminar/{slug}
---
### Speaker and Affliation:
Dr. {first} {last}<br>
Associate Professor, Department of {rng.choice(WORDS).title()}, University of {rng.choice(LAST)}

### When?
{day.day}<sup>th</sup> {MONTHS[day.month - 1]}, {day.year} ({DAYS[day.weekday()]}), {hour - 12 if hour > 12 else hour}.00 {"PM" if hour >= 12 else "AM"} (India Standard Time)

### Where
KPA Auditorium, Dept. of Materials Engineering, IISc, Bangalore

### Abstract:

{abstract} [1] [2].

{references}

### About the Speaker :

{bio}
"""
    return f"{day:%Y-%m-%d}-seminar-{slug}.md", text


def generate(folder: Path, count: int, *, plain: bool, linked: bool = False) -> None:
    """Talk files and a project around them: ``plain`` MyST pages in a toctree per year (or,
    ``linked``, orphan pages linked from the year pages), or a ``seminar_talks`` collection."""
    rng = random.Random(20250109)
    talks = folder / "talks"
    talks.mkdir(parents=True)
    by_year: dict[str, list[str]] = {}
    for number in range(count):
        name, text = talk_text(rng, number)
        if linked:
            text = text.replace("---\n", "---\norphan: true\n", 1)
        (talks / name).write_text(text, encoding="utf-8")
        by_year.setdefault(name[:4], []).append(name[:-3])
    conf = (
        'extensions = ["myst_parser"]\n'
        if plain
        else (
            'extensions = ["sphinx_seminars"]\nseminar_talks = ["talks/*.md"]\n'
            'seminar_timezone = "Asia/Kolkata"\nseminar_today = "2025-06-01"\n'
        )
    )
    (folder / "conf.py").write_text(conf + 'exclude_patterns = ["_build"]\n', encoding="utf-8")
    if plain:
        years = sorted(by_year, reverse=True)
        (folder / "index.md").write_text(
            "# Seminars\n\n```{toctree}\n:maxdepth: 1\n\n"
            + "\n".join(f"years/{y}" for y in years)
            + "\n```\n"
        )
        (folder / "years").mkdir()
        for year, names in by_year.items():
            ordered = sorted(names, reverse=True)
            if linked:
                body = "\n".join(f"- {{doc}}`/talks/{n}`" for n in ordered)
            else:
                entries = "\n".join(f"/talks/{n}" for n in ordered)
                body = f"```{{toctree}}\n:maxdepth: 1\n\n{entries}\n```"
            (folder / "years" / f"{year}.md").write_text(f"# {year}\n\n{body}\n")
    else:
        (folder / "index.md").write_text("# Seminars\n\n```{toctree}\narchive\n```\n")
        (folder / "archive.md").write_text("# All talks\n\n```{seminar-archive}\n```\n")


def build(src: Path, out: Path, jobs: int = 1) -> tuple[float, int, str]:
    """(seconds, peak RSS in MiB, output) of one sphinx-build in its own process."""
    command = [sys.executable, "-m", "sphinx", "-b", "html", "-j", str(jobs), str(src), str(out)]
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    output = process.stdout.read() if process.stdout else ""
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    if status != 0:
        raise SystemExit(f"build failed:\n{output[-3000:]}")
    return seconds, usage.ru_maxrss // 1024, output


def reread(output: str) -> str:
    found = re.search(r"updating environment: .*?(\d+) added, (\d+) changed, (\d+) removed", output)
    return found.group(0).split(": ", 1)[1] if found else "?"


def reader_rate(folder: Path, repeats: int = 3) -> float:
    """Talk files read per second by the reader alone, in this process: the best of
    ``repeats`` passes over every file, after one read that loads the time-zone tables."""
    from sphinx_seminars.reader import read_talk

    files = sorted((folder / "talks").glob("*.md"))
    read_talk(files[0], default_timezone="Asia/Kolkata")
    best = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        for path in files:
            read_talk(path, default_timezone="Asia/Kolkata")
        best = min(best, time.perf_counter() - started)
    return len(files) / best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--talks", type=int, default=1000)
    parser.add_argument("--workdir", type=Path, default=None)
    parser.add_argument("--quick", action="store_true", help="skip the 2N and -j 2 builds")
    parser.add_argument(
        "--repeats", type=int, default=1, help="time each full build as the fastest of this many"
    )
    args = parser.parse_args()
    work = args.workdir or Path(tempfile.mkdtemp(prefix="seminar-bench-"))
    shutil.rmtree(work, ignore_errors=True)
    n = args.talks
    rows: list[tuple[str, float, int, str]] = []

    def run(name: str, src: Path, out: Path, jobs: int = 1, repeats: int = 1) -> tuple[float, int]:
        """One build: the fastest of ``repeats``, each full one from an empty output folder."""
        results = []
        for _ in range(repeats):
            if "full" in name:
                shutil.rmtree(out, ignore_errors=True)
            results.append(build(src, out, jobs))
        seconds, memory, output = min(results)
        rows.append((name, seconds, memory, reread(output)))
        print(f"{name:38} {seconds:7.2f} s {memory:6d} MiB  {reread(output)}", flush=True)
        return seconds, memory

    plain, linked, seminars = work / "plain", work / "linked", work / "seminars"
    generate(plain, n, plain=True)
    generate(linked, n, plain=True, linked=True)
    generate(seminars, n, plain=False)
    print(f"{n} talks in {work}", flush=True)
    a_full, a_mem = run("(a) plain MyST, full", plain, plain / "_build", repeats=args.repeats)
    l_full, l_mem = run(
        "(a') plain MyST orphans linked, full", linked, linked / "_build", repeats=args.repeats
    )
    b_full, b_mem = run("(b) seminars, full", seminars, seminars / "_build", repeats=args.repeats)
    a_none, _ = run("(a) plain MyST, nothing changed", plain, plain / "_build", repeats=3)
    b_none, _ = run("(b) seminars, nothing changed", seminars, seminars / "_build", repeats=3)
    talk = sorted((seminars / "talks").glob("*.md"))[n // 2]
    talk.write_text(
        talk.read_text(encoding="utf-8").replace("Abstract:", "Abstract:\n\nEdited.", 1)
    )
    b_edit, _ = run("(b) seminars, one talk edited", seminars, seminars / "_build")
    rate = reader_rate(seminars)
    print(f"{'reader alone':38} {rate:7.0f} files/s", flush=True)
    print()
    checks = [
        ("full build (b)/(a)", b_full / a_full, 1.10),
        ("full build (b)/(a') same page shape", b_full / l_full, 1.10),
        ("peak memory (b)/(a')", b_mem / l_mem, 1.20),
        ("peak memory (b)/(a)", b_mem / a_mem, 1.20),
        ("no-change rebuild (b)/(a)", b_none / a_none, 1.10),
        ("one talk edited / full build", b_edit / b_full, 0.10),
    ]
    if not args.quick:
        b_j2, _ = run("(b) seminars, full, -j 2", seminars, work / "j2", 2, args.repeats)
        double = work / "double"
        generate(double, 2 * n, plain=False)
        b_2n, _ = run(
            f"(b) seminars, full, {2 * n} talks", double, double / "_build", 1, args.repeats
        )
        checks += [("-j 2 / -j 1", b_j2 / b_full, 1.00), ("time(2N)/time(N)", b_2n / b_full, 2.10)]
    print()
    for name, value, target in checks:
        verdict = "ok" if value <= target else "MISSED"
        print(f"{name:32} {value:6.3f}  (target <= {target:.2f})  {verdict}")
    print(
        f"{'reader files per second':32} {rate:6.0f}  (target >= 2000)  {'ok' if rate >= 2000 else 'MISSED'}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
