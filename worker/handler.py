"""The job handler: one delivery (an item and a target language) in, one outcome out.

Decide, then act: `JobHandler.handle` never touches the broker. It returns `Ack` carrying the localised
copy to publish, `Retry` for failures that may pass (a model load hiccup), or `DeadLetter` for failures
that will not (bad bytes, a schema error, a non-English item, retries used up). The consumer applies the
outcome, acknowledging a job only once its copy is confirmed.

`JobHandler.handle_batch` decides several jobs at once: the items of each language are translated together
(one model, shared engine batches), which is where a CPU worker's throughput comes from when items are short.
A failure of the shared translation never decides another job's outcome: those jobs are then handled one by one.
"""

import logging
import re
import time
from collections import Counter
from collections.abc import Callable, Sequence

import translation.errors
from queues import messages, topology
from queues.consumer import Delivery
from queues.errors import PermanentError as BadMessage
from queues.messages import LocalizedCopy, Provenance, WireItem
from queues.outcomes import Ack, DeadLetter, Outcome, Publication, Retry
from translation.html import Html, MarkupTranslator
from worker.events import PASSED_ON, TRANSLATED

log = logging.getLogger(__name__)

MAX_RETRY_DELAY_S = 300.0  # past five minutes a backoff only hides that the job is stuck
UNTRANSLATED_REVISION = "untranslated"
_TAG = re.compile(r"<[^>]*>")  # copy-id input for copies made without a model (kill notices)


