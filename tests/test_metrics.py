"""Metrics: events in, Prometheus samples out; each test has a registry of its own."""

import pytest
from prometheus_client import generate_latest

from babelwire.queues.outcomes import Ack, DeadLetter, Retry
from babelwire.worker.metrics import Metrics, fan_out


@pytest.fixture
def metrics():
    return Metrics(process_metrics=False)


def sample(metrics, name, **labels):
    return metrics.registry.get_sample_value(name, labels)


def test_job_counters_count_per_language(metrics):
    # The consumer reports an applied outcome under the outcome's own event name.
    for name in ("received", "received", Ack.event, Retry.event, DeadLetter.event):
        metrics.on_event(name, language="uk", message_id="urn:x@1", attempt=1)
    metrics.on_event("received", language="de")

    assert sample(metrics, "babelwire_jobs_consumed_total", language="uk") == 2
    assert sample(metrics, "babelwire_jobs_consumed_total", language="de") == 1
    assert sample(metrics, "babelwire_jobs_published_total", language="uk") == 1
    assert sample(metrics, "babelwire_jobs_retried_total", language="uk") == 1
    assert sample(metrics, "babelwire_jobs_dead_lettered_total", language="uk") == 1


def test_translated_feeds_latency_tokens_spans_and_fallbacks(metrics):
    metrics.on_event("translated", language="uk", seconds=0.5, tokens=100, protected_spans=3, fallbacks=1)

    assert sample(metrics, "babelwire_translation_seconds_count", language="uk") == 1
    assert sample(metrics, "babelwire_translation_seconds_sum", language="uk") == 0.5
    assert sample(metrics, "babelwire_translation_seconds_bucket", language="uk", le="0.5") == 1
    assert sample(metrics, "babelwire_translated_words_total", language="uk") == 100
    assert sample(metrics, "babelwire_words_per_second_sum", language="uk") == 200
    assert sample(metrics, "babelwire_protected_spans_total", language="uk") == 3
    assert sample(metrics, "babelwire_fallbacks_total", language="uk", kind="segment") == 1


def test_a_job_of_a_shared_batch_reports_the_batch_rate_and_only_its_own_tokens(metrics):
    metrics.on_event("translated", language="uk", seconds=2.0, tokens=100, batch_tokens=400)

    assert sample(metrics, "babelwire_translated_words_total", language="uk") == 100
    assert sample(metrics, "babelwire_words_per_second_sum", language="uk") == 200


def test_translated_without_tokens_observes_latency_only(metrics):
    metrics.on_event("translated", language="de", seconds=1.0)

    assert sample(metrics, "babelwire_translation_seconds_count", language="de") == 1
    assert sample(metrics, "babelwire_words_per_second_count", language="de") is None


def test_requeues_and_failures_count_by_kind(metrics):
    metrics.on_event("requeued", language="uk", message_id="m")
    metrics.on_event("publish_failed", language="uk", error="confirm timed out")
    assert sample(metrics, "babelwire_job_problems_total", language="uk", kind="requeued") == 1
    assert sample(metrics, "babelwire_job_problems_total", language="uk", kind="publish_failed") == 1


def test_broker_connected_gauge_follows_connection_events(metrics):
    metrics.on_event("connected", languages=("uk",), url="amqp://guest:**@127.0.0.1:5672//")
    assert sample(metrics, "babelwire_broker_connected") == 1
    metrics.on_event("disconnected", error="connection reset")
    assert sample(metrics, "babelwire_broker_connected") == 0
    metrics.on_event("connected", languages=("uk",), url="x")
    metrics.on_event("broker_unavailable", error="refused")
    assert sample(metrics, "babelwire_broker_connected") == 0


def test_models_loaded_gauge_follows_model_loaded_events(metrics):
    metrics.on_event("model_loaded", language="uk", model="/models/uk")
    assert sample(metrics, "babelwire_models_loaded", language="uk", model="/models/uk") == 1
    assert sample(metrics, "babelwire_models_loaded", language="de", model="/models/uk") is None


def test_unknown_events_and_missing_language_do_not_raise(metrics):
    metrics.on_event("something_new", anything=1)
    metrics.on_event("received")
    assert sample(metrics, "babelwire_jobs_consumed_total", language="unknown") == 1


def test_malformed_field_is_logged_not_raised(metrics, caplog):
    metrics.on_event("translated", language="uk", seconds="soon")
    assert "malformed" in caplog.text
    assert sample(metrics, "babelwire_translation_seconds_count", language="uk") is None


def test_two_instances_do_not_share_a_registry():
    first, second = Metrics(process_metrics=False), Metrics(process_metrics=False)
    first.on_event("received", language="uk")
    assert second.registry.get_sample_value("babelwire_jobs_consumed_total", {"language": "uk"}) is None


def test_exposition_has_help_and_process_metrics():
    text = generate_latest(Metrics().registry).decode()
    assert "# HELP babelwire_jobs_consumed_total" in text
    assert "process_resident_memory_bytes" in text


def test_fan_out_calls_every_hook_in_order():
    calls = []
    hook = fan_out(lambda name, **f: calls.append(("a", name, f)), None, lambda name, **f: calls.append(("b", name, f)))
    hook("published", language="uk")
    assert calls == [("a", "published", {"language": "uk"}), ("b", "published", {"language": "uk"})]
