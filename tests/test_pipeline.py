"""The document pipeline: segment -> protect -> engine -> verify -> restore, with adversarial engines."""

import re
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from shared_data import SEED_ARTICLE as SEED
from babelwire.translation.engines.base import Engine, ModelInfo
from babelwire.translation.errors import InvalidInputError, ModelNotFoundError
from babelwire.translation.protection.glossary import Glossary
from babelwire.translation.round_trip.pipeline import Translator
from babelwire.translation.protection.policy import ProtectionPolicy
from babelwire.translation.protection.spans import SpanKind

PLACEHOLDER = re.compile(r"[\[{<(]\d+[\]}>)]")
NO_NAMES = ProtectionPolicy(names=False)
KEEP_PEOPLE = ProtectionPolicy(render_people=False)  # people kept in Latin letters in a Ukrainian copy too


class FakeEngine(Engine):
    """Replaces every word outside placeholders by 'ж'; subclasses damage the placeholders."""

    def __init__(self, max_tokens: int = 512):
        self.calls: list[list[str]] = []
        self.max_tokens = max_tokens

    def translate(self, sentences, target):
        self.calls.append(list(sentences))
        return [self.damage(self.words(sentence)) for sentence in sentences]

    def words(self, sentence):
        return re.sub(r"\b[^\W\d_]+\b", "ж", sentence)

    def damage(self, output):
        return output

    def model_info(self, target):
        return ModelInfo("fake", "fake-" + target, "local")

    def max_input_tokens(self, target):
        return self.max_tokens

    def count_tokens(self, sentence, target):
        return len(sentence.split()) + 1


class Dropping(FakeEngine):
    def damage(self, output):
        return PLACEHOLDER.sub("", output)


class Duplicating(FakeEngine):
    def damage(self, output):
        return output + " " + " ".join(PLACEHOLDER.findall(output))


class Reordering(FakeEngine):
    def damage(self, output):
        return " ".join(reversed(output.split()))


class Lowercasing(FakeEngine):
    """Lower-cases everything and eats square brackets: "[1]" becomes a bare "1", "{1}" survives."""

    def damage(self, output):
        return output.lower().replace("[", "").replace("]", "")


class Respacing(FakeEngine):
    def damage(self, output):
        return re.sub(r"\[(\d+)\]", r"[ \1 ]", output)


class Empty(FakeEngine):
    def damage(self, output):
        return ""


class Gibberish(FakeEngine):
    def damage(self, output):
        return "qq zx [77] vv"


class Missing(FakeEngine):
    def translate(self, sentences, target):
        raise ModelNotFoundError(f"no model for {target}")


TEXT = (
    "Jane Doe said “we will win” on Monday.\n\n"
    "We will never give up.\n"
    "- she said.\n\n"
    "See https://example.com/x or mail press@example.com, costs $42.180.00 (1.5% more).\n"
)


def assert_every_span_kept(translation, source):
    """Each span text occurs in the translation exactly as often as the protected spans hold it."""
    shown = [s.text if s.replacement is None else s.replacement for s in translation.spans]
    for text in set(shown):
        assert translation.text.count(text) == sum(one.count(text) for one in shown), text


def sent_to_engine(report):
    outside = report.source
    for span in report.spans:
        outside = outside.replace(span.text, "")
    return bool(report.spans) and re.search(r"[^\W\d_]", outside) is not None


@pytest.mark.parametrize(
    "engine_type, fallback",
    [(FakeEngine, None), (Reordering, None), (Respacing, "tolerant"), (Lowercasing, "alternate-form"),
     (Dropping, "piecewise"), (Duplicating, "piecewise"), (Empty, "piecewise"), (Gibberish, "piecewise")],
)
def test_adversarial_engines_cannot_break_the_invariant(engine_type, fallback):
    translation = Translator(engine_type(), NO_NAMES).translate(TEXT, "uk", terms=["Jane Doe"])
    assert_every_span_kept(translation, TEXT)
    assert {report.fallback for report in translation.sentences if sent_to_engine(report)} == {fallback}
    assert all(report.restored == len(report.spans) for report in translation.sentences)


def test_layout_survives_exactly():
    source = "  First one. Second one.\n\nThird para\nline two.\r\n\n\n\tLast.  \n"
    translation = Translator(FakeEngine(), NO_NAMES).translate(source, "de")
    assert translation.text == "  ж ж. ж ж.\n\nж ж\nж ж.\r\n\n\n\tж.  \n"


