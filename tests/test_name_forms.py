"""What a copy writes for a name: one decision for the pipeline and the measurements (babelwire.translation.target_names.name_forms)."""

import json
import re

from cli_helpers import run_babelwire
from babelwire.translation.target_names.name_forms import CLDR, KEPT, MODEL, RENDERED, document_forms, written_form
from babelwire.translation.protection.policy import ProtectionPolicy


def forms(text: str, target: str, policy: ProtectionPolicy = ProtectionPolicy()) -> dict[str, tuple[str, str]]:
    return {typed.mention.span.text: (form.way, form.forms[0] if form.forms else "")
            for typed, form in document_forms(text, target, policy)}


def test_the_forms_of_a_document_are_those_of_the_names_the_policy_protects():
    # the measurements read these forms: "Hurricane Rosa" was one name there, Харрікейн Роза, while a copy protects
    # "Rosa" alone and leaves "Hurricane" to the model
    assert forms("Hurricane Rosa hit Arizona.", "uk")["Rosa"] == (RENDERED, "Роза")
    assert "Hurricane Rosa" in forms("Hurricane Rosa hit Arizona.", "uk", ProtectionPolicy.strict())


def test_a_ukrainian_copy_renders_people_and_untyped_names_and_keeps_organisations():
    written = forms("Steve Witkoff told Reuters that Rangers beat Melrose Corp in Ukraine.", "uk")
    assert written["Steve Witkoff"] == (RENDERED, "Стів Віткофф")
    assert written["Rangers"][0] == RENDERED  # a name no evidence types: written as references write clubs
    assert written["Reuters"] == (KEPT, "Reuters")
    assert written["Melrose Corp"] == (KEPT, "Melrose Corp")
    assert written["Ukraine"] == (CLDR, "Україна")


def test_a_family_name_alone_is_written_as_the_documents_full_name_writes_it():
    written = forms("Foreign Minister Wang Yi met Lucy Liu. Wang said she was welcome, Liu said thanks.", "uk")
    assert written["Wang Yi"] == (RENDERED, "Ван І")
    assert written["Wang"] == (RENDERED, "Ван")  # alone, nothing says Chinese: the pronouncing dictionary's Ванг
    assert written["Liu"] == (RENDERED, "Лью")  # a surname last in a name written given name first
    # Japanese by its full name: alone, English letter rules write Ішіба
    assert forms("Shigeru Ishiba spoke. Ishiba said no.", "uk")["Ishiba"] == (RENDERED, "Ісіба")
    # Korean, the given name's hyphen written as a space (Пак Кин Хє): alone, the pronouncing dictionary's Парк
    assert forms("Park Geun-hye spoke. Park said no.", "uk")["Park"] == (RENDERED, "Пак")
    from babelwire.translation.protection.protect import find_protection  # the pipeline's people: the same forms

    people = find_protection("Wang Yi arrived. Wang said nothing.", target="uk").rendered_people
    assert [person.rendering.text for person in people] == ["Ван І", "Ван"]


def test_a_taiwanese_family_name_alone_is_written_as_the_full_name_writes_it():
    written = forms("Opposition leader Hsiao Kuo-hua spoke in Taipei. Hsiao said he was calm.", "uk")
    assert written["Hsiao Kuo-hua"] == (RENDERED, "Сяо Гохуа")
    assert written["Hsiao"] == (RENDERED, "Сяо")  # alone, the English rules wrote Хсіау


