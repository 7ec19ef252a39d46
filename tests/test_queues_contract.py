"""The delivery contract, run against the embedded broker and against real RabbitMQ (same tests)."""

import os
import signal
import threading
import time
from contextlib import contextmanager

import pytest
from kombu import Queue

from queue_fixtures import any_queue_type_url, embedded_url, python_process, rabbitmq_url, rabbitmq_vhosts  # noqa: F401
from babelwire.queues import events as events_module
from babelwire.queues import topology
from babelwire.queues.connection import connect
from babelwire.queues.consumer import JobConsumer
from babelwire.queues.errors import PublishFailedError
from babelwire.queues.outcomes import Ack, DeadLetter, Publication, Retry
from babelwire.queues.publisher import Publisher
from babelwire.queues.subscriber import follow

pytestmark = pytest.mark.slow


@pytest.fixture
def broker_url(any_queue_type_url):
    """Every contract test runs on the embedded broker, on RabbitMQ, and on RabbitMQ with quorum queues."""
    return any_queue_type_url


def submit(url, bodies, languages=("uk",), declare=True):
    with connect(url) as connection:
        if declare:
            topology.declare_topology(connection, languages)
        publisher = Publisher(connection)
        for i, body in enumerate(bodies):
            publisher.submit(body, languages, message_id=f"item-{i}", headers={"x-test": i})
        publisher.close()


def copy_of(delivery, suffix=b"-copy"):
    return Ack((Publication(delivery.body + suffix, delivery.language, f"{delivery.message_id}-{delivery.language}"),))


@contextmanager
def running(url, languages, handler, **options):
    events = []
    consumer = JobConsumer(url, languages, handler, on_event=lambda name, **fields: events.append((name, fields)),
                           **options)
    thread = threading.Thread(target=consumer.run, daemon=True)
    thread.start()
    try:
        yield consumer, events
    finally:
        consumer.stop()
        thread.join(35)
        assert not thread.is_alive(), "JobConsumer.run() did not return after stop()"


def queue_depth(url, name):
    """Messages ready in a queue (not counting unacked ones)."""
    with connect(url) as connection, connection.channel() as channel:
        return channel.queue_declare(queue=name, passive=True).message_count


def wait_for(predicate, timeout_s, interval_s=0.05):
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(interval_s)
    return predicate()


def test_publish_consume_round_trip_keeps_raw_bytes_headers_and_id(broker_url):
    seen = []
    submit(broker_url, [b"\xff\xfenot utf-8", b""])

    def handler(delivery):
        seen.append(delivery)
        return copy_of(delivery)

    with running(broker_url, ["uk"], handler):
        copies = list(follow(broker_url, languages=["uk"], count=2, timeout_s=15))
    assert sorted(c.body for c in copies) == [b"-copy", b"\xff\xfenot utf-8-copy"]
    assert {d.message_id for d in seen} == {"item-0", "item-1"}
    assert all(d.attempt == 1 and not d.redelivered and d.language == "uk" for d in seen)
    assert sorted(d.headers["x-test"] for d in seen) == [0, 1]
    assert queue_depth(broker_url, topology.job_queue_name("uk")) == 0


def test_submit_to_a_language_without_job_queue_fails_naming_it(broker_url):
    with connect(broker_url) as connection:
        topology.declare_topology(connection, ["uk"])
        with pytest.raises(PublishFailedError, match="'de'"):
            Publisher(connection).submit(b"{}", ["uk", "de"], message_id="x")


def test_declare_topology_is_idempotent(broker_url):
    with connect(broker_url) as connection:
        topology.declare_topology(connection, ["uk", "de"])
        topology.declare_topology(connection, ["uk", "de"])
    submit(broker_url, [b"a"], languages=("uk", "de"))
    assert queue_depth(broker_url, topology.job_queue_name("de")) == 1


KILLED_CONSUMER = """
import sys, time
from babelwire.queues.consumer import JobConsumer
def hang(delivery):
    print("handling", delivery.message_id, flush=True)
    time.sleep(600)
JobConsumer(sys.argv[1], ["uk"], hang, prefetch=1).run()
"""


def test_job_of_a_sigkilled_consumer_is_redelivered_and_completed(broker_url):
    submit(broker_url, [b"story"])
    process = python_process(KILLED_CONSUMER, broker_url)
    try:
        assert process.stdout.readline().split() == ["handling", "item-0"]
    finally:
        os.kill(process.pid, signal.SIGKILL)
        process.wait(10)
    seen = []
    with running(broker_url, ["uk"], lambda d: seen.append(d) or copy_of(d)):
        copies = list(follow(broker_url, languages=["uk"], count=1, timeout_s=20))
    assert [c.body for c in copies] == [b"story-copy"]
    assert seen[0].redelivered


