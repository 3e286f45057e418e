"""Teaser cards (REL003): a title glued to its summary, repeated within a few blocks."""

from __future__ import annotations

from typing import Final

from cleaner.model import Block, Hit
from cleaner.patterns import SENTENCE_END, TEASER_DATELINE_GLUE, TEASER_GLUE, TITLE_SMALL_WORDS, timeout_for
from cleaner.registry import RuleSet

#: A teaser's title is a few capitalised words; calibrated on the dev benchmark 2026-11-23.
TEASER_TITLE_WORDS: Final = (3, 20)
TEASER_TITLE_CAPITALISED: Final = 0.6
TEASER_NEIGHBOURHOOD: Final = 3
#: A title glued to a summary's upper-case dateline may be a whole sentence-case headline.
TEASER_DATELINE_TITLE_MAX_WORDS: Final = 30
#: A teaser (a title and a sentence glued to it) has at least this many words.
TEASER_MIN_WORDS: Final = 8


#: Where the glue patterns look: the start of a block (`endpos` of the search).
_DATELINE_REACH: Final = 250
_GLUE_REACH: Final = 200
#: `TEASER_GLUE` on ASCII text, as shapes: a capital after three lower-case letters or after
#: "'", "?" or "!", before a lower-case letter or a space. Lower case to "a", capitals to "A",
#: the three marks to "'", the space kept, every other character to ".".
_GLUE_SHAPES: Final = str.maketrans(
    {
        chr(c): "a" if chr(c).islower() else "A" if chr(c).isupper() else "'" if chr(c) in "'?!" else "."
        for c in range(128)
    }
    | {" ": " "}
)
_GLUE_SHAPED: Final = ("aaaAa", "aaaA ", "'Aa", "'A ")


def _glued(text: str) -> bool:
    """Whether `TEASER_GLUE` may be found in `text[:_GLUE_REACH]` (exact on ASCII text)."""
    head = text[:_GLUE_REACH]
    if not head.isascii():
        return True
    shape = head.translate(_GLUE_SHAPES)
    return any(g in shape for g in _GLUE_SHAPED)


def _teaser_shape(block: Block) -> bool:
    """A capitalised title glued with no separator to a sentence that follows it."""
    text = block.text
    if block.features.words < TEASER_MIN_WORDS:
        return False
    start = text[:_DATELINE_REACH]
    d = (
        TEASER_DATELINE_GLUE.search(text, 0, _DATELINE_REACH, timeout=timeout_for(text))
        if ":" in start or "\u2013" in start or "\u2014" in start  # the dateline's colon or dash
        else None
    )
    if d is not None:
        title = text[: d.start()]
        # a sentence-case title: no sentence ends inside it
        words = len(title.split())
        if TEASER_TITLE_WORDS[0] <= words <= TEASER_DATELINE_TITLE_MAX_WORDS and SENTENCE_END.search(title) is None:
            return True
    m = TEASER_GLUE.search(text, 0, _GLUE_REACH, timeout=timeout_for(text)) if _glued(text) else None
    if m is None:
        return False
    head = text[: m.start()].split()
    if not TEASER_TITLE_WORDS[0] <= len(head) <= TEASER_TITLE_WORDS[1]:
        return False
    if any(w.endswith((".", "!")) for w in head[:-1]):
        return False
    # a title in Title Case: its only lowercase words are short function words
    if any(w[:1].islower() and w.lower() not in TITLE_SMALL_WORDS for w in head):
        return False
    capitalised = sum(1 for w in head if w[:1].isupper() or not w[:1].isalpha())
    return capitalised >= TEASER_TITLE_CAPITALISED * len(head) and len(text) - m.start() >= 20


def teaser_runs(blocks: tuple[Block, ...], hits: list[Hit | None], rules: RuleSet) -> None:
    """REL003: teaser-shaped blocks with another one within a few blocks (local list, in place)."""
    if not rules.enabled("REL003"):
        return
    shaped = [
        hits[i] is None and b.features.words >= TEASER_MIN_WORDS and _teaser_shape(b) for i, b in enumerate(blocks)
    ]
    recent = -(10**9)
    marked: list[int] = []
    for i, s in enumerate(shaped):
        if not s:
            continue
        if i - recent <= TEASER_NEIGHBOURHOOD:
            marked.extend((recent, i))
        recent = i
    for i in marked:
        hits[i] = Hit("REL003", "teaser-cards", "related_links", "strong")


#: REL004: a teaser feed's title stands twice, 2 to TWIN_REACH blocks apart (the card's image text
#: and its link), with its section label and time between the two copies: each block between
#: them has at most TWIN_LABEL_WORDS words.
TWIN_REACH: Final = 3
TWIN_LABEL_WORDS: Final = 4
#: A title has this many words with letters: single words ("Share", "Sport") and figures
#: ("$1,200 – $4,800", a table's repeated cell) repeat as labels and cells.
TWIN_WORDS: Final = (3, 40)
#: Twins whose pairs follow each other with at most this many blocks between one pair's second
#: copy and the next pair's first form one feed; a feed has at least FEED_MIN_PAIRS pairs with
#: different titles (a headline or a caption repeated by the page is one title, never a feed).
#: Calibrated on the dev sets and the dev6 learning set 2026-12-08.
FEED_GAP: Final = 5
FEED_MIN_PAIRS: Final = 2


#: Characters of code, never of a headline: "INSERT INTO user_account ...", "x = f(y);".
_CODE_SIGNS: Final = frozenset("_=;{}[]<>`$#\\|")


def _title_sized(block: Block) -> bool:
    """A title: a few words with letters, not ending as a sentence does (with a full stop)."""
    text = block.text
    if not TWIN_WORDS[0] <= block.features.words <= TWIN_WORDS[1]:
        return False
    if text.endswith(".") and not text.endswith(".."):
        return False  # a sentence repeated (an example, a quote), not a title
    if not _CODE_SIGNS.isdisjoint(text):
        return False  # a line of a code listing or a query log, repeated by its output
    return sum(1 for w in text.split() if any(c.isalpha() for c in w)) >= TWIN_WORDS[0]


def _twin_pairs(blocks: tuple[Block, ...], hits: list[Hit | None]) -> list[tuple[int, int]]:
    """Pairs (i, j) of titles with the same text, 2 to TWIN_REACH blocks apart, only labels
    between them (linear: one dictionary look-up per block)."""
    last: dict[str, int] = {}
    pairs: list[tuple[int, int]] = []
    for j, block in enumerate(blocks):
        if hits[j] is not None or not _title_sized(block):
            continue
        i = last.get(block.text)
        if (
            i is not None
            and 2 <= j - i <= TWIN_REACH
            and all(blocks[k].features.words <= TWIN_LABEL_WORDS for k in range(i + 1, j))
            and (not pairs or pairs[-1][1] != i)
        ):
            pairs.append((i, j))
        last[block.text] = j
    return pairs


def teaser_feeds(blocks: tuple[Block, ...], hits: list[Hit | None], rules: RuleSet) -> None:
    """REL004: runs of titles that each stand twice a few blocks apart (local list, in place)."""
    if not rules.enabled("REL004"):
        return
    chain: list[tuple[int, int]] = []
    for pair in [*_twin_pairs(blocks, hits), (10**9, 10**9)]:
        if chain and pair[0] - chain[-1][1] > FEED_GAP:
            if len({blocks[i].text for i, _ in chain}) >= FEED_MIN_PAIRS:
                for i, j in chain:
                    hits[i] = hits[j] = Hit("REL004", "teaser-feed", "related_links", "strong")
            chain = []
        chain.append(pair)
