"""Tiny Marian checkpoints for tests: the real OPUS-MT file layout, a few dimensions, random weights.

They load through the same `from_pretrained` path as `Helsinki-NLP/opus-mt-en-*` and produce gibberish,
which makes them good adversaries for placeholder restoration.

    from tests.tiny_models import build_tiny_marian
    path = build_tiny_marian(out_dir, target="uk", seed=1)

`build_marian` is the one builder behind them and behind the benchmarks' OPUS-MT-sized model (benchmarks/_models.py
imports it: benchmarks may import anything, while the tests import nothing of benchmarks/ and need nothing beside
the checkout).

or, from a shell (the worker's end-to-end tests run subprocesses):

    python -m tests.tiny_models OUTDIR            # writes OUTDIR/uk and OUTDIR/de, prints their paths
"""

import json
import sys
import tempfile
from pathlib import Path

try:
    from shared_data import SEED_ARTICLE
except ModuleNotFoundError:  # run as `python -m tests.tiny_models OUTDIR`
    from tests.shared_data import SEED_ARTICLE

_ENGLISH = """\
Ukrainian President Volodymyr Zelenskyy spoke for ninety minutes with the envoys.
The call covered a draft framework, the protection of power plants, and an exchange of prisoners.
"We want an agreement that holds in winter and in summer," she stated.
On Saturday, December 6, the U.S. envoy Steve Witkoff met Jared Kushner in Miami at 10 a.m.
Prices rose 1.5% to $42.180.00 according to https://example.com and @unn_news #Ukraine.
"""
_UKRAINIAN = """\
Президент України Володимир Зеленський півтори години говорив із посланцями.
Розмова стосувалася проєкту рамкової угоди, захисту електростанцій та обміну полоненими.
Ми хочемо угоди, яка діятиме і взимку, і влітку, заявила вона.
"""
_GERMAN = """\
Der ukrainische Präsident sprach neunzig Minuten lang mit den Gesandten.
Es ging um einen Rahmenentwurf, den Schutz von Kraftwerken und einen Gefangenenaustausch.
Wir wollen eine Vereinbarung, die im Winter wie im Sommer hält, sagte sie.
"""

_VOCAB_SIZE = 400


def _corpus_lines() -> list[str]:
    lines = (_ENGLISH + _UKRAINIAN + _GERMAN).splitlines() + SEED_ARTICLE.read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.strip()]


# A tiny Marian: a few dimensions, so that tests build and run it in seconds.
TINY_CONFIG = {"d_model": 16, "encoder_layers": 1, "decoder_layers": 1, "encoder_attention_heads": 2,
               "decoder_attention_heads": 2, "encoder_ffn_dim": 32, "decoder_ffn_dim": 32, "num_beams": 1}


def build_tiny_marian(out_dir: Path, target: str = "uk", seed: int = 0, target_tokens: tuple[str, ...] = ()) -> Path:
    """Write a tiny en->`target` Marian checkpoint (tokenizer + weights) into `out_dir`; return it.

    `target_tokens` (e.g. (">>ukr<<", ">>bel<<")) makes it look like a multi-target OPUS-MT model.
    """
    return build_marian(out_dir, _corpus_lines(), TINY_CONFIG, pieces=_VOCAB_SIZE, target=target, seed=seed,
                        target_tokens=target_tokens)


def build_marian(out_dir: Path, lines: list[str], config: dict, *, pieces: int, target: str = "uk", seed: int = 0,
                 target_tokens: tuple[str, ...] = (), vocab_size: int = 0, never_pad: bool = False,
                 spm_threads: int | None = None) -> Path:
    """Write a Marian checkpoint with random weights, in OPUS-MT's file layout, into `out_dir`; return it.

    The one builder of the tests' tiny models and of the benchmarks' OPUS-MT-sized one (benchmarks/_models.py).

    Arguments:
        lines: the text SentencePiece is trained on (one model for source and target, as OPUS-MT's en-xx).
        config: MarianConfig's dimensions and options; the vocabulary and special tokens are set here.
        pieces: SentencePiece's vocabulary size (a soft limit: a small corpus yields fewer).
        target_tokens: `>>xxx<<` tokens that make it look like a multi-target model.
        vocab_size: vocab.json is padded with never-produced pieces up to this size (0: not padded), so that the
            embedding and output matrices have a real model's shape.
        never_pad: the model may never generate <pad> (OPUS-MT's bad_words_ids).
        spm_threads: SentencePiece's training threads (None: its default).
    """
    import torch
    from transformers import MarianConfig, MarianMTModel, MarianTokenizer
    from transformers.utils import logging

    logging.disable_progress_bar()  # "Writing model shards" bars are noise in test output
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        spm_model = _train_spm(Path(work) / "spm", lines, pieces, spm_threads)
        vocab_path = Path(work) / "vocab.json"
        pad_id = _write_vocab(spm_model, vocab_path, target_tokens, vocab_size)
        MarianTokenizer(
            source_spm=str(spm_model), target_spm=str(spm_model), vocab=str(vocab_path),
            source_lang="en", target_lang=target,
        ).save_pretrained(out_dir)
    banned = {"bad_words_ids": [[pad_id]]} if never_pad else {}
    config = MarianConfig(
        vocab_size=pad_id + 1, decoder_vocab_size=pad_id + 1, max_position_embeddings=512, pad_token_id=pad_id,
        eos_token_id=0, decoder_start_token_id=pad_id, forced_eos_token_id=0, max_length=512, **config, **banned,
    )
    torch.manual_seed(seed)
    MarianMTModel(config).save_pretrained(out_dir)
    return out_dir


def _train_spm(model_prefix: Path, lines: list[str], pieces: int, threads: int | None) -> Path:
    import sentencepiece as spm

    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(lines),
        model_prefix=str(model_prefix),
        vocab_size=pieces,
        model_type="unigram",
        character_coverage=1.0,
        hard_vocab_limit=False,
        bos_id=-1,  # Marian's vocabularies have no <s>
        eos_id=2,
        unk_id=1,
        pad_id=-1,
        minloglevel=2,  # quiet
        **({"num_threads": threads} if threads else {}),
    )
    return model_prefix.with_suffix(".model")


def _write_vocab(spm_model: Path, path: Path, target_tokens: tuple[str, ...] = (), size: int = 0) -> int:
    """Marian's vocab.json: </s> first, <unk>, the pieces, any >>xxx<< tokens, filler pieces up to `size`, <pad>
    last. Returns the pad id."""
    import sentencepiece as spm

    processor = spm.SentencePieceProcessor(model_file=str(spm_model))
    vocab = {"</s>": 0, "<unk>": 1}
    for piece_id in range(processor.get_piece_size()):
        vocab.setdefault(processor.id_to_piece(piece_id), len(vocab))
    for token in target_tokens:
        vocab.setdefault(token, len(vocab))
    filler = 0
    while len(vocab) < size - 1:
        vocab.setdefault(f"\u2581filler{filler}", len(vocab))
        filler += 1
    vocab["<pad>"] = len(vocab)
    path.write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
    return vocab["<pad>"]


TINY_SEEDS = {"uk": 1, "de": 2}


def build_all(out_dir: Path) -> dict[str, Path]:
    """One tiny checkpoint per language of TINY_SEEDS, under `out_dir/<lang>`."""
    return {lang: build_tiny_marian(Path(out_dir) / lang, lang, seed) for lang, seed in TINY_SEEDS.items()}


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m tests.tiny_models OUTDIR", file=sys.stderr)
        return 2
    for lang, path in build_all(Path(argv[0])).items():
        print(f"{lang}={path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
