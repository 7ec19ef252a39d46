"""The translation memory: what its key holds, its stores (embedded and Redis), and the pipeline asking it first."""

import logging
import uuid
from dataclasses import replace

import pytest

from redis_fixtures import redis_url, unused_port  # noqa: F401 - fixture
from babelwire.translation.engines.base import Engine, ModelInfo
from babelwire.translation.errors import MemoryUnavailableError
from babelwire.translation.round_trip.memory import Conditions, SentenceMemory
from babelwire.translation.round_trip.memory.embedded_store import EmbeddedStore
from babelwire.translation.round_trip.memory.key import sentence_key
from babelwire.translation.round_trip.memory.memory import ENGINE_LAYER
from babelwire.translation.round_trip.memory.redis_store import KEY_PREFIX, RedisStore
from babelwire.translation.round_trip.pipeline import Translator

MODEL = ModelInfo("marian", "Helsinki-NLP/opus-mt-en-uk", "rev-1")
CONDITIONS = Conditions(backend="ctranslate2", compute="cpu/auto", beams=4, decoding="budget 2.0x+10")


class Clock:
    def __init__(self, now: float = 1000.0):
        self.now = now

    def __call__(self) -> float:
        return self.now


class BatchSensitiveEngine(Engine):
    """Like a real model, an output that depends on what else is in the batch (padding, beam ties): the
    batch's size is written into every output. Counts every sentence it is sent."""

    def __init__(self, revision: str = "rev-1"):
        self.sent: list[str] = []
        self.revision = revision

    def translate(self, sentences, target):
        self.sent += sentences
        return [f"<{sentence.upper()} /{len(sentences)}>" for sentence in sentences]

    def model_info(self, target):
        return ModelInfo("marian", "fake/en-uk", self.revision)

    def max_input_tokens(self, target):
        return 256

    def count_tokens(self, sentence, target):
        return len(sentence.split()) + 1


def embedded(tmp_path, **options) -> EmbeddedStore:
    return EmbeddedStore(tmp_path / "memory.sqlite3", **{"max_entries": 1000, "ttl_s": 3600.0, **options})


# --- the key -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("changed", [
    lambda c, m, t: (replace(c, backend="transformers"), m, t),
    lambda c, m, t: (replace(c, compute="cuda/auto"), m, t),
    lambda c, m, t: (replace(c, beams=1), m, t),
    lambda c, m, t: (replace(c, decoding="budget 3.0x+10"), m, t),
    lambda c, m, t: (c.with_data("glossary", "another"), m, t),
    lambda c, m, t: (c, replace(m, revision="rev-2"), t),
    lambda c, m, t: (c, replace(m, model_id="Helsinki-NLP/opus-mt-en-de"), t),
    lambda c, m, t: (c, replace(m, engine="ctranslate2"), t),
    lambda c, m, t: (c, m, "de"),
], ids=["backend", "compute", "beams", "decoding", "data version", "revision", "model", "engine", "target"])
def test_an_output_made_under_other_conditions_is_never_served(tmp_path, changed):
    store = embedded(tmp_path)
    SentenceMemory(store, CONDITIONS.with_data("glossary", "one")).remember({"[1] said so.": "[1] сказав."}, "uk",
                                                                           MODEL)
    conditions, model, target = changed(CONDITIONS.with_data("glossary", "one"), MODEL, "uk")
    assert SentenceMemory(store, conditions).recall(["[1] said so."], target, model) == {}
    assert SentenceMemory(store, CONDITIONS.with_data("glossary", "one")).recall(["[1] said so."], "uk", MODEL) \
        == {"[1] said so.": "[1] сказав."}


def test_the_exact_text_sent_is_the_key(tmp_path):
    memory = SentenceMemory(embedded(tmp_path), CONDITIONS)
    memory.remember({"[1] said so.": "[1] сказав."}, "uk", MODEL)
    assert memory.recall(["[2] said so.", "[1] said so. ", "[1] said so"], "uk", MODEL) == {}


def test_a_component_adds_its_data_version_without_losing_the_others():
    conditions = CONDITIONS.with_data("glossary", "g1").with_data("names", "n1").with_data("glossary", "g2")
    assert dict(conditions.data) == {"glossary": "g2", "names": "n1"}


