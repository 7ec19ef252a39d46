"""The Marian engine on tiny checkpoints loaded through the real from_pretrained path."""

import shutil
import time

import pytest

from tiny_models import build_tiny_marian  # tests/ is on sys.path under pytest
from babelwire.translation.engines.marian import MarianEngine
from babelwire.translation.errors import InvalidInputError, ModelNotFoundError, UnsupportedLanguageError
from babelwire.translation.models.loading import checkpoint_digest
from babelwire.translation.models.registry import ModelRegistry

SENTENCES = ["Zelenskyy held a two-hour conversation with ⟦1⟧.", "Details", "The parties discussed peace."]


def engine_for(paths: dict, **options) -> MarianEngine:
    return MarianEngine(ModelRegistry({lang: str(path) for lang, path in paths.items()}), beams=1, **options)


def test_translates_one_output_per_sentence_in_order(tiny_models):
    engine = engine_for(tiny_models)
    forward = engine.translate(SENTENCES, "uk")
    backward = engine.translate(SENTENCES[::-1], "uk")
    assert forward == backward[::-1]  # sorting by length for batching must not shuffle outputs
    assert len(set(forward)) == len(SENTENCES) and all(forward)


def test_model_info_names_the_local_checkpoint_and_the_digest_of_its_files(tiny_models):
    info = engine_for(tiny_models).model_info("uk")
    assert (info.engine, info.model_id) == ("marian", str(tiny_models["uk"]))
    assert info.revision == checkpoint_digest(tiny_models["uk"])


def test_empty_batch_returns_empty_without_loading(tmp_path):
    engine = engine_for({"uk": tmp_path / "no-such-model"})
    assert engine.translate([], "uk") == []
    assert engine.loaded_languages() == []


def test_blank_sentences_stay_blank(tiny_models):
    assert engine_for(tiny_models).translate(["", "  "], "uk") == ["", "  "]


def test_cache_keeps_at_most_cache_size_models(tiny_models):
    engine = engine_for(tiny_models, cache_size=1)
    engine.translate(["Details"], "uk")
    engine.translate(["Details"], "de")
    assert engine.loaded_languages() == ["de"]


def test_cache_evicts_the_least_recently_used(tiny_models, tmp_path_factory):
    third = build_tiny_marian(tmp_path_factory.mktemp("fr"), "fr", seed=3)
    engine = engine_for({**tiny_models, "fr": third}, cache_size=2)
    for language in ("uk", "de", "uk", "fr"):
        engine.translate(["Details"], language)
    assert engine.loaded_languages() == ["uk", "fr"]


def test_missing_hub_model_offline_fails_fast_naming_model_paths_and_remedy(tmp_path, monkeypatch):
    from huggingface_hub import constants

    monkeypatch.setattr(constants, "HF_HUB_CACHE", str(tmp_path / "hub"))
    started = time.monotonic()
    with pytest.raises(ModelNotFoundError) as error:
        MarianEngine(ModelRegistry()).translate(["Hello."], "uk")
    assert time.monotonic() - started < 5
    message = str(error.value)
    for expected in ("Helsinki-NLP/opus-mt-en-uk", str(tmp_path / "hub"), "babelwire models pull uk", "--model uk="):
        assert expected in message


def test_model_in_the_hub_cache_loads_with_its_revision(tiny_models, tmp_path, monkeypatch):
    from huggingface_hub import constants

    repo = tmp_path / "hub" / "models--Helsinki-NLP--opus-mt-en-de"
    shutil.copytree(tiny_models["de"], repo / "snapshots" / "0123abc")
    (repo / "refs").mkdir()
    (repo / "refs" / "main").write_text("0123abc")
    monkeypatch.setattr(constants, "HF_HUB_CACHE", str(tmp_path / "hub"))
    engine = MarianEngine(ModelRegistry(), beams=1)
    assert engine.model_info("de").revision == checkpoint_digest(repo / "snapshots" / "0123abc")
    assert len(engine.translate(["Details"], "de")) == 1


def test_nonexistent_local_path_is_named(tmp_path):
    with pytest.raises(ModelNotFoundError, match="does not exist"):
        engine_for({"uk": tmp_path / "nope"}).translate(["Hello."], "uk")


def test_directory_without_checkpoint_files_lists_what_is_missing(tmp_path):
    with pytest.raises(ModelNotFoundError, match="config.json"):
        engine_for({"uk": tmp_path}).translate(["Hello."], "uk")


def test_too_long_sentence_is_an_error_not_a_truncation(tiny_models):
    engine = engine_for(tiny_models)
    limit = engine.max_input_tokens("uk")
    long_sentence = "peace " * limit
    assert engine.count_tokens(long_sentence, "uk") > limit
    with pytest.raises(InvalidInputError, match=f"limit of {limit}"):
        engine.translate([long_sentence], "uk")


def test_progress_reports_every_sentence(tiny_models):
    seen = []
    engine = engine_for(tiny_models, max_batch_tokens=64, progress=seen.append)
    engine.translate(SENTENCES, "uk")
    assert sum(seen) == len(SENTENCES)


@pytest.fixture(scope="module")
def multi_target(tmp_path_factory):
    return build_tiny_marian(tmp_path_factory.mktemp("zle"), "zle", seed=4, target_tokens=(">>ukr<<", ">>bel<<"))


def test_multi_target_model_gets_its_target_token(multi_target, tiny_models):
    plain = engine_for({"uk": multi_target})  # no token named: the model has language tokens, uk is not one
    with pytest.raises(UnsupportedLanguageError, match=r">>bel<<, >>ukr<<"):
        plain.translate(["Hello."], "uk")
    tokened = MarianEngine(ModelRegistry({"uk": f"{multi_target}>>ukr<<"}), beams=1)
    single = engine_for(tiny_models)  # same SentencePiece model, no target token
    assert tokened.count_tokens("Details", "uk") == single.count_tokens("Details", "uk") + 1
    assert len(tokened.translate(["Details"], "uk")) == 1
