"""Proper-name detection: what a reader of the protected output would notice."""

import time
from pathlib import Path

import pytest

from translation.names import find_names
from translation.spans import SpanKind

SEED = Path(__file__).resolve().parents[2] / "shared" / "examples" / "unn-2025-12-06.txt"


def names(text: str) -> list[str]:
    return [s.text for s in find_names(text)]


def test_empty_text_has_no_names():
    assert find_names("") == []
    assert find_names("   \n\n ") == []


def test_spans_are_names_with_offsets_into_the_text():
    text = "Yesterday Steve Witkoff met Jared Kushner in Miami."
    spans = find_names(text)
    assert all(s.kind is SpanKind.NAME and text[s.start : s.end] == s.text for s in spans)
    assert [s.text for s in spans] == ["Steve Witkoff", "Jared Kushner", "Miami"]


def test_possessive_stays_outside_the_span():
    assert names("He met members of Donald Trump's team.") == ["Donald Trump"]
    assert names("He met members of Donald Trump’s team.") == ["Donald Trump"]


def test_weekdays_months_and_demonyms_are_not_names():
    found = names("On Saturday, December 6, Ukrainian President Volodymyr Zelenskyy spoke.")
    assert found == ["Volodymyr Zelenskyy"] or found == ["President Volodymyr Zelenskyy"]


def test_long_adversarial_input_runs_in_linear_time():
    text = " ".join(["Word"] * 100_000) + "\n" + "A" * 200_000 + "\n" + "x. " * 50_000
    began = time.perf_counter()
    find_names(text)
    assert time.perf_counter() - began < 5.0
