"""What both Marian backends share: resolution, the model cache, batching, the length check and the decode guard.

A backend (transformers in `marian.py`, CTranslate2 in `ctranslate2.py`) says only how it loads a model, how it
turns text into tokens and back, and how it decodes a batch. Everything a user could tell apart lives here once:
which model serves a language, how many stay loaded, which sentences decode together, that a blank sentence stays
blank, that a sentence over the input limit is an error rather than a truncation, and that each sentence decodes
within its budget and is decoded again with n-gram blocking when it loops (budget.py, translation/round_trip/repetition.py).
"""

import threading
from abc import abstractmethod
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Generic, Protocol, TypeVar

from babelwire.translation.engines.base import Engine, ModelInfo
from babelwire.translation.engines.batching import BatchLimits, CanShare, length_batches
from babelwire.translation.engines.budget import DecodeBudget, decode_guarded
from babelwire.translation.engines.cache import LruCache
from babelwire.translation.errors import InvalidInputError
from babelwire.translation.models.loading import ResolvedModel, resolve_model
from babelwire.translation.models.registry import ModelRegistry, ModelSpec, language_key

Progress = Callable[[int], None]  # called with the number of sentences just translated
Resolve = Callable[[str, str], ResolvedModel]  # (model id or path, language) -> its files on disk


class PositionLimited(Protocol):
    """What the shared engine needs of a backend's loaded model (each backend has its own class of them)."""

    positions: int  # the model's position limit, shared by input and output


Loaded = TypeVar("Loaded", bound=PositionLimited)
Tokens = list  # a sentence's model tokens, as the backend spells them (ids or pieces)
# Sentences whose tokens count_tokens keeps for translate: the pipeline measures a batch's sentences just before
# it sends them, so a few thousand cover any batch; older ones are encoded again if they ever come.
MEASURED_KEPT = 4096


