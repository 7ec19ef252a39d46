"""Wire items in, localised copies out: what a newsroom sends and receives."""

import json
from pathlib import Path

import pytest

from queues import messages
from queues.errors import MessageDecodeError, MessageValidationError
from queues.messages import (
    Translated,
    copy_id,
    decode_localized_copy,
    decode_wire_item,
    translated_copy,
    untranslated_copy,
)

EXAMPLE_ITEM = Path(__file__).resolve().parents[1] / "examples" / "wire-item.json"


def item_bytes(**fields) -> bytes:
    return json.dumps({"uri": "urn:test:1", **fields}).encode("utf-8")


def translated(texts, revision="rev1", **facts) -> Translated:
    return Translated(texts, engine="marian", model_id="m", model_revision=revision, **facts)


def test_example_item_decodes_with_its_names_as_terms():
    item = decode_wire_item(EXAMPLE_ITEM.read_bytes())
    assert item.uri.startswith("urn:newsml:")
    assert set(item.texts_to_translate()) == {"headline", "description_text", "body_text", "byline"}
    assert item.do_not_translate_terms() == ("Svitlana Hrynchuk", "Dan Jorgensen", "European Commission")


def test_unknown_fields_survive_into_the_copy_untouched():
    extension = {"x-desk": {"priority": [1, "two", None]}, "copyrightnotice": "(c) Wire"}
    item = decode_wire_item(item_bytes(headline="Hello", versioncreated="2026-11-25T09:30:00Z", **extension))
    copy = translated_copy(item, "uk", translated({"headline": "Привіт"}))
    out = json.loads(messages.encode_message(copy))
    assert out["x-desk"] == extension["x-desk"] and out["copyrightnotice"] == "(c) Wire"
    assert out["versioncreated"] == "2026-11-25T09:30:00Z"  # not reformatted
    assert out["headline"] == "Привіт" and out["language"] == "uk"
    assert "body_text" not in out  # absent fields stay absent, not null


def test_copy_round_trips_and_encodes_identically():
    item = decode_wire_item(item_bytes(version="3", headline="Hello"))
    copy = translated_copy(item, "de", translated({"headline": "Hallo"}))
    body = messages.encode_message(copy)
    assert "Hallo" in body.decode("utf-8")
    assert decode_localized_copy(body) == copy
    assert messages.encode_message(decode_localized_copy(body)) == body
    assert copy.provenance.source_uri == "urn:test:1" and copy.provenance.source_version == "3"


def test_copy_records_what_the_model_reported_in_a_stable_order():
    item = decode_wire_item(item_bytes(version="3", headline="Hello", slugline="TALKS"))
    facts = {"protected_spans": {"quote": 2, "name": 1}, "fallbacks": 1, "markup_repairs": {"runs": 1}}
    copy = translated_copy(item, "uk", translated({"headline": "Привіт"}, revision="r9", **facts))
    provenance = json.loads(messages.encode_message(copy))["provenance"]
    assert provenance["id"] == copy_id("urn:test:1", "3", "uk", "r9")
    assert list(provenance["protected_spans"]) == ["name", "quote"] and provenance["fallbacks"] == 1
    assert provenance["untranslated_fields"] == ["slugline"] and provenance["translated"] is True
    assert copy.uri == "urn:test:1#uk"


def test_untranslated_copy_keeps_the_source_text_and_says_so():
    item = decode_wire_item(item_bytes(version="3", headline="Hello", slugline="TALKS", pubstatus="withheld"))
    copy = untranslated_copy(item, "de")
    assert (copy.headline, copy.pubstatus, copy.language) == ("Hello", "withheld", "de")
    assert copy.provenance.translated is False and copy.provenance.model_id is None
    assert copy.provenance.untranslated_fields == ["headline", "slugline"]
    assert copy.provenance.id == copy_id("urn:test:1", "3", "de", messages.UNTRANSLATED_REVISION)
    assert copy.provenance.id != translated_copy(item, "de", translated({}, revision="r1")).provenance.id


