"""Localised copies out: each a ninjs document of its item's own version, valid in IPTC's schema for it."""

import json
from pathlib import Path

import pytest

from babelwire.queues import copies, messages, topology
from babelwire.queues.copies import Provenance, Translated, copy_id, translated_copy, untranslated_copy
from babelwire.queues.errors import InvalidCopyError, MessageValidationError
from babelwire.queues.messages import decode_wire_item
from ninjs_helpers import IPTC_EXAMPLES, PROJECT_EXAMPLES, example_version, schema_errors

COMPLEX1 = Path(__file__).parent / "data" / "iptc-ninjs-1.6-complex1.json"
ALL_EXAMPLES = [*IPTC_EXAMPLES, COMPLEX1, *PROJECT_EXAMPLES]


def example_id(path: Path) -> str:
    return f"{path.parent.name}/{path.name}"


def translated(texts, revision="rev1", **facts) -> Translated:
    return Translated(texts, engine="marian", model_id="m", model_revision=revision, **facts)


def marked_copy(item, language="uk", **facts):
    """The copy a model would make that puts "[uk] " before every text (HTML included: it stays HTML)."""
    texts = {path: f"[{language}] {text}" for path, text in item.texts_to_translate().items()}
    return translated_copy(item, language, translated(texts, **facts))


@pytest.mark.parametrize("path", ALL_EXAMPLES, ids=example_id)
def test_copies_of_iptc_and_project_examples_are_valid_in_their_own_version(path):
    item = decode_wire_item(path.read_bytes())
    version = "1.6" if path == COMPLEX1 else example_version(path)
    assert schema_errors(json.loads(path.read_bytes()), version) == []  # the example itself, to begin with
    for copy in (marked_copy(item), untranslated_copy(item, "uk")):
        body = json.loads(messages.encode_message(copy))
        assert schema_errors(body, version) == []
        assert body["language"] == "uk" and body["uri"] == item.uri + "#uk"
        assert copy.provenance.ninjs_schema == version


def reader_texts(data, path=()):
    """Every (path, text) a reader sees, found by walking the JSON, not by babelwire's own field lists: a string
    under a key that names a headline, description, body, byline, title or dateline (an embedded item's byline is
    a credit), or the `value` of an entry of a `headlines` / `descriptions` / `bodies` list. (No example here has
    a listed text in an XML media type.)"""
    found = []
    items = data.items() if isinstance(data, dict) else enumerate(data) if isinstance(data, list) else ()
    for key, value in items:
        here = (*path, key)
        if isinstance(value, str) and value.strip() and (
                str(key).startswith(("headline", "description", "body", "byline", "title", "located")) or key == "by"
                or (key == "value" and len(path) >= 2 and path[-2] in ("headlines", "descriptions", "bodies"))):
            credit = key in ("byline", "by") and "associations" in path
            if not credit and not (key == "title" and "renditions" in path):
                found.append((here, value))
        elif isinstance(value, (dict, list)) and key not in ("renditions",):
            found.extend(reader_texts(value, here))
    return found


def at(data, path):
    for key in path:
        data = data[key]
    return data


@pytest.mark.parametrize("path", ALL_EXAMPLES, ids=example_id)
def test_every_text_a_reader_sees_is_translated_in_the_copy(path):
    source = json.loads(path.read_bytes())
    copy = marked_copy(decode_wire_item(path.read_bytes()))
    texts = reader_texts(source)
    assert texts  # every example has words
    for where, text in texts:
        assert at(copy.data, where) == f"[uk] {text}", where


def test_each_version_names_the_source_and_its_version_in_its_own_alternative_ids():
    one = decode_wire_item(json.dumps({"uri": "urn:a", "version": "4", "altids": {"desk": "D1"}}).encode())
    assert marked_copy(one).data["altids"] == {
        "desk": "D1", "babelwire-source-uri": "urn:a", "babelwire-source-version": "4"}
    three = decode_wire_item((Path("examples") / "wire-item-3.json").read_bytes())
    assert marked_copy(three).data["altIds"] == [
        {"role": "desk-id", "value": "EN-4471"},
        {"role": "babelwire-source-uri", "value": three.uri}, {"role": "babelwire-source-version", "value": "2"}]


def test_the_copy_carries_no_key_ninjs_does_not_have():
    item = decode_wire_item((Path("examples") / "wire-item.json").read_bytes())
    body = json.loads(messages.encode_message(marked_copy(item)))
    assert "provenance" not in body and "target_languages" not in body
    assert set(body) - set(item.data) == {"altids"}


