"""Short-line content inside the article: code, command output, query results, tables dumped
one cell a line, formulas and item lists between two paragraphs of prose.

Each such line scores like a menu item, so a dozen of them outweigh the paragraph before them
and the main run keeps only one side. A run of short lines is article content when prose stands
on both sides of it and it has the shape of content rather than of navigation:

* it is *code or a table*: most of its lines carry code or table marks (`;`, braces, `=`, `|`,
  angle brackets) or start with a shell prompt (`$ `);
* or it is a *table of figures*: many of its lines are bare figures (a two-column table dumped
  one cell a line alternates names and figures).

Such a run is charged once, like a single short line, counts as prose for the isolation test
of its neighbours, and is kept. The lines of a program that rules took for page furniture (a
lone brace or a function head for a leaked style sheet or script, `const app = express();`; a
camelCase identifier for a glued menu) are the article's code and are kept too when the run is
*announced* (the paragraph before it, or its first line, ends with a colon: "To count visits
per day, run:"; a leaked `<script>` is not introduced by a sentence ending in a colon), or when
its unlabelled lines are lines of a program, at least as many as the lines lifted: a style sheet
or script leaked between two paragraphs is all labelled lines. A colon alone does not make a
run content: widget headings ("Our picks:", "Search:") end in one.

Two more shapes of a listing (2026-12-08): shell commands printed without their prompt, one a
line ("npm create demo-app", "cargo install demo-cli --locked"), and a listing under the tab
strip of its variants ("* zsh", "* PowerShell", "* npm": bulleted labels of one or two words
that the menu rules take for menu items). The tabs stay out of the run; the listing after them
is the run when it has the shape of code or of commands.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Final

from cleaner.model import Block, Hit
from cleaner.patterns import number_cell, program_line
from cleaner.smooth.scoring import ProseClass, lead_in

#: A run of short lines is followed for at most this many blocks: a two-column table of a monthly
#: series over a dozen years is ~300 lines. Calibrated on the fixtures of tests/test_body_shapes.py
#: and both dev sets 2026-12-01 (60 -> 400: two dev2 tables found, nothing else changes).
SHORT_RUN_MAX_BLOCKS: Final = 400
#: Share of a run's lines that must carry a code or table mark for the run to be code or a table.
CODE_MARK_SHARE: Final = 0.5
#: Share of a run's lines that must be bare figures for the run to be a table of figures; a
#: two-column table has half. Pagination ("1 2 3") sits at a page's end, not between paragraphs.
FIGURE_SHARE: Final = 0.3
#: A table of figures has at least this many lines (two rows of a two-column table and a header).
FIGURE_MIN_LINES: Final = 6
#: Characters that mark code, query results and table rows; menu items, titles and bylines
#: have none of them. Not round brackets ("( Logout / Change )", "Comments (27)"), square
#: brackets ("[Photo=Agency]" credits) or "$" inside a line (prices in a deals list). Calibrated
#: on the dev benchmark 2026-12-01: with these, the runs it finds are its stats tables only.
CODE_MARKS: Final = frozenset(";{}=|<>")
#: A line that announces a listing inside a run has at least this many words ("Our picks:",
#: "Search:" are widget headings); a language label over a listing is one short lowercase word.
ANNOUNCE_MIN_WORDS: Final = 3
LANGUAGE_LABEL_CHARS: Final = 12
#: In an announced run ("Copy this into the console:"), one code line in this share of its
#: lines is enough: a listing is often dumped on a single line, under a language label ("js").
ANNOUNCED_CODE_SHARE: Final = 0.2
#: Most marked lines with the same text before their first mark are a template, not content.
TEMPLATE_SHARE: Final = 0.5
#: A shell command line starts with its prompt.
SHELL_PROMPTS: Final = ("$ ", "# ", "> ", "% ")
#: A run is code or a table only with at least this many marked lines (one "=" in a photo
#: credit under a paragraph is not code).
CODE_MIN_LINES: Final = 2
#: Rules that take a line of a program for page furniture: a lone brace or a function head for
#: a style sheet or a leaked script (kind "css"), a camelCase identifier for a glued menu.
LOOKALIKE_CODES: Final = frozenset({"NAV001"})
#: Encoded data (CSS008: a base64 blob, a data URI) is no line of a program: never lifted.
#: (2026-12-07: a signature blob in a terminal transcript; HTML dev3 micro .96508 -> .96512.)
NOT_PROGRAM_CODES: Final = frozenset({"CSS008"})
#: A run that is not announced lifts such lines only when at least this many of its unlabelled
#: lines are lines of a program (`PROGRAM_LINE`), and at least as many as the lines it lifts: a
#: style sheet or a script leaked between two paragraphs is all labelled lines.
PROGRAM_MIN_LINES: Final = 3
#: The starts of a comment line inside a listing (a doc comment's "* " lines, "//", "#").
COMMENT_MARKS: Final = ("* ", "/*", "//", "# ")
#: A run that holds a sentence announcing a list ("The library has three parts:") is the
#: article's own list, whatever the shape of its items (and bulleted items, which a rule marks
#: weakly as a menu, are kept), when it is at most this many blocks long and not a list of
#: titles (`title_list`).
LEAD_LIST_MAX_BLOCKS: Final = 40
#: A table of figures this long after a paragraph is the article's even when a line a rule took
#: for noise (a widget heading, a promo) rather than a paragraph follows it: a long two-column
#: series of dates and values is not page furniture.
CLOSED_TABLE_MIN_LINES: Final = 20
#: A list of titles: at least this share of its items of TITLE_ITEM_MIN_WORDS words or more are
#: in Title Case (more than TITLE_ITEM_RATIO of their words capitalised), as the links of a "you
#: might also like:" box are; the items of an article's own list are entries and sentences.
#: Calibrated on the three dev sets 2026-12-07 (removes the three pages the lead-in lists made
#: worse, all by related-post or cost-card boxes; no gain lost).
TITLE_ITEM_SHARE: Final = 0.5
TITLE_ITEM_MIN_WORDS: Final = 3
TITLE_ITEM_RATIO: Final = 0.5

#: A tab over one variant of a listing ("* PowerShell", "* Node.js") is a bulleted label of at
#: most this many words.
TAB_LABEL_MAX_WORDS: Final = 2
#: A tab strip has at least this many labels.
TAB_MIN_LABELS: Final = 2
#: A listing of shell commands without prompts ("npm create demo-app", "cargo add serde"): at
#: least this many lines, and this share of the run's lines, are commands (`_command_line`).
COMMAND_MIN_LINES: Final = 3
COMMAND_SHARE: Final = 0.8
COMMAND_MARKS: Final = frozenset("-./:@|=_~")


@dataclass(frozen=True, slots=True)
class ContentRun:
    """Blocks [start, end) between two paragraphs that are the article's own short lines."""

    start: int
    end: int
    announced: bool


