"""The job handler decides Ack / Retry / DeadLetter without a broker (fake translator)."""

import json

import pytest

from babelwire.queues.consumer import Delivery
from babelwire.queues.copies import read_copy
from babelwire.queues.outcomes import Ack, DeadLetter, Retry
from babelwire.translation.engines.base import ModelInfo
from babelwire.translation.errors import InvalidInputError, ModelLoadError, UnsupportedLanguageError
from babelwire.translation.round_trip.pipeline import SentenceReport, Translation
from babelwire.translation.protection.policy import ProtectionPolicy
from babelwire.translation.protection.spans import Span, SpanKind
from babelwire.worker.handler import JobHandler

ITEM = {
    "uri": "urn:test:item-1",
    "version": "2",
    "language": "en",
    "headline": "Zelenskyy speaks",
    "body_text": 'He said "We will win" today.',
    "slugline": "UKRAINE/TALKS",
    "person": [{"name": "Volodymyr Zelenskyy"}, {"name": ""}],
    "organisation": [{"name": "Axios"}],
    "copyrightnotice": "(c) Wire",
}


POISON = "<poison>"


class FakeTranslator:
    """Upper-cases text, reports one quote span per text; can fail on demand."""

    policy = ProtectionPolicy()

    def __init__(self, revision="rev-1", fail_with=None):
        self.revision = revision
        self.fail_with = fail_with
        self.calls = []
        self.shared_calls = []

    def translate_many(self, texts, target, terms=()):
        self.calls.append((list(texts), target, tuple(terms)))
        if self.fail_with is not None:
            raise self.fail_with
        if any(POISON in text for text in texts):
            raise InvalidInputError("the poisoned text cannot be translated")
        model = ModelInfo("fake", "fake/en-" + target, self.revision)
        return [self._one(text, target, model) for text in texts]

    def translate_documents(self, documents, target):
        documents = [(list(texts), tuple(terms)) for texts, terms in documents]
        self.shared_calls.append((documents, target))
        if self.fail_with is not None:
            raise self.fail_with
        if any(POISON in text for texts, _ in documents for text in texts):
            raise InvalidInputError("the poisoned text cannot be translated")
        model = ModelInfo("fake", "fake/en-" + target, self.revision)
        return [[self._one(text, target, model) for text in texts] for texts, _ in documents]

    @staticmethod
    def _one(text, target, model):
        span = Span(SpanKind.QUOTE, 0, 1, text[:1])
        report = SentenceReport(text, 0, (span,), 1, "tolerant" if '"' in text else None)
        return Translation(target, f"[{target}] {text.upper()}", model, (span,), (report,))


def delivery(item=ITEM, language="uk", attempt=1, body=None):
    body = json.dumps(item).encode() if body is None else body
    return Delivery(body=body, headers={}, language=language, attempt=attempt, redelivered=attempt > 1)


def handler_with(translator, **options):
    return JobHandler(translator, max_attempts=3, retry_base_delay_s=2.0, **options)


def published_copy(outcome):
    assert isinstance(outcome, Ack), outcome
    (publication,) = outcome.publications
    return publication, read_copy(publication.body, publication.headers)


def test_item_becomes_one_translated_copy_for_the_delivery_language():
    translator = FakeTranslator()
    publication, copy = published_copy(handler_with(translator).handle(delivery(language="de")))
    assert publication.language == "de" and copy.language == "de"
    assert copy.data["headline"] == "[de] ZELENSKYY SPEAKS"
    assert copy.data["body_text"] == '[de] HE SAID "WE WILL WIN" TODAY.'
    assert copy.data["slugline"] == "UKRAINE/TALKS"  # desk keyword stays
    assert json.loads(publication.body)["copyrightnotice"] == "(c) Wire"
    assert copy.provenance.protected_spans == {"quote": 2}
    assert copy.provenance.fallbacks == 1
    assert copy.provenance.model_id == "fake/en-de" and copy.provenance.model_revision == "rev-1"
    assert copy.provenance.source_uri == "urn:test:item-1" and copy.provenance.source_version == "2"


