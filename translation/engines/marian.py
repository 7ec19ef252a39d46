"""MarianMT (OPUS-MT) through Hugging Face transformers.

Models load lazily on first use and stay in a small LRU cache (a worker serving five languages should not
hold five models). Sentences are sorted by length and batched under a token cap so padding stays small and
memory bounded. Input is never truncated: a sentence over `max_input_tokens` is an error, and the pipeline
splits long sentences before they get here. Output is bounded instead: each sentence generates within a budget
that follows its source length, and one that loops is generated again with n-gram blocking
(translation/engines/budget.py, translation/repetition.py).
"""

import logging
import threading
import warnings
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from translation.engines.base import Engine, ModelInfo
from translation.engines.budget import DecodeBudget, decode_guarded
from translation.errors import InvalidInputError, ModelLoadError, ModelNotFoundError, UnsupportedLanguageError
from translation.loading import ResolvedModel, resolve_model
from translation.registry import ModelRegistry, ModelSpec

log = logging.getLogger(__name__)

Progress = Callable[[int], None]  # called with the number of sentences just translated


@dataclass(slots=True)
class _Loaded:
    tokenizer: object
    model: object
    prefix: str  # ">>ukr<< " for multi-target models, else ""
    positions: int  # the model's position limit, shared by input and output


