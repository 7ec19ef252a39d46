"""Sentence segmentation: babelwire's rules vs pysbd, on Reuters newswire with gold sentence boundaries.

    .venv/bin/python benchmarks/segmentation.py [../shared/data/conll2003/dev.txt]

CoNLL-2003 sentences are detokenized (sacremoses) and consecutive sentences that end in . ! ? (or a
closing quote) are joined with a space into paragraphs: the in-paragraph sentence ends are the gold
boundaries. Headlines and datelines without final punctuation go on lines of their own (both segmenters
treat a line break as a boundary). The data is read from ../shared and never copied into the project.
Also times both on the seed article repeated to about 1 MB.
"""

import re
import sys
import time
from pathlib import Path

import pysbd
from sacremoses import MosesDetokenizer

from babelwire.translation.round_trip.segment import split_sentences

_ENDS_SENTENCE = re.compile(r"[.!?][\"'”’]?$")
_ROOT = Path(__file__).resolve().parents[2]


def conll_sentences(path: Path) -> list[list[str]]:
    detokenize = MosesDetokenizer(lang="en").detokenize
    documents, sentence, document = [], [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        token = line.split(" ")[0] if line.strip() else ""
        if token == "-DOCSTART-":
            documents.append(document)
            document = []
        elif token:
            sentence.append(token)
        elif sentence:
            document.append(detokenize(sentence))
            sentence = []
    documents.append(document)
    return [doc for doc in documents if doc]


def paragraphs(documents: list[list[str]]) -> list[tuple[str, set[int]]]:
    """(paragraph, gold in-paragraph boundary offsets) for runs of punctuated sentences."""
    result, run = [], []
    for document in documents:
        for sentence in document + [""]:
            if sentence and _ENDS_SENTENCE.search(sentence):
                run.append(sentence)
                continue
            if len(run) > 1:
                text = " ".join(run)
                offsets, position = set(), 0
                for part in run[:-1]:
                    position += len(part)
                    offsets.add(position)
                    position += 1
                result.append((text, offsets))
            run = []
    return result


def ours(text: str) -> set[int]:
    return {end for _, end in split_sentences(text)[:-1]}


def pysbd_boundaries(segmenter: pysbd.Segmenter):
    def boundaries(text: str) -> set[int]:
        ends, position = set(), 0
        for sentence in segmenter.segment(text)[:-1]:
            position = text.index(sentence.strip(), position) + len(sentence.strip())
            ends.add(position)
        return ends

    return boundaries


def score(name: str, segment, data: list[tuple[str, set[int]]]) -> None:
    true_positive = false_positive = false_negative = 0
    started = time.perf_counter()
    for text, gold in data:
        found = segment(text)
        true_positive += len(found & gold)
        false_positive += len(found - gold)
        false_negative += len(gold - found)
    elapsed = time.perf_counter() - started
    precision = true_positive / max(1, true_positive + false_positive)
    recall = true_positive / max(1, true_positive + false_negative)
    print(
        f"{name:8s} boundaries={true_positive + false_negative} precision={precision:.3f} recall={recall:.3f} "
        f"F1={2 * precision * recall / max(1e-9, precision + recall):.3f} FP={false_positive} FN={false_negative} "
        f"time={elapsed:.2f}s"
    )


def speed(name: str, segment, text: str) -> None:
    started = time.perf_counter()
    segment(text)
    print(f"{name:8s} {len(text) / 1e6:.1f} MB article text: {time.perf_counter() - started:.2f}s")


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else _ROOT / "shared/data/conll2003/dev.txt"
    data = paragraphs(conll_sentences(path))
    segmenter = pysbd.Segmenter(language="en", clean=False)
    score("rules", ours, data)
    score("pysbd", pysbd_boundaries(segmenter), data)
    article = (_ROOT / "shared/examples/unn-2025-12-06.txt").read_text(encoding="utf-8")
    big = "\n\n".join([article] * 330)
    speed("rules", split_sentences, big)
    speed("pysbd", lambda text: [segmenter.segment(p) for p in text.split("\n")], big)


if __name__ == "__main__":
    main()
