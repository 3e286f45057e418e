from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
FIXTURES = ROOT / "fixtures"

settings.register_profile(
    "ci", max_examples=60, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("dev", max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


def seed_paths() -> list[Path]:
    return sorted(SEEDS.glob("*.txt"))


def seed_gold(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((FIXTURES / "seeds" / f"{path.stem}.gold.json").read_text(encoding="utf-8"))
    return data


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite the expected output of fixtures/cases/* from the current cleaner (review the diff!)",
    )