BIND_ELSEWHERE = """
import sys
from kombu import Queue
from babelwire.queues.connection import connect
from babelwire.queues.topology import localized_exchange
with connect(sys.argv[1]) as connection, connection.channel() as channel:
    Queue(sys.argv[2], exchange=localized_exchange(), routing_key=sys.argv[3], durable=True).bind(channel).declare()
print("bound", flush=True)
"""


def test_a_binding_made_in_another_process_routes_our_publishes(broker_url):
    process = python_process(BIND_ELSEWHERE, broker_url, "desk.uk", "uk.#")
    assert process.stdout.readline().strip() == "bound", process.stderr.read()
    process.wait(10)
    with connect(broker_url) as connection:
        Publisher(connection).publish_copy(Publication(b"copy", "uk", "c-1"))
        with connection.channel() as channel:
            message = Queue("desk.uk", no_declare=True).bind(channel).get(no_ack=False)
            assert message is not None and message.body == b"copy"
            assert message.properties["message_id"] == "c-1"
            message.ack()


def test_retry_comes_back_after_its_delay_with_the_next_attempt(broker_url):
    submit(broker_url, [b"flaky"])
    seen = []

    def handler(delivery):
        seen.append((time.monotonic(), delivery))
        return Retry(0.6, "model load hiccup") if delivery.attempt < 3 else copy_of(delivery)

    with running(broker_url, ["uk"], handler):
        copies = list(follow(broker_url, languages=["uk"], count=1, timeout_s=20))
    assert [c.body for c in copies] == [b"flaky-copy"]
    assert [d.attempt for _, d in seen] == [1, 2, 3]
    assert seen[1][1].headers[topology.RETRY_REASON_HEADER] == "model load hiccup"
    gaps = [later - earlier for (earlier, _), (later, _) in zip(seen, seen[1:])]
    assert all(gap >= 0.55 for gap in gaps), gaps


def error_headers_of(headers):
    return {key: value for key, value in headers.items() if key.startswith(topology.ERROR_HEADER_PREFIX)}


def test_a_job_waiting_in_a_retry_queue_shows_its_error_not_an_earlier_attempts(rabbitmq_url):
    # RabbitMQ only: the embedded broker keeps a delayed job in its job queue, invisible, not in a retry queue.
    earlier = {topology.ERROR_KIND_HEADER: "ModelLoadError", "x-babelwire-error-model": "opus-mt-en-uk", "x-test": 1}
    error = {"kind": "InvalidInputError", "field": "body_text", "text_index": 1, "tried": ["a", "b"]}
    with connect(rabbitmq_url) as connection:
        topology.declare_topology(connection, ["uk"])
        Publisher(connection).publish_retry(b"job", "uk", attempt=2, delay_s=30, reason="InvalidInputError: bad span",
                                            message_id="m-1", headers=earlier, error=error)
        with connection.channel() as channel:  # what an operator peeking at the retry queue sees
            waiting = Queue(topology.retry_queue("uk", 30).name, no_declare=True).bind(channel).get(no_ack=True)
    assert waiting is not None and waiting.body == b"job"
    assert error_headers_of(waiting.headers) == {
        topology.ERROR_KIND_HEADER: "InvalidInputError", "x-babelwire-error-field": "body_text",
        "x-babelwire-error-text-index": 1, "x-babelwire-error-tried": "a, b"}
    assert waiting.headers[topology.RETRY_REASON_HEADER] == "InvalidInputError: bad span"
    assert (waiting.headers[topology.ATTEMPT_HEADER], waiting.headers["x-test"]) == (3, 1)


def test_each_retry_delivers_the_error_of_the_attempt_before_it_only(broker_url):
    submit(broker_url, [b"flaky"])
    errors = {1: {"kind": "ModelLoadError", "model": "opus-mt-en-uk", "language": "uk"},
              2: {"kind": "InvalidInputError", "field": "body_text", "text_index": 0}}
    seen = {}

    def handler(delivery):
        seen[delivery.attempt] = delivery.headers
        if delivery.attempt in errors:
            return Retry(0.2, f"attempt {delivery.attempt} failed", error=errors[delivery.attempt])
        return copy_of(delivery)

    with running(broker_url, ["uk"], handler):
        assert len(list(follow(broker_url, languages=["uk"], count=1, timeout_s=20))) == 1
    assert error_headers_of(seen[1]) == {}
    assert error_headers_of(seen[2]) == {topology.ERROR_KIND_HEADER: "ModelLoadError",
                                         "x-babelwire-error-model": "opus-mt-en-uk", "x-babelwire-error-language": "uk"}
    assert error_headers_of(seen[3]) == {topology.ERROR_KIND_HEADER: "InvalidInputError",
                                         "x-babelwire-error-field": "body_text", "x-babelwire-error-text-index": 0}
    assert seen[3][topology.RETRY_REASON_HEADER] == "attempt 2 failed"


