"""Worker processes that stop with their parent.

Ctrl-C reaches every process of the terminal's group: workers ignore it and leave the stopping
to the parent, which cancels what is queued, so the consultant sees one "Afgebroken." and no
traceback per worker. When the parent dies without a chance to clean up (SIGKILL), Linux sends
each worker SIGTERM (``PR_SET_PDEATHSIG``), so no worker builds on for a parent that is gone.
"""

from __future__ import annotations

import contextlib
import gc
import signal
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import InvalidStateError, ProcessPoolExecutor
from multiprocessing import get_context
from typing import TypeVar

__all__ = ["parallel_map", "stop_on_sigterm"]

_In = TypeVar("_In")
_Out = TypeVar("_Out")

_PR_SET_PDEATHSIG = 1


def _worker_started() -> None:
    """In each worker: leave Ctrl-C to the parent; die with it; SIGTERM ends it at once."""
    # What the worker inherited (modules, schemas, compiled templates) lives as long as it
    # does: out of the collector's sight, so its collections only look at each dossier's data
    # (a tenth of a dossier's check went to rescanning them)
    gc.freeze()
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the parent's handler, inherited by fork
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)


def parallel_map(
    function: Callable[[_In], _Out], items: Iterable[_In], jobs: int, chunksize: int = 1
) -> Iterator[_Out]:
    """``map(function, items)`` on ``jobs`` forked worker processes, results in order.

    When the parent is interrupted (Ctrl-C, or SIGTERM under ``stop_on_sigterm``), queued work
    is cancelled and the workers are stopped before the interruption goes on up.
    """
    pool = ProcessPoolExecutor(
        max_workers=jobs, mp_context=get_context("fork"), initializer=_worker_started
    )
    try:
        yield from pool.map(function, items, chunksize=chunksize)
    except BaseException:
        _stop(pool)
        raise
    pool.shutdown(wait=True)


def _stop(pool: ProcessPoolExecutor) -> None:
    """Cancel what is queued, stop the workers and wait for the pool's own thread.

    That thread notices the stopped workers and marks every future as failed, including the
    ones just cancelled; CPython 3.11 then raises ``InvalidStateError`` in the thread and prints
    its traceback. The consultant asked to stop, so that one error is not shown.
    """
    processes = list((getattr(pool, "_processes", None) or {}).values())
    manager = getattr(pool, "_executor_manager_thread", None)  # shutdown forgets it
    pool.shutdown(wait=False, cancel_futures=True)
    hook = threading.excepthook

    def quiet(args: threading.ExceptHookArgs) -> None:
        if not issubclass(args.exc_type, InvalidStateError):
            hook(args)

    threading.excepthook = quiet
    try:
        for process in processes:
            process.terminate()
        for process in processes:
            process.join(timeout=5)
        if isinstance(manager, threading.Thread):
            manager.join(timeout=5)
    finally:
        threading.excepthook = hook


class Interrupted(KeyboardInterrupt):
    """SIGTERM, turned into the same clean stop as Ctrl-C."""


@contextlib.contextmanager
def stop_on_sigterm() -> Iterator[None]:
    """While inside: SIGTERM stops like Ctrl-C (workers stopped, temporary files removed)."""

    def interrupt(signum: int, frame: object) -> None:
        raise Interrupted

    try:
        previous = signal.signal(signal.SIGTERM, interrupt)
    except ValueError:  # not the main thread: leave the signal alone
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
