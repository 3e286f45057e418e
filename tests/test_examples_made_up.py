"""Rule examples are made up: none is a whole line copied from a benchmark page or a seed.

A rule tuned on the example a page gave it learns that page, not the kind of noise; so every
noise and keep example of 30+ characters must be absent, word for word, from the seeds and the
dev, dev2 and dev3 dumps and gold. The only exceptions are software defaults: text a platform
prints identically on every site that runs it (WordPress's comment form, Akismet's notice) or a
legal formula required word for word (the FDA supplement notice, the wire services' reprint
notice). Those are the kind itself, and each is listed here with its reason.
"""

from __future__ import annotations

from pathlib import Path

import cleaner
from conftest import ROOT, SEEDS

#: Example -> why its exact wording is the kind, not one page's text.
SOFTWARE_DEFAULTS = {
    "Your email address will not be published. Required fields are marked *": "WordPress comment form",
    "Save my name, email, and website in this browser for the next time I comment.": "WordPress comment form",
    "Notify me of follow-up comments by email.": "WordPress comment-subscription plugins",
    "This site uses Akismet to reduce spam. Learn how your comment data is processed.": "Akismet plugin",
    "These statements have not been evaluated by the Food and Drug Administration. These "
    "products are not intended to diagnose, treat, cure, or prevent any disease.": "FDA-required notice",
    "This material may not be published, broadcast, rewritten, or redistributed.": "wire services' notice",
}


def _corpus() -> list[tuple[str, str]]:
    files: list[Path] = sorted(SEEDS.glob("*.txt"))
    for name in ("dev", "dev2", "dev3"):
        folder = ROOT / "benchmarks" / name
        files += sorted(folder.glob("*.txt")) + sorted(folder.glob("*.gold.json"))
    return [(f.name, f.read_text(encoding="utf-8")) for f in files]


def test_rule_examples_are_not_copied_from_pages() -> None:
    corpus = _corpus()
    assert len(corpus) > 500
    copied = []
    for info in cleaner.RULES:
        for example in (*info.noise, *info.keep):
            if len(example) < 30 or example in SOFTWARE_DEFAULTS:
                continue
            hit = next((name for name, text in corpus if example in text), None)
            if hit is not None:
                copied.append(f"{info.code}: {example!r} is in {hit}")
    assert not copied, "\n".join(copied)


def test_software_defaults_are_still_examples() -> None:
    examples = {e for info in cleaner.RULES for e in (*info.noise, *info.keep)}
    assert set(SOFTWARE_DEFAULTS) <= examples
