"""Whether a place came through a translation recognisably (babelwire.translation.protection.place_forms)."""

import pytest

from babelwire.translation.protection.place_forms import recognisable


@pytest.mark.parametrize("translated,name,forms", [
    ("Os ataques continuam na Ucrânia.", "Ukraine", ("Ucrânia",)),  # the target's name
    ("Атаки тривають в Україні.", "Ukraine", ("Україна",)),  # inflected: a stem less two letters
    ("Visitou Cingapura ontem.", "Singapore", ("Singapura",)),  # one letter differs
    ("Os EUA responderam.", "U.S.", ("Estados Unidos",)),  # an acronym by its target initials
    ("Os U.S. responderam.", "US", ("Estados Unidos",)),  # ... or by its own letters, dotted
    ("Переговори відбулися у Києві.", "Kyiv", ("Київ",)),  # Ukrainian's і/є alternation: Київ, у Києві
    ("Вибухи у Тернополі.", "Ternopil", ("Тернопіль",)),  # і/о: Тернопіль, у Тернополі
])
def test_a_place_in_a_recognisable_form_came_through(translated, name, forms):
    assert recognisable(translated, name, forms)


@pytest.mark.parametrize("translated,name,forms", [
    ("Os ataques continuam no país.", "Ukraine", ("Ucrânia",)),
    ("A ONU respondeu.", "US", ("Estados Unidos",)),
    ("Переговори відбулися у Кельні.", "Kyiv", ("Київ",)),
])
def test_a_place_the_model_lost_is_not_recognised(translated, name, forms):
    assert not recognisable(translated, name, forms)


def test_a_place_written_with_g_and_y_where_cldr_writes_ukrainian_g_and_i_is_recognised():
    # CLDR's Ukrainian city names write ґ and і (Чікаґо, Лаґос); the press writes Чикаго, "у Лагосі": a copy that
    # took the model's "Чикаго" for a lost place restored "Chicago" in Latin letters
    assert recognisable("Це сталося в Чикаго.", "Chicago", ("Чікаґо",))
    assert recognisable("Протести в Лагосі тривали.", "Lagos", ("Лаґос",))
    assert not recognisable("Протести в Лондоні тривали.", "Lagos", ("Лаґос",))
