"""Word lists and tables kept as data files: one reader, comments and blank lines skipped, two shapes."""

import pytest

from babelwire.translation.lexicon import wordlists

DATA = "# Source: a header that cites where the entries come from.\n\nKyiv\nNew York  # a phrase\n\n" \
       "U.S.\tUS\nAtlantis\t-\n"


@pytest.fixture
def package(tmp_path, monkeypatch):
    root = tmp_path / "listpkg"
    (root / "data").mkdir(parents=True)
    (root / "__init__.py").write_text("")
    (root / "data" / "sample.txt").write_text(DATA, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    yield "listpkg"
    wordlists.load.cache_clear()
    wordlists.load_table.cache_clear()


def test_a_list_is_lower_case_with_phrases_apart_from_words(package):
    words = wordlists.load(package, "sample")
    assert "kyiv" in words and "new" not in words and ("new", "york") in words.phrases
    assert "source:" not in words  # the header is a comment


def test_a_table_keeps_its_columns_as_written(package):
    assert wordlists.load_table(package, "sample") == (("Kyiv",), ("New York",), ("U.S.", "US"), ("Atlantis", "-"))


@pytest.mark.parametrize("package", ["babelwire.translation.lexicon", "babelwire.translation.target_names.declension"])
def test_every_data_file_says_where_it_comes_from_and_under_which_licence(package):
    from importlib import resources

    tables = [item for item in resources.files(package).joinpath("data").iterdir() if item.name.endswith(".txt")]
    assert len(tables) >= 3
    for table in tables:
        header = []
        for line in table.read_text(encoding="utf-8").splitlines():
            if not line.startswith("#"):
                break
            header.append(line.lower())
        assert any("source" in line for line in header) and any("licence" in line for line in header), table.name