# --- the embedded store -------------------------------------------------------------------------------


def test_embedded_entries_outlive_the_process_that_wrote_them(tmp_path):
    first = embedded(tmp_path)
    first.put_many({"k": "v"})
    first.close()
    assert embedded(tmp_path).get_many(["k", "other"]) == {"k": "v"}


def test_embedded_entries_expire(tmp_path):
    clock = Clock()
    store = embedded(tmp_path, ttl_s=60.0, clock=clock)
    store.put_many({"old": "1"})
    clock.now += 30
    store.put_many({"new": "2"})
    clock.now += 31
    assert store.get_many(["old", "new"]) == {"new": "2"}


def test_embedded_store_is_bounded_and_evicts_the_least_recently_used(tmp_path):
    clock = Clock()
    store = embedded(tmp_path, max_entries=3, clock=clock)
    for key in ("a", "b", "c"):
        clock.now += 1
        store.put_many({key: key.upper()})
    clock.now += 1
    store.get_many(["a"])  # "a" used again: "b" is now the least recently used
    clock.now += 1
    store.put_many({"d": "D"})
    assert len(store) == 3
    assert store.get_many(["a", "b", "c", "d"]) == {"a": "A", "c": "C", "d": "D"}


def test_an_unwritable_state_directory_is_an_unavailable_memory_not_a_crash(tmp_path):
    (tmp_path / "file").write_text("not a directory")
    store = EmbeddedStore(tmp_path / "file" / "memory.sqlite3", max_entries=10, ttl_s=60.0)
    with pytest.raises(MemoryUnavailableError):
        store.get_many(["k"])


def test_a_corrupt_memory_file_is_an_unavailable_memory(tmp_path):
    (tmp_path / "memory.sqlite3").write_bytes(b"this is not a database" * 100)
    with pytest.raises(MemoryUnavailableError):
        embedded(tmp_path).put_many({"k": "v"})


# --- an unavailable store -----------------------------------------------------------------------------


class BrokenStore:
    name = "broken"

    def __init__(self):
        self.calls = 0
        self.broken = True
        self.kept = {}

    def get_many(self, keys):
        self._maybe_fail()
        return {key: self.kept[key] for key in keys if key in self.kept}

    def put_many(self, entries):
        self._maybe_fail()
        self.kept.update(entries)

    def close(self):
        pass

    def _maybe_fail(self):
        self.calls += 1
        if self.broken:
            raise MemoryUnavailableError("broken: connection refused", store=self.name)


def test_an_unavailable_store_means_translating_without_it_warned_once_and_counted(caplog):
    store, clock, engine = BrokenStore(), Clock(), BatchSensitiveEngine()
    memory = SentenceMemory(store, CONDITIONS, retry_after_s=30.0, clock=clock)
    translator = Translator(engine, memory=memory)
    with caplog.at_level(logging.WARNING, logger="babelwire.translation.round_trip.memory.memory"):
        first = translator.translate("The talks ended on Monday.", "uk")
        translator.translate("The talks resumed on Friday.", "uk")
    assert first.text == "<THE TALKS ENDED ON MONDAY. /1>"
    assert len(engine.sent) == 2
    warnings = [record for record in caplog.records if record.levelno == logging.WARNING]
    assert len(warnings) == 1 and "translating without it" in warnings[0].getMessage()
    assert memory.failures == 1 and store.calls == 1  # left alone until the retry period is over
    clock.now += 31
    store.broken = False
    translator.translate("The talks ended on Monday.", "uk")
    assert store.calls > 1 and memory.recall(["The talks ended on Monday."], "uk", engine.model_info("uk"))
    translator.translate("The talks ended on Monday.", "uk")
    assert len(engine.sent) == 3  # the third translation came from the memory


# --- the pipeline asks the memory first ----------------------------------------------------------------

STORY_V1 = ("Floods cut the main road north of the city on Monday. Rescue teams reached the villages by boat. "
            "The mayor said \"we will rebuild\" at a briefing.")
