"""Wire items in: what a newsroom may send, and the reason it reads when babelwire refuses it."""

import json
from pathlib import Path

import pytest

from babelwire.queues import messages
from babelwire.queues.errors import MessageDecodeError, MessageValidationError
from babelwire.queues.messages import decode_wire_item

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def item_bytes(**fields) -> bytes:
    return json.dumps({"uri": "urn:test:1", **fields}).encode("utf-8")


def test_example_items_decode_with_their_names_as_terms():
    one = decode_wire_item((EXAMPLES / "wire-item.json").read_bytes())
    assert one.uri.startswith("urn:newsml:") and one.version.major == 1
    assert set(one.texts_to_translate()) == {"headline", "description_text", "body_text", "byline"}
    assert one.do_not_translate_terms() == ("Svitlana Hrynchuk", "Dan Jorgensen", "European Commission")
    two = decode_wire_item((EXAMPLES / "wire-item-2.json").read_bytes())
    assert two.version.major == 2 and two.do_not_translate_terms() == ("Volodymyr Kudrytskyi", "Ukrenergo")
    three = decode_wire_item((EXAMPLES / "wire-item-3.json").read_bytes())
    assert three.version.major == 3 and three.do_not_translate_terms() == ("Andriy Sadovyi",)


@pytest.mark.parametrize(
    ("body", "error", "reason"),
    [
        (b"", MessageDecodeError, "empty"),
        (b"\xff\xfe{}", MessageDecodeError, "not valid UTF-8"),
        (b'{"uri": "u", ', MessageDecodeError, "not valid JSON"),
        (b"[1, 2]", MessageDecodeError, "JSON object"),
        (b"[" * 200_000 + b"]" * 200_000, MessageDecodeError, "too deeply"),
        (b'{"uri": "u", "headline": "\\ud800"}', MessageDecodeError, "surrogate"),
        (b'{"headline": "no uri"}', MessageValidationError, "'uri' is a required property"),
        (b'{"uri": ""}', MessageValidationError, "uri: is blank"),
        (b'{"uri": "u", "language": "fr"}', MessageValidationError, "English items only"),
        (b'{"uri": "u", "urgency": "high"}', MessageValidationError, r"ninjs 1\.6 item: urgency: 'high' is not of"),
        (b'{"uri": "u", "versioncreated": "yesterday"}', MessageValidationError, "versioncreated: 'yesterday' is not"),
        (b'{"uri": "u", "pubstatus": "maybe"}', MessageValidationError, "pubstatus: 'maybe' is not one of"),
        (b'{"uri": "u", "provenance": {}}', MessageValidationError, "'provenance' .*unexpected|'provenance' do"),
        (b'{"uri": "u", "version": 3}', MessageValidationError, "version: 3 is not of type 'string'"),
        (b'{"uri": "u", "target_languages": []}', MessageValidationError, "target_languages"),
        (b'{"uri": "u", "standard": {"version": "4.0"}}', MessageValidationError, "declares ninjs 4.0"),
    ],
)
def test_bad_bodies_fail_with_a_readable_reason(body, error, reason):
    with pytest.raises(error, match=reason):
        decode_wire_item(body)


@pytest.mark.parametrize(("data", "language"), [
    ({"headline": "Bonjour"}, "fr"),
    ({"headlines": [{"value": "Hallo"}], "versionCreated": "2026-01-01T00:00:00Z"}, "de"),
    ({"headlines": "not even valid ninjs"}, "uk"),  # the language is the reason, whatever else is wrong
])
def test_a_non_english_item_of_any_version_is_refused_naming_its_language(data, language):
    with pytest.raises(MessageValidationError, match=f"item language is '{language}'") as refused:
        decode_wire_item(item_bytes(language=language, **data))
    assert refused.value.fields == {"field": "language", "language": language}