def test_copy_id_is_deterministic_and_depends_on_every_part():
    base = copy_id("urn:a", "1", "uk", "rev")
    assert base == copy_id("urn:a", "1", "uk", "rev")
    variants = {copy_id("urn:b", "1", "uk", "rev"), copy_id("urn:a", "2", "uk", "rev"),
                copy_id("urn:a", "1", "de", "rev"), copy_id("urn:a", "1", "uk", "rev2")}
    assert base not in variants and len(variants) == 4


@pytest.mark.parametrize(
    ("body", "error", "reason"),
    [
        (b"", MessageDecodeError, "empty"),
        (b"\xff\xfe{}", MessageDecodeError, "not valid UTF-8"),
        (b'{"uri": "u", ', MessageDecodeError, "not valid JSON"),
        (b"[1, 2]", MessageDecodeError, "JSON object"),
        (b"[" * 200_000 + b"]" * 200_000, MessageDecodeError, "too deeply"),
        (b'{"uri": "u", "headline": "\\ud800"}', MessageDecodeError, "surrogate"),
        (b'{"headline": "no uri"}', MessageValidationError, "uri: Field required"),
        (b'{"uri": ""}', MessageValidationError, "uri"),
        (b'{"uri": "u", "language": "fr"}', MessageValidationError, "English items only"),
        (b'{"uri": "u", "urgency": "high"}', MessageValidationError, "urgency"),
        (b'{"uri": "u", "versioncreated": "yesterday"}', MessageValidationError, "ISO 8601"),
        (b'{"uri": "u", "pubstatus": "maybe"}', MessageValidationError, "pubstatus"),
        (b'{"uri": "u", "provenance": {}}', MessageValidationError, "reserved"),
        (b'{"uri": "u", "target_languages": []}', MessageValidationError, "target_languages"),
    ],
)
def test_bad_bodies_fail_with_a_readable_reason(body, error, reason):
    with pytest.raises(error, match=reason):
        decode_wire_item(body)


def test_oversized_body_is_refused_before_parsing():
    body = item_bytes(body_text="x" * 5_000_000)
    with pytest.raises(MessageDecodeError, match=r"5,000,0\d\d bytes, over the 1,000,000-byte limit"):
        decode_wire_item(body)


@pytest.mark.parametrize("language", ["en", "EN", "en-GB", "en-us"])
def test_english_in_any_region_is_accepted(language):
    assert decode_wire_item(item_bytes(language=language)).language == language


def test_byte_order_mark_is_tolerated():
    assert decode_wire_item(b"\xef\xbb\xbf" + item_bytes()).uri == "urn:test:1"


def test_kill_notice_is_recognised():
    assert decode_wire_item(item_bytes(pubstatus="withheld")).is_kill_notice
    assert decode_wire_item(item_bytes(pubstatus="canceled")).is_kill_notice
    assert not decode_wire_item(item_bytes(pubstatus="usable")).is_kill_notice


def test_blank_fields_are_not_sent_for_translation():
    item = decode_wire_item(item_bytes(headline="  ", body_text="Text.", byline=""))
    assert item.texts_to_translate() == {"body_text": "Text."}


def test_untranslated_text_fields_are_listed():
    item = decode_wire_item(item_bytes(body_html="<p>Hi</p>", slugline="UKRAINE/TALKS"))
    assert item.untranslated_text_fields() == ["slugline"]
    assert item.texts_to_translate()["body_html"] == "<p>Hi</p>"


def test_plain_text_is_wrapped_with_its_first_line_as_headline():
    item = messages.wrap_plain_text("\n  Breaking: talks end\n\nBody line.\n", uri="urn:file:x")
    assert item.headline == "Breaking: talks end"
    assert item.body_text == "\n  Breaking: talks end\n\nBody line.\n"  # nothing dropped
    assert item.language == "en"
