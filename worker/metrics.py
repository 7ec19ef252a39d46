"""Prometheus metrics of one worker process, fed by events.

The consumer and the job handler know nothing of Prometheus: they call a hook `on_event(name, **fields)`.
`Metrics.on_event` maps those events onto counters, histograms and gauges in its own registry, which the
health server exposes on `/metrics`.

Events (names and fields in `babelwire.queues.events` for the consumer's, `babelwire.worker.events` for the handler's and the
composition's) and what they count:

| event                        | from     | effect                                                  |
|------------------------------|----------|---------------------------------------------------------|
| `RECEIVED`                   | consumer | jobs_consumed_total{language} +1                        |
| `ACKED`                      | consumer | jobs_published_total{language} +1 (copy confirmed, job acked) |
| `RETRIED`                    | consumer | jobs_retried_total{language} +1                         |
| `DEAD_LETTERED`              | consumer | jobs_dead_lettered_total{language} +1                   |
| `REQUEUED`, `HANDLER_FAILED`, `PUBLISH_FAILED` | consumer | job_problems_total{language,kind} +1  |
| `CONNECTED` / `DISCONNECTED`, `BROKER_UNAVAILABLE` | consumer | broker_connected = 1 / 0            |
| `TRANSLATED`                 | handler  | latency (seconds), tokens and tokens/s (tokens, when given; batch_tokens / seconds for a job translated in a shared batch), protected_spans, fallbacks_total{kind="segment"}, sentences_translated_total and sentences_from_memory_total (sentences - from_memory, from_memory) |
| `MODEL_LOADED`               | composition | models_loaded{language,model} = 1                    |

Other event names (`PASSED_ON`, ...) are ignored, so a component may emit events that no one measures yet.

`watch_memory(memory)` adds `babelwire_memory_failures_total`: calls to the translation memory's store that
failed (and were translated without it), read from the memory when scraped.
"""

import logging
from collections.abc import Callable
from typing import Any

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram
from prometheus_client.core import CounterMetricFamily
from prometheus_client.process_collector import ProcessCollector

from babelwire.queues import events
from babelwire.worker.events import MODEL_LOADED, TRANSLATED

EventHook = Callable[..., None]

# Seconds per job: a short item on a warm CPU model takes well under a second; a long one on CPU, a minute.
LATENCY_BUCKETS = (0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 120.0, 300.0)
WORDS_PER_SECOND_BUCKETS = (1, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000)
UNKNOWN = "unknown"

log = logging.getLogger(__name__)


