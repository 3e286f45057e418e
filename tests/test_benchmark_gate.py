"""The quality ratchet (benchmarks/floors.json) and the benchmark's metrics.

`test_text_mode_holds_its_floors` runs the text mode of the three dev benchmarks (181 news pages,
the second set's 193 documentation, forum, code, table and long pages and the third set's 143
articles; about 40 s) and the seeds,
and fails when a gated metric falls below its floor; see benchmarks/README.md
for how to raise or (deliberately) lower a floor.
"""

from __future__ import annotations

import copy
import importlib.util
import json
import os
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from benchmarks import metrics, quality

from conftest import ROOT

SHARED_EVALUATE = ROOT.parent / "shared" / "bench" / "evaluate.py"

GOLD = {
    "body": ["The mayor said on Monday the bridge would reopen.", "Traffic has been diverted since May."],
    "headline": "Bridge to reopen, mayor says",
    "dateline": "LONDON",
    "noise": [
        {"kind": "promo", "text": "Subscribe to our newsletter for the latest updates"},
        {"kind": "advert_marker", "text": "Advertisement"},
    ],
}

#: (body, headline, dateline) outputs of imaginary cleaners, scored against GOLD.
OUTPUTS: list[tuple[str, str | None, str | None]] = [
    ("The mayor said on Monday the bridge would reopen.\n\nTraffic has been diverted since May.",
     "Bridge to reopen, mayor says", "LONDON"),
    ("Advertisement\nThe mayor said the bridge would reopen.\n\nSubscribe to our newsletter for the latest updates!",
     "BRIDGE to reopen,\u00a0Mayor  says", "London"),
    ("", None, None),
    ("Traffic has been diverted since May. Traffic traffic TRAFFIC.", "Bridge  to reopen,\u00a0mayor says", None),
]  # fmt: skip


def rows_from_ours() -> list[dict[str, Any]]:
    return [metrics.score_doc(f"d{i}", GOLD, *out) for i, out in enumerate(OUTPUTS)]


def test_token_metrics_by_hand() -> None:
    assert metrics.tokens("Don't STOP, don’t stop") == Counter({"don": 2, "t": 2, "stop": 2})
    p, r, f, tp, npred, ngold = metrics.prf(Counter({"a": 2, "b": 1}), Counter({"a": 1, "c": 1}))
    assert (tp, npred, ngold) == (1, 3, 2)
    assert (p, r) == pytest.approx((1 / 3, 1 / 2))
    assert f == pytest.approx(2 * (1 / 3) * (1 / 2) / (1 / 3 + 1 / 2))
    assert metrics.prf(Counter(), Counter())[:3] == (1.0, 1.0, 1.0)
    assert metrics.prf(Counter(), Counter({"a": 1}))[:3] == (0.0, 0.0, 0.0)


def test_rows_and_summary_by_hand() -> None:
    rows = rows_from_ours()
    perfect, noisy, empty, _ = rows
    assert (perfect["f1"], perfect["headline_match"], perfect["dateline_match"]) == (1.0, True, True)
    assert perfect["noise_leaked"] == []
    assert noisy["headline_match"] is True  # case and spacing are normalised
    assert noisy["dateline_match"] is True
    assert sorted(noisy["noise_leaked"]) == ["advert_marker", "promo"]
    assert empty["empty"] is True and empty["f1"] == 0.0
    s = metrics.summarize(rows, name="x", input_kind="text", seconds=2.0, in_bytes=4_000_000, errors=0)
    assert s["docs"] == 4
    assert s["macro"]["f1"] == pytest.approx(sum(r["f1"] for r in rows) / 4)
    assert s["lost_body"] == sum(r["r"] < 0.9 for r in rows)
    assert s["empty"] == 1
    assert s["headline"]["exact"] == pytest.approx(3 / 4)
    assert s["noise"] == {"total": 8, "leaked": 2, "leaked_kinds": {"advert_marker": 1, "promo": 1}}
    assert s["mb_per_s"] == pytest.approx(2.0)


def load_shared_evaluate() -> ModuleType:
    if not SHARED_EVALUATE.is_file():
        pytest.skip("the shared scoring harness (../shared/bench/evaluate.py) is not present")
    spec = importlib.util.spec_from_file_location("shared_evaluate", SHARED_EVALUATE)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is created
    spec.loader.exec_module(module)
    return module


