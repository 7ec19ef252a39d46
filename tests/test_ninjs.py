"""ninjs versions: which version an item is, and which of its texts a reader sees, in each version's own fields."""

import json

import pytest

from babelwire.queues import ninjs
from babelwire.queues.messages import wire_item
from ninjs_helpers import IPTC_EXAMPLES


@pytest.mark.parametrize("path", IPTC_EXAMPLES, ids=lambda path: f"{path.parent.name}/{path.name}")
def test_the_version_of_every_iptc_example_is_found_from_its_shape(path):
    data = json.loads(path.read_text("utf-8"))
    data.pop("standard", None)  # the shape alone must tell
    assert ninjs.detect_version(data).schema_version == path.parent.name


@pytest.mark.parametrize(("declared", "major"), [
    ({"$standard": {"name": "ninjs", "version": "1.4"}}, 1),
    ({"standard": {"name": "ninjs", "version": "2.0"}}, 2),
    ({"standard": {"name": "ninjs", "version": "3.1"}}, 3),
])
def test_a_declared_version_wins_over_the_shape(declared, major):
    assert ninjs.detect_version({"uri": "u", **declared}).major == major


def test_2x_and_3x_are_told_apart_by_the_case_of_nested_names():
    two = {"uri": "u", "bodies": [{"contenttype": "text/plain", "value": "Hi."}]}
    three = {"uri": "u", "bodies": [{"contentType": "text/plain", "value": "Hi."}]}
    assert (ninjs.detect_version(two).major, ninjs.detect_version(three).major) == (2, 3)


def test_1x_pattern_fields_are_texts_html_by_name_or_by_markup():
    item = wire_item({"uri": "u", "headline_main": "Trial opens", "body_main": "Plain words.",
                      "body_richtext": "<p>Rich <b>words</b>.</p>", "body_html": "Words", "description_text": "<i>",
                      "slugline": "ITALY-SHIP"})
    assert {path: item.is_html(path) for path in item.texts_to_translate()} == {
        "headline_main": False, "body_main": False, "body_richtext": True, "body_html": True, "description_text": False}
    assert item.untranslated_text_fields() == ["slugline"]


@pytest.mark.parametrize("content_type", ["contenttype", "contentType"])
def test_listed_texts_are_html_by_content_type_and_xml_is_left_as_it_came(content_type):
    data = {"uri": "u", "headlines": [{"value": "Talks"}], "bodies": [
        {content_type: "text/plain", "value": "A <b> in plain text stays text."},
        {content_type: "text/html; charset=utf-8", "value": "<p>Hi</p>"},
        {content_type: "application/xhtml+xml", "value": "<p>Hi</p>"},
        {content_type: "body_xhtml", "value": "<p>IPTC's own examples write this</p>"},
        {"value": "<p>No type: the markup tells</p>"},
        {content_type: "application/nitf+xml", "value": "<nitf><body>XML</body></nitf>"},
        {content_type: "text/plain", "value": "   "}]}
    item = wire_item(data)
    assert {path: item.is_html(path) for path in item.texts_to_translate()} == {
        "headlines/0/value": False, "bodies/0/value": False, "bodies/1/value": True, "bodies/2/value": True,
        "bodies/3/value": True, "bodies/4/value": True}
    assert item.untranslated_text_fields() == ["bodies/5/value"]


def test_associations_are_read_recursively_in_each_versions_shape():
    deep = {"a/b": {"uri": "q", "body_text": "Deep"}}
    one = wire_item({"uri": "u", "associations": {"mainpic": {"uri": "p", "headline": "A photo", "byline": "Ann",
                                                              "associations": deep}}})
    assert list(one.texts_to_translate()) == [
        "associations/mainpic/headline", "associations/mainpic/associations/a~1b/body_text"]  # a credit stays
    three = wire_item({"uri": "u", "associations": [{"name": "photo", "uri": "p", "descriptions": [
        {"contentType": "text/plain", "value": "Caption"}], "associations": [
        {"name": "inner", "uri": "q", "headlines": [{"value": "Inner"}]}]}]})
    assert list(three.texts_to_translate()) == [
        "associations/0/descriptions/0/value", "associations/0/associations/0/headlines/0/value"]


@pytest.mark.parametrize(("data", "terms"), [
    ({"person": [{"name": "Ann Lee"}], "organisation": [{"name": "Acme"}], "place": [{"name": "Kyiv"}]},
     ("Ann Lee", "Acme")),
    ({"people": [{"name": "Ann Lee"}, {"name": " "}], "organisations": [{"name": "Acme"}],
      "headlines": [{"value": "x"}]}, ("Ann Lee", "Acme")),
    ({"people": [{"name": "Ann Lee"}], "versionCreated": "2026-01-01T00:00:00Z"}, ("Ann Lee",)),
])
def test_people_and_organisations_come_from_each_versions_own_fields(data, terms):
    assert wire_item({"uri": "u", **data}).do_not_translate_terms() == terms


def test_a_place_s_geojson_is_checked_offline():
    """3.x refers to GeoJSON by URL: validating must not fetch it (there is no network here, and a worker may
    have none); any JSON is accepted there."""
    data = {"uri": "u", "places": [{"name": "Kyiv", "geoJSON": {"type": "Point", "coordinates": [30.5, 50.4]}}],
            "versionCreated": "2026-01-01T00:00:00Z"}
    assert ninjs.problems(data, ninjs.V3) == []
