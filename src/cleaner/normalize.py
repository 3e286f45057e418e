"""Stage 1: normalize the input and keep a map from every normalized offset back to the input.

What changes: CRLF and lone CR become LF; no-break and narrow spaces become plain spaces;
zero-width characters and the BOM are dropped; trailing spaces and tabs at the end of a line are
dropped; lone surrogates (which cannot be encoded, e.g. from `surrogateescape` decoding) become
U+FFFD; lines not in NFC are put in NFC. Nothing else is touched, so every later span can be
mapped back to the exact characters of the original input.

Every step is linear in the input: the edit pattern has no ambiguous repetition (a run of blanks
is only tried at its first character and taken possessively), so a 10 MB line of spaces costs
one pass.
"""

from __future__ import annotations

import bisect
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Final

import regex

from cleaner import pattern_cache

#: The edits of this stage, one token per match. The trailing-blanks branch starts only at the
#: first blank of a run (look-behind) and takes the run possessively, so a long run of blanks
#: that is *not* at a line end is rejected in one step instead of being retried from each of its
#: characters (the bounded `[ \t]{1,1000}(?=...)` form is quadratic on a 10 MB line of spaces).
#: Single characters are one class so that the engine scans for them quickly (5x the speed of an
#: alternation of small classes on prose).
EDITS: Final = pattern_cache.compile(
    r"\r\n?|[\u00a0\u2007\u202f\u200b\u200c\u200d\u2060\ufeff\ud800-\udfff]|(?<![ \t])[ \t]++(?=[\r\n]|$)",
    regex.VERSION1,
)

#: The single characters of `EDITS` alone. On text with no carriage return and no blank before a
#: line end (most text, and every text this stage has written), `EDITS` can match only these, and
#: this class is scanned several times faster than `EDITS` (which stops at every space).
CHAR_EDITS: Final = pattern_cache.compile(
    r"[\u00a0\u2007\u202f\u200b\u200c\u200d\u2060\ufeff\ud800-\udfff]", regex.VERSION1
)

#: What a lone surrogate becomes: it cannot be encoded, so it must never reach the output.
REPLACEMENT_CHARACTER: Final = "\ufffd"

_REPLACEMENTS: dict[str, str] = {
    "\r\n": "\n",
    "\r": "\n",
    "\u00a0": " ",
    "\u2007": " ",
    "\u202f": " ",
}


@dataclass(frozen=True, slots=True)
class Text:
    """Normalized text plus a piecewise map back to the original input.

    The map is a list of segments; segment k starts at `norm_starts[k]` in the normalized text
    and at `orig_starts[k]` in the input. Inside an unchanged segment offsets move together;
    inside an edited one they are clamped to the edited span.
    """

    original: str
    text: str
    norm_starts: tuple[int, ...]
    orig_starts: tuple[int, ...]
    edited: tuple[bool, ...]

    def to_original(self, pos: int) -> int:
        """Map an offset of the normalized text to the original input."""
        if not self.norm_starts:
            return pos
        k = bisect.bisect_right(self.norm_starts, pos) - 1
        if k < 0:
            return pos
        base_norm, base_orig = self.norm_starts[k], self.orig_starts[k]
        delta = pos - base_norm
        if self.edited[k]:
            nxt = self.orig_starts[k + 1] if k + 1 < len(self.orig_starts) else len(self.original)
            return min(base_orig + delta, nxt) if delta else base_orig
        return base_orig + delta


def normalize(original: str) -> Text:
    """Normalize `original` (pure; linear in its length)."""
    pieces: list[str] = []
    norm_starts: list[int] = []
    orig_starts: list[int] = []
    edited: list[bool] = []
    norm_pos = 0
    last = 0

    def push(orig_start: int, chunk: str, is_edit: bool) -> None:
        nonlocal norm_pos
        norm_starts.append(norm_pos)
        orig_starts.append(orig_start)
        edited.append(is_edit)
        pieces.append(chunk)
        norm_pos += len(chunk)

    for m in _edits(original):
        if m.start() > last:
            push(last, original[last : m.start()], False)
        token = m.group()
        if token[0] in " \t":
            replacement = ""
        elif "\ud800" <= token <= "\udfff":
            replacement = REPLACEMENT_CHARACTER
        else:
            replacement = _REPLACEMENTS.get(token, "")
        push(m.start(), replacement, True)
        last = m.end()
    if last < len(original) or not pieces:
        push(last, original[last:], False)
    text = "".join(pieces)
    result = Text(original, text, tuple(norm_starts), tuple(orig_starts), tuple(edited))
    if unicodedata.is_normalized("NFC", text):
        return result
    return _nfc_lines(result)


def _edits(original: str) -> Iterator[regex.Match[str]]:
    """`EDITS.finditer(original)`, without the scan where a few `in` tests show there is nothing
    (or only single characters) to edit."""
    if "\r" in original or " \n" in original or "\t\n" in original or original.endswith((" ", "\t")):
        return EDITS.finditer(original)
    if original.isascii():
        return iter(())
    return CHAR_EDITS.finditer(original)


def _nfc_lines(t: Text) -> Text:
    """Put every non-NFC line in NFC; an edited line maps to its whole original span."""
    pieces: list[str] = []
    norm_starts: list[int] = []
    orig_starts: list[int] = []
    edited: list[bool] = []
    pos = 0
    line_start = 0
    for line in t.text.split("\n"):
        line_end = line_start + len(line)
        fixed = unicodedata.normalize("NFC", line)
        if fixed == line:
            # keep the finer map of the first pass inside unchanged lines
            k = max(bisect.bisect_right(t.norm_starts, line_start) - 1, 0)
            norm_starts.append(pos)
            orig_starts.append(t.to_original(line_start))
            edited.append(t.edited[k] if t.norm_starts else False)
            lo = bisect.bisect_right(t.norm_starts, line_start)
            hi = bisect.bisect_left(t.norm_starts, line_end + 1)
            for j in range(lo, hi):
                norm_starts.append(pos + t.norm_starts[j] - line_start)
                orig_starts.append(t.orig_starts[j])
                edited.append(t.edited[j])
        else:
            norm_starts.append(pos)
            orig_starts.append(t.to_original(line_start))
            edited.append(True)
            if line_end < len(t.text):
                norm_starts.append(pos + len(fixed))
                orig_starts.append(t.to_original(line_end))
                edited.append(False)
        pieces.append(fixed)
        pos += len(fixed) + 1
        line_start = line_end + 1
    text = "\n".join(pieces)
    return Text(t.original, text, tuple(norm_starts), tuple(orig_starts), tuple(edited))
