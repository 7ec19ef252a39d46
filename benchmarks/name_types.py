"""Measure name typing (person / organisation / place / other) on CoNLL-2003 Reuters newswire.

Usage:
    .venv/bin/python benchmarks/name_types.py [PATH_TO_CONLL_FILE] [--part tuning-even|tuning-odd|reporting|...]
    .venv/bin/python benchmarks/name_types.py --part tuning-even --confusions

PATH defaults to ../shared/data/conll2003/dev.txt (research use only: read in place, never copied). Documents
are built and split exactly as in `names_conll.py`: even documents tune, odd ones report. The spans are those
`babelwire protect --policy strict` gives (every detected name, each with its "type").

- person precision: of the spans typed "person", the share overlapping a gold PER entity;
- person recall: of the gold PER entities, the share lying inside one span typed "person";
- the same for organisation (gold ORG) and place (gold LOC), and the type confusion of covered entities;
- rendered in uk by gold: of the gold entities of each type covered by a span, the share whose type a Ukrainian
  copy renders (`name_forms.rendered_type`): for ORG, the brands and teams that would be transcribed.
The last line printed is a JSON object with each part's figures.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from names_conll import DEFAULT_DATA, INNER_PARTS, PARTS, TUNING_PARTS, Document, _covering, read_conll, split  # noqa: E402

from babelwire.translation.target_names.name_forms import rendered_type  # noqa: E402
from babelwire.translation.protection.policy import ProtectionPolicy  # noqa: E402
from babelwire.translation.protection.protect import find_spans  # noqa: E402
from babelwire.translation.protection.spans import SpanKind  # noqa: E402

GOLD_OF_TYPE = {"person": "PER", "organisation": "ORG", "place": "LOC"}


def typed_names(doc: Document):
    return [span for span in find_spans(doc.text, ProtectionPolicy.strict(), ()) if span.kind is SpanKind.NAME]


def evaluate(documents: list[Document]) -> dict:
    typed, typed_right, gold, gold_found = Counter(), Counter(), Counter(), Counter()
    confusion: Counter = Counter()
    covered, rendered = Counter(), Counter()
    for doc in documents:
        spans = typed_names(doc)
        starts = [span.start for span in spans]
        for span in spans:
            typed[span.type] += 1
            wanted = GOLD_OF_TYPE.get(span.type)
            typed_right[span.type] += any(
                e.type == wanted and e.start < span.end and span.start < e.end for e in doc.entities)
        for entity in doc.entities:
            gold[entity.type] += 1
            index = _covering(entity, starts, spans)
            if index is not None:
                confusion[(entity.type, spans[index].type)] += 1
                covered[entity.type] += 1
                rendered[entity.type] += rendered_type(spans[index].text, spans[index].type)
                gold_found[entity.type] += GOLD_OF_TYPE.get(spans[index].type) == entity.type
    result = {}
    for name, tag in GOLD_OF_TYPE.items():
        result[name] = {"precision": round(typed_right[name] / max(typed[name], 1), 4),
                        "recall": round(gold_found[tag] / max(gold[tag], 1), 4),
                        "typed": typed[name], "gold": gold[tag]}
    by_gold: dict[str, dict[str, int]] = {}
    for (gold_type, guess), n in sorted(confusion.items(), key=str):
        by_gold.setdefault(gold_type, {})[str(guess)] = n
    result["covered_gold_by_type"] = by_gold
    result["rendered_in_uk_by_gold"] = {tag: round(rendered[tag] / covered[tag], 4) for tag in sorted(covered)}
    return result


def confusions(documents: list[Document]) -> list[str]:
    """Spans typed person that overlap no gold PER, and gold PER typed otherwise (tuning parts only)."""
    lines = []
    for doc in documents:
        spans = typed_names(doc)
        starts = [span.start for span in spans]
        for span in spans:
            if span.type == "person" and not any(
                    e.type == "PER" and e.start < span.end and span.start < e.end for e in doc.entities):
                lines.append(f"NOT PER typed person: {span.text!r} ({span.rule})")
        for entity in doc.entities:
            index = _covering(entity, starts, spans)
            if entity.type == "PER" and index is not None and spans[index].type != "person":
                lines.append(f"PER typed {spans[index].type}: {spans[index].text!r} ({spans[index].rule})")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Name typing on CoNLL-2003 newswire.")
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT_DATA, help="CoNLL-2003 file")
    parser.add_argument("--part", choices=(*PARTS, "all", *INNER_PARTS), help="default: tuning-even, tuning-odd, reporting")
    parser.add_argument("--confusions", action="store_true", help="list the person typing errors (tuning parts only)")
    args = parser.parse_args(argv)
    if not args.path.is_file():
        print(f"error: no CoNLL file at {args.path}; pass its path as the first argument", file=sys.stderr)
        return 2
    if args.confusions and args.part not in TUNING_PARTS:
        print("error: --confusions takes only a tuning part: the reporting half is never inspected", file=sys.stderr)
        return 2
    parts = split(read_conll(args.path))
    if args.confusions:
        print("\n".join(confusions(parts[args.part])))
        return 0
    names = [args.part] if args.part else [*INNER_PARTS, "reporting"]
    results = {name: evaluate(parts[name]) for name in names}
    for name, result in results.items():
        print(f"== {name}: " + ", ".join(f"{kind} P {result[kind]['precision']:.3f} R {result[kind]['recall']:.3f}"
                                         for kind in GOLD_OF_TYPE))
    print(json.dumps(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
