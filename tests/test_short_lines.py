"""Article content made of short lines (issue 13, class 1): commands after a sentence that
announces them, code listings, term/definition lists and tables between paragraphs of prose.

The page-level shapes live in fixtures/shapes/ (run by test_body_shapes.py); here are the
pieces they rest on, and the opposite error: a menu or link list of short lines next to the
article is still page furniture. Every text is made up for these tests.
"""

from __future__ import annotations

import pytest

import cleaner
from cleaner import features
from cleaner.model import Block, Hit
from cleaner.smooth.runs import content_runs, title_list
from cleaner.smooth.scoring import block_class, lead_in


def _block(text: str) -> Block:
    return Block(0, 0, len(text), text, 0, True, 0, features.compute(text, features.STOPWORDS["en"]))


@pytest.mark.parametrize(
    "text",
    [
        "To install the tool, you need version 20 of the runtime before running this command:",
        "After the installation you can simply run the following:",
        "Here is what the request looked like when it was sent to the server:",
    ],
)
def test_lead_in(text: str) -> None:
    assert lead_in(_block(text))


@pytest.mark.parametrize(
    "text",
    [
        "Our picks:",
        "Share this article:",
        "Tags:",
        "Popular Guides And Reviews From Our Editors:",
        "To install the tool, run this command.",
    ],
)
def test_not_lead_in(text: str) -> None:
    assert not lead_in(_block(text))


ARTICLE = (
    "Command-line assistants promise to write a whole feature from one request, so I gave five of them "
    "the same small task and watched how each one went about it.",
    "To install the first assistant, you need version 20 of the runtime before running this command:",
    "npm install -g quill-cli",
    "After the installation and the sign-in with your own account, you can simply run:",
    "quill",
    "It asked two short questions and wrote the app in about a minute.",
    "The code compiled on the first try, although the styling was plain and the delete button did not "
    "ask for any confirmation before it removed an item from the list.",
)
MENU = ("Home", "Products", "Pricing", "Docs", "Community", "Careers", "Sign in")
LINKS = ("More from the blog", "Five editors compared", "A week without a mouse", "Why I left the cloud")


def test_menu_before_and_links_after_still_go() -> None:
    """The short lines of a menu above the article and of a link list below it have prose on
    one side only: they stay out, while the commands between the paragraphs stay in."""
    page = "\n".join((*MENU, "Trying five command-line assistants", *ARTICLE, *LINKS)) + "\n"
    body = cleaner.clean(page).body
    assert "npm install -g quill-cli" in body
    assert "quill" in body
    for line in (*MENU, *LINKS):
        assert line not in body


def test_glued_menu_between_paragraphs_still_goes() -> None:
    """A glued menu (NAV001) between two paragraphs is lifted only by the lines of a program
    around it: next to menu lines with separators it is still a menu."""
    menu = ("HomeNewsSportWeather", "Login | Register | Help", "Contact | About us", "ShopDealsGift cards")
    page = "\n".join(("A short title", ARTICLE[0], *menu, ARTICLE[-1])) + "\n"
    body = cleaner.clean(page).body
    assert ARTICLE[-1] in body
    for line in menu:
        assert line not in body


def test_stylesheet_between_paragraphs_still_goes() -> None:
    """A style sheet leaked between two paragraphs is all labelled lines: no program lines of
    its own vouch for it, so it is not lifted as a code listing."""
    sheet = (".card-grid {", "display: grid;", "gap: 12px;", "}", ".card-grid a {", "color: #333;", "}")
    page = "\n".join(("A short title", ARTICLE[0], *sheet, ARTICLE[-1])) + "\n"
    body = cleaner.clean(page).body
    assert ARTICLE[-1] in body
    for line in sheet:
        assert line not in body


def _blocks(*lines: str) -> tuple[Block, ...]:
    return tuple(_block(line) for line in lines)


def test_title_list() -> None:
    """The links of a "you might also like:" box are titles; an article's own list holds
    entries written in sentence case."""
    links = _blocks(
        "Tracing Calls Across Three Services", "Why Your Retries Make Outages Worse", "Five Headers To Send"
    )
    entries = _blocks(
        "RequestRecorder - writes each request as it was sent",
        "TimingProbe - measures how long the server took",
        "MaskHeaders - replaces the values of the listed headers",
    )
    assert title_list(links, 0, len(links))
    assert not title_list(entries, 0, len(entries))


