"""`babelwire render --to uk`: names in, one a line; how a Ukrainian copy writes them out, one a line."""

import json

from cli_helpers import one_line_error, run_babelwire


def output_lines(result) -> list[str]:
    assert result.returncode == 0, result.stderr.decode()
    return result.stdout.decode().split("\n")[:-1]


def test_one_rendering_per_line_in_order_blank_lines_kept():
    names = "Volodymyr Zelenskyy\nAndriy Hnatov\n\nElizabeth Warren\n"
    assert output_lines(run_babelwire("render", "--to", "uk", stdin=names)) == [
        "Володимир Зеленський", "Андрій Гнатов", "", "Елізабет Воррен"]


def test_names_may_be_given_as_arguments():
    assert output_lines(run_babelwire("render", "--to", "uk", "Oksana Stefanyshyna")) == ["Оксана Стефанишина"]


def test_json_says_the_type_and_where_each_rendering_comes_from():
    result = run_babelwire("render", "--to", "uk", "--format", "json", stdin="Rustem Umerov\nAndriy Hnatov\n")
    records = [json.loads(line) for line in output_lines(result)]
    assert records == [
        {"name": "Rustem Umerov", "rendering": "Рустем Умєров", "type": "person", "source": "established"},
        {"name": "Andriy Hnatov", "rendering": "Андрій Гнатов", "type": "person", "source": "kmu2010"},
    ]


def test_an_organisation_keeps_its_latin_name():
    result = run_babelwire("render", "--to", "uk", "--type", "organisation", "--format", "json", "Sainsbury's")
    [record] = [json.loads(line) for line in output_lines(result)]
    assert (record["rendering"], record["source"]) == ("Sainsbury's", "kept")


def test_a_name_of_no_known_type_is_rendered_as_a_copy_writes_it():
    # a Ukrainian copy writes a club, a town or a thing the detector cannot type in Cyrillic; the dictionary's
    # place names settle its spelling where a person's name would take the rules' form
    result = run_babelwire("render", "--to", "uk", "--type", "other", "--format", "json", "Harlem")
    [record] = [json.loads(line) for line in output_lines(result)]
    assert (record["rendering"], record["source"]) == ("Гарлем", "attested")
    assert output_lines(run_babelwire("render", "--to", "uk", "Harlem")) == ["Харлем"]


def test_the_glossary_wins(tmp_path):
    glossary = tmp_path / "glossary.toml"
    glossary.write_text('keep = ["Bill Gates"]\n[render."Steve Witkoff"]\nuk = "Стів Уіткофф"\n', encoding="utf-8")
    result = run_babelwire("render", "--to", "uk", "--glossary", str(glossary),
                           stdin="Bill Gates\nSteve Witkoff\nEnvoy Steve Witkoff\n")
    assert output_lines(result) == ["Bill Gates", "Стів Уіткофф", "Стів Уіткофф"]  # after a title too


def test_a_name_that_cannot_be_rendered_is_kept_and_said_so():
    result = run_babelwire("render", "--to", "uk", stdin="R2D2 Unit\n")
    assert output_lines(result) == ["R2D2 Unit"]
    assert "R2D2 Unit" in result.stderr.decode() and "as written" in result.stderr.decode()


def test_a_latin_script_target_is_a_one_line_error():
    message = one_line_error(run_babelwire("render", "--to", "de", "Steve Witkoff"))
    assert "de" in message and "uk" in message


def test_empty_input_is_a_one_line_error():
    assert "no names" in one_line_error(run_babelwire("render", "--to", "uk", stdin=""))


def test_input_that_is_not_utf8_is_a_one_line_error():
    assert "UTF-8" in one_line_error(run_babelwire("render", "--to", "uk", stdin=b"Z\xffelenskyy\n"))


def test_clubs_are_written_in_the_forms_ukrainian_sports_media_use():
    clubs = "Real Madrid\nBayern Munich\nParis Saint-Germain\nAC Milan\nDynamo Kyiv\n"
    assert output_lines(run_babelwire("render", "--to", "uk", "--type", "other", stdin=clubs)) == [
        "Реал Мадрид", "Баварія", "Парі Сен-Жермен", "Мілан", "Динамо Київ"]
    result = run_babelwire("render", "--to", "uk", "--type", "organisation", "--format", "json",
                           stdin="Manchester United\nReuters\n")
    assert [(record["rendering"], record["source"]) for record in map(json.loads, output_lines(result))] == [
        ("Манчестер Юнайтед", "established"), ("Reuters", "kept")]  # a club taken for an organisation, a brand


def test_a_line_of_an_opener_alone_is_rendered_not_a_traceback():
    # "Saint-" left no word after the opener, and the Slavic check of a given name before a surname raised
    assert output_lines(run_babelwire("render", "--to", "uk", stdin="Saint-\nAlexander Ovechkin\n")) == [
        "Сент-", "Олександр Овечкін"]


def test_a_title_before_the_name_is_left_to_the_translation_as_a_copy_leaves_it():
    # the copy's detector cuts the title off the name and the model translates it with its sentence; rendered with
    # the name it read as a name of its own (Презідент Джо Байден, Прінс Харрі) and "Dr." kept the whole line in Latin
    lines = "President Joe Biden\nPrince Harry\nGen. Mark Milley\nSecretary of State Antony Blinken\nWill Smith\n" \
        "Lady Gaga\n"
    result = run_babelwire("render", "--to", "uk", "--format", "json", stdin=lines)
    records = [json.loads(line) for line in output_lines(result)]
    assert [(record["rendering"], record.get("title")) for record in records] == [
        ("Джо Байден", "President"), ("Гаррі", "Prince"), ("Марк Міллі", "Gen."),
        ("Ентоні Блінкен", "Secretary of State"), ("Вілл Сміт", None),  # a prince's form; Will is no title
        ("Леді Гага", None)]  # an established form of the whole line wins
    assert "'President' is a title" in result.stderr.decode()
    assert output_lines(run_babelwire("render", "--to", "uk", "Dr. John Smith")) == ["Джон Сміт"]
    # a line in capitals, as a headline writes it, is read as running text: its capitals confirm no name
    assert output_lines(run_babelwire("render", "--to", "uk", "PRESIDENT JOE BIDEN", "KING CHARLES III")) == [
        "Джо Байден", "Чарльз III"]  # were ПРЕЗІДЕНТ ДЖО БАЙДЕН, КІНГ ЧАРЛЬЗ III