def test_a_family_is_written_one_way_and_a_stated_nationality_holds_for_the_whole_story():
    # Yulia's given name tells nothing; her father's tells Russian: one family, one spelling (not Скріпаль)
    written = forms("Sergei Skripal and his daughter Yulia Skripal were poisoned. Yulia Skripal recovered.", "uk")
    assert written["Sergei Skripal"][1] == "Сергій Скрипаль"
    assert written["Yulia Skripal"][1] == "Юлія Скрипаль"
    # said once, the nationality reads the later mentions too (not Кевін Волланд, Волланд)
    text = "German striker Kevin Volland scored twice. Kevin Volland then left, and Volland was replaced."
    assert [form.forms[0] for _, form in document_forms(text, "uk")] == ["Кевін Фолланд"] * 2 + ["Фолланд"]
    # the stated origin's reading is final: not the Spanish Хесус the dictionary also knows
    assert forms("Brazilian Gabriel Jesus scored.", "uk")["Gabriel Jesus"][1].endswith(" Жезус")
    # a woman's form of a -ski surname is hers; an established full name keeps its own form
    written = forms("Frank Murkowski and his daughter Lisa Murkowski spoke. Daniel Ortega met Jose Ortega.", "uk")
    assert (written["Frank Murkowski"][1], written["Lisa Murkowski"][1]) == ("Френк Мурковський", "Ліза Мурковскі")
    assert (written["Daniel Ortega"][1], written["Jose Ortega"][1]) == ("Даніель Ортега", "Хосе Ортега")
    from babelwire.translation.protection.protect import find_protection  # the pipeline's people: the same forms

    people = find_protection(text, target="uk").rendered_people
    assert [person.rendering.text for person in people] == ["Кевін Фолланд"] * 2 + ["Фолланд"]


def test_a_monarch_pope_or_prince_named_after_the_title_takes_the_traditional_name_throughout_the_story():
    text = "Pope Francis met Francis Fukuyama and Queen Elizabeth. Francis smiled."
    written = [(typed.mention.span.text, form.forms[0]) for typed, form in document_forms(text, "uk")]
    assert written == [("Francis", "Франциск"), ("Francis Fukuyama", "Френсіс Фукуяма"), ("Elizabeth", "Єлизавета"),
                       ("Francis", "Франциск")]  # not Франсіс, Елізабет; Fukuyama's Francis is a private person's
    royals = [form.forms[0] for _, form in document_forms("Prince Harry met Princess Anne. Harry smiled.", "uk")]
    assert royals == ["Гаррі", "Анна", "Гаррі"]  # not Харрі, Енн


def test_a_monarch_or_pope_named_with_a_regnal_numeral_is_the_same_person_named_again_without_it():
    text = "Pope Leo XIV visited Lebanon. Leo met Joseph Aoun. Leo Varadkar did not."
    written = [(typed.mention.span.text, form.forms[0]) for typed, form in document_forms(text, "uk")]
    assert written == [("Leo XIV", "Лев XIV"), ("Lebanon", "Ліван"), ("Leo", "Лев"), ("Joseph Aoun", "Жозеф Аун"),
                       ("Leo Varadkar", "Лео Варадкар")]  # the pope alone was Лео, the rules' private person's


def test_a_person_named_after_a_place_is_transcribed_and_a_club_named_after_its_town_is_not():
    written = forms("Paris Hilton met Sydney Sweeney before Rapid Vienna played the Sydney Roosters.", "uk")
    assert written["Paris Hilton"] == (RENDERED, "Періс Хілтон")  # not the town's "Париж Хілтон"
    assert written["Sydney Sweeney"] == (RENDERED, "Сідні Свіні")
    assert written["Rapid Vienna"] == (RENDERED, "Рапід Відень")
    assert written["Sydney Roosters"][1].startswith("Сідней ")


def test_a_place_after_a_given_name_is_a_surname_and_a_given_name_is_known_with_its_accents():
    # "Luís" is the census's Luis: a person, whose Montenegro is no country (was Луїс Чорногорія)
    written = forms("Luís Montenegro said on Tuesday that talks would continue.", "uk")
    assert written["Luís Montenegro"] == (RENDERED, "Луїс Монтенегро")


def test_a_latin_script_target_keeps_every_name_and_a_desk_may_keep_people():
    assert forms("Steve Witkoff met Rangers fans.", "de")["Steve Witkoff"] == (KEPT, "Steve Witkoff")
    kept = ProtectionPolicy().with_names("keep")
    assert forms("Steve Witkoff met Rangers fans.", "uk", kept)["Steve Witkoff"] == (KEPT, "Steve Witkoff")


