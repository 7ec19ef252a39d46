"""benchmarks/_models.py's ForcedLengthMarianEngine: the product's batching, each batch forced to its longest length."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from _models import ForcedLengthMarianEngine  # noqa: E402
from babelwire.translation.engines.batching import BatchLimits, length_batches  # noqa: E402
from babelwire.translation.engines.budget import DecodeBudget  # noqa: E402
from babelwire.translation.models.registry import ModelRegistry  # noqa: E402

SENTENCES = [
    "Ukrainian President Volodymyr Zelenskyy held a two-hour conversation with members of the team.",
    "Short.",
    "Leicestershire beat Somerset by an innings and 39 runs in two days.",
    "The parties discussed peace.",
    "On Saturday, December 6, the U.S. envoy Steve Witkoff met Jared Kushner in Miami at 10 a.m.",
]


def test_each_product_batch_decodes_exactly_its_longest_forced_length(tiny_models):
    def forced(tokens: int) -> int:
        return tokens + 3

    options = {"beams": 2, "max_batch_tokens": 60, "budget": DecodeBudget()}
    engine = ForcedLengthMarianEngine(ModelRegistry({"uk": str(tiny_models["uk"])}), forced, **options)
    calls = []
    generate = engine._generate

    def spy(loaded, batch, max_new_tokens, **kwargs):
        outputs = generate(loaded, batch, max_new_tokens, **kwargs)
        calls.append(([len(tokens) for tokens in batch], max_new_tokens, kwargs, {len(o) for o in outputs}))
        return outputs

    engine._generate = spy
    outputs = engine.translate(SENTENCES, "uk")

    lengths = {i: engine.count_tokens(s, "uk") for i, s in enumerate(SENTENCES)}
    limit = engine._output_limit(engine._model("uk"))
    expected = length_batches(lengths, BatchLimits(60, 64, 2), lambda a, b: DecodeBudget().can_share(a, b, limit))
    assert len(expected) > 1 and [sorted(c[0], reverse=True) for c in calls] == \
        [sorted((lengths[i] for i in b), reverse=True) for b in expected]  # the product's batches, in order
    for sources, new, kwargs, generated in calls:
        assert new == forced(max(sources)) and kwargs == {"min_new_tokens": new, "forced_eos_token_id": None}
        assert generated == {new + 1}  # the decoder's start token, then exactly the forced length
    assert len(outputs) == len(SENTENCES) and all(outputs)
