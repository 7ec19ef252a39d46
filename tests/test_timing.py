"""Issue 14 item 10: the linear-time check holds on a busy machine and still catches quadratic code.

The function under test sleeps in proportion to its input (so the timings are what the test says), and a
"busy neighbour" adds time to a run of consecutive calls, as another process taking the CPU for a while does.
"""

import time

import pytest
import timing

UNIT_S = 0.5e-6  # seconds per character of input: 12,500 characters take about 6 ms, 50,000 about 25 ms


class Busy:
    """Adds `extra_s` to the calls numbered in `busy_calls` (counted from 1)."""

    def __init__(self, cost, busy_calls, extra_s=0.2):
        self.cost, self.busy_calls, self.extra_s, self.calls = cost, set(busy_calls), extra_s, 0

    def __call__(self, text):
        self.calls += 1
        time.sleep(self.cost(len(text)) + (self.extra_s if self.calls in self.busy_calls else 0))


def linear(size):
    return size * UNIT_S


def quadratic(size):
    return size * size * UNIT_S / 12_500


def make(size):
    return "a" * size


def test_a_neighbour_busy_during_every_large_run_of_one_measurement_does_not_fail_linear_code():
    # Calls 2, 4 and 6 are the three large runs of the first measurement: all of them slowed.
    timing.assert_linear(Busy(linear, busy_calls=[2, 4, 6]), make, 12_500)


def test_a_neighbour_busy_for_three_consecutive_calls_does_not_fail_linear_code():
    # Runs all of one size in a row, and calls 4-6 would be every large run: the old check failed here.
    timing.assert_linear(Busy(linear, busy_calls=range(4, 7)), make, 12_500)


def test_quadratic_code_fails_every_measurement():
    with pytest.raises(AssertionError, match="3 measurements"):
        timing.assert_linear(Busy(quadratic, busy_calls=[]), make, 12_500)