def test_spans_carry_offsets_into_the_source_and_the_model_is_recorded():
    translation = Translator(FakeEngine(), NO_NAMES).translate(TEXT, "uk")
    assert all(TEXT[s.start : s.end] == s.text for s in translation.spans)
    assert {s.kind for s in translation.spans} >= {SpanKind.QUOTE, SpanKind.URL, SpanKind.EMAIL, SpanKind.NUMBER}
    assert translation.model == ModelInfo("fake", "fake-uk", "local") and translation.language == "uk"
    assert translation.fallbacks == 0


def test_all_texts_share_batches_sorted_by_length_and_sentences_of_only_spans_are_not_sent():
    engine = FakeEngine()
    results = Translator(engine, NO_NAMES, batch_size=64).translate_many(
        ["A headline here", "“Only a quote.”", "A body. It has two sentences, one long enough to sort last."], "uk")
    assert len(engine.calls) == 1
    assert engine.calls[0] == sorted(engine.calls[0], key=len)
    assert "“Only a quote.”" not in " ".join(engine.calls[0])
    assert results[1].text == "“Only a quote.”"


def test_documents_share_engine_calls_and_each_keeps_only_its_own_terms():
    engine = FakeEngine()
    first, second = Translator(engine, NO_NAMES).translate_documents(
        [(["Acme Widgets wins.", "Acme Widgets grows again."], ["Acme Widgets"]),
         (["Acme Widgets loses a court case."], [])], "uk")
    # One engine call for all sentences of both documents (the terms first shown as words: this engine
    # changes every word, so a second call masks them).
    assert engine.calls[0] == ["Acme Widgets wins.", "Acme Widgets grows again.", "Acme Widgets loses a court case."]
    assert engine.calls[1:] == [["[1] wins.", "[1] grows again."]]
    assert [t.text for t in first] == ["Acme Widgets ж.", "Acme Widgets ж ж."]
    assert second[0].text == "ж ж ж ж ж ж."  # the first document's term is not the second's


def test_repeated_sentences_are_translated_once():
    engine = FakeEngine()
    Translator(engine, NO_NAMES).translate("Same line.\nSame line.\nSame line.", "uk")
    assert engine.calls == [["Same line."]]


def test_empty_batch_in_empty_batch_out_without_touching_the_engine():
    engine = Missing()
    assert Translator(engine).translate_many([], "uk") == []


@pytest.mark.parametrize("bad", ["", "   ", "\n\t\n", None, 42])
def test_empty_whitespace_or_non_text_is_invalid_input(bad):
    with pytest.raises(InvalidInputError) as error:
        Translator(FakeEngine()).translate_many(["ok", bad], "uk")
    assert "text 2 of 2" in str(error.value)


def test_engine_errors_propagate_unchanged():
    with pytest.raises(ModelNotFoundError, match="no model for xx"):
        Translator(Missing(), NO_NAMES).translate("Hello there.", "xx")


def test_long_sentences_are_split_never_truncated():
    sentence = ", ".join(f"clause number {i} goes here" for i in range(60)) + "."
    engine = FakeEngine(max_tokens=20)
    translation = Translator(engine, NO_NAMES).translate(sentence, "uk")
    sent = [s for call in engine.calls for s in call]
    assert all(engine.count_tokens(s, "uk") <= 20 for s in sent)
    assert translation.text.count("ж") == sentence.count("clause") * 4
    assert [d for d in re.findall(r"\d+", translation.text)] == [str(i) for i in range(60)]


class Measuring(FakeEngine):
    def __init__(self, max_tokens: int = 512):
        super().__init__(max_tokens)
        self.measured: list[str] = []

    def count_tokens(self, sentence, target):
        self.measured.append(sentence)
        return super().count_tokens(sentence, target)


def test_each_stretch_is_measured_once_and_translated_as_it_was_measured():
    text = ("It rained on 3 May. The storm, which began at dawn, flooded 40 homes; the river rose by 2 metres, "
            "and 300 people left. Crews worked late.")
    engine = Measuring(max_tokens=12)
    # Masked spans only (no names or figures shown as words), so what is sent is exactly what was measured.
    Translator(engine, NO_NAMES, names_as_words_budget=0).translate(text, "uk")
    sent = [s for call in engine.calls for s in call]
    assert len(sent) > 3  # the long sentence was split
    assert len(engine.measured) == len(set(engine.measured))
    assert set(sent) <= set(engine.measured)


