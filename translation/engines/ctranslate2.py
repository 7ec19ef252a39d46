"""Marian (OPUS-MT) models run by CTranslate2: int8 on CPU, float16 on CUDA.

CTranslate2 is imported through cuda_libraries.import_ctranslate2, which first loads the CUDA 12 libraries of the
`gpu` extra where they are installed.

A transformers Marian checkpoint is converted once, with CTranslate2's own TransformersConverter, into a
cache directory keyed by the checkpoint's digest and the quantisation; later loads read the converted
weights directly (a fraction of a second). Conversion needs torch and transformers and runs in a child
process, so a worker that only translates never imports them: tokenisation uses the checkpoint's
SentencePiece models and vocab.json exactly as MarianTokenizer does.

What both Marian backends share (resolution, the LRU model cache, batching, the input-length check, the decode
guard) is in core.py; this module says how CTranslate2 loads (converting first), tokenises and decodes.
"""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from babelwire.translation.engines.core import MarianBackend
from babelwire.translation.engines.cuda_libraries import import_ctranslate2
from babelwire.translation.errors import ModelLoadError, ModelNotFoundError
from babelwire.translation.models.loading import ResolvedModel, checkpoint_digest
from babelwire.translation.models.registry import ModelSpec

log = logging.getLogger(__name__)

ENGINE_NAME = "ctranslate2"
_CONVERT_TIMEOUT_S = 1800


def is_available(device: str = "cpu") -> bool:
    """True when CTranslate2 is installed and can run on `device` ("cpu" or "cuda")."""
    try:
        ctranslate2 = import_ctranslate2()
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
    target_token: str | None
    positions: int  # the model's position limit, shared by input and output


@dataclass(slots=True)
class _Prepared:
    """What a model's load finds out once and a reload of the same files reuses: its vocabulary, where its
    conversion lives, its position limit, and whether it has run here. A worker that keeps one model resident
    reloads on every turn to another language; this leaves a reload its weights to read (a fraction of a second):
    no vocabulary to parse, no conversion to look up and no test translation to run."""

    vocab: MarianVocab
    converted: Path
    positions: int
    has_run: bool = False


@dataclass(frozen=True, slots=True)
class ThreadLayout:
    """How CTranslate2 uses the cores: `translators` batches decode at once (its inter_threads, weights shared),
    each on `threads` intra-op threads."""

    translators: int
    threads: int


