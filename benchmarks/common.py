"""Timing helpers for the benchmarks: warm up, repeat, report the median on one core."""

from __future__ import annotations

import os
import platform
import statistics
import time
from collections.abc import Callable


def pin_to_one_core() -> None:
    """Run on one core where the OS allows it, as the issues' targets assume.

    The last core: on the machines here the first one also serves the system's interrupts,
    which made repeated runs vary by a factor of two.
    """
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {max(os.sched_getaffinity(0))})


def measure(fn: Callable[[], object], repeat: int = 20, warmup: int = 3) -> dict[str, float]:
    """Median, min and max wall time of ``fn`` in milliseconds after ``warmup`` calls."""
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return {"median_ms": statistics.median(times), "min_ms": min(times), "max_ms": max(times)}


def machine() -> str:
    """A one-line description of the machine the figures come from."""
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            cpu = next(line.split(":", 1)[1].strip() for line in handle if "model name" in line)
    except (OSError, StopIteration):
        pass
    return f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}"
