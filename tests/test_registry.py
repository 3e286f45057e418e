"""The rule registry: well-formed, documented, immutable, and selectable like ruff's rules."""

from __future__ import annotations

import dataclasses
import re

import pytest

import cleaner
from cleaner.model import KINDS
from cleaner.registry import RuleInfo

CODE = re.compile(r"^[A-Z]{3}\d{3}$")
KEBAB = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
RULES: tuple[RuleInfo, ...] = cleaner.RULES


def _id(info: RuleInfo) -> str:
    return info.code


def test_registry_is_a_non_empty_tuple_of_rule_infos() -> None:
    assert isinstance(cleaner.RULES, tuple)
    assert cleaner.RULES
    assert all(isinstance(r, RuleInfo) for r in cleaner.RULES)


def test_codes_are_unique() -> None:
    codes = [r.code for r in RULES]
    dupes = sorted({c for c in codes if codes.count(c) > 1})
    assert not dupes, f"duplicate rule codes: {dupes}"


def test_names_are_unique() -> None:
    names = [r.name for r in RULES]
    dupes = sorted({n for n in names if names.count(n) > 1})
    assert not dupes, f"duplicate rule names: {dupes}"


@pytest.mark.parametrize("info", RULES, ids=_id)
def test_code_is_well_formed(info: RuleInfo) -> None:
    assert CODE.match(info.code), f"{info.code!r} is not three capitals and three digits"


@pytest.mark.parametrize("info", RULES, ids=_id)
def test_name_is_kebab_case(info: RuleInfo) -> None:
    assert KEBAB.match(info.name), f"{info.code}: name {info.name!r} is not kebab-case"
    assert not info.name.startswith(("remove-", "bad-")), f"{info.code}: name the noise pattern, not the action"


@pytest.mark.parametrize("info", RULES, ids=_id)
def test_kind_is_known(info: RuleInfo) -> None:
    if info.scope in ("split", "join"):
        assert info.kind == "repair", f"{info.code}: split and join rules have kind 'repair'"
    else:
        assert info.kind in KINDS, f"{info.code}: kind {info.kind!r} is not in cleaner.model.KINDS"


@pytest.mark.parametrize("info", RULES, ids=_id)
def test_scope_strength_status_are_known(info: RuleInfo) -> None:
    assert info.scope in ("line", "split", "context", "join")
    assert info.strength in ("strong", "weak")
    assert info.status in ("stable", "preview")


@pytest.mark.parametrize("info", RULES, ids=_id)
def test_rule_is_documented(info: RuleInfo) -> None:
    assert info.summary.strip(), f"{info.code}: missing summary line"
    assert "\n" not in info.summary, f"{info.code}: the summary is one line"
    assert "## What it removes" in info.doc, f"{info.code}: doc lacks '## What it removes'"
    assert "## Why is it noise?" in info.doc, f"{info.code}: doc lacks '## Why is it noise?'"
    assert info.doc.index("## What it removes") < info.doc.index("## Why is it noise?")


@pytest.mark.parametrize("info", RULES, ids=_id)
def test_rule_has_examples(info: RuleInfo) -> None:
    assert isinstance(info.noise, tuple) and isinstance(info.keep, tuple)
    assert len(info.noise) >= 1, f"{info.code}: needs at least one noise example"
    assert len(info.keep) >= 1, f"{info.code}: needs at least one keep example"
    assert all(isinstance(x, str) and x.strip() for x in (*info.noise, *info.keep))
    assert not set(info.noise) & set(info.keep), f"{info.code}: an example is both noise and keep"


@pytest.mark.parametrize("info", RULES, ids=_id)
def test_rule_callable_matches_scope(info: RuleInfo) -> None:
    if info.scope == "line":
        assert callable(info.func)
    if info.scope == "split":
        assert callable(info.splitter)


@pytest.mark.parametrize("info", RULES, ids=_id)
def test_rule_info_is_frozen(info: RuleInfo) -> None:
    assert dataclasses.is_dataclass(info)
    with pytest.raises(dataclasses.FrozenInstanceError):
        info.code = "XXX999"  # type: ignore[misc]


def test_by_code_finds_every_rule_and_rejects_unknown() -> None:
    for info in RULES:
        assert cleaner.by_code(info.code) is info
        assert cleaner.by_code(info.code.lower()) is info
    with pytest.raises(KeyError, match="No rule has code"):
        cleaner.by_code("ZZZ999")


