"""The rule registry: one `@rule` decorator, frozen `RuleInfo` records, and `RuleSet` selection.

Rules are registered at import time of `cleaner.rules`; the registry is a tuple built once
(`cleaner.rules.RULES`), never mutated afterwards. A `RuleSet` is the immutable selection a
`Config` resolves to, and it is passed down explicitly through the pipeline.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

import regex

from cleaner import pattern_cache, prefilter
from cleaner.model import KINDS, Block, Scope, Strength

#: Where the second half of a page starts (relative position of a block).
SECOND_HALF = 0.5

LineFunc = Callable[[Block, "DocView"], bool]
SplitFunc = Callable[[str], Iterable[int]]


@dataclass(frozen=True, slots=True)
class DocView:
    """What a line rule may see of the document: all blocks, its own index, the language.

    Line rules decide from the block's text and features, whether the block is a piece cut from
    a longer line, and whether it stands in the second half of the page. The classifier caches
    a page's verdicts by exactly these (`cache_key`), so repeated lines (menus) are judged
    once; a rule that needs more of the page must add it to `cache_key`.
    """

    blocks: tuple[Block, ...]
    index: int
    language: str = "en"

    @property
    def block(self) -> Block:
        return self.blocks[self.index]

    def neighbour(self, offset: int) -> Block | None:
        j = self.index + offset
        return self.blocks[j] if 0 <= j < len(self.blocks) else None

    @property
    def second_half(self) -> bool:
        return self.relative_position >= SECOND_HALF

    def cache_key(self) -> tuple[str, bool, bool]:
        block = self.block
        return (block.text, block.piece > 0, self.second_half)

    @property
    def relative_position(self) -> float:
        """0.0 for the first block, 1.0 for the last."""
        n = len(self.blocks)
        return self.index / (n - 1) if n > 1 else 0.0


def _never(_block: Block, _doc: DocView) -> bool:
    return False


def _no_split(_line: str) -> Iterable[int]:
    return ()


@dataclass(frozen=True, slots=True)
class RuleInfo:
    """Everything known about one rule; the generated docs are rendered from this."""

    code: str
    name: str
    kind: str
    scope: Scope
    strength: Strength
    status: str
    summary: str
    doc: str
    noise: tuple[str, ...]
    keep: tuple[str, ...]
    #: A line rule never fires on a block with more words than this (None: no limit); the
    #: classifier skips it without a call. The rule's own code checks the same bound.
    max_words: int | None = None
    #: A pattern whose `match` at the block's start the rule needs in order to fire (a necessary
    #: condition: tests check every noise example matches it); the classifier skips the rule
    #: without a call when it does not match.
    gate: regex.Pattern[str] | None = field(default=None, repr=False, compare=False)
    #: Lowercase strings of which the rule's text needs at least one (a necessary condition, like
    #: `gate`, tested with `in` on the lowercased block); empty: no such prefilter.
    needles: tuple[str, ...] = ()
    #: The prefilter key (see `cleaner.prefilter`): a hand-written RE2 pattern found in every
    #: block the rule fires on, and/or `regex` patterns of which one matches at the start
    #: (`key_match`) or somewhere (`key_search`) of every such block. Without any of these the
    #: key is the gate's, else the needles'. A necessary condition, like `gate`: tested on every
    #: noise example, on generated text and on the dev set's lines.
    key: str | None = field(default=None, repr=False, compare=False)
    key_match: tuple[regex.Pattern[str], ...] = field(default=(), repr=False, compare=False)
    key_search: tuple[regex.Pattern[str], ...] = field(default=(), repr=False, compare=False)
    func: LineFunc = field(default=_never, repr=False, compare=False)
    splitter: SplitFunc = field(default=_no_split, repr=False, compare=False)


def key_parts(info: RuleInfo) -> tuple[prefilter.Part, ...] | None:
    """The alternatives of `info`'s prefilter key, or None when it has none (or one that cannot
    be loosened into RE2): such a rule is a candidate on every line."""
    parts: list[prefilter.Part] = [(info.key, False)] if info.key else []
    try:
        for p in info.key_match:
            parts += prefilter.match_parts(p)
        for p in info.key_search:
            parts += prefilter.search_parts(p)
        if not parts and info.gate is not None:
            parts += prefilter.match_parts(info.gate)
    except prefilter.Unsupported:
        return None
    if not parts and info.needles:
        parts.append((prefilter.words_key(info.needles), False))
    return tuple(parts) if parts else None


def key_pattern(info: RuleInfo) -> str | None:
    """`info`'s prefilter key as one RE2 pattern to search with, or None."""
    parts = key_parts(info)
    return None if parts is None else prefilter.as_pattern(parts)