PROSE_BEFORE = (
    "A worker that talks to three services is hard to test when each of them is a concrete client, "
    "so we describe what it needs from each one."
)
PROSE_AFTER = (
    "With the two contracts in place, a test can hand the worker a checker that always reports an "
    "empty shelf and make sure that no message was sent."
)
LISTING = (
    "type Worker struct {",
    "stock Checker",
    "}",
    "func NewWorker(s Checker) *Worker {",
    "return &Worker{stock: s}",
    "}",
)


def _runs(lines: tuple[str, ...]) -> list[tuple[int, int]]:
    blocks = _blocks(*lines)
    brace = Hit("CSS003", "css-closing-brace", "css", "strong")
    hits: list[Hit | None] = [brace if b.text == "}" else None for b in blocks]
    classes = [block_class(b, None) for b in blocks]
    return [(r.start, r.end) for r in content_runs(blocks, classes, hits, len(blocks))]


def test_listing_between_paragraphs_lifts_its_braces() -> None:
    """Code between two paragraphs, with no colon lead-in: its program lines vouch for the
    braces a CSS rule took for a style sheet."""
    assert _runs((PROSE_BEFORE, *LISTING, PROSE_AFTER)) == [(1, 1 + len(LISTING))]


def test_comment_line_is_no_paragraph_around_a_listing() -> None:
    """A doc comment's line reads like a sentence but is part of the program: the listing
    after it is not between two paragraphs, and its braces are not lifted on that account."""
    comment = "* Formats the address of one recipient for a printed label, with the city and the state."
    assert _runs((comment, *LISTING, PROSE_AFTER)) == []


def test_encoded_data_is_no_program_line() -> None:
    """A base64 blob (CSS008) inside a transcript is not lifted as a line of the program."""
    blocks = _blocks(PROSE_BEFORE, *LISTING, "QmFzZTY0IGJsb2IgdGhhdCBpcyBub3QgYSBwcm9ncmFtIGxpbmU=", PROSE_AFTER)
    blob = Hit("CSS008", "encoded-data", "css", "strong")
    brace = Hit("CSS003", "css-closing-brace", "css", "strong")
    hits: list[Hit | None] = [brace if b.text == "}" else blob if b.text.endswith("=") else None for b in blocks]
    classes = [block_class(b, None) for b in blocks]
    assert content_runs(blocks, classes, hits, len(blocks)) == []


#: A listing of commands under the tab strip of its variants, as documentation sites print one
#: install command per shell or package manager (made up).
TABS = ("* zsh", "* PowerShell", "* npm", "* Cargo")
COMMANDS = (
    "curl -fsSL https://get.example.test/init | sh",
    "npm create lantern-app@latest",
    "pnpm create lantern-app",
    "cargo install lantern-cli --locked",
)


def _tab_hits(blocks: tuple[Block, ...]) -> list[Hit | None]:
    weak = Hit("NAV002", "menu-item", "nav", "weak")
    glued = Hit("NAV001", "glued-menu", "nav", "strong")
    return [(glued if "PowerShell" in b.text else weak) if b.text.startswith("* ") else None for b in blocks]


def test_commands_under_a_tab_strip_are_a_content_run() -> None:
    """The commands are the article's; the tab labels before them stay out of the run."""
    blocks = _blocks(PROSE_BEFORE, *TABS, *COMMANDS, PROSE_AFTER)
    classes = [block_class(b, None) for b in blocks]
    runs = content_runs(blocks, classes, _tab_hits(blocks), len(blocks))
    assert [(r.start, r.end) for r in runs] == [(1 + len(TABS), 1 + len(TABS) + len(COMMANDS))]


def test_commands_without_prompts_between_paragraphs() -> None:
    """The same commands once the tab strip is gone (the cleaned page cleaned again)."""
    assert _runs((PROSE_BEFORE, *COMMANDS, PROSE_AFTER)) == [(1, 1 + len(COMMANDS))]


def test_menu_under_a_bulleted_menu_is_no_listing() -> None:
    """Bulleted menu entries followed by capitalised menu entries: no commands, no run."""
    menu = ("Getting Started", "Release Notes", "Community Forum", "Contact Support")
    blocks = _blocks(PROSE_BEFORE, *TABS, *menu, PROSE_AFTER)
    classes = [block_class(b, None) for b in blocks]
    assert content_runs(blocks, classes, _tab_hits(blocks), len(blocks)) == []


def test_tags_in_lower_case_are_no_listing() -> None:
    """Lower-case tags between two paragraphs are not a listing of commands."""
    assert _runs((PROSE_BEFORE, "gardening", "small spaces", "balcony herbs", "city life", PROSE_AFTER)) == []
