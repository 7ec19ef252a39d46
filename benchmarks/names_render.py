"""Measure how babelwire writes names in a Ukrainian copy against professional Ukrainian references (NTREX-128).

Usage:
    .venv/bin/python benchmarks/names_render.py [--data DIR] [--part tuning|reporting|all] [--misses N]
        [--no-established] [--no-dictionary] [--quotes-rendered]
    .venv/bin/python benchmarks/names_render.py --against-established|--leave-one-out [--misses N]

DIR defaults to ../shared/data/ntrex128-dev relative to the repository (development data, read in place, never
copied into the project): the English source, the Ukrainian reference and each line's document id.

Every name the desk policy protects (`babelwire.translation.target_names.name_forms.document_forms` on each document as a whole: the
product's own typing and decision, less the places, demonyms, institutions and holidays it leaves to the model, and
less the kind of a named storm, "Hurricane" of "Hurricane Rosa", which the copy leaves to the model too)
is split into words, and
each word is looked up in the reference line: kept as written when the line has the word in Latin letters;
otherwise the reference word is the Cyrillic word of the line that, romanised by a fixed letter table (not the
renderer's), is most like the English word (a similarity of at least 0.6 on a consonant skeleton: no match
means the reference translated or dropped the name, and the word is not counted). babelwire's form of the word
is what a Ukrainian copy gets, as `name_forms.written_form` decides for the pipeline: rendered where the name's
type is rendered in Ukrainian, otherwise kept in Latin; a name inside a direct quote stays in Latin, as the
pipeline keeps a quote verbatim (`protection.quotes.find_quotes`). A word agrees when it equals the reference word,
allowing for declension (the same stem once a case ending is taken off both: "Трамп" agrees with "Трампа", "Гамілтон" not with "Гамільтона").

Figures (shares of words that agree): `people` (words of names the detector guessed PER, whatever the typing
made of them, so the set stays the same while typing changes, whose reference is Cyrillic), `cyrillic`
(every word whose reference is Cyrillic), `all` (every word the reference has, in either script);
`cyrillic_agreeing_by_source` splits the Cyrillic-reference words by where the whole name's form came from.
`interval_95` gives each figure's 95% interval over the part's documents drawn again with replacement (2,000
draws, seeded): the spread another set of as many documents could show, which is what a target measured on
documents we do not have is subject to.
`--no-established` leaves the data file of established forms out, to show what the methods alone do: many of
the people in 2019 news are in it, so the plain figure owes it something.

`--quotes-rendered` counts the names inside direct quotes as rendered: what `babelwire render` writes for each
name, the figure of the renderer itself, where the plain figure is that of a copy, which keeps a quote verbatim.

`--no-dictionary` renders as an install without the `names` extra does: the rules' transcription stands where the
Ukrainian dictionary would settle it (`rendering/attested.py`).

`--against-established` measures the methods on other data: each name of the established-forms file
(`translation/target_names/rendering/data/uk/established.txt`, attested forms that are not NTREX's) is rendered with that file
left out, and its words are compared with the attested form's, exactly (no declension there); names whose forms
have another word count are skipped. It reads no reference, so it may be run as often as wanted.
`--leave-one-out` is the same comparison with only each name's own row left out while it is rendered: what a new
person's name gets, the given names and surnames of the file's other rows known, as the product knows them.

Honest numbers: the documents (DOCUMENT_IDS.tsv) are dealt alternately into a tuning half (1st, 3rd, ... document),
the only one looked at while changing the renderer, and a reporting half (2nd, 4th, ...), measured but never
read line by line (`--misses` refuses it). The tuning half is dealt alternately once more into two quarters
(`tuning-even`, `tuning-odd`): a rule is kept only if it helps on both. The last line printed is a JSON object of
the parts measured.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from itertools import accumulate
from pathlib import Path

from babelwire.translation.protection.quotes import find_quotes
from babelwire.translation.target_names.name_forms import CLDR, KEPT, MODEL, RENDERED, NameForm, document_forms, \
    written_form
from babelwire.translation.target_names.rendering import attested, render_name
from babelwire.translation.target_names.rendering import languages as rendering_languages
from babelwire.translation.lexicon.wordlists import load_table

DEFAULT_DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "ntrex128-dev"
PARTS = ("tuning", "reporting")
QUARTERS = ("tuning-even", "tuning-odd")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_CYRILLIC = re.compile(r"[а-яіїєґʼ'’]+(?:-[а-яіїєґʼ'’]+)*", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s?$")
# Our form's words, split as the English name's are (`_WORD`) and the reference's compounds ("Франк-Вальтер").
_WORD_SEPARATORS = re.compile(r"[\s\-‐‑–]+")
# Ukrainian -> Latin, a plain letter table for finding the reference word (independent of the renderer's tables).
_ROMAN = dict(zip("абвгґдезиійклмнопрстуфхцчшщьюяєїжʼ'’",
                  ["a", "b", "v", "h", "g", "d", "e", "z", "y", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s",
                   "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "yu", "ya", "ye", "yi", "zh", "", "", ""]))
_ENDINGS = sorted("ові еві єві ому ього ого ою ею єю ом ем єм им ій ий ої ей а я у ю і ї е є о и й".split(),
                  key=len, reverse=True)


_GROUPS = ("people", "cyrillic", "all")
_RESAMPLES = 2000  # document resamples behind each interval; seeded, so a figure's interval is the same every run


@dataclass
class Tally:
    by_document: list = field(default_factory=list)  # each document's counts: the figures and their intervals
    misses: list = field(default_factory=list)

    def add(self, group: str, agrees: bool) -> None:
        self.by_document[-1][group] += 1
        self.by_document[-1][group + "_agree"] += agrees

    def figures(self) -> dict:
        counts = sum(self.by_document, Counter())
        share = {group: round(100 * counts[group + "_agree"] / counts[group], 1) if counts[group] else None
                 for group in _GROUPS}
        sources = sorted({key.split(".")[1].removesuffix("_agree") for key in counts if key.startswith("by_")})
        by_source = {source: f"{counts[f'by_source.{source}_agree']}/{counts[f'by_source.{source}']}"
                     for source in sources}
        return {**share, "interval_95": document_interval(self.by_document),
                "words": {group: counts[group] for group in _GROUPS},
                "latin_in_reference": counts["latin"], "names_in_quotes": counts["in_quotes"],
                "cyrillic_agreeing_by_source": by_source}


def read_documents(data: Path) -> list[list[tuple[str, str]]]:
    """The (English, Ukrainian) line pairs of each document, in the order the documents first appear."""
    ids = (data / "DOCUMENT_IDS.tsv").read_text(encoding="utf-8").splitlines()
    sources = (data / "newstest2019-src.eng.txt").read_text(encoding="utf-8").splitlines()
    references = (data / "newstest2019-ref.ukr.txt").read_text(encoding="utf-8").splitlines()
    documents: dict[str, list[tuple[str, str]]] = {}
    for doc_id, source, reference in zip(ids, sources, references):
        documents.setdefault(doc_id.split("\t")[0], []).append((source, reference))
    return list(documents.values())


def joined(document: list[tuple[str, str]]) -> tuple[str, list[int]]:
    """The document's English lines as one text, as the pipeline reads a story's body, and where each line starts."""
    return "\n".join(source for source, _ in document), \
        list(accumulate((len(source) + 1 for source, _ in document[:-1]), initial=0))


def reference_at(document: list[tuple[str, str]], starts: list[int], offset: int) -> str:
    """The reference line of the English line that holds `offset` of the joined text."""
    return document[bisect_right(starts, offset) - 1][1]


def skeleton(latin: str) -> str:
    """A spelling reduced to what survives transcription: "Kavanaugh" -> "kavanau", "Bennett" -> "benet"."""
    text = latin.lower()
    for old, new in (("ph", "f"), ("th", "t"), ("ck", "k"), ("gh", ""), ("kh", "h"), ("c", "k"), ("q", "k"),
                     ("w", "v"), ("x", "ks"), ("j", "i"), ("y", "i"), ("g", "h"), ("z", "s"), ("e", "i"),
                     ("o", "a"), ("u", "a")):
        text = text.replace(old, new)
    return re.sub(r"(.)\1+", r"\1", re.sub(r"[^a-z]", "", text))


def romanise(cyrillic: str) -> str:
    return "".join(_ROMAN.get(char, char) for char in cyrillic.lower())


def stem(word: str) -> str:
    word = _plain(word)
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)]
    return word


def same_name(ours: str, reference: str) -> bool:
    """Our nominative and the reference's word agree, declined or not: the same stem once a case ending is taken
    off both, or the reference's word is our nominative with a case ending ("Гарлем" and "Гарлему", where taking
    "-ем" off ours would leave a stem the reference's form does not have)."""
    reference_stem = stem(reference)
    return reference_stem in (stem(ours), _plain(ours))


