"""The memory in the worker: a redelivered job's copy, the headers that say what came from memory, the metrics."""

import json

from babelwire.queues.consumer import Delivery
from babelwire.queues.outcomes import Ack
from babelwire.translation.engines.pseudo import PseudoEngine
from babelwire.translation.round_trip.memory import Conditions, SentenceMemory
from babelwire.translation.round_trip.memory.embedded_store import EmbeddedStore
from babelwire.translation.round_trip.pipeline import Translator
from babelwire.worker.events import TRANSLATED
from babelwire.worker.handler import JobHandler
from babelwire.worker.metrics import Metrics

ITEM = {"uri": "urn:test:memory", "version": "1", "language": "en", "headline": "Talks resume in Geneva",
        "body_text": 'Ministers met on Monday. "We are close," one said. A deal is due on Thursday.'}


class CountingEngine(PseudoEngine):
    def __init__(self):
        super().__init__()
        self.sent = 0

    def translate(self, sentences, target):
        self.sent += len(sentences)
        return super().translate(sentences, target)


def handler_over(tmp_path, engine, events):
    memory = SentenceMemory(EmbeddedStore(tmp_path / "memory.sqlite3", max_entries=100, ttl_s=60.0),
                            Conditions(backend="pseudo", compute="none", beams=1, decoding="none"))
    return JobHandler(Translator(engine, memory=memory), on_event=lambda name, **fields: events.append((name, fields)))


def handle(handler, attempt=1, item=ITEM):
    outcome = handler.handle(Delivery(body=json.dumps(item).encode(), headers={}, language="uk", attempt=attempt,
                                      redelivered=attempt > 1))
    assert isinstance(outcome, Ack), outcome
    return outcome.publications[0]


def test_a_redelivered_job_comes_from_memory_with_the_same_body_and_says_so_in_its_headers(tmp_path):
    engine, events = CountingEngine(), []
    handler = handler_over(tmp_path, engine, events)
    first = handle(handler)
    sent = engine.sent
    again = handle(handler, attempt=2)
    assert engine.sent == sent  # nothing new for the engine
    assert again.body == first.body and again.message_id == first.message_id
    assert first.headers["babelwire-sentences"] == again.headers["babelwire-sentences"] == 4
    from_memory = "babelwire-sentences-from-memory"
    assert (first.headers[from_memory], again.headers[from_memory]) == (0, 4)
    assert [(fields["sentences"], fields["from_memory"]) for name, fields in events if name == TRANSLATED] == \
        [(4, 0), (4, 4)]


def test_a_new_version_sends_only_its_new_sentence(tmp_path):
    engine, events = CountingEngine(), []
    handler = handler_over(tmp_path, engine, events)
    handle(handler)
    sent = engine.sent
    update = {**ITEM, "version": "2", "body_text": ITEM["body_text"] + " Farm groups protested outside."}
    publication = handle(handler, item=update)
    assert engine.sent == sent + 1
    assert publication.headers["babelwire-sentences-from-memory"] == 4
    assert publication.headers["babelwire-sentences"] == 5


def test_metrics_count_sentences_translated_and_from_memory_and_the_memory_failures():
    class Memory:
        failures = 3

    metrics = Metrics(process_metrics=False)
    metrics.watch_memory(Memory())
    metrics.on_event(TRANSLATED, language="uk", seconds=0.5, sentences=10, from_memory=7)
    metrics.on_event(TRANSLATED, language="uk", seconds=0.5, sentences=2, from_memory=0)
    sample = metrics.registry.get_sample_value
    assert sample("babelwire_sentences_translated_total", {"language": "uk"}) == 5
    assert sample("babelwire_sentences_from_memory_total", {"language": "uk"}) == 7
    assert sample("babelwire_memory_failures_total") == 3
