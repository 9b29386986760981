"""Timing for the growth tests: CPU time of this process, median of repeats, collector paused.

Growth tests compare the cost per character at n and 4n characters; they never assert an
absolute time, so they hold on a busy machine.
"""

from __future__ import annotations

import gc
import statistics
import time
from collections.abc import Callable


def cpu_seconds(run: Callable[[], object], repeats: int = 3, min_seconds: float = 0.05) -> float:
    """CPU seconds of one ``run()``: the median of ``repeats`` timings of this process's CPU time.

    The collector is paused while timing (a collection landing in one timing and not the other
    is noise, not growth), and each timing repeats ``run`` until it lasts ``min_seconds``.
    """
    timings = []
    for _ in range(repeats):
        gc.collect()
        gc.disable()
        try:
            runs = 0
            started = time.process_time()
            while True:
                run()
                runs += 1
                elapsed = time.process_time() - started
                if elapsed >= min_seconds:
                    break
        finally:
            gc.enable()
        timings.append(elapsed / runs)
    return statistics.median(timings)