def test_a_long_retry_delay_does_not_hold_back_a_shorter_one(broker_url):
    with connect(broker_url) as connection:
        topology.declare_topology(connection, ["uk"])
        publisher = Publisher(connection)
        publisher.publish_retry(b"slow", "uk", attempt=1, delay_s=30, reason="long", message_id="slow")
        publisher.publish_retry(b"quick", "uk", attempt=1, delay_s=0.3, reason="short", message_id="quick")
    with running(broker_url, ["uk"], copy_of):
        started = time.monotonic()
        copies = list(follow(broker_url, languages=["uk"], count=1, timeout_s=10))
    assert [c.body for c in copies] == [b"quick-copy"]
    assert time.monotonic() - started < 8


def test_dead_letter_keeps_original_body_reason_language_and_attempt(broker_url):
    submit(broker_url, [b"\x00\xffgarbage"])
    with running(broker_url, ["uk"], lambda d: DeadLetter("body is not valid UTF-8 (byte 0xff at 1)")):
        dead = list(follow(broker_url, dead=True, count=1, timeout_s=15))
    assert dead[0].body == b"\x00\xffgarbage"
    assert dead[0].headers[topology.REASON_HEADER] == "body is not valid UTF-8 (byte 0xff at 1)"
    assert dead[0].headers[topology.LANGUAGE_HEADER] == "uk"
    assert dead[0].headers[topology.ATTEMPT_HEADER] == 1
    assert dead[0].language == "uk"
    assert queue_depth(broker_url, topology.job_queue_name("uk")) == 0


def test_dead_letter_carries_the_error_kind_and_fields_in_headers_and_its_event(broker_url):
    with connect(broker_url) as connection:  # a job that was dead-lettered once before, and sent back
        topology.declare_topology(connection, ["uk"])
        earlier = {topology.ERROR_KIND_HEADER: "MessageDecodeError", "x-babelwire-error-offset": 7}
        Publisher(connection).submit(b'{"language": "fr"}', ["uk"], message_id="fr", headers=earlier)
    error = {"kind": "MessageValidationError", "field": "language", "text_index": 0, "tried": ["a", "b"]}
    with running(broker_url, ["uk"], lambda d: DeadLetter("not English", error=error)) as (_, events):
        dead = list(follow(broker_url, dead=True, count=1, timeout_s=15))
    headers = {key: value for key, value in dead[0].headers.items() if key.startswith("x-babelwire-error-")}
    assert headers == {topology.ERROR_KIND_HEADER: "MessageValidationError", "x-babelwire-error-field": "language",
                       "x-babelwire-error-text-index": 0, "x-babelwire-error-tried": "a, b"}
    assert dead[0].headers[topology.REASON_HEADER] == "not English"
    (fields,) = [fields for name, fields in events if name == events_module.DEAD_LETTERED]
    assert (fields["reason"], fields["error_kind"], fields["error_field"]) == (
        "not English", "MessageValidationError", "language")


def test_unroutable_copy_is_not_acked_and_completes_once_a_binding_exists(broker_url):
    submit(broker_url, [b"story"], languages=("uk",))
    routed = Queue("late.desk", exchange=topology.localized_exchange(), routing_key="xx", durable=True)

    def handler(delivery):
        return Ack((Publication(b"copy", "xx", "story-xx"),))  # nothing is bound for "xx" yet

    with running(broker_url, ["uk"], handler) as (consumer, events):
        assert wait_for(lambda: any(name == "publish_failed" for name, _ in events), 10)
        assert not any(name == "ack" for name, _ in events)
        with connect(broker_url) as connection, connection.channel() as channel:
            routed.bind(channel).declare()
        assert wait_for(lambda: any(name == "ack" for name, _ in events), 15)
    assert any(name == "requeued" for name, _ in events)
    assert queue_depth(broker_url, "late.desk") == 1
    assert queue_depth(broker_url, topology.job_queue_name("uk")) == 0


def test_stop_during_a_slow_handler_finishes_the_job_when_it_can(broker_url):
    submit(broker_url, [b"story"])
    started = threading.Event()

    def slow(delivery):
        started.set()
        time.sleep(1.5)
        return copy_of(delivery)

    with running(broker_url, ["uk"], slow, stop_timeout_s=10) as (consumer, events):
        assert started.wait(10)
        stop_called = time.monotonic()
        consumer.stop()
    assert time.monotonic() - stop_called < 10
    assert [name for name, _ in events if name in ("ack", "requeued")] == ["ack"]
    assert [c.body for c in follow(broker_url, languages=["uk"], count=1, timeout_s=5)] == [b"story-copy"]


