"""The CTranslate2 backend: same tokens as MarianTokenizer, same greedy outputs as transformers, cached conversion."""

import json
import os
import random
import shutil
import threading
from pathlib import Path

import sys

import pytest
from tiny_models import SEED_ARTICLE, build_tiny_marian

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from _models import ForcedLengthEngine  # noqa: E402 - the benchmark's forced output lengths
from babelwire.translation.engines import ctranslate2 as ct2_engine  # noqa: E402
from babelwire.translation.engines.ctranslate2 import CTranslate2Engine, MarianVocab  # noqa: E402
from babelwire.translation.errors import ModelNotFoundError  # noqa: E402
from babelwire.translation.models.loading import checkpoint_digest  # noqa: E402
from babelwire.translation.models.registry import ModelRegistry  # noqa: E402

SENTENCES = [
    "Ukrainian President Volodymyr Zelenskyy held a two-hour conversation with members of the team.",
    "On Saturday, December 6, the U.S. envoy Steve Witkoff met Jared Kushner in Miami at 10 a.m.",
    "Prices rose 1.5% to $42.180.00, according to https://example.com and @unn_news #Ukraine.",
    "“We want an agreement that holds in winter,” she stated — «fair» and ‘lasting’.",
    "Leicestershire beat Somerset by an innings and 39 runs in two days.",
    "short",
    "  leading and   inner   spaces  ",
    "Tab\tand ünïcödé, 中文 and emoji 🙂 with ⟦1⟧ placeholders ⟦2⟧.",
    "A literal </s> and <unk> inside the text.",
    ">>ukr<< a sentence with a target token",
]


def _real_sentences() -> list[str]:
    lines = SEED_ARTICLE.read_text(encoding="utf-8").splitlines()
    return SENTENCES + [line for line in lines if line.strip()]


@pytest.fixture(scope="module")
def checkpoint(tmp_path_factory) -> Path:
    return build_tiny_marian(tmp_path_factory.mktemp("ct2") / "uk", target="uk", seed=3)


@pytest.fixture(scope="module")
def hf(checkpoint):
    from transformers import MarianMTModel, MarianTokenizer

    return MarianTokenizer.from_pretrained(checkpoint), MarianMTModel.from_pretrained(checkpoint).eval()


def _engine(checkpoint, **options) -> CTranslate2Engine:
    return CTranslate2Engine(ModelRegistry({"uk": str(checkpoint)}), threads=1, **options)


def _forced(checkpoint, output_length, **options) -> ForcedLengthEngine:
    return ForcedLengthEngine(ModelRegistry({"uk": str(checkpoint)}), output_length, threads=1, **options)


def test_token_ids_match_marian_tokenizer(checkpoint, hf):
    tokenizer, _ = hf
    vocab = MarianVocab(checkpoint)
    for sentence in _real_sentences():
        expected = tokenizer(sentence).input_ids
        assert [vocab.vocab[token] for token in vocab.encode(sentence)] == expected, sentence


def test_target_token_goes_first_as_marian_tokenizer_does(checkpoint, hf):
    tokenizer, _ = hf
    vocab = MarianVocab(checkpoint)
    expected = tokenizer(">>ukr<< Kyiv is the capital.").input_ids
    assert [vocab.vocab[token] for token in vocab.encode("Kyiv is the capital.", ">>ukr<<")] == expected


def test_decoding_matches_marian_tokenizer(checkpoint, hf):
    tokenizer, _ = hf
    vocab = MarianVocab(checkpoint)
    tokens = {index: token for token, index in vocab.vocab.items()}
    rng = random.Random(5)
    for _ in range(200):
        ids = [rng.randrange(len(tokens)) for _ in range(rng.randrange(0, 30))]
        expected = tokenizer.decode(ids, skip_special_tokens=True)
        assert vocab.decode([tokens[i] for i in ids]) == expected, ids


def test_greedy_outputs_equal_transformers_on_the_same_weights(checkpoint, hf):
    import torch

    tokenizer, model = hf
    length = 12
    engine = _forced(checkpoint, lambda _: length, beams=1, quantization="float32")
    sentences = _real_sentences()[:12]
    expected = []
    with torch.inference_mode():
        for sentence in sentences:
            inputs = tokenizer([sentence], return_tensors="pt")
            out = model.generate(
                **inputs, num_beams=1, do_sample=False, min_new_tokens=length, max_new_tokens=length,
                forced_eos_token_id=None,
            )
            expected.append(tokenizer.decode(out[0], skip_special_tokens=True))
    assert engine.translate(sentences, "uk") == expected


