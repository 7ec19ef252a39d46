"""Logging: JSON lines with the job-outcome fields, readable text otherwise."""

import io
import json
import logging

import pytest

from babelwire.worker.logs import JobOutcomeLog, configure_logging, log_job_outcome, parse_level
from babelwire.worker.settings import Settings


@pytest.fixture
def capture():
    stream = io.StringIO()
    installed = []

    def configure(**settings):
        installed.append(configure_logging(Settings(**settings), stream=stream))
        return stream

    yield configure
    for handler in installed:
        logging.getLogger().removeHandler(handler)
    logging.getLogger().setLevel(logging.WARNING)


def lines(stream):
    return [line for line in stream.getvalue().splitlines() if line]


def test_json_job_outcome_is_one_line_with_uri_language_duration_outcome(capture):
    stream = capture(log_format="json")
    log_job_outcome("published", uri="urn:wire:1", language="uk", duration_s=0.4217, copy_id="abc")

    [line] = lines(stream)
    entry = json.loads(line)
    assert entry["outcome"] == "published"
    assert entry["uri"] == "urn:wire:1"
    assert entry["language"] == "uk"
    assert entry["duration_s"] == 0.422
    assert entry["copy_id"] == "abc"
    assert entry["level"] == "info"
    assert entry["logger"] == "babelwire.jobs"
    assert entry["ts"].endswith("+00:00")


def test_json_dead_letter_is_a_warning_and_keeps_unicode(capture):
    stream = capture(log_format="json")
    log_job_outcome("dead_lettered", uri="urn:x", language="uk", duration_s=0, reason="не англійська")
    [line] = lines(stream)
    entry = json.loads(line)
    assert entry["level"] == "warning"
    assert entry["reason"] == "не англійська"


def test_json_exception_is_one_line_with_exc_field(capture):
    stream = capture(log_format="json")
    try:
        raise ValueError("boom")
    except ValueError:
        logging.getLogger("babelwire.test").exception("failed")
    [line] = lines(stream)
    entry = json.loads(line)
    assert "ValueError: boom" in entry["exc"]


def test_json_extra_that_clashes_with_record_attributes_is_kept(capture):
    stream = capture(log_format="json")
    log_job_outcome("retried", uri="urn:x", language="de", duration_s=1, name="clash")
    assert json.loads(lines(stream)[0])["field_name"] == "clash"


def test_text_format_is_readable_key_value(capture):
    stream = capture(log_format="text")
    log_job_outcome("retried", uri="urn:wire:1", language="de", duration_s=1.5, reason="broker hiccup")
    [line] = lines(stream)
    assert " INFO babelwire.jobs: job retried " in line
    assert "uri=urn:wire:1 language=de duration_s=1.5" in line
    assert 'reason="broker hiccup"' in line


def test_log_level_filters(capture):
    stream = capture(log_format="json", log_level="warning")
    logging.getLogger("babelwire.test").info("hidden")
    logging.getLogger("babelwire.test").warning("shown")
    assert [json.loads(line)["message"] for line in lines(stream)] == ["shown"]


def test_configuring_twice_replaces_the_handler(capture):
    capture(log_format="text")
    stream = capture(log_format="json")
    logging.getLogger("babelwire.test").warning("once")
    assert len(lines(stream)) == 1


def test_bad_level_is_a_clear_error():
    with pytest.raises(ValueError, match="VERBOSE"):
        parse_level("VERBOSE")


def test_job_outcome_hook_pairs_consumer_and_handler_events(capture):
    stream = capture(log_format="json")
    now = [100.0]
    hook = JobOutcomeLog(clock=lambda: now[0])
    hook.on_event("received", language="uk", message_id="urn:x@1", attempt=1, redelivered=False)
    hook.on_event("decoded", language="uk", message_id="urn:x@1", uri="urn:x")
    hook.on_event("translated", language="uk", message_id="urn:x@1", uri="urn:x", seconds=0.2)
    now[0] = 100.25
    hook.on_event("ack", language="uk", message_id="urn:x@1", attempt=1)
    [line] = lines(stream)
    entry = json.loads(line)
    assert (entry["outcome"], entry["uri"], entry["language"], entry["duration_s"]) == ("published", "urn:x", "uk", 0.25)
    assert entry["message_id"] == "urn:x@1"


def test_the_published_line_carries_the_copys_provenance(capture):
    """What ninjs has no field for (copy id, model, protected spans) travels in the headers and in this line."""
    stream = capture(log_format="json")
    hook = JobOutcomeLog()
    provenance = {"copy_id": "c-1", "source_uri": "urn:x", "translated": False, "untranslated_fields": '["slugline"]'}
    hook.on_event("received", language="uk", message_id="m-1")
    hook.on_event("decoded", language="uk", message_id="m-1", uri="urn:x")
    hook.on_event("passed_on", language="uk", message_id="m-1", uri="urn:x", provenance=provenance)
    hook.on_event("ack", language="uk", message_id="m-1", attempt=1)
    [line] = lines(stream)
    entry = json.loads(line)
    assert (entry["uri"], entry["copy_id"], entry["translated"]) == ("urn:x", "c-1", False)
    assert entry["untranslated_fields"] == '["slugline"]' and "source_uri" not in entry  # the uri already says it


def test_job_outcome_of_a_body_that_is_no_item_names_the_message_id_and_no_uri(capture):
    stream = capture(log_format="json")
    hook = JobOutcomeLog()
    hook.on_event("received", language="de", message_id="m-1")
    hook.on_event("deadletter", language="de", message_id="m-1", attempt=1)
    hook.on_event("connected", languages=("de",), url="x")
    [line] = lines(stream)
    entry = json.loads(line)
    assert (entry["outcome"], entry["message_id"], entry["level"]) == ("dead_lettered", "m-1", "warning")
    assert "uri" not in entry


def test_a_dead_lettered_item_is_logged_by_its_uri_as_a_published_one_is(capture):
    """One field, one meaning: `uri` is the item's, never the message id, whatever the outcome."""
    stream = capture(log_format="json")
    hook = JobOutcomeLog()
    for message_id, outcome in (("urn:x:deep2@5", "deadletter"), ("urn:x:ok@1", "ack")):
        hook.on_event("received", language="uk", message_id=message_id)
        hook.on_event("decoded", language="uk", message_id=message_id, uri=message_id.split("@")[0])
        hook.on_event(outcome, language="uk", message_id=message_id, attempt=1)
    entries = [json.loads(line) for line in lines(stream)]
    assert [(e["outcome"], e["uri"], e["message_id"]) for e in entries] == [
        ("dead_lettered", "urn:x:deep2", "urn:x:deep2@5"), ("published", "urn:x:ok", "urn:x:ok@1")]