def test_a_place_left_to_the_model_is_checked_only_where_cldr_names_it():
    assert written_form("Ukraine", "place", False, "uk").way == CLDR
    assert written_form("Zzyzx Qwerty", "place", False, "uk").way == MODEL
    assert written_form("Zzyzx Qwerty", "organisation", True, "uk").way == KEPT


def test_a_demonym_or_holiday_a_policy_keeps_is_not_transcribed():
    from dataclasses import replace

    from babelwire.translation.protection.protect import find_protection

    places_kept = replace(ProtectionPolicy(), places=True)
    protection = find_protection("Ukrainian forces met Rangers fans at Ramadan.", places_kept, target="uk")
    assert [person.span.text for person in protection.rendered_people] == ["Rangers"]
    assert {"Ukrainian", "Ramadan"} <= {span.text for span in protection.spans}


def protected_uk(text: str) -> tuple[set[str], set[str]]:
    """What `babelwire protect --to uk` shows: (names kept verbatim, names rendered in Cyrillic)."""
    result = run_babelwire("protect", "--to", "uk", text)
    assert result.returncode == 0, result.stderr
    shown = json.loads(result.stdout)
    return {span["text"] for span in shown["spans"]}, {span["text"] for span in shown.get("rendered", [])}


def test_a_ukrainian_copy_keeps_a_brand_listed_with_brands_in_latin():
    kept, rendered = protected_uk("Kai-Fu Lee has worked for Google, Microsoft and Apple, and led Microsoft Research.")
    assert {"Apple", "Microsoft Research"} <= kept
    assert not {"Apple", "Microsoft Research"} & rendered


def test_a_dateline_place_no_list_knows_is_left_to_the_model_and_kept_by_a_strict_policy():
    from babelwire.translation.protection.protect import find_spans

    text = "BONN 1996-08-22 German officials met on Monday, the Bundesbank said."
    assert [span.text for span in find_spans(text)] == ["Bundesbank"]
    assert "BONN" in [span.text for span in find_spans(text, ProtectionPolicy.strict())]


def test_a_plural_acronym_is_a_common_noun_the_model_words_and_a_strict_policy_keeps():
    # transcribed, "MPs" and "TVs" came out as "Емпіс" and "Тівіс"; references write "депутати", "телевізори"
    text = "Several MPs bought TVs, Steve Witkoff said."
    written = forms(text, "uk")
    assert written["MPs"][0] == written["TVs"][0] == MODEL
    assert written["Steve Witkoff"][0] == RENDERED
    assert forms(text, "de", ProtectionPolicy.strict())["MPs"] == (KEPT, "MPs")


def test_a_ukrainian_copy_leaves_descriptions_and_natural_features_to_the_model():
    # transcribed, they came out as "Юніверсіті ав Мішіган" and "Лейк Тітікака", which no desk publishes
    kept, rendered = protected_uk("Tiffany Ng of the University of Michigan sailed Lake Titicaca and Silicon Valley, "
                                  "then taught at Carnegie Mellon University.")
    assert not {"University of Michigan", "Lake Titicaca", "Silicon Valley", "Carnegie Mellon University"} & (
        kept | rendered)
    assert "Tiffany Ng" in rendered


def test_a_ukrainian_copy_leaves_an_acronym_with_an_established_form_to_the_model_and_checks_that_form():
    from babelwire.translation.protection.protect import find_protection

    text = "The FBI briefed NATO and UEFA; CNN reported it."
    kept, rendered = protected_uk(text)
    assert "CNN" in kept and not {"FBI", "NATO", "UEFA"} & (kept | rendered)
    checked = {place.span.text: place.forms for place in find_protection(text, target="uk").translated_places}
    assert checked == {"FBI": ("ФБР",), "NATO": ("НАТО",), "UEFA": ("УЄФА",)}
    assert written_form("FBI", "organisation", False, "de").way == MODEL  # no German row: the model's own word