def _split_doc(func: Callable[..., object]) -> tuple[str, str]:
    doc = inspect.getdoc(func) or ""
    summary, _, rest = doc.partition("\n")
    return summary.strip(), rest.strip()


def rule(
    *,
    code: str,
    name: str,
    kind: str,
    noise: Sequence[str],
    keep: Sequence[str],
    scope: Scope = "line",
    strength: Strength = "strong",
    status: str = "stable",
    max_words: int | None = None,
    gate: regex.Pattern[str] | None = None,
    needles: Sequence[str] = (),
    key: str | None = None,
    key_match: Sequence[regex.Pattern[str]] = (),
    key_search: Sequence[regex.Pattern[str]] = (),
) -> Callable[[Callable[..., object]], RuleInfo]:
    """Turn a documented function into a `RuleInfo`.

    The decorated name is bound to the `RuleInfo` (the function stays reachable as `.func` or
    `.splitter`); each family module lists its rules in a module-level tuple.
    """
    if kind not in KINDS and kind != "repair":
        raise ValueError(f"rule {code}: unknown kind {kind!r}; add it to cleaner.model.KINDS first.")

    def wrap(func: Callable[..., object]) -> RuleInfo:
        summary, doc = _split_doc(func)
        common = {
            "code": code,
            "name": name,
            "kind": kind,
            "scope": scope,
            "strength": strength,
            "status": status,
            "summary": summary,
            "doc": doc,
            "noise": tuple(noise),
            "keep": tuple(keep),
            "max_words": max_words,
            "gate": gate,
            "needles": tuple(n.lower() for n in needles),
            "key": key,
            "key_match": tuple(key_match),
            "key_search": tuple(key_search),
        }
        if scope == "split":
            return RuleInfo(**common, splitter=func)  # type: ignore[arg-type]
        if scope == "line":
            return RuleInfo(**common, func=func)  # type: ignore[arg-type]
        return RuleInfo(**common)  # type: ignore[arg-type]

    return wrap


