"""Paywall offer lists (PAY002): the bulleted benefits under a paywall or subscription prompt."""

from __future__ import annotations

from typing import Final

from cleaner.model import Block, Verdict
from cleaner.rules import by_code

#: The prompts an offer list stands under: a paywall notice, a subscription promo, an account form.
OFFER_CODES: Final = frozenset({"PAY001", "PRM001", "ACC001"})
#: An offer lists a few benefits; a longer bulleted run under such a line is the article's own.
#: Calibrated on the dev6 learning set and the dev benchmark, 2026-12-08.
OFFER_MIN_ITEMS: Final = 2
OFFER_MAX_ITEMS: Final = 8


def drop_offer_lists(blocks: tuple[Block, ...], verdicts: list[Verdict]) -> None:
    """PAY002: drop the kept bullets right under a dropped paywall, promo or account prompt (in
    place; linear: every block is looked at once or twice)."""
    info = by_code("PAY002")
    n = len(blocks)
    i = 0
    while i < n:
        if verdicts[i].label != "drop" or verdicts[i].code not in OFFER_CODES:
            i += 1
            continue
        j = i + 1
        while j < n and j - i - 1 <= OFFER_MAX_ITEMS and blocks[j].features.bullet:
            j += 1
        if OFFER_MIN_ITEMS <= j - i - 1 <= OFFER_MAX_ITEMS:
            for k in range(i + 1, j):
                if verdicts[k].label == "keep":
                    verdicts[k] = Verdict(k, "drop", info.code, info.name, info.kind)
        i = max(j, i + 1)
