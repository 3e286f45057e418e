"""Every rule's own examples, run: a `noise` example makes the rule fire, a `keep` example does not.

* line rules judge one block, built by the real segmenter when the example is one block, else
  the whole line as a single block;
* split rules must cut a noise example at least once and never cut a keep example;
* join rules take whole documents: `clean()` must record a repair with the rule's code for
  noise and none for keep;
* context rules take whole documents: `clean()` must report a removal with the rule's code for
  noise and none for keep.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

import cleaner
from cleaner import features
from cleaner.config import Config
from cleaner.model import Block
from cleaner.normalize import normalize
from cleaner.registry import DocView, RuleInfo
from cleaner.segment import segment

ALL_RULES = Config(preview=True).ruleset()


@dataclass(frozen=True)
class Case:
    info: RuleInfo
    example: str
    noise: bool


def _cases() -> list[object]:
    out: list[object] = []
    for info in cleaner.RULES:
        for label, examples in (("noise", info.noise), ("keep", info.keep)):
            for i, example in enumerate(examples):
                out.append(pytest.param(Case(info, example, label == "noise"), id=f"{info.code}-{label}-{i}"))
    return out


class _FirstLineTemplates:
    """A stand-in TemplateIndex that has 'seen' exactly one line on many pages of the site."""

    def __init__(self, line: str) -> None:
        self.line = line

    def is_template(self, line: str, site: str | None) -> bool:
        return line.strip() == self.line


def _config_for(info: RuleInfo, example: str) -> Config | None:
    if info.code == "USR001":
        return Config(patterns=(("promo", r"^Promoted by .{0,80}$"),))
    if info.code == "TPL001":
        first = next(line.strip() for line in example.splitlines() if line.strip())
        return Config(templates=_FirstLineTemplates(first), site="example.com")
    return None


#: A neutral body paragraph placed before the example, so position-aware rules (author bios sit
#: at the end of a page) see the example both alone and as the last block of a page.
FILLER = (
    "The council approved the new budget on Tuesday after a long debate that lasted well into the "
    "night, officials said."
)


def _line_block(example: str) -> tuple[Block, str]:
    """The example as one block: segmented for real if it stays one block, else the whole line."""
    norm = normalize(example)
    seg = segment(norm, ALL_RULES)
    if len(seg.blocks) == 1:
        return seg.blocks[0], seg.language
    text = norm.text.strip()
    stops = features.STOPWORDS[seg.language]
    return Block(0, 0, len(text), text, 0, True, 0, features.compute(text, stops)), seg.language


def _views(example: str) -> list[tuple[Block, DocView]]:
    """The example's block alone on a page, and as the last block after a body paragraph."""
    block, language = _line_block(example)
    stops = features.STOPWORDS[language]
    filler = Block(0, 0, len(FILLER), FILLER, 0, True, 0, features.compute(FILLER, stops))
    last = Block(1, len(FILLER) + 2, len(FILLER) + 2 + len(block.text), block.text, 2, True, 0, block.features)
    return [(block, DocView((block,), 0, language)), (last, DocView((filler, last), 1, language))]


def _line_fires(info: RuleInfo, example: str) -> bool:
    """Noise must fire in some position; keep must fire in none."""
    return any(bool(info.func(block, view)) for block, view in _views(example))


def _split_cuts(info: RuleInfo, example: str) -> list[int]:
    return [p for p in info.splitter(example) if 0 < p < len(example)]


def _context_codes(info: RuleInfo, example: str) -> list[str]:
    article = cleaner.clean(example, config=_config_for(info, example))
    return [r.rule for r in article.removed]


# Examples that do not behave yet: the rule is wrong, not the example (see the report to the lead).
KNOWN_BAD: dict[str, str] = {}


@pytest.mark.parametrize("case", _cases())
def test_rule_example(case: Case, request: pytest.FixtureRequest) -> None:
    node_id = request.node.callspec.id
    if node_id in KNOWN_BAD:
        request.applymarker(pytest.mark.xfail(strict=True, reason=KNOWN_BAD[node_id]))
    info, example = case.info, case.example
    if info.scope == "line":
        fired = _line_fires(info, example)
        assert fired is case.noise, f"{info.code} {'did not fire on' if case.noise else 'fired on'} {example!r}"
    elif info.scope == "split":
        cuts = _split_cuts(info, example)
        if case.noise:
            assert cuts, f"{info.code} made no cut in {example!r}"
        else:
            assert not cuts, f"{info.code} cut {example!r} at {cuts}"
    elif info.scope == "join":
        repaired = [r.rule for r in cleaner.clean(example).repairs]
        if case.noise:
            assert info.code in repaired, f"{info.code} joined no line of {example!r}"
        else:
            assert info.code not in repaired, f"{info.code} joined lines of {example!r}"
    else:
        codes = _context_codes(info, example)
        if case.noise:
            assert info.code in codes, f"{info.code} not among the removals {codes} of {example!r}"
        else:
            assert info.code not in codes, f"{info.code} removed something from {example!r}"


def test_every_rule_has_cases() -> None:
    ids = {p.id.split("-")[0] for p in _cases()}  # type: ignore[attr-defined]
    assert ids == {r.code for r in cleaner.RULES}


def _all_examples() -> list[str]:
    return [e for info in cleaner.RULES for e in (*info.noise, *info.keep)]


@pytest.mark.parametrize("example", _all_examples())
def test_candidates_never_skip_a_rule_that_fires(example: str) -> None:
    """The classifier calls only `RuleSet.candidates` (word bound and gate, both necessary
    conditions): every line rule that fires on a block must be among them."""
    for block, view in _views(example):
        offered = {r.code for r in ALL_RULES.candidates(block.text, block.features.words)}
        fired = {r.code for r in ALL_RULES.line_rules if r.func(block, view)}
        assert fired <= offered, f"{sorted(fired - offered)} fire on {example!r} but would be skipped"