class MarianBackend(Engine, Generic[Loaded]):
    """A Marian engine: models resolved through the registry, loaded lazily into an LRU cache, sentences
    batched by length and decoded within their budgets.

    Arguments:
        registry: maps a target language to its model.
        device: "cpu" or "cuda" (the factory resolves "auto").
        beams: beam size for decoding.
        max_batch_tokens, max_batch_sentences: how much decodes at once (batching.BatchLimits); with
            `parallel_batches` batches at once, each holds at most its share of max_batch_tokens.
        cache_size: how many models stay loaded at once.
        progress: called after each batch with the number of sentences it translated.
        budget: the decode-length guard (budget.py): each sentence decodes at most its budget, batches hold
            sentences of similar budgets, and an output that loops or runs out of budget is decoded again with
            n-gram blocking. None: no loop check and the backend's limit from before the guard (benchmarks
            compare the two).
        resolve: finds a model's files and their revision (babelwire.translation.models.loading.resolve_model; tests may pass
            their own).
        parallel_batches: how many batches decode at once (a backend that runs several translators); a call
            whose sentences fit fewer batches is split into this many where it has sentences enough. Each
            sentence's output is the same whatever batch it decodes in (tested).
    """

    engine_name: str  # what ModelInfo.engine says: which backend translated

    def __init__(self, registry: ModelRegistry, *, device: str = "cpu", beams: int = 4, max_batch_tokens: int = 4096,
                 max_batch_sentences: int = 64, cache_size: int = 2, progress: Progress | None = None,
                 budget: DecodeBudget | None = DecodeBudget(), resolve: Resolve = resolve_model,
                 parallel_batches: int = 1):
        self._registry = registry
        self._device = device
        self._beams = beams
        # max_batch_tokens bounds what decodes at once, so batches decoding side by side share it.
        self._limits = BatchLimits(max(1, max_batch_tokens // max(1, parallel_batches)), max_batch_sentences, beams)
        self._progress = progress
        self._budget = budget
        self._resolve_files = resolve
        self.loops_retried = 0  # sentences decoded again because their first output looped or ran away
        self._retried_lock = threading.Lock()
        self._parallel = max(1, parallel_batches)
        self._pool: ThreadPoolExecutor | None = None  # started on the first call with batches to run together
        self._pool_lock = threading.Lock()
        self._resolved: dict[str, tuple[ModelSpec, ResolvedModel]] = {}
        self._cache: LruCache[str, Loaded] = LruCache(cache_size, on_evict=self._release)
        self._measured: LruCache[tuple[str, str], Tokens] = LruCache(MEASURED_KEPT)  # (language, sentence) -> tokens

    # --- what a backend says -------------------------------------------------------------------------

    @abstractmethod
    def _load(self, spec: ModelSpec, resolved: ResolvedModel) -> Loaded:
        """Load the model of `spec` from `resolved.path`. Raises ModelNotFoundError or ModelLoadError."""

    @abstractmethod
    def _encode(self, model: Loaded, sentence: str) -> Tokens:
        """The model's tokens of `sentence`, its target token first (multi-target models), end token last."""

    @abstractmethod
    def _decode(self, model: Loaded, batch: list[Tokens], most: int, **options) -> list[Tokens]:
        """Decode `batch` (beam size self._beams, decoder `options`), at most `most` tokens of text each;
        return each sentence's tokens of text, special tokens left out."""

    @abstractmethod
    def _detokenize(self, model: Loaded, tokens: Tokens) -> str:
        """The text of decoded `tokens`."""

    @abstractmethod
    def _output_limit(self, model: Loaded) -> int:
        """The most tokens of text one decode may produce (the model's position limit, less what the backend
        spends of it on special tokens)."""

    def _unguarded_limit(self, model: Loaded, batch: list[Tokens]) -> int:
        """Without the guard (budget None): how many tokens a batch may decode. The backends differed here before
        the guard, and benchmarks compare against what each did."""
        return self._output_limit(model)

    def _release(self) -> None:
        """Called after a model has left the cache."""

    # --- the shared engine ---------------------------------------------------------------------------

    def translate(self, sentences: list[str], target: str) -> list[str]:
        if not sentences:
            return []
        model = self._model(target)
        outputs = list(sentences)  # blank sentences stay as they are: a model would invent text
        tokens = {i: self._tokens(model, target, sentence) for i, sentence in enumerate(sentences) if sentence.strip()}
        self._check_lengths(tokens, model, target)
        batches = length_batches({i: len(t) for i, t in tokens.items()}, self._limits, self._can_share(model),
                                 at_least=self._parallel)

        def run(batch: list[int]) -> list[str]:
            return self._translate_batch(model, [tokens[i] for i in batch], [sentences[i] for i in batch])

        for batch, texts in zip(batches, self._each_batch(run, batches)):
            for index, text in zip(batch, texts):
                outputs[index] = text
            if self._progress:
                self._progress(len(batch))
        return outputs

    def _each_batch(self, run: Callable[[list[int]], list[str]], batches: list[list[int]]) -> Iterator[list[str]]:
        """run(batch) of every batch, in order: one after another, or up to `parallel_batches` at once (the decode
        calls release the GIL, so threads keep that many translators busy)."""
        if self._parallel == 1 or len(batches) == 1:
            return map(run, batches)
        return self._decode_pool().map(run, batches)

    def _decode_pool(self) -> ThreadPoolExecutor:
        with self._pool_lock:
            if self._pool is None:
                self._pool = ThreadPoolExecutor(self._parallel, thread_name_prefix="babelwire-decode")
            return self._pool

    def max_input_tokens(self, target: str) -> int:
        return _input_limit(self._model(target))

    def count_tokens(self, sentence: str, target: str) -> int:
        """The sentence's length in tokens; the tokens are kept for translate, so that a sentence measured and
        then sent as it was measured is tokenized once."""
        tokens = self._encode(self._model(target), sentence)
        self._measured.put((language_key(target), sentence), tokens)
        return len(tokens)

    def _tokens(self, model: Loaded, target: str, sentence: str) -> Tokens:
        kept = self._measured.pop((language_key(target), sentence))
        return kept if kept is not None else self._encode(model, sentence)

    def model_info(self, target: str) -> ModelInfo:
        """Which model serves `target` and its revision, from its files (no weights loaded); raises as translate()
        would where the model cannot be found."""
        spec, resolved = self._resolve(target)
        return ModelInfo(self.engine_name, spec.model, resolved.revision)

    def loaded_languages(self) -> list[str]:
        """Languages whose models are in memory, least recently used first."""
        return self._cache.keys()

    def _resolve(self, target: str, again: bool = False) -> tuple[ModelSpec, ResolvedModel]:
        """The spec and files of `target`'s model, resolved once per language and `again` for each load: the
        revision a model reports is that of the files it was last loaded from."""
        language = language_key(target)
        if again or language not in self._resolved:
            spec = self._registry.spec(language)
            self._resolved[language] = (spec, self._resolve_files(spec.model, spec.language))
        return self._resolved[language]

    def _model(self, target: str) -> Loaded:
        language = language_key(target)
        return self._cache.get(language, lambda: self._load(*self._resolve(language, again=True)))

    def _check_lengths(self, tokens: dict[int, Tokens], model: Loaded, target: str) -> None:
        limit = _input_limit(model)
        longest = max((len(t) for t in tokens.values()), default=0)
        if longest > limit:
            raise InvalidInputError(
                f"a sentence of {longest} tokens exceeds the {target!r} model's limit of {limit}; "
                "split it before translating (the pipeline does)")

    def _can_share(self, model: Loaded) -> CanShare | None:
        if self._budget is None:
            return None
        limit = self._output_limit(model)
        return lambda longest, shortest: self._budget.can_share(longest, shortest, limit)

    def _translate_batch(self, model: Loaded, batch: list[Tokens], sources: list[str]) -> list[str]:
        """The texts of one batch. Benchmarks override this to force output lengths on random-weight models."""
        if self._budget is None:
            outputs = self._decode(model, batch, self._unguarded_limit(model, batch))
            return [self._detokenize(model, tokens) for tokens in outputs]
        return self._guarded(model, batch, sources)

    def _guarded(self, model: Loaded, batch: list[Tokens], sources: list[str]) -> list[str]:
        """Decode each sentence within its budget; decode again, with n-gram blocking, those that loop."""
        budgets = [self._budget.tokens(len(tokens), self._output_limit(model)) for tokens in batch]

        def decode(indexes: list[int], most: int, **options) -> list[tuple[str, int]]:
            outputs = self._decode(model, [batch[i] for i in indexes], most, **options)
            return [(self._detokenize(model, tokens[: budgets[i]]), len(tokens)) for i, tokens in zip(indexes, outputs)]

        texts, retried = decode_guarded(sources, budgets, decode)
        with self._retried_lock:  # batches may decode on several threads
            self.loops_retried += retried
        return texts


def _input_limit(model: PositionLimited) -> int:
    """Half the position limit: the output shares the same limit and needs room to be longer than the input, or
    a long sentence's translation would be cut."""
    return model.positions // 2
