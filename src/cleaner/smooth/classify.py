"""Stage 3: each block's deciding line-rule hit."""

from __future__ import annotations

from cleaner.model import Block, Hit
from cleaner.patterns import timeout_for
from cleaner.registry import SECOND_HALF, DocView, RuleSet


def classify(
    blocks: tuple[Block, ...],
    rules: RuleSet,
    language: str,
    seen: dict[tuple[str, bool, bool, str], Hit | None] | None = None,
) -> tuple[tuple[Hit | None, ...], tuple[str, ...]]:
    """Each block's deciding hit: the first strong rule that fires, else the first weak one.

    A rule whose pattern times out on a block is skipped for that block and reported in the
    returned messages, never allowed to hang the run. `seen` holds verdicts already found for a
    line in the same situation (this page, or an earlier pass over the same page).
    """
    hits: list[Hit | None] = []
    messages: list[str] = []
    if seen is None:
        seen = {}
    last = len(blocks) - 1
    for i, block in enumerate(blocks):
        # `DocView.cache_key()` written out: most blocks are looked up, so no view is built for them
        key = (block.text, block.piece > 0, (i / last if last > 0 else 0.0) >= SECOND_HALF, language)
        if key in seen:
            hits.append(seen[key])
            continue
        text = block.text
        offered = rules.candidates(text, block.features.words, timeout_for(text))
        if not offered:  # most lines: no rule's key is found in them
            hits.append(None)
            seen[key] = None
            continue
        view = DocView(blocks, i, language)
        timed_out = len(messages)
        weak: Hit | None = None
        found: Hit | None = None
        for info in offered:
            try:
                fired = info.func(block, view)
            except TimeoutError:
                messages.append(f"{info.code} skipped on block {i}: its pattern timed out.")
                continue
            if fired:
                hit = Hit(info.code, info.name, info.kind, info.strength)
                if info.strength == "strong":
                    found = hit
                    break
                if weak is None:
                    weak = hit
        hits.append(found or weak)
        if len(messages) == timed_out:  # a skipped rule is retried on the next copy
            seen[key] = found or weak
    return tuple(hits), tuple(messages)
