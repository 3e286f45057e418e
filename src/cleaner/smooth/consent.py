"""Consent dialogs (CKE002): a cookie preference center dumped into the page as a run of blocks."""

from __future__ import annotations

from typing import Final, Literal

from cleaner.model import Block, Hit
from cleaner.patterns import (
    CONSENT_CONTROL,
    CONSENT_CONTROL_SEPARATORS,
    CONSENT_CONTROL_WORDS,
    CONSENT_PROSE,
    CONSENT_STRONG,
    timeout_for,
)
from cleaner.registry import RuleSet

#: A control or category heading is a few words ("Accept All Cookies", "Confirm My Choices").
CONTROL_MAX_WORDS: Final = 12
#: Sentences of the dialog without a cookie word of their own ("The information does not usually
#: identify you.") join the run only between two anchors, at most this many in a row and this long.
GAP_MAX_BLOCKS: Final = 3
GAP_MAX_WORDS: Final = 50
#: A run is a dialog when it holds this many controls and this many anchors in all; an article
#: about cookie banners has prose about consent but no standalone buttons.
MIN_CONTROLS: Final = 2
MIN_ANCHORS: Final = 3
#: One long block that is the whole dialog glued together: this many distinct prose signals.
GLUED_MIN_SIGNALS: Final = 4
GLUED_MIN_WORDS: Final = 60
#: A dialog's sentence or whole glued dialog is a few thousand characters at most; longer blocks
#: (a page dumped as one line) are not searched, which keeps the pass linear and cheap.
DIALOG_MAX_CHARS: Final = 8000

#: Words that make a "your browser/device" sentence part of a consent dialog.
CONSENT_WORDS: Final = ("cookie", "consent", "track", "partners", "personal data", "personal information")

Role = Literal["control", "prose", "plain", "other"]

#: A consent control opens with one of its words, whole: ASCII text whose first word is none of
#: them is no control, and the pattern is not tried on it (most blocks).
_WORDS: Final = frozenset(CONSENT_CONTROL_WORDS)
_WORD_PROBE: Final = max(map(len, CONSENT_CONTROL_WORDS)) + 1
_TO_BLANK: Final = str.maketrans(dict.fromkeys(CONSENT_CONTROL_SEPARATORS + "\n", " "))


def _control_shape(text: str) -> bool:
    """`CONSENT_CONTROL` matches `text`."""
    if text.isascii() and text[:_WORD_PROBE].translate(_TO_BLANK).split(" ", 1)[0].lower() not in _WORDS:
        return False
    return CONSENT_CONTROL.match(text, timeout=timeout_for(text)) is not None


def _signals(text: str) -> int:
    """How many distinct consent-prose phrases `text` holds (bounded by the pattern's finditer)."""
    found = {m.group(0).lower() for m in CONSENT_PROSE.finditer(text, timeout=timeout_for(text))}
    return len(found)


def _control_role(block: Block, hit: Hit | None) -> Role | None:
    """control: a consent button or cookie heading; plain: a short label of consent words without
    a strong one ("More information", "Apply Cancel"); prose: a long CKE001 notice; other: too
    long to search; None: left to the prose search (`_prose_role`)."""
    text = block.text
    words = block.features.words
    if len(text) > DIALOG_MAX_CHARS:
        return "other"
    if words <= CONTROL_MAX_WORDS and _control_shape(text):
        return "control" if CONSENT_STRONG.search(text) is not None else "plain"
    if hit is not None and hit.code == "CKE001":
        return "control" if words <= CONTROL_MAX_WORDS else "prose"
    return None


def _prose_role(text: str) -> Role:
    """prose: the dialog's explanation; other: anything else."""
    m = CONSENT_PROSE.search(text, timeout=timeout_for(text))
    if m is None:
        return "other"
    # "your browser", "your device" alone are the words of any how-to; the dialog's own
    # sentences name what is stored or asked for as well
    if m.group(0).lower().startswith("your ") and not any(w in text.lower() for w in CONSENT_WORDS):
        return "other"
    return "prose"


def _mark(hits: list[Hit | None], lo: int, hi: int) -> None:
    for i in range(lo, hi):
        h = hits[i]
        if h is None or h.strength != "strong":
            hits[i] = Hit("CKE002", "consent-dialog", "cookie_notice", "strong")


def consent_dialogs(blocks: tuple[Block, ...], hits: list[Hit | None], rules: RuleSet) -> None:
    """CKE002: runs of consent controls, cookie headings and consent prose (local list, in place)."""
    if not rules.enabled("CKE002"):
        return
    # a role is a function of the text and of whether the hit is CKE001's: repeated lines (a
    # menu, a page of identical short lines) are judged once
    known: dict[tuple[str, bool], Role | None] = {}
    first: list[Role | None] = []
    for b, h in zip(blocks, hits, strict=True):
        key = (b.text, h is not None and h.code == "CKE001")
        if key in known:
            first.append(known[key])
        else:
            role = known[key] = _control_role(b, h)
            first.append(role)
    # a run needs MIN_CONTROLS controls: on a page with fewer, no block's prose can matter, and
    # the prose search (a scan of every block) is skipped
    search = first.count("control") >= MIN_CONTROLS
    roles: list[Role] = [
        r if r is not None else (_prose_role(b.text) if search else "other") for r, b in zip(first, blocks, strict=True)
    ]
    n = len(blocks)
    i = 0
    while i < n:
        if roles[i] not in ("control", "prose"):
            i += 1
            continue
        # grow a run of anchors; plain labels always join, other blocks only as short gaps
        start, end, controls, anchors, j, gap = i, i + 1, 0, 0, i, 0
        while j < n:
            role = roles[j]
            if role in ("control", "prose"):
                controls += role == "control"
                anchors += 1
                end, gap = j + 1, 0
            elif role == "plain":
                end = j + 1 if gap == 0 else end
                gap = gap if gap == 0 else gap + 1
            else:
                gap += 1
                if gap > GAP_MAX_BLOCKS or blocks[j].features.words > GAP_MAX_WORDS:
                    break
            j += 1
        if controls >= MIN_CONTROLS and anchors >= MIN_ANCHORS:
            # plain labels just before the run ("Privacy Preference Center") belong to it
            while start > 0 and roles[start - 1] == "plain":
                start -= 1
            _mark(hits, start, end)
        i = max(end, i + 1)
    for k, block in enumerate(blocks):
        h = hits[k]
        weak = h is None or h.strength != "strong"
        size = len(block.text)
        glued = size <= DIALOG_MAX_CHARS and block.features.words >= GLUED_MIN_WORDS and "cookie" in block.text.lower()
        if weak and glued and _signals(block.text) >= GLUED_MIN_SIGNALS:
            hits[k] = Hit("CKE002", "consent-dialog", "cookie_notice", "strong")