class JobHandler:
    """Turns deliveries into outcomes.

    Arguments:
        translator: anything with `translate_many(texts, target, terms=()) -> list[Translation]` and
            `translate_documents([(texts, terms), ...], target) -> list[list[Translation]]` (a Translator).
            Items with HTML fields go through a MarkupTranslator over it.
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

    def handle(self, delivery: Delivery) -> Outcome:
        started = self._clock()
        try:
            item = messages.decode_wire_item(delivery.body, max_bytes=self._max_body_bytes)
            copy = self._localize(item, delivery.language)
        except (BadMessage, translation.errors.PermanentError) as error:
            return DeadLetter(reason=_describe(error))
        except translation.errors.TransientError as error:
            return self._retry_or_give_up(delivery, _describe(error))
        except Exception as error:  # a bug, not bad input: retry a few times, then dead-letter
            log.exception("unexpected error on job %s", _job_name(delivery))
            return self._retry_or_give_up(delivery, f"internal error: {_describe(error)}")
        elapsed_s = self._clock() - started
        self._report(delivery, copy, elapsed_s, words=_words(copy, item))
        return Ack(publications=(self._publication(copy, elapsed_s=elapsed_s),))

    def handle_batch(self, deliveries: Sequence[Delivery]) -> list[Outcome]:
        """The outcome of each delivery, in order; the translatable items of each language translated together."""
        outcomes: list[Outcome | None] = [None] * len(deliveries)
        by_language: dict[str, list[tuple[int, WireItem]]] = {}
        for index, delivery in enumerate(deliveries):
            item = self._translatable_item(delivery)
            if item is None:
                outcomes[index] = self.handle(delivery)  # bad input, kill notices, items without text
            else:
                by_language.setdefault(delivery.language, []).append((index, item))
        for language, members in by_language.items():
            indices, items = zip(*members)
            together = self._handle_together([deliveries[index] for index in indices], list(items), language)
            for index, outcome in zip(indices, together):
                outcomes[index] = outcome
        return outcomes

    def _translatable_item(self, delivery: Delivery) -> WireItem | None:
        try:
            item = messages.decode_wire_item(delivery.body, max_bytes=self._max_body_bytes)
        except Exception:  # handle() decides what to do with it, and says why
            return None
        return None if item.is_kill_notice or not item.texts_to_translate() else item

    def _handle_together(self, deliveries: list[Delivery], items: list[WireItem], language: str) -> list[Outcome]:
        if len(items) == 1:
            return [self.handle(deliveries[0])]
        started = self._clock()
        fields = [item.texts_to_translate() for item in items]
        documents = [(_marked(texts), item.do_not_translate_terms()) for texts, item in zip(fields, items)]
        try:
            results = self._translator_for(documents).translate_documents(documents, language)
            copies = [_copy_of(item, language, texts, found) for item, texts, found in zip(items, fields, results)]
        except Exception as error:  # which job is at fault, and what becomes of each, is handle()'s to decide
            log.info("shared translation of %d %s jobs failed (%s); handling them one by one",
                     len(items), language, _describe(error))
            return [self.handle(delivery) for delivery in deliveries]
        elapsed_s = self._clock() - started
        words = [_words(copy, item) for copy, item in zip(copies, items)]
        for delivery, copy, count in zip(deliveries, copies, words):
            self._report(delivery, copy, elapsed_s, words=count, batch_words=sum(words))
        return [Ack(publications=(self._publication(copy, elapsed_s=elapsed_s),)) for copy in copies]

    def _report(self, delivery: Delivery, copy: LocalizedCopy, elapsed_s: float, words: int,
                batch_words: int | None = None) -> None:
        # message_id and uri let the job-outcome log pair this with the consumer's events.
        fields = {"language": delivery.language, "message_id": delivery.message_id, "uri": copy.provenance.source_uri}
        if copy.provenance.translated:
            # A job translated together with others took the whole batch's time for the batch's words.
            self._on_event(
                TRANSLATED, seconds=elapsed_s, tokens=words, batch_tokens=batch_words or words,
                protected_spans=sum(copy.provenance.protected_spans.values()),
                fallbacks=copy.provenance.fallbacks, **fields,
            )
        else:
            self._on_event(PASSED_ON, **fields)  # kill notices and text-less items: no model ran

    def _localize(self, item: WireItem, language: str) -> LocalizedCopy:
        if item.is_kill_notice:
            return _untranslated_copy(item, language)
        return self._translated_copy(item, language)

    def _translated_copy(self, item: WireItem, language: str) -> LocalizedCopy:
        fields = item.texts_to_translate()
        if not fields:
            return _untranslated_copy(item, language)
        # One batch for all fields: the translator sorts and packs their sentences together.
        texts = _marked(fields)
        try:
            results = self._translator_for([(texts, ())]).translate_many(
                texts, language, terms=item.do_not_translate_terms())
        except translation.errors.InvalidHtmlError as error:
            field = list(fields)[error.text_index] if error.text_index is not None else "an HTML field"
            raise translation.errors.InvalidHtmlError(f"{field}: {error}") from None
        return _copy_of(item, language, fields, results)

    def _translator_for(self, documents):
        """The markup translator where some text is HTML; the plain one otherwise (same calls, same batches)."""
        html = any(isinstance(text, Html) for texts, _ in documents for text in texts)
        return self._markup if html else self._translator

    def _retry_or_give_up(self, delivery: Delivery, reason: str) -> Outcome:
        if delivery.attempt >= self._max_attempts:
            return DeadLetter(reason=f"gave up after {delivery.attempt} attempts: {reason}")
        return Retry(delay_s=self.retry_delay_s(delivery.attempt), reason=reason)

    def retry_delay_s(self, attempt: int) -> float:
        """Delay after failed attempt `attempt` (1-based): base, 2 x base, 4 x base, ... capped."""
        return min(self._retry_base_delay_s * 2 ** (attempt - 1), MAX_RETRY_DELAY_S)

    @staticmethod
    def _publication(copy: LocalizedCopy, *, elapsed_s: float) -> Publication:
        # Time taken differs per delivery, so it rides in a header: the body stays identical on redelivery.
        headers = {
            topology.COPY_ID_HEADER: copy.provenance.id,
            topology.SOURCE_URI_HEADER: copy.provenance.source_uri,
            topology.ELAPSED_MS_HEADER: round(elapsed_s * 1000),
        }
        return Publication(
            body=messages.encode_message(copy),
            language=copy.language,
            message_id=copy.provenance.id,
            headers=headers,
        )


def _marked(fields: dict[str, str]) -> list[str]:
    """The texts of `fields`, those of HTML fields marked as Html."""
    return [Html(text) if messages.is_html_field(path) else text for path, text in fields.items()]


def _copy_of(item: WireItem, language: str, fields: dict[str, str], results) -> LocalizedCopy:
    if all(result.model is None for result in results):  # HTML without a word to translate, and nothing else
        return _untranslated_copy(item, language)
    texts = {name: result.text for name, result in zip(fields, results, strict=True)}
    return messages.localize(item, language, texts, _provenance(item, language, results))


def _provenance(item: WireItem, language: str, results) -> Provenance:
    model = next(result.model for result in results if result.model is not None)
    spans = Counter(str(span.kind) for result in results for span in result.spans)
    repairs = Counter()
    for result in results:
        repairs.update(getattr(result, "repairs", {}))
    return Provenance(
        id=messages.copy_id(item.uri, item.version, language, model.revision),
        source_uri=item.uri,
        source_version=item.version,
        translated=True,
        engine=model.engine,
        model_id=model.model_id,
        model_revision=model.revision,
        protected_spans=dict(sorted(spans.items())),
        fallbacks=sum(result.fallbacks for result in results),
        markup_repairs=dict(sorted(repairs.items())),
        untranslated_fields=item.untranslated_text_fields(),
    )


def _untranslated_copy(item: WireItem, language: str) -> LocalizedCopy:
    """A copy that carries the source text as it came: kill notices, and items with no text to translate."""
    provenance = Provenance(
        id=messages.copy_id(item.uri, item.version, language, UNTRANSLATED_REVISION),
        source_uri=item.uri,
        source_version=item.version,
        translated=False,
        engine=None,
        model_id=None,
        model_revision=None,
        untranslated_fields=[*item.texts_to_translate(), *item.untranslated_text_fields()],
    )
    return messages.localize(item, language, {}, provenance)


def _words(copy: LocalizedCopy, item: WireItem) -> int:
    """Whitespace-separated words of the translated fields (HTML without its tags): the throughput unit the
    metrics report (model tokens stay inside the engine, and words compare across engines and languages)."""
    data = copy.to_dict()
    texts = (messages.field_at(data, path) for path in item.texts_to_translate())
    return sum(len(_TAG.sub(" ", text).split()) for text in texts if isinstance(text, str))


def _describe(error: Exception) -> str:
    return f"{type(error).__name__}: {error}"


def _job_name(delivery: Delivery) -> str:
    return f"{delivery.language} (attempt {delivery.attempt})"
