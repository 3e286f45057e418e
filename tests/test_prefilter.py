"""The prefilter (issue 14) never skips a rule that fires, so output is the same with it on or off.

* every line rule has a key, and every noise example of every rule matches it;
* the loosener's widenings hold for every code point (`\\s`, case folding, `str.upper()`);
* a hypothesis property: on generated text, no line rule fires where its key is not found;
* the same on a sample of the dev set's lines (all of them: `benchmarks/prefilter_check.py`);
* `clean()` gives identical `to_dict()` with the prefilter forced on and turned off, on the
  seeds, a sample of the dev pages and generated Unicode text;
* with `CLEANER_NO_RE2=1` no prefilter is built and the output is the same.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

import cleaner
from cleaner import features, prefilter
from cleaner.config import Config
from cleaner.model import Block
from cleaner.normalize import normalize
from cleaner.registry import DocView, RuleInfo, RuleSet, key_parts, key_pattern, select
from cleaner.segment import segment

re2 = pytest.importorskip("re2") if prefilter.enabled() else None

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "benchmarks" / "dev"
SEEDS = ROOT / "seeds"
LINE_RULES = tuple(r for r in cleaner.RULES if r.scope == "line")
SPLIT_RULES = tuple(r for r in cleaner.RULES if r.scope == "split")
needs_re2 = pytest.mark.skipif(re2 is None, reason="google-re2 not importable or CLEANER_NO_RE2 set")


def _all_chars() -> str:
    return "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)


@contextmanager
def prefilter_on(rules: RuleSet) -> Iterator[None]:
    saved = rules.lazy.built, rules.split_lazy.built
    assert rules.lazy.force(rules.line_rules) is not None
    assert rules.split_lazy.force(rules.split_rules) is not None
    try:
        yield
    finally:
        rules.lazy.built, rules.split_lazy.built = saved


@contextmanager
def prefilter_off(rules: RuleSet) -> Iterator[None]:
    saved = rules.lazy.built, rules.split_lazy.built
    rules.lazy.off()
    rules.split_lazy.off()
    try:
        yield
    finally:
        rules.lazy.built, rules.split_lazy.built = saved


def _compiled(info: RuleInfo) -> object:
    pattern = key_pattern(info)
    assert pattern is not None, f"{info.code} has no prefilter key"
    assert re2 is not None
    return re2.compile(pattern)


def _block(text: str, language: str = "en") -> Block:
    return Block(0, 0, len(text), text, 0, True, 0, features.compute(text, features.STOPWORDS[language]))


def _views(block: Block, language: str = "en") -> list[DocView]:
    filler = _block("The council approved the new budget on Tuesday, officials said.")
    last = Block(1, 0, len(block.text), block.text, 1, True, 1, block.features)
    return [DocView((block,), 0, language), DocView((filler, last), 1, language)]


def _missed(text: str, language: str = "en") -> list[str]:
    """Line rules that fire on `text` (alone, or as a later piece in the second half) although
    their key is not found in it."""
    block = _block(text, language)
    out = []
    for info in LINE_RULES:
        compiled = _compiled(info)
        if compiled.search(text) is not None:  # type: ignore[attr-defined]
            continue
        for view in _views(block, language):
            if info.func(view.block, view):
                out.append(info.code)
                break
    return out


def test_every_line_rule_has_a_key() -> None:
    missing = [r.code for r in LINE_RULES + SPLIT_RULES if key_parts(r) is None]
    assert not missing, f"line or split rules without a prefilter key (called on every line): {missing}"


def _split_missed(line: str) -> list[str]:
    """Split rules that cut `line` although their key is not found in it."""
    return [
        info.code
        for info in SPLIT_RULES
        if _compiled(info).search(line) is None  # type: ignore[attr-defined]
        and any(0 < p < len(line) for p in info.splitter(line))
    ]


@needs_re2
@pytest.mark.parametrize("info", SPLIT_RULES, ids=lambda r: r.code)
def test_split_examples_match_the_key(info: RuleInfo) -> None:
    compiled = _compiled(info)
    for example in info.noise:
        line = normalize(example).text.strip()
        assert list(info.splitter(line)), f"{info.code} does not cut its noise example {line!r}"
        assert compiled.search(line) is not None, f"{info.code}: key misses its noise example {line!r}"  # type: ignore[attr-defined]


def test_look_arounds_at_the_ends_become_text_of_the_key() -> None:
    """A look-behind that opens a top-level branch (and a look-ahead that closes one) sees text
    next to the match: the key keeps it. Elsewhere look-arounds are dropped."""
    body, _ = prefilter.loosen(r"(?<=a\.)(?=B)|x(?<=y)z(?=w)q|(?<!n)m(?!o)", regex.VERSION1)
    assert body == r"(?:a\.)(?:B)|xzq|m"
    # a look-ahead at the end of an inner group is dropped (what follows the group comes next)
    assert prefilter.loosen(r"(?:a(?=b))c", regex.VERSION1)[0] == "(?:a)c"


_LOOK_PATTERNS = (
    r"(?<=[a-z]{2}[.!?])(?=[A-Z][a-z]{1,5})",
    r"(?<=\)[\"”]?)(?=\p{Lu}\p{Ll}{1,30}\b)",
    r"(?<=[.!?])\s{1,3}(?=\p{Lu}{2,4}\s{0,3}$)",
    r"(?<=^|\s)ab(?=c|$)",
)


@needs_re2
@settings(max_examples=300, deadline=None)
@given(st.text(alphabet='aAbBcxyz.!?) "”ÉéΣ\n', max_size=30), st.sampled_from(_LOOK_PATTERNS))
def test_kept_look_arounds_match_at_least_the_pattern(text: str, source: str) -> None:
    assert re2 is not None
    body, _ = prefilter.loosen(source, regex.VERSION1)
    if regex.search(source, text, flags=regex.VERSION1):
        assert re2.search(body, text) is not None, f"{source!r} -> {body!r} misses {text!r}"


@needs_re2
@pytest.mark.parametrize("info", LINE_RULES, ids=lambda r: r.code)
def test_noise_examples_match_the_key(info: RuleInfo) -> None:
    compiled = _compiled(info)
    for example in info.noise:
        for block in segment(normalize(example), select(cleaner.RULES)).blocks or ():
            if any(info.func(view.block, view) for view in _views(block)):
                assert compiled.search(block.text) is not None, f"{info.code}: key misses {block.text!r}"  # type: ignore[attr-defined]
        text = normalize(example).text.strip()
        assert compiled.search(text) is not None, f"{info.code}: key misses its noise example {text!r}"  # type: ignore[attr-defined]


def test_loosen_widens_and_refuses() -> None:
    body, fold = prefilter.loosen(r"(?<=a)b\w{2,300}(?P<x>c)(?=d)\b", regex.VERSION1)
    assert "(?<" not in body and "(?=" not in body and "P<" not in body and not fold
    assert "{2,}" in body  # a large bound is opened
    assert prefilter.loosen(r"(?i:ab)", regex.VERSION1)[1]  # full case folding
    for bad in (r"(a)\1", r"(?(1)a|b)", r"\p{Script=Latin}", r"[[a-z]--[b]]"):
        with pytest.raises(prefilter.Unsupported):
            prefilter.loosen(bad, regex.VERSION1)


@needs_re2
def test_loosened_character_classes_cover_regex() -> None:
    """`\\s`, `\\w`, `\\d`, `\\p{..}` and case-insensitive letters, over every code point."""
    chars = _all_chars()
    assert re2 is not None
    for source, flags in (
        (r"\s", 0),
        (r"\w", regex.VERSION1),
        (r"\d", 0),
        (r"\p{Lu}", 0),
        (r"\p{Ll}", 0),
        (r"\p{L}", 0),
        (r"[^\s>]", 0),
        (r"[^()/]", regex.IGNORECASE),
        (r"[a-z]", regex.IGNORECASE),
        (r"i", regex.IGNORECASE),
        (r"I", regex.IGNORECASE),
        (r"k", regex.IGNORECASE),
        (r"s", regex.IGNORECASE),
    ):
        theirs = set(regex.findall(source, chars, flags=flags))
        body, _ = prefilter.loosen(source, flags)
        ours = set(re2.findall(body, chars))
        assert theirs <= ours, f"{source}: {sorted(theirs - ours)[:10]}"


def test_case_special_lists_are_complete() -> None:
    multi = {c for c in _all_chars() if len(c.casefold()) > 1}
    assert multi <= set(prefilter.MULTI_FOLD)
    ascii_letters = {
        c
        for c in _all_chars()
        if not c.isascii()
        and any(x.isascii() and x.isalpha() for f in (str.upper, str.lower, str.casefold) for x in f(c))
    }
    assert ascii_letters <= set(prefilter.ASCII_CASE_SPECIALS)


# --- generated text --------------------------------------------------------------------------

_VOCAB = sorted({w for r in cleaner.RULES for e in r.noise for w in regex.findall(r"\S+", e)})
_PIECES = st.one_of(
    st.sampled_from(_VOCAB),
    st.sampled_from([e for r in LINE_RULES + SPLIT_RULES for e in r.noise]),
    st.text(min_size=1, max_size=6),
    st.sampled_from(list(" ,.:;|/()[]{}<>-–—*•©&'\"”’«»?!0123456789ßİıſﬆKé")),
)


@needs_re2
@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, min_size=1, max_size=12), st.sampled_from([" ", "", " "]))
def test_no_rule_fires_without_its_key_on_generated_text(parts: list[str], sep: str) -> None:
    text = normalize(sep.join(parts)).text.replace("\n", " ").strip()
    if not text:
        return
    assert _missed(text) == [], f"fired without key on {text!r}"
    assert _split_missed(text) == [], f"cut without key in {text!r}"


def _dev_pages(step: int) -> list[Path]:
    return sorted(DEV.glob("*.txt"))[::step]


@needs_re2
def test_no_rule_fires_without_its_key_on_dev_lines() -> None:
    """A sample of the dev pages (every page: `python -m benchmarks.prefilter_check`)."""
    pages = _dev_pages(12)
    if not pages:
        pytest.skip("no dev pages")
    rules = select(cleaner.RULES)
    seen: set[str] = set()
    for path in pages:
        seg = segment(normalize(path.read_text(encoding="utf-8")), rules)
        for block in seg.blocks:
            if block.text in seen:
                continue
            seen.add(block.text)
            assert _missed(block.text, seg.language) == [], f"{path.name}: {block.text[:80]!r}"
        for line in path.read_text(encoding="utf-8").splitlines():
            line = normalize(line).text.strip()
            assert _split_missed(line) == [], f"{path.name}: cut without key in {line[:80]!r}"


# --- identical output -------------------------------------------------------------------------


def _both(text: str, config: Config | None = None) -> tuple[dict[str, object], dict[str, object]]:
    rules = (config or Config()).ruleset()
    with prefilter_off(rules):
        off = cleaner.clean(text, config=config).to_dict()
    with prefilter_on(rules):
        on = cleaner.clean(text, config=config).to_dict()
    return off, on


@needs_re2
def test_same_output_on_seeds_and_dev_sample() -> None:
    paths = sorted(SEEDS.glob("*.txt")) + _dev_pages(15)
    assert paths
    for path in paths:
        off, on = _both(path.read_text(encoding="utf-8"))
        assert off == on, path.name


@needs_re2
@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.one_of(st.text(max_size=40), st.sampled_from([e for r in LINE_RULES for e in r.noise])), max_size=20)
)
def test_same_output_on_generated_unicode(lines: list[str]) -> None:
    off, on = _both("\n".join(lines))
    assert off == on


@needs_re2
def test_disabled_by_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without google-re2 (simulated by CLEANER_NO_RE2=1) no key set is built and every rule
    the length table allows is a candidate, as before the prefilter; the output is the same."""
    page = sorted(SEEDS.glob("*.txt"))[0].read_text(encoding="utf-8")
    rules = Config().ruleset()
    with prefilter_on(rules):
        expected = cleaner.clean(page).to_dict()
    monkeypatch.setenv(prefilter.DISABLE_ENV, "1")
    assert not prefilter.enabled()
    saved = rules.lazy.built
    try:
        assert rules.lazy.force(rules.line_rules) is None
        assert rules.candidates("Advertisement", 1) == rules.gated_candidates("Advertisement", 1)
        assert cleaner.clean(page).to_dict() == expected
    finally:
        rules.lazy.built = saved


def test_rule_set_pickles_with_a_built_prefilter() -> None:
    import pickle

    rules = select(cleaner.RULES)
    rules.lazy.force(rules.line_rules)
    copy = pickle.loads(pickle.dumps(rules.lazy))
    assert copy.lines == 0


def test_import_does_not_load_re2() -> None:
    import subprocess

    code = "import sys, cleaner; cleaner.clean('Advertisement\\nSome text here.'); print('re2' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