def test_two_translators_give_float32_greedy_outputs_equal_to_transformers(checkpoint, hf):
    import torch

    tokenizer, model = hf
    sentences = _real_sentences()[:12]
    with torch.inference_mode():
        inputs = [tokenizer([sentence], return_tensors="pt") for sentence in sentences]
        expected = [tokenizer.decode(model.generate(**i, num_beams=1, do_sample=False, min_new_tokens=10,
                                                    max_new_tokens=10, forced_eos_token_id=None)[0],
                                     skip_special_tokens=True) for i in inputs]
    engine = _forced(checkpoint, lambda _: 10, beams=1, quantization="float32", translators=2, max_batch_tokens=4096)
    assert engine.layout.translators == 2
    assert engine.translate(sentences, "uk") == expected


SPLITS = [{"translators": 1, "max_batch_tokens": 100_000}, {"translators": 2, "max_batch_tokens": 100_000},
          {"translators": 2, "max_batch_tokens": 160}, {"translators": 1, "max_batch_tokens": 1}]


@pytest.mark.parametrize("quantization", ["float32", "int8"])
def test_the_same_input_gives_the_same_greedy_output_whatever_the_batch_split(checkpoint, quantization):
    # The product's decoding (budgets and loop retry, no forced lengths): one translator with every sentence in as
    # few batches as fit, two translators taking halves, batches of a few sentences, one sentence a batch.
    sentences = _real_sentences()[:14]
    outputs = [_engine(checkpoint, beams=1, quantization=quantization, **split).translate(sentences, "uk")
               for split in SPLITS]
    assert all(output == outputs[0] for output in outputs[1:])
    assert all(text.strip() for text in outputs[0])


@pytest.mark.parametrize("quantization", ["float32", "int8"])
def test_the_same_input_gives_the_same_beam_output_whatever_the_batch_split(checkpoint, quantization):
    # Beam search's best hypothesis depends on how long it searched: random weights never end a sentence, so every
    # one runs to its batch's decode length, which the split changes. A real model ends its sentences (at </s>)
    # before any budget; here every sentence is given the same length, as a sentence that ends there would.
    sentences = _real_sentences()[:14]
    outputs = [_forced(checkpoint, lambda _: 12, beams=4, quantization=quantization, **split).translate(sentences, "uk")
               for split in SPLITS]
    assert all(output == outputs[0] for output in outputs[1:])
    assert all(text.strip() for text in outputs[0])


def test_two_translators_decode_two_batches_at_once(checkpoint, monkeypatch):
    engine = _engine(checkpoint, beams=1, translators=2, max_batch_tokens=100_000)
    both_started = threading.Barrier(2, timeout=60)  # broken (an error) if the second batch waits for the first
    decoded = engine._hypotheses
    calls = iter(range(1_000_000))

    def meeting(model, batch, **options):
        if next(calls) < 2:  # the first two batches meet; the rest (a third batch, loop retries) need not pair up
            both_started.wait()
        return decoded(model, batch, **options)

    engine.translate(["Warm up."], "uk")  # load alone: one sentence makes one batch
    monkeypatch.setattr(engine, "_hypotheses", meeting)
    sentences = _real_sentences()[:6]
    assert len(engine.translate(sentences, "uk")) == 6


@pytest.mark.parametrize(("cores", "device", "asked", "layout"), [
    (2, "cpu", (0, 0), (2, 1)), (1, "cpu", (0, 0), (1, 1)), (8, "cpu", (0, 0), (2, 4)), (3, "cpu", (0, 0), (2, 1)),
    (8, "cpu", (4, 0), (4, 2)), (8, "cpu", (0, 1), (2, 1)), (2, "cpu", (1, 0), (1, 2)), (8, "cuda", (0, 0), (1, 8)),
])
def test_thread_layout_is_chosen_from_the_core_count_unless_set(cores, device, asked, layout):
    translators, threads = asked
    chosen = ct2_engine.thread_layout(cores, device, translators, threads)
    assert (chosen.translators, chosen.threads) == layout


