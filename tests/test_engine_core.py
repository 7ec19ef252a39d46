"""What both Marian backends share (translation/engines/core.py): batching, the model cache and model revisions."""

import json
import shutil

import pytest

from babelwire.translation.engines.batching import BatchLimits, length_batches
from babelwire.translation.engines.cache import LruCache
from babelwire.translation.models.loading import checkpoint_digest

LENGTHS = {index: length for index, length in enumerate([5, 30, 7, 12, 30, 2, 9, 9, 3])}


def _longest(batch: list[int]) -> int:
    return max(LENGTHS[i] for i in batch)


@pytest.mark.parametrize("beams", [1, 4])
def test_batches_hold_every_sentence_once_within_the_token_cap_times_beams(beams):
    limits = BatchLimits(max_tokens=80, max_sentences=64, beams=beams)
    batches = length_batches(LENGTHS, limits)
    assert sorted(i for batch in batches for i in batch) == sorted(LENGTHS)
    for batch in batches:
        assert len(batch) == 1 or _longest(batch) * len(batch) * beams <= 80
    assert len(batches) > len(length_batches(LENGTHS, BatchLimits(80, 64, 1))) or beams == 1


def test_batches_respect_the_sentence_cap_however_short_the_sentences():
    batches = length_batches(LENGTHS, BatchLimits(max_tokens=10_000, max_sentences=2))
    assert max(len(batch) for batch in batches) == 2 and len(batches) == 5


def test_batches_go_longest_first_and_hold_only_sentences_that_may_share():
    batches = length_batches(LENGTHS, BatchLimits(max_tokens=10_000), can_share=lambda longest, short: longest <= 2 * short)
    assert _longest(batches[0]) == max(LENGTHS.values())
    for batch in batches:
        assert _longest(batch) <= 2 * min(LENGTHS[i] for i in batch)


def test_a_sentence_over_the_token_cap_still_decodes_alone():
    assert length_batches({0: 500, 1: 3}, BatchLimits(max_tokens=64)) == [[0], [1]]


def test_empty_batch_in_empty_batch_out():
    assert length_batches({}, BatchLimits()) == []
    assert length_batches({}, BatchLimits(), at_least=2) == []


def _tokens(batch: list[int]) -> int:
    return sum(LENGTHS[i] for i in batch)


def test_batches_are_split_for_every_translator_longer_sentences_first_by_tokens_not_count():
    one = length_batches(LENGTHS, BatchLimits(max_tokens=10_000))
    two = length_batches(LENGTHS, BatchLimits(max_tokens=10_000), at_least=2)
    assert len(one) == 1 and len(two) == 2
    assert two[0] + two[1] == one[0]
    assert (len(two[0]), _tokens(two[0]), _tokens(two[1])) == (2, 60, 47)  # 30 + 30 against the seven others
    best_gap = min(abs(_tokens(one[0][:cut]) - _tokens(one[0][cut:])) for cut in range(1, len(one[0])))
    assert abs(_tokens(two[0]) - _tokens(two[1])) == best_gap
    assert length_batches({0: 4}, BatchLimits(), at_least=2) == [[0]]  # one sentence cannot be split
    assert len(length_batches(LENGTHS, BatchLimits(max_tokens=10_000), at_least=3)) == 3


def test_a_long_batch_beside_short_ones_is_split_so_that_no_translator_idles_while_another_decodes_it():
    # As the decode guard groups the benchmark's quick set: many long sentences, a few mid-length ones, one short.
    lengths = {i: 40 for i in range(20)} | {20 + i: 15 for i in range(10)} | {30: 4}
    may_share = lambda longest, short: longest <= 2 * short  # noqa: E731
    one = length_batches(lengths, BatchLimits(max_tokens=10_000), may_share)
    two = length_batches(lengths, BatchLimits(max_tokens=10_000), may_share, at_least=2)
    assert [len(batch) for batch in one] == [20, 10, 1]
    assert [len(batch) for batch in two] == [10, 10, 10, 1]  # 400 + 400 tokens, then 150 and 4 on the freed one
    assert [i for batch in two for i in batch] == [i for batch in one for i in batch]  # longest first, in order


def test_batches_already_balanced_between_the_translators_are_not_split():
    lengths = {i: 20 for i in range(10)} | {10 + i: 8 for i in range(25)}
    may_share = lambda longest, short: longest <= 2 * short  # noqa: E731
    assert length_batches(lengths, BatchLimits(max_tokens=10_000), may_share, at_least=2) == \
        length_batches(lengths, BatchLimits(max_tokens=10_000), may_share)  # 200 and 200 tokens


def test_cache_evicts_the_least_recently_used_and_says_so():
    loads, evictions = [], []
    cache = LruCache(2, on_evict=lambda: evictions.append(len(loads)))

    def loader(language):
        return lambda: loads.append(language) or language.upper()

    assert [cache.get(lang, loader(lang)) for lang in ("uk", "de", "uk", "fr", "uk")] == ["UK", "DE", "UK", "FR", "UK"]
    assert loads == ["uk", "de", "fr"] and cache.keys() == ["fr", "uk"]
    assert evictions == [2]  # once, before the third model loaded (de left: uk was used again)


