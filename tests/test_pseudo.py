"""The pseudo engine: a deterministic dry run that never damages placeholders."""

import re

from babelwire.translation.engines.pseudo import PseudoEngine
from babelwire.translation.round_trip.pipeline import Translator
from babelwire.worker.settings import Settings

ENGINE = PseudoEngine()


def test_output_is_accented_bracketed_and_about_thirty_percent_longer():
    source = "The parties discussed possible options for a peace agreement"
    [output] = ENGINE.translate([source], "uk")
    assert output.startswith("[") and output.endswith("]")
    assert not re.search(r"[A-Za-z]", output)  # every letter was accented
    assert 1.25 <= len(output) / len(source) <= 1.45


def test_same_input_same_output():
    assert ENGINE.translate(["Details of the talks."], "uk") == ENGINE.translate(["Details of the talks."], "de")


def test_placeholders_and_numbers_pass_through_untouched():
    [output] = ENGINE.translate(["Kyiv [1] said {2} and <3> on December 6, 2025."], "uk")
    for token in ("[1]", "{2}", "<3>", "6,", "2025."):
        assert token in output


def test_one_output_per_input_and_blank_stays_blank():
    assert ENGINE.translate([], "uk") == []
    assert ENGINE.translate(["", "Hi"], "uk")[0] == ""


def test_through_the_pipeline_quotes_and_names_survive():
    source = 'Steve Witkoff said "talks will continue" in Miami.'
    result = Translator(PseudoEngine()).translate(source, target="uk")
    assert '"talks will continue"' in result.text
    assert "Стів Віткофф" in result.text  # a Ukrainian copy writes people in Cyrillic
    assert "Steve Witkoff" in Translator(PseudoEngine()).translate(source, target="de").text
    assert result.model.engine == "pseudo"


def test_a_dry_run_translates_places_as_a_model_would_and_renders_the_people():
    """The pseudo letters decompose back to the source's, so the pipeline's check that a translated place came
    back accepts them: a dry run shows places as translated, as the desk policy does, not as lost and kept."""
    translation = Translator(PseudoEngine()).translate("Talks with the United States resumed, Zelenskyy said.", "uk")
    assert "United States" not in translation.text and "Ûñîţéď Šţàţéš" in translation.text
    assert "Зеленський" in translation.text


def test_a_dry_run_translates_acronyms_of_places_too():
    """"ÛŠ" is "US" come through: not a place the model lost, masked and left unaccented."""
    translation = Translator(PseudoEngine()).translate("The US, the UK, the U.S., the EU and the UN met.", "uk")
    assert [span.text for span in translation.spans] == []
    assert translation.text.startswith("[Ţĥé ÛŠ, ţĥé ÛĶ, ţĥé Û.Š., ţĥé ÉÛ àñď ţĥé ÛÑ ṁéţ.")


def test_pseudo_is_never_the_default_engine(monkeypatch):
    monkeypatch.delenv("BABELWIRE_ENGINE", raising=False)
    assert Settings().engine == "marian"