def _plain(word: str) -> str:
    return word.lower().replace("’", "ʼ").replace("'", "ʼ")


def reference_word(word: str, reference: str) -> tuple[str, str] | None:
    """("latin", word) or ("cyrillic", the reference's word for it); None when the reference has no such word."""
    if re.search(rf"(?<!\w){re.escape(word)}(?!\w)", reference):
        return "latin", word
    best, best_score = None, 0.0
    target = skeleton(word)
    for compound in _CYRILLIC.findall(reference):
        if compound[:1].isupper():
            best, best_score = _closer(target, compound.split("-"), best, best_score)
    return ("cyrillic", best) if best and best_score >= 0.6 else None


def _closer(target: str, candidates: list[str], best: str | None, best_score: float) -> tuple[str | None, float]:
    """The candidate (a part of a hyphenated compound: "Міллс-Хікс", "Джон-стріт") most like `target`."""
    for candidate in candidates:
        score = SequenceMatcher(None, target, skeleton(stem(romanise(candidate)))).ratio()
        if score > best_score:
            best, best_score = candidate, score
    return best, best_score


def document_interval(by_document: list[Counter]) -> dict[str, list[float] | None]:
    """Each figure's 95% interval when the documents are drawn again with replacement (a story's names come together,
    so documents, not words, are what a held-out set samples): how far a half of a few dozen documents may say
    another figure than the next such half would."""
    draw = random.Random(0)
    shares: dict[str, list[float]] = {group: [] for group in _GROUPS}
    for _ in range(_RESAMPLES if by_document else 0):
        sample = Counter()
        for counts in draw.choices(by_document, k=len(by_document)):
            sample.update(counts)
        for group in _GROUPS:
            if sample[group]:
                shares[group].append(100 * sample[group + "_agree"] / sample[group])
    return {group: [round(quantile, 1) for quantile in _tails(sorted(values))] if values else None
            for group, values in shares.items()}


