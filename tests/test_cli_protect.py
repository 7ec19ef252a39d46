"""`babelwire protect`: what would be kept verbatim, as JSON."""

import json

from cli_helpers import one_line_error, run_babelwire

SOURCE = 'Oksana Stefanyshyna said "talks go on" to @unn_news.'


def spans_of(result):
    assert result.returncode == 0, result.stderr.decode()
    return [json.loads(line)["spans"] for line in result.stdout.decode().splitlines()]


def test_prints_spans_with_offsets_into_the_text():
    [spans] = spans_of(run_babelwire("protect", "--input", "-", stdin=SOURCE))
    assert {(span["kind"], span["text"]) for span in spans} >= {("quote", '"talks go on"'), ("handle", "@unn_news")}
    assert any(span["kind"] == "name" and "Stefanyshyna" in span["text"] for span in spans)
    for span in spans:
        assert SOURCE[span["start"]:span["end"]] == span["text"]


def test_jsonl_gives_one_result_line_per_input_line():
    lines = [json.dumps({"text": SOURCE}), json.dumps({"text": "nothing here", "id": 7})]
    results = spans_of(run_babelwire("protect", "--jsonl", stdin="\n".join(lines) + "\n"))
    assert len(results) == 2
    assert results[0] and results[1] == []


def test_glossary_terms_are_shown(tmp_path):
    glossary = tmp_path / "glossary.toml"
    glossary.write_text('keep = ["peace deal"]\n', encoding="utf-8")
    [spans] = spans_of(run_babelwire("protect", "--glossary", str(glossary), "a peace deal now"))
    assert [(span["kind"], span["text"]) for span in spans] == [("term", "peace deal")]


def test_bad_jsonl_line_is_named():
    message = one_line_error(run_babelwire("protect", "--jsonl", stdin='{"text": "ok"}\nnot json\n'))
    assert "line 2" in message


def test_empty_input_is_an_error():
    assert "empty" in one_line_error(run_babelwire("protect", stdin=" \n"))