@dataclass(frozen=True, slots=True)
class RuleSet:
    """The rules in force for one run, split by scope."""

    rules: tuple[RuleInfo, ...]
    line_rules: tuple[RuleInfo, ...]
    split_rules: tuple[RuleInfo, ...]
    codes: frozenset[str]
    #: All gates of the selected line rules as one alternation (None: no gated rule).
    gate: regex.Pattern[str] | None = None
    #: `by_words[min(n, len(by_words) - 1)]`: the line rules (in order) that may fire on a block
    #: of n words; built once so the classifier tests nothing per rule.
    by_words: tuple[Bucket, ...] = ()
    #: The compiled prefilter keys of `line_rules`, built on first need (see `Lazy`).
    lazy: Lazy = field(default_factory=lambda: Lazy(), repr=False, compare=False)
    #: The same for `split_rules` (their keys: the patterns whose match each cut needs).
    split_lazy: Lazy = field(default_factory=lambda: Lazy(SPLIT_MAX_CHARS), repr=False, compare=False)

    def prefilter(self) -> prefilter.Prefilter | None:
        """The compiled key set of the line rules, or None (not built yet, or not available)."""
        return self.lazy.get(self.line_rules)

    def enabled(self, code: str) -> bool:
        return code in self.codes

    def line_rules_for(self, words: int) -> Bucket:
        """The line rules that may fire on a block of `words` words."""
        table = self.by_words
        return table[words] if words < len(table) else table[-1]

    def candidates(self, text: str, words: int, timeout: float | None = None) -> tuple[RuleInfo, ...]:
        """The line rules worth calling on a block: those that fit its length, whose gate (a
        necessary condition) matches and whose needles (another) occur. A few gates are tried one
        by one; more as one alternation."""
        pf = self.lazy.get(self.line_rules)
        if pf is not None:
            found = pf.match(text)
            if found is not None:
                if not found:
                    return ()
                table = self.line_rules
                return tuple(r for r in map(table.__getitem__, found) if r.max_words is None or words <= r.max_words)
        return self.gated_candidates(text, words, timeout)

    def split_candidates(self, line: str) -> tuple[RuleInfo, ...]:
        """The split rules worth calling on a line (in order): those whose key is found in it."""
        rules = self.split_rules
        pf = self.split_lazy.get(rules)
        if pf is not None:
            found = pf.match(line)
            if found is not None:
                return tuple(map(rules.__getitem__, found))
        return rules

    def gated_candidates(self, text: str, words: int, timeout: float | None = None) -> tuple[RuleInfo, ...]:
        """`candidates()` without the prefilter: length table, gates and needles only."""
        b = self.line_rules_for(words)
        if not b.gated:
            return b.every.keep(text)
        if len(b.gated) <= FEW_GATES:
            opened = [r for r in b.gated if r.gate is not None and r.gate.match(text, timeout=timeout)]
            if not opened:
                return b.ungated.keep(text)
            return _with_needles(tuple(r for r in b.every.rules if r.gate is None or _among(r, opened)), text)
        if self.gate is not None and self.gate.match(text, timeout=timeout):
            return b.every.keep(text)
        return b.ungated.keep(text)


#: Lines up to this long are matched against the split rules' keys: the split rules scan whole
#: lines (up to `segment.MAX_SPLIT_LINE`), which the key set does in linear time at a fraction of
#: their cost.
SPLIT_MAX_CHARS = 200_000

#: The prefilter is compiled once a rule set has judged this many distinct lines: compiling the
#: keys costs ~25 ms, about what it saves on ~1,000 lines, so a run over one small file never
#: pays it (start-up of `cleaner --check` unchanged). Measured on the dev set, 2026-12-01.
PREFILTER_AFTER_LINES = 600

_UNBUILT: object = object()


class Lazy:
    """The one mutable cell of a `RuleSet`: its prefilter, compiled on first need. Building it
    is deterministic and the result only skips rules that cannot fire, so whether and when it
    exists never changes an output."""

    __slots__ = ("built", "lines", "max_chars")

    def __init__(self, max_chars: int = prefilter.MAX_TEXT_CHARS) -> None:
        self.lines = 0
        self.built: object = _UNBUILT
        #: Texts longer than this are not matched against the keys (every rule is a candidate).
        self.max_chars = max_chars

    def __reduce__(self) -> tuple[type[Lazy], tuple[int]]:
        """A copy sent to another process starts unbuilt (compiled sets do not pickle)."""
        return (Lazy, (self.max_chars,))

    def get(self, line_rules: tuple[RuleInfo, ...]) -> prefilter.Prefilter | None:
        built = self.built
        if built is _UNBUILT:
            self.lines += 1
            if self.lines < PREFILTER_AFTER_LINES:
                return None
            built = self.built = prefilter.build([key_parts(r) for r in line_rules], self.max_chars)
        return built  # type: ignore[return-value]

    def force(self, line_rules: tuple[RuleInfo, ...]) -> prefilter.Prefilter | None:
        """Build now, whatever was there (benchmarks and tests); None if re2 is unavailable."""
        self.built = _UNBUILT
        self.lines = PREFILTER_AFTER_LINES
        return self.get(line_rules)

    def off(self) -> None:
        """No prefilter from now on (benchmarks and tests): every rule is tried as before."""
        self.built = None


