#!/usr/bin/env python3
"""Generate the synthetic site corpus under fixtures/sites/ (deterministic; commit the output).

Three invented sites, each with its own page chrome (menus, share rows, newsletter boxes,
footers, copyright lines, in a different style per site) around article bodies written from a
small word bank with a seeded RNG. No body line repeats anywhere in the corpus; every chrome
line appears on at least `MIN_SHARE` pages of its site, some of them with a number that
changes from page to page (years, times, counts).

Writes `fixtures/sites/<site>/<nn>.txt` and `fixtures/sites/<site>/truth.json`, which lists
for every page its headline, its body paragraphs and its chrome lines.

    python scripts/make_site_fixtures.py            # write
    python scripts/make_site_fixtures.py --check    # exit 1 if the committed files differ
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "fixtures" / "sites"
PAGES_PER_SITE = 24
MIN_SHARE = 8
SEED = 20240611

NOUNS = (
    "council",
    "harbour",
    "committee",
    "budget",
    "bridge",
    "school",
    "river",
    "market",
    "union",
    "hospital",
    "festival",
    "museum",
    "railway",
    "factory",
    "library",
    "court",
    "airport",
    "garden",
    "reservoir",
    "district",
    "orchestra",
    "clinic",
    "ferry",
    "stadium",
    "warehouse",
    "vineyard",
    "laboratory",
    "tunnel",
    "archive",
    "depot",
)
PEOPLE = (
    "the mayor",
    "local farmers",
    "the inspectors",
    "several residents",
    "the head teacher",
    "union leaders",
    "the planning officer",
    "volunteers",
    "the regional minister",
    "shop owners",
    "the fire service",
    "engineers",
    "the board",
    "nurses",
    "the auditors",
    "fishermen",
    "the developers",
    "commuters",
    "the curator",
    "parents",
)
VERBS = (
    "approved",
    "questioned",
    "delayed",
    "expanded",
    "reviewed",
    "criticised",
    "welcomed",
    "funded",
    "inspected",
    "rejected",
    "announced",
    "postponed",
    "defended",
    "measured",
    "rebuilt",
    "challenged",
    "praised",
    "audited",
)
ADJS = (
    "new",
    "ageing",
    "disputed",
    "temporary",
    "regional",
    "costly",
    "flooded",
    "historic",
    "quiet",
    "crowded",
    "modest",
    "revised",
    "northern",
    "coastal",
    "rural",
    "overdue",
    "popular",
    "narrow",
    "public",
    "private",
)
PLACES = (
    "Eastbrook",
    "Millhaven",
    "Corran Vale",
    "Ashford Quay",
    "Lindow",
    "Pellham",
    "Rosmarket",
    "Tallow Cross",
    "Brenley",
    "Kestwick",
    "Orrin Bay",
    "Dunmere",
    "Fallowfield",
    "Gorse Hill",
    "Wexcombe",
    "Haddon Reach",
)
DAYS = ("on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "last week", "this month", "overnight")
LINKS = ("because", "although", "after", "while", "before", "since", "even though", "so that")


def sentence(rng: random.Random) -> str:
    """One sentence of plausible news prose."""
    n1, n2 = rng.sample(NOUNS, 2)
    forms: list[Callable[[], str]] = [
        lambda: (
            f"{rng.choice(PEOPLE).capitalize()} {rng.choice(VERBS)} the {rng.choice(ADJS)} {n1} "
            f"in {rng.choice(PLACES)} {rng.choice(DAYS)}, {rng.choice(LINKS)} the {n2} had been "
            f"{rng.choice(VERBS)} {rng.randint(2, 19)} times since {rng.randint(1990, 2021)}."
        ),
        lambda: (
            f"“We {rng.choice(VERBS)} the {n1} {rng.choice(LINKS)} the {rng.choice(ADJS)} {n2} could not wait "
            f"any longer,” said {rng.choice(PEOPLE)} in {rng.choice(PLACES)}."
        ),
        lambda: (
            f"The {rng.choice(ADJS)} {n1} will cost about {rng.randint(2, 90)} million over "
            f"{rng.randint(2, 12)} years, and {rng.choice(PEOPLE)} say the {n2} in {rng.choice(PLACES)} "
            f"should come first."
        ),
        lambda: (
            f"{rng.choice(DAYS).capitalize()}, {rng.choice(PEOPLE)} {rng.choice(VERBS)} a plan for the "
            f"{rng.choice(ADJS)} {n1} near {rng.choice(PLACES)}, which {rng.choice(PEOPLE)} had "
            f"{rng.choice(VERBS)} for months."
        ),
        lambda: (
            f"It is not clear whether the {n1} will reopen {rng.choice(DAYS)}, {rng.choice(LINKS)} "
            f"{rng.choice(PEOPLE)} have {rng.choice(VERBS)} the {rng.choice(ADJS)} {n2} again."
        ),
    ]
    return rng.choice(forms)()


def headline(rng: random.Random) -> str:
    n1 = rng.choice(NOUNS)
    words = f"{rng.choice(PLACES)} {n1} plan {rng.choice(VERBS)} as {rng.choice(PEOPLE)} weigh {rng.choice(ADJS)} costs"
    return words[0].upper() + words[1:]


def paragraphs(rng: random.Random) -> list[str]:
    return [" ".join(sentence(rng) for _ in range(rng.randint(1, 3))) for _ in range(rng.randint(4, 8))]


@dataclass(frozen=True)
class Site:
    """One invented site: chrome lines above and below the article, some on only part of the pages."""

    name: str
    header: Callable[[int, random.Random], list[str]]
    footer: Callable[[int, random.Random], list[str]]
    dateline: bool


def _harbor_header(i: int, rng: random.Random) -> list[str]:
    return [
        "Skip to main content",
        "Home | World | Business | Sport | Culture | Opinion",
        "Subscribe   Sign in",
    ]


def _harbor_footer(i: int, rng: random.Random) -> list[str]:
    lines = ["Share this:", "Facebook", "Email", "Print"]
    if i % 3 != 0:
        lines += ["Sign up for The Morning Tide", "The day's top stories, in your inbox before breakfast."]
    lines += [f"© {rng.randint(2019, 2025)} Harbor Ledger Media. All rights reserved.", "Privacy · Terms · Contact us"]
    return lines


def _northfield_header(i: int, rng: random.Random) -> list[str]:
    return [
        "NORTHFIELD DAILY",
        "Menu",
        "News  Local  Weather  Obituaries  Events",
        f"Last updated {i % 12 + 1}:{i:02d}",
    ]


def _northfield_footer(i: int, rng: random.Random) -> list[str]:
    lines = ["SHARE ON FACEBOOK   SHARE ON X   SHARE BY EMAIL"]
    if i % 2 == 0:
        lines += ["NEWSLETTER", "Enter your email address to get breaking news alerts from Northfield."]
    lines += [
        "Advertise with us",
        f"Copyright {rng.randint(2015, 2025)} Northfield Daily Group Ltd",
        "About | Careers | Help",
    ]
    return lines


def _metro_header(i: int, rng: random.Random) -> list[str]:
    lines = ["MetroWire", "☰ Sections"]
    if i % 4 != 1:
        lines.append("Listen to this article")
    return lines


def _metro_footer(i: int, rng: random.Random) -> list[str]:
    return [
        "Was this story useful?  Yes  No",
        f"Join {rng.randint(20, 90)},000 readers who get MetroWire Weekly every Friday.",
        "Read our editorial standards",
        "MetroWire is an independent, reader-funded newsroom.",
        f"All content © MetroWire 2012–{rng.randint(2020, 2025)}",
    ]


SITES = (
    Site("harborledger.example", _harbor_header, _harbor_footer, dateline=True),
    Site("northfield-daily.example", _northfield_header, _northfield_footer, dateline=False),
    Site("metrowire.example", _metro_header, _metro_footer, dateline=True),
)


def build() -> dict[Path, str]:
    """Every fixture file (relative path → content)."""
    rng = random.Random(SEED)
    files: dict[Path, str] = {}
    seen_body: set[str] = set()
    for site in SITES:
        truth: dict[str, dict[str, object]] = {}
        for i in range(PAGES_PER_SITE):
            head = headline(rng)
            body = paragraphs(rng)
            if site.dateline:
                body[0] = f"{rng.choice(PLACES).upper()} – {body[0]}"
            for line in [head, *body]:
                if line in seen_body:
                    raise SystemExit(f"Body line repeats; change SEED: {line!r}")
                seen_body.add(line)
            top, bottom = site.header(i, rng), site.footer(i, rng)
            page = "\n".join([*top, "", head, "", "\n\n".join(body), "", *bottom]) + "\n"
            name = f"{i:02d}.txt"
            files[Path(site.name) / name] = page
            truth[name] = {"headline": head, "body": body, "chrome": top + bottom}
        files[Path(site.name) / "truth.json"] = json.dumps(truth, indent=1, ensure_ascii=False) + "\n"
    return files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with the files on disk instead of writing")
    parser.add_argument("--out", type=Path, default=OUT, help=f"output folder (default {OUT})")
    args = parser.parse_args(argv)
    files = build()
    if args.check:
        stale = [
            str(p)
            for p, text in files.items()
            if not (args.out / p).is_file() or (args.out / p).read_text("utf-8") != text
        ]
        if stale:
            print(f"{len(stale)} fixture files differ from the generator: {', '.join(stale[:5])}", file=sys.stderr)
            return 1
        return 0
    for rel, text in files.items():
        path = args.out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    print(f"Wrote {len(files)} files under {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