def _liftable(block: Block, hit: Hit | None) -> bool:
    """A block that may be a line of a content run: unlabelled; a date written in figures that
    a date rule took for the page's date ("1/1/2013": a table's date column); or a line of a
    program that a rule took for page furniture (`_lookalike`)."""
    if hit is None:
        return True
    if hit.kind == "page_date":
        return number_cell(block.text)
    return _lookalike(hit)


def _lookalike(hit: Hit | None) -> bool:
    """A strong hit of a rule that takes lines of a program for leaked markup or a menu."""
    return (
        hit is not None
        and hit.strength == "strong"
        and (hit.kind == "css" or hit.code in LOOKALIKE_CODES)
        and hit.code not in NOT_PROGRAM_CODES
    )


def _program_lines(
    blocks: tuple[Block, ...], hits: list[Hit | None], start: int, end: int, sides: tuple[Block, Block]
) -> bool:
    """Whether the unlabelled lines of blocks [start, end) show a program listing, enough of
    them to vouch for the lines among them that rules took for markup or a menu, between two
    paragraphs of prose (`sides`): a comment line of the program ("* Formats the address.")
    reads like a sentence but is no paragraph around the listing."""
    lifted = sum(1 for i in range(start, end) if _lookalike(hits[i]))
    if not lifted:
        return True
    if any(side.text.startswith(COMMENT_MARKS) for side in sides):
        return False
    program = sum(1 for i in range(start, end) if hits[i] is None and program_line(blocks[i].text))
    return program >= max(PROGRAM_MIN_LINES, lifted)


