"""The decode-length guard of both Marian backends, on random tiny models (which loop readily).

Each sentence decodes within a budget that follows its own source length, batches hold sentences of similar
budgets, and an output that loops is translated again with n-gram blocking.
"""

from pathlib import Path

import pytest

from babelwire.translation.engines.budget import DecodeBudget
from babelwire.translation.engines.ctranslate2 import CTranslate2Engine
from babelwire.translation.engines.marian import MarianEngine
from babelwire.translation.models.registry import ModelRegistry
from babelwire.translation.round_trip.repetition import looks_looping

SHORT = ["Details", "Kyiv is the capital.", "The parties discussed peace.", "She stated it.",
         "Prices rose 1.5% on Monday.", "All rights reserved."]
LONG = ("Ukrainian President Volodymyr Zelenskyy spoke for ninety minutes with the envoys of the team, and the "
        "call covered a draft framework, the protection of power plants in winter, and an exchange of prisoners.")


def ctranslate2(path: Path, **options) -> CTranslate2Engine:
    return CTranslate2Engine(ModelRegistry({"uk": str(path)}), threads=1, beams=1, **options)


def transformers(path: Path, **options) -> MarianEngine:
    return MarianEngine(ModelRegistry({"uk": str(path)}), beams=1, **options)


BACKENDS = [ctranslate2, transformers]


class DecodeCalls:
    """Records, for each decoding call of an engine, the source lengths it held and the length cap it ran to."""

    def __init__(self):
        self.calls: list[tuple[list[int], int, bool]] = []  # (source token counts, cap, n-gram blocking)

    def attach(self, engine, monkeypatch) -> None:
        engine.model_info("uk")
        if isinstance(engine, CTranslate2Engine):
            loaded = engine._model("uk")
            object.__setattr__(loaded, "translator", _RecordingTranslator(loaded.translator, self))
        else:
            model = engine._model("uk").model
            generate = model.generate

            def recording(**options):
                lengths = [int(n) for n in options["attention_mask"].sum(dim=1)]
                self.calls.append((lengths, options["max_new_tokens"], "no_repeat_ngram_size" in options))
                return generate(**options)

            monkeypatch.setattr(model, "generate", recording)


class _RecordingTranslator:
    def __init__(self, translator, calls: DecodeCalls):
        self._translator, self._calls = translator, calls

    def translate_batch(self, batch, **options):
        self._calls.calls.append(([len(tokens) for tokens in batch], options["max_decoding_length"],
                                  "no_repeat_ngram_size" in options))
        return self._translator.translate_batch(batch, **options)


@pytest.mark.parametrize("backend", BACKENDS)
def test_looping_outputs_are_translated_again_until_they_do_not_loop(backend, tiny_models):
    # With a long sentence among them, as in the tests below: short ones alone may end early by chance.
    sources = [LONG, *SHORT]
    unguarded = backend(tiny_models["uk"], budget=None).translate(sources, "uk")
    assert any(looks_looping(source, output) for source, output in zip(sources, unguarded))  # the model loops

    engine = backend(tiny_models["uk"])
    guarded = engine.translate(sources, "uk")
    assert engine.loops_retried > 0
    assert not [output for source, output in zip(sources, guarded) if looks_looping(source, output)]


@pytest.mark.parametrize("backend", BACKENDS)
def test_each_batch_decodes_to_the_budget_of_its_own_sentences(backend, tiny_models, monkeypatch):
    engine, calls, budget = backend(tiny_models["uk"]), DecodeCalls(), DecodeBudget()
    calls.attach(engine, monkeypatch)
    engine.translate([LONG, *SHORT], "uk")
    first_passes = [(lengths, cap) for lengths, cap, blocking in calls.calls if not blocking]
    assert len(first_passes) >= 2  # the long sentence does not share a batch with the shortest ones
    for lengths, cap in first_passes:
        # transformers generates one token more than the budget: Marian checkpoints force </s> as the last one
        decoded = cap - 1 if backend is transformers else cap
        assert decoded == budget.tokens(max(lengths), 512) and decoded <= 2 * budget.tokens(min(lengths), 512)
    assert any(blocking for *_, blocking in calls.calls)  # the loops were translated again with blocking


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_sentence_translates_the_same_whatever_it_is_batched_with(backend, tiny_models):
    engine = backend(tiny_models["uk"])
    alone = [engine.translate([sentence], "uk")[0] for sentence in SHORT[:3]]
    assert engine.translate([LONG, *SHORT[:3]], "uk")[1:] == alone


def test_without_the_guard_ctranslate2_decodes_every_batch_to_the_position_limit(tiny_models, monkeypatch):
    # What the guard replaces: one looping sentence cost the whole batch 512 steps.
    engine, calls = ctranslate2(tiny_models["uk"], budget=None), DecodeCalls()
    calls.attach(engine, monkeypatch)
    engine.translate(SHORT, "uk")
    assert {cap for _, cap, _ in calls.calls} == {512}


@pytest.mark.parametrize("backend", BACKENDS)
def test_progress_counts_each_sentence_once_retries_included(backend, tiny_models):
    seen = []
    engine = backend(tiny_models["uk"], progress=seen.append, max_batch_tokens=64)
    engine.translate([LONG, *SHORT], "uk")
    assert engine.loops_retried > 0 and len(seen) > 1 and sum(seen) == len(SHORT) + 1
