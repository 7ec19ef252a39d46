"""The benchmark model: the real OPUS-MT en-uk architecture with random weights, built once and cached.

MarianConfig as in Helsinki-NLP/opus-mt-en-uk (OPUS_MT_CONFIG): d_model 512, 6+6 layers, 8 heads, FFN 2048, shared
embeddings, a vocabulary of about 60,000. The SentencePiece model is trained on the benchmark's own
text (the seed article and the CoNLL-2003 dev documents, read from ../shared) and vocab.json is padded
with never-produced pieces up to the full vocabulary size, so the embedding and output-projection
matrices have the real shape and the per-token compute is the real one.

The checkpoint lands in benchmarks/.cache/opus-mt-en-uk-random (gitignored). Building it needs torch and
transformers; loading it later does not (the CTranslate2 engine reads only the SentencePiece and vocab
files plus its converted weights).

Random weights never emit </s>; ForcedLengthEngine runs babelwire's CTranslate2 engine with each sentence's
output length forced instead, so a benchmark decodes the tokens a real translation would, and
ForcedLengthMarianEngine does the same for babelwire's transformers engine (MarianEngine).

    .venv/bin/python benchmarks/_models.py   # builds it if missing, prints its path
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
if str(HERE.parent) not in sys.path:  # run as a script: the project's packages
    sys.path.insert(0, str(HERE.parent))

from tests.tiny_models import build_marian  # noqa: E402
from babelwire.translation.engines.ctranslate2 import CTranslate2Engine, LoadedModel  # noqa: E402
from babelwire.translation.engines.marian import MarianEngine  # noqa: E402

SHARED = HERE.parent.parent / "shared"
SEED_ARTICLE = SHARED / "examples" / "unn-2025-12-06.txt"
CONLL_DEV = SHARED / "data" / "conll2003" / "dev.txt"
CACHE = HERE / ".cache"
MODEL_DIR = CACHE / "opus-mt-en-uk-random"
SECOND_MODEL_DIR = CACHE / "opus-mt-en-de-random"  # the same architecture, other random weights: a uk + de worker

VOCAB_SIZE = 60_000  # opus-mt-en-uk has 61,587 entries; "about 60,000" is the same cost per token
SPM_PIECES = 8_000
SEED = 0


def repository_lines() -> list[str]:
    """English news text kept in the repository (examples/): the corpus on a machine without ../shared, such as an
    accelerator machine, where only the checkout travels."""
    examples = HERE.parent / "examples"
    lines = (examples / "breaking.txt").read_text(encoding="utf-8").splitlines()
    item = json.loads((examples / "wire-item.json").read_text(encoding="utf-8"))
    lines += [item.get("headline", "")] + item.get("body_text", "").splitlines()
    story = re.sub(r"<[^>]+>", "\n", (examples / "story.html").read_text(encoding="utf-8"))
    lines += story.splitlines()
    return [line.strip() for line in lines if len(line.split()) >= 4]


def corpus_lines() -> list[str]:
    """The SentencePiece training text: the seed article and CoNLL-2003 dev from ../shared where they are, else the
    repository's examples (the vocabulary is padded to VOCAB_SIZE either way: the compute per token is the same)."""
    if SEED_ARTICLE.exists() and CONLL_DEV.exists():
        return seed_paragraphs() + conll_sentences()
    return repository_lines()


def seed_paragraphs() -> list[str]:
    """The seed article's non-empty lines (paragraphs)."""
    return [line.strip() for line in SEED_ARTICLE.read_text(encoding="utf-8").splitlines() if line.strip()]


def conll_sentences() -> list[str]:
    """CoNLL-2003 dev sentences, detokenised into ordinary English text (document order)."""
    sentences, tokens = [], []
    for line in CONLL_DEV.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("-DOCSTART-"):
            if tokens:
                sentences.append(detokenise(tokens))
                tokens = []
            continue
        tokens.append(line.split(" ", 1)[0])
    if tokens:
        sentences.append(detokenise(tokens))
    return sentences


def detokenise(tokens: list[str]) -> str:
    text = " ".join(tokens)
    text = re.sub(r" ([.,;:!?%)\]}])", r"\1", text)
    text = re.sub(r"([(\[{$]) ", r"\1", text)
    text = re.sub(r" (n't|'s|'re|'ve|'ll|'d|'m)\b", r"\1", text)
    text = re.sub(r'" (.*?) "', r'"\1"', text)
    return text


