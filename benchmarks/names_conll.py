"""Measure the built-in name detector on CoNLL-2003 Reuters newswire (issue 4).

Usage:
    .venv/bin/python benchmarks/names_conll.py [PATH_TO_CONLL_FILE] [--part tuning|reporting|all|tuning-even|tuning-odd]
    .venv/bin/python benchmarks/names_conll.py --part tuning-even --misses

PATH defaults to ../shared/data/conll2003/dev.txt relative to the repository (research use only: the file
is read in place, never copied into the project). Each document's text is its tokens joined by single
spaces and its sentences joined by newlines; `find_names` (the detector `babelwire protect` uses) runs on
it. Detection is measured independently of the protection policy.

- coverage: share of gold PER and ORG mentions whose characters all lie inside one protected span
  (also reported for LOC and MISC, which do not count towards the headline figure);
- false protection: share of protected name spans overlapping no gold entity of any type;
- types: of the covered gold entities, how the guessed type compares with the gold one; the protection
  policy translates places, so `per_org_guessed_loc` (people and organisations that would be translated as
  places) should be low and `loc_guessed_loc` high;
- over-protection: share of protected tokens (whitespace tokens of the text overlapping a protected span)
  that belong to no gold entity of any type: titles swallowed into a name ("Energy Minister Svitlana
  Hrynchuk") and whole false spans alike. Spans that overlap a gold entity but whose first (last) token
  belongs to none are counted as extending beyond their entity on the left (right).

Honest numbers: the documents (split at -DOCSTART-) are dealt alternately into two fixed halves. Even
positions (1st, 3rd, 5th ... document) form the tuning half, the only one looked at while changing the
detector; odd positions (2nd, 4th ...) form the reporting half, measured but never inspected line by line.
Alternating keeps both halves alike (the file groups sports tables, markets and politics in runs).
The tuning half is dealt alternately once more into two quarters (`tuning-even`, `tuning-odd`): a method is
developed on one quarter and kept only if it also helps the other. `--misses` lists the misses and false
spans of a tuning part; it refuses the reporting half.

`--unfamiliar` (tuning parts only) replaces each identifying word of a gold person or organisation by a
made-up word, the same for the same word ("Feyenoord" -> "Venkadro", "KANSAS" -> "ZENRIDRO"), keeping the
words that give a name its shape ("Bank", "of", "Corp", "de"): coverage then owes nothing to the word lists
having met the name, which is what unseen copy is like. The word lists were grown while reading the tuning
half, so its plain coverage overstates what they know about new names.

By default both halves are measured and the last line printed is a JSON object {"tuning": {...},
"reporting": {...}}, each with at least `coverage` and `false_protection`; with `--part` the last line is
that part's object.
"""

from __future__ import annotations

import argparse
import bisect
import hashlib
import json
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from babelwire.translation.protection.names import find_name_mentions
from babelwire.translation.protection.names.lexicon import FUNCTION_WORDS, NAME_PARTICLES, OF_HEADS, ORG_HEADS, TITLES

DEFAULT_DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "conll2003" / "dev.txt"
HEADLINE_TYPES = ("PER", "ORG")
PARTS = ("tuning", "reporting")
TUNING_PARTS = ("tuning", "tuning-even", "tuning-odd")
# Words that give a name its shape rather than its identity ("Bank of", "Corp", "de"): kept by --unfamiliar.
_STRUCTURE_WORDS = ORG_HEADS | OF_HEADS | FUNCTION_WORDS | NAME_PARTICLES | TITLES
_SYLLABLES = "ka lo mir ven dro sul tek bar nis gol fra zen ul or an ri po che vas tum ber lin qua dex".split()
# The tuning half dealt again alternately: develop on one quarter, check that a change carries over to the other.
INNER_PARTS = ("tuning-even", "tuning-odd")


@dataclass(frozen=True)
class Entity:
    type: str
    start: int
    end: int


