"""Golden files: fixtures/cases/*.txt (and the seeds) against their expected `Article.to_dict()`.

A case file is black-style, one file per case::

    # flags: crlf ignore=ADV001        <- optional first line
    <the input, verbatim>
    # expected
    <JSON of article.to_dict(), minus the volatile fields>

Flags: `crlf` / `cr` turn the input's line endings into CRLF / CR before cleaning (so the file
itself stays LF); `select=A,B`, `ignore=A,B` and `preview` build the `Config`.

`pytest --update-golden` rewrites the expected part of every case in fixtures/cases/ (and the
seeds' expected files) from the current cleaner; review the diff before committing.

fixtures/known_failures/ holds cases whose expected output is the *correct* one that the cleaner
does not produce yet. They run as strict xfail and are never rewritten; they compare the outcome
(headline, dateline, date, body, status, and each removal's kind and span), not which rule
decided it, so that a fix by any rule promotes them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

import cleaner
from conftest import FIXTURES, seed_paths

CASES = FIXTURES / "cases"
KNOWN_FAILURES = FIXTURES / "known_failures"
SEED_EXPECTED = CASES / "seeds"
MARKER = "# expected\n"
FLAGS = "# flags:"
#: Fields of `to_dict()` that are not part of the spec (diagnostics that may change freely).
VOLATILE = ("messages", "headline_why")


@dataclass(frozen=True)
class GoldenCase:
    path: Path
    flags: tuple[str, ...]
    input: str
    expected: dict[str, Any] | None

    @property
    def text(self) -> str:
        """The input as given to `clean()`, after the line-ending flags."""
        if "crlf" in self.flags:
            return self.input.replace("\n", "\r\n")
        if "cr" in self.flags:
            return self.input.replace("\n", "\r")
        return self.input

    @property
    def config(self) -> cleaner.Config | None:
        kwargs: dict[str, Any] = {}
        for flag in self.flags:
            key, _, value = flag.partition("=")
            if key in ("select", "ignore"):
                kwargs[key] = tuple(v for v in value.split(",") if v)
            elif key == "preview":
                kwargs["preview"] = True
            elif key not in ("crlf", "cr"):
                raise ValueError(f"{self.path.name}: unknown flag {flag!r}; use crlf, cr, select=, ignore=, preview.")
        return cleaner.Config(**kwargs) if kwargs else None


def read_case(path: Path) -> GoldenCase:
    with path.open(encoding="utf-8", newline="") as fh:
        raw = fh.read()
    flags: tuple[str, ...] = ()
    if raw.startswith(FLAGS):
        first, _, raw = raw.partition("\n")
        flags = tuple(first[len(FLAGS) :].split())
    head, found, tail = raw.rpartition("\n" + MARKER)
    if not found:
        return GoldenCase(path, flags, raw, None)
    return GoldenCase(path, flags, head + "\n", json.loads(tail))


def write_case(case: GoldenCase, expected: dict[str, Any]) -> None:
    flags = f"{FLAGS} {' '.join(case.flags)}\n" if case.flags else ""
    body = json.dumps(expected, ensure_ascii=False, indent=2) + "\n"
    with case.path.open("w", encoding="utf-8", newline="") as fh:
        fh.write(flags + case.input + MARKER + body)


def actual(text: str, config: cleaner.Config | None = None) -> dict[str, Any]:
    data = cleaner.clean(text, config=config).to_dict()
    for key in VOLATILE:
        data.pop(key, None)
    return data


def outcome(data: dict[str, Any]) -> dict[str, Any]:
    """What a known failure specifies: the result, not which rule produced it."""
    return {
        "headline": data["headline"],
        "dateline": data["dateline"],
        "date": data["date"],
        "body": data["body"],
        "status": data["status"],
        "removed": [{k: r[k] for k in ("kind", "start", "end", "text")} for r in data["removed"]],
    }


def _paths(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.txt"))


@pytest.mark.parametrize("path", _paths(CASES), ids=lambda p: p.stem)
def test_golden_case(path: Path, request: pytest.FixtureRequest) -> None:
    case = read_case(path)
    got = actual(case.text, case.config)
    if request.config.getoption("--update-golden"):
        write_case(case, got)
        return
    assert case.expected is not None, f"{path.name} has no '# expected' section; run pytest --update-golden"
    assert got == case.expected


@pytest.mark.parametrize("path", _paths(KNOWN_FAILURES), ids=lambda p: p.stem)
@pytest.mark.xfail(strict=True, reason="known failure: see the case's fixture and the report")
def test_known_failure(path: Path) -> None:
    case = read_case(path)
    assert case.expected is not None, f"{path.name} has no '# expected' section"
    assert outcome(actual(case.text, case.config)) == outcome(case.expected)


def _seed_expected_path(seed: Path) -> Path:
    return SEED_EXPECTED / f"{seed.stem}.json"


#: Seeds whose exact expected output (the hand-over gold) is not reached yet; they live in
#: fixtures/known_failures/seeds/ with the correct outcome and run as strict xfail.
KNOWN_FAILING_SEEDS = frozenset(p.stem for p in (KNOWN_FAILURES / "seeds").glob("*.json"))


@pytest.mark.parametrize("seed", [p for p in seed_paths() if p.stem not in KNOWN_FAILING_SEEDS], ids=lambda p: p.stem)
def test_golden_seed(seed: Path, request: pytest.FixtureRequest) -> None:
    got = actual(seed.read_text(encoding="utf-8"))
    target = _seed_expected_path(seed)
    if request.config.getoption("--update-golden"):
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(got, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        return
    assert target.exists(), f"{target} is missing; run pytest --update-golden"
    assert got == json.loads(target.read_text(encoding="utf-8"))


@pytest.mark.parametrize("seed", [p for p in seed_paths() if p.stem in KNOWN_FAILING_SEEDS], ids=lambda p: p.stem)
@pytest.mark.xfail(strict=True, reason="known failure: the seed's output differs from its gold")
def test_known_failing_seed(seed: Path) -> None:
    expected = json.loads((KNOWN_FAILURES / "seeds" / f"{seed.stem}.json").read_text(encoding="utf-8"))
    assert outcome(actual(seed.read_text(encoding="utf-8"))) == outcome(expected)


def test_golden_seed_expectations_agree_with_gold() -> None:
    """The stored seed expectations themselves match the hand-over gold (headline, dateline, body)."""
    from conftest import seed_gold

    for seed in seed_paths():
        folder = KNOWN_FAILURES / "seeds" if seed.stem in KNOWN_FAILING_SEEDS else SEED_EXPECTED
        path = folder / f"{seed.stem}.json"
        if not path.exists():
            continue
        expected = json.loads(path.read_text(encoding="utf-8"))
        gold = seed_gold(seed)
        assert (expected["headline"], expected["dateline"], expected["body"]) == (
            gold["headline"],
            gold["dateline"],
            gold["body"],
        ), f"{path} disagrees with the gold of {seed.name}"


def test_there_are_enough_cases() -> None:
    assert len(_paths(CASES)) + len(_paths(KNOWN_FAILURES)) >= 25