STORY_V2 = ("Floods cut the main road north of the city on Monday. Rescue teams reached the villages by boat. "
            "Two people were missing, police said. The mayor said \"we will rebuild\" at a briefing.")


def test_an_unchanged_sentence_is_not_sent_again_and_comes_back_identical(tmp_path):
    engine = BatchSensitiveEngine()
    translator = Translator(engine, memory=SentenceMemory(embedded(tmp_path), CONDITIONS))
    first = translator.translate(STORY_V1, "uk")
    sent_for_v1 = len(engine.sent)
    second = translator.translate(STORY_V2, "uk")
    assert engine.sent[sent_for_v1:] == ["Two people were missing, police said."]
    unchanged = [report.source for report in first.sentences]
    first_texts = _sentence_outputs(first)
    second_texts = _sentence_outputs(second)
    for source in unchanged:  # a batch of another size, and yet the same translation
        assert second_texts[source] == first_texts[source]
    assert [report.from_memory for report in second.sentences] == [True, True, False, True]


def test_without_a_memory_a_new_batch_changes_unchanged_sentences():
    """The adversary is real: the same engine without the memory changes sentences whose English did not."""
    translator = Translator(BatchSensitiveEngine())
    first = _sentence_outputs(translator.translate(STORY_V1, "uk"))
    second = _sentence_outputs(translator.translate(STORY_V2, "uk"))
    assert any(second[source] != first[source] for source in first)


def test_a_new_model_revision_translates_everything_again(tmp_path):
    store = embedded(tmp_path)
    Translator(BatchSensitiveEngine("rev-1"), memory=SentenceMemory(store, CONDITIONS)).translate(STORY_V1, "uk")
    engine = BatchSensitiveEngine("rev-2")
    result = Translator(engine, memory=SentenceMemory(store, CONDITIONS)).translate(STORY_V1, "uk")
    assert len(engine.sent) == 3 and not any(report.from_memory for report in result.sentences)


def _sentence_outputs(translation) -> dict[str, str]:
    """source sentence -> its translation, cut from the joined text by the sentences' order."""
    text, outputs = translation.text, {}
    pieces = text.split("> <")
    for report, piece in zip(translation.sentences, pieces):
        outputs[report.source] = piece.strip("<> ")
    return outputs


# --- Redis ----------------------------------------------------------------------------------------------


@pytest.mark.redis
def test_redis_store_shares_entries_between_memories_and_they_expire(redis_url):  # noqa: F811
    conditions = CONDITIONS.with_data("test", uuid.uuid4().hex)
    one = SentenceMemory(RedisStore.from_url(redis_url, ttl_s=3600), conditions)
    other = SentenceMemory(RedisStore.from_url(redis_url, ttl_s=3600), conditions)
    one.remember({"[1] said so.": "[1] сказав."}, "uk", MODEL)
    assert other.recall(["[1] said so.", "Nobody said it."], "uk", MODEL) == {"[1] said so.": "[1] сказав."}
    import redis

    key = KEY_PREFIX + sentence_key(conditions.fingerprint(MODEL, "uk"), "[1] said so.", ENGINE_LAYER)
    assert 3500 < redis.Redis.from_url(redis_url).ttl(key) <= 3600


def test_unreachable_redis_is_an_unavailable_memory():
    store = RedisStore.from_url(f"redis://127.0.0.1:{unused_port()}/0", ttl_s=60, timeout_s=0.5)
    with pytest.raises(MemoryUnavailableError, match="redis 127.0.0.1"):
        store.get_many(["k"])
    with pytest.raises(MemoryUnavailableError):
        store.put_many({"k": "v"})


class PlaceDroppingEngine(BatchSensitiveEngine):
    """Loses the place it is shown as a word (a model that drops "Ukraine"); keeps placeholders."""

    def translate(self, sentences, target):
        self.sent += sentences
        return [sentence.replace("Ukraine", "there") for sentence in sentences]