@dataclass
class Document:
    text: str
    entities: list[Entity]
    tokens: int
    token_starts: list[int] = field(default_factory=list)  # offsets of the whitespace tokens
    token_ends: list[int] = field(default_factory=list)
    token_gold: list[bool] = field(default_factory=list)  # token belongs to a gold entity of any type


@dataclass
class _Builder:
    """Accumulates one document: tokens with IOB1 tags, sentence by sentence."""

    sentences: list[list[tuple[str, str]]] = field(default_factory=lambda: [[]])

    def add(self, token: str, tag: str) -> None:
        self.sentences[-1].append((token, tag))

    def end_sentence(self) -> None:
        if self.sentences[-1]:
            self.sentences.append([])

    def build(self) -> Document | None:
        sentences = [s for s in self.sentences if s]
        if not sentences:
            return None
        parts: list[str] = []
        entities: list[Entity] = []
        offset, tokens = 0, 0
        starts, ends, in_gold = [], [], []
        for sentence in sentences:
            if parts:
                parts.append("\n")
                offset += 1
            open_type, open_start, open_end = None, 0, 0
            for i, (token, tag) in enumerate(sentence):
                if i:
                    parts.append(" ")
                    offset += 1
                start, end = offset, offset + len(token)
                parts.append(token)
                offset = end
                tokens += 1
                starts.append(start)
                ends.append(end)
                in_gold.append(tag != "O")
                prefix, _, etype = tag.partition("-")
                continues = etype and etype == open_type and prefix == "I"
                if open_type and not continues:
                    entities.append(Entity(open_type, open_start, open_end))
                    open_type = None
                if etype and not continues:
                    open_type, open_start = etype, start
                if etype:
                    open_end = end
            if open_type:
                entities.append(Entity(open_type, open_start, open_end))
        return Document("".join(parts), entities, tokens, starts, ends, in_gold)


