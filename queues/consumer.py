"""The consumer adapter: deliveries in, the handler's outcome applied, ack only after confirmed publishes.

    consumer thread (owns the connection)            handler thread
    ─────────────────────────────────────            ──────────────
    drain events, heartbeats, lease renewal  ─Work─►  handler(Delivery) -> Outcome, or for the jobs
    publish outcome (confirmed), then ack    ◄─done─  waiting together: batch_handler([Delivery]) -> [Outcome]

Rules it keeps:
- never ack before every publish of the outcome is confirmed; a failed publish puts the job back on its
  queue after a growing pause (so an unroutable copy completes once a binding exists, without a busy loop);
- after a reconnect, never touch a delivery tag of the old channel: that job is redelivered instead;
- `stop()` (thread-safe, signal-safe) finishes or requeues the job in hand within `stop_timeout_s`.
"""

import queue
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

from kombu import Connection, Consumer, Queue
from kombu.message import Message

from babelwire.queues import events, topology
from babelwire.queues.connection import broker_errors, connect
from babelwire.queues.errors import PublishFailedError, QueueError, one_line
from babelwire.queues.outcomes import Ack, DeadLetter, Outcome, Retry
from babelwire.queues.publisher import Publisher

POLL_S = 0.2  # idle: wait this long for a delivery
BUSY_POLL_S = 0.05  # a job is in hand: come back this often to settle it as soon as it is done
MAX_REQUEUE_PAUSE_S = 30.0
MAX_RECONNECT_PAUSE_S = 5.0


@dataclass(frozen=True)
class Delivery:
    """A job as the handler sees it: raw body bytes (never decoded here), attempt counted from 1."""

    body: bytes
    headers: dict
    language: str
    attempt: int
    redelivered: bool
    message_id: str | None = None
    content_type: str | None = None


Handler = Callable[[Delivery], Outcome]
BatchHandler = Callable[[list[Delivery]], Sequence[Outcome]]
EventHook = Callable[..., None]  # on_event(name, **fields)


def delivery_from(message: Message, language: str) -> Delivery:
    headers = dict(message.headers or {})
    body = message.body if message.body is not None else b""
    if isinstance(body, str):  # only when a foreign producer set a text encoding on a non-amqp transport
        body = body.encode("utf-8", "surrogateescape")
    return Delivery(
        body=bytes(body),
        headers=headers,
        language=language,
        attempt=_attempt(headers),
        redelivered=bool(message.delivery_info.get("redelivered")),
        message_id=message.properties.get("message_id"),
        content_type=message.content_type,
    )


def _attempt(headers: dict) -> int:
    try:
        return max(1, int(headers.get(topology.ATTEMPT_HEADER, 1)))
    except (TypeError, ValueError):
        return 1


class Work:
    """One delivery handed to the handler thread; `done` is set when `outcome` or `error` is known."""

    def __init__(self, delivery: Delivery):
        self.delivery = delivery
        self.done = threading.Event()
        self.outcome: Outcome | None = None
        self.error: BaseException | None = None
        self._lock = threading.Lock()
        self._state = "waiting"  # -> running | cancelled

    def try_cancel(self) -> bool:
        """Cancel if not started yet -> True; False when the handler already has it."""
        with self._lock:
            if self._state == "waiting":
                self._state = "cancelled"
            return self._state == "cancelled"

    def try_start(self) -> bool:
        with self._lock:
            if self._state == "waiting":
                self._state = "running"
            return self._state == "running"


