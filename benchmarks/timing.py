"""Timing helper shared by the benchmark modules."""

import time


def best_of(func, repeat=5, number=1):
    """Best wall time per call [s] over ``repeat`` rounds of ``number`` calls."""
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        for _ in range(number):
            func()
        best = min(best, (time.perf_counter() - t0) / number)
    return best
