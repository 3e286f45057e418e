"""Prefilter keys: one RE2 set match per line tells which line rules are worth calling.

Every line rule has a *key*: an RE2 pattern that matches (is found in) every block the rule
fires on. A key is a necessary condition, never a sufficient one: the rule still decides. The
keys of a rule selection are compiled once into one `re2.Set`; a block's candidates are the
rules whose key is found in it, so most lines call no rule at all (issue 14).

A key is derived from what the rule already declares, in this order: `key` (hand-written,
RE2 syntax, searched), `key_match` / `key_search` (`regex` patterns the rule needs to match at
the start / somewhere), its `gate` (matched at the start), its `needles` (found, case-folded).
`regex` patterns are *loosened* into the RE2 subset by `loosen()`: every construct RE2 lacks
or reads differently is replaced by one that matches at least as much (look-arounds and `\\b`
dropped, `\\w`/`\\s`/`\\d`/`\\p{..}` widened to every non-ASCII character, large repeat bounds
opened, case-insensitive `i` also taking `İ`/`ı`). A pattern the loosener cannot prove
(back-references, conditionals...) gives no key: the rule is then called on every line, as
before. The tests check every noise example against its key, and a hypothesis property and the
dev set's lines that a rule never fires where its key does not match.

google-re2 is optional: without it (or with `CLEANER_NO_RE2=1` in the environment) `build()`
returns None and the classifier calls every rule as it did before the prefilter existed; the
output is the same either way.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Any, Final

import regex

#: Set to a non-empty value to turn the prefilter off (as on a platform without a wheel).
DISABLE_ENV: Final = "CLEANER_NO_RE2"
#: Blocks longer than this skip the prefilter (every rule is a candidate, as before): the key
#: set's DFA is linear, but a 10 MB line is rare enough not to need it.
MAX_TEXT_CHARS: Final = 10_000
#: Repeat bounds above this are opened (`{m,n}` -> `{min(m, cap),}`): RE2 expands counted
#: repeats into states, and a key only needs to be a superset.
REPEAT_CAP: Final = 8
#: Memory budget of the compiled set (RE2's default is 8 MB; its DFA never gives up on a set
#: match, but a larger cache keeps state resets rare on long lines).
MAX_MEM: Final = 64 << 20

_NON_ASCII = r"\x{80}-\x{10FFFF}"
#: `regex`'s Unicode `\s` (White_Space), as an RE2 class body.
_SPACE = r"\t-\r \x{85}\x{A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}"
#: Loose class bodies: the ASCII part exactly, every non-ASCII character besides (RE2's Unicode
#: tables are older than `regex`'s, so its `\p{Lu}` lacks recent letters).
_LOOSE_CLASS: Final = {
    "w": "0-9A-Za-z_" + _NON_ASCII,
    "d": "0-9" + _NON_ASCII,
    "s": _SPACE,
}
#: Characters whose full case folding is more than one character ("ß" -> "ss", "ﬆ" -> "st"): a
#: VERSION1 pattern that ignores case matches "ss" against "ß", which RE2 never does. Keys of such
#: patterns also match any of these (tests/test_prefilter.py checks the list is complete).
MULTI_FOLD: Final = (
    "\u00df\u0130\u0149\u01f0\u0390\u03b0\u0587\u1e96\u1e97\u1e98\u1e99\u1e9a\u1e9e\u1f50"
    "\u1f52\u1f54\u1f56\u1f80\u1f81\u1f82\u1f83\u1f84\u1f85\u1f86\u1f87\u1f88\u1f89\u1f8a"
    "\u1f8b\u1f8c\u1f8d\u1f8e\u1f8f\u1f90\u1f91\u1f92\u1f93\u1f94\u1f95\u1f96\u1f97\u1f98"
    "\u1f99\u1f9a\u1f9b\u1f9c\u1f9d\u1f9e\u1f9f\u1fa0\u1fa1\u1fa2\u1fa3\u1fa4\u1fa5\u1fa6"
    "\u1fa7\u1fa8\u1fa9\u1faa\u1fab\u1fac\u1fad\u1fae\u1faf\u1fb2\u1fb3\u1fb4\u1fb6\u1fb7"
    "\u1fbc\u1fc2\u1fc3\u1fc4\u1fc6\u1fc7\u1fcc\u1fd2\u1fd3\u1fd6\u1fd7\u1fe2\u1fe3\u1fe4"
    "\u1fe6\u1fe7\u1ff2\u1ff3\u1ff4\u1ff6\u1ff7\u1ffc\ufb00\ufb01\ufb02\ufb03\ufb04\ufb05"
    "\ufb06\ufb13\ufb14\ufb15\ufb16\ufb17"
)
#: Non-ASCII characters whose `str.upper()`, `lower()` or `casefold()` has an ASCII letter
#: ("ı" -> "I", "ß" -> "SS"): keys of tests written with those methods also take them.
ASCII_CASE_SPECIALS: Final = (
    "\u00df\u0130\u0131\u0149\u017f\u01f0\u1e96\u1e97\u1e98\u1e99"
    "\u1e9a\u1e9e\u212a\ufb00\ufb01\ufb02\ufb03\ufb04\ufb05\ufb06"
)
#: What `regex` matches case-insensitively against `i`/`I` beyond RE2's folding.
_DOTTED_I: Final = "İı"


class Unsupported(ValueError):
    """A construct `loosen()` cannot turn into an RE2 superset."""


def enabled() -> bool:
    """Whether the prefilter may be used: google-re2 importable and not turned off."""
    if os.environ.get(DISABLE_ENV):
        return False
    try:
        import re2  # noqa: F401
    except ImportError:
        return False
    return True


def _class_escape(ch: str) -> str:
    return "\\" + ch if ch in "\\]^-[" else ch


class _Loosener:
    """A one-pass rewrite of a `regex` pattern into an RE2 pattern that matches at least as much."""

    def __init__(self, pattern: str, flags: int) -> None:
        self.p = pattern
        self.i = 0
        self.v1 = bool(flags & regex.VERSION1)
        self.ci_any = bool(flags & regex.IGNORECASE)
        self.ci = [bool(flags & regex.IGNORECASE)]
        self.cut = False
        #: Group nesting depth, and how many atoms the current top-level branch has so far: a
        #: positive look-behind that opens a top-level branch, or a look-ahead that closes one,
        #: is kept as text the key consumes (what it looks at is next to the match).
        self.depth = 0
        self.top_atoms = 0

    # -- helpers ----------------------------------------------------------------------------
    def peek(self, k: int = 0) -> str:
        j = self.i + k
        return self.p[j] if j < len(self.p) else ""

    def run(self) -> str:
        out = self.sequence(top=True)
        if self.i != len(self.p):
            raise Unsupported(f"unbalanced ')' at {self.i}")
        return out

    def sequence(self, top: bool = False) -> str:
        """One alternation level. After any character (`.`, a negated class) repeated without
        bound, the rest of its branch is parsed but left out: a prefix of a pattern is found wherever the pattern is,
        and keys without trailing loops keep the set's DFA small. `self.cut` tells the caller
        whether a branch was shortened (then what follows the group is left out too)."""
        out: list[str] = []
        stopped = cut = False
        while self.i < len(self.p):
            c = self.p[self.i]
            if c == ")":
                if top:
                    raise Unsupported("unbalanced ')'")
                break
            if c == "|":
                self.i += 1
                out.append("|")
                stopped = False
                if top:
                    self.top_atoms = 0
                continue
            self.cut = False
            atom = self.atom()
            inner_cut = self.cut
            if atom is None:  # a dropped zero-width assertion: nothing to repeat
                continue
            if top:
                self.top_atoms += 1
            q = self.quantifier()
            if not stopped:
                out.append(atom + q)
                unbounded = q.rstrip("?") in ("*", "+") or q.rstrip("?").endswith(",}")
                if inner_cut or (unbounded and atom.startswith((".", "[^", "(?s:."))):
                    stopped = cut = True
        self.cut = cut
        return "".join(out)

    def quantifier(self) -> str:
        c = self.peek()
        if c in ("*", "+", "?"):
            self.i += 1
            q = c
        elif c == "{":
            m = regex.match(r"\{(\d*)(?:(,)(\d*))?\}", self.p[self.i :])
            if m is None:
                return ""  # a literal brace (regex reads "{" not followed by a bound as itself)
            self.i += m.end()
            lo = int(m.group(1) or 0)
            if m.group(2) is None:
                hi: int | None = lo
            else:
                hi = int(m.group(3)) if m.group(3) else None
            q = f"{{{lo},{hi}}}" if hi is not None and hi <= REPEAT_CAP else f"{{{min(lo, REPEAT_CAP)},}}"
        else:
            return ""
        if self.peek() in ("?", "+"):  # lazy kept (same language); possessive dropped (superset)
            lazy = self.peek() == "?"
            self.i += 1
            return q + ("?" if lazy else "")
        return q

    def atom(self) -> str | None:
        c = self.p[self.i]
        if c == "(":
            return self.group()
        if c == "[":
            return self.char_class()
        if c == "\\":
            return self.escape()
        self.i += 1
        if c == "$":
            return r"(?:\n?$)"
        if c in "^.":
            return c
        if c == "{":
            return r"\{"
        if c in "*+?":
            raise Unsupported(f"nothing to repeat at {self.i - 1}")
        return self.literal(c)

    def literal(self, c: str) -> str:
        if self.ci[-1] and c in "iI":
            return "[iI" + _DOTTED_I + "]"
        if c in ".^$*+?()[]{}|\\":
            return "\\" + c
        return c

    def escape(self) -> str | None:
        nxt = self.peek(1)
        if not nxt:
            raise Unsupported("trailing backslash")
        self.i += 2
        if nxt in "wds":
            return "[" + _LOOSE_CLASS[nxt] + "]"
        if nxt in "WDS":
            return "\\" + nxt  # RE2's ASCII complement is a superset of the Unicode one
        if nxt in "bB":
            return None
        if nxt in "pP":
            prop = self.property_name()
            return "[\\" + nxt + prop + _NON_ASCII + "]"
        if nxt in "AZ":
            return "^" if nxt == "A" else r"(?:\n?$)"
        if nxt in "ntrfv":
            return "\\" + nxt
        if nxt == "x":
            m = regex.match(r"[0-9a-fA-F]{2}|\{[0-9a-fA-F]{1,6}\}", self.p[self.i :])
            if m is None:
                raise Unsupported("bad \\x escape")
            self.i += m.end()
            return self.literal(chr(int(m.group().strip("{}"), 16)))
        if nxt in "uU":
            width = 4 if nxt == "u" else 8
            digits = self.p[self.i : self.i + width]
            self.i += width
            return self.literal(chr(int(digits, 16)))
        if nxt.isalnum():
            raise Unsupported(f"escape \\{nxt}")
        return self.literal(nxt)

    def property_name(self) -> str:
        if self.peek() == "{":
            end = self.p.index("}", self.i)
            name = self.p[self.i + 1 : end]
            self.i = end + 1
        else:
            name = self.peek()
            self.i += 1
        if not regex.fullmatch(r"[A-Za-z]{1,2}", name):
            raise Unsupported(f"property {name!r}")  # scripts, binary properties: not proven
        return "{" + name + "}"

    def group(self) -> str | None:
        self.i += 1  # "("
        flags_pushed = False
        if self.peek() == "?":
            rest = self.p[self.i + 1 :]
            if rest.startswith((":", ">")):  # atomic (">"): the plain group matches at least as much
                self.i += 2
                prefix = "(?:"
            elif rest.startswith(("P<", "<")) and not rest.startswith(("<=", "<!")):
                end = self.p.index(">", self.i)
                self.i = end + 1
                prefix = "(?:"
            elif rest.startswith(("=", "!", "<=", "<!")):
                behind = rest[0] == "<"
                positive = rest.startswith(("=", "<="))
                # what a positive look-behind before everything else of a top-level branch sees
                # ends where the match starts: the key may consume it (likewise a look-ahead after
                # everything else, from where the match ends)
                keep = positive and self.depth == 0 and (self.top_atoms == 0 or not behind)
                self.i += 3 if behind else 2
                self.ci.append(self.ci[-1])
                self.depth += 1
                body = self.sequence()
                inner_cut = self.cut
                self.depth -= 1
                self.ci.pop()
                self.close()
                if keep and not behind:
                    keep = self.peek() in ("|", "")
                if keep and self.peek() in ("*", "+", "?", "{"):
                    keep = False
                self.cut = inner_cut if keep else False
                if keep:
                    return "(?:" + body + ")"
                return None  # a look-around dropped: the rest matches at least as much
            elif rest.startswith("#"):
                self.i = self.p.index(")", self.i) + 1
                return None
            else:
                m = regex.match(r"([a-zA-Z]*)(?:-([a-zA-Z]*))?([:)])", rest)
                if m is None:
                    raise Unsupported(f"group syntax at {self.i}")
                on, off, closer = m.group(1), m.group(2) or "", m.group(3)
                if set(on + off) - set("ims"):
                    raise Unsupported(f"flags {on}-{off}")
                if "m" in on or "s" in on:
                    raise Unsupported("multiline/dotall flags")
                ci = ("i" in on) or (self.ci[-1] and "i" not in off)
                self.ci_any = self.ci_any or ci
                opened_at = self.i - 1
                self.i += 1 + m.end()
                if closer == ")":  # a global inline flag: only at the very start is it read alike
                    if opened_at != 0:
                        raise Unsupported("inline flags after the start")
                    self.ci[-1] = ci
                    return "(?i)" if ci else ""
                self.ci.append(ci)
                flags_pushed = True
                prefix = "(?i:" if ci else "(?-i:"
        else:
            prefix = "(?:"
        if not flags_pushed:
            self.ci.append(self.ci[-1])
        self.depth += 1
        body = self.sequence()
        self.depth -= 1
        cut = self.cut
        self.ci.pop()
        self.close()
        self.cut = cut
        return prefix + body + ")"

    def close(self) -> None:
        if self.peek() != ")":
            raise Unsupported("unclosed group")
        self.i += 1

    def char_class(self) -> str:
        self.i += 1  # "["
        negated = self.peek() == "^"
        if negated:
            self.i += 1
        items: list[str] = []
        first = True
        while True:
            c = self.peek()
            if not c:
                raise Unsupported("unclosed class")
            if c == "]" and not first:
                self.i += 1
                break
            first = False
            if c == "[":
                if self.v1 or self.peek(1) == ":":
                    raise Unsupported("nested set or POSIX class")
                self.i += 1
                items.append(self.class_item("[", negated))
                continue
            if self.v1 and self.p.startswith(("&&", "--", "||", "~~"), self.i):
                raise Unsupported("set operation")
            if c == "\\":
                nxt = self.peek(1)
                self.i += 2
                if nxt in "wds":
                    items.append(_LOOSE_CLASS[nxt] if not negated else "\\" + nxt)
                elif nxt in "WDS":
                    if not negated:
                        items.append("\\" + nxt)
                    # in a negated class they are left out: the class then matches more
                elif nxt in "pP":
                    prop = self.property_name()
                    if not negated:
                        items.append("\\" + nxt + prop + _NON_ASCII)
                elif nxt in "ntrfv":
                    items.append("\\" + nxt)
                elif nxt == "x":
                    m = regex.match(r"[0-9a-fA-F]{2}|\{[0-9a-fA-F]{1,6}\}", self.p[self.i :])
                    if m is None:
                        raise Unsupported("bad \\x escape")
                    self.i += m.end()
                    items.append(self.range_or_char(chr(int(m.group().strip("{}"), 16)), negated))
                elif nxt.isalnum():
                    raise Unsupported(f"class escape \\{nxt}")
                else:
                    items.append(self.range_or_char(nxt, negated))
                continue
            self.i += 1
            items.append(self.range_or_char(c, negated))
        body = "".join(items)
        if negated:
            return "[^" + body + "]" if body else r"(?s:.)"
        return "[" + body + "]" if body else "[^\\x00-\\x{10FFFF}]"

    def class_item(self, c: str, negated: bool) -> str:
        return self.range_or_char(c, negated)

    def range_or_char(self, lo: str, negated: bool) -> str:
        hi = lo
        if self.peek() == "-" and self.peek(1) not in ("]", ""):
            nxt = self.peek(1)
            if nxt == "\\":
                esc = self.peek(2)
                if esc.isalnum():
                    raise Unsupported("escape as a range end")
                hi = esc
                self.i += 3
            else:
                hi = nxt
                self.i += 2
        cased = any(ch.lower() != ch.upper() for ch in (lo, hi)) or (ord(lo) < ord("A") <= ord(hi))
        # a negated class with fewer members matches more: leave out whatever case folding or
        # Unicode versions could make RE2 exclude more than `regex` does
        if negated and (cased or not (lo.isascii() and hi.isascii())):
            return ""
        out = _class_escape(lo) if lo == hi else _class_escape(lo) + "-" + _class_escape(hi)
        if self.ci[-1] and not negated and (lo <= "i" <= hi or lo <= "I" <= hi):
            out += _DOTTED_I
        return out


def loosen(pattern: str, flags: int = 0) -> tuple[str, bool]:
    """An RE2 pattern that matches (is found) wherever the `regex` pattern is, and whether the
    pattern uses full case folding (then the key must also take `MULTI_FOLD`); `Unsupported` if
    the pattern uses a construct that cannot be widened safely."""
    lo = _Loosener(pattern, flags)
    body = lo.run()
    if flags & regex.IGNORECASE:
        body = "(?i:" + body + ")"
    return body, lo.v1 and lo.ci_any


#: One alternative of a key: an RE2 pattern, and whether it is matched at the start of the
#: block only (else: found anywhere).
Part = tuple[str, bool]


def match_parts(pattern: regex.Pattern[str]) -> list[Part]:
    """The key parts of `pattern.match(text)` (a match at the start)."""
    body, fold = loosen(pattern.pattern, pattern.flags)
    return [(body, True), *_fold_part(fold)]


def search_parts(pattern: regex.Pattern[str]) -> list[Part]:
    """The key parts of `pattern.search(text)`."""
    body, fold = loosen(pattern.pattern, pattern.flags)
    return [(body, False), *_fold_part(fold)]


def _fold_part(fold: bool) -> list[Part]:
    return [("[" + MULTI_FOLD + "]", False)] if fold else []


def as_pattern(parts: Sequence[Part]) -> str:
    """The parts as one RE2 pattern to search with (tests and tools)."""
    return "|".join(f"^(?:{p})" if anchored else f"(?:{p})" for p, anchored in parts)


def words_key(words: Sequence[str]) -> str:
    """The key of `any(w in text.lower() for w in words)` (lowercase words)."""
    # `str.lower()` maps "K" (Kelvin) to "k" and "İ" to "i" + a combining dot; RE2's folding
    # takes the Kelvin sign, and "i" is widened as in `loosen()`.
    parts = ["".join("[iI" + _DOTTED_I + "]" if ch == "i" else _escape(ch) for ch in w) for w in words]
    return "(?i:" + "|".join(parts) + ")"


def _escape(ch: str) -> str:
    return "\\" + ch if ch in r".^$*+?()[]{}|\/-" else ch


class Prefilter:
    """The compiled keys of a rule selection: `match(text)` gives the indices of the rules whose
    key is found in `text`. Parts anchored at the start go to one `re2.Set` that only tries the
    start (its DFA states die after the prefix), the others to one that searches."""

    __slots__ = ("_search", "_search_ids", "_start", "_start_ids", "always", "max_chars")

    def __init__(self, keys: Sequence[Sequence[Part] | None], max_chars: int = MAX_TEXT_CHARS) -> None:
        import re2

        #: Longer texts are not matched (every index is a candidate).
        self.max_chars = max_chars

        options = re2.Options()
        options.max_mem = MAX_MEM
        options.never_capture = True
        start = re2.Set.MatchSet(options)
        search = re2.Set.SearchSet(options)
        start_ids: list[int] = []
        search_ids: list[int] = []
        always: list[int] = []
        for idx, parts in enumerate(keys):
            if parts is None:
                always.append(idx)
                continue
            for pattern, anchored in parts:
                if anchored:
                    start.Add(pattern)
                    start_ids.append(idx)
                else:
                    search.Add(pattern)
                    search_ids.append(idx)
        # the compiled sets' own `Match` (google-re2's wrapper adds a Python call per line;
        # its raw set answers a list, empty for no match)
        self._start: Any = None
        self._search: Any = None
        if start_ids:
            start.Compile()
            self._start = _raw_match(start)
        if search_ids:
            search.Compile()
            self._search = _raw_match(search)
        self._start_ids = tuple(start_ids)
        self._search_ids = tuple(search_ids)
        #: Indices without a key: candidates on every line.
        self.always = tuple(always)

    def match(self, text: str) -> Sequence[int] | None:
        """Sorted indices of the rules whose key is found in `text` (with the keyless ones);
        None when the set cannot answer (a text too long or not encodable): every index."""
        if len(text) > self.max_chars:
            return None
        try:
            data = text.encode("utf-8")
        except UnicodeEncodeError:
            return None
        at_start = self._start(data) if self._start is not None else None
        found = self._search(data) if self._search is not None else None
        if not at_start and not found:
            return self.always
        out: set[int] = set(self.always)
        if at_start:
            ids = self._start_ids
            out.update(ids[k] for k in at_start)
        if found:
            ids = self._search_ids
            out.update(ids[k] for k in found)
        return sorted(out)


def _raw_match(compiled: Any) -> Any:
    """The bound `Match` of a compiled `re2.Set`: its raw set's when it has one, else its own."""
    raw = getattr(compiled, "_set", None)
    return raw.Match if raw is not None and hasattr(raw, "Match") else compiled.Match


def build(keys: Sequence[Sequence[Part] | None], max_chars: int = MAX_TEXT_CHARS) -> Prefilter | None:
    """The compiled key set, or None when the prefilter is disabled or unavailable."""
    if not enabled() or all(k is None for k in keys):
        return None
    return Prefilter(keys, max_chars)
