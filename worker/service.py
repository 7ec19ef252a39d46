"""The worker process: a translator and a job consumer wired together, stopped by SIGTERM / SIGINT.

    translator, models = ready_translator(settings)        # engine, every served model loaded now: fail early
    service = build_worker(settings, translator, models)
    service.run()                                          # blocks until a signal asks it to stop

The first SIGTERM or SIGINT asks the consumer to finish or requeue the job in hand and return (within
its stop timeout, under 30 s); a second one stops at once, for an operator who has seen enough, with the
status a shell reports for that signal (143 for SIGTERM, 130 for SIGINT): the job in hand was never
acknowledged, so the broker gives it to the next worker.
"""

import logging
import signal
from collections.abc import Callable
from typing import TYPE_CHECKING

from babelwire.queues import events
from babelwire.queues.consumer import JobConsumer
from babelwire.worker.handler import JobHandler
from babelwire.worker.events import MODEL_LOADED
from babelwire.worker.exits import exit_now, exit_status_for_signal
from babelwire.worker.health import BrokerState, HealthServer, start_http_server
from babelwire.worker.logs import JobOutcomeLog
from babelwire.worker.metrics import Metrics, fan_out
from babelwire.worker.settings import Settings

if TYPE_CHECKING:  # annotations only: the pipeline is imported where a translator is built
    from babelwire.translation.round_trip.pipeline import Translator

log = logging.getLogger(__name__)

STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT)


class WorkerService:
    """Runs a consumer in the foreground and turns stop signals into a graceful stop.

    Arguments:
        consumer: the JobConsumer to run.
        start_health: starts the health/metrics server for the time of `run()` (returns None for none).
    """

    def __init__(self, consumer: JobConsumer, start_health: Callable[[], HealthServer | None] = lambda: None):
        self._consumer = consumer
        self._start_health = start_health

    def run(self) -> None:
        previous = {sig: signal.signal(sig, self._on_signal) for sig in STOP_SIGNALS}
        health = self._start_health()
        try:
            self._consumer.run()
        finally:
            if health is not None:
                health.stop()
            for sig, handler in previous.items():
                signal.signal(sig, handler)

    def stop(self) -> None:
        self._consumer.stop()

    def translation_outlived_stop(self, grace_s: float = 1.0) -> bool:
        """After `run()`: True when a translation still runs although its job went back to the broker.

        The process must then leave through `babelwire.worker.exits.exit_now`: interpreter shutdown under a running
        CTranslate2 call aborts it (exit 134) instead of the clean exit a supervisor expects.
        """
        return not self._consumer.handler_ended(grace_s)

    def _on_signal(self, signum, _frame) -> None:
        log.info("received %s: finishing the job in hand, then stopping", signal.Signals(signum).name)
        for sig in STOP_SIGNALS:
            signal.signal(sig, self._on_second_signal)
        self.stop()

    @staticmethod
    def _on_second_signal(signum, _frame) -> None:
        log.warning("received %s again: stopping now; the job in hand goes back to its queue",
                    signal.Signals(signum).name)
        exit_now(exit_status_for_signal(signum))  # no interpreter shutdown under a running native translation


def log_broker_events(name: str, **fields) -> None:
    """Say when the broker goes away or comes back: the consumer reconnects by itself, quietly otherwise."""
    if name in (events.BROKER_UNAVAILABLE, events.DISCONNECTED):
        log.warning("broker %s: %s (reconnecting)", name.replace("_", " "), fields.get("error", ""))
    elif name == events.CONNECTED:
        log.info("connected to the broker; serving %s", ",".join(fields.get("languages", ())))


def build_handler(settings: Settings, translator, on_event: Callable[..., None] | None = None) -> JobHandler:
    options = {"on_event": on_event} if on_event is not None else {}
    return JobHandler(
        translator, max_attempts=settings.max_attempts, retry_base_delay_s=settings.retry_base_delay_s, **options
    )


def build_consumer(settings: Settings, handler: JobHandler, on_event: Callable[..., None] | None = None) -> JobConsumer:
    """The consumer of `settings`, driving `handler.handle` and `handler.handle_batch` (a JobHandler, or one
    that wraps it, as `babelwire run` does to count what ended)."""
    return JobConsumer(
        settings.resolved_broker_url,
        settings.languages,
        handler.handle,
        batch_handler=handler.handle_batch,
        max_batch=settings.batch_jobs,
        prefetch=settings.prefetch,
        stop_timeout_s=settings.stop_timeout_s,
        heartbeat=settings.heartbeat_s,
        on_event=on_event,
    )


def preflight(engine, languages) -> dict:
    """Load the model of every served language before taking jobs; {language: ModelInfo}.

    A worker whose model is missing would otherwise dead-letter every job of that language until someone
    noticed; failing at start leaves the jobs queued for a correctly configured worker.

    Raises:
        ModelNotFoundError: permanent, the configuration must change (names every language without a model).
        ModelLoadError: transient, starting again may work.
    """
    from babelwire.worker.build import load_models  # imported late: it pulls in the engines

    models = load_models(engine, languages)
    for language, model in models.items():
        log.info("model for %s: %s (%s, revision %s)", language, model.model_id, model.engine, model.revision)
    return models


def ready_translator(settings: Settings) -> tuple["Translator", dict]:
    """The translator of `settings` over its engine, with the model of every served language already
    loaded (`preflight`), and those models ({language: ModelInfo}). Raises as `preflight`."""
    from babelwire.worker.build import build_translator  # imported late: it pulls in the pipeline
    from babelwire.worker.engines import build_engine

    engine = build_engine(settings)
    models = preflight(engine, settings.languages)
    return build_translator(settings, engine=engine), models


def build_worker(settings: Settings, translator, models: dict | None = None) -> WorkerService:
    """A worker for `settings.languages` on `settings.resolved_broker_url` that translates with
    `translator`, with its metrics, job-outcome log and (when `settings.http_port` is set) health server.

    `models` is what `preflight` loaded ({language: ModelInfo}): readiness requires a model for every
    served language.
    """
    metrics, broker_state = Metrics(), BrokerState()
    if getattr(translator, "memory", None) is not None:
        metrics.watch_memory(translator.memory)
        log.info("translation memory: %s", translator.memory.store.name)
    on_event = fan_out(metrics.on_event, broker_state.on_event, JobOutcomeLog().on_event, log_broker_events)
    consumer = build_consumer(settings, build_handler(settings, translator, on_event), on_event)
    models = models or {}
    for language, model in models.items():
        on_event(MODEL_LOADED, language=language, model=model.model_id)

    def models_loaded() -> bool:
        return all(language in models for language in settings.languages)

    def start_health() -> HealthServer | None:
        checks = {"broker": broker_state.is_connected, "models": models_loaded}
        return start_http_server(settings, checks, metrics.registry)

    return WorkerService(consumer, start_health=start_health)