class Metrics:
    """All metrics of one worker process, in a registry of their own (tests create as many as they like)."""

    def __init__(self, registry: CollectorRegistry | None = None, *, process_metrics: bool = True):
        self.registry = registry if registry is not None else CollectorRegistry()
        if process_metrics:
            ProcessCollector(registry=self.registry)  # process_resident_memory_bytes, cpu seconds, open fds
        self._define_job_counters()
        self._define_translation_metrics()
        self._handlers = {
            events.RECEIVED: self._consumed,
            events.ACKED: self._published,
            events.RETRIED: self._retried,
            events.DEAD_LETTERED: self._dead_lettered,
            events.REQUEUED: self._problem,
            events.HANDLER_FAILED: self._problem,
            events.PUBLISH_FAILED: self._problem,
            events.CONNECTED: self._connected,
            events.DISCONNECTED: self._disconnected,
            events.BROKER_UNAVAILABLE: self._disconnected,
            TRANSLATED: self._translated,
            MODEL_LOADED: self._model_loaded,
        }

    def on_event(self, name: str, **fields: Any) -> None:
        """The hook handed to the consumer and the handler.

        A malformed field (say `seconds="soon"`) is logged as a warning, not raised: a measuring mistake
        must not turn a translated job into a failed one.
        """
        handler = self._handlers.get(name)
        if handler is None:
            return
        try:
            handler(_language(fields), {**fields, "event": name})
        except (TypeError, ValueError) as error:
            log.warning("metrics: ignored malformed %r event %r: %s", name, fields, error)

    def _define_job_counters(self) -> None:
        r = self.registry
        self.consumed = Counter("babelwire_jobs_consumed", "Jobs taken off a job queue.", ["language"], registry=r)
        self.published = Counter(
            "babelwire_jobs_published", "Localised copies confirmed by the broker.", ["language"], registry=r
        )
        self.retried = Counter("babelwire_jobs_retried", "Jobs scheduled for another attempt.", ["language"], registry=r)
        self.dead_lettered = Counter(
            "babelwire_jobs_dead_lettered", "Jobs moved to the dead-letter queue.", ["language"], registry=r
        )
        self.problems = Counter(
            "babelwire_job_problems", "Jobs put back on their queue (requeued, handler or publish failed).",
            ["language", "kind"], registry=r,
        )
        self.broker_connected = Gauge("babelwire_broker_connected", "1 while connected to the broker.", registry=r)

    def _define_translation_metrics(self) -> None:
        r = self.registry
        self.latency = Histogram(
            "babelwire_translation_seconds", "Time to translate one item into one language.",
            ["language"], buckets=LATENCY_BUCKETS, registry=r,
        )
        self.words = Counter(
            "babelwire_translated_words", "Whitespace-separated words of the fields translated (source).", ["language"],
            registry=r,
        )
        self.words_per_second = Histogram(
            "babelwire_words_per_second", "Throughput of one job (source words translated / seconds).",
            ["language"], buckets=WORDS_PER_SECOND_BUCKETS, registry=r,
        )
        self.protected_spans = Counter(
            "babelwire_protected_spans", "Quotes, names and other spans kept verbatim.", ["language"], registry=r
        )
        self.fallbacks = Counter(
            "babelwire_fallbacks", "Segments whose translation was replaced by a fallback.",
            ["language", "kind"], registry=r,
        )
        self.sentences_translated = Counter(
            "babelwire_sentences_translated",
            "Sentences translated by the model (not found in the translation memory).",
            ["language"], registry=r,
        )
        self.sentences_from_memory = Counter(
            "babelwire_sentences_from_memory", "Sentences whose translation came from the translation memory.",
            ["language"], registry=r,
        )
        self.models_loaded = Gauge(
            "babelwire_models_loaded", "1 for each model held in memory.", ["language", "model"], registry=r
        )

    def _consumed(self, language: str, fields: dict) -> None:
        self.consumed.labels(language).inc()

    def _published(self, language: str, fields: dict) -> None:
        self.published.labels(language).inc()

    def _retried(self, language: str, fields: dict) -> None:
        self.retried.labels(language).inc()

    def _dead_lettered(self, language: str, fields: dict) -> None:
        self.dead_lettered.labels(language).inc()

    def _problem(self, language: str, fields: dict) -> None:
        self.problems.labels(language, fields["event"]).inc()

    def _connected(self, language: str, fields: dict) -> None:
        self.broker_connected.set(1)

    def _disconnected(self, language: str, fields: dict) -> None:
        self.broker_connected.set(0)

    def _translated(self, language: str, fields: dict) -> None:
        seconds = float(fields.get("seconds", 0.0))
        self.latency.labels(language).observe(seconds)
        tokens = int(fields.get("tokens") or 0)
        if tokens:
            self.words.labels(language).inc(tokens)
            if seconds > 0:  # a job translated in a shared batch took the batch's time for the batch's tokens
                rate_tokens = int(fields.get("batch_tokens") or tokens)
                self.words_per_second.labels(language).observe(rate_tokens / seconds)
        self.protected_spans.labels(language).inc(int(fields.get("protected_spans") or 0))
        fallbacks = int(fields.get("fallbacks") or 0)
        if fallbacks:
            self.fallbacks.labels(language, "segment").inc(fallbacks)
        from_memory = int(fields.get("from_memory") or 0)
        self.sentences_translated.labels(language).inc(int(fields.get("sentences") or 0) - from_memory)
        self.sentences_from_memory.labels(language).inc(from_memory)

    def watch_memory(self, memory) -> None:
        """Export the failed store calls of `memory` (a SentenceMemory) as babelwire_memory_failures_total."""
        self.registry.register(_MemoryFailures(memory))

    def _model_loaded(self, language: str, fields: dict) -> None:
        self.models_loaded.labels(language, str(fields.get("model") or UNKNOWN)).set(1)


class _MemoryFailures:
    """A collector: the memory counts its failures itself, this reads them when Prometheus scrapes."""

    def __init__(self, memory):
        self._memory = memory

    def collect(self):
        family = CounterMetricFamily("babelwire_memory_failures",
                                     "Translation memory store calls that failed (translated without the memory).")
        family.add_metric([], self._memory.failures)
        yield family


def fan_out(*hooks: EventHook | None) -> EventHook:
    """One `on_event` hook that calls each given hook in turn (None entries are skipped)."""
    live = [hook for hook in hooks if hook is not None]

    def on_event(name: str, **fields: Any) -> None:
        for hook in live:
            hook(name, **fields)

    return on_event


def _language(fields: dict) -> str:
    return str(fields.get("language") or UNKNOWN)
