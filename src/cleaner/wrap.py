"""Hard-wrapped prose: which consecutive lines are one paragraph broken at a fixed width.

The text of a `<pre>` element, a plain-text mail or the `textContent` of source-formatted HTML
breaks every paragraph into lines of 40-100 characters. Judged one line at a time, such lines
look like a menu (no sentence end, few words), so the segmenter joins them back into one block
first. A line break is joined when all of these hold (each a shape, not a phrase):

* **a wrap width**: among the lines around it, at least `CLUSTER_MIN_LINES` lines end close to
  one width W (the longest line of that cluster, 30-160 characters): lines of wrapped text
  fill their width, a menu's or a poem's do not;
* **the line is full**: the next line's first word would not have fitted on it (greedy wrapping:
  `len(line) + 1 + len(first word) > W`, less a tolerance for wrapping by hand), and the line
  fills at least half of W;
* **the text runs on**: the line does not end a sentence, or, if it does, the next line is not a
  line of its own (it ends a sentence itself or runs on into the line after it);
* **prose, not verse or a list**: where a line does not end a sentence, the next one mostly starts
  in lower case (in verse, title lists and table rows nearly every line starts with a capital or
  a figure), and the joined lines end with a sentence end (a paragraph does, a stanza or a
  list of names often does not) or, for a paragraph without one (a caption, a quote with its
  source in brackets), in a short last line after a break in mid-clause (`_unfinished`); only
  the lines after the last sentence end of a chain are parted again;
* **a word or two at a paragraph's end**: joined only to a line that is itself joined to the
  line before it (alone after a line, it is a label);
* **no code, list item or table cell**: neither line has code characters (braces, angle
  brackets, `=`, `|`, backticks, a tab, a run of spaces, a trailing `;`), is a shell command
  (`rsync -a …`), starts like a comment or a list item, and both lines have the same
  indentation (code is indented by structure); such lines do not set the wrap width either.

A blank line between two lines ends a paragraph, except on a page spaced uniformly (a blank line
after every line, `line_gaps`): there it parts nothing, and the rules above decide alone.

Pure and linear: each decision looks at a fixed window of lines around it.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import Final

from cleaner.patterns import ITEM_START, SENTENCE_START, WORD, timeout_for

#: Lines looked at on each side of a line break to find the wrap width and the casing of line
#: starts. Wide enough for a few wrapped paragraphs, narrow enough to stay local.
WINDOW: Final = 10
#: A wrap width needs this many lines that may be wrapped (each runs on into the next line with
#: no sentence end) ending close to it, the longest included.
CLUSTER_MIN_LINES: Final = 2
#: "Close to the width": within this share of it. Greedy wrapping at width W leaves most lines
#: between W minus a long word and W (at 72 columns, 61-72).
CLUSTER_SLACK: Final = 0.15
#: Wrap widths outside this range are not prose wrapping (menus below, unwrapped paragraphs
#: above). The issue's dumps wrap at 40-100 columns; source-formatted HTML up to ~150.
MIN_WIDTH: Final = 30
MAX_WIDTH: Final = 160
#: The wrap width is estimated from the lines that run on, and people who wrap by hand stop a few
#: columns early or late: a line up to this share longer than the width still counts as wrapped
#: at it, and a line is full when its next word would reach this share short of the width.
WIDTH_TOLERANCE: Final = 0.1
#: A wrapped line fills at least this share of the width (a short line is a paragraph's end).
MIN_FILL: Final = 0.5
#: A line with fewer words is a label, not part of a wrapped paragraph.
MIN_WORDS: Final = 3
#: Where a line runs on with no sentence end, the next one starts in lower case at least this many
#: times around a joined line break: the signature of wrapped prose (menus, title lists and
#: table rows have none).
MIN_LOWER_STARTS: Final = 2
#: Where the previous line does not end a sentence, more than this share of lines starting with
#: a capital or a figure marks verse, a list of titles or a table (prose: about a quarter).
MAX_CAPITAL_STARTS: Final = 0.85

#: A paragraph that does not end a sentence (a caption, a quote with its source in brackets, a
#: standfirst) is still wrapped prose when its last line stops at least this share of the width
#: short: a stanza's or a song's lines, which never end a sentence either, all fill about the same
#: width, the last one too.
REMAINDER_SHORT: Final = 0.15
#: Signs of a break in mid-clause that a paragraph without a sentence end needs when its last
#: line is full (one is enough after a short last line; see `_unfinished`).
MID_CLAUSE_SIGNS: Final = 2

#: Joined lines without a function word must be mostly plain words: letters only, or a figure
#: standing alone ("2 goals, 1 assist": results and scores, wrapped like any prose), with no
#: inner punctuation; identifiers and class names ("phone-and-tablet", "v2beta") are not.
PLAIN_WORD_SHARE: Final = 0.8

_CLOSERS: Final = "\"'”’»)]"
_OPENERS: Final = "\"'“‘«([¿¡"
_SENTENCE_MARKS: Final = ".!?…:。！？"
_TOKEN_PUNCT: Final = ".,;:!?\"'“”‘’«»()[]"
_CODE_CHARS: Final = frozenset("{}<>=|`\\\t")
_CODE_STARTS: Final = ("#", "//", "/*", "--", "$ ", ">>>", "...", "@", "%")


#: A page where at least this share of its lines stand after a blank line is spaced uniformly (a
#: dump that writes a blank line after every line, the lines of a `<pre>` block too): there a
#: blank line does not mark a paragraph's end, and wrapped lines are joined across it.
SPACED_SHARE: Final = 0.97
#: A page needs this many lines for its spacing to tell anything.
SPACED_MIN_LINES: Final = 20


def line_gaps(gaps: Sequence[bool]) -> list[bool]:
    """The blank lines that part paragraphs: `gaps` itself, or none on a page spaced uniformly,
    where every line stands after a blank line and blank lines part nothing."""
    n = len(gaps)
    if n >= SPACED_MIN_LINES and sum(gaps) >= SPACED_SHARE * n:
        return [False] * n
    return list(gaps)


def _ends_sentence(line: str) -> bool:
    core = line.rstrip(_CLOSERS)
    return bool(core) and core[-1] in _SENTENCE_MARKS


def _capital_start(line: str) -> bool:
    """Whether the line starts with anything but a word in lower case (after opening quotes):
    "iPhone", "eBay" and "x86" count as capitals."""
    head = line.lstrip(_OPENERS)
    word = head[: _first_word(head)].rstrip(_TOKEN_PUNCT)
    return not (word.isalpha() and word.islower())


def _first_word(line: str) -> int:
    space = line.find(" ")
    return len(line) if space < 0 else space


def _code_like(line: str) -> bool:
    if not _CODE_CHARS.isdisjoint(line) or "   " in line or line.endswith(";") or "://" in line:
        return True
    return line.startswith(_CODE_STARTS) or _command(line)


def _command(line: str) -> bool:
    """A shell command: a lower-case program name, then an option ("rsync -a …", "tar --list
    …"). Runs of commands start in lower case line after line like wrapped prose, at a width
    of their own; prose that mentions an option ("the -z option") starts with a word."""
    tokens = line.split(maxsplit=2)
    if len(tokens) < 2 or not tokens[0].islower() or not tokens[0].isascii():
        return False
    option = tokens[1]
    name = option[2:] if option.startswith("--") else option[1:] if option.startswith("-") else ""
    return name[:1].isalpha()


def _wordy(text: str, stopwords: frozenset[str]) -> bool:
    """Whether `text` reads as words: a function word among its space-separated tokens, or (for a
    language without a stop-word list, or lines of names and figures) most tokens plain words or
    figures. A hyphenated run of class names ("phone-and-tablet") or identifiers is neither."""
    tokens = [t.strip(_TOKEN_PUNCT) for t in text.lower().split()]
    if any(t in stopwords for t in tokens):
        return True
    plain = sum(1 for t in tokens if t.isalpha() or t.isdecimal())
    return plain >= PLAIN_WORD_SHARE * len(tokens)


def _width(lengths: Sequence[int]) -> int:
    """The wrap width of the lengths of a window's lines that run on: the top of their densest
    cluster (the length L with the most lengths in [L * (1 - CLUSTER_SLACK), L]; the longer on a
    tie), if it holds CLUSTER_MIN_LINES lengths; else 0. A longer line or two of another kind (a
    date line, an address) does not move it."""
    ranked = sorted(n for n in lengths if n >= MIN_WIDTH * (1 - CLUSTER_SLACK))
    best = best_count = 0
    for i, top in enumerate(ranked):
        count = i + 1 - bisect.bisect_left(ranked, top * (1 - CLUSTER_SLACK))
        if count >= best_count and top >= MIN_WIDTH:
            best, best_count = top, count
    return best if best_count >= CLUSTER_MIN_LINES else 0


def _lower_starts_at_most(
    lines: Sequence[str], lengths: Sequence[int], gaps: Sequence[bool], whole: Sequence[bool]
) -> int:
    """An upper bound, cheap to count, of the line breaks that run on into lower case (`lower`
    in `joins`): the line is one prose-sized block and the next line, after no blank line,
    starts in lower case. (`joins` also requires no code and no sentence end.)"""
    low, high = MIN_WIDTH * MIN_FILL, MAX_WIDTH
    return sum(
        1
        for k in range(len(lines) - 1)
        if not gaps[k + 1] and whole[k] and low <= lengths[k] <= high and not _capital_start(lines[k + 1])
    )


def joins(
    lines: Sequence[str], indents: Sequence[int], gaps: Sequence[bool], whole: Sequence[bool], stopwords: frozenset[str]
) -> list[bool]:
    """For each line (stripped, non-blank), whether it runs on into the next one.

    `indents` are the lines' leading spaces, `gaps[k]` whether a blank line stands before line k,
    `whole[k]` whether line k is one block (no split point inside it), `stopwords` the page
    language's function words.
    """
    n = len(lines)
    out = [False] * n
    widths = [0] * n  # the wrap width at which each joined line was judged full
    pending = [False] * n  # lines that run on into a line of a word or two
    if n < 2:
        return out
    lengths = [len(s) for s in lines]
    if _lower_starts_at_most(lines, lengths, gaps, whole) < MIN_LOWER_STARTS:
        return out  # most pages: a join needs that many line breaks into lower case around it
    # a line that may take part in a join at all: prose-sized, no code, one block
    fit = [whole[k] and MIN_WIDTH * MIN_FILL <= lengths[k] <= MAX_WIDTH and not _code_like(lines[k]) for k in range(n)]
    if sum(fit) < CLUSTER_MIN_LINES:
        return out
    ends = [_ends_sentence(s) for s in lines]
    # a line that may be wrapped: it runs on into a next line without a sentence end
    runs_on = [fit[k] and not ends[k] and not gaps[k + 1] for k in range(n - 1)]
    runs_on.append(False)
    lower = [runs_on[k] and not _capital_start(lines[k + 1]) for k in range(n - 1)]
    lower.append(False)
    if sum(lower) < MIN_LOWER_STARTS:
        return out
    lower_before = [0]  # lower_before[j]: how many of lines [0, j) run on into lower case
    for flag in lower:
        lower_before.append(lower_before[-1] + flag)
    for k in range(n - 2, -1, -1):  # right to left: whether the next line runs on is known
        b = k + 1
        if gaps[b] or not (fit[k] and whole[b] and lengths[b] <= MAX_WIDTH) or indents[k] != indents[b]:
            continue
        a_line, b_line = lines[k], lines[b]
        if _code_like(b_line) or ITEM_START.match(b_line, timeout=timeout_for(b_line)) is not None:
            continue
        # a window of 2 * WINDOW + 1 lines, shifted inside the page at its ends
        lo = max(0, min(k - WINDOW, n - 2 - 2 * WINDOW))
        hi = min(n - 1, lo + 2 * WINDOW + 1)
        if lower_before[hi] - lower_before[lo] < MIN_LOWER_STARTS:
            continue  # too few lines run on into lower case around it (checked in full below)
        # the width of the lines that run on into lower case (surely wrapped), else of all that
        # run on; the latter also when it is the same cluster, only topped by longer lines (few
        # lines run on into lower case where names start most lines: "…of the / Russian…")
        surely = _width([lengths[j] for j in range(lo, hi) if lower[j]])
        width = _width([lengths[j] for j in range(lo, hi) if runs_on[j]])
        if surely and not surely < width <= surely / (1 - CLUSTER_SLACK):
            width = surely
        if not width or lengths[k] > width * (1 + WIDTH_TOLERANCE) or lengths[k] < width * MIN_FILL:
            continue
        widest = max(width * (1 + WIDTH_TOLERANCE), lengths[k])
        reach = lengths[k] + 1 + _first_word(b_line)
        if reach <= max(width * (1 - WIDTH_TOLERANCE), lengths[k]) or lengths[b] > widest:
            continue  # the next word would have fitted (the break is the author's), or b is longer
        if len(WORD.findall(a_line)) < MIN_WORDS or not _wordy(" ".join(lines[max(0, k - 1) : k + 3]), stopwords):
            continue
        # a paragraph's last line ends a sentence; a word or two after a line is a label, unless
        # the line is itself the end of a wrapped paragraph (decided below, once lines before are)
        short_last = not out[b] and not ends[b] and len(WORD.findall(b_line)) < MIN_WORDS
        pairs = capitals = 0
        floor, ceiling = width * (1 - CLUSTER_SLACK), width * (1 + WIDTH_TOLERANCE)
        for j in range(lo, hi):
            if runs_on[j] and floor <= lengths[j] <= ceiling:  # lines that may be wrapped at this width
                pairs += 1
                capitals += _capital_start(lines[j + 1])
        if capitals > MAX_CAPITAL_STARTS * pairs or pairs - capitals < MIN_LOWER_STARTS:
            continue
        if ends[k] and not (ends[b] and len(WORD.findall(b_line)) >= MIN_WORDS) and not out[b]:
            continue  # a sentence ends the line and the next line stands alone (a heading)
        widths[k] = width
        if short_last:
            pending[k] = True
        else:
            out[k] = True
    # a word or two ending a paragraph whose lines before are wrapped is its last line
    for k in range(1, n - 1):
        if pending[k] and out[k - 1]:
            out[k] = True
    # a wrapped paragraph ends a sentence or in a short last line; lines that run on to the end
    # of a full line without one are verse: the lines after the chain's last sentence end are
    # parted again (and from the sentence before them), the sentences before stay joined
    closed = [k for k in range(1, n) if out[k - 1] and not out[k] and ends[k]]  # paragraph ends
    k = n - 1
    while k > 0:
        # (a chain that stops at a line cut in pieces, "…a chief" before "physician.Police…",
        # stops for that reason, not for want of a sentence end)
        cut_next = k + 1 < n and not gaps[k + 1] and not whole[k + 1]
        open_end = out[k - 1] and not out[k] and not ends[k] and not cut_next
        if open_end and not _unfinished(lines, out, k, widths[k - 1], stopwords, _near(closed, k, widths)):
            while k > 0 and out[k - 1] and not ends[k - 1]:
                out[k - 1] = False
                k -= 1
            if k > 0:
                out[k - 1] = False
        k -= 1
    return out


def _near(closed: Sequence[int], k: int, widths: Sequence[int]) -> bool:
    """Whether a joined paragraph that ends a sentence ends within WINDOW lines of line `k`,
    wrapped at about the width of the line before `k`: the page around is wrapped prose."""
    width = widths[k - 1]
    lo = bisect.bisect_left(closed, k - WINDOW)
    for m in closed[lo : bisect.bisect_right(closed, k + WINDOW)]:
        if abs(widths[m - 1] - width) <= CLUSTER_SLACK * width:
            return True
    return False


def _unfinished(
    lines: Sequence[str], out: Sequence[bool], k: int, width: int, stopwords: frozenset[str], near: bool
) -> bool:
    """Whether the chain of joined lines ending at line `k` (with no sentence end) is a wrapped
    paragraph all the same. Its line breaks fall in the middle of a clause (the line before one
    ends with a function word, "…the chair of the") or a sentence ends inside a line: list items
    whose markers the dump dropped are one clause a line and end on a content word, and so do
    the lines of verse. One such sign is enough when the last line stops well short of the width
    (a stanza's lines fill about the same width, the last one too), and none when besides a
    paragraph wrapped at the same width ends a sentence `near` it; else it takes two."""
    short = len(lines[k]) < width * (1 - REMAINDER_SHORT)
    if short and near:
        return True
    signs = int(_inner_sentence_end(lines[k]))
    need = 1 if short else MID_CLAUSE_SIGNS
    j = k - 1
    while j >= 0 and out[j] and signs < need:
        line = lines[j]
        signs += line.rsplit(" ", 1)[-1].lower().strip(_TOKEN_PUNCT) in stopwords
        signs += _inner_sentence_end(line)
        j -= 1
    return signs >= need


def _inner_sentence_end(line: str) -> bool:
    """A sentence end inside the line, before a capital: "…in history. The club…"."""
    return SENTENCE_START.search(line, timeout=timeout_for(line)) is not None