def thread_layout(cores: int, device: str = "cpu", translators: int = 0, threads: int = 0) -> ThreadLayout:
    """The layout for `cores` usable cores; `translators` or `threads` other than 0 are the user's choice.

    On CPU, two translators of one thread each on two cores ran 1.6-1.85x faster greedy and 1.45-1.7x at beam 4
    than one translator of two threads (small decoder GEMMs scale poorly across threads, batches do not): so two
    translators where there are two cores, and the cores shared out between them. Not more by default: each
    translator holds a batch's buffers, and a worker's jobs rarely make more than two batches at once. On CUDA one
    translator (one stream) per device.
    """
    if not translators:
        translators = 1 if device == "cuda" else max(1, min(2, cores))
    if not threads:
        threads = max(1, cores // translators)
    return ThreadLayout(translators, threads)


class CTranslate2Engine(MarianBackend[LoadedModel]):
    """Marian models run by CTranslate2.

    Arguments:
      registry, and keyword options: as MarianBackend (core.py).
      translators: batches decoded at once (CTranslate2's inter_threads); 0: chosen from the cores (thread_layout).
      threads: intra-op threads per translator; 0: the usable cores shared out between the translators.
      cache_dir: where converted models go; None puts them next to the checkpoint.
      quantization: weights on disk and at run time; None means int8 on CPU, float16 on CUDA.
    """

    engine_name = ENGINE_NAME

    def __init__(self, registry, *, translators: int = 0, threads: int = 0, cache_dir: Path | None = None,
                 quantization: str | None = None, **options):
        device = options.get("device", "cpu")
        self.layout = thread_layout(len(os.sched_getaffinity(0)), device, translators, threads)
        super().__init__(registry, parallel_batches=self.layout.translators, **options)
        self._cache_dir = cache_dir
        self._quantization = quantization or default_quantization(self._device)
        # What a load finds out outlives the model in the cache, by files and their revision: a model evicted and
        # loaded again (a worker of several languages keeping one model) reloads only its weights. Half of a
        # reload's time was parsing vocab.json and the SentencePiece models, a third of the rest the test
        # translation; a vocabulary is a few MB, its model's weights about 80.
        self._prepared: dict[tuple[Path, str], _Prepared] = {}

    def carries(self, text: str, target: str) -> bool:
        model = self._model(target)
        return model.vocab.unk not in model.vocab.encode(text)

    def _encode(self, model: LoadedModel, sentence: str) -> list[str]:
        return model.vocab.encode(sentence, model.target_token)

    def _decode(self, model: LoadedModel, batch: list[list[str]], most: int, **options) -> list[list[str]]:
        return self._hypotheses(model, batch, max_decoding_length=most, **options)

    def _detokenize(self, model: LoadedModel, tokens: list[str]) -> str:
        return model.vocab.decode(tokens)

    def _output_limit(self, model: LoadedModel) -> int:
        return model.positions  # CTranslate2 counts neither the decoder's start token nor </s>

    def _hypotheses(self, model: LoadedModel, batch: list[list[str]], **options) -> list[list[str]]:
        """The best hypothesis of each sentence, decoded with CTranslate2's `options`; input never truncated."""
        results = model.translator.translate_batch(batch, beam_size=self._beams, max_input_length=0, **options)
        return [result.hypotheses[0] for result in results]

    def _load(self, spec: ModelSpec, resolved: ResolvedModel) -> LoadedModel:
        prepared = self._prepare(resolved)
        translator = self._translator(prepared.converted)
        if not prepared.has_run:  # the same files ran here once and run again: a reload needs no proof
            self._check_it_runs(translator, prepared.vocab.encode("Hello, world.", spec.target_token), prepared.converted)
            prepared.has_run = True
        return LoadedModel(translator, prepared.vocab, spec.target_token, prepared.positions)

    def _prepare(self, resolved: ResolvedModel) -> _Prepared:
        """The vocabulary, conversion (converting first if none is cached) and position limit of `resolved`'s files,
        found out at their first load; a reload of the same revision finds them here, its conversion still on disk."""
        key = (resolved.path, resolved.revision)
        prepared = self._prepared.get(key)
        if prepared is None or not (prepared.converted / "model.bin").is_file():
            checkpoint = resolved.path
            vocab = prepared.vocab if prepared else MarianVocab(checkpoint)
            converted = ensure_converted(checkpoint, self._quantization, self._cache_dir)
            config = _read_json(checkpoint / "config.json")
            prepared = self._prepared[key] = _Prepared(vocab, converted, config.get("max_position_embeddings", 512))
            self._forget_other_revisions(key)
        return prepared

    def _forget_other_revisions(self, key: tuple[Path, str]) -> None:
        """A checkpoint retrained in place never loads its old revision again: a long-running worker whose models
        are updated keeps one vocabulary per model, not one per update."""
        for stale in [other for other in self._prepared if other[0] == key[0] and other != key]:
            del self._prepared[stale]

    def _translator(self, converted: Path):
        ctranslate2 = import_ctranslate2()
        try:
            return ctranslate2.Translator(
                str(converted), device=self._device, compute_type=self._quantization,
                intra_threads=self.layout.threads, inter_threads=self.layout.translators,
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


def _read_json(path: Path, default=None):
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        if default is not None:
            return default
        raise ModelNotFoundError(f"{path} does not exist", missing=[path.name]) from None
    except (OSError, ValueError) as error:
        raise ModelLoadError(f"cannot read {path}: {error}") from None
