"""A run killed in the middle of rewriting files leaves every file whole: old or new, never partial."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import cleaner
from cleaner.io import to_output
from conftest import seed_paths

FILES = 300


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")
def test_sigkill_mid_run_leaves_each_file_old_or_new(tmp_path: Path) -> None:
    seeds = [p.read_text(encoding="utf-8") for p in seed_paths()]
    expected: dict[Path, tuple[bytes, bytes]] = {}
    for i in range(FILES):
        # make each page a bit longer so the run lasts long enough to be interrupted
        text = seeds[i % len(seeds)] + f"\n\nAdvertisement\n\nShare this:\n\n{i}\n"
        path = tmp_path / f"page_{i:04d}.txt"
        path.write_bytes(text.encode("utf-8"))
        new = to_output(cleaner.clean(text).text).encode("utf-8")
        expected[path] = (text.encode("utf-8"), new)

    proc = subprocess.Popen(
        [sys.executable, "-m", "cleaner", "--jobs", "1", "--quiet", str(tmp_path)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    # wait until some files are rewritten, then kill without warning
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        if sum(p.read_bytes() == new for p, (_, new) in list(expected.items())[:40]) >= 3:
            break
        time.sleep(0.01)
    if proc.poll() is None:
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)

    states = {"old": 0, "new": 0}
    for path, (old, new) in expected.items():
        data = path.read_bytes()
        assert data in (old, new), f"{path.name} is neither the old nor the new version ({len(data)} bytes)"
        states["old" if data == old else "new"] += 1
    assert states["new"] >= 1, "the run was killed before it rewrote anything; the test proved nothing"
    # a killed writer may leave its temporary file behind, but never under an article's name
    leftovers = [p.name for p in tmp_path.iterdir() if p not in expected]
    assert all(name.startswith(".") and name.endswith(".tmp") for name in leftovers), leftovers
