"""MarianMT (OPUS-MT) through Hugging Face transformers.

What both Marian backends share (resolution, the LRU model cache, length-sorted batching under a token cap, the
input-length check, the decode guard) is in core.py; this module says how transformers loads a checkpoint,
tokenises and generates. Generation is bounded: each sentence generates within a budget that follows its source
length, and one that loops is generated again with n-gram blocking (budget.py, translation/round_trip/repetition.py).
"""

import logging
import warnings
from dataclasses import dataclass

from babelwire.translation.engines.core import MarianBackend
from babelwire.translation.errors import ModelLoadError, ModelNotFoundError, UnsupportedLanguageError
from babelwire.translation.models.loading import ResolvedModel
from babelwire.translation.models.registry import ModelSpec

log = logging.getLogger(__name__)

ENGINE_NAME = "marian"


@dataclass(slots=True)
class _Loaded:
    tokenizer: object
    model: object
    prefix: str  # ">>ukr<< " for multi-target models, else ""
    positions: int  # the model's position limit, shared by input and output


class MarianEngine(MarianBackend[_Loaded]):
    """Translates with OPUS-MT Marian models through transformers.

    Arguments:
        registry, and keyword options: as MarianBackend (core.py).
        int8: quantise the Linear layers' weights to int8 (torch dynamic quantisation; CPU only).
    """

    engine_name = ENGINE_NAME

    def __init__(self, registry, *, int8: bool = False, **options):
        super().__init__(registry, **options)
        if int8 and self._device != "cpu":
            raise ValueError("int8 dynamic quantisation runs on CPU only")
        self._int8 = int8

    def carries(self, text: str, target: str) -> bool:
        tokenizer = self._model(target).tokenizer
        return tokenizer.unk_token_id not in tokenizer(text).input_ids

    def _load(self, spec: ModelSpec, resolved: ResolvedModel) -> _Loaded:
        return _load(spec, resolved, self._device, self._int8)

    def _encode(self, loaded: _Loaded, sentence: str) -> list[int]:
        return loaded.tokenizer(loaded.prefix + sentence).input_ids

    def _decode(self, loaded: _Loaded, batch: list[list[int]], most: int, **options) -> list[list[int]]:
        specials = {loaded.tokenizer.pad_token_id, loaded.tokenizer.eos_token_id}  # <unk> is generated text
        outputs = self._generate(loaded, batch, _room_for(most), **options)
        return [[token for token in tokens if token not in specials] for tokens in outputs]

    def _detokenize(self, loaded: _Loaded, tokens: list[int]) -> str:
        return loaded.tokenizer.decode(tokens, skip_special_tokens=True)

    def _output_limit(self, loaded: _Loaded) -> int:
        return loaded.positions - 2  # the decoder's start token and the forced </s> take a position each

    def _unguarded_limit(self, loaded: _Loaded, batch: list[list[int]]) -> int:
        """Before the guard: one budget per batch from its longest sentence."""
        return min(loaded.positions - 1, 2 * max(len(tokens) for tokens in batch) + 10) - 1

    def _release(self) -> None:
        if self._device.startswith("cuda"):
            import torch

            torch.cuda.empty_cache()

    def _generate(self, loaded: _Loaded, batch: list[list[int]], max_new_tokens: int, **options) -> list[list[int]]:
        import torch

        padded = loaded.tokenizer.pad({"input_ids": batch}, return_tensors="pt")
        with torch.inference_mode():
            generated = loaded.model.generate(
                input_ids=padded["input_ids"].to(self._device),
                attention_mask=padded["attention_mask"].to(self._device),
                num_beams=self._beams, max_new_tokens=max_new_tokens, **options,
            )
        return generated.tolist()


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
        raise ModelLoadError(f"loading {spec.model!r} for {spec.language!r} failed: {_first_line(error)}",
                             model=spec.model, language=spec.language) from None
    except Exception as error:  # noqa: BLE001 - corrupt or foreign files: the user must fix them
        raise ModelNotFoundError(
            f"{spec.model!r} for {spec.language!r} is not a loadable Marian checkpoint: {_first_line(error)}",
            model=spec.model, language=spec.language) from None
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
            f"{shown or 'none'}); name one as --model {spec.language}=MODEL>>xxx<<", language=spec.language)
    return token + " "


def _quiet_transformers() -> None:
    """Users should not see weight-loading progress bars and advice meant for library developers."""
    from transformers.utils import logging

    logging.set_verbosity_error()
    logging.disable_progress_bar()


def _first_line(error: Exception) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__