def test_a_remembered_sentence_keeps_the_places_masked_when_it_was_made(tmp_path):
    text = "Floods cut roads in western Ukraine on Tuesday."
    memory = SentenceMemory(embedded(tmp_path), CONDITIONS)
    engine = PlaceDroppingEngine()
    first = Translator(engine, memory=memory).translate(text, "uk")
    assert "Ukraine" in first.text and any(span.text == "Ukraine" for span in first.spans)  # masked, second pass
    sent = len(engine.sent)
    again = Translator(engine, memory=memory).translate(text, "uk")  # a fresh process, the same memory
    assert len(engine.sent) == sent
    assert (again.text, again.spans) == (first.text, first.spans)
    assert again.sentences[0].spans == first.sentences[0].spans and again.sentences[0].from_memory


def test_a_name_added_elsewhere_in_the_story_does_not_cost_the_unchanged_sentences(tmp_path):
    engine = BatchSensitiveEngine()
    translator = Translator(engine, memory=SentenceMemory(embedded(tmp_path), CONDITIONS))
    translator.translate_many(["Floods cut the main road."], "uk")
    sent = len(engine.sent)
    second = translator.translate_many(["Floods cut the main road. Mayor Jane Doe visited."], "uk",
                                       terms=("Jane Doe",))[0]
    assert second.sentences[0].from_memory and not second.sentences[1].from_memory
    assert all("Floods cut" not in text for text in engine.sent[sent:])


def test_a_remembered_translation_holding_a_newly_protected_text_is_made_again(tmp_path):
    """The engine upper-cases: "Floods" comes back as "FLOODS". Once the story protects a term "FLOODS" (a charity)
    elsewhere, that translation would hold the term where the sentence has none: it is not used again."""
    engine = BatchSensitiveEngine()
    translator = Translator(engine, memory=SentenceMemory(embedded(tmp_path), CONDITIONS))
    first = translator.translate_many(["Floods cut the main road."], "uk")[0]
    assert "FLOODS" in first.text
    second = translator.translate_many(["Floods cut the main road. FLOODS is a charity."], "uk", terms=("FLOODS",))[0]
    assert not second.sentences[0].from_memory
    assert second.text.count("FLOODS") == 1  # the charity's, verbatim; the first sentence no longer claims it


def test_the_worker_keys_the_memory_on_its_settings_glossary_policy_and_data():
    from babelwire.translation.protection.glossary import Glossary
    from babelwire.translation.protection.policy import ProtectionPolicy
    from babelwire.worker.build import memory_conditions
    from babelwire.worker.settings import Settings

    settings = Settings(engine="pseudo", memory_url="off")
    base = memory_conditions(settings, None, ProtectionPolicy())
    variants = [
        memory_conditions(settings.model_copy(update={"beams": 1}), None, ProtectionPolicy()),
        memory_conditions(settings, Glossary.from_dict({"keep": ["Kyiv"]}), ProtectionPolicy()),
        memory_conditions(settings, Glossary.from_dict({"render": {"Zelenskyy": {"uk": "Зеленський"}}}),
                          ProtectionPolicy()),
        memory_conditions(settings, None, ProtectionPolicy.strict()),
    ]
    assert len({base, *variants}) == 5
    assert {"translation", "glossary", "policy"} <= dict(base.data).keys()


def test_a_change_to_the_translation_code_or_data_is_another_version(tmp_path, monkeypatch):
    # a release that changes a masking rule in code alone must miss the previous release's sentences
    from babelwire.translation.lexicon.wordlists import package_version

    for name, rule in (("release_one", "A = 1"), ("release_two", "A = 2"), ("release_three", "A = 1")):
        (tmp_path / name / "data").mkdir(parents=True)
        (tmp_path / name / "__init__.py").write_text(rule)
        (tmp_path / name / "data" / "words.txt").write_text("kyiv\n" if name != "release_three" else "kiev\n")
        (tmp_path / name / "__pycache__").mkdir()
        (tmp_path / name / "__pycache__" / "__init__.cpython-311.pyc").write_bytes(name.encode())
    monkeypatch.syspath_prepend(str(tmp_path))
    one, two, three = (package_version(name) for name in ("release_one", "release_two", "release_three"))
    assert len({one, two, three}) == 3
    (tmp_path / "release_one" / "__pycache__" / "__init__.cpython-311.pyc").write_bytes(b"recompiled")
    package_version.cache_clear()
    assert package_version("release_one") == one  # compiled files follow the source