def test_kinds_is_a_tuple_of_unique_strings() -> None:
    assert isinstance(KINDS, tuple)
    assert len(set(KINDS)) == len(KINDS)


def test_rules_module_exposes_no_mutable_state() -> None:
    import cleaner.registry
    import cleaner.rules

    for module in (cleaner.rules, cleaner.registry, cleaner):
        for attr, value in vars(module).items():
            if attr.startswith("_"):
                continue
            assert not isinstance(value, (list, dict, set, bytearray)), f"{module.__name__}.{attr} is mutable"


# ---------------------------------------------------------------- selection


def _codes(config: cleaner.Config) -> frozenset[str]:
    return config.ruleset().codes


STABLE = frozenset(r.code for r in RULES if r.status == "stable")


def test_default_config_selects_every_stable_rule() -> None:
    assert _codes(cleaner.Config()) == STABLE


def test_select_by_exact_code() -> None:
    assert _codes(cleaner.Config(select=("ADV001",))) == {"ADV001"}


def test_select_by_code_is_case_insensitive() -> None:
    assert _codes(cleaner.Config(select=("adv001",))) == {"ADV001"}


def test_select_by_prefix() -> None:
    expected = {r.code for r in RULES if r.code.startswith("CSS") and r.status == "stable"}
    assert len(expected) >= 2
    assert _codes(cleaner.Config(select=("CSS",))) == expected
    assert _codes(cleaner.Config(select=("C",))) == {c for c in STABLE if c.startswith("C")}


def test_select_by_kind() -> None:
    expected = {r.code for r in RULES if r.kind == "credit" and r.status == "stable"}
    assert len(expected) >= 2
    assert _codes(cleaner.Config(select=("credit",))) == expected


def test_select_by_name() -> None:
    assert _codes(cleaner.Config(select=("advert-marker",))) == {"ADV001"}


def test_ignore_by_code_prefix_kind_and_name() -> None:
    assert _codes(cleaner.Config(ignore=("ADV001",))) == STABLE - {"ADV001"}
    assert _codes(cleaner.Config(ignore=("CSS",))) == {c for c in STABLE if not c.startswith("CSS")}
    assert _codes(cleaner.Config(ignore=("caption",))) == {c for c in STABLE if cleaner.by_code(c).kind != "caption"}
    assert _codes(cleaner.Config(ignore=("share-prompt",))) == STABLE - {"SHR001"}


def test_ignore_wins_over_select() -> None:
    assert _codes(cleaner.Config(select=("CSS",), ignore=("CSS003",))) == {
        c for c in STABLE if c.startswith("CSS") and c != "CSS003"
    }


def test_ruleset_splits_rules_by_scope() -> None:
    rs = cleaner.Config().ruleset()
    assert all(r.scope == "line" for r in rs.line_rules)
    assert all(r.scope == "split" for r in rs.split_rules)
    assert isinstance(rs.rules, tuple) and isinstance(rs.line_rules, tuple)
    assert isinstance(rs.codes, frozenset)


def test_ignored_rule_no_longer_removes() -> None:
    text = (
        "ADVERTISEMENT\n\n"
        "The council approved the new budget on Tuesday after a long debate that lasted well into the "
        "night, officials said.\n\n"
        "The plan raises spending on schools and roads by four percent and cuts the deficit, the finance "
        "minister told reporters after the vote.\n"
    )
    with_rule = cleaner.clean(text)
    assert any(r.rule == "ADV001" for r in with_rule.removed)
    without = cleaner.clean(text, config=cleaner.Config(ignore=("ADV001",)))
    assert not any(r.rule == "ADV001" for r in without.removed)


def test_config_is_frozen_and_hashable() -> None:
    cfg = cleaner.Config(select=("CSS",))
    with pytest.raises(dataclasses.FrozenInstanceError):
        cfg.select = ("ALL",)  # type: ignore[misc]
    assert hash(cfg) == hash(cleaner.Config(select=("CSS",)))


def test_config_rejects_bad_patterns() -> None:
    with pytest.raises(ValueError, match="Unknown kind"):
        cleaner.Config(patterns=(("no_such_kind", "x"),))
    with pytest.raises(ValueError, match="does not compile"):
        cleaner.Config(patterns=(("promo", "(unclosed"),))