def test_an_acronym_british_style_writes_in_title_case_has_the_same_established_form():
    from babelwire.translation.protection.protect import find_protection

    text = "More people live with HIV and Aids, Nato and Unicef said."
    kept, rendered = protected_uk(text)
    assert not {"Aids", "Nato", "Unicef"} & (kept | rendered)  # "Aids" was transcribed Ейдс
    checked = {place.span.text: place.forms for place in find_protection(text, target="uk").translated_places}
    assert checked == {"Aids": ("СНІД",), "Nato": ("НАТО",), "Unicef": ("ЮНІСЕФ",)}


def test_armed_groups_are_left_to_the_model_with_the_forms_ukrainian_media_write_them_in():
    from babelwire.translation.protection.protect import find_protection

    text = "Hamas and Hezbollah fired rockets, the Taliban and al-Qaeda said so."
    kept, rendered = protected_uk(text)
    assert not kept | rendered  # not Хамас, Хезболла and Ал Кеда transcribed as people
    checked = {place.span.text: place.forms for place in find_protection(text, target="uk").translated_places}
    assert checked == {"Hamas": ("ХАМАС",), "Hezbollah": ("Хезболла",), "Taliban": ("Талібан",),
                       "al-Qaeda": ("Аль-Каїда",)}


def test_a_place_or_acronym_inside_an_untyped_name_takes_its_ukrainian_form_and_a_person_keeps_theirs():
    written = forms("Rangers host Rapid Vienna on Thursday, and Jordan Spieth watched.", "uk")
    assert written["Rapid Vienna"] == (RENDERED, "Рапід Відень")  # not "Рапід Вієнна"
    assert written["Jordan Spieth"] == (RENDERED, "Джордан Спіт")  # a person's "Jordan" is no "Йорданія"
    assert written_form("UEFA Europa Cup", "other", True, "uk").forms[0].startswith("УЄФА ")


def test_a_ukrainian_copy_writes_a_club_in_cyrillic_even_where_the_detector_took_it_for_an_organisation():
    kept, rendered = protected_uk("Sergio Aguero scored in Manchester City's 2-0 win. City manager Pep Guardiola "
                                  "praised him, and Rangers goalkeeper Allan McGregor watched.")
    assert {"Manchester City", "City", "Rangers"} <= rendered
    written = forms("Manchester City's 2-0 win pleased Tesco bosses.", "uk")
    assert written["Manchester City"] == (RENDERED, "Манчестер Сіті")


SPORTS = "Real Madrid beat Bayern Munich 2-1, while Manchester United drew with Celtic."


def test_a_ukrainian_copy_writes_clubs_in_their_established_forms_even_one_typed_an_organisation():
    written = forms(SPORTS, "uk")
    assert written["Manchester United"] == (RENDERED, "Манчестер Юнайтед")  # typed an organisation: was Latin
    assert written["Real Madrid"] == (RENDERED, "Реал Мадрид")
    assert written["Bayern Munich"] == (RENDERED, "Баварія")
    assert forms("Paris Saint-Germain won.", "uk")["Paris Saint-Germain"] == (RENDERED, "Парі Сен-Жермен")  # no Париж
    assert written_form("Manchester United", "organisation", True, "uk", render=False).way == KEPT  # names keep


def test_a_pseudo_copy_of_a_sports_sentence_writes_the_clubs_and_a_german_copy_keeps_them():
    def copy(target: str) -> str:
        result = run_babelwire("translate", SPORTS, "--to", target, "--engine", "pseudo", "--format", "json")
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout)["translations"][0]["text"]

    uk = copy("uk")
    for club in ("Реал Мадрид", "Баварія", "Манчестер Юнайтед", "Селтік"):
        assert club in uk
    assert not {"Real", "Madrid", "Bayern", "Manchester", "United", "Celtic"} & set(re.findall(r"\w+", uk))
    de = copy("de")
    for club in ("Real Madrid", "Bayern Munich", "Manchester United", "Celtic"):
        assert club in de


