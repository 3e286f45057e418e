"""Definition lists (`cleaner.smooth.deflists`): a short term on a line of its own, then the
sentence that describes it, again and again, is the article's own list; a menu with a blurb under
each entry, teaser headlines with their summaries, a call to action repeated down the page and the
prompts of a dialog are not. Every text is made up for these tests.
"""

from __future__ import annotations

import pytest

from cleaner import features
from cleaner.model import Block, Hit
from cleaner.smooth.deflists import definition_lists


def _blocks(lines: list[str]) -> tuple[Block, ...]:
    return tuple(
        Block(i, 0, len(t), t, i, True, 0, features.compute(t, features.STOPWORDS["en"])) for i, t in enumerate(lines)
    )


def _spans(lines: list[str], hits: dict[int, Hit] | None = None) -> list[tuple[int, int]]:
    blocks = _blocks(lines)
    found = [None if hits is None else hits.get(i) for i in range(len(blocks))]
    return definition_lists(blocks, found, len(blocks))


MEMBERS = [
    "Instance properties",
    "Queue.length",
    "The number of items waiting in the queue.",
    "Queue.closed Read only",
    "Whether the queue takes no more items.",
    "Instance methods",
    "Queue.push()",
    "Adds an item at the end of the queue.",
    "Queue.drain()",
    "Removes every item and returns them in order.",
]


def test_reference_members_are_a_list() -> None:
    assert _spans(["Some menu", *MEMBERS, "Terms of use"]) == [(1, 11)]


def test_terms_a_menu_rule_took_are_in_the_list() -> None:
    menu = Hit("NAV001", "glued-menu", "nav", "strong")
    assert _spans(MEMBERS, {1: menu, 6: menu}) == [(0, 10)]


def test_command_options_are_a_list() -> None:
    lines = [
        "-q, --quiet",
        "Print nothing but errors while the files are copied.",
        "-n, --dry-run",
        "Show what would be copied, and copy nothing at all.",
        "--limit=N",
        "Stop after copying N files, whatever is left to copy.",
    ]
    assert _spans(lines) == [(0, 6)]


def test_second_paragraph_of_a_description_stays_in_the_list() -> None:
    lines = [*MEMBERS[:3], "It is zero once the queue has been drained by its owner.", *MEMBERS[3:]]
    assert _spans(lines) == [(0, 11)]


@pytest.mark.parametrize(
    "lines",
    [
        # a menu with a blurb under each bulleted entry
        [
            "+ Field Planner",
            "Plan every crop rotation of your farm on one map.",
            "+ Soil Monitor",
            "Track moisture and nitrogen in each of your fields.",
            "+ Weather Alerts",
            "Get a warning before frost or hail reaches your area.",
        ],
        # teaser headlines with their summaries cut short
        [
            "Upgrades",
            "People often ask me why the harbour level was changed so late […]",
            "Patch notes",
            "I want to tell you about an important change in the next version, […]",
            "Bonuses",
            "I have not written anything in this column for a long time, and […]",
        ],
        # a call to action repeated down the page
        ["Start now", "No card needed, cancel any time.", "Start now", "No card needed, cancel any time."] * 2,
        # the prompts of a sign-in dialog
        [
            "SIGN IN",
            "Verify your identity.",
            "VERIFY",
            "Enter the code.",
            "SECURITY",
            "Setup skipped.",
        ],
        # the controls of a comment form
        [
            "( Log out /",
            "Change )",
            "You are commenting using your mail account.",
            "( Log out /",
            "Change )",
            "You are commenting using your social account.",
            "( Log out /",
            "Change )",
            "You are commenting using your video account.",
        ],
        # questions are not definitions
        [
            "Billing",
            "Can I pay for a whole year at once?",
            "Accounts",
            "How many people can share one account?",
            "Data",
            "Where are my files kept when I stop paying?",
        ],
        # two pairs are not a list yet
        MEMBERS[:5],
    ],
    ids=["bulleted-menu", "truncated-teasers", "repeated-cta", "dialog", "comment-form", "questions", "two-pairs"],
)
def test_not_a_definition_list(lines: list[str]) -> None:
    assert _spans(lines) == []


def _items(lines: list[str], hits: dict[int, Hit] | None = None) -> list[tuple[int, int]]:
    from cleaner.smooth.deflists import described_items

    blocks = _blocks(lines)
    found = [None if hits is None else hits.get(i) for i in range(len(blocks))]
    return described_items(blocks, found, len(blocks))


OPTIONS = [
    "* Lock timeout - how long a writer waits for the lock before it gives up",
    "* Retry count - how many times a failed write is tried again",
    "* Batch size: the number of rows that are written at once",
    "* Flush interval - how often the buffer is written to disk",
]


def test_described_items_are_a_list() -> None:
    assert _items(["Settings", *OPTIONS, "Next page"]) == [(1, 5)]


def test_described_items_a_menu_rule_took_are_in_the_list() -> None:
    lines = [
        "WriteTimeout - how long a writer waits for the lock",
        "RetryCount/RetryDelay - how often and how late a write is tried again",
        "BatchSize - the number of rows that are written at once",
    ]
    menu = Hit("NAV001", "glued-menu", "nav", "strong")
    assert _items(lines, {0: menu, 1: menu}) == [(0, 3)]


@pytest.mark.parametrize(
    "lines",
    [
        # shop items: a product's name and its edition, in Title Case
        ["Harbour Racer - Deluxe Edition Bundle", "Harbour Racer - Ultimate Edition Bundle", "Sky Pilot - Gold Pack"],
        # a menu with separators
        ["Home - News - Sports", "Weather - Traffic - Jobs", "About - Contact - Help"],
        # one template filled in
        [
            "2019 - Member of the project team on harbour sensors",
            "2020 - Member of the project team on river levels",
            "2021 - Member of the project team on soil moisture",
        ],
        # reading list: a title and its source
        [
            "What is a harbour wall? - Example Docs",
            "How tides work - City University",
            "Why rivers flood - Weather Desk",
        ],
        # opening hours: one word after the label
        ["Monday: closed", "Tuesday: 9 to 5", "Wednesday: 9 to 5"],
        # two items are not a list yet
        OPTIONS[:2],
    ],
    ids=["shop-items", "menu", "template", "sources", "hours", "two-items"],
)
def test_not_described_items(lines: list[str]) -> None:
    assert _items(lines) == []
