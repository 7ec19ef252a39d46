"""Which model serves which language; overrides; multi-target tokens."""

import pytest

from babelwire.translation.errors import UnsupportedLanguageError
from babelwire.translation.models.registry import ModelRegistry


def test_ukrainian_and_german_have_dedicated_opus_mt_models():
    registry = ModelRegistry()
    assert registry.spec("uk").model == "Helsinki-NLP/opus-mt-en-uk"
    assert registry.spec("DE").model == "Helsinki-NLP/opus-mt-en-de"
    assert registry.spec("uk").target_token is None


def test_multi_target_languages_carry_their_target_token():
    spec = ModelRegistry().spec("pl")
    assert (spec.model, spec.target_token) == ("Helsinki-NLP/opus-mt-en-zlw", ">>pol<<")


def test_override_by_local_path_wins_over_the_known_model():
    spec = ModelRegistry({"uk": "/models/en-uk"}).spec("uk")
    assert (spec.model, spec.target_token, spec.overridden) == ("/models/en-uk", None, True)


def test_override_may_name_a_target_token():
    spec = ModelRegistry({"uk": "Helsinki-NLP/opus-mt-en-zle>>ukr<<"}).spec("uk")
    assert (spec.model, spec.target_token) == ("Helsinki-NLP/opus-mt-en-zle", ">>ukr<<")


def test_override_to_a_known_multi_target_model_keeps_its_token():
    assert ModelRegistry({"pl": "Helsinki-NLP/opus-mt-en-zlw"}).spec("pl").target_token == ">>pol<<"


def test_unknown_language_says_how_to_configure_a_model():
    with pytest.raises(UnsupportedLanguageError, match=r"--model xx=.*BABELWIRE_MODELS") as error:
        ModelRegistry().spec("xx")
    assert error.value.fields["language"] == "xx"


def test_garbage_is_not_taken_for_a_language():
    with pytest.raises(UnsupportedLanguageError, match="not a language code"):
        ModelRegistry().spec("u k!")


def test_languages_lists_known_and_configured_ones():
    languages = ModelRegistry({"xx": "/models/xx"}).languages()
    assert {"uk", "de", "pl", "xx"} <= set(languages)
    assert languages == sorted(languages)