def _tails(values: list[float]) -> tuple[float, float]:
    return values[int(0.025 * (len(values) - 1))], values[int(0.975 * (len(values) - 1))]


def measure(documents, want_misses: int, quotes_kept: bool = True) -> Tally:
    tally = Tally()
    for document in documents:
        tally.by_document.append(Counter())
        text, starts = joined(document)
        quoted = find_quotes(text)
        for typed, form in document_forms(text, "uk"):
            if form.way in (CLDR, MODEL):  # a place, demonym or institution: translated, not kept
                continue
            span = typed.mention.span
            if quotes_kept and any(quote.start <= span.start and span.end <= quote.end for quote in quoted):
                form = NameForm(KEPT, (span.text,))  # a direct quote comes back verbatim, the names in it too
                tally.by_document[-1]["in_quotes"] += 1
            _score(typed, form, reference_at(document, starts, span.start), tally, want_misses)
    return tally


def _score(typed, form, reference: str, tally: Tally, want_misses: int) -> None:
    name = _POSSESSIVE.sub("", typed.mention.span.text)
    words = _WORD.findall(name)
    ours = _WORD_SEPARATORS.split(form.forms[0]) if form.way == RENDERED else None
    if ours is not None and len(ours) != len(words):  # an established form with another word count
        ours = [written_form(word, typed.type, True, "uk").forms[0].split()[0] for word in words]
    source = form.source if form.way == RENDERED else form.way
    for index, word in enumerate(words):
        found = reference_word(word, reference)
        if found is None:
            continue
        script, ref = found
        mine = word if ours is None else ours[index]
        agrees = mine == ref if script == "latin" else same_name(mine, ref)
        tally.add("all", agrees)
        tally.by_document[-1]["latin"] += script == "latin"
        if script == "cyrillic":
            tally.add("cyrillic", agrees)
            tally.add(f"by_source.{source}", agrees)
            if typed.mention.type == "PER":
                tally.add("people", agrees)
        if not agrees and len(tally.misses) < want_misses:
            tally.misses.append(f"{typed.mention.type}\t{typed.type}\t{word}\t{mine}\t{ref}\t{name}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--part", choices=(*PARTS, *QUARTERS, "all"), default="all")
    parser.add_argument("--misses", type=int, default=0, metavar="N", help="list N disagreements (tuning only)")
    parser.add_argument("--no-established", action="store_true")
    parser.add_argument("--no-dictionary", action="store_true",
                        help="render as an install without the names extra does (no dictionary-attested forms)")
    parser.add_argument("--against-established", action="store_true",
                        help="the methods against the established-forms file instead of NTREX")
    parser.add_argument("--leave-one-out", action="store_true",
                        help="each name of the established-forms file rendered with only its own row left out")
    parser.add_argument("--quotes-rendered", action="store_true",
                        help="names inside direct quotes rendered too, as `babelwire render` writes any name")
    args = parser.parse_args(argv)
    if args.no_dictionary:
        attested.analyzer = lambda language: None  # what rendering sees where pymorphy3-dicts-uk is not installed
    if args.against_established or args.leave_one_out:
        return _against_established(args.misses, leave_one_out=args.leave_one_out)
    if args.misses and not args.part.startswith("tuning"):
        parser.error("--misses lists words of the tuning part only: add --part tuning")
    if args.no_established:
        _drop_established()
    documents = read_documents(args.data)
    halves = {"tuning": documents[0::2], "reporting": documents[1::2]}
    halves |= {"tuning-even": halves["tuning"][0::2], "tuning-odd": halves["tuning"][1::2]}
    results = {}
    for part in (PARTS if args.part == "all" else (args.part,)):
        tally = measure(halves[part], args.misses, quotes_kept=not args.quotes_rendered)
        results[part] = {"documents": len(halves[part]), **tally.figures()}
        print("\n".join(tally.misses))
    print(json.dumps(results, ensure_ascii=False))
    return 0


