"""What inline markup costs a real model: the same NTREX-128 lines as plain text and as HTML with inline elements.

    .venv/bin/python benchmarks/html_quality.py [--split report|tune|all] [--output JSON]

Real ninjs bodies wrap words in links and emphasis. Each line of the chosen half (see `quality.py`: documents
alternate between a tuning and a reporting half) with six words or more and no markup characters becomes a
paragraph in which one run of one to three words is wrapped in `<a href>`, `<em>` or `<strong>` (chosen by a
generator seeded with the line's number, so every run wraps the same words). Both versions go through babelwire
with the real English→Portuguese instrument model (`real_model.py`) in the same run:

- chrF of the HTML copies with their tags removed, against the plain copies' chrF (the baseline): what the
  markup costs on top of masking;
- markup repairs (tag-order, runs), copies whose element came back wrapping no word (a link a reader cannot
  see), and the share of copies whose markup is intact;
- the time of both.

The last line printed is a JSON object.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from pathlib import Path

import sacrebleu

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from quality import DATA, Line, load  # noqa: E402
from real_model import LANGUAGE, NativeMarianEngine  # noqa: E402
from babelwire.translation.round_trip.html import markup_intact  # noqa: E402
from babelwire.translation.round_trip.html.translator import Html, MarkupTranslator  # noqa: E402
from babelwire.translation.round_trip.pipeline import Translator  # noqa: E402

ELEMENTS = (('<a href="https://example.org/story">', "</a>"), ("<em>", "</em>"), ("<strong>", "</strong>"))
_TAG = re.compile(r"<[^>]+>")
_EMPTY_ELEMENT = re.compile(r"<(a|em|strong)\b[^>]*>\W*</\1>")  # wraps no word: a link a reader cannot see
MIN_WORDS = 6


def tagged(line: str, seed: int) -> str:
    """The line as a paragraph with one run of one to three of its words wrapped in an inline element."""
    pick = random.Random(seed)
    words = line.split(" ")
    size = pick.randint(1, 3)
    first = pick.randrange(0, len(words) - size + 1)
    opening, closing = pick.choice(ELEMENTS)
    words[first] = opening + words[first]
    words[first + size - 1] += closing
    return "<p>" + " ".join(words) + "</p>"


def usable(line: Line) -> bool:
    return len(line.source.split()) >= MIN_WORDS and not set("<>&") & set(line.source)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", choices=("tune", "report", "all"), default="report")
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--output", type=Path)
    args = parser.parse_args()

    lines = [line for line in load(args.data, args.split) if usable(line)]
    paragraphs = [Html(tagged(line.source, number)) for number, line in enumerate(lines)]
    engine = NativeMarianEngine()
    translator = Translator(engine)

    started = time.perf_counter()
    # Each line is a document of its own, in both versions: no line lends another its name evidence.
    plain = [found.text for [found] in translator.translate_documents([([line.source], ()) for line in lines], LANGUAGE)]
    plain_s = time.perf_counter() - started
    started = time.perf_counter()
    copies = [copy for [copy] in MarkupTranslator(translator).translate_documents([([p], ()) for p in paragraphs], LANGUAGE)]
    html_s = time.perf_counter() - started

    references = [list(column) for column in zip(*(line.references for line in lines))]
    stripped = [_TAG.sub("", copy.text) for copy in copies]
    repairs: dict[str, int] = {}
    for copy in copies:
        for kind, count in copy.repairs.items():
            repairs[kind] = repairs.get(kind, 0) + count
    chrf_plain = sacrebleu.corpus_chrf(plain, references).score
    chrf_html = sacrebleu.corpus_chrf(stripped, references).score
    result = {
        "split": args.split,
        "model": engine.name,
        "paragraphs": len(paragraphs),
        "chrf_plain": round(chrf_plain, 2),
        "chrf_html": round(chrf_html, 2),
        "chrf_cost_of_markup": round(chrf_plain - chrf_html, 2),
        "repairs": repairs,
        "emptied_elements": sum(bool(_EMPTY_ELEMENT.search(copy.text)) for copy in copies),
        "markup_intact_share": round(sum(markup_intact(p, c.text) for p, c in zip(paragraphs, copies)) / len(copies), 4),
        "time": {"plain_s": round(plain_s, 2), "html_s": round(html_s, 2), "ratio": round(html_s / plain_s, 3)},
    }
    for source, copy in list(zip(paragraphs, copies))[:5]:
        print(source, "\n  ->", copy.text)
    print(f"{len(paragraphs)} paragraphs ({args.split}): chrF plain {chrf_plain:.2f}, HTML {chrf_html:.2f} "
          f"(markup costs {chrf_plain - chrf_html:.2f}); repairs {repairs}; emptied elements "
          f"{result['emptied_elements']}; time ratio {result['time']['ratio']}")
    if args.output:
        args.output.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
