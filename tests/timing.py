"""Time bounds that hold on a busy machine: compare sizes, not seconds, and measure so noise cancels out.

`assert_linear(function, make, small)` times `function(make(small))` and `function(make(4 * small))` in
alternation, several rounds, and keeps each size's fastest run: a neighbour that steals the CPU for a while
slows one run, rarely every run of one size. Linear code takes about 4x as long on 4x the input, quadratic
code 16x; the bound sits between (9x). A measurement above the bound is taken again, up to `attempts` times
in all: a quadratic algorithm exceeds it every time, a noisy machine only now and then.
"""

import gc
import time

FACTOR = 4
MAX_RATIO = 9.0  # linear is 4; quadratic 16
NOISE_FLOOR_S = 0.02  # below this the timer and the scheduler, not the algorithm, decide the ratio


def fastest_pair(function, small_input, large_input, rounds=3):
    """(fastest time on small_input, fastest on large_input), runs alternating between the two."""
    best_small = best_large = float("inf")
    for _ in range(rounds):
        best_small = min(best_small, _timed(function, small_input))
        best_large = min(best_large, _timed(function, large_input))
    return best_small, best_large


def assert_linear(function, make, small, *, max_us_per_char=None, attempts=3, rounds=3):
    """`function` on `make(FACTOR * small)` takes under MAX_RATIO times its time on `make(small)`.

    `max_us_per_char` also bounds the large run's time per character of input (a generous ceiling that
    catches linear but pathologically slow code; it is checked on the fastest run).
    """
    small_input, large_input = make(small), make(FACTOR * small)
    for _ in range(attempts):  # a busy neighbour can slow any one measurement: only every attempt failing counts
        small_s, large_s = fastest_pair(function, small_input, large_input, rounds)
        per_char_us = large_s / len(large_input) * 1e6
        within_ceiling = max_us_per_char is None or per_char_us < max_us_per_char
        if within_ceiling and (large_s <= NOISE_FLOOR_S or large_s / small_s < MAX_RATIO):
            break
    if max_us_per_char is not None:
        assert per_char_us < max_us_per_char, f"{per_char_us:.1f} µs per character, {attempts} measurements"
    if large_s > NOISE_FLOOR_S:
        assert large_s / small_s < MAX_RATIO, (
            f"x{FACTOR} input took x{large_s / small_s:.1f} time ({small_s:.3f} s -> {large_s:.3f} s), "
            f"{attempts} measurements")


def _timed(function, argument):
    """Wall time of one call with the cyclic garbage collector paused, as `timeit` does: a full collection that
    happens to fall into a run scans every object the test session holds, which is no cost of the algorithm."""
    gc.collect()
    gc.disable()
    try:
        started = time.perf_counter()
        function(argument)
        return time.perf_counter() - started
    finally:
        gc.enable()