def test_metrics_equal_the_shared_harness(tmp_path: Path) -> None:
    evaluate = load_shared_evaluate()
    for i, (body, headline, dateline) in enumerate(OUTPUTS):
        (tmp_path / f"d{i}.txt").write_text(json.dumps({"body": body, "headline": headline, "dateline": dateline}))
        (tmp_path / f"d{i}.gold.json").write_text(json.dumps(GOLD))
    module_dir = tmp_path / "mods"
    module_dir.mkdir()
    (module_dir / "echo_cleaner.py").write_text("import json\ndef run(text):\n    return json.loads(text)\n")
    docs = evaluate.load_docs(tmp_path, None)
    result = evaluate.run_one("echo_cleaner:run", "text", docs, [str(module_dir)], False)
    theirs = evaluate.summarize(result)
    ours_rows = rows_from_ours()
    assert ours_rows == result.per_doc
    ours = metrics.summarize(ours_rows, name=theirs["callable"], input_kind="text", seconds=result.seconds,
                             in_bytes=result.in_bytes, errors=0)  # fmt: skip
    assert ours == theirs


def test_update_floors_only_tightens(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(quality, "digest", lambda mode: "d")
    summary, _ = quality.run("seeds")
    floors = {"modes": {"seeds": {"digest": "d", "docs": 5, "floors": {"macro_f1": 0.5, "lost_body": 3}}}}
    new, changes, refused = quality.update_floors({"seeds": summary}, floors, allow_regression=False)
    assert not refused
    assert new["modes"]["seeds"]["floors"]["macro_f1"] >= 0.5
    assert new["modes"]["seeds"]["floors"]["lost_body"] <= 3
    assert floors["modes"]["seeds"]["floors"]["macro_f1"] == 0.5  # the input is not changed
    assert changes

    worse = copy.deepcopy(summary)
    worse["macro"]["f1"] = 0.25
    worse["lost_body"] = 4
    kept, _, refused = quality.update_floors({"seeds": worse}, new, allow_regression=False)
    assert len(refused) == 2
    assert kept["modes"]["seeds"]["floors"]["macro_f1"] == new["modes"]["seeds"]["floors"]["macro_f1"]
    lowered, _, refused = quality.update_floors({"seeds": worse}, new, allow_regression=True)
    assert not refused
    assert lowered["modes"]["seeds"]["floors"]["macro_f1"] == 0.25
    assert quality.check("seeds", worse, new) and not quality.check("seeds", worse, lowered)


def test_check_fails_on_a_changed_corpus(monkeypatch: pytest.MonkeyPatch) -> None:
    summary, _ = quality.run("seeds")
    floors = quality.load_floors()
    monkeypatch.setattr(quality, "digest", lambda mode: "0" * 64)
    assert any("corpus changed" in p for p in quality.check("seeds", summary, floors))


def test_floors_cover_every_mode_and_the_corpus_is_intact() -> None:
    floors = quality.load_floors()
    for mode in quality.MODES:
        entry = floors["modes"][mode]
        assert entry["digest"] == quality.digest(mode), f"{mode}: corpus differs from the one the floors were set on"
        assert {"macro_f1", "lost_body"} <= set(entry["floors"])


def test_text_mode_holds_its_floors() -> None:
    floors = quality.load_floors()
    jobs = min(2, os.cpu_count() or 1)
    problems = []
    for mode in ("seeds", "text", "text2", "text3"):
        summary, _ = quality.run(mode, jobs=jobs)
        problems += quality.check(mode, summary, floors)
    assert not problems, "\n".join(problems)


def test_check_command_exits_1_below_a_floor(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    floors = quality.load_floors()
    assert quality.main(["--mode", "seeds", "--check", "--no-write"]) == 0
    raised = copy.deepcopy(floors)
    raised["modes"]["seeds"]["floors"]["noise_leaked"] = -1
    monkeypatch.setattr(quality, "load_floors", lambda path=quality.FLOORS: raised)
    assert quality.main(["--mode", "seeds", "--check", "--no-write"]) == 1
    assert "noise_leaked = 0 is above its ceiling -1" in capsys.readouterr().err
