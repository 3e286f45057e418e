"""Conservative by default: a doubtful result is marked, and neither the CLI nor clean_record
applies it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import cleaner

#: A real headline and one short paragraph: enough to be an article, too little to be sure of.
SHORT = (
    "Harbour budget approved\n\n"
    "Menu\nSearch\n\n"
    "The council approved the harbour budget after a short debate on Tuesday evening in the town hall.\n\n"
    "Work on the quays starts in May, officials said.\n\n"
    "Share this:\n"
)
LONG = SHORT.replace(
    "officials said.\n",
    "town hall.\n\nThe plan raises spending on the quays and the ferry terminal by four percent and "
    "cuts the deficit, the finance chief told reporters after the vote in the chamber.\n",
)


def test_short_result_is_not_confident_and_says_why() -> None:
    article = cleaner.clean(SHORT)
    assert article.status == "cleaned"
    assert not article.confident
    long = cleaner.clean(LONG)
    assert long.confident and long.status == "cleaned"


def test_clean_record_keeps_the_text_when_unsure() -> None:
    record = cleaner.clean_record({"text": SHORT, "id": 1})
    assert record["text"] == SHORT
    assert record["cleaner_status"] == "unsure"
    assert cleaner.clean_record({"text": LONG})["text"] == cleaner.clean(LONG).text


def test_cli_leaves_an_unsure_file_untouched(tmp_path: Path) -> None:
    path = tmp_path / "short.txt"
    path.write_bytes(SHORT.encode())
    done = subprocess.run([sys.executable, "-m", "cleaner", str(path)], capture_output=True, check=False)
    assert done.returncode == 0, done.stderr
    assert path.read_bytes() == SHORT.encode()
    assert b"unsure" in done.stderr
