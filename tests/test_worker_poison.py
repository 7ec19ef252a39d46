"""Poison and bad input: each message lands in the dead-letter queue with a readable reason and its
original body, and the worker keeps going. A real `babelwire worker` process, on both brokers."""

import json

import pytest
from queue_fixtures import broker_url, embedded_url, rabbitmq_url, rabbitmq_vhosts  # noqa: F401
from worker_processes import clean_env, cli_worker, log_text, wait_until

from babelwire.queues import topology
from babelwire.queues.connection import connect
from babelwire.queues.publisher import Publisher
from babelwire.queues.subscriber import follow
from babelwire.queues.topology import declare_topology

pytestmark = pytest.mark.slow

POISON = {
    "invalid-json": (b'{"uri": "urn:x", "headline": ', "not valid JSON"),
    "invalid-utf8": (b'{"uri": "urn:x", "headline": "caf\xe9"}', "not valid UTF-8"),
    "missing-uri": (b'{"headline": "No uri here"}', "'uri' is a required property"),
    "not-ninjs": (b'{"uri": "urn:x", "headline": "Hi", "people": [{"name": "Ann"}]}', "not a valid ninjs 1.6 item"),
    "empty-body": (b"", "message body is empty"),
    "five-megabytes": (
        json.dumps({"uri": "urn:big", "body_text": "All work and no play. " * 230_000}).encode(),
        "over the 1,000,000-byte limit",
    ),
    "not-english": (b'{"uri": "urn:fr", "language": "fr", "headline": "Bonjour"}', "English items only"),
}
# What each dead letter's headers say of its error, as fields an operator can filter on.
ERRORS = {
    "invalid-json": {"kind": "MessageDecodeError", "offset": len(POISON["invalid-json"][0])},
    "invalid-utf8": {"kind": "MessageDecodeError", "offset": POISON["invalid-utf8"][0].index(b"\xe9")},
    "missing-uri": {"kind": "MessageValidationError", "field": "uri", "schema": "1.6"},
    "not-ninjs": {"kind": "MessageValidationError", "field": "item", "schema": "1.6"},
    "empty-body": {"kind": "MessageDecodeError"},
    "five-megabytes": {"kind": "MessageDecodeError"},
    "not-english": {"kind": "MessageValidationError", "field": "language", "language": "fr"},
}
GOOD = json.dumps({"uri": "urn:good", "language": "en", "headline": 'Talks resume: "We are ready"'}).encode()


def publish(broker_url, messages):
    with connect(broker_url) as connection:
        declare_topology(connection, ["uk"])
        publisher = Publisher(connection)
        for message_id, body in messages:
            publisher.submit(body, ["uk"], message_id=message_id)


def test_each_bad_message_is_dead_lettered_with_its_reason_and_the_worker_keeps_going(broker_url, tmp_path):
    assert len(POISON["five-megabytes"][0]) > 5_000_000
    publish(broker_url, [(name, body) for name, (body, _) in POISON.items()] + [("good", GOOD)])
    env = clean_env(BABELWIRE_ENGINE="pseudo", BABELWIRE_STATE_DIR=str(tmp_path), BABELWIRE_LOG_FORMAT="json")
    with cli_worker(broker_url, "uk", env, tmp_path / "worker.log") as worker:
        dead = list(follow(broker_url, dead=True, count=len(POISON), timeout_s=60))
        copies = list(follow(broker_url, languages=["uk"], count=1, timeout_s=60))
        assert worker.poll() is None, log_text(tmp_path / "worker.log")

    assert len(dead) == len(POISON), log_text(tmp_path / "worker.log")
    by_body = {message.body: message for message in dead}
    for name, (body, reason) in POISON.items():
        assert body in by_body, f"{name}: original body not kept in the dead-letter queue"
        assert reason in by_body[body].headers["x-babelwire-reason"], name
        assert by_body[body].language == "uk"
        error = {key.removeprefix("x-babelwire-error-"): value for key, value in by_body[body].headers.items()
                 if key.startswith("x-babelwire-error-")}
        assert error == ERRORS[name], name
    assert [copy.headers[topology.SOURCE_URI_HEADER] for copy in copies] == ["urn:good"]


def test_the_job_log_line_of_a_dead_letter_carries_its_reason_and_error_fields(broker_url, tmp_path):
    publish(broker_url, [("fr", POISON["not-english"][0])])
    env = clean_env(BABELWIRE_ENGINE="pseudo", BABELWIRE_STATE_DIR=str(tmp_path), BABELWIRE_LOG_FORMAT="json")
    log_path = tmp_path / "worker.log"

    def dead_letter_line():
        return next((line for line in json_lines(log_text(log_path)) if line.get("outcome") == "dead_lettered"), None)

    with cli_worker(broker_url, "uk", env, log_path):
        wait_until(dead_letter_line, 60, "the dead letter's job log line")
    line = dead_letter_line()
    assert (line["message_id"], line["language"], line["error_kind"], line["error_field"]) == (
        "fr", "uk", "MessageValidationError", "language")
    assert "uri" not in line, "a body that is no English item has no uri to log"
    assert "English items only" in line["reason"]


def json_lines(text):
    for line in text.splitlines():
        try:
            yield json.loads(line)
        except ValueError:  # a line cut by log_text's window, or one not yet written out
            continue


def test_watch_dead_prints_each_dead_letter_as_a_json_line(broker_url, tmp_path):
    publish(broker_url, [("bad", b"\xff\xfe not utf-8"), ("fr", POISON["not-english"][0])])
    env = clean_env(BABELWIRE_ENGINE="pseudo", BABELWIRE_STATE_DIR=str(tmp_path))
    from cli_helpers import run_babelwire

    with cli_worker(broker_url, "uk", env, tmp_path / "worker.log"):
        result = run_babelwire("watch", "--dead", "--count", "2", "--timeout", "60", "--broker", broker_url)
    assert result.returncode == 0, result.stderr.decode()
    lines = [json.loads(line) for line in result.stdout.decode().splitlines()]
    reasons = " | ".join(line["reason"] for line in lines)
    assert "not valid UTF-8" in reasons and "English items only" in reasons
    undecodable = next(line for line in lines if "body_base64" in line)
    assert undecodable["language"] == "uk"  # the bytes are shown, base64, not dropped