# Helsinki-NLP/opus-mt-en-uk's MarianConfig (its vocabulary and special tokens are set by the builder).
OPUS_MT_CONFIG = {
    "d_model": 512, "encoder_layers": 6, "decoder_layers": 6, "encoder_attention_heads": 8,
    "decoder_attention_heads": 8, "encoder_ffn_dim": 2048, "decoder_ffn_dim": 2048, "activation_function": "swish",
    "scale_embedding": True, "share_encoder_decoder_embeddings": True, "tie_word_embeddings": True, "num_beams": 4,
}


def build(out_dir: Path = MODEL_DIR, seed: int = SEED, lines: list[str] | None = None) -> Path:
    """Build the random-weight OPUS-MT-sized checkpoint (weights drawn with `seed`, SentencePiece trained on `lines`,
    default corpus_lines()) into `out_dir` unless it is already there. The tests' builder of tiny models makes it
    (tests/tiny_models.build_marian), with OPUS-MT's shape and a vocabulary padded to VOCAB_SIZE."""
    if (out_dir / "config.json").exists() and (out_dir / "model.safetensors").exists():
        return out_dir
    partial = out_dir.with_name(out_dir.name + ".partial")
    build_marian(partial, lines or corpus_lines(), OPUS_MT_CONFIG, pieces=SPM_PIECES, seed=seed,
                 vocab_size=VOCAB_SIZE, never_pad=True, spm_threads=2)
    partial.rename(out_dir)
    return out_dir


class ForcedLengthEngine(CTranslate2Engine):
    """babelwire's CTranslate2 engine (its batching and model handling) for random-weight models, which never
    emit </s>: each sentence decodes exactly `output_length(its source tokens)` tokens, as if </s> came there.

    Greedy search stops each sentence at its own length (CTranslate2 then drops it from the batch, as it does at a
    real </s>); beam search cannot stop per sentence, so a batch decodes to the length of its longest sentence.
    The guard's loop check does not run (forced lengths stand in for sentences that end); its batching does.
    """

    def __init__(self, registry, output_length: Callable[[int], int], **options):
        super().__init__(registry, **options)
        self._output_length = output_length
        self.forced = True  # False: decode freely, as babelwire does (a random model then never ends a sentence)

    def _translate_batch(self, model: LoadedModel, batch: list[list[str]], sources: list[str]) -> list[str]:
        if not self.forced:
            return super()._translate_batch(model, batch, sources)
        lengths = [self._output_length(len(tokens)) for tokens in batch]
        limits = {"min_decoding_length": max(lengths), "max_decoding_length": max(lengths)}
        if self._beams == 1:  # the callback runs per generated token in greedy search only
            limits["callback"] = lambda step: step.step + 1 >= lengths[step.batch_id]
        return [self._detokenize(model, tokens) for tokens in self._hypotheses(model, batch, **limits)]


class ForcedLengthMarianEngine(MarianEngine):
    """babelwire's transformers engine (MarianEngine: its model loading, tokenisation, batching and generate call)
    for random-weight models, which never emit </s>: each batch decodes exactly `output_length(its longest
    source)` tokens. transformers' generate cannot stop one sentence of a batch, so shorter sentences are padded
    to the batch's longest and that padding is charged to the engine, as for the benchmark's hand-written
    transformers backend.

    Batching is the product's: core.MarianBackend.translate groups sentences with batching.length_batches under
    the engine's BatchLimits (at most max_batch_sentences, sentences x longest source x beams <= max_batch_tokens)
    and, with a DecodeBudget, only sentences whose budgets may share a decode (budget.DecodeBudget.can_share).
    The guard's per-sentence part does not run: decode_guarded would decode every batch to the largest budget
    (2 x source + 10, not the forced 1.2 x source) and decode again, with n-gram blocking, any output that
    looks_looping flags, which random weights' outputs often are. Forced lengths stand in for sentences that end,
    where the guard only caps a decode that a real </s> ends first, exactly as ForcedLengthEngine does for
    CTranslate2. So the override is here, one level below translate(): the batches are the product's; each one
    is one generate call, as the guard's first decode of an ending batch is.
    """

    def __init__(self, registry, output_length: Callable[[int], int], **options):
        super().__init__(registry, **options)
        self._output_length = output_length

    def _translate_batch(self, model, batch: list[list[int]], sources: list[str]) -> list[str]:
        length = self._output_length(max(len(tokens) for tokens in batch))
        # min = max new tokens and no forced </s> (the checkpoint's config forces one at max_length): exactly
        # `length` generated tokens per sentence, as the hand-written transformers backend decodes.
        outputs = self._generate(model, batch, length, min_new_tokens=length, forced_eos_token_id=None)
        return [self._detokenize(model, tokens) for tokens in outputs]


if __name__ == "__main__":
    print(build())
    sys.exit(0)
