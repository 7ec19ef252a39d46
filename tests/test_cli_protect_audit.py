"""`babelwire protect` names, for every span, the rule that produced it: a desk can audit each decision."""

import json

from cli_helpers import run_babelwire


def test_every_span_names_its_rule(tmp_path):
    glossary = tmp_path / "glossary.toml"
    glossary.write_text('keep = ["peace deal"]\n', encoding="utf-8")
    source = 'KYIV, Dec 6 (Reuters) - Oksana Stefanyshyna said "talks go on" about the peace deal; call +380 44 123 4567.'
    # strict: the desk policy translates the dateline's place (KYIV), so it would not be listed at all
    result = run_babelwire("protect", "--policy", "strict", "--glossary", str(glossary), "--input", "-", stdin=source)
    assert result.returncode == 0, result.stderr.decode()
    spans = json.loads(result.stdout.decode())["spans"]
    rules = {span["text"]: span["rule"] for span in spans}
    assert rules["KYIV"] == "name: dateline"
    assert rules['"talks go on"'] == "quote: inline"
    assert rules["peace deal"].startswith("term:")
    assert rules["+380 44 123 4567"] == "number: phone number"
    assert rules["Oksana Stefanyshyna"].startswith("name: ")


def test_every_span_of_an_html_body_names_its_rule_too(tmp_path):
    body = tmp_path / "body.html"
    body.write_text('<p>Oksana Stefanyshyna said <q>talks go on</q>; she said "we wait" in <b>Geneva</b>.</p>',
                    encoding="utf-8")
    result = run_babelwire("protect", "--policy", "strict", "--input", str(body))
    assert result.returncode == 0, result.stderr.decode()
    rules = {span["text"]: span["rule"] for span in json.loads(result.stdout.decode())["spans"]}
    assert rules["<q>talks go on</q>"] == "quote: <q> or <blockquote> element"
    assert rules['"we wait"'] == "quote: inline"
    assert rules["Oksana Stefanyshyna"].startswith("name: ")
    assert all(rule for rule in rules.values())
