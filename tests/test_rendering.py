"""People's names rendered into a target script (translation.rendering): what a Ukrainian desk would publish."""

import pytest

from translation.rendering import Rendering, render_name, renders_names

SEED_PEOPLE = {
    "Volodymyr Zelenskyy": "Володимир Зеленський",
    "Steve Witkoff": "Стів Віткофф",
    "Jared Kushner": "Джаред Кушнер",
    "Oksana Stefanyshyna": "Оксана Стефанишина",
    "Rustem Umerov": "Рустем Умєров",
    "Andriy Hnatov": "Андрій Гнатов",
}


@pytest.mark.parametrize("name, expected", SEED_PEOPLE.items())
def test_the_seed_people_are_written_as_ukrainian_media_write_them(name, expected):
    assert render_name(name, "uk").text == expected


def test_a_name_romanised_from_ukrainian_is_rendered_back_by_the_standard():
    assert render_name("Andriy Hnatov", "uk") == Rendering("Андрій Гнатов", "kmu2010")
    assert render_name("Yuliia Kovalenko", "uk") == Rendering("Юлія Коваленко", "kmu2010")
    assert render_name("Oleksandr Kubrakov", "uk").text == "Олександр Кубраков"


def test_the_soft_sign_of_an_adjectival_surname_comes_back():
    assert render_name("Mykola Tochytskyi", "uk").text == "Микола Точицький"
    assert render_name("Iryna Vereshchuk", "uk").text == "Ірина Верещук"


def test_an_established_form_wins_over_the_rule_and_says_so():
    # the romanisation writes Умєров's є as "e": only the data file knows it
    assert render_name("Rustem Umerov", "uk") == Rendering("Рустем Умєров", "established")
    assert render_name("Vladimir Putin", "uk").text == "Володимир Путін"


def test_a_surname_alone_takes_the_form_it_has_in_the_full_name():
    assert render_name("Zelenskyy", "uk").text == "Зеленський"


def test_a_russian_given_name_takes_its_ukrainian_form():
    assert render_name("Sergei Ivanov", "uk").text == "Сергій Іванов"


def test_an_initial_keeps_its_point():
    assert render_name("J. Smith", "uk").text.startswith("Дж. ")


def test_latin_script_targets_and_organisations_are_not_rendered():
    assert not renders_names("de")
    assert render_name("Steve Witkoff", "de") is None
    assert render_name("Sainsbury's", "uk", kind="organisation") is None
    assert render_name("Kyiv", "uk", kind="place") is None


def test_a_regional_language_tag_uses_the_language_data():
    assert renders_names("uk-UA")
    assert render_name("Andriy Hnatov", "uk-UA").text == "Андрій Гнатов"


def test_a_word_with_a_letter_no_table_covers_has_no_rendering_rather_than_a_partial_one():
    assert render_name("Steve W1tkoff", "uk") is None
