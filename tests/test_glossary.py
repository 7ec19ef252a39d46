"""Glossary files: do-not-translate terms and per-language renderings; malformed files say what is wrong."""

import json

import pytest

from babelwire.translation.errors import GlossaryError
from babelwire.translation.protection.glossary import Glossary

TOML = """
keep = ["Kyiv", "UNN"]

[render.Zelenskyy]
uk = "Зеленський"
de = "Selenskyj"
"""


def test_toml_and_json_glossaries_load_the_same(tmp_path):
    toml_file = tmp_path / "terms.toml"
    toml_file.write_text(TOML, encoding="utf-8")
    json_file = tmp_path / "terms.json"
    data = {"keep": ["Kyiv", "UNN"], "render": {"Zelenskyy": {"uk": "Зеленський", "de": "Selenskyj"}}}
    json_file.write_text(json.dumps(data))
    for glossary in (Glossary.load(toml_file), Glossary.load(json_file)):
        assert glossary.terms_for("uk") == {"Kyiv": None, "UNN": None, "Zelenskyy": "Зеленський"}
        assert glossary.terms_for("fr") == {"Kyiv": None, "UNN": None, "Zelenskyy": None}
        assert len(glossary) == 3


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("g.toml", "keep = [", "invalid TOML"),
        ("g.json", "{", "invalid JSON"),
        ("g.toml", "keep = 'Kyiv'", "'keep' must be a list"),
        ("g.toml", "keep = ['']", "non-empty string"),
        ("g.toml", "keep = [' Kyiv']", "whitespace"),
        ("g.toml", "terms = ['Kyiv']", "unknown key"),
        ("g.toml", "[render]\nKyiv = 'Київ'", "expected a table"),
        ("g.toml", "[render.Kyiv]\nUkrainian = 'Київ'", "not a language code"),
        ("g.toml", "[render.Kyiv]\n'u k' = 'Київ'", "not a language code"),
        ("g.toml", "[render.Kyiv]\npt-BR = 'Kiev'\npt-br = 'Quieve'", "given twice"),
        ("g.toml", "[render.Kyiv]\nuk = 3", "non-empty string"),
        ("g.json", "[1, 2]", "expected a table"),
        ("g.yaml", "keep: [Kyiv]", "*.toml or *.json"),
    ],
)
def test_malformed_glossary_names_the_file_and_the_problem(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(GlossaryError) as error:
        Glossary.load(path)
    assert str(path) in str(error.value) and message in str(error.value)
    assert "\n" not in str(error.value)


@pytest.mark.parametrize("name, content, line", [("g.toml", "keep = ['Kyiv']\nrender = \n", 2),
                                                 ("g.json", '{"keep":\n\n ]}', 3)])
def test_a_syntax_error_says_its_file_and_line_as_fields(tmp_path, name, content, line):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(GlossaryError) as error:
        Glossary.load(path)
    assert (error.value.fields["path"], error.value.fields["line"]) == (str(path), line)


def test_a_bad_entry_names_its_term_as_a_field(tmp_path):
    path = tmp_path / "g.toml"
    path.write_text("[render.Kyiv]\nUkrainian = 'Київ'", encoding="utf-8")
    with pytest.raises(GlossaryError) as error:
        Glossary.load(path)
    assert error.value.fields == {"path": str(path), "term": "Kyiv"}


def test_missing_and_non_utf8_files(tmp_path):
    with pytest.raises(GlossaryError, match="cannot read glossary"):
        Glossary.load(tmp_path / "absent.toml")
    bad = tmp_path / "bad.toml"
    bad.write_bytes(b"keep = ['\xff']")
    with pytest.raises(GlossaryError, match="not UTF-8"):
        Glossary.load(bad)


def test_regional_renderings_apply_to_the_target_as_the_cli_and_worker_name_it(tmp_path):
    path = tmp_path / "terms.toml"
    path.write_text('[render.Kyiv]\npt-BR = "Kiev"\nes-419 = "Kiev"\nsr-Latn-RS = "Kijev"\n', encoding="utf-8")
    glossary = Glossary.load(path)
    assert [glossary.terms_for(target)["Kyiv"] for target in ("pt-br", "es-419", "sr-latn-rs", "pt")] == \
        ["Kiev", "Kiev", "Kijev", None]


def test_a_byte_order_mark_is_not_part_of_the_glossary(tmp_path):
    path = tmp_path / "terms.toml"
    path.write_bytes(b"\xef\xbb\xbf" + TOML.encode("utf-8"))
    assert Glossary.load(path).terms_for("uk")["Zelenskyy"] == "Зеленський"
