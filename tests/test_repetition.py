"""The loop detector: flags a translation that repeats itself back to back, not one whose source does."""

import time

import pytest

from babelwire.translation.round_trip.repetition import looks_looping

FINE = [
    ("The parties discussed possible options for a peace agreement.",
     "As partes discutiram possíveis opções para um acordo de paz."),
    ("He said the plan was very, very good.", "Ele disse que o plano era muito, muito bom."),
    ("Prices rose 1.5% to $42.180.00.", "Os preços subiram 1,5% para $42.180.00."),
    ("To the best: thanks to the best mob", "Para o melhor: obrigado ao melhor"),
    ("", ""),
]


@pytest.mark.parametrize("source, output", FINE)
def test_ordinary_translations_are_not_loops(source, output):
    assert not looks_looping(source, output)


@pytest.mark.parametrize("output", [
    "Não foi ordenada nem levada a ser levada a ser levada a ser ordenada por ninguém.",
    "O presidente disse disse disse disse que sim.",
    "Kyiv, Kyiv, Kyiv, Kyiv e mais.",
    "A reunião terminou terminou terminou terminou terminou terminou terminou",
    "Zelenskyyyyyyyyyyyyyy falou.",
    "ident De media territori territori territori territori fu",
])
def test_back_to_back_repeats_are_loops(output):
    assert looks_looping("The meeting was neither ordered nor carried out by anyone.", output)


def test_a_phrase_twice_is_a_stutter_not_a_loop():
    assert not looks_looping("Thanks for the best", "Obrigado para a melhor a melhor")
    assert looks_looping("Thanks for the best", "Obrigado para a melhor a melhor a melhor")


def test_repeats_the_source_has_are_allowed_only_as_often():
    source = "No, no, no, no! Ha ha ha ha."
    assert not looks_looping(source, "Não, não, não, não! Ha ha ha ha.")
    assert looks_looping(source, "Não, não, não, não, não, não, não, não, não, não! Ha ha ha ha.")
    assert not looks_looping("Wait!!!!!!!!!!!!", "Espere!!!!!!!!!!!!")


def test_case_does_not_hide_a_loop():
    assert looks_looping("It was taken.", "Levada a ser LEVADA A SER levada a Ser")


def test_time_grows_linearly_with_the_output():
    def seconds(words: int) -> float:
        text = " ".join(f"w{i % 997}" for i in range(words))
        started = time.perf_counter()
        looks_looping("source", text)
        return time.perf_counter() - started

    seconds(1000)  # warm up
    small, large = min(seconds(2_000) for _ in range(3)), min(seconds(20_000) for _ in range(3))
    assert large < 10 * small * 2.5  # ten times the text: about ten times the time, with a wide margin
