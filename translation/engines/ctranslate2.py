"""Marian (OPUS-MT) models run by CTranslate2: int8 on CPU, float16 on CUDA.

A transformers Marian checkpoint is converted once, with CTranslate2's own TransformersConverter, into a
cache directory keyed by the checkpoint's digest and the quantisation; later loads read the converted
weights directly (a fraction of a second). Conversion needs torch and transformers and runs in a child
process, so a worker that only translates never imports them: tokenisation uses the checkpoint's
SentencePiece models and vocab.json exactly as MarianTokenizer does.

Same output contract as the transformers Marian engine: one output per input, same order; sentences are
sorted by length and batched under a token budget; a multi-target model gets its `>>xxx<<` token first; each
sentence decodes within a budget that follows its source length, and one that loops is translated again with
n-gram blocking (translation/engines/budget.py, translation/repetition.py).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import shutil
import subprocess
import sys
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from translation.engines.base import Engine, ModelInfo
from translation.engines.budget import DecodeBudget, decode_guarded
from translation.errors import ModelLoadError, ModelNotFoundError
from translation.registry import ModelRegistry

log = logging.getLogger(__name__)
Progress = Callable[[int], None]  # called with the number of sentences just translated

ENGINE_NAME = "ctranslate2"
WEIGHT_FILES = ("model.safetensors", "pytorch_model.bin")
_SAMPLE_BYTES = 1 << 20
_CONVERT_TIMEOUT_S = 1800


def is_available(device: str = "cpu") -> bool:
    """True when CTranslate2 is installed and can run on `device` ("cpu" or "cuda")."""
    try:
        import ctranslate2
    except ImportError:
        return False
    return device == "cpu" or ctranslate2.get_cuda_device_count() > 0


def default_quantization(device: str) -> str:
    """int8 weights on CPU, float16 on CUDA."""
    return "float16" if device == "cuda" else "int8"


# --- tokenisation (MarianTokenizer, without transformers) -------------------------------------------


class MarianVocab:
    """Source SentencePiece + vocab.json, mapping text to Marian tokens and tokens back to text.

    Follows MarianTokenizer: text is split around the special tokens it contains, each piece of text is
    SentencePiece-encoded with the source model, pieces missing from vocab.json become <unk>, and </s>
    ends the sentence. Decoding drops special tokens and joins the rest with the target model.
    """

    def __init__(self, checkpoint: Path):
        import sentencepiece as spm

        config = _read_json(checkpoint / "tokenizer_config.json", default={})
        if config.get("separate_vocabs"):
            raise ModelLoadError(
                f"{checkpoint} has separate source and target vocabularies, which the ctranslate2 "
                "backend does not support; use backend transformers for it"
            )
        self.vocab: dict[str, int] = _read_json(checkpoint / "vocab.json")
        self.eos = config.get("eos_token", "</s>")
        self.unk = config.get("unk_token", "<unk>")
        self.special = {self.eos, self.unk, config.get("pad_token", "<pad>")}
        self.special |= set(config.get("additional_special_tokens") or ())
        self._split = re.compile("(" + "|".join(re.escape(t) for t in sorted(self.special, key=len)[::-1]) + ")")
        self._source = spm.SentencePieceProcessor(model_file=str(checkpoint / "source.spm"))
        self._target = spm.SentencePieceProcessor(model_file=str(checkpoint / "target.spm"))

    def encode(self, text: str, target_token: str | None = None) -> list[str]:
        """Marian tokens of `text`, starting with `target_token` when given and ending with </s>."""
        tokens = [target_token] if target_token else []
        for chunk in self._split.split(text):
            if chunk in self.special:
                tokens.append(chunk)
            elif chunk:
                tokens += self._encode_chunk(chunk)
        tokens.append(self.eos)
        return [token if token in self.vocab else self.unk for token in tokens]

    def _encode_chunk(self, text: str) -> list[str]:
        code = []
        if text.startswith(">>") and (end := text.find("<<")) != -1:  # MarianTokenizer.remove_language_code
            code, text = [text[: end + 2]], text[end + 2 :]
        return code + self._source.encode(text, out_type=str)

    def decode(self, tokens: list[str]) -> str:
        pieces = [token for token in tokens if token not in self.special]
        return self._target.decode_pieces(pieces).replace("\u2581", " ").strip()


# --- conversion and its cache -------------------------------------------------------------------------


def checkpoint_digest(checkpoint: Path) -> str:
    """A content digest of a Marian checkpoint, cheap enough for every load (reads a few MB at most).

    Covers config and vocabulary files whole, and each weights file by its size and its first and last MiB.
    """
    digest = hashlib.sha256()
    for name in ("config.json", "vocab.json", "source.spm", "target.spm", "tokenizer_config.json"):
        path = checkpoint / name
        if path.is_file():
            digest.update(name.encode() + b"\0" + path.read_bytes())
    for name in WEIGHT_FILES:
        path = checkpoint / name
        if path.is_file():
            digest.update(name.encode() + b"\0" + _weights_sample(path))
    return digest.hexdigest()[:16]


def _weights_sample(path: Path) -> bytes:
    size = path.stat().st_size
    with path.open("rb") as handle:
        head = handle.read(_SAMPLE_BYTES)
        handle.seek(max(0, size - _SAMPLE_BYTES))
        return str(size).encode() + head + handle.read(_SAMPLE_BYTES)


def converted_dir(checkpoint: Path, quantization: str, cache_dir: Path | None = None) -> Path:
    """Where the converted model of `checkpoint` lives.

    With `cache_dir`: `cache_dir/<name>-<digest>-<quantization>`. Without: next to the checkpoint, in
    `<checkpoint>.ct2/<digest>-<quantization>`; for a Hugging Face cache snapshot
    (`models--org--name/snapshots/<rev>`), in `models--org--name/ctranslate2/<digest>-<quantization>`.
    """
    key = f"{checkpoint_digest(checkpoint)}-{quantization}"
    if cache_dir is not None:
        return Path(cache_dir) / f"{checkpoint.name}-{key}"
    if checkpoint.parent.name == "snapshots":
        return checkpoint.parent.parent / "ctranslate2" / key
    return checkpoint.with_name(checkpoint.name + ".ct2") / key


def ensure_converted(checkpoint: Path, quantization: str, cache_dir: Path | None = None) -> Path:
    """The converted model of `checkpoint`, converting it first if no conversion is cached.

    Conversion runs `ctranslate2.converters.transformers` in a child process (it imports torch and
    transformers), writes to a temporary sibling and renames it into place, so concurrent workers and
    interrupted conversions never leave a half-written model behind.

    Raises:
        ModelLoadError: conversion failed or the cache directory is not writable.
    """
    target = converted_dir(checkpoint, quantization, cache_dir)
    if (target / "model.bin").is_file():
        return target
    partial = target.with_name(f"{target.name}.partial-{os.getpid()}")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        _run_converter(checkpoint, partial, quantization)
        _move_into_place(partial, target)
    except OSError as error:
        raise ModelLoadError(f"cannot write the converted model to {target.parent}: {error}") from None
    finally:
        shutil.rmtree(partial, ignore_errors=True)
    return target


def _run_converter(checkpoint: Path, output_dir: Path, quantization: str) -> None:
    command = [
        sys.executable, "-m", "ctranslate2.converters.transformers", "--model", str(checkpoint),
        "--output_dir", str(output_dir), "--quantization", quantization, "--force",
    ]
    env = dict(os.environ, HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1")
    try:
        done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=_CONVERT_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        raise ModelLoadError(f"converting {checkpoint} for CTranslate2 took over {_CONVERT_TIMEOUT_S} s") from None
    if done.returncode != 0 or not (output_dir / "model.bin").is_file():
        tail = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["no output"]
        raise ModelLoadError(f"converting {checkpoint} for CTranslate2 failed: {tail[0]}")


def _move_into_place(partial: Path, target: Path) -> None:
    try:
        partial.rename(target)
    except OSError:
        if not (target / "model.bin").is_file():  # not a concurrent conversion that won the race
            raise


# --- the engine -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LoadedModel:
    translator: object  # ctranslate2.Translator
    vocab: MarianVocab
    info: ModelInfo
    target_token: str | None
    max_positions: int


class CTranslate2Engine(Engine):
    """Marian models run by CTranslate2, loaded lazily and kept in a small LRU cache.

    Arguments:
      registry: resolves a target language to a ModelSpec (model id or path, optional >>xxx<< token).
      resolve: maps a model id or path to a local checkpoint directory (raises ModelNotFoundError).
      device: "cpu" or "cuda".
      threads: intra-op threads per model; 0 means one per usable core.
      beams: beam size (1 is greedy).
      max_batch_tokens: cap on padded source tokens times beams per batch.
      max_batch_sentences: cap on sentences per batch.
      cache_size: models kept loaded.
      cache_dir: where converted models go; None puts them next to the checkpoint.
      quantization: weights on disk and at run time; None means int8 on CPU, float16 on CUDA.
      progress: called after each batch with the number of sentences it translated.
      budget: the decode-length guard (translation/engines/budget.py): each sentence decodes at most its
        budget, batches hold sentences of similar budgets, and an output that loops (translation/repetition.py)
        or runs out of budget is translated again with n-gram blocking. None: the model's position limit for
        every batch, no loop check (what the engine did before the guard; benchmarks compare the two).
      output_length: benchmarks only, for random-weight models that never emit </s>: each sentence decodes
        exactly `output_length(its source tokens)` tokens, as if </s> came there. Greedy search stops each
        sentence at its own length (CTranslate2 then drops it from the batch, as it does at a real </s>);
        beam search cannot stop per sentence, so a batch decodes to the length of its longest sentence.
    """

    def __init__(
        self,
        registry: ModelRegistry,
        resolve: Callable[[str], Path],
        *,
        device: str = "cpu",
        threads: int = 0,
        beams: int = 4,
        max_batch_tokens: int = 4096,
        max_batch_sentences: int = 64,
        cache_size: int = 2,
        cache_dir: Path | None = None,
        quantization: str | None = None,
        output_length: Callable[[int], int] | None = None,
        progress: Progress | None = None,
        budget: DecodeBudget | None = DecodeBudget(),
    ):
        self._registry = registry
        self._resolve = resolve
        self._device = device
        self._threads = threads or len(os.sched_getaffinity(0))  # 0: one per usable core, not CT2's default 4
        self._beams = beams
        self._max_batch_tokens = max_batch_tokens
        self._max_batch_sentences = max_batch_sentences
        self._cache_size = cache_size
        self._cache_dir = cache_dir
        self._quantization = quantization or default_quantization(device)
        self._output_length = output_length
        self._progress = progress
        self._budget = budget
        self.loops_retried = 0  # sentences translated again because their first output looped or ran away
        self._models: OrderedDict[str, LoadedModel] = OrderedDict()

    def translate(self, sentences: list[str], target: str) -> list[str]:
        if not sentences:
            return []
        model = self._model(target)
        encoded = [model.vocab.encode(sentence, model.target_token) for sentence in sentences]
        outputs: list[str] = [""] * len(sentences)
        for batch in self._batches(encoded, model.max_positions):
            texts = self._run(model, [encoded[i] for i in batch], [sentences[i] for i in batch])
            for index, text in zip(batch, texts):
                outputs[index] = text
            if self._progress:
                self._progress(len(batch))
        return outputs

    def model_info(self, target: str) -> ModelInfo:
        return self._model(target).info

    def max_input_tokens(self, target: str) -> int:
        # Half the position limit, as for MarianEngine: the output (capped at the limit) needs room to be
        # longer than the input, or a long sentence's translation would be cut at max_decoding_length.
        return self._model(target).max_positions // 2

    def count_tokens(self, sentence: str, target: str) -> int:
        model = self._model(target)
        return len(model.vocab.encode(sentence, model.target_token))

    def carries(self, text: str, target: str) -> bool:
        model = self._model(target)
        return model.vocab.unk not in model.vocab.encode(text)

    def _batches(self, encoded: list[list[str]], limit: int) -> list[list[int]]:
        """Indices grouped longest first, each group under the token and sentence caps and, with the guard,
        of budgets close enough to share one (DecodeBudget.can_share)."""
        order = sorted(range(len(encoded)), key=lambda i: len(encoded[i]), reverse=True)
        batches: list[list[int]] = []
        for index in order:
            if batches and self._fits(batches[-1], len(encoded[batches[-1][0]]), len(encoded[index]), limit):
                batches[-1].append(index)
            else:
                batches.append([index])
        return batches

    def _fits(self, batch: list[int], longest: int, length: int, limit: int) -> bool:
        if len(batch) >= self._max_batch_sentences or (len(batch) + 1) * longest * self._beams > self._max_batch_tokens:
            return False
        return self._budget is None or self._budget.can_share(longest, length, limit)

    def _run(self, model: LoadedModel, batch: list[list[str]], sources: list[str]) -> list[str]:
        if self._output_length is not None:  # benchmarks: forced lengths stand in for the model's own ends
            return [model.vocab.decode(tokens) for tokens in self._decode(model, batch, **self._forced_lengths(batch))]
        if self._budget is None:
            return [model.vocab.decode(tokens) for tokens in self._decode(model, batch, max_decoding_length=model.max_positions)]
        return self._guarded(model, batch, sources)

    def _guarded(self, model: LoadedModel, batch: list[list[str]], sources: list[str]) -> list[str]:
        """Decode each sentence within its budget; translate again, with n-gram blocking, those that loop."""
        budgets = [self._budget.tokens(len(tokens), model.max_positions) for tokens in batch]

        def decode(indexes: list[int], most: int, **options) -> list[tuple[str, int]]:
            outputs = self._decode(model, [batch[i] for i in indexes], max_decoding_length=most, **options)
            return [(model.vocab.decode(tokens[: budgets[i]]), len(tokens)) for i, tokens in zip(indexes, outputs)]

        texts, retried = decode_guarded(sources, budgets, decode)
        self.loops_retried += retried
        return texts

    def _decode(self, model: LoadedModel, batch: list[list[str]], **options) -> list[list[str]]:
        results = model.translator.translate_batch(batch, beam_size=self._beams, max_input_length=0, **options)
        return [result.hypotheses[0] for result in results]

    def _forced_lengths(self, batch: list[list[str]]) -> dict:
        lengths = [self._output_length(len(tokens)) for tokens in batch]
        limits = {"min_decoding_length": max(lengths), "max_decoding_length": max(lengths)}
        if self._beams == 1:  # the callback runs per generated token in greedy search only
            limits["callback"] = lambda step: step.step + 1 >= lengths[step.batch_id]
        return limits

    def _model(self, target: str) -> LoadedModel:
        key = target.strip().lower()
        if key in self._models:
            self._models.move_to_end(key)
            return self._models[key]
        model = self._load(key)
        self._models[key] = model
        while len(self._models) > self._cache_size:
            self._models.popitem(last=False)
        return model

    def _load(self, target: str) -> LoadedModel:
        spec = self._registry.spec(target)
        checkpoint = Path(self._resolve(spec.model))
        _require_files(checkpoint)
        vocab = MarianVocab(checkpoint)
        converted = ensure_converted(checkpoint, self._quantization, self._cache_dir)
        translator = self._translator(converted)
        self._check_it_runs(translator, vocab.encode("Hello, world.", spec.target_token), converted)
        config = _read_json(checkpoint / "config.json")
        info = ModelInfo(ENGINE_NAME, spec.model, checkpoint_digest(checkpoint))
        return LoadedModel(translator, vocab, info, spec.target_token, config.get("max_position_embeddings", 512))

    def _translator(self, converted: Path):
        import ctranslate2

        try:
            return ctranslate2.Translator(
                str(converted), device=self._device, compute_type=self._quantization,
                intra_threads=self._threads, inter_threads=1,
            )
        except (RuntimeError, ValueError) as error:
            raise ModelLoadError(f"CTranslate2 cannot load {converted}: {error}") from None

    def _check_it_runs(self, translator, tokens: list[str], converted: Path) -> None:
        """Translate a short sentence now, as translate() will: some failures only show when the kernels run
        (a CUDA build of CTranslate2 on a machine without the CUDA libraries it was built for), and a model
        that cannot run must fail its load, where `auto` falls back to transformers, not every job later."""
        try:
            translator.translate_batch([tokens], beam_size=self._beams, max_input_length=0, max_decoding_length=4)
        except RuntimeError as error:
            raise ModelLoadError(
                f"CTranslate2 cannot run {converted} on {self._device}: {error}; use backend transformers"
                + (" or device cpu" if self._device == "cuda" else "")
            ) from None


def _require_files(checkpoint: Path) -> None:
    missing = [name for name in ("config.json", "vocab.json", "source.spm", "target.spm")
               if not (checkpoint / name).is_file()]
    if not any((checkpoint / name).is_file() for name in WEIGHT_FILES):
        missing.append(" or ".join(WEIGHT_FILES))
    if missing:
        raise ModelNotFoundError(f"{checkpoint} is not a Marian checkpoint: missing {', '.join(missing)}")


def _read_json(path: Path, default=None):
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        if default is not None:
            return default
        raise ModelNotFoundError(f"{path} does not exist") from None
    except (OSError, ValueError) as error:
        raise ModelLoadError(f"cannot read {path}: {error}") from None