def test_an_acronym_in_a_name_is_written_in_cyrillic_capitals_and_a_cup_named_by_one_is_left_to_the_model():
    assert written_form("CSKA Moscow", "other", True, "uk").forms == ("ЦСКА Москва",)  # was "Цска Москва"
    assert written_form("LG", "other", True, "uk").forms == ("ЛГ",)  # was "Лг"
    assert written_form("REAL MADRID", "other", True, "uk").forms == ("Реал Мадрид",)  # a headline's capitals
    assert written_form("MLS Cup", "other", False, "uk").way == MODEL  # a competition: "Кубок MLS", not "Млс Кап"


def test_global_brands_keep_their_latin_names_and_russian_and_ukrainian_companies_are_left_to_the_model():
    from babelwire.translation.protection.protect import find_protection

    text = "Nissan, Pfizer and Infosys said so; Gazprom, Rosneft and Naftogaz did not."
    kept, rendered = protected_uk(text)
    assert kept == {"Nissan", "Pfizer", "Infosys"} and not rendered  # not Ніссан, Інфосіс
    checked = {place.span.text: place.forms for place in find_protection(text, target="uk").translated_places}
    assert checked == {"Gazprom": ("Газпром",), "Rosneft": ("Роснафта",), "Naftogaz": ("Нафтогаз",)}


def test_a_town_of_several_words_opening_a_club_s_name_takes_its_ukrainian_form():
    assert written_form("New York Jets", "other", True, "uk").forms == ("Нью-Йорк Джетс",)  # was "Нью Йорк Єц"
    assert not written_form("New Zealand Warriors", "other", True, "uk").forms[0].startswith("Нова Зеландія")
    assert written_form("Chicago White Sox", "other", True, "uk").forms == ("Чикаго Вайт Сокс",)  # was Чікаґо


def test_ukrainian_and_russian_news_agencies_are_left_to_the_model_with_their_cyrillic_names():
    from babelwire.translation.protection.protect import find_protection

    text = "UNN reported it, citing Ukrinform and TASS; Reuters and the BBC did too."
    kept, rendered = protected_uk(text)
    assert kept == {"Reuters", "BBC"} and not rendered  # a Ukrainian desk writes УНН, Укрінформ, ТАСС
    checked = {place.span.text: place.forms for place in find_protection(text, target="uk").translated_places}
    assert checked == {"UNN": ("УНН",), "Ukrinform": ("Укрінформ",), "TASS": ("ТАСС",)}


def test_a_club_s_first_word_alone_is_written_as_the_club_s_whole_name_writes_it():
    written = forms("Real Madrid beat Barcelona 2-1. Real lead the table.", "uk")
    assert written["Real"] == (RENDERED, "Реал")  # read alone, the English word: Ріл


def test_ukrainian_companies_the_press_writes_in_cyrillic_and_a_consortium_described_in_words_are_left_to_the_model():
    from babelwire.translation.protection.protect import find_protection

    text = "DTEK, Kyivstar and PrivatBank said the Caspian Pipeline Consortium terminal was hit."
    kept, rendered = protected_uk(text)
    assert not kept | rendered  # not "DTEK" kept, Кіівстар, Каспіан Пайплайн Консоршіум
    checked = {place.span.text: place.forms for place in find_protection(text, target="uk").translated_places}
    assert checked == {"DTEK": ("ДТЕК",), "Kyivstar": ("Київстар",), "PrivatBank": ("ПриватБанк",)}


def test_a_name_of_english_words_only_stays_as_written_in_a_ukrainian_copy():
    text = ("World Vision sent aid. She hosted Saturday Night Live, and the Mail on Sunday printed it at Le Golf "
            "National, with Apple chief executive Tim Cook. "
            "Guests included Will Smith and Taylor Swift, with the New York Jets.")
    kept, rendered = protected_uk(text)
    assert {"World Vision", "Saturday Night Live", "Mail on Sunday", "Le Golf National", "Apple"} <= kept  # not
    # Ворльд Віжін, Сатерді Найт Лайв, Ле Голф Нашінал, Аппл
    assert {"Will Smith", "Taylor Swift", "New York Jets"} <= rendered  # given names, and a club named after its town
    assert written_form("New York Jets", "other", True, "uk").forms == ("Нью-Йорк Джетс",)
    assert written_form("Blue Jays", "other", True, "uk").forms == ("Блу Джейс",)  # a team's plural: a club
    assert written_form("Wall Street", "other", True, "uk").forms == ("Волл-стріт",)  # a street: was kept in Latin


