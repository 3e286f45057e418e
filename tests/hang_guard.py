"""Run a callable in a forked child process with a wall-clock limit: the hang detector of the safety tests.

A test that calls `run_guarded(fn, limit=20)` fails (instead of blocking the suite) when `fn` has
not returned within `limit` seconds; the child is killed. The limit is a hang detector, never a
performance assertion: correct code finishes orders of magnitude sooner.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import traceback
from collections.abc import Callable
from typing import Any

#: Seconds after which a call counts as hung.
HANG_LIMIT: float = float(os.environ.get("CLEANER_HANG_LIMIT", "20"))


class Hung(AssertionError):
    """The guarded call did not return within its limit."""


def _child(conn: Any, fn: Callable[..., Any], args: tuple[Any, ...]) -> None:
    try:
        conn.send(("ok", fn(*args)))
    except BaseException as exc:
        conn.send(("error", f"{type(exc).__name__}: {exc}\n{traceback.format_exc()}"))
    finally:
        conn.close()


def _context() -> Any:
    methods = mp.get_all_start_methods()
    return mp.get_context("fork" if "fork" in methods else "spawn")


def run_guarded(fn: Callable[..., Any], *args: Any, limit: float = HANG_LIMIT) -> Any:
    """`fn(*args)` in a child process; its (picklable) result, or `Hung` / `AssertionError`.

    `fn` builds its own large inputs inside the child so that nothing big is pickled.
    """
    ctx = _context()
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(child, fn, args), daemon=True)
    proc.start()
    child.close()
    try:
        if not parent.poll(limit):
            raise Hung(f"{getattr(fn, '__name__', fn)}{args!r} did not finish within {limit:.0f} s (hang detector)")
        try:
            status, value = parent.recv()
        except EOFError:
            proc.join(5)
            status, value = "error", f"the child process died (exit code {proc.exitcode})"
    finally:
        if proc.is_alive():
            proc.kill()
        proc.join(5)
        parent.close()
    if status != "ok":
        raise AssertionError(f"{getattr(fn, '__name__', fn)}{args!r} raised in the child:\n{value}")
    return value