def test_a_schema_error_names_the_field_and_the_schema():
    with pytest.raises(MessageValidationError) as refused:
        decode_wire_item(item_bytes(versionCreated="2026-01-01T00:00:00Z", headlines=[{"role": "main"}]))
    assert refused.value.fields == {"field": "headlines.0.value", "schema": "3.1"}
    assert "'value' is a required property" in str(refused.value)


def test_a_mixed_item_is_refused_for_the_fields_its_version_does_not_have():
    """ninjs 1.x calls people `person`: a 1.x item with `people` would give copies no validator accepts."""
    body = item_bytes(headline="Talks", body_text="Text.", people=[{"name": "Ann Lee"}])
    with pytest.raises(MessageValidationError, match=r"ninjs 1\.6 item: .*'people'"):
        decode_wire_item(body)


def test_an_invalid_item_is_judged_by_the_version_it_gets_furthest_in():
    """Listed associations are 2.x and 3.x: the error deep inside one is the reason, not 1.x's "not an object"."""
    body = item_bytes(associations=[{"name": "pic", "uri": "p", "headlines": [{"value": "x"}], "bogus": 1}])
    with pytest.raises(MessageValidationError, match=r"ninjs 2\.2 item: associations\.0: .*'bogus'"):
        decode_wire_item(body)


def test_oversized_body_is_refused_before_parsing():
    body = item_bytes(body_text="x" * 5_000_000)
    with pytest.raises(MessageDecodeError, match=r"5,000,0\d\d bytes, over the 1,000,000-byte limit"):
        decode_wire_item(body)


def test_a_long_value_at_fault_is_cut_in_the_reason_and_the_cut_said():
    with pytest.raises(MessageValidationError, match=r"more characters cut\]$") as refused:
        decode_wire_item(item_bytes(urgency="9" * 10_000))
    assert len(str(refused.value)) < 500


@pytest.mark.parametrize("language", ["en", "EN", "en-GB", "en-us"])
def test_english_in_any_region_is_accepted(language):
    assert decode_wire_item(item_bytes(language=language)).data["language"] == language


def test_byte_order_mark_is_tolerated():
    assert decode_wire_item(b"\xef\xbb\xbf" + item_bytes()).uri == "urn:test:1"


@pytest.mark.parametrize(("fields", "killed"), [
    ({"pubstatus": "withheld"}, True), ({"pubstatus": "canceled"}, True), ({"pubstatus": "usable"}, False),
    ({"pubStatus": "canceled", "versionCreated": "2026-01-01T00:00:00Z"}, True),
])
def test_kill_notice_is_recognised_in_each_versions_field(fields, killed):
    assert decode_wire_item(item_bytes(**fields)).is_kill_notice is killed


def test_blank_fields_are_not_sent_for_translation():
    item = decode_wire_item(item_bytes(headline="  ", body_text="Text.", byline=""))
    assert item.texts_to_translate() == {"body_text": "Text."}


def test_target_languages_are_read_and_travel_in_no_ninjs_field():
    item = decode_wire_item(item_bytes(headline="Hi", target_languages=[" DE", "pl"]))
    assert item.target_languages == ("de", "pl") and "target_languages" not in item.data
    assert decode_wire_item(messages.encode_message(item)).target_languages == ("de", "pl")


def test_plain_text_is_wrapped_with_its_first_line_as_headline():
    item = messages.wrap_plain_text("\n  Breaking: talks end\n\nBody line.\n", uri="urn:file:x")
    assert item.data["headline"] == "Breaking: talks end"
    assert item.data["body_text"] == "\n  Breaking: talks end\n\nBody line.\n"  # nothing dropped
    assert item.data["language"] == "en" and item.version.major == 1


def test_html_is_wrapped_as_the_body_html():
    item = messages.wrap_html("<p>Hi <b>there</b></p>", uri="urn:file:y")
    assert item.texts_to_translate() == {"body_html": "<p>Hi <b>there</b></p>"} and item.is_html("body_html")