def _against_established(want_misses: int, leave_one_out: bool = False) -> int:
    rows = [(latin, form) for latin, form, *_ in load_table("babelwire.translation.target_names.rendering", "uk/established")]
    if not leave_one_out:
        _drop_established()
    agree = total = 0
    misses = []
    for index, (latin, form) in enumerate(rows):
        if leave_one_out:
            _drop_established(rows[:index] + rows[index + 1:])
        rendering = render_name(latin, "uk")
        ours = rendering.text.split() if rendering else latin.split()
        if len(ours) != len(form.split()):
            continue
        for word, mine, expected in zip(latin.split(), ours, form.split()):
            total += 1
            agree += mine == expected
            if mine != expected and len(misses) < want_misses:
                misses.append(f"{word}\t{mine}\t{expected}\t{latin}")
    print("\n".join(misses))
    print(json.dumps({"established_words": total, "agree": agree, "share": round(100 * agree / total, 1)}))
    return 0


_LANGUAGE_DATA = rendering_languages.language_data  # the data as the product reads it, before any measure patches it


def _drop_established(kept: list[tuple[str, str]] | None = None) -> None:
    """Measure the methods alone: the established forms are left out (the given-name table stays), or all but
    the rows `kept` (the rendering cache emptied: it holds forms made with the rows before)."""
    established = rendering_languages.established_forms(kept or [])

    def without(language: str):
        data = _LANGUAGE_DATA(language)
        return rendering_languages.LanguageData(**{**vars(data), "established": established,
                                                   "clubs": data.clubs if kept else {}})

    import babelwire.translation.target_names.rendering.words as words
    rendering_languages.language_data = words.language_data = without
    words.render_words.cache_clear()


if __name__ == "__main__":
    sys.exit(main())