def test_all_text_fields_go_in_one_batch_with_names_as_terms():
    translator = FakeTranslator()
    handler_with(translator).handle(delivery())
    assert translator.calls == [
        (["Zelenskyy speaks", 'He said "We will win" today.'], "uk", ("Volodymyr Zelenskyy", "Axios"))
    ]


def test_redelivery_yields_the_same_id_and_body():
    handler = handler_with(FakeTranslator())
    first, _ = published_copy(handler.handle(delivery()))
    again, _ = published_copy(handler.handle(delivery(attempt=2)))
    assert (first.message_id, first.body) == (again.message_id, again.body)


def test_new_version_or_new_model_gets_a_new_id():
    handler = handler_with(FakeTranslator())
    first, _ = published_copy(handler.handle(delivery()))
    newer, _ = published_copy(handler.handle(delivery({**ITEM, "version": "3"})))
    retrained, _ = published_copy(handler_with(FakeTranslator(revision="rev-2")).handle(delivery()))
    assert len({first.message_id, newer.message_id, retrained.message_id}) == 3


def test_time_taken_travels_in_a_header():
    ticks = iter([10.0, 10.25])
    publication, _ = published_copy(handler_with(FakeTranslator(), clock=lambda: next(ticks)).handle(delivery()))
    assert publication.headers["babelwire-elapsed-ms"] == 250
    assert publication.headers["babelwire-copy-id"] == publication.message_id


@pytest.mark.parametrize("status", ["withheld", "canceled"])
def test_kill_notice_reaches_the_desk_without_translation(status):
    translator = FakeTranslator(fail_with=ModelLoadError("model down"))  # must not even be asked
    publication, copy = published_copy(handler_with(translator).handle(delivery({**ITEM, "pubstatus": status})))
    assert translator.calls == []
    assert copy.data["pubstatus"] == status and copy.language == "uk"
    assert copy.data["headline"] == ITEM["headline"] and copy.provenance.translated is False
    assert "headline" in copy.provenance.untranslated_fields


@pytest.mark.parametrize(
    ("body", "reason", "error"),
    [
        (b"{not json", "not valid JSON", {"kind": "MessageDecodeError", "offset": 1}),
        (b"\xc3\x28", "not valid UTF-8", {"kind": "MessageDecodeError", "offset": 0}),
        (b'{"headline": "x"}', "'uri' is a required property",
         {"kind": "MessageValidationError", "field": "uri", "schema": "1.6"}),
        (b"", "empty", {"kind": "MessageDecodeError"}),
        (b'{"uri": "u", "language": "de", "headline": "Hallo"}', "English items only",
         {"kind": "MessageValidationError", "field": "language", "language": "de"}),
    ],
)
def test_bad_input_is_dead_lettered_at_once_with_a_reason_and_the_error_fields(body, reason, error):
    translator = FakeTranslator()
    outcome = handler_with(translator).handle(delivery(body=body))
    assert isinstance(outcome, DeadLetter) and reason in outcome.reason
    assert outcome.error == error
    assert translator.calls == []


def test_json_error_offset_counts_bytes_of_the_body_not_characters():
    body = '{"uri": "u", "headline": "Київ" ]'.encode()
    outcome = handler_with(FakeTranslator()).handle(delivery(body=body))
    assert outcome.error["offset"] == body.index(b"]")


def test_five_megabyte_body_is_dead_lettered():
    body = json.dumps({**ITEM, "body_text": "word " * 1_000_000}).encode()
    outcome = handler_with(FakeTranslator()).handle(delivery(body=body))
    assert isinstance(outcome, DeadLetter) and "byte limit" in outcome.reason


def test_permanent_translation_error_is_dead_lettered_at_once():
    outcome = handler_with(FakeTranslator(fail_with=UnsupportedLanguageError("no model for 'xx'"))).handle(
        delivery(language="xx")
    )
    assert isinstance(outcome, DeadLetter) and "UnsupportedLanguageError: no model for 'xx'" in outcome.reason


