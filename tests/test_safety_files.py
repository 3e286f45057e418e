"""The command line's promises about the files it touches (issue 15, file handling).

Each test builds a hostile or unusual file in `tmp_path` (a stray cp1252 byte in a UTF-8 file,
CRLF and BOM files, a FIFO, a symlink, hard links, a read-only file, a non-UTF-8 file name,
`--html-to-text` targets that already exist) and checks that the file is either cleaned without
losing a byte outside the removed spans, or left byte for byte as it was with a message.
docs/safety.md names the test that holds each promise.
"""

from __future__ import annotations

import codecs
import html
import json
import os
import stat
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import cleaner
from cleaner import batch, cli
from cleaner import io as cio
from cleaner.io import decode, encode_like, to_output
from conftest import seed_paths

POSIX = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file semantics")


def run(
    *args: str | Path, cwd: Path, stdin: bytes | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "cleaner", *map(os.fsdecode, args)],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        timeout=timeout,
        check=False,
    )


def call(*args: str, cwd: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    """`cli.main` in this process (so a test can patch a hook); returns (status, stderr)."""
    saved = Path.cwd()
    os.chdir(cwd)
    try:
        code = cli.main(list(args))
    finally:
        os.chdir(saved)
    return code, capsys.readouterr().err


def cleaned(text: str) -> str:
    article = cleaner.clean(text)
    assert article.status != "not_an_article" and article.confident
    return to_output(article.text)


def dirty_text(index: int = 1) -> str:
    """A seed page (raw scrape text, which cleaning changes), LF line endings."""
    text = seed_paths()[index].read_text(encoding="utf-8")
    assert cleaned(text) != text
    return text


def text_with_quotes() -> str:
    """A seed page that keeps several `’` in its cleaned body."""
    text = dirty_text(1)
    assert cleaned(text).count("’") >= 3
    return text


# --- 1. Stray bytes and declared charsets ------------------------------------------------------


def _with_stray_byte(text: str) -> tuple[bytes, int]:
    """UTF-8 `text` with its last `’` (in a body paragraph that cleaning keeps) as the cp1252 byte
    0x92; returns the bytes and how many `’` stay valid UTF-8."""
    data = text.encode("utf-8")
    quote = "’".encode()
    at = data.rindex(quote)
    return data[:at] + b"\x92" + data[at + len(quote) :], text.count("’") - 1


def test_decode_keeps_stray_bytes_of_a_utf8_file() -> None:
    data, _ = _with_stray_byte(text_with_quotes())
    text = decode(data)
    assert "\udc92" in text, "the stray byte is kept as a surrogateescape code point"
    assert "’" in text and "‚Äô" not in text, "valid UTF-8 is not re-decoded as another charset"
    assert text.encode("utf-8", "surrogateescape") == data


def test_stray_byte_file_keeps_every_byte_outside_removed_spans(tmp_path: Path) -> None:
    text = text_with_quotes()
    data, quotes = _with_stray_byte(text)
    path = tmp_path / "stray.txt"
    path.write_bytes(data)
    proc = run(path.name, cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    written = path.read_bytes()
    assert written.count(b"\x92") == 1, "the stray byte is written back as it was"
    assert b"\xe2\x80\x9a\xc3\x84\xc3\xb4" not in written  # "‚Äô": no Mac-Roman mojibake
    assert written.decode("utf-8", "surrogateescape").replace("\udc92", "’") == cleaned(text)
    assert written.count("’".encode()) == cleaned(text).count("’") - 1 <= quotes
    again = run(path.name, cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    assert path.read_bytes() == written


def test_stray_byte_that_cannot_be_placed_leaves_the_file_untouched() -> None:
    source = "one \udc92 two \ufffd three"
    with pytest.raises(cio.Refused, match="not UTF-8"):
        encode_like(source.encode("utf-8", "surrogateescape"), source, "one \ufffd two three\n")


def _page(paragraphs: list[str], head: str) -> str:
    body = "".join(f"<p>{html.escape(p)}</p>\n" for p in paragraphs)
    return (
        f"<!DOCTYPE html>\n<html><head>{head}<title>Title</title></head><body><article>\n{body}"
        "</article></body></html>\n"
    )


@pytest.mark.parametrize(
    "head",
    ['<meta charset="utf-8">', '<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">'],
)
def test_declared_utf8_charset_wins_over_guessing(head: str) -> None:
    page = _page(["Café owners’ strike closes the old town for a third day.", "More text."], head)
    data = page.encode("utf-8").replace(b"third", b"th\x92rd")  # one bad byte elsewhere
    text = decode(data)
    assert "Café owners’ strike" in text


def test_declared_legacy_charset_is_used() -> None:
    page = _page(["Ein Café in Köln schließt, sagte der Wirt am Montag."], '<meta charset="iso-8859-1">')
    assert decode(page.encode("cp1252")) == page
    assert cio.declared_charset(page.encode("cp1252")) == "cp1252"
    assert cio.declared_charset(b"plain text quoting <meta charset='koi8-r'>") is None


def test_html_to_text_keeps_a_declared_utf8_page_intact(tmp_path: Path) -> None:
    pytest.importorskip("cleaner.html")
    pytest.importorskip("trafilatura")
    text = cleaned(dirty_text(2))
    _, *paragraphs = text.rstrip("\n").split("\n\n")
    paragraphs[0] = "Café owners’ strike: " + paragraphs[0]
    data = _page(paragraphs, '<meta charset="utf-8">').encode("utf-8").replace(b"</article>", b"\x92</article>")
    (tmp_path / "page.html").write_bytes(data)
    proc = run("--html-to-text", "page.html", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    written = (tmp_path / "page.txt").read_text(encoding="utf-8")
    assert "Café owners’ strike" in written
    assert "Caf√©" not in written and "‚Äô" not in written
    assert (tmp_path / "page.html").read_bytes() == data


# --- 3. Edits made during a run ----------------------------------------------------------------


def _appending(path: Path, line: bytes) -> Callable[[Any], Any]:
    original = batch.clean_file

    def clean_then_edit(task: Any) -> Any:
        result = original(task)
        with path.open("ab") as f:  # the user saves the file while the run is cleaning it
            f.write(line)
        return result

    return clean_then_edit


def test_edit_after_reading_is_not_lost(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "a.txt"
    path.write_text(dirty_text(), encoding="utf-8")
    before = path.read_bytes()
    monkeypatch.setattr(batch, "clean_file", _appending(path, b"A line added during the run.\n"))
    code, err = call("a.txt", cwd=tmp_path, capsys=capsys)
    assert code == 2
    assert "changed while it was being cleaned" in err
    assert path.read_bytes() == before + b"A line added during the run.\n"


def test_edit_just_before_the_replace_is_not_lost(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "a.txt"
    path.write_text(dirty_text(), encoding="utf-8")
    before = path.read_bytes()

    def edit(real: Path) -> None:
        with real.open("ab") as f:
            f.write(b"Appended at the last moment.\n")

    monkeypatch.setattr(cio, "_before_replace", edit)
    code, err = call("a.txt", cwd=tmp_path, capsys=capsys)
    assert code == 2
    assert "changed while it was being cleaned" in err
    assert path.read_bytes() == before + b"Appended at the last moment.\n"
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"], "no temporary file is left behind"


# --- 4. Line endings and byte-order marks ------------------------------------------------------


def test_crlf_file_stays_crlf(tmp_path: Path) -> None:
    text = dirty_text()
    path = tmp_path / "crlf.txt"
    path.write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    assert run(path.name, cwd=tmp_path).returncode == 1
    written = path.read_bytes()
    assert written == cleaned(text).replace("\n", "\r\n").encode("utf-8")
    assert b"\n" not in written.replace(b"\r\n", b"")
    again = run("--check", path.name, cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    assert run(path.name, cwd=tmp_path).returncode == 0


def test_clean_crlf_file_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "clean.txt"
    path.write_bytes(cleaned(dirty_text()).replace("\n", "\r\n").encode("utf-8"))
    before = path.read_bytes()
    proc = run("--check", path.name, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert run(path.name, cwd=tmp_path).returncode == 0
    assert path.read_bytes() == before


@pytest.mark.parametrize("bom", [codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE])
def test_bom_is_kept_on_cleaned_files_as_on_clean_ones(tmp_path: Path, bom: bytes) -> None:
    codec = {codecs.BOM_UTF8: "utf-8", codecs.BOM_UTF16_LE: "utf-16-le", codecs.BOM_UTF16_BE: "utf-16-be"}[bom]
    text = dirty_text()
    dirty, clean = tmp_path / "dirty.txt", tmp_path / "clean.txt"
    dirty.write_bytes(bom + text.encode(codec))
    clean.write_bytes(bom + cleaned(text).encode(codec))
    proc = run("dirty.txt", "clean.txt", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    assert dirty.read_bytes() == bom + cleaned(text).encode(codec)
    assert clean.read_bytes() == bom + cleaned(text).encode(codec)
    assert run("dirty.txt", "clean.txt", cwd=tmp_path).returncode == 0


# --- 5. File identity: symlinks, owner, mode, read-only, hard links ----------------------------


@POSIX
def test_symlink_target_is_cleaned_and_the_link_kept(tmp_path: Path) -> None:
    real = tmp_path / "store" / "real.txt"
    real.parent.mkdir()
    real.write_text(dirty_text(), encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(Path("store") / "real.txt")
    proc = run("link.txt", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    assert link.is_symlink() and link.readlink() == Path("store") / "real.txt"
    assert real.read_text(encoding="utf-8") == cleaned(dirty_text())
    assert sorted(p.name for p in real.parent.iterdir()) == ["real.txt"]


@POSIX
def test_mode_owner_and_group_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(dirty_text(), encoding="utf-8")
    path.chmod(0o640)
    if os.geteuid() == 0:
        os.chown(path, 65534, 65534)  # root runs the hook: the file must stay nobody's
    else:
        groups = [g for g in os.getgroups() if g != os.getegid()]
        if groups:
            os.chown(path, -1, groups[0])
    before = path.stat()
    assert run("a.txt", cwd=tmp_path).returncode == 1
    after = path.stat()
    assert after.st_ino != before.st_ino, "written through a new file and os.replace"
    assert (after.st_uid, after.st_gid) == (before.st_uid, before.st_gid)
    assert stat.S_IMODE(after.st_mode) == 0o640


@POSIX
def test_read_only_file_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "ro.txt"
    path.write_text(dirty_text(), encoding="utf-8")
    path.chmod(0o444)
    before = path.read_bytes()
    proc = run("ro.txt", cwd=tmp_path)
    assert proc.returncode == 2
    assert b"read-only" in proc.stderr
    assert path.read_bytes() == before
    assert stat.S_IMODE(path.stat().st_mode) == 0o444
    assert run("--check", "ro.txt", cwd=tmp_path).returncode == 1, "--check still reports it"


@POSIX
def test_hard_linked_file_is_refused_and_links_stay_together(tmp_path: Path) -> None:
    one, two = tmp_path / "one.txt", tmp_path / "two.txt"
    one.write_text(dirty_text(), encoding="utf-8")
    os.link(one, two)
    before = one.read_bytes()
    proc = run("one.txt", cwd=tmp_path)
    assert proc.returncode == 2
    assert b"hard links" in proc.stderr
    assert one.read_bytes() == two.read_bytes() == before
    assert one.stat().st_ino == two.stat().st_ino


# --- 6. --html-to-text never overwrites a file it did not write --------------------------------


def _html_of(text: str) -> str:
    headline, *paragraphs = cleaned(text).rstrip("\n").split("\n\n")
    return _page(paragraphs, "<meta charset='utf-8'>").replace(
        "<title>Title</title>", f"<title>{html.escape(headline)}</title>"
    )


@pytest.fixture
def html_support() -> None:
    pytest.importorskip("cleaner.html")
    pytest.importorskip("trafilatura")


@pytest.mark.usefixtures("html_support")
def test_html_to_text_keeps_an_unrelated_txt(tmp_path: Path) -> None:
    (tmp_path / "notes.html").write_text(_html_of(dirty_text(0)), encoding="utf-8")
    notes = tmp_path / "notes.txt"
    notes.write_bytes(b"My own notes, not written by cleaner.\n")
    proc = run("--html-to-text", "notes.html", cwd=tmp_path)
    assert proc.returncode == 2
    assert b"did not write it" in proc.stderr
    assert notes.read_bytes() == b"My own notes, not written by cleaner.\n"


@pytest.mark.usefixtures("html_support")
def test_html_and_htm_mapping_to_one_txt_are_both_refused(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text(_html_of(dirty_text(0)), encoding="utf-8")
    (tmp_path / "a.htm").write_text(_html_of(dirty_text(2)), encoding="utf-8")
    proc = run("--html-to-text", ".", cwd=tmp_path)
    assert proc.returncode == 2
    assert b"would all be written to a.txt" in proc.stderr
    assert not (tmp_path / "a.txt").exists()


@POSIX
@pytest.mark.usefixtures("html_support")
def test_html_to_text_target_fifo_does_not_hang(tmp_path: Path) -> None:
    (tmp_path / "p.html").write_text(_html_of(dirty_text(0)), encoding="utf-8")
    os.mkfifo(tmp_path / "p.txt")
    proc = run("--html-to-text", "p.html", cwd=tmp_path, timeout=60)
    assert proc.returncode == 2
    assert b"FIFO" in proc.stderr
    assert stat.S_ISFIFO((tmp_path / "p.txt").lstat().st_mode)


@pytest.mark.usefixtures("html_support")
def test_html_to_text_written_once_then_unchanged(tmp_path: Path) -> None:
    (tmp_path / "p.html").write_text(_html_of(dirty_text(0)), encoding="utf-8")
    assert run("--html-to-text", "p.html", cwd=tmp_path).returncode == 1
    assert (tmp_path / "p.txt").exists()
    again = run("--html-to-text", "p.html", cwd=tmp_path)
    assert again.returncode == 0, again.stderr


# --- 7. --keep-removed with a non-UTF-8 file name ----------------------------------------------


@POSIX
@pytest.mark.skipif(sys.platform == "darwin", reason="macOS refuses non-UTF-8 file names")
def test_keep_removed_logs_a_non_utf8_name_before_rewriting(tmp_path: Path) -> None:
    name = b"caf\xe9 \xff.txt"
    path = Path(os.fsdecode(tmp_path)) / os.fsdecode(name)
    text = dirty_text()
    path.write_bytes(text.encode("utf-8"))
    proc = run("--keep-removed", "removed.jsonl", os.fsdecode(name), cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    assert path.read_text(encoding="utf-8") == cleaned(text)
    rows = [json.loads(line) for line in (tmp_path / "removed.jsonl").read_text(encoding="utf-8").splitlines()]
    assert rows and len(rows) == len(cleaner.clean(text).removed)
    for row in rows:
        assert os.fsencode(row["path"]) == name, "the exact bytes of the name can be recovered"
        assert text[row["start"] : row["end"]] == row["text"]
    assert b"caf\\udce9" in proc.stderr or b"caf\\xe9" in proc.stderr


def test_keep_removed_is_written_before_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "a.txt"
    text = dirty_text()
    path.write_text(text, encoding="utf-8")
    seen: list[int] = []

    def rewrite(target: Any, data: bytes, *, expect: os.stat_result, mark: bool = False) -> None:
        seen.append(len((tmp_path / "log.jsonl").read_text(encoding="utf-8").splitlines()))
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(cio, "rewrite_file", rewrite)
    code, err = call("--keep-removed", "log.jsonl", "a.txt", cwd=tmp_path, capsys=capsys)
    assert code == 2
    assert seen == [len(cleaner.clean(text).removed)]
    assert path.read_text(encoding="utf-8") == text
    assert "No space left on device" in err


# --- 8. FIFOs, devices and the size limit ------------------------------------------------------


@POSIX
def test_fifo_named_on_the_command_line_does_not_hang(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "a.txt").write_text(dirty_text(), encoding="utf-8")
    proc = run("pipe.txt", "a.txt", cwd=tmp_path, timeout=60)
    assert proc.returncode == 2
    assert b"pipe.txt: is a FIFO, not a regular file" in proc.stderr
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == cleaned(dirty_text()), "the other files are cleaned"


@POSIX
@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_dev_zero_is_not_read(tmp_path: Path) -> None:
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    for arg in ("/dev/zero", "zero.txt"):
        proc = run(arg, cwd=tmp_path, timeout=60)
        assert proc.returncode == 2
        assert b"is a character device, not a regular file" in proc.stderr


def test_size_limit_and_max_bytes(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(dirty_text(), encoding="utf-8")
    before = path.read_bytes()
    proc = run("--max-bytes", "1K", "a.txt", cwd=tmp_path)
    assert proc.returncode == 2
    assert b"over the limit of 1024" in proc.stderr and b"--max-bytes" in proc.stderr
    assert path.read_bytes() == before
    assert run("--max-bytes", str(len(before)), "a.txt", cwd=tmp_path).returncode == 1
    assert run("--max-bytes", "0", "a.txt", cwd=tmp_path).returncode == 2, "not a size: usage error"


def test_stdin_over_the_size_limit(tmp_path: Path) -> None:
    proc = run("--max-bytes", "100", "-", cwd=tmp_path, stdin=b"x " * 1000)
    assert proc.returncode == 2
    assert b"over the limit of 100 bytes" in proc.stderr
    assert proc.stdout == b""


def test_read_regular_stops_at_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 5000)
    with pytest.raises(cio.Refused, match="over the limit"):
        cio.read_regular(path, max_bytes=4096)
    assert cio.read_regular(path, max_bytes=5000)[0] == b"x" * 5000


@POSIX
def test_read_regular_refuses_a_fifo_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "f"
    os.mkfifo(fifo)
    done = threading.Event()
    errors: list[BaseException] = []

    def read() -> None:
        try:
            cio.read_regular(fifo)
        except BaseException as e:
            errors.append(e)
        done.set()

    threading.Thread(target=read, daemon=True).start()
    assert done.wait(10), "read_regular blocked on a FIFO"
    assert isinstance(errors[0], cio.Refused)


def test_stdin_output_keeps_crlf_bom_and_stray_bytes(tmp_path: Path) -> None:
    text = text_with_quotes()
    stray, _ = _with_stray_byte(text)
    data = codecs.BOM_UTF8 + stray.replace(b"\n", b"\r\n")
    proc = run("-", cwd=tmp_path, stdin=data)
    assert proc.returncode == 0, proc.stderr
    expected = cleaned(text).replace("\n", "\r\n")
    assert proc.stdout.startswith(codecs.BOM_UTF8)
    assert proc.stdout[3:].decode("utf-8", "surrogateescape").replace("\udc92", "’") == expected
    assert run("--check", "-", cwd=tmp_path, stdin=proc.stdout).returncode == 0


def test_docs_name_only_tests_that_exist() -> None:
    import re

    doc = (Path(__file__).resolve().parents[1] / "docs" / "safety.md").read_text(encoding="utf-8")
    section = doc.split("## What the command line guarantees about the files it touches", 1)[1].split("\n## ", 1)[0]
    named = set(re.findall(r"`(test_[a-z0-9_]+)`", section))
    assert named, "the section names its tests"
    assert named <= set(globals()), f"docs/safety.md names tests that do not exist: {named - set(globals())}"


def test_stray_byte_inside_a_removed_span_goes_with_it(tmp_path: Path) -> None:
    text = text_with_quotes()
    removal = next(r for r in cleaner.clean(text).removed if r.kind == "caption" and " " in r.text)
    at = removal.start + removal.text.index(" ")
    data = text[:at].encode("utf-8") + b"\x92" + text[at + 1 :].encode("utf-8")
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    assert run("a.txt", cwd=tmp_path).returncode == 1
    written = path.read_bytes()
    assert b"\x92" not in written
    assert written.decode("utf-8") == cleaned(text)


def _xattrs_supported(directory: Path) -> bool:
    probe = directory / ".xattr-probe"
    probe.write_bytes(b"")
    try:
        os.setxattr(probe, cio.WRITTEN_XATTR, b"x")  # type: ignore[attr-defined,unused-ignore]
    except (AttributeError, OSError):
        return False
    finally:
        probe.unlink()
    return True


@pytest.mark.usefixtures("html_support")
def test_html_to_text_replaces_only_its_own_unedited_txt(tmp_path: Path) -> None:
    if not _xattrs_supported(tmp_path):
        pytest.skip("no user extended attributes here: a written .txt is never replaced (the safe side)")
    page, txt = tmp_path / "p.html", tmp_path / "p.txt"
    page.write_text(_html_of(dirty_text(0)), encoding="utf-8")
    assert run("--html-to-text", "p.html", cwd=tmp_path).returncode == 1
    first = txt.read_bytes()
    page.write_text(_html_of(dirty_text(2)), encoding="utf-8")  # the page is updated
    proc = run("--html-to-text", "p.html", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    second = txt.read_bytes()
    assert second != first
    txt.write_bytes(second + b"A note the user added by hand.\n")  # edited: no longer cleaner's
    page.write_text(_html_of(dirty_text(0)), encoding="utf-8")
    proc = run("--html-to-text", "p.html", cwd=tmp_path)
    assert proc.returncode == 2
    assert b"edited since" in proc.stderr
    assert txt.read_bytes() == second + b"A note the user added by hand.\n"


@POSIX
def test_read_text_and_report_do_not_hang_on_a_fifo(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    with pytest.raises(cio.Refused, match="FIFO"):
        cio.read_text(tmp_path / "pipe.txt")
    (tmp_path / "a.txt").write_text(dirty_text(), encoding="utf-8")
    proc = run("report", "pipe.txt", "a.txt", "-o", "r.html", cwd=tmp_path, timeout=60)
    assert proc.returncode != 0
    assert b"FIFO" in proc.stderr


@POSIX
@pytest.mark.skipif(sys.platform == "darwin", reason="macOS refuses non-UTF-8 file names")
@pytest.mark.parametrize("flag", ["--format=json", "--diff", "--explain", "--check"])
def test_report_only_modes_survive_stray_bytes_and_names(tmp_path: Path, flag: str) -> None:
    data, _ = _with_stray_byte(text_with_quotes())
    name = os.fsdecode(b"stray \xe9.txt")
    (tmp_path / name).write_bytes(data)
    proc = run(flag, name, cwd=tmp_path)
    assert proc.returncode in (0, 1), proc.stderr
    assert b"Traceback" not in proc.stderr
    assert (tmp_path / name).read_bytes() == data
    if flag == "--format=json":
        assert json.loads(proc.stdout)["body"]


def test_worker_refuses_a_fifo_swapped_in_after_the_check(tmp_path: Path) -> None:
    """The worker reads through `read_regular` too: a FIFO put where a checked file was cannot hang it."""
    from cleaner import batch
    from cleaner.config import DEFAULT

    fifo = tmp_path / "swapped.txt"
    os.mkfifo(fifo)
    batch.init_worker(batch.Settings(DEFAULT, max_bytes=1024))
    result = batch.clean_file(batch.FileTask(str(fifo)))
    assert result.outcome == "skipped"
    assert "FIFO" in result.reason