def _code_line(text: str) -> bool:
    """A line with a code or table mark, or a shell command after its prompt."""
    return not CODE_MARKS.isdisjoint(text) or text.startswith(SHELL_PROMPTS) or program_line(text)


def _weak(hit: Hit | None) -> bool:
    """A weak hit: a line a rule only suspects (a short bulleted item)."""
    return hit is not None and hit.strength == "weak"


def _tab_label(block: Block) -> bool:
    """A bulleted label of one or two words ("* PowerShell"): a tab over a listing's variants."""
    return block.text.startswith(("* ", "• ")) and block.features.words <= TAB_LABEL_MAX_WORDS


def _command_line(block: Block) -> bool:
    """A command as a listing's tab shows it ("npm create demo-app", "cargo add serde --locked"):
    ASCII, a lower-case program name and at least one argument, a flag, path, URL or package
    mark among them (`COMMAND_MARKS`; lower-case tags have none), no sentence end, at most one
    capitalised word (menu items and titles are capitalised)."""
    text = block.text
    if not text.isascii() or not text[:1].islower() or block.features.ends_sentence:
        return False
    words = text.split()
    if len(words) < 2 or COMMAND_MARKS.isdisjoint(text):
        return False
    return sum(1 for w in words if w[:1].isupper()) <= 1


def title_list(blocks: tuple[Block, ...], start: int, end: int) -> bool:
    """Whether the items of blocks [start, end) are mostly titles (Title Case)."""
    items = [blocks[i].features for i in range(start, end) if blocks[i].features.words >= TITLE_ITEM_MIN_WORDS]
    titles = sum(1 for f in items if f.title_ratio > TITLE_ITEM_RATIO)
    return bool(items) and titles >= TITLE_ITEM_SHARE * len(items)


def _one_template(lines: list[str]) -> bool:
    """Whether most lines share what comes before their first mark: "Brand | Page" titles of a
    site's link list, not the varied cells of a table or the statements of code. A line that
    starts with its mark ("<p>", "}") is markup or code, never a title: it shares no head."""
    heads = Counter(line[: next((k for k, c in enumerate(line) if c in CODE_MARKS), len(line))] for line in lines)
    heads.pop("", None)
    return bool(heads) and heads.most_common(1)[0][1] > TEMPLATE_SHARE * len(lines)


def _announces_code(line: Block, after: Block) -> bool:
    """A sentence ending in a colon ("Consider the example below:") followed by a code line or
    by a language label ("js", "bash") as documentation sites print above their listings."""
    if line.features.words < ANNOUNCE_MIN_WORDS or not line.text.endswith(":"):
        return False
    return _code_line(after.text) or _language_label(after)


def _language_label(line: Block) -> bool:
    """A language label as documentation sites print over a listing: "js", "bash", "css"."""
    text = line.text
    return len(text) <= LANGUAGE_LABEL_CHARS and text.isascii() and text.islower() and " " not in text


def _content_shape(blocks: tuple[Block, ...], start: int, end: int, announced: bool) -> bool:
    """Whether blocks [start, end) look like code, a table or a table of figures (an announced
    run needs fewer code lines: a listing dumped on one line is one line)."""
    n = end - start
    marked = [blocks[i].text for i in range(start, end) if _code_line(blocks[i].text)]
    least, share = (1, ANNOUNCED_CODE_SHARE) if announced else (CODE_MIN_LINES, CODE_MARK_SHARE)
    if len(marked) >= least and len(marked) >= share * n and not _one_template(marked):
        return True
    return _command_listing(blocks, start, end) or _figure_table(blocks, start, end)


def _command_listing(blocks: tuple[Block, ...], start: int, end: int) -> bool:
    """Whether blocks [start, end) are shell commands without their prompt, one a line."""
    commands = sum(1 for i in range(start, end) if _command_line(blocks[i]))
    return commands >= COMMAND_MIN_LINES and commands >= COMMAND_SHARE * (end - start)


def _figure_table(blocks: tuple[Block, ...], start: int, end: int) -> bool:
    """Whether blocks [start, end) are a table of figures: many of its lines are bare figures."""
    n = end - start
    figures = sum(1 for i in range(start, end) if number_cell(blocks[i].text))
    return n >= FIGURE_MIN_LINES and figures >= FIGURE_SHARE * n