def _among(rule: RuleInfo, rules: Sequence[RuleInfo]) -> bool:
    return any(rule is r for r in rules)


def _with_needles(rules: tuple[RuleInfo, ...], text: str) -> tuple[RuleInfo, ...]:
    low = text.lower()
    return tuple(r for r in rules if not r.needles or any(map(low.__contains__, r.needles)))


@dataclass(frozen=True, slots=True)
class Rules:
    """An ordered tuple of line rules, with the same tuple less its needled rules precomputed."""

    rules: tuple[RuleInfo, ...]
    plain: tuple[RuleInfo, ...]
    needled: tuple[RuleInfo, ...]

    @classmethod
    def of(cls, rules: tuple[RuleInfo, ...]) -> Rules:
        return cls(rules, tuple(r for r in rules if not r.needles), tuple(r for r in rules if r.needles))

    def keep(self, text: str) -> tuple[RuleInfo, ...]:
        """The rules, less the needled ones none of whose needles occur in `text`."""
        if not self.needled:
            return self.rules
        low = text.lower()
        passed = [r for r in self.needled if any(map(low.__contains__, r.needles))]
        if not passed:
            return self.plain
        if len(passed) == len(self.needled):
            return self.rules
        return tuple(r for r in self.rules if not r.needles or _among(r, passed))


@dataclass(frozen=True, slots=True)
class Bucket:
    """The line rules that fit blocks of one length: without a gate, with one, and all."""

    ungated: Rules
    gated: tuple[RuleInfo, ...]
    every: Rules


def matches(info: RuleInfo, selector: str) -> bool:
    """Whether a select/ignore selector (code, code prefix, kind, name or "ALL") names `info`."""
    s = selector.strip()
    return info.code.startswith(s.upper()) or info.kind == s or info.name == s or s == "ALL"


def select(
    registry: Sequence[RuleInfo],
    select: Sequence[str] = ("ALL",),
    ignore: Sequence[str] = (),
    *,
    preview: bool = False,
) -> RuleSet:
    """Resolve select/ignore selectors (code, code prefix, kind or name; as in ruff)."""
    chosen = tuple(
        r
        for r in registry
        if any(matches(r, s) for s in select)
        and not any(matches(r, s) for s in ignore)
        and (preview or r.status != "preview")
    )
    line_rules = tuple(r for r in chosen if r.scope == "line")
    return RuleSet(
        rules=chosen,
        line_rules=line_rules,
        split_rules=tuple(r for r in chosen if r.scope == "split"),
        codes=frozenset(r.code for r in chosen),
        gate=combine_gates(r.gate for r in line_rules),
        by_words=_by_words(line_rules),
    )


#: Up to this many gates are tried one by one (long blocks fit few gated rules); more at once.
FEW_GATES = 2


def _by_words(line_rules: tuple[RuleInfo, ...]) -> tuple[Bucket, ...]:
    limit = max((r.max_words for r in line_rules if r.max_words is not None), default=0) + 1
    table = []
    for n in range(limit + 1):
        fits = tuple(r for r in line_rules if r.max_words is None or n <= r.max_words)
        ungated = Rules.of(tuple(r for r in fits if r.gate is None))
        table.append(Bucket(ungated, tuple(r for r in fits if r.gate is not None), Rules.of(fits)))
    return tuple(table)


def combine_gates(gates: Iterable[regex.Pattern[str] | None]) -> regex.Pattern[str] | None:
    """One pattern that matches where any of `gates` matches (each keeps its own case flag)."""
    parts = []
    for g in dict.fromkeys(x for x in gates if x is not None):
        flag = "i" if g.flags & regex.IGNORECASE else "-i"
        parts.append(f"(?{flag}:{g.pattern})")
    if not parts:
        return None
    return pattern_cache.compile("|".join(parts))