class MarianEngine(Engine):
    """Translates with OPUS-MT Marian models.

    Arguments:
        registry: maps a target language to its model.
        device: a torch device string, "cpu" or "cuda" (the factory resolves "auto").
        beams: beam size for generation.
        max_batch_tokens: cap on padded source tokens per generate() call.
        cache_size: how many models stay loaded at once.
        progress: called after each batch with the number of sentences it translated.
        int8: quantise the Linear layers' weights to int8 (torch dynamic quantisation; CPU only).
        budget: the decode-length guard (translation/engines/budget.py): each sentence decodes at most its
            budget, batches hold sentences of similar budgets, and an output that loops
            (translation/repetition.py) or runs out of budget is generated again with n-gram blocking.
            None: one budget per batch from its longest sentence, no loop check (the engine before the guard).
    """

    def __init__(self, registry: ModelRegistry, *, device: str = "cpu", beams: int = 4,
                 max_batch_tokens: int = 4096, cache_size: int = 2, progress: Progress | None = None,
                 int8: bool = False, budget: DecodeBudget | None = DecodeBudget()):
        if cache_size < 1:
            raise ValueError("cache_size must be at least 1")
        if int8 and device != "cpu":
            raise ValueError("int8 dynamic quantisation runs on CPU only")
        self._int8 = int8
        self._registry = registry
        self._device = device
        self._beams = beams
        self._max_batch_tokens = max_batch_tokens
        self._cache_size = cache_size
        self._progress = progress
        self._budget = budget
        self.loops_retried = 0  # sentences generated again because their first output looped or ran away
        self._resolved: dict[str, tuple[ModelSpec, ResolvedModel]] = {}
        self._cache: OrderedDict[str, _Loaded] = OrderedDict()
        self._lock = threading.Lock()

    def translate(self, sentences: list[str], target: str) -> list[str]:
        if not sentences:
            return []
        loaded = self._loaded(target)
        outputs = list(sentences)  # blank sentences stay as they are: a model would invent text
        todo = [i for i, sentence in enumerate(sentences) if sentence.strip()]
        ids = {i: self._encode(loaded, sentences[i]) for i in todo}
        self._check_lengths(ids, loaded, target)
        share = (lambda longest, shortest: self._budget.can_share(longest, shortest, loaded.positions - 1)) \
            if self._budget else None
        for batch in _length_sorted_batches(ids, self._max_batch_tokens, share):
            for index, text in zip(batch, self._translate_batch(loaded, [ids[i] for i in batch], [sentences[i] for i in batch])):
                outputs[index] = text
            if self._progress:
                self._progress(len(batch))
        return outputs

    def model_info(self, target: str) -> ModelInfo:
        """Resolves the model's files (fast, no weights loaded); raises as translate() would."""
        spec, resolved = self._resolve(target)
        return ModelInfo("marian", spec.model, resolved.revision)

    def max_input_tokens(self, target: str) -> int:
        # Half the position limit: the translation needs room too, and output shares the same limit.
        return self._loaded(target).positions // 2

    def count_tokens(self, sentence: str, target: str) -> int:
        return len(self._encode(self._loaded(target), sentence))

    def carries(self, text: str, target: str) -> bool:
        tokenizer = self._loaded(target).tokenizer
        return tokenizer.unk_token_id not in tokenizer(text).input_ids

    def loaded_languages(self) -> list[str]:
        """Languages whose models are in memory, least recently used first."""
        return list(self._cache)

    def _resolve(self, target: str) -> tuple[ModelSpec, ResolvedModel]:
        if target not in self._resolved:
            spec = self._registry.spec(target)
            self._resolved[target] = (spec, resolve_model(spec.model, spec.language))
        return self._resolved[target]

    def _loaded(self, target: str) -> _Loaded:
        with self._lock:
            if target in self._cache:
                self._cache.move_to_end(target)
                return self._cache[target]
            spec, resolved = self._resolve(target)
            loaded = _load(spec, resolved, self._device, self._int8)
            self._cache[target] = loaded
            while len(self._cache) > self._cache_size:
                self._cache.popitem(last=False)
                _release_device_memory(self._device)
            return loaded

    def _encode(self, loaded: _Loaded, sentence: str) -> list[int]:
        return loaded.tokenizer(loaded.prefix + sentence).input_ids

    def _check_lengths(self, ids: dict[int, list[int]], loaded: _Loaded, target: str) -> None:
        limit = loaded.positions // 2
        longest = max((len(tokens) for tokens in ids.values()), default=0)
        if longest > limit:
            raise InvalidInputError(
                f"a sentence of {longest} tokens exceeds the {target!r} model's limit of {limit}; "
                "split it before translating (the pipeline does)")

    def _translate_batch(self, loaded: _Loaded, batch_ids: list[list[int]], sources: list[str]) -> list[str]:
        if self._budget is None:
            longest = max(len(tokens) for tokens in batch_ids)
            return self._decoded(loaded, self._generate(loaded, batch_ids, min(loaded.positions - 1, 2 * longest + 10)))
        return self._guarded(loaded, batch_ids, sources)

    def _guarded(self, loaded: _Loaded, batch_ids: list[list[int]], sources: list[str]) -> list[str]:
        """Generate each sentence within its budget; generate again, with n-gram blocking, those that loop."""
        budgets = [self._budget.tokens(len(tokens), loaded.positions - 2) for tokens in batch_ids]
        specials = _specials(loaded)

        def decode(indexes: list[int], most: int, **options) -> list[tuple[str, int]]:
            outputs = self._generate(loaded, [batch_ids[i] for i in indexes], _room_for(most), **options)
            texts = []
            for i, tokens in zip(indexes, outputs):
                text_tokens = [token for token in tokens if token not in specials]
                texts.append((loaded.tokenizer.decode(text_tokens[: budgets[i]], skip_special_tokens=True),
                              len(text_tokens)))
            return texts

        texts, retried = decode_guarded(sources, budgets, decode)
        self.loops_retried += retried
        return texts

    def _generate(self, loaded: _Loaded, batch_ids: list[list[int]], max_new_tokens: int, **options) -> list[list[int]]:
        import torch

        padded = loaded.tokenizer.pad({"input_ids": batch_ids}, return_tensors="pt")
        with torch.inference_mode():
            generated = loaded.model.generate(
                input_ids=padded["input_ids"].to(self._device),
                attention_mask=padded["attention_mask"].to(self._device),
                num_beams=self._beams, max_new_tokens=max_new_tokens, **options,
            )
        return generated.tolist()

    def _decoded(self, loaded: _Loaded, outputs: list[list[int]]) -> list[str]:
        return loaded.tokenizer.batch_decode(outputs, skip_special_tokens=True)


