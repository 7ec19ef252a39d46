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


def test_an_english_name_is_written_by_its_pronunciation_with_doubled_consonants_as_spelt():
    assert render_name("Bennett", "uk") == Rendering("Беннетт", "cmudict")
    assert render_name("Bill Gates", "uk").text == "Білл Гейтс"  # not "Білл Ворота", not "Гатес"


def test_an_unstressed_vowel_is_written_as_it_is_spelt():
    assert render_name("Elizabeth Warren", "uk") == Rendering("Елізабет Воррен", "cmudict")
    assert render_name("Brett Kavanaugh", "uk").text == "Бретт Кавано"


def test_a_syllabic_consonant_gets_no_vowel_and_a_final_ia_is_iia():
    assert render_name("Middleton", "uk").text == "Міддлтон"
    assert render_name("Olivia", "uk").text == "Олівія"


def test_a_mc_surname_keeps_its_prefix_whole():
    assert render_name("Mitch McConnell", "uk").text == "Мітч Макконнелл"


def test_a_spanish_name_is_read_by_spanish_spelling():
    assert render_name("Rodríguez", "uk") == Rendering("Родрігес", "spelling")


def test_a_name_ending_in_o_is_read_as_spelt_not_as_english():
    assert render_name("Mike Pompeo", "uk").text == "Майк Помпео"


def test_a_name_the_dictionary_does_not_know_is_spelt_and_says_so():
    assert render_name("Witkoffski Qwertz", "uk") is not None
    assert render_name("Blorvathy", "uk").source == "spelling"


def test_polish_and_german_spellings_are_read_by_their_own_letter_rules():
    assert render_name("Jarosław Kaczyński", "uk").text == "Ярослав Качинський"
    assert render_name("Martin Schulz", "uk").text == "Мартін Шульц"


def test_a_spanish_surname_does_not_change_an_english_given_name():
    assert render_name("Jennifer Lopez", "uk").text == "Дженніфер Лопес"


def test_italian_and_french_spellings_are_read_by_their_own_letter_rules():
    assert render_name("Giorgio Chiellini", "uk").text == "Джорджо Кʼєлліні"
    assert render_name("François Hollande", "uk").text == "Франсуа Олланд"


def test_an_english_word_is_not_taken_for_italian():
    assert render_name("Johnny English", "uk").text == "Джонні Інгліш"


def test_a_lower_case_particle_takes_its_ukrainian_form_a_capitalised_given_name_does_not():
    assert render_name("Bashar al-Assad", "uk").text.startswith("Башар аль-")
    assert render_name("Al Gore", "uk").text == "Ал Гор"
