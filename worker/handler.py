"""The job handler: one delivery (an item and a target language) in, one outcome out.

Decide, then act: `JobHandler.handle` never touches the broker. It returns `Ack` carrying the localised
copy to publish, `Retry` for failures that may pass (a model load hiccup), or `DeadLetter` for failures
that will not (bad bytes, a schema error, a non-English item, retries used up). The consumer applies the
outcome, acknowledging a job only once its copy is confirmed.

`JobHandler.handle_batch` decides several jobs at once: the items of each language are translated together
(one model, shared engine batches), which is where a CPU worker's throughput comes from when items are short.
A failure of the shared translation never decides another job's outcome: those jobs are then handled one by one.
Either way each body is decoded once, and the copy is built by `babelwire.queues.copies` from what the model reported,
which checks it against IPTC's schema: a copy that is not valid ninjs is dead-lettered, never published.
"""

import logging
import re
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import babelwire.translation.errors
from babelwire.queues import copies, messages, topology
from babelwire.queues.consumer import Delivery
from babelwire.queues.copies import LocalizedCopy, Translated
from babelwire.queues.errors import InvalidCopyError, QueueError
from babelwire.queues.errors import PermanentError as BadMessage
from babelwire.queues.messages import WireItem
from babelwire.queues.ninjs.paths import field_at
from babelwire.queues.outcomes import Ack, DeadLetter, Outcome, Publication, Retry
from babelwire.translation.round_trip.html import Html, MarkupTranslator
from babelwire.worker.events import DECODED, PASSED_ON, TRANSLATED

log = logging.getLogger(__name__)

MAX_RETRY_DELAY_S = 300.0  # past five minutes a backoff only hides that the job is stuck
_TAG = re.compile(r"<[^>]*>")  # HTML tags, not counted as words


@dataclass(frozen=True)
class _Job:
    """A delivery with its body decoded (once): the item, or the error that says why there is none."""

    delivery: Delivery
    item: WireItem | None = None
    error: Exception | None = None

    @property
    def needs_model(self) -> bool:
        return self.item is not None and not self.item.is_kill_notice and bool(self.item.texts_to_translate())


