"""What masking does to a real model: the raw model against babelwire on NTREX-128 news (English→Portuguese).

    .venv/bin/python benchmarks/quality.py [--split report|tune|all] [--policy desk|strict] [--names-as-words-budget SHARE]
                                           [--output JSON]

The instrument is the Firefox Translations English→Portuguese student (`benchmarks/real_model.py`); the data
is the development half of NTREX-128 in ../shared/data/ntrex128-dev (read in place), scored against both
Portuguese references with sacrebleu. Documents alternate between a tuning half (even positions) and a
reporting half (odd positions): methods are tuned on the first and reported on the second.

Reported, raw model vs babelwire: chrF and BLEU overall, on lines with protected spans, on lines with spans but
no quote, and per recovery step; placeholder survival per form and per number of placeholders (each masked
sentence tried with every form the model can carry); a check that every protected span came back verbatim;
the time of both. The last line printed is a JSON object.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

import sacrebleu

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from real_model import LANGUAGE, NativeMarianEngine  # noqa: E402
from babelwire.translation.round_trip.mask import FORMS, Piece, mask, needs_engine, restore  # noqa: E402
from babelwire.translation.round_trip.pipeline import Translation, Translator  # noqa: E402
from babelwire.translation.protection.policy import ProtectionPolicy  # noqa: E402

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "ntrex128-dev"
RECOVERY_ORDER = (None, "tolerant", "unmasked", "alternate-form", "piecewise")


@dataclass
class Line:
    document: str
    source: str
    references: tuple[str, str]
    raw: str = ""
    ours: Translation | None = None


def load(data: Path, split: str) -> list[Line]:
    read = lambda name: (data / name).read_text(encoding="utf-8").splitlines()  # noqa: E731
    documents = read("DOCUMENT_IDS.tsv")
    sources = read("newstest2019-src.eng.txt")
    european, brazilian = read("newstest2019-ref.por.txt"), read("newstest2019-ref.por-BR.txt")
    order = list(dict.fromkeys(documents))
    wanted = {doc for i, doc in enumerate(order) if split == "all" or (i % 2 == 0) == (split == "tune")}
    return [Line(d, s, (e, b)) for d, s, e, b in zip(documents, sources, european, brazilian) if d in wanted]


def translate_all(lines: list[Line], translator: Translator, engine: NativeMarianEngine) -> dict:
    """Raw model and babelwire document by document, interleaved so that machine drift hits both alike."""
    seconds = Counter()
    by_document = defaultdict(list)
    for line in lines:
        by_document[line.document].append(line)
    for document_lines in by_document.values():
        started = time.perf_counter()
        for line in document_lines:
            line.raw = engine.raw(line.source)
        seconds["raw"] += time.perf_counter() - started
        started = time.perf_counter()
        results = translator.translate_many([line.source for line in document_lines], LANGUAGE)
        seconds["babelwire"] += time.perf_counter() - started
        for line, result in zip(document_lines, results):
            line.ours = result
    return {"raw_s": round(seconds["raw"], 2), "babelwire_s": round(seconds["babelwire"], 2),
            "ratio": round(seconds["babelwire"] / seconds["raw"], 3), "babelwire_model_s": round(engine.seconds, 2),
            "raw_lines": len(lines), "babelwire_model_sentences": engine.calls}


def scores(lines: list[Line]) -> dict:
    if not lines:
        return {"lines": 0}
    references = [[line.references[0] for line in lines], [line.references[1] for line in lines]]
    raw, ours = [line.raw for line in lines], [line.ours.text for line in lines]
    chrf_raw, chrf_ours = sacrebleu.corpus_chrf(raw, references).score, sacrebleu.corpus_chrf(ours, references).score
    bleu_raw, bleu_ours = sacrebleu.corpus_bleu(raw, references).score, sacrebleu.corpus_bleu(ours, references).score
    return {"lines": len(lines), "chrf_raw": round(chrf_raw, 2), "chrf": round(chrf_ours, 2),
            "chrf_cost": round(chrf_raw - chrf_ours, 2), "bleu_raw": round(bleu_raw, 2), "bleu": round(bleu_ours, 2)}


def worst_recovery(translation: Translation) -> str | None:
    steps = {report.fallback for report in translation.sentences if report.spans}
    return max(steps, key=RECOVERY_ORDER.index, default=None)


def subsets(lines: list[Line]) -> dict:
    with_spans = [line for line in lines if line.ours.spans]
    no_quote = [line for line in with_spans if all(span.kind != "quote" for span in line.ours.spans)]
    verbatim = [line for line in with_spans if all(span.kind != "quote" for span in line.ours.spans)
                and all(_in_a_reference(span.text, line) for span in line.ours.spans)]
    result = {"all": scores(lines), "with_spans": scores(with_spans), "spans_no_quote": scores(no_quote),
              "spans_verbatim_in_references": scores(verbatim)}
    for step in RECOVERY_ORDER:
        chosen = [line for line in with_spans if worst_recovery(line.ours) == step]
        result[f"recovery_{step or 'exact'}"] = scores(chosen)
    return result


def _in_a_reference(text: str, line: Line) -> bool:
    return any(text in reference for reference in line.references)


def sentences_with_spans(lines: list[Line]) -> list[tuple[Line, object]]:
    return [(line, report) for line in lines for report in line.ours.sentences if report.spans]


def recovery_counts(lines: list[Line]) -> dict:
    reports = [report for _, report in sentences_with_spans(lines)]
    counts = Counter(report.fallback or "exact" for report in reports)
    forms = Counter(report.form or "none" for report in reports)
    total = len(reports)
    return {"sentences_with_spans": total, "steps": dict(counts), "forms_used": dict(forms),
            "piecewise_share": round(counts["piecewise"] / total, 4) if total else 0.0}


def piece_of(report) -> Piece:
    return Piece(report.source, tuple(span.shifted(-report.start) for span in report.spans))


def survival(lines: list[Line], engine: NativeMarianEngine) -> dict:
    """Each masked sentence with every form: did each placeholder come back exactly once, in that form?"""
    pieces = [piece_of(report) for _, report in sentences_with_spans(lines)]
    pieces = [piece for piece in pieces if needs_engine(piece)]
    per_form, per_count, possessive = {}, defaultdict(Counter), Counter()
    for form in FORMS:
        masked = [mask(piece, form) for piece in pieces]
        outputs = engine.translate([m.text for m in masked], LANGUAGE)
        kept = 0
        for piece, m, output in zip(pieces, masked, outputs):
            ok = all(output.count(placeholder) == 1 for placeholder in m.placeholders)
            kept += ok
            if form is FORMS[0]:
                per_count[_bucket(len(m.placeholders))][ok] += 1
                for placeholder in m.placeholders:
                    follows = "possessive" if re.search(re.escape(placeholder) + r"['’]s\b", m.text) else "other"
                    possessive[(follows, output.count(placeholder) == 1)] += 1
        per_form[form.name] = {"carried": engine.carries(f" {form.render(1)} {form.render(23)} ", LANGUAGE),
                               "exact_once": round(kept / len(pieces), 4) if pieces else 0.0}
    return {
        "masked_sentences": len(pieces), "per_form": per_form,
        "per_placeholder_count": {k: round(v[True] / (v[True] + v[False]), 4) for k, v in sorted(per_count.items())},
        "dropped_after_possessive": _rate(possessive, "possessive"), "dropped_elsewhere": _rate(possessive, "other"),
    }


def _bucket(count: int) -> str:
    return str(count) if count < 4 else ("4-5" if count < 6 else "6+")


def _rate(counter: Counter, follows: str) -> float:
    total = counter[(follows, True)] + counter[(follows, False)]
    return round(counter[(follows, False)] / total, 4) if total else 0.0


def verbatim_check(lines: list[Line]) -> dict:
    """Every protected span's text (or its rendering) at least as often in the copy as it is protected."""
    missing = 0
    for line in lines:
        wanted = Counter(span.text if span.replacement is None else span.replacement for span in line.ours.spans)
        missing += sum(1 for text, count in wanted.items() if line.ours.text.count(text) < count)
    spans = sum(len(line.ours.spans) for line in lines)
    return {"spans": spans, "lines_missing_a_span": missing, "verbatim_share": 1.0 if not missing else
            round(1 - missing / max(spans, 1), 4)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("report", "tune", "all"), default="report")
    parser.add_argument("--policy", choices=("desk", "strict"), default="desk")
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--names-as-words-budget", type=float, default=0.10, metavar="SHARE",
                        help="second passes allowed for names shown as words (0: placeholders only; default 0.10)")
    parser.add_argument("--output", type=Path, metavar="JSON",
                        help="also write the run's JSON there (e.g. benchmarks/results/quality-report.json)")
    args = parser.parse_args(argv)
    lines = load(args.data, args.split)
    engine = NativeMarianEngine()
    translator = Translator(engine, policy=ProtectionPolicy.named(args.policy),
                            names_as_words_budget=args.names_as_words_budget)
    timing = translate_all(lines, translator, engine)
    report = {"split": args.split, "policy": args.policy, "names_as_words_budget": args.names_as_words_budget,
              "model": engine.name, "lines": len(lines),
              "time": timing, "scores": subsets(lines), "recovery": recovery_counts(lines),
              "survival": survival(lines, engine), "verbatim": verbatim_check(lines)}
    print_table(report)
    print(json.dumps(report))
    if args.output:
        args.output.write_text(json.dumps(report) + "\n", encoding="utf-8")
    return 0


def print_table(report: dict) -> None:
    print(f"{report['lines']} lines ({report['split']} half), policy {report['policy']}, names-as-words budget "
          f"{report['names_as_words_budget']}, model {report['model']}")
    print(f"{'subset':32} {'lines':>5} {'chrF raw':>9} {'chrF ours':>9} {'cost':>6} {'BLEU raw':>9} {'BLEU ours':>9}")
    for name, row in report["scores"].items():
        if row["lines"]:
            print(f"{name:32} {row['lines']:5} {row['chrf_raw']:9.2f} {row['chrf']:9.2f} {row['chrf_cost']:6.2f} "
                  f"{row['bleu_raw']:9.2f} {row['bleu']:9.2f}")
    print("recovery:", report["recovery"])
    print("survival:", report["survival"])
    print("verbatim:", report["verbatim"], "time:", report["time"])


if __name__ == "__main__":
    sys.exit(main())