class HandlerThread:
    """A daemon thread that runs the submitted `Work`: with a `batch_handler`, every job waiting when it
    takes one (up to `max_batch`) goes in one `batch_handler(deliveries)` call; else `handler(delivery)`
    one at a time."""

    def __init__(self, handler: Handler, name: str = "babelwire-handler", batch_handler: BatchHandler | None = None,
                 max_batch: int = 1):
        self.handler = handler
        self.batch_handler = batch_handler
        self.max_batch = max_batch if batch_handler is not None else 1
        self._inbox: queue.Queue[Work | None] = queue.Queue()
        self._thread = threading.Thread(target=self._loop, name=name, daemon=True)

    def start(self) -> None:
        self._thread.start()

    def submit(self, delivery: Delivery) -> Work:
        work = Work(delivery)
        self._inbox.put(work)
        return work

    def shutdown(self) -> None:
        """Let the thread end after the work in hand (a daemon: it cannot keep the process alive)."""
        self._inbox.put(None)

    def wait_ended(self, timeout_s: float) -> bool:
        """After `shutdown()`: True once the thread has ended (no handler call still running), waiting at
        most `timeout_s`."""
        if self._thread.ident is not None:
            self._thread.join(timeout_s)
        return not self._thread.is_alive()

    def _loop(self) -> None:
        shutting_down = False
        while not shutting_down and (work := self._inbox.get()) is not None:
            batch, shutting_down = self._with_waiting_work(work)
            started = [work for work in batch if work.try_start()]  # cancelled ones went back to the queue
            if len(started) == 1:
                self._run(started[0])
            elif started:
                self._run_batch(started)

    def _with_waiting_work(self, first: Work) -> tuple[list[Work], bool]:
        """`first` plus the work already waiting, up to max_batch -> (batch, whether shutdown was asked)."""
        batch = [first]
        while len(batch) < self.max_batch:
            try:
                waiting = self._inbox.get_nowait()
            except queue.Empty:
                break
            if waiting is None:  # shutdown: run this batch, then end
                return batch, True
            batch.append(waiting)
        return batch, False

    def _run(self, work: Work) -> None:
        try:
            work.outcome = self.handler(work.delivery)
        except Exception as exc:  # reported to the consumer, which requeues the job: never acked
            work.error = exc
        finally:
            work.done.set()

    def _run_batch(self, batch: list[Work]) -> None:
        assert self.batch_handler is not None  # max_batch is 1 without one: no batches
        try:
            outcomes = self.batch_handler([work.delivery for work in batch])
            if len(outcomes) != len(batch):
                raise RuntimeError(f"batch handler returned {len(outcomes)} outcomes for {len(batch)} jobs")
            for work, outcome in zip(batch, outcomes):
                work.outcome = outcome
        except Exception as exc:  # every job of the batch goes back: never acked
            for work in batch:
                work.error = exc
        finally:
            for work in batch:
                work.done.set()


class JobConsumer:
    """Consume the job queues of `languages` and apply what `handler` decides.

    Arguments:
        connection_url: `amqp://...` or `embedded://PATH`.
        languages: the target languages this worker serves (one job queue each).
        handler: `Delivery -> Ack | Retry | DeadLetter`; runs on a worker thread; may take minutes.
        batch_handler: optional `[Delivery] -> [outcome per delivery]`, given the jobs that wait together
            (up to `max_batch`); keep `prefetch` at least twice `max_batch` so a batch can gather while the
            one before it runs.
        prefetch: most unacknowledged jobs this consumer holds (basic_qos).
        heartbeat: AMQP heartbeat seconds.
        stop_timeout_s: how long `stop()` lets the job in hand finish before requeueing it.
        on_event: optional `on_event(name, **fields)` for logs and metrics (called on the consumer thread);
            the names and fields are those of `babelwire.queues.events`.
    """

    def __init__(self, connection_url: str, languages: Iterable[str], handler: Handler, *, prefetch: int = 4,
                 heartbeat: float = 30, stop_timeout_s: float = 25, on_event: EventHook | None = None,
                 batch_handler: BatchHandler | None = None, max_batch: int = 1):
        self.connection_url = connection_url
        self.languages = [topology.check_language(language) for language in languages]
        self.prefetch = prefetch
        self.heartbeat = heartbeat
        self.stop_timeout_s = stop_timeout_s
        self.on_event = on_event
        self._handler_thread = HandlerThread(handler, batch_handler=batch_handler, max_batch=max_batch)
        self._stopping = threading.Event()
        self._stop_deadline: float | None = None
        self.requeue_pause_s = 1.0

    def stop(self) -> None:
        """Ask `run()` to return: new deliveries go back, the job in hand gets `stop_timeout_s` to finish."""
        if self._stop_deadline is None:
            self._stop_deadline = time.monotonic() + self.stop_timeout_s
        self._stopping.set()

    @property
    def stopping(self) -> bool:
        return self._stopping.is_set()

    def run(self) -> None:
        """Consume until `stop()`; reconnect whenever the broker goes away."""
        self._handler_thread.start()
        pause = 0.5
        try:
            while not self.stopping:
                if self._run_session():
                    pause = 0.5
                self._stopping.wait(pause)
                pause = min(pause * 2, MAX_RECONNECT_PAUSE_S)
        finally:
            self._handler_thread.shutdown()

    def _run_session(self) -> bool:
        """One connection's life -> True when it got connected at all."""
        try:
            connection = connect(self.connection_url, heartbeat=self.heartbeat)
        except QueueError as exc:
            self.event(events.BROKER_UNAVAILABLE, error=str(exc))
            return False
        try:
            with connection:
                _Session(self, connection).run()
        except QueueError as exc:
            self.event(events.DISCONNECTED, error=str(exc))
        except broker_errors(connection) + tuple(connection.channel_errors) as exc:
            self.event(events.DISCONNECTED, error=one_line(exc))
        return True

    def handler_ended(self, timeout_s: float = 0.0) -> bool:
        """After `run()` returned: True when no handler call is still running (waiting at most `timeout_s`).

        False means a job outlived the stop timeout: it is already back on its queue, but its handler call
        (maybe native code) still runs on the daemon handler thread.
        """
        return self._handler_thread.wait_ended(timeout_s)

    def event(self, name: str, **fields: Any) -> None:
        if self.on_event is not None:
            self.on_event(name, **fields)

    def submit_work(self, delivery: Delivery) -> Work:
        return self._handler_thread.submit(delivery)

    def deadline_passed(self) -> bool:
        return self._stop_deadline is not None and time.monotonic() >= self._stop_deadline