def test_stop_during_a_too_slow_handler_requeues_the_job(broker_url):
    submit(broker_url, [b"story"])
    started, release = threading.Event(), threading.Event()

    def stuck(delivery):
        started.set()
        release.wait(30)
        return copy_of(delivery)

    with running(broker_url, ["uk"], stuck, stop_timeout_s=0.5) as (consumer, events):
        assert started.wait(10)
        stop_called = time.monotonic()
        consumer.stop()
    release.set()
    assert time.monotonic() - stop_called < 5
    assert [name for name, _ in events if name in ("ack", "requeued")] == ["requeued"]
    assert queue_depth(broker_url, topology.job_queue_name("uk")) == 1


def test_unacked_jobs_stay_within_prefetch_over_all_languages(broker_url):
    submit(broker_url, [b"job-%d" % i for i in range(12)], languages=("uk", "de"))
    release = threading.Event()

    def blocked(delivery):
        release.wait(30)
        return copy_of(delivery)

    def received():
        return sum(1 for name, _ in events if name == "received")

    with running(broker_url, ["uk", "de"], blocked, prefetch=3) as (consumer, events):
        assert wait_for(lambda: received() >= 3, 30), "the consumer should fill its prefetch"
        time.sleep(1.0)  # room for a fourth delivery, if the bound did not hold
        held = received()
        release.set()
        assert wait_for(lambda: sum(1 for name, _ in events if name == "ack") == 24, 30)
    assert held == 3


@pytest.mark.rabbitmq
def test_consumer_reconnects_when_rabbitmq_drops_its_connection(rabbitmq_url):
    from queue_fixtures import close_vhost_connections

    submit(rabbitmq_url, [b"before"])
    with running(rabbitmq_url, ["uk"], copy_of) as (consumer, events):
        assert [c.body for c in follow(rabbitmq_url, languages=["uk"], count=1, timeout_s=10)] == [b"before-copy"]
        close_vhost_connections(rabbitmq_url)
        assert wait_for(lambda: any(name == "disconnected" for name, _ in events), 10)
        submit(rabbitmq_url, [b"after"])
        copies = list(follow(rabbitmq_url, languages=["uk"], count=1, timeout_s=30))
    assert [c.body for c in copies] == [b"after-copy"]
    assert [name for name, _ in events].count("connected") >= 2


class FirstCallGate:
    """Holds the handler's first call (a single job or a batch, whichever comes first) until released, so
    that the jobs delivered meanwhile wait together."""

    def __init__(self):
        self.entered, self.released = threading.Event(), threading.Event()

    def pass_through(self):
        if not self.entered.is_set():
            self.entered.set()
            self.released.wait(30)


def test_jobs_that_wait_together_reach_the_batch_handler_together_and_each_is_settled(broker_url):
    submit(broker_url, [b"job-%d" % i for i in range(9)])
    gate, sizes = FirstCallGate(), []

    def one(delivery):
        sizes.append(1)
        gate.pass_through()
        return copy_of(delivery)

    def together(deliveries):
        sizes.append(len(deliveries))
        gate.pass_through()
        return [copy_of(delivery) for delivery in deliveries]

    with running(broker_url, ["uk"], one, batch_handler=together, max_batch=4, prefetch=8) as (consumer, events):
        assert gate.entered.wait(10)
        assert wait_for(lambda: sum(1 for name, _ in events if name == "received") == 8, 10)
        gate.released.set()
        copies = list(follow(broker_url, languages=["uk"], count=9, timeout_s=30))
        assert wait_for(lambda: sum(1 for name, _ in events if name == "ack") == 9, 10)
    assert sorted(copy.body for copy in copies) == sorted(b"job-%d-copy" % i for i in range(9))
    # While the first call was held, at least four jobs waited: the next call took max_batch of them.
    assert sum(sizes) == 9 and max(sizes) == 4, sizes


def test_a_failing_batch_handler_puts_every_job_of_the_batch_back_unacked(broker_url):
    submit(broker_url, [b"job-%d" % i for i in range(3)])
    gate, batches = FirstCallGate(), []

    def one(delivery):
        gate.pass_through()
        return copy_of(delivery)

    def broken(deliveries):
        batches.append(len(deliveries))
        gate.pass_through()
        if len(batches) == 1:
            raise RuntimeError("bug in the batch handler")
        return [copy_of(delivery) for delivery in deliveries]

    with running(broker_url, ["uk"], one, batch_handler=broken, max_batch=4, prefetch=8) as (consumer, events):
        consumer.requeue_pause_s = 0.1
        assert gate.entered.wait(10)
        assert wait_for(lambda: sum(1 for name, _ in events if name == "received") == 3, 10)
        gate.released.set()
        copies = list(follow(broker_url, languages=["uk"], count=3, timeout_s=30))
    assert sorted(copy.body for copy in copies) == [b"job-0-copy", b"job-1-copy", b"job-2-copy"]
    assert batches[0] >= 2 and sum(1 for name, _ in events if name == "handler_failed") == batches[0]