def test_a_translation_error_s_fields_ride_with_the_dead_letter_and_the_retry():
    missing = UnsupportedLanguageError("no model for 'xx'", language="xx")
    outcome = handler_with(FakeTranslator(fail_with=missing)).handle(delivery(language="xx"))
    assert outcome.error == {"kind": "UnsupportedLanguageError", "language": "xx"}
    busy = ModelLoadError("weights busy", model="fake/en-uk", language="uk")
    retry, given_up = (handler_with(FakeTranslator(fail_with=busy)).handle(delivery(attempt=a)) for a in (1, 3))
    assert retry.error == given_up.error == {"kind": "ModelLoadError", "model": "fake/en-uk", "language": "uk"}


def test_an_unexpected_error_is_named_by_its_kind_alone():
    outcome = handler_with(FakeTranslator(fail_with=KeyError("bug"))).handle(delivery(attempt=3))
    assert outcome.error == {"kind": "KeyError"}


def test_invalid_text_names_the_item_field_it_is_in():
    at_fault = InvalidInputError("text 2 of 2 is broken", text_index=1)
    outcome = handler_with(FakeTranslator(fail_with=at_fault)).handle(delivery())
    assert isinstance(outcome, DeadLetter) and "body_text: text 2 of 2 is broken" in outcome.reason
    assert outcome.error == {"kind": "InvalidInputError", "text_index": 1, "field": "body_text"}


def test_transient_error_retries_with_growing_delay_then_dead_letters():
    handler = handler_with(FakeTranslator(fail_with=ModelLoadError("weights busy")))
    outcomes = [handler.handle(delivery(attempt=attempt)) for attempt in (1, 2, 3)]
    assert [type(outcome) for outcome in outcomes] == [Retry, Retry, DeadLetter]
    assert [outcome.delay_s for outcome in outcomes[:2]] == [2.0, 4.0]
    assert "weights busy" in outcomes[0].reason
    assert outcomes[2].reason == "gave up after 3 attempts: ModelLoadError: weights busy"


def test_unexpected_error_is_retried_then_dead_lettered_not_crashed():
    handler = handler_with(FakeTranslator(fail_with=KeyError("bug")))
    assert isinstance(handler.handle(delivery(attempt=1)), Retry)
    outcome = handler.handle(delivery(attempt=3))
    assert isinstance(outcome, DeadLetter) and "internal error: KeyError" in outcome.reason


class InvalidCopyTranslator(FakeTranslator):
    """A translator with a bug: it hands back a number where a text belongs, so the copy is not valid ninjs."""

    @staticmethod
    def _one(text, target, model):
        return Translation(target, 7, model, (), ())


@pytest.mark.parametrize("together", [False, True])
def test_a_copy_that_would_not_validate_is_dead_lettered_with_the_schemas_reason_never_published(together):
    handler = handler_with(InvalidCopyTranslator())
    outcomes = handler.handle_batch([delivery(), delivery(item(2))]) if together else [handler.handle(delivery())]
    for outcome in outcomes:
        assert isinstance(outcome, DeadLetter) and not hasattr(outcome, "publications")
        assert "InvalidCopyError: not a valid ninjs 1.6 copy: headline: 7 is not of type 'string'" in outcome.reason
        assert outcome.error == {"kind": "InvalidCopyError", "field": "headline", "schema": "1.6"}


def test_retry_delay_is_capped():
    assert JobHandler(FakeTranslator(), retry_base_delay_s=2.0).retry_delay_s(30) == 300.0


def test_item_without_text_is_passed_on_untranslated():
    translator = FakeTranslator()
    _, copy = published_copy(handler_with(translator).handle(delivery({"uri": "urn:photo:1", "type": "picture"})))
    assert translator.calls == [] and copy.provenance.translated is False
    assert copy.data["type"] == "picture"


def test_translation_is_reported_to_the_event_hook_with_the_item_uri():
    events = []
    handler = JobHandler(FakeTranslator(), on_event=lambda name, **fields: events.append((name, fields)))
    handler.handle(Delivery(body=json.dumps(ITEM).encode(), headers={}, language="uk", attempt=1,
                            redelivered=False, message_id="m-1"))
    assert [name for name, _ in events] == ["decoded", "translated"]
    assert events[0][1] == {"language": "uk", "message_id": "m-1", "uri": "urn:test:item-1"}
    fields = events[1][1]
    assert (fields["uri"], fields["message_id"], fields["language"]) == ("urn:test:item-1", "m-1", "uk")
    assert fields["protected_spans"] == 2 and fields["fallbacks"] == 1
    assert fields["tokens"] > 0  # words of the translated fields, for the tokens-per-second metric
    assert fields["provenance"]["model_id"] == "fake/en-uk"  # for the job log: what ninjs has no field for
    assert fields["provenance"]["copy_id"] == handler.handle(delivery()).publications[0].message_id