class JobHandler:
    """Turns deliveries into outcomes.

    Arguments:
        translator: anything with `translate_many(texts, target, terms=()) -> list[Translation]` and
            `translate_documents([(texts, terms), ...], target) -> list[list[Translation]]` and its `policy` (a
            Translator). Items with HTML fields go through a MarkupTranslator over it, which follows that policy.
        max_attempts: deliveries of one job before a transient failure becomes a dead letter.
        retry_base_delay_s: delay before the second attempt; each later attempt waits twice as long.
        max_body_bytes: larger bodies are dead-lettered without being parsed.
        clock: seconds as a float, for the time-taken header (injected by tests).
        on_event: hook `on_event(name, **fields)` told of each translation (metrics listen to it).
    """

    def __init__(
        self,
        translator,
        *,
        max_attempts: int = 5,
        retry_base_delay_s: float = 2.0,
        max_body_bytes: int = messages.MAX_BODY_BYTES,
        clock: Callable[[], float] = time.monotonic,
        on_event: Callable[..., None] = lambda name, **fields: None,
    ):
        self._translator = translator
        self._markup = MarkupTranslator(translator)
        self._max_attempts = max_attempts
        self._retry_base_delay_s = retry_base_delay_s
        self._max_body_bytes = max_body_bytes
        self._clock = clock
        self._on_event = on_event
        self._last_language: str | None = None  # whose model the engine most likely still holds

    def handle(self, delivery: Delivery) -> Outcome:
        started = self._clock()
        self._last_language = delivery.language
        return self._handle_alone(self._decoded(delivery), started)

    def handle_batch(self, deliveries: Sequence[Delivery]) -> list[Outcome]:
        """The outcome of each delivery, in order; the translatable items of each language translated together."""
        jobs = [self._decoded(delivery) for delivery in deliveries]
        outcomes: list[Outcome | None] = [None] * len(jobs)
        by_language: dict[str, list[int]] = {}
        for index, job in enumerate(jobs):
            if job.needs_model:
                by_language.setdefault(job.delivery.language, []).append(index)
            else:  # bad input, kill notices, items without text: nothing to share
                outcomes[index] = self._handle_alone(job, self._clock())
        for language, indices in self._loaded_first(by_language):
            self._last_language = language
            together = self._handle_together([jobs[index] for index in indices], language)
            for index, outcome in zip(indices, together):
                outcomes[index] = outcome
        return outcomes

    def _loaded_first(self, by_language: dict[str, list[int]]) -> list[tuple[str, list[int]]]:
        """The languages of a batch, the one translated last before first: an engine that keeps one model in
        memory then loads one model per mixed batch, not one per language of it."""
        return sorted(by_language.items(), key=lambda pair: pair[0] != self._last_language)

    def _decoded(self, delivery: Delivery) -> _Job:
        """The job with its item, or with the reason its body is not one: the one place a body is decoded."""
        try:
            item = messages.decode_wire_item(delivery.body, max_bytes=self._max_body_bytes)
        except Exception as error:  # what it means for the job is _failed's to decide
            return _Job(delivery, error=error)
        # The job-outcome log names the item by it, whatever becomes of the job.
        self._on_event(DECODED, language=delivery.language, message_id=delivery.message_id, uri=item.uri)
        return _Job(delivery, item=item)

    def _handle_alone(self, job: _Job, started: float) -> Outcome:
        if job.item is None:
            return self._failed(job.delivery, job.error)
        try:
            copy = self._localize(job.item, job.delivery.language)
        except Exception as error:
            return self._failed(job.delivery, error)
        elapsed_s = self._clock() - started
        self._report(job.delivery, copy, elapsed_s, words=_words(copy, job.item))
        return Ack(publications=(self._publication(copy, elapsed_s=elapsed_s),))

    def _handle_together(self, jobs: list[_Job], language: str) -> list[Outcome]:
        started = self._clock()
        if len(jobs) == 1:
            return [self._handle_alone(jobs[0], started)]
        items = [job.item for job in jobs]
        fields = [item.texts_to_translate() for item in items]
        documents = [(_marked(item, texts), item.do_not_translate_terms()) for texts, item in zip(fields, items)]
        try:
            results = self._translator_for(documents).translate_documents(documents, language)
            copies = [_copy_of(item, language, texts, found) for item, texts, found in zip(items, fields, results)]
        except Exception as error:  # which job is at fault, and what becomes of each, is decided one by one
            log.info("shared translation of %d %s jobs failed (%s); handling them one by one",
                     len(jobs), language, _describe(error))
            return [self._handle_alone(job, self._clock()) for job in jobs]
        elapsed_s = self._clock() - started
        words = [_words(copy, item) for copy, item in zip(copies, items)]
        for job, copy, count in zip(jobs, copies, words):
            self._report(job.delivery, copy, elapsed_s, words=count, batch_words=sum(words))
        return [Ack(publications=(self._publication(copy, elapsed_s=elapsed_s),)) for copy in copies]

    def _failed(self, delivery: Delivery, error: Exception) -> Outcome:
        """Bad input is dead-lettered at once; a failure that may pass, or a bug, is retried a few times."""
        if isinstance(error, InvalidCopyError):  # babelwire's bug, not the item's: said loudly, never published
            log.error("job %s: the copy is not valid ninjs, not published: %s", _job_name(delivery), error)
        if isinstance(error, (BadMessage, babelwire.translation.errors.PermanentError)):
            return DeadLetter(reason=_describe(error), error=_error_fields(error))
        if isinstance(error, babelwire.translation.errors.TransientError):
            return self._retry_or_give_up(delivery, _describe(error), error)
        log.error("unexpected error on job %s", _job_name(delivery), exc_info=error)
        return self._retry_or_give_up(delivery, f"internal error: {_describe(error)}", error)

    def _report(self, delivery: Delivery, copy: LocalizedCopy, elapsed_s: float, words: int,
                batch_words: int | None = None) -> None:
        # message_id and uri let the job-outcome log pair this with the consumer's events.
        # The provenance rides along for the job log (what ninjs has no field for, as in the copy's headers).
        fields = {"language": delivery.language, "message_id": delivery.message_id, "uri": copy.provenance.source_uri,
                  "provenance": copy.provenance.log_fields()}
        if copy.provenance.translated:
            # A job translated together with others took the whole batch's time for the batch's words.
            self._on_event(
                TRANSLATED, seconds=elapsed_s, tokens=words, batch_tokens=batch_words or words,
                protected_spans=sum(copy.provenance.protected_spans.values()),
                fallbacks=copy.provenance.fallbacks, sentences=copy.provenance.sentences,
                from_memory=copy.provenance.sentences_from_memory, **fields,
            )
        else:
            self._on_event(PASSED_ON, **fields)  # kill notices and text-less items: no model ran

    def _localize(self, item: WireItem, language: str) -> LocalizedCopy:
        fields = item.texts_to_translate()
        if item.is_kill_notice or not fields:
            return copies.untranslated_copy(item, language)
        # One batch for all fields: the translator sorts and packs their sentences together.
        texts = _marked(item, fields)
        try:
            results = self._translator_for([(texts, ())]).translate_many(
                texts, language, terms=item.do_not_translate_terms())
        except babelwire.translation.errors.InvalidInputError as error:
            raise _in_field(error, list(fields)) from None
        return _copy_of(item, language, fields, results)

    def _translator_for(self, documents):
        """The markup translator where some text is HTML; the plain one otherwise (same calls, same batches)."""
        html = any(isinstance(text, Html) for texts, _ in documents for text in texts)
        return self._markup if html else self._translator

    def _retry_or_give_up(self, delivery: Delivery, reason: str, error: Exception) -> Outcome:
        if delivery.attempt >= self._max_attempts:
            return DeadLetter(reason=f"gave up after {delivery.attempt} attempts: {reason}", error=_error_fields(error))
        return Retry(delay_s=self.retry_delay_s(delivery.attempt), reason=reason, error=_error_fields(error))

    def retry_delay_s(self, attempt: int) -> float:
        """Delay after failed attempt `attempt` (1-based): base, 2 x base, 4 x base, ... capped."""
        return min(self._retry_base_delay_s * 2 ** (attempt - 1), MAX_RETRY_DELAY_S)

    @staticmethod
    def _publication(copy: LocalizedCopy, *, elapsed_s: float) -> Publication:
        # Time taken differs per delivery, so it rides in a header: the body stays identical on redelivery.
        headers = {**copy.provenance.headers(), topology.ELAPSED_MS_HEADER: round(elapsed_s * 1000)}
        return Publication(
            body=messages.encode_message(copy),
            language=copy.language,
            message_id=copy.provenance.copy_id,
            headers=headers,
        )


