"""The handler with HTML fields and associations: translated with their markup intact, repairs in the
provenance headers, and HTML that cannot be kept intact dead-lettered with the field and the reason."""

import json
from pathlib import Path

from babelwire.queues.consumer import Delivery
from babelwire.queues import topology
from babelwire.queues.copies import read_copy
from babelwire.queues.outcomes import Ack, DeadLetter
from babelwire.translation.engines.pseudo import PseudoEngine
from babelwire.translation.round_trip.html import markup_intact
from babelwire.translation.round_trip.pipeline import Translator
from babelwire.worker.handler import JobHandler

IPTC_ITEM = Path(__file__).parent / "data" / "iptc-ninjs-1.6-complex1.json"
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

ITEM = {
    "uri": "urn:test:html-1",
    "language": "en",
    "headline": "Talks go on",
    "body_html": '<p>The <a href="https://example.org/a?b=1&amp;c=2">minister</a> spoke.</p>\n<p>More text.</p>',
    "description_html": "<p>A <b>short</b> summary.</p>",
    "slugline": "TALKS",
    "associations": {
        "featureimage": {"uri": "urn:test:pic", "type": "picture", "headline": "Delegates meet",
                         "description_text": "The delegates at the table.", "body_text": "Caption text.",
                         "renditions": {"original": {"href": "https://example.org/pic.jpg", "title": "Original"}}},
        "related": {"uri": "urn:test:rel", "type": "text", "headline": "Earlier talks",
                    "body_html": "<p>An <em>earlier</em> round.</p>",
                    "associations": {"pic": {"uri": "urn:test:pic2", "description_text": "A nested caption."}}},
    },
}


def delivery(item, language="uk"):
    return Delivery(body=json.dumps(item).encode(), headers={}, language=language, attempt=1, redelivered=False)


def copy_of(outcome):
    assert isinstance(outcome, Ack), outcome
    return json.loads(outcome.publications[0].body)


def handler():
    return JobHandler(Translator(PseudoEngine()), max_attempts=3)


def test_html_fields_and_associations_are_translated_with_their_markup_intact():
    copy = copy_of(handler().handle(delivery(ITEM)))
    assert markup_intact(ITEM["body_html"], copy["body_html"]) and "spoke" not in copy["body_html"]
    assert 'href="https://example.org/a?b=1&amp;c=2"' in copy["body_html"]
    assert markup_intact(ITEM["description_html"], copy["description_html"]) and "summary" not in copy["description_html"]
    picture = copy["associations"]["featureimage"]
    assert all(word not in picture[field] for field, word in
               (("headline", "Delegates"), ("description_text", "delegates"), ("body_text", "Caption")))
    assert picture["renditions"] == ITEM["associations"]["featureimage"]["renditions"]  # not text a reader sees
    related = copy["associations"]["related"]
    assert "Earlier" not in related["headline"] and "round" not in related["body_html"]
    assert "nested" not in related["associations"]["pic"]["description_text"]
    headers = handler().handle(delivery(ITEM)).publications[0].headers
    assert copy["slugline"] == "TALKS" and headers[topology.UNTRANSLATED_FIELDS_HEADER] == '["slugline"]'
    assert headers[topology.MARKUP_REPAIRS_HEADER] == "{}"


def test_iptc_example_item_is_translated_with_its_markup_intact():
    item = json.loads(IPTC_ITEM.read_text())
    copy = copy_of(handler().handle(delivery(item)))
    assert markup_intact(item["body_xhtml"], copy["body_xhtml"]) and "trial" not in copy["body_xhtml"]
    caption = copy["associations"]["mainpic"]["description_xhtml"]
    assert markup_intact(item["associations"]["mainpic"]["description_xhtml"], caption) and "cruise" not in caption
    assert "Italy,</ br> " in caption  # "</ br>" is a bogus comment to an HTML5 parser: kept as it came
    assert copy["associations"]["mainpic"]["renditions"] == item["associations"]["mainpic"]["renditions"]


def test_html_that_cannot_be_kept_intact_is_dead_lettered_naming_the_field():
    outcome = handler().handle(delivery({**ITEM, "description_html": "<div>" * 10_000 + "x"}))
    assert isinstance(outcome, DeadLetter)
    assert "description_html" in outcome.reason and "nest deeper than 512 levels" in outcome.reason
    assert outcome.error["kind"] == "InvalidHtmlError" and outcome.error["field"] == "description_html"
    assert outcome.error["offset"] == 512 * len("<div>")  # the 513th <div>


def test_html_items_in_a_batch_are_translated_together_and_one_bad_item_decides_only_its_own_fate():
    bad = {**ITEM, "uri": "urn:test:bad", "body_html": "<b>" * 10_000}
    outcomes = handler().handle_batch([delivery(ITEM), delivery(bad), delivery({**ITEM, "uri": "urn:test:3"})])
    assert isinstance(outcomes[1], DeadLetter) and "body_html" in outcomes[1].reason
    for outcome in (outcomes[0], outcomes[2]):
        assert markup_intact(ITEM["body_html"], copy_of(outcome)["body_html"])


def test_html_without_words_leaves_an_item_untranslated():
    outcome = handler().handle(delivery({"uri": "urn:test:img", "body_html": '<img src="x.jpg">'}))
    copy = read_copy(outcome.publications[0].body, outcome.publications[0].headers)
    assert copy.provenance.translated is False and copy.data["body_html"] == '<img src="x.jpg">'


def test_listed_bodies_of_2x_and_3x_are_translated_as_html_by_their_content_type():
    two = json.loads((EXAMPLES / "wire-item-2.json").read_text("utf-8"))
    copy = copy_of(handler().handle(delivery(two)))
    plain, html = (body["value"] for body in copy["bodies"])
    assert markup_intact(two["bodies"][1]["value"], html) and "eastern" not in html  # text/html
    assert "eastern" not in plain and "<" not in plain
    caption = copy["associations"][0]["descriptions"][0]["value"]
    assert "transformer" not in caption and copy["associations"][0]["language"] == "uk"
    three = json.loads((EXAMPLES / "wire-item-3.json").read_text("utf-8"))
    copy = copy_of(handler().handle(delivery(three)))
    (body,) = copy["bodies"]
    assert markup_intact(three["bodies"][0]["value"], body["value"]) and "heating" not in body["value"]
    assert "&#8211;" in body["value"]  # application/xhtml+xml: the source's character reference kept
    assert copy["edNote"] == three["edNote"]  # for the desk, not readers: as it came


def test_the_translators_policy_reaches_the_html_fields():
    """The markup translator follows the policy of the translator it wraps: here one that translates quotes."""
    from babelwire.translation.protection.policy import ProtectionPolicy

    item = {**ITEM, "body_html": "<p>Talks go on.</p><blockquote><p>We will not give up our land.</p></blockquote>"}
    kept = copy_of(handler().handle(delivery(item)))["body_html"]
    translating = JobHandler(Translator(PseudoEngine(), policy=ProtectionPolicy(quotes=False)), max_attempts=3)
    translated = copy_of(translating.handle(delivery(item)))["body_html"]
    assert "<blockquote><p>We will not give up our land.</p></blockquote>" in kept
    assert "give up" not in translated and markup_intact(item["body_html"], translated)