def _prefetch_shares(prefetch: int, consumers: int) -> list[int]:
    """`prefetch` split over `consumers` as evenly as possible, at least 1 each: 8 over 3 -> [3, 3, 2]."""
    base, extra = divmod(prefetch, consumers)
    return [max(1, base + (1 if n < extra else 0)) for n in range(consumers)]


class _Held:
    """A delivery of this session: its kombu message, its work, and when to requeue it if a publish failed."""

    def __init__(self, message: Message, work: Work):
        self.message = message
        self.work = work
        self.requeue_at: float | None = None


class _Session:
    """Everything tied to one connection: channel, consumers, publisher and the delivery tags it owns."""

    def __init__(self, owner: JobConsumer, connection: Connection):
        self.owner = owner
        self.connection = connection
        topology.declare_topology(connection, owner.languages)
        self.channel = connection.channel()
        if hasattr(self.channel, "auto_decode"):
            self.channel.auto_decode = False  # py-amqp: keep bodies as raw bytes
        self.publisher = Publisher(connection)
        self.held: dict[int, _Held] = {}  # delivery tag -> _Held, in delivery order
        self.consumers: list[Consumer] = []

    def run(self) -> None:
        self._start_consuming()
        self.owner.event(events.CONNECTED, languages=self.owner.languages, url=self.connection.as_uri())
        try:
            while not self.owner.stopping:
                self._tick()
            self._wind_down()
        finally:
            self._abandon_waiting_work()

    def _start_consuming(self) -> None:
        quorum = topology.queue_type_of(self.connection) == topology.QUORUM
        if not quorum:
            self._set_prefetch()
        shares = _prefetch_shares(self.owner.prefetch, len(self.owner.languages))
        for language, share in zip(self.owner.languages, shares):
            if quorum:  # quorum queues refuse a channel-wide prefetch: each consumer gets its share of it
                self.channel.basic_qos(0, share, False)
            consumer = Consumer(
                self.channel, [Queue(topology.job_queue_name(language), no_declare=True)],
                on_message=partial(self._on_message, language), no_ack=False, auto_declare=False,
            )
            consumer.consume()
            self.consumers.append(consumer)

    def _set_prefetch(self) -> None:
        """Per consumer, and on RabbitMQ also per channel, so the bound holds over every language."""
        self.channel.basic_qos(0, self.owner.prefetch, False)
        if not self.owner.connection_url.startswith("embedded://"):
            self.channel.basic_qos(0, self.owner.prefetch, True)

    def _on_message(self, language: str, message: Message) -> None:
        if self.owner.stopping:
            message.requeue()
            return
        delivery = delivery_from(message, language)
        self.held[message.delivery_tag] = _Held(message, self.owner.submit_work(delivery))
        self.owner.event(events.RECEIVED, language=language, message_id=delivery.message_id,
                         attempt=delivery.attempt, redelivered=delivery.redelivered)

    def _tick(self) -> None:
        self._drain()
        self._settle_finished()
        self._requeue_due()

    def _drain(self) -> None:
        busy = any(held.requeue_at is None for held in self.held.values())
        try:
            self.connection.drain_events(timeout=BUSY_POLL_S if busy else POLL_S)
        except TimeoutError:
            pass
        self.connection.heartbeat_check(rate=2)

    def _settle_finished(self) -> None:
        for tag, held in list(self.held.items()):
            if held.requeue_at is None and held.work.done.is_set():
                self._settle(tag, held)

    def _settle(self, tag: int, held: _Held) -> None:
        work = held.work
        if work.error is not None or not isinstance(work.outcome, (Ack, Retry, DeadLetter)):
            problem = work.error if work.error is not None else f"handler returned {work.outcome!r}"
            self.owner.event(events.HANDLER_FAILED, language=work.delivery.language, error=repr(problem))
            return self._requeue_later(held)
        try:
            self._publish_outcome(work.delivery, work.outcome)
        except PublishFailedError as exc:
            self.owner.event(events.PUBLISH_FAILED, language=work.delivery.language, error=str(exc))
            return self._requeue_later(held)
        held.message.ack()
        del self.held[tag]
        self.owner.requeue_pause_s = 1.0
        self.owner.event(work.outcome.event, language=work.delivery.language,
                         message_id=work.delivery.message_id, attempt=work.delivery.attempt,
                         **work.outcome.event_fields())

    def _publish_outcome(self, delivery: Delivery, outcome: Outcome) -> None:
        if isinstance(outcome, Ack):
            for publication in outcome.publications:
                self.publisher.publish_copy(publication)
        elif isinstance(outcome, Retry):
            self.publisher.publish_retry(
                delivery.body, delivery.language, attempt=delivery.attempt, delay_s=outcome.delay_s,
                reason=outcome.reason, message_id=delivery.message_id, headers=delivery.headers,
                content_type=delivery.content_type, error=outcome.error)
        else:
            self.publisher.publish_dead_letter(
                delivery.body, delivery.language, reason=outcome.reason, attempt=delivery.attempt,
                message_id=delivery.message_id, headers=delivery.headers, content_type=delivery.content_type,
                error=outcome.error)

    def _requeue_later(self, held: _Held) -> None:
        """Keep the job unacked for a growing pause, then put it back (no hot loop on a missing route)."""
        held.requeue_at = time.monotonic() + self.owner.requeue_pause_s
        self.owner.requeue_pause_s = min(self.owner.requeue_pause_s * 2, MAX_REQUEUE_PAUSE_S)

    def _requeue_due(self, now: float | None = None) -> None:
        now = time.monotonic() if now is None else now
        for tag, held in list(self.held.items()):
            if held.requeue_at is not None and (held.requeue_at <= now or self.owner.stopping):
                self._requeue(tag, held)

    def _requeue(self, tag: int, held: _Held) -> None:
        held.message.requeue()
        del self.held[tag]
        self.owner.event(events.REQUEUED, language=held.work.delivery.language,
                         message_id=held.work.delivery.message_id)

    def _wind_down(self) -> None:
        """On stop: no new deliveries; waiting jobs go back; the running one finishes or goes back."""
        for consumer in self.consumers:
            consumer.cancel()
        self._requeue_waiting_work()
        self._requeue_due()
        while self.held and not self.owner.deadline_passed():
            self._tick()
        for tag, held in list(self.held.items()):
            self._requeue(tag, held)

    def _requeue_waiting_work(self) -> None:
        for tag, held in list(self.held.items()):
            if held.work.try_cancel():
                self._requeue(tag, held)

    def _abandon_waiting_work(self) -> None:
        """The connection is gone or closing: jobs not started are redelivered by the broker, not run here."""
        for held in self.held.values():
            held.work.try_cancel()
        self.held.clear()
        self.publisher.close()