def item(number, **fields):
    return {**ITEM, "uri": f"urn:test:item-{number}", **fields}


def test_jobs_waiting_together_are_translated_together_per_language_with_their_own_terms():
    translator = FakeTranslator()
    jobs = [delivery(item(1), "uk"), delivery(item(2, person=[{"name": "Ada Lovelace"}]), "uk"),
            delivery(item(3), "de"), delivery(body=b"not json"), delivery(item(4), "uk")]
    outcomes = handler_with(translator).handle_batch(jobs)
    ((documents, target),) = translator.shared_calls  # the three uk items, in one call
    assert target == "uk" and len(documents) == 3
    assert ["Ada Lovelace" in terms for _, terms in documents] == [False, True, False]
    assert [target for _, target, _ in translator.calls] == ["de"]  # alone in its language: translated alone
    assert isinstance(outcomes[3], DeadLetter) and "JSON" in outcomes[3].reason
    for job, outcome in zip(jobs, outcomes):  # each copy is byte for byte the one its job alone would make
        if job.body != b"not json":
            alone = handler_with(FakeTranslator()).handle(job)
            assert published_copy(outcome)[0].body == published_copy(alone)[0].body


def test_a_mixed_batch_starts_with_the_language_translated_last_so_one_resident_model_loads_once():
    translator = FakeTranslator()
    handler = handler_with(translator)
    for number in range(3):
        outcomes = handler.handle_batch([delivery(item(2 * number), "uk"), delivery(item(2 * number), "de"),
                                         delivery(item(2 * number + 1), "uk"), delivery(item(2 * number + 1), "de")])
        assert all(isinstance(outcome, Ack) for outcome in outcomes)
    assert [target for _, target in translator.shared_calls] == ["uk", "de", "de", "uk", "uk", "de"]


def test_a_failing_shared_translation_decides_only_the_failing_job():
    translator = FakeTranslator()
    jobs = [delivery(item(1)), delivery(item(2, body_text=f"A {POISON} body.")), delivery(item(3))]
    outcomes = handler_with(translator).handle_batch(jobs)
    assert [type(outcome) for outcome in outcomes] == [Ack, DeadLetter, Ack]
    assert "poisoned" in outcomes[1].reason


class ShiftingBody(bytes):
    """A body that reads as `first` when decoded once and as a French item every later time: a handler that
    decodes a job twice would make two different decisions about it."""

    def __new__(cls, first):
        body = super().__new__(cls, json.dumps(first).encode())
        body.texts = [json.dumps(first), json.dumps({"uri": "urn:test:other", "language": "fr"})]
        body.decodes = 0
        return body

    def decode(self, *args, **kwargs):
        self.decodes += 1
        return self.texts[min(self.decodes, 2) - 1]


@pytest.mark.parametrize("first, company", [
    (item(1), [delivery(item(2), "de")]),  # alone in its language
    (item(1, pubstatus="withheld"), [delivery(item(2))]),  # a kill notice: no model
    (item(1), [delivery(item(2, body_text=f"A {POISON} body."))]),  # the shared translation fails
], ids=["alone-in-its-language", "kill-notice", "shared-translation-fails"])
def test_a_job_in_a_batch_is_decoded_once_and_decided_on_what_was_decoded(first, company):
    body = ShiftingBody(first)
    outcomes = handler_with(FakeTranslator()).handle_batch([delivery(body=body), *company])
    _, copy = published_copy(outcomes[0])
    assert copy.provenance.source_uri == "urn:test:item-1" and body.decodes == 1
    assert copy.provenance.translated is (first.get("pubstatus") is None)


def test_a_job_handled_alone_is_decoded_once():
    body = ShiftingBody(item(1))
    _, copy = published_copy(handler_with(FakeTranslator()).handle(delivery(body=body)))
    assert copy.provenance.source_uri == "urn:test:item-1" and body.decodes == 1
