"""Numbers: the figure and its sign come back verbatim; unit and scale words, counts and dates are translated."""

import time

import pytest

from babelwire.translation.protection.patterns import find_numbers


def numbers(text: str) -> list[str]:
    return [span.text for span in find_numbers(text)]


@pytest.mark.parametrize(
    "phone",
    ["+380 44 123 4567", "(212) 555-0100", "212-555-0100", "+44 20 7946 0958", "+1 (212) 555-0100", "+380441234567"],
)
def test_phone_numbers_are_kept_whole(phone):
    assert numbers(f"Call {phone} for details.") == [phone]


def test_a_short_signed_number_is_not_a_phone():
    assert numbers("Shares rose +12 34 points.") == []


def test_amounts_keep_the_currency_sign_and_leave_the_scale_word_to_the_model():
    assert numbers("Aid of $2.5 million, €3bn, £40m and US$10-12 billion.") == ["$2.5", "€3", "£40", "US$10-12"]


def test_a_measure_keeps_its_figure_and_leaves_the_unit_word_to_the_model():
    text = "Drones flew 15 km, carried 5 kg, cost 5 000 hryvnias, 2.5 million dollars, rose 10 per cent."
    assert numbers(text) == ["15", "5", "5 000", "2.5", "10"]


def test_signs_stay_with_their_figure():
    text = "Inflation of 1.5%, a 10-12% rise, 20°C, -3 °C, 5 000 UAH and UAH 100."
    assert numbers(text) == ["1.5%", "10-12%", "20°C", "3 °C", "5 000 UAH", "UAH 100"]


def test_numbers_grouped_with_spaces_are_whole():
    assert numbers("Fines of 5 000 hryvnias, 5\u00a0000 hryvnias and 1 200 000 hryvnias.") == [
        "5 000", "5\u00a0000", "1 200 000"]


def test_bare_counts_scale_counts_and_dates_are_left_to_the_translation():
    text = "On Saturday, December 6, 2025, 1,200 people and 3 million voters met; LONDON 1996-08-30; it ended 2-1."
    assert numbers(text) == []


def test_spans_carry_the_rule_that_made_them():
    rules = {span.text: span.rule for span in find_numbers("Call +380 44 123 4567: $5 for 15 km, 2%.")}
    assert rules == {
        "+380 44 123 4567": "number: phone number",
        "$5": "number: amount with its currency sign",
        "15": "number: figure before a unit word (the unit is translated)",
        "2%": "number: figure with its sign (%, °, currency code)",
    }


@pytest.mark.parametrize(
    "text",
    ["1 " * 100_000, "1 111" + " 111" * 50_000, "+1 " * 50_000, "(" * 100_000, "1 - 1 - " * 30_000,
     "1 million " * 30_000, "+1 (1) " * 30_000, "5 000" * 30_000],
)
def test_adversarial_numbers_are_linear_time(text):
    began = time.perf_counter()
    find_numbers(text)
    assert time.perf_counter() - began < 3.0