def made_up(word: str) -> str:
    """A made-up word standing for `word`, the same each time, in the same case ("Feyenoord" -> "Venkadro")."""
    digest = int(hashlib.md5(word.lower().encode()).hexdigest(), 16)
    syllables = max(2, min(4, len(word) // 3))
    made = "".join(_SYLLABLES[(digest >> (5 * i)) % len(_SYLLABLES)] for i in range(syllables))
    made += "s" if word[-1] in "sS" else ""  # a plural stays plural ("Traders ' Association")
    return made.upper() if word.isupper() else made.capitalize()


def unfamiliar(token: str, tag: str) -> str:
    """The token, or a made-up word where it is an identifying word of a gold person or organisation: what the
    detector finds then owes nothing to its word lists having met the name."""
    is_person_or_org = tag[2:] in HEADLINE_TYPES
    identifying = token.isalpha() and len(token) > 2 and token[0].isupper() and token.lower() not in _STRUCTURE_WORDS
    return made_up(token) if is_person_or_org and identifying else token


def read_conll(path: Path, rename=None) -> list[Document]:
    """Documents of a CoNLL-2003 file (token POS chunk NER per line, -DOCSTART- between documents);
    `rename(token, tag)` may replace tokens (see `unfamiliar`)."""
    documents: list[Document] = []
    builder = _Builder()
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split()
        if not fields:
            builder.end_sentence()
        elif fields[0] == "-DOCSTART-":
            documents.append(builder.build())
            builder = _Builder()
        else:
            builder.add(rename(fields[0], fields[-1]) if rename else fields[0], fields[-1])
    documents.append(builder.build())
    return [d for d in documents if d is not None]


def _covering(entity: Entity, starts: list[int], spans) -> int | None:
    """Index of the protected span that holds all of `entity`, if any."""
    i = bisect.bisect_right(starts, entity.start) - 1
    return i if i >= 0 and spans[i].start <= entity.start and entity.end <= spans[i].end else None


def _covered(entity: Entity, starts: list[int], spans) -> bool:
    return _covering(entity, starts, spans) is not None


def _overlaps_any(span, entities: list[Entity]) -> bool:
    return any(e.start < span.end and span.start < e.end for e in entities)


def _token_range(doc: Document, span) -> range:
    """Indices of the document's whitespace tokens overlapping `span`."""
    first = bisect.bisect_right(doc.token_ends, span.start)
    last = bisect.bisect_left(doc.token_starts, span.end)
    return range(first, last)


def _overprotection(doc: Document, spans, counts: Counter) -> None:
    """Protected tokens, those outside every gold entity, and spans reaching past their entity."""
    for span in spans:
        indices = _token_range(doc, span)
        outside = [i for i in indices if not doc.token_gold[i]]
        counts["protected_tokens"] += len(indices)
        counts["overprotected_tokens"] += len(outside)
        if len(outside) == len(indices):
            continue  # a false span: all its tokens count above, it extends no entity
        counts["extra_tokens_in_true_spans"] += len(outside)
        counts["spans_extending_left"] += not doc.token_gold[indices[0]]
        counts["spans_extending_right"] += not doc.token_gold[indices[-1]]


def evaluate(documents: list[Document]) -> dict:
    gold, hit, guessed = Counter(), Counter(), Counter()
    protected, false = 0, Counter()
    over = Counter()
    tokens, elapsed = 0, 0.0
    for doc in documents:
        began = time.perf_counter()
        mentions = find_name_mentions(doc.text)
        spans = [m.span for m in mentions]
        elapsed += time.perf_counter() - began
        tokens += doc.tokens
        starts = [s.start for s in spans]
        for entity in doc.entities:
            gold[entity.type] += 1
            index = _covering(entity, starts, spans)
            hit[entity.type] += index is not None
            if index is not None:
                guessed[(entity.type, mentions[index].type)] += 1
        for mention in mentions:
            protected += 1
            if not _overlaps_any(mention.span, doc.entities):
                false[mention.type] += 1
        _overprotection(doc, spans, over)
    result = _report(gold, hit, protected, false, over, tokens, elapsed)
    result.update(_type_report(guessed))
    return result


def _type_report(guessed: Counter) -> dict:
    """How the guessed type (which the protection policy reads) matches the gold type of covered entities."""
    by_gold: dict[str, dict[str, int]] = {}
    for (gold_type, guess), n in sorted(guessed.items()):
        by_gold.setdefault(gold_type, {})[guess] = n
    kept_total = sum(n for (g, _), n in guessed.items() if g in HEADLINE_TYPES)
    kept_as_places = sum(n for (g, guess), n in guessed.items() if g in HEADLINE_TYPES and guess == "LOC")
    places = sum(n for (g, _), n in guessed.items() if g == "LOC")
    places_as_places = guessed[("LOC", "LOC")]
    return {
        "guessed_types_by_gold_type": by_gold,
        "per_org_guessed_loc": round(kept_as_places / max(kept_total, 1), 4),
        "loc_guessed_loc": round(places_as_places / max(places, 1), 4),
    }


def _report(gold, hit, protected, false, over, tokens, elapsed) -> dict:
    headline_gold = sum(gold[t] for t in HEADLINE_TYPES)
    headline_hit = sum(hit[t] for t in HEADLINE_TYPES)
    return {
        "coverage": round(headline_hit / headline_gold, 4),
        "false_protection": round(sum(false.values()) / max(protected, 1), 4),
        "coverage_by_type": {t: round(hit[t] / gold[t], 4) for t in sorted(gold)},
        "gold_by_type": dict(sorted(gold.items())),
        "protected_spans": protected,
        "false_spans_by_guessed_type": dict(sorted(false.items())),
        "overprotected_tokens": round(over["overprotected_tokens"] / max(over["protected_tokens"], 1), 4),
        "protected_tokens": over["protected_tokens"],
        "extra_tokens_in_true_spans": over["extra_tokens_in_true_spans"],
        "spans_extending_left": over["spans_extending_left"],
        "spans_extending_right": over["spans_extending_right"],
        "documents_tokens": tokens,
        "ms_per_1k_tokens": round(1000 * elapsed / tokens * 1000, 2),
    }


def split(documents: list[Document]) -> dict[str, list[Document]]:
    """The fixed split: documents at even positions tune, those at odd positions report. The tuning half is
    dealt once more into two quarters, so that a method can be developed on one and checked on the other."""
    tuning = documents[0::2]
    return {
        "tuning": tuning,
        "reporting": documents[1::2],
        "all": documents,
        "tuning-even": tuning[0::2],
        "tuning-odd": tuning[1::2],
    }


def misses(documents: list[Document], types: tuple[str, ...] = HEADLINE_TYPES) -> list[str]:
    """Lines describing each missed gold mention of `types` and each false span, with its sentence."""
    found: list[str] = []
    for doc in documents:
        mentions = find_name_mentions(doc.text)
        spans = [m.span for m in mentions]
        starts = [s.start for s in spans]
        for entity in doc.entities:
            if entity.type in types and not _covered(entity, starts, spans):
                found.append(f"MISS {entity.type} {doc.text[entity.start:entity.end]!r} | {_line_of(doc.text, entity.start)}")
        for mention in mentions:
            if not _overlaps_any(mention.span, doc.entities):
                found.append(f"FALSE {mention.type} {mention.span.text!r} ({mention.span.rule}) | "
                             f"{_line_of(doc.text, mention.span.start)}")
    return found


def _line_of(text: str, offset: int) -> str:
    return text[text.rfind("\n", 0, offset) + 1 : (text.find("\n", offset) + 1 or len(text) + 1) - 1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Name detection on CoNLL-2003 newswire, tuning and reporting halves.")
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT_DATA, help="CoNLL-2003 file")
    parser.add_argument(
        "--part", choices=(*PARTS, "all", *INNER_PARTS), help="measure only this part (default: both halves)"
    )
    parser.add_argument(
        "--misses", action="store_true", help="list missed PER/ORG mentions and false spans (tuning parts only)"
    )
    parser.add_argument(
        "--unfamiliar", action="store_true",
        help="replace the identifying words of gold people and organisations by made-up words (tuning parts only)",
    )
    args = parser.parse_args(argv)
    if not args.path.is_file():
        print(f"error: no CoNLL file at {args.path}; pass its path as the first argument", file=sys.stderr)
        return 2
    if (args.misses or args.unfamiliar) and args.part not in TUNING_PARTS:
        print("error: --misses and --unfamiliar take only a tuning part (--part tuning, tuning-even or tuning-odd):"
              " the reporting half is measured as it is, never inspected", file=sys.stderr)
        return 2
    parts = split(read_conll(args.path, unfamiliar if args.unfamiliar else None))
    if args.misses:
        print("\n".join(misses(parts[args.part])))
        return 0
    names = [args.part] if args.part else list(PARTS)
    results = {}
    for name in names:
        results[name] = evaluate(parts[name])
        _print(name, len(parts[name]), results[name])
    print(json.dumps(results[args.part] if args.part else results))
    return 0


def _print(part: str, documents: int, result: dict) -> None:
    label = f"{part} half" if part in PARTS else "whole file" if part == "all" else f"{part} quarter"
    print(f"== {label} ({documents} documents, {result['documents_tokens']} tokens)")
    print(f"coverage (PER+ORG): {result['coverage']:.4f}")
    print(f"false protection:   {result['false_protection']:.4f} of {result['protected_spans']} spans")
    print(
        f"over-protection:    {result['overprotected_tokens']:.4f} of {result['protected_tokens']} protected tokens"
        f" ({result['extra_tokens_in_true_spans']} extra tokens in spans that overlap gold;"
        f" {result['spans_extending_left']} spans extend left, {result['spans_extending_right']} right)"
    )
    for etype, value in result["coverage_by_type"].items():
        print(f"  coverage {etype:<4} {value:.4f}  ({result['gold_by_type'][etype]} gold mentions)")
    print(f"types:  covered PER+ORG guessed LOC {result['per_org_guessed_loc']:.4f}; "
          f"covered LOC guessed LOC {result['loc_guessed_loc']:.4f}")
    print(f"time: {result['ms_per_1k_tokens']} ms per 1,000 tokens")


if __name__ == "__main__":
    raise SystemExit(main())
