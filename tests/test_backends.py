"""Backend choices: BABELWIRE_QUANTIZATION, and `auto` falling back to transformers where CTranslate2 cannot run."""

import pytest
from cli_helpers import one_line_error, run_babelwire

from babelwire.translation.engines import ctranslate2 as ct2_engine
from babelwire.worker.engines import build_engine
from babelwire.worker.settings import Settings

SENTENCES = ["The parties discussed peace.", "Details", "Zelenskyy held a two-hour conversation."]


def test_transformers_int8_translates_with_int8_linear_layers(tiny_models):
    settings = Settings(backend="transformers", quantization="int8", device="cpu", beams=1,
                        models={"uk": str(tiny_models["uk"])})
    engine = build_engine(settings)
    outputs = engine.translate(SENTENCES, "uk")
    assert len(outputs) == len(SENTENCES) and all(outputs)
    model = engine._model("uk").model
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


def test_auto_falls_back_to_transformers_when_ctranslate2_loads_but_cannot_run(tiny_models, monkeypatch):
    # As on a CUDA 13 machine with CTranslate2's CUDA 12 build: the model loads, the first kernel fails.
    import ctranslate2

    class CannotRun(ctranslate2.Translator):
        def translate_batch(self, *args, **kwargs):
            raise RuntimeError("Library libcublas.so.12 is not found or cannot be loaded")

    monkeypatch.setattr(ctranslate2, "Translator", CannotRun)
    settings = Settings(backend="auto", device="cpu", beams=1, models={"uk": str(tiny_models["uk"])})
    engine = build_engine(settings)
    assert all(engine.translate(SENTENCES, "uk"))
    assert engine.model_info("uk").engine == "marian"
    assert "libcublas.so.12" in engine.fallen_back["uk"]


def test_ctranslate2_that_cannot_run_fails_its_load_with_what_to_do(tiny_models, monkeypatch):
    import ctranslate2

    from babelwire.translation.errors import ModelLoadError

    class CannotRun(ctranslate2.Translator):
        def translate_batch(self, *args, **kwargs):
            raise RuntimeError("Library libcublas.so.12 is not found or cannot be loaded")

    monkeypatch.setattr(ctranslate2, "Translator", CannotRun)
    engine = build_engine(Settings(backend="ctranslate2", device="cpu", models={"uk": str(tiny_models["uk"])}))
    with pytest.raises(ModelLoadError, match="libcublas.so.12.*use backend transformers"):
        engine.load("uk")


@pytest.mark.parametrize("backend", ["transformers", "ctranslate2"])
def test_placeholder_forms_are_those_the_models_vocabulary_spells(tiny_models, backend):
    from babelwire.translation.round_trip.mask import usable_forms

    engine = build_engine(Settings(backend=backend, models={"uk": str(tiny_models["uk"])}))
    assert engine.carries("members of the team", "uk")
    # The tiny vocabulary was trained on lines without brackets of any kind: it spells none of the forms, and
    # the masker falls back to square brackets (which the recovery chain then has to rescue).
    assert not any(engine.carries(text, "uk") for text in ("[1] and [23]", "(1) and (23)", "{1} and {23}"))
    assert [form.name for form in usable_forms(lambda text: engine.carries(text, "uk"))] == ["brackets"]


def test_a_ctranslate2_worker_never_imports_torch(tiny_models):
    # torch costs a worker ~200 MB; the ctranslate2 backend has no use for it, even with threads set.
    import subprocess
    import sys
    from pathlib import Path

    code = (
        "import sys\n"
        "from babelwire.worker.engines import build_engine\n"
        "from babelwire.worker.settings import Settings\n"
        f"engine = build_engine(Settings(backend='ctranslate2', device='cpu', threads=1, models={{'uk': {str(tiny_models['uk'])!r}}}))\n"
        "assert engine.translate(['Hello world.'], 'uk')\n"
        "print(type(engine).__name__, 'torch' in sys.modules)\n"
    )
    root = Path(__file__).resolve().parent.parent
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=root, check=True)
    assert done.stdout.split() == ["CTranslate2Engine", "False"]


def test_an_unknown_engine_or_backend_is_a_one_line_error_naming_the_registered_ones():
    from babelwire.worker.engines import BACKENDS, ENGINES
    from babelwire.worker.errors import UsageError

    line = one_line_error(run_babelwire("translate", "--to", "uk", "Hello.", env={"BABELWIRE_BACKEND": "tensorrt"}))
    assert "backend" in line and all(repr(name) in line for name in BACKENDS)
    result = run_babelwire("translate", "--to", "uk", "--engine", "nope", "Hello.")
    assert result.returncode == 2 and all(repr(name) in result.stderr.decode() for name in ENGINES)
    unchecked = Settings().model_copy(update={"engine": "nope"})  # model_copy does not validate
    with pytest.raises(UsageError, match="unknown engine 'nope': choose one of marian, pseudo$"):
        build_engine(unchecked)
