"""BABELWIRE_QUANTIZATION: which weights each backend runs, chosen in settings (tiny real checkpoints)."""

import pytest
from cli_helpers import one_line_error, run_babelwire

from translation.engines import ctranslate2 as ct2_engine
from worker.build import build_engine
from worker.settings import Settings

SENTENCES = ["The parties discussed peace.", "Details", "Zelenskyy held a two-hour conversation."]


def test_transformers_int8_translates_with_int8_linear_layers(tiny_models):
    settings = Settings(backend="transformers", quantization="int8", device="cpu", beams=1,
                        models={"uk": str(tiny_models["uk"])})
    engine = build_engine(settings)
    outputs = engine.translate(SENTENCES, "uk")
    assert len(outputs) == len(SENTENCES) and all(outputs)
    model = engine._loaded("uk").model
    linear = {type(module).__module__ for name, module in model.named_modules() if name.endswith("fc1")}
    assert linear == {"torch.ao.nn.quantized.dynamic.modules.linear"}


def test_quantization_none_runs_ctranslate2_in_float32(tiny_models, tmp_path):
    checkpoint = tiny_models["de"]
    settings = Settings(backend="ctranslate2", quantization="none", device="cpu", beams=1,
                        models={"de": str(checkpoint)})
    assert all(build_engine(settings).translate(SENTENCES, "de"))
    assert (ct2_engine.converted_dir(checkpoint, "float32") / "model.bin").is_file()


@pytest.mark.parametrize("value", ["fp16", "8"])
def test_an_unknown_quantization_is_a_one_line_error(value):
    result = run_babelwire("translate", "--to", "uk", "--engine", "pseudo", "Hello.",
                           env={"BABELWIRE_QUANTIZATION": value})
    assert "quantization" in one_line_error(result)
