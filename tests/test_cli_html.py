"""`babelwire translate` and `protect` on HTML: --format html or an .html input; HTML out, markup intact."""

import json

from cli_helpers import one_line_error, run_babelwire

from babelwire.translation.round_trip.html import markup_intact

STORY = ('<h1>Talks go on</h1>\n<p>Oksana Stefanyshyna said &ldquo;talks <b>go</b> on&rdquo; to '
         '<a href="https://unn.example/?a=1&amp;b=2" title="Ask the agency">the agency</a>.</p>\n'
         '<blockquote>We will not give up.</blockquote>\n')


def test_an_html_file_is_translated_to_html(tmp_path):
    story = tmp_path / "story.html"
    story.write_text(STORY, encoding="utf-8")
    result = run_babelwire("translate", "--input", str(story), "--to", "uk", "--engine", "pseudo")
    assert result.returncode == 0, result.stderr.decode()
    html = result.stdout.decode().rstrip("\n")
    assert markup_intact(STORY, html) and "Talks go on" not in html
    assert '<a href="https://unn.example/?a=1&amp;b=2"' in html and "&ldquo;talks <b>go</b> on&rdquo;" in html
    assert "<blockquote>We will not give up.</blockquote>" in html


def test_format_html_reads_html_from_stdin_and_json_reports_repairs():
    plain = run_babelwire("translate", "--format", "html", "--to", "uk", "--engine", "pseudo", stdin="<p>One <b>two")
    assert plain.returncode == 0 and markup_intact("<p>One <b>two", plain.stdout.decode().strip())
    assert plain.stdout.decode().strip().endswith("</p>")
    with_json = run_babelwire("translate", "--format", "json", "--input", "-", "--to", "uk", "--engine", "pseudo",
                              stdin="<p>One <b>two")
    entry = json.loads(with_json.stdout)["translations"][0]
    assert "<b>" not in entry["text"]  # --format json without an .html input: the text is plain text


def test_json_output_of_an_html_file_carries_markup_repairs(tmp_path):
    story = tmp_path / "story.htm"
    story.write_text("<p>One <b>two", encoding="utf-8")
    result = run_babelwire("translate", "--format", "json", "--input", str(story), "--to", "uk", "--engine", "pseudo")
    entry = json.loads(result.stdout)["translations"][0]
    assert entry["markup_repairs"] == {"repaired-source": 1} and entry["text"].endswith("</p>")


def test_html_nested_past_what_browsers_build_is_a_one_line_error():
    result = run_babelwire("translate", "--format", "html", "--to", "uk", "--engine", "pseudo", stdin="<div>" * 600)
    assert result.returncode == 2
    assert "nest deeper than 512 levels" in one_line_error(result)


def test_protect_shows_spans_with_offsets_into_the_markup(tmp_path):
    story = tmp_path / "story.html"
    story.write_text(STORY, encoding="utf-8")
    result = run_babelwire("protect", "--input", str(story))
    spans = json.loads(result.stdout)["spans"]
    assert {(span["kind"], span["text"]) for span in spans} >= {
        ("name", "Oksana Stefanyshyna"), ("quote", "&ldquo;talks <b>go</b> on&rdquo;"),
        ("quote", "<blockquote>We will not give up.</blockquote>")}
    for span in spans:
        assert STORY[span["start"]:span["end"]] == span["text"]


def test_run_takes_an_html_file_as_the_body_html_of_an_item(tmp_path):
    story = tmp_path / "story.html"
    story.write_text(STORY, encoding="utf-8")
    result = run_babelwire("run", str(story), "--to", "uk", "--engine", "pseudo",
                           env={"BABELWIRE_STATE_DIR": str(tmp_path / "state")})
    assert result.returncode == 0, result.stderr.decode()
    [copy] = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert markup_intact(STORY, copy["body_html"]) and "Talks go on" not in copy["body_html"]
    assert "body_text" not in copy
