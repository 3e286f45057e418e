"""Account forms (CTX006): where a sign-in or registration form after the article starts."""

from __future__ import annotations

from typing import Final

from cleaner.model import Block, Hit
from cleaner.smooth.scoring import ProseClass

#: A form is at least this many account-form controls (ACC001: "Anmelden", "Create an account",
#: "Mot de passe oublié ?"), each within FORM_REACH blocks of the first: a header's "Log in" /
#: "Sign up" pair is two, a rendered sign-in, registration and password-reset form a dozen.
FORM_MIN_CONTROLS: Final = 4
FORM_REACH: Final = 30
#: The main run ends at such a form only after this many words of prose of its own.
#: Calibrated on the dev sets and the dev6 learning set 2026-12-08.
FORM_MIN_BODY_WORDS: Final = 150


def account_form_start(
    blocks: tuple[Block, ...], hits: list[Hit | None], classes: list[ProseClass], lo: int, hi: int
) -> int:
    """CTX006: the first block of a dense account form inside the main run [lo, hi) after enough
    prose of the run's own, or `hi` (linear: a sliding window over the controls)."""
    controls = [i for i in range(lo, hi) if (h := hits[i]) is not None and h.code == "ACC001"]
    prose = 0
    k = 0
    for i in range(lo, hi):
        while k < len(controls) and controls[k] < i:
            k += 1
        if k < len(controls) and controls[k] == i:
            j = k + FORM_MIN_CONTROLS - 1
            if prose >= FORM_MIN_BODY_WORDS and j < len(controls) and controls[j] - i <= FORM_REACH:
                return i
        if classes[i] in ("good", "near"):
            prose += blocks[i].features.words
    return hi
