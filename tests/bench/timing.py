"""Timing for the benchmarks: the best of a few runs of one action.

The best rather than the mean, because a shared machine only ever adds time to a run;
the first run also warms SQLite's page cache and the operating system's file cache.
"""

from __future__ import annotations

import time
from collections.abc import Callable

RUNS = 3


def best(action: Callable[[], object], runs: int = RUNS) -> float:
    """The shortest of ``runs`` runs of ``action``, in seconds."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return min(times)