def _length_sorted_batches(
    ids: dict[int, list[int]], max_tokens: int, can_share: Callable[[int, int], bool] | None = None
) -> list[list[int]]:
    """Indices grouped shortest first so that (longest in batch) x (batch size) stays under max_tokens and,
    when `can_share(longest, shortest)` is given, the longest and shortest of a batch may share one budget."""
    batches, batch = [], []
    for index in sorted(ids, key=lambda i: len(ids[i])):
        length = len(ids[index])
        if batch and (length * (len(batch) + 1) > max_tokens
                      or (can_share is not None and not can_share(length, len(ids[batch[0]])))):
            batches.append(batch)
            batch = []
        batch.append(index)
    if batch:
        batches.append(batch)
    return batches


def _specials(loaded: _Loaded) -> set[int]:
    return {loaded.tokenizer.pad_token_id, loaded.tokenizer.eos_token_id}  # <unk> is generated text


def _room_for(budget: int) -> int:
    """max_new_tokens for `budget` tokens of text: Marian checkpoints force </s> as the last token."""
    return budget + 1


def _load(spec: ModelSpec, resolved: ResolvedModel, device: str, int8: bool = False) -> _Loaded:
    _quiet_transformers()
    from transformers import MarianMTModel, MarianTokenizer

    try:
        tokenizer = MarianTokenizer.from_pretrained(resolved.path, local_files_only=True)
        model = MarianMTModel.from_pretrained(resolved.path, local_files_only=True)
        model = model.to(device).eval()
        if int8:
            model = quantized_int8(model)
    except (MemoryError, RuntimeError) as error:  # out of memory, CUDA hiccups: may work later
        raise ModelLoadError(f"loading {spec.model!r} for {spec.language!r} failed: {_first_line(error)}") from None
    except Exception as error:  # noqa: BLE001 - corrupt or foreign files: the user must fix them
        raise ModelNotFoundError(
            f"{spec.model!r} for {spec.language!r} is not a loadable Marian checkpoint: {_first_line(error)}"
        ) from None
    prefix = _target_prefix(spec, tokenizer)
    positions = min(model.config.max_position_embeddings, tokenizer.model_max_length)
    return _Loaded(tokenizer, model, prefix, positions)


def quantized_int8(model):
    """The model with its Linear layers' weights in int8, activations quantised on the fly (CPU).

    torch marks this API deprecated (in favour of torchao, which this project does not depend on) and warns
    on every conversion; the warning says nothing a babelwire user can act on, so it is silenced here and
    the choice is documented in the README instead.
    """
    import torch

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return torch.ao.quantization.quantize_dynamic(model, {torch.nn.Linear}, dtype=torch.qint8)


def _target_prefix(spec: ModelSpec, tokenizer) -> str:
    """The `>>xxx<< ` token a multi-target model needs; checked against the model's vocabulary."""
    codes = sorted(token for token in tokenizer.get_vocab() if token.startswith(">>") and token.endswith("<<"))
    token = spec.target_token
    if token is None and codes:
        token = f">>{spec.language}<<"  # a multi-target override without a token: try the plain code
    if token is None:
        return ""
    if token not in codes:
        shown = ", ".join(codes[:12]) + (" ..." if len(codes) > 12 else "")
        raise UnsupportedLanguageError(
            f"model {spec.model!r} has no target token {token} for {spec.language!r} (it knows: "
            f"{shown or 'none'}); name one as --model {spec.language}=MODEL>>xxx<<")
    return token + " "


def _quiet_transformers() -> None:
    """Users should not see weight-loading progress bars and advice meant for library developers."""
    from transformers.utils import logging

    logging.set_verbosity_error()
    logging.disable_progress_bar()


def _release_device_memory(device: str) -> None:
    if device.startswith("cuda"):
        import torch

        torch.cuda.empty_cache()


def _first_line(error: Exception) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__