def test_embedded_items_that_state_a_language_take_the_copys():
    item = decode_wire_item((Path("examples") / "wire-item-2.json").read_bytes())
    assert marked_copy(item, "de").data["associations"][0]["language"] == "de"


def test_unknown_fields_are_refused_rather_than_dropped_or_published_invalid():
    with pytest.raises(MessageValidationError, match="'x-desk' does not match any of the regexes"):
        decode_wire_item(json.dumps({"uri": "u", "headline": "Hi", "x-desk": {"keep": True}}).encode())


def test_provenance_travels_as_headers_and_reads_back():
    item = decode_wire_item(json.dumps({"uri": "urn:t:1", "version": "3", "headline": "Hello",
                                        "slugline": "TALKS"}).encode())
    facts = {"protected_spans": {"quote": 2, "name": 1}, "fallbacks": 1, "markup_repairs": {"runs": 1}}
    copy = translated_copy(item, "uk", translated({"headline": "Привіт"}, revision="r9", **facts))
    headers = copy.provenance.headers()
    assert set(headers) == set(topology.PROVENANCE_HEADERS)  # a new provenance field needs its constant there
    assert headers[topology.COPY_ID_HEADER] == copy_id("urn:t:1", "3", "uk", "r9")
    assert headers[topology.PROTECTED_SPANS_HEADER] == '{"name":1,"quote":2}'  # JSON text, in a stable order
    assert headers[topology.UNTRANSLATED_FIELDS_HEADER] == '["slugline"]'
    assert headers[topology.TRANSLATED_HEADER] is True and headers[topology.NINJS_SCHEMA_HEADER] == "1.6"
    assert Provenance.from_headers(headers) == copy.provenance


def test_a_header_too_long_for_a_frame_is_cut_and_says_so_while_the_log_keeps_it_whole():
    bodies = [{"contentType": "application/nitf+xml", "value": "<nitf/>"} for _ in range(2_000)]
    item = decode_wire_item(json.dumps({"uri": "u", "headlines": [{"value": "Hi"}], "bodies": bodies}).encode())
    provenance = marked_copy(item).provenance
    header = provenance.headers()[topology.UNTRANSLATED_FIELDS_HEADER]
    assert len(header) < copies.MAX_HEADER_CHARS + 50 and header.endswith("more characters cut]")
    assert len(json.loads(provenance.log_fields()["untranslated_fields"])) == 2_000
    assert Provenance.from_headers(provenance.headers()).untranslated_fields == header


def test_untranslated_copy_keeps_the_source_text_and_says_so():
    item = decode_wire_item(json.dumps({"uri": "urn:t:1", "version": "3", "headline": "Hello", "slugline": "TALKS",
                                        "pubstatus": "withheld"}).encode())
    copy = untranslated_copy(item, "de")
    assert (copy.data["headline"], copy.data["pubstatus"], copy.language) == ("Hello", "withheld", "de")
    assert copy.provenance.translated is False and copy.provenance.model_id is None
    assert copy.provenance.untranslated_fields == ["headline", "slugline"]
    assert copy.provenance.copy_id == copy_id("urn:t:1", "3", "de", copies.UNTRANSLATED_REVISION)
    assert topology.ENGINE_HEADER not in copy.provenance.headers()  # no value, no header


def test_a_copy_that_would_not_validate_is_refused_with_the_schemas_reason():
    item = decode_wire_item(json.dumps({"uri": "u", "headlines": [{"value": "Hi"}]}).encode())
    with pytest.raises(InvalidCopyError, match=r"not a valid ninjs 2\.2 copy: headlines\.0\.value: .*not of type"):
        translated_copy(item, "uk", translated({"headlines/0/value": 7}))


def test_copy_id_is_deterministic_and_depends_on_every_part():
    base = copy_id("urn:a", "1", "uk", "rev")
    assert base == copy_id("urn:a", "1", "uk", "rev")
    variants = {copy_id("urn:b", "1", "uk", "rev"), copy_id("urn:a", "2", "uk", "rev"),
                copy_id("urn:a", "1", "de", "rev"), copy_id("urn:a", "1", "uk", "rev2")}
    assert base not in variants and len(variants) == 4


def test_a_copy_encodes_identically_every_time():
    item = decode_wire_item((Path("examples") / "wire-item-2.json").read_bytes())
    assert messages.encode_message(marked_copy(item)) == messages.encode_message(marked_copy(item))