def test_translators_and_threads_reach_ctranslate2(checkpoint):
    engine = CTranslate2Engine(ModelRegistry({"uk": str(checkpoint)}), translators=2, threads=0)
    engine.load("uk")
    translator = engine._model("uk").translator
    cores = len(os.sched_getaffinity(0))
    assert (translator.num_translators, engine.layout.threads) == (2, max(1, cores // 2))


def test_outputs_keep_input_order_across_batches(checkpoint):
    engine = _forced(checkpoint, lambda _: 8, beams=2, max_batch_tokens=64)
    sentences = _real_sentences()[:9]
    one_by_one = [engine.translate([sentence], "uk")[0] for sentence in sentences]
    assert engine.translate(sentences, "uk") == one_by_one


def test_forced_greedy_lengths_are_per_sentence_as_if_each_ended_at_its_own_eos(checkpoint):
    # Benchmark mode: a sentence in a batch must decode exactly as long as it would alone, not as long as
    # the batch's longest sentence (which would charge padding to the batched backend's throughput).
    engine = _forced(checkpoint, lambda tokens: tokens, beams=1, max_batch_tokens=4096)
    sentences = sorted(_real_sentences()[:9], key=len)
    assert len(sentences[0].split()) < len(sentences[-1].split()) / 2
    one_by_one = [engine.translate([sentence], "uk")[0] for sentence in sentences]
    assert engine.translate(sentences, "uk") == one_by_one


def test_empty_batch_in_empty_batch_out_without_loading():
    def resolve(*_):
        raise AssertionError("nothing should be loaded")

    assert CTranslate2Engine(ModelRegistry(), resolve=resolve).translate([], "uk") == []


def test_conversion_is_cached_and_keyed_by_quantization(checkpoint, monkeypatch):
    first = _engine(checkpoint)
    info = first.load("uk")
    assert info.engine == "ctranslate2" and info.model_id == str(checkpoint) and len(info.revision) == 16
    converted = ct2_engine.converted_dir(checkpoint, "int8")
    assert (converted / "model.bin").is_file() and converted.name.endswith("-int8")

    def no_conversion(*_):
        raise AssertionError("reconverted a cached checkpoint")

    monkeypatch.setattr(ct2_engine, "_run_converter", no_conversion)
    second = _engine(checkpoint)
    assert second.translate(["Hello."], "uk") and second.model_info("uk") == info
    assert ct2_engine.converted_dir(checkpoint, "float32") != converted


def test_given_cache_dir_holds_the_conversion(checkpoint, tmp_path):
    engine = _engine(checkpoint, cache_dir=tmp_path / "ct2")
    engine.load("uk")
    assert [path.name.endswith("-int8") for path in (tmp_path / "ct2").iterdir()] == [True]


def test_token_counts_and_limits(checkpoint, hf):
    tokenizer, _ = hf
    engine = _engine(checkpoint)
    assert engine.count_tokens(SENTENCES[0], "uk") == len(tokenizer(SENTENCES[0]).input_ids)
    assert engine.max_input_tokens("uk") == 256  # half of 512 positions: the output needs room too


def test_missing_checkpoint_is_a_clear_error(tmp_path):
    engine = CTranslate2Engine(ModelRegistry({"uk": str(tmp_path)}))
    with pytest.raises(ModelNotFoundError, match="lacks config.json.*Marian checkpoint") as error:
        engine.translate(["Hello."], "uk")
    assert (error.value.fields["model"], error.value.fields["language"]) == (str(tmp_path), "uk")
    assert "config.json" in error.value.fields["missing"] and "source.spm" in error.value.fields["missing"]


def test_translation_does_not_import_torch(checkpoint):
    import subprocess
    import sys

    code = (
        "import sys; from pathlib import Path\n"
        "from babelwire.translation.engines.ctranslate2 import CTranslate2Engine\n"
        "from babelwire.translation.models.registry import ModelRegistry\n"
        f"e = CTranslate2Engine(ModelRegistry({{'uk': {str(checkpoint)!r}}}), threads=1)\n"
        "e.translate(['Hello world.'], 'uk')\n"
        "print('torch' in sys.modules, 'transformers' in sys.modules)\n"
    )
    root = Path(__file__).resolve().parent.parent
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=root, check=True)
    assert done.stdout.split() == ["False", "False"]


@pytest.fixture(scope="module")
def sharded(checkpoint, tmp_path_factory) -> Path:
    """The same weights as `checkpoint`, saved as a sharded checkpoint (an index and several shard files)."""
    import shutil

    from transformers import MarianMTModel

    out = tmp_path_factory.mktemp("sharded") / "uk"
    shutil.copytree(checkpoint, out, ignore=shutil.ignore_patterns("model.safetensors"))
    MarianMTModel.from_pretrained(checkpoint).save_pretrained(out, max_shard_size="20KB")
    assert (out / "model.safetensors.index.json").is_file() and len(list(out.glob("model-*.safetensors"))) > 1
    return out


def test_a_sharded_checkpoint_translates_as_its_single_file_twin(checkpoint, sharded, tmp_path):
    sentences = SENTENCES[:4]
    expected = _engine(checkpoint, beams=1).translate(sentences, "uk")
    assert _engine(sharded, beams=1, cache_dir=tmp_path).translate(sentences, "uk") == expected


def test_a_changed_shard_is_converted_again(sharded, tmp_path):
    copy = tmp_path / "uk"
    shutil.copytree(sharded, copy)
    before = ct2_engine.converted_dir(copy, "int8")
    shard = sorted(copy.glob("model-*.safetensors"))[-1]
    shard.write_bytes(shard.read_bytes()[:-1] + b"\0")
    assert ct2_engine.converted_dir(copy, "int8") != before


def test_a_sharded_checkpoint_missing_a_shard_names_it(sharded, tmp_path):
    copy = tmp_path / "uk"
    shutil.copytree(sharded, copy)
    shard = sorted(copy.glob("model-*.safetensors"))[-1]
    shard.unlink()
    with pytest.raises(ModelNotFoundError, match=shard.name):
        _engine(copy).translate(["Hello."], "uk")


def test_a_model_loaded_again_reads_only_its_weights_again(tiny_models, monkeypatch):
    built, digested, checked = [], [], []
    real_vocab, real_digest = ct2_engine.MarianVocab, ct2_engine.checkpoint_digest
    monkeypatch.setattr(ct2_engine, "MarianVocab", lambda checkpoint: built.append(checkpoint) or real_vocab(checkpoint))
    monkeypatch.setattr(ct2_engine, "checkpoint_digest",
                        lambda checkpoint: digested.append(checkpoint) or real_digest(checkpoint))
    engine = CTranslate2Engine(ModelRegistry({k: str(v) for k, v in tiny_models.items()}), threads=1, cache_size=1)
    real_check = engine._check_it_runs
    monkeypatch.setattr(engine, "_check_it_runs", lambda translator, tokens, converted: checked.append(converted)
                        or real_check(translator, tokens, converted))
    outputs = [engine.translate(["Kyiv is the capital."], language)[0] for language in ("uk", "de", "uk", "de")]
    assert outputs[0] == outputs[2] and outputs[1] == outputs[3]
    assert engine.loaded_languages() == ["de"]
    each_once = sorted(tiny_models[language] for language in ("uk", "de"))
    assert sorted(built) == each_once
    assert sorted(digested) == each_once  # the conversion's key, looked up at each model's first load only
    assert len(checked) == 2 and len(set(checked)) == 2  # the test translation ran at each model's first load only


def test_a_model_whose_conversion_went_is_converted_again_on_its_reload(tiny_models, tmp_path):
    engine = CTranslate2Engine(ModelRegistry({k: str(v) for k, v in tiny_models.items()}), threads=1, cache_size=1,
                               cache_dir=tmp_path)
    first = engine.translate(["Kyiv is the capital."], "uk")
    engine.translate(["Kyiv is the capital."], "de")
    shutil.rmtree(ct2_engine.converted_dir(tiny_models["uk"], "int8", tmp_path))
    assert engine.translate(["Kyiv is the capital."], "uk") == first


def test_a_checkpoint_retrained_in_place_leaves_nothing_of_its_old_revision_behind(tiny_models, tmp_path):
    checkpoint = shutil.copytree(tiny_models["uk"], tmp_path / "uk")
    engine = CTranslate2Engine(ModelRegistry({"uk": str(checkpoint), "de": str(tiny_models["de"])}), threads=1,
                               cache_size=1, cache_dir=tmp_path / "converted")
    for retrained in range(3):
        config = checkpoint / "tokenizer_config.json"
        config.write_text(json.dumps({**json.loads(config.read_text()), "retrained": retrained}))
        engine.translate(["Kyiv is the capital."], "uk")
        engine.translate(["Kyiv is the capital."], "de")  # the uk model leaves the cache: its next load rereads
    assert engine.model_info("uk").revision == checkpoint_digest(checkpoint)
    assert sorted(path for path, _ in engine._prepared) == sorted([checkpoint, tiny_models["de"]])


def test_batches_decoding_side_by_side_share_the_token_budget(checkpoint, monkeypatch):
    # max_batch_tokens bounds the memory of what decodes at once: two translators take half of it each.
    engine = _engine(checkpoint, beams=2, translators=2, max_batch_tokens=160)
    shapes = []
    decoded = engine._hypotheses
    monkeypatch.setattr(engine, "_hypotheses", lambda model, batch, **options: shapes.append(
        (len(batch), max(map(len, batch)))) or decoded(model, batch, **options))
    engine.translate(_real_sentences()[:14], "uk")
    assert len(shapes) > 2
    assert all(sentences == 1 or sentences * longest * 2 <= 80 for sentences, longest in shapes)