def test_a_name_with_a_brands_acronym_stays_as_written_but_a_clubs_abbreviation_is_rendered():
    kept, rendered = protected_uk("Change UK won no seats. Jonas Wind joined FC Nordsjaelland.")
    assert "Change UK" in kept  # a party's: never Чейндж ЮКЕЙ, the capitals read out as a word
    assert "FC Nordsjaelland" in rendered  # ФК, as clubs are written
    assert written_form("ITV Studios", "other", True, "uk").way == "kept"
    assert written_form("JOHN SMITHERS", "other", True, "uk").way == "rendered"  # a headline in capitals
    assert written_form("Louis XIV", "person", True, "uk").forms == ("Людовік XIV",)  # a numeral: no acronym
    assert written_form("AJ Styles", "other", True, "uk").way == "rendered"  # a person's initials, not a brand's


def test_a_name_with_english_function_words_inside_stays_as_written_and_a_conference_is_translated():
    text = "The Dow Chemical Co of the United States will invest in Tianjin. The Organisation of Islamic Conference met."
    kept, rendered = protected_uk(text)
    assert "Dow Chemical Co of the United States" in kept  # was Доу Кемікал Ко ав зе Юнайтед Стейтс
    assert "Organisation of Islamic Conference" not in kept | rendered  # left to the model: was Організейшін ав ...
    assert written_form("Anna de Souza", "other", True, "uk").way == "rendered"  # a particle is no English word


def test_british_parties_and_sides_are_left_to_the_model_and_a_portfolio_before_its_title_too():
    kept, rendered = protected_uk("Labour leader Jeremy Corbyn said Brexiteers and the Lib Dems erred. "
                                  "He met the shadow Brexit secretary, Keir Starmer.")
    assert rendered == {"Jeremy Corbyn", "Keir Starmer"} and not kept  # not Лейбор, Брексітірс, Ліб Демс, Брексіт


def test_an_irish_county_and_a_tournament_named_after_its_country_are_left_to_the_model():
    kept, rendered = protected_uk("Siobhan Kelly of Dungannon, County Tyrone, won the Irish Open; Derby County lost.")
    assert "Derby County" in rendered  # a club's name closes with "County"
    assert not {"County Tyrone", "Irish Open"} & (kept | rendered)  # not Каунті Тайроун, Айріш Опен


def test_a_panel_on_a_subject_is_an_institution_and_its_portfolio_before_a_title_no_name():
    kept, rendered = protected_uk("Climate activist Greta Thunberg addressed the Intergovernmental Panel on Climate "
                                  "Change in Geneva.")
    assert rendered == {"Greta Thunberg"} and not kept  # not Клаймат; the panel is left to the model


def test_scotland_yard_sinn_fein_and_downing_street_are_left_to_the_model():
    kept, rendered = protected_uk("Downing Street said Scotland Yard and Sinn Fein's Mary Lou McDonald agreed.")
    assert rendered == {"Mary Lou McDonald"} and not kept  # not Сцотланд Ярд, Сінн Фейн, Стріт


def test_a_ukrainian_copy_reads_a_name_by_the_nationality_the_copy_states_before_it():
    result = run_babelwire("protect", "--to", "uk",
                           "German striker Kevin Volland scored. Volland celebrated with Kevin Phillips.")
    assert result.returncode == 0, result.stderr
    written = [(span["text"], span["rendering"]) for span in json.loads(result.stdout)["rendered"]]
    # the German's name read as German, the surname alone as his; an Englishman's given name stays English
    assert written == [("Kevin Volland", "Кевін Фолланд"), ("Volland", "Фолланд"),
                       ("Kevin Phillips", "Кевін Філліпс")]