def _marked(item: WireItem, fields: dict[str, str]) -> list[str]:
    """The texts of `fields`, those the item says are HTML marked as Html."""
    return [Html(text) if item.is_html(path) else text for path, text in fields.items()]


def _copy_of(item: WireItem, language: str, fields: dict[str, str], results) -> LocalizedCopy:
    if all(result.model is None for result in results):  # HTML without a word to translate, and nothing else
        return copies.untranslated_copy(item, language)
    return copies.translated_copy(item, language, _translated(fields, results))


def _translated(fields: dict[str, str], results) -> Translated:
    """What the translator reports of an item's fields, in the terms of a copy's provenance."""
    model = next(result.model for result in results if result.model is not None)
    repairs = Counter()
    for result in results:
        repairs.update(getattr(result, "repairs", {}))
    reports = [report for result in results for report in result.sentences]
    return Translated(
        texts={path: result.text for path, result in zip(fields, results, strict=True)},
        engine=model.engine,
        model_id=model.model_id,
        model_revision=model.revision,
        protected_spans=Counter(str(span.kind) for result in results for span in result.spans),
        fallbacks=sum(result.fallbacks for result in results),
        markup_repairs=repairs,
        sentences=sum(report.needed_model for report in reports),
        sentences_from_memory=sum(report.from_memory for report in reports),
        rendered_names=[{"field": path, **name.as_dict()}
                        for path, result in zip(fields, results) for name in getattr(result, "names", ())],
    )


def _words(copy: LocalizedCopy, item: WireItem) -> int:
    """Whitespace-separated words of the translated fields (HTML without its tags): the throughput unit the
    metrics report (model tokens stay inside the engine, and words compare across engines and languages)."""
    data = copy.to_dict()
    texts = (field_at(data, path) for path in item.texts_to_translate())
    return sum(len(_TAG.sub(" ", text).split()) for text in texts if isinstance(text, str))


def _in_field(error: babelwire.translation.errors.InvalidInputError, paths: list[str]) -> Exception:
    """`error` naming the item's field it is about (its `text_index` among `paths`), in its text and fields."""
    text_index = error.fields.get("text_index")
    if text_index is not None:
        field = paths[text_index]
        return type(error)(f"{field}: {error}", **{**error.fields, "field": field})
    if isinstance(error, babelwire.translation.errors.InvalidHtmlError):
        return type(error)(f"an HTML field: {error}", **error.fields)
    return error


def _describe(error: Exception) -> str:
    return f"{type(error).__name__}: {error}"


def _error_fields(error: Exception) -> dict:
    """What a dead letter's headers and the job log say of `error`: its kind (type name) and its fields."""
    fields = error.fields if isinstance(error, (QueueError, babelwire.translation.errors.TranslationError)) else {}
    return {"kind": type(error).__name__, **fields}


def _job_name(delivery: Delivery) -> str:
    return f"{delivery.language} (attempt {delivery.attempt})"
