"""SentenceMemory: asks the store before the engine, keeps what the engine made, and never fails a translation.

A store that fails (Redis down, a database file that cannot be written) is said once, as a warning, and left
alone for `retry_after_s`: until then sentences go to the engine as if there were no memory. When it answers
again, that is said too. `failures` counts the failed calls for the worker's metrics.
"""

import logging
import threading
import time
from collections.abc import Callable, Mapping, Sequence

from babelwire.translation.engines.base import ModelInfo
from babelwire.translation.errors import MemoryUnavailableError
from babelwire.translation.round_trip.memory.key import Conditions, sentence_key
from babelwire.translation.round_trip.memory.store import MemoryStore

log = logging.getLogger(__name__)

RETRY_AFTER_S = 30.0
ENGINE_LAYER = "engine"  # texts as sent to the model, and its outputs before restoration


class SentenceMemory:
    """The model outputs of sentences, under `conditions`, in `store`.

    Arguments:
        store: where entries live (embedded_store.EmbeddedStore, redis_store.RedisStore).
        conditions: what decides an output besides the model and the text sent (key.Conditions).
        retry_after_s: after a failure, how long the store is left alone.
        clock: monotonic seconds (tests inject their own).
    """

    def __init__(self, store: MemoryStore, conditions: Conditions, *, retry_after_s: float = RETRY_AFTER_S,
                 clock: Callable[[], float] = time.monotonic):
        self.store = store
        self.conditions = conditions
        self._retry_after_s = retry_after_s
        self._clock = clock
        self._down_until: float | None = None  # set while the store is left alone after a failure
        self._lock = threading.Lock()
        self.failures = 0  # store calls that failed

    def recall(self, sentences: Sequence[str], target: str, model: ModelInfo,
               layer: str = ENGINE_LAYER) -> dict[str, str]:
        """The memorised output of each of `sentences` that has one (as sent to `model` for `target`). `layer`:
        what the sentences and outputs are (ENGINE_LAYER: texts sent to the model and its raw outputs)."""
        if not sentences:
            return {}
        keys = self._keys(sentences, target, model, layer)
        found = self._call(lambda: self.store.get_many(list(keys)), {})
        return {keys[key]: output for key, output in found.items()}

    def remember(self, outputs: Mapping[str, str], target: str, model: ModelInfo, layer: str = ENGINE_LAYER) -> None:
        """Keep the output of each sentence (sent to `model` for `target`)."""
        if not outputs:
            return
        keys = self._keys(list(outputs), target, model, layer)
        self._call(lambda: self.store.put_many({key: outputs[sentence] for key, sentence in keys.items()}), None)

    def close(self) -> None:
        self.store.close()

    def _keys(self, sentences: Sequence[str], target: str, model: ModelInfo, layer: str) -> dict[str, str]:
        fingerprint = self.conditions.fingerprint(model, target)
        return {sentence_key(fingerprint, sentence, layer): sentence for sentence in sentences}

    def _call(self, action, unavailable):
        """`action()`, or `unavailable` while the store is down (said once, retried after a while)."""
        with self._lock:
            if self._down_until is not None and self._clock() < self._down_until:
                return unavailable
        try:
            result = action()
        except MemoryUnavailableError as error:
            self._failed(error)
            return unavailable
        self._answered()
        return result

    def _failed(self, error: MemoryUnavailableError) -> None:
        with self._lock:
            self.failures += 1
            first = self._down_until is None
            self._down_until = self._clock() + self._retry_after_s
        if first:
            log.warning("translation memory unavailable (%s): translating without it, trying it again every %.0f s",
                        error, self._retry_after_s)

    def _answered(self) -> None:
        with self._lock:
            was_down, self._down_until = self._down_until is not None, None
        if was_down:
            log.info("translation memory %s answers again", self.store.name)