def content_runs(
    blocks: tuple[Block, ...], classes: list[ProseClass], hits: list[Hit | None], cut: int
) -> list[ContentRun]:
    """The content runs before `cut`, in order (linear: each block is looked at at most twice)."""
    runs: list[ContentRun] = []
    i = 0
    while i < cut:
        if classes[i] != "good":
            i += 1
            continue
        start = i + 1
        announced = blocks[i].text.endswith(":") or (
            start < cut and hits[start] is None and blocks[start].text.endswith(":")
        )
        end = start
        listed = weak = False
        # the weakly labelled lines before the run's first unlabelled line: a listing's tab strip
        strip = start
        while end < cut and end - start < SHORT_RUN_MAX_BLOCKS and classes[end] != "good":
            hit = hits[end]
            if hit is not None and hit.strength == "weak":
                weak = True
                if strip == end and _tab_label(blocks[end]):
                    strip += 1
            elif not _liftable(blocks[end], hit):
                break
            elif strip == end and _lookalike(hit) and _tab_label(blocks[end]):
                strip += 1
            if not announced and end + 1 < cut and _announces_code(blocks[end], blocks[end + 1]):
                announced = True
            if (
                not announced
                and hit is None
                and end + 1 < cut
                and _language_label(blocks[end])
                and _code_line(blocks[end + 1].text)
            ):
                announced = True  # a listing under its language label: "css", then "body {"
            if hit is None and end + 1 < cut and classes[end + 1] != "good" and lead_in(blocks[end]):
                listed = True
            end += 1
        closed = end < cut and (
            classes[end] == "good"
            or (classes[end] == "noise" and end - start >= CLOSED_TABLE_MIN_LINES and _figure_table(blocks, start, end))
        )
        if end > start and closed:
            vouched = announced or _program_lines(blocks, hits, start, end, (blocks[i], blocks[end]))
            if (
                weak
                and strip - start >= TAB_MIN_LABELS
                and strip < end
                and end - strip >= CODE_MIN_LINES
                and not any(_weak(hits[k]) for k in range(strip, end))
                and _program_lines(blocks, hits, strip, end, (blocks[i], blocks[end]))
                and _content_shape(blocks, strip, end, announced=False)
            ):
                # a listing under its tab strip ("* Bash", "* PowerShell", "* npm"): the listing is
                # the article's, the strip's labels stay the menu items they look like
                runs.append(ContentRun(strip, end, announced))
                i = end
                continue
            if vouched and (
                (listed and end - start <= LEAD_LIST_MAX_BLOCKS and not title_list(blocks, start, end))
                or (not weak and _content_shape(blocks, start, end, announced))
            ):
                prev = runs[-1] if runs else None
                if prev is not None and prev.end + 1 == start:
                    # one long cell (a sentence) between two parts of the same table
                    runs[-1] = ContentRun(prev.start, end, prev.announced or announced)
                else:
                    runs.append(ContentRun(start, end, announced))
            i = end
        else:
            i = max(end, start)
    return runs


#: The main run that ends at most this many blocks after an announced content run (a long
#: cell of the table closed the run) goes on over the rest of the table.
RUN_END_REACH: Final = 2


def extend_announced(
    blocks: tuple[Block, ...],
    runs: list[ContentRun],
    classes: list[ProseClass],
    lo: int,
    hi: int,
    cut: int,
    max_items: int,
) -> int:
    """Grow the main run over the rest of an announced table or listing that it ends in.

    A table whose long cell is a sentence ends the content run there, and the main run ends
    with that cell; the rest of the table follows, as a list follows the colon that announces
    it, when the blocks after the main run still have the shape of a table or of code. It is
    followed up to `max_items` blocks from the announcement, to the first noise block.
    """
    if hi <= lo:
        return hi
    run = next(
        (r for r in reversed(runs) if r.announced and lo <= r.start and r.end < hi <= r.end + RUN_END_REACH), None
    )
    if run is None:
        return hi
    # the table goes on after the main run only if what follows has its shape
    ahead = hi
    while ahead < min(cut, hi + FIGURE_MIN_LINES) and classes[ahead] not in ("noise", "weak"):
        ahead += 1
    if not _content_shape(blocks, hi, ahead, announced=False):
        return hi
    end = hi
    while end < min(cut, run.start + max_items) and classes[end] not in ("noise", "weak"):
        end += 1
    return end
