"""Wall time and peak memory of one job, measured in a fresh child process.

Each job runs in its own spawned interpreter, so its peak resident set is its own (a
forked child would start with the parent's pages, and ``RUSAGE_CHILDREN`` would report the
largest of all earlier children). The parent watches the child's resident set and stops it
past a cap, which is how the benchmark learns that pandas does not survive a scale.
"""

from __future__ import annotations

import importlib
import multiprocessing as mp
import resource
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

#: How often the parent samples the child's memory while it runs (seconds).
_POLL_S = 0.1


@dataclass(frozen=True)
class Measurement:
    wall_s: float  # the job itself, after the child's imports
    peak_bytes: int  # peak resident set of the child process, imports included
    result: Any = None
    exceeded_bytes: int | None = None  # set when the child was stopped past its memory cap

    @property
    def completed(self) -> bool:
        return self.exceeded_bytes is None


def _child(
    target: Callable[..., Any],
    kwargs: Mapping[str, Any],
    preload: Sequence[str],
    out: Connection,
) -> None:
    # Imports before the clock starts: the job is measured, not the interpreter warming up
    # (this environment sets PYTHONDONTWRITEBYTECODE, so every import compiles from source).
    for module in preload:
        importlib.import_module(module)
    start = time.perf_counter()
    result = target(**kwargs)
    wall = time.perf_counter() - start
    out.send((wall, peak_resident_bytes(), result))
    out.close()


def _status_bytes(pid: int | str, field: str) -> int:
    """A memory field of /proc/<pid>/status in bytes (0 when unavailable)."""
    try:
        with Path(f"/proc/{pid}/status").open(encoding="ascii") as status:
            for line in status:
                if line.startswith(f"{field}:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        return 0
    return 0


def resident_bytes(pid: int) -> int:
    """Current resident set of a process (0 once it is gone)."""
    return _status_bytes(pid, "VmRSS")


def peak_resident_bytes() -> int:
    """This process's peak resident set since it started its program.

    VmHWM, not ``ru_maxrss``: Linux carries ``ru_maxrss`` across exec, so a spawned child
    would report at least the resident set of the parent it was forked from.
    """
    return (
        _status_bytes("self", "VmHWM") or resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    )


def measure(
    target: Callable[..., Any],
    kwargs: Mapping[str, Any],
    *,
    preload: Sequence[str] = (),
    memory_cap_bytes: int | None = None,
) -> Measurement:
    """Run ``target(**kwargs)`` (a module-level function) in a spawned child and measure it.

    ``preload`` names modules the child imports before the clock starts.
    """
    ctx = mp.get_context("spawn")
    receive, send = ctx.Pipe(duplex=False)
    child = ctx.Process(target=_child, args=(target, dict(kwargs), tuple(preload), send))
    child.start()
    send.close()
    highest = 0
    try:
        while not receive.poll(_POLL_S):
            rss = resident_bytes(child.pid or 0)
            highest = max(highest, rss)
            if memory_cap_bytes is not None and rss > memory_cap_bytes:
                child.kill()
                return Measurement(wall_s=float("nan"), peak_bytes=highest, exceeded_bytes=rss)
        try:
            wall, peak, result = receive.recv()
        except EOFError as exc:  # the child died before sending (its traceback is on stderr)
            child.join()
            raise ChildProcessError(f"{target.__name__} failed (exit {child.exitcode})") from exc
    finally:
        child.join()
        receive.close()
    return Measurement(wall_s=wall, peak_bytes=max(peak, highest), result=result)