def test_cache_makes_room_before_loading_so_memory_never_holds_one_model_too_many():
    loads, evictions, held = [], [], []  # held: how many models the cache held at each load
    cache = LruCache(1, on_evict=lambda: evictions.append(1))

    def loader(language):
        return lambda: held.append(len(loads) - len(evictions)) or loads.append(language) or language

    for language in ("uk", "de", "uk"):
        cache.get(language, loader(language))
    assert held == [0, 0, 0]


def test_cache_size_must_be_at_least_one():
    with pytest.raises(ValueError, match="at least 1"):
        LruCache(0)


def test_cache_keeps_what_is_put_until_it_is_taken_or_pushed_out():
    cache = LruCache(2)
    cache.put("a", 1)
    cache.put("b", 2)
    cache.put("a", 3)  # used again: "b" is now the least recently used
    cache.put("c", 4)
    assert cache.keys() == ["a", "c"]
    assert cache.pop("a") == 3 and cache.pop("a") is None and cache.keys() == ["c"]


def _transformers(paths: dict, **options):
    from babelwire.translation.engines.marian import MarianEngine

    return MarianEngine(_registry(paths), beams=1, **options)


def _ctranslate2(paths: dict, **options):
    from babelwire.translation.engines.ctranslate2 import CTranslate2Engine

    return CTranslate2Engine(_registry(paths), threads=1, beams=1, **options)


def _registry(paths: dict):
    from babelwire.translation.models.registry import ModelRegistry

    return ModelRegistry({language: str(path) for language, path in paths.items()})


@pytest.mark.parametrize("backend", [_transformers, _ctranslate2])
def test_both_backends_leave_blank_sentences_blank_and_refuse_what_they_would_truncate(backend, tiny_models):
    from babelwire.translation.errors import InvalidInputError

    engine = backend(tiny_models)
    outputs = engine.translate(["", "Kyiv is the capital.", "  "], "uk")
    assert outputs[0] == "" and outputs[2] == "  " and outputs[1].strip()
    limit = engine.max_input_tokens("uk")
    with pytest.raises(InvalidInputError, match=f"limit of {limit}"):
        engine.translate(["peace " * limit], "uk")


@pytest.mark.parametrize("backend", [_transformers, _ctranslate2])
def test_both_backends_keep_at_most_cache_size_models(backend, tiny_models):
    engine = backend(tiny_models, cache_size=1)
    engine.translate(["Hello."], "uk")
    engine.translate(["Hello."], "de")
    assert engine.loaded_languages() == ["de"]


@pytest.mark.parametrize("backend", [_transformers, _ctranslate2])
def test_a_sentence_measured_by_the_pipeline_is_tokenized_once(backend, tiny_models, monkeypatch):
    from babelwire.translation.round_trip.pipeline import Translator
    from babelwire.translation.protection.policy import ProtectionPolicy

    engine = backend(tiny_models)
    encoded = []
    real_encode = engine._encode
    monkeypatch.setattr(engine, "_encode", lambda model, sentence: encoded.append(sentence) or real_encode(model, sentence))
    text = "The river rose overnight. Crews worked late into the evening. The road is closed."
    translation = Translator(engine, ProtectionPolicy(names=False)).translate(text, "uk")
    assert translation.text.strip()
    assert len(encoded) == 3 and len(set(encoded)) == 3  # measured once each, and sent as measured


def test_both_backends_report_the_same_revision_of_a_local_checkpoint_without_loading_it(tiny_models, monkeypatch):
    engines = [_transformers(tiny_models), _ctranslate2(tiny_models)]
    for engine in engines:
        monkeypatch.setattr(engine, "_load", lambda *_: pytest.fail("loaded a model to say its revision"))
    infos = [engine.model_info("uk") for engine in engines]
    assert [info.engine for info in infos] == ["marian", "ctranslate2"]
    assert {info.revision for info in infos} == {checkpoint_digest(tiny_models["uk"])}


def test_a_checkpoint_retrained_in_place_reports_its_new_revision_from_its_next_load(tiny_models, tmp_path):
    """The revision keys the translation memory: files changed under the same path must not share it."""
    checkpoint = shutil.copytree(tiny_models["uk"], tmp_path / "uk")
    engine = _transformers({"uk": checkpoint, "de": tiny_models["de"]}, cache_size=1)
    engine.translate(["Hello."], "uk")
    before = engine.model_info("uk").revision
    config = checkpoint / "tokenizer_config.json"
    config.write_text(json.dumps({**json.loads(config.read_text()), "retrained": True}))
    engine.translate(["Hello."], "de")  # the uk model leaves the cache
    engine.translate(["Hello."], "uk")
    assert engine.model_info("uk").revision == checkpoint_digest(checkpoint) != before