class LongNames(FakeEngine):
    """Refuses a sentence over its input limit, as the Marian backends do; a long name costs many tokens."""

    def count_tokens(self, sentence, target):
        return len(sentence) // 3 + 1

    def translate(self, sentences, target):
        for sentence in sentences:
            if self.count_tokens(sentence, target) > self.max_tokens:
                raise InvalidInputError(f"over the limit: {sentence}")
        return super().translate(sentences, target)


@pytest.mark.parametrize("limit", [20, 25, 30, 60])
def test_names_are_shown_as_words_only_where_they_fit_the_engines_limit(limit):
    names = ["Volodymyr Oleksandrovych Zelenskyy-Kovalenko", "Oleksandr Stanislavovych Syrskyi", "Rustem Umerov"]
    text = f"{names[0]} and {names[1]} met {names[2]} in Kyiv today."
    engine = LongNames(max_tokens=limit)
    translation = Translator(engine, KEEP_PEOPLE).translate(text, "uk")
    assert all(name in translation.text for name in names)
    assert translation.fallbacks == 0


def test_glossary_renders_per_language():
    glossary = Glossary.from_dict({"keep": ["Kyiv"], "render": {"Zelenskyy": {"uk": "Зеленський"}}})
    translator = Translator(FakeEngine(), NO_NAMES, glossary)
    assert translator.translate("Zelenskyy visited Kyiv.", "uk").text == "Зеленський ж Kyiv."
    assert translator.translate("Zelenskyy visited Kyiv.", "de").text == "Zelenskyy ж Kyiv."


def test_seed_article_keeps_every_quote_and_name_verbatim():
    source = SEED.read_text(encoding="utf-8")
    for engine in (FakeEngine(), Gibberish()):
        translation = Translator(engine).translate(source, "uk")
        assert_every_span_kept(translation, source)
        quotes = [s.text for s in translation.spans if s.kind == SpanKind.QUOTE]
        assert len(quotes) == 8 and all(q in translation.text for q in quotes)
        assert translation.text.count("\n") == source.count("\n")


def test_two_megabytes_complete_in_bounded_time_without_truncation():
    source = SEED.read_text(encoding="utf-8") * 800
    engine = FakeEngine()
    started = time.perf_counter()
    translation = Translator(engine, NO_NAMES, batch_size=256).translate(source, "uk")
    elapsed = time.perf_counter() - started
    assert elapsed < 60, elapsed
    assert translation.text.count("\n") == source.count("\n")
    assert translation.text.count("We want an agreement that holds") == 800
    assert len(translation.sentences) == 33 * 800


_PARTS = st.sampled_from(
    ["Officials said", " ", ". ", "\n", "\n\n", "“a quote here”", '"another one"', "https://ex.org/p", "a@b.org",
     "$1,250", "3.5%", "@handle", "#tag", "don't", "U.S.", "Mr.", "Kyiv", "- she said.", "(", ")", "'", "“"]
)


@settings(max_examples=100, deadline=None)
@given(st.lists(_PARTS, min_size=1, max_size=30).map("".join).filter(str.strip),
       st.sampled_from([FakeEngine, Dropping, Duplicating, Empty, Respacing, Lowercasing]))
def test_property_every_span_comes_back_as_often_as_in_the_source(source, engine_type):
    translation = Translator(engine_type(), NO_NAMES).translate(source, "uk", terms=["Kyiv"])
    for span in translation.spans:
        assert translation.text.count(span.text) >= sum(s.text == span.text for s in translation.spans)
    assert translation.text.count("\n") == source.count("\n")


def test_names_are_no_longer_shown_as_words_to_a_model_that_keeps_changing_them():
    engine = FakeEngine()  # turns every word, names included, into "ж"
    translator = Translator(engine, NO_NAMES)
    lines = [f"Acme Widgets{n} grows." for n in range(120)]
    translator.translate_many(lines, "uk", terms=[f"Acme Widgets{n}" for n in range(120)])
    engine.calls.clear()
    translator.translate("Acme Widgets grows again.", "uk", terms=["Acme Widgets"])
    assert engine.calls == [["[1] grows again."]]


def test_bare_figures_are_shown_to_the_model_as_they_are_and_amounts_stay_masked():
    engine = FakeEngine()  # keeps digits and signs, turns words into "ж"
    result = Translator(engine).translate("Prices rose 14% over 15 km while $2 billion went missing.", "uk")
    assert engine.calls == [["Prices rose 14% over 15 km while [1] billion went missing."]]
    assert result.text == "ж ж 14% ж 15 ж ж $2 ж ж ж." and result.sentences[0].form == "words"
