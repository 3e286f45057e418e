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
