"""Measure the check of a model's form of a person's name, and the declined restoration, on professional Ukrainian.

Usage:
    .venv/bin/python benchmarks/names_decline.py [NTREX_DIR] [--part tuning|reporting|all] [--show N]

NTREX_DIR defaults to ../shared/data/ntrex128-dev (read in place: English news with professional Ukrainian
references, development data). Documents (DOCUMENT_IDS.tsv, read as names_render.py reads them) are dealt
alternately: even ones tune, odd ones report; `--show` lists cases of the tuning half only.

For every name the pipeline would render in a Ukrainian copy (people, and names of no known type:
`find_protection(..., target="uk")` on each document as a whole, as the pipeline reads a story's body, so a surname
alone knows the full name before it), the reference's own form of that person is looked for: each word of the
rendering matched, in a row, by a capitalised reference word that starts with the rendering word's stem (the
nominative less its ending), so the reference writes the name as we render it, in whatever case (`_shares_stem`:
spelling variants such as "Серхіо" for "Сергіо" or "Греем" for "Грем" are a rendering difference, measured by
names_render.py, not a form the check should accept). The check's own stem test uses the same stems, so "accepted"
measures that it knows the case endings a professional translator writes (and the dictionary's lemmas); "refused"
measures what it must not accept.
Then:
- accepted: the share of those reference forms that `find_name_form` (the pipeline's check) accepts
  (aim >= 95%);
- rejected: corrupted forms the check must refuse (aim >= 98%): every other run of as many words as the name
  has in the reference sentence (none of them a mention of the person), the English name as written, the
  reference's form with one letter of its last word's stem changed (a garbled name), and up to three other
  people's renderings of as many words (no literal translations: we have no dictionary to make them with);
- declined: where the word before the reference form is a preposition of the governing table, whether our
  rendering declined to the case it governs equals the reference form (case-insensitive);
- restored by governor: the same comparison for every located form, split by what decided the case: a
  preposition, another entry of the governing table (a verb or phrase), or nothing (the nominative restored);
  for all rendered names, then for those typed person and those of no known type ("other").
The last line printed is a JSON object with each part's figures.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

from babelwire.translation.target_names.declension import NOMINATIVE, find_name_form
from babelwire.translation.target_names.people import restored_form
from babelwire.translation.protection.protect import find_protection

sys.path.insert(0, str(Path(__file__).resolve().parent))
from names_render import joined, read_documents, reference_at  # noqa: E402  the documents as names_render.py reads them

DEFAULT_DIR = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "ntrex128-dev"
PARTS = ("tuning", "reporting")
_WORD = re.compile(r"[^\W\d_]+(?:['’ʼ-][^\W\d_]+)*")
_PREPOSITIONS = frozenset("без біля від для до заради коло крім окрім після проти серед у в уві завдяки всупереч "
                          "назустріч про на через за попри з зі із між перед над під при".split())


def reference_form(reference: str, rendering: str) -> tuple[int, int] | None:
    """Where the reference writes the rendering's words in a row, each sharing its stem (`_shares_stem`)."""
    words = rendering.split()
    found = list(_WORD.finditer(reference))
    for i in range(len(found) - len(words) + 1):
        window = found[i : i + len(words)]
        if all(_shares_stem(match.group(), word) for match, word in zip(window, words)):
            return window[0].start(), window[-1].end()
    return None


def _shares_stem(candidate: str, word: str) -> bool:
    """Written as we render it, in some case: the candidate starts with the nominative's stem (the whole word after
    a consonant, "Трамп-ом"; less a final vowel, й or ь, "Оксан-ою", "Андрі-єм"; less -ий/-ій, "Зеленськ-ого")."""
    lower = word.lower()
    stem = lower[:-2] if lower.endswith(("ий", "ій", "ой")) else lower[:-1] if lower[-1:] in "аеєиіїоуюяйь" else lower
    return candidate[:1].isupper() and candidate.lower().startswith(stem[: max(3, len(stem))])


def evaluate(documents: list[list[tuple[str, str]]], show: int = 0) -> dict:
    counts: Counter = Counter()
    shown: list[str] = []
    people = [found for document in documents for found in _rendered_people(document)]
    renderings = sorted({person.rendering.text for _, person in people})
    for reference, person in people:
        counts["people"] += 1
        counts[f"source:{person.rendering.source}"] += 1
        rendering = person.rendering.text
        where = reference_form(reference, rendering)
        if where is None:
            continue
        counts["located"] += 1
        form = reference[where[0] : where[1]]
        accepted = find_name_form(form, rendering, person.gender, "uk") is not None
        counts["accepted"] += accepted
        if not accepted and len(shown) < show:
            shown.append(f"NOT ACCEPTED {form!r} for {rendering!r} ({person.gender}) | {reference}")
        _corrupt(counts, shown, show, reference, where, person, renderings)
        _declined(counts, shown, show, reference, where, person, accepted)
    return _report(counts), shown


def _rendered_people(document: list[tuple[str, str]]):
    """(reference line, person) for each name a copy renders, found in the whole document as the pipeline finds them
    in a story's body (a surname alone takes what its full name earlier tells: "Coons" after "Chris Coons" is a
    person's, not a team's English plural), with the reference line of the English line it stands on."""
    text, starts = joined(document)
    for person in find_protection(text, target="uk").rendered_people:
        yield reference_at(document, starts, person.span.start), person


def _corrupt(counts, shown, show, reference, where, person, renderings) -> None:
    rendering, size = person.rendering.text, len(person.rendering.text.split())
    words = list(_WORD.finditer(reference))
    windows = [words[i : i + size] for i in range(len(words) - size + 1)]
    # Another mention of the same person (a word sharing a stem with the rendering's) is no corruption.
    candidates = [reference[window[0].start() : window[-1].end()] for window in windows
                  if not any(_shares_stem(m.group(), word) or m.start() < where[1] and where[0] < m.end()
                             for m in window for word in rendering.split())]
    candidates += [person.span.text, _misspelt(reference[where[0] : where[1]])]
    candidates += [other for other in renderings if other != rendering and len(other.split()) == size][:3]
    for candidate in candidates:
        counts["corrupted"] += 1
        refused = find_name_form(candidate, rendering, person.gender, "uk") is None
        counts["refused"] += refused
        if not refused and len(shown) < show:
            shown.append(f"NOT REFUSED {candidate!r} for {rendering!r}")


def _misspelt(form: str) -> str:
    """The reference's form with one letter inside its last word's stem changed (a garbled name): "Трампом" ->
    "Трбмпом"."""
    head, _, last = form.rpartition(" ")
    at = min(2, len(last) - 1)
    letter = "о" if last[at].lower() != "о" else "а"
    return (head + " " if head else "") + last[:at] + letter + last[at + 1 :]


def _declined(counts, shown, show, reference, where, person, accepted: bool) -> None:
    """Whether the restoration (our rendering declined to the case the words before it demand) equals the
    reference's form: where a preposition governs (the figure first measured), where another entry of the governing
    table or a common noun before the name does (a verb, a phrase: "подякував", "на думку"; "команда [1]"), and where
    nothing does (the nominative restored)."""
    before = _WORD.findall(reference[: where[0]])
    ours, case = restored_form(person, reference[: where[0]], "uk", reference[where[1] :])
    theirs = reference[where[0] : where[1]]
    same = ours.lower() == theirs.lower()
    governor = "preposition" if before and before[-1].lower() in _PREPOSITIONS else \
        "nothing" if case == NOMINATIVE else "table"
    for key in (f"restored_by:{governor}", f"restored_by:{person.span.type}:{governor}"):
        counts[key] += 1
        counts[key + "_same"] += same
    if governor != "preposition":
        if not same and len(shown) < show:
            shown.append(f"RESTORED ({governor}) {ours!r} ({case}, {person.gender}) where the reference has "
                         f"{theirs!r} | {reference}")
        return
    counts["governed"] += 1
    counts["governed_same"] += same
    counts["governed_spelt_alike"] += accepted
    counts["governed_spelt_alike_same"] += same and accepted
    if not same and len(shown) < show:
        shown.append(f"DECLINED {ours!r} ({case}, {person.gender}) where the reference has {theirs!r} | {reference}")


def _report(counts: Counter) -> dict:
    def rate(part: str, whole: str) -> float:
        return round(counts[part] / max(counts[whole], 1), 4)

    return {
        "people": counts["people"], "located_in_reference": counts["located"],
        "accepted": rate("accepted", "located"), "corrupted_forms": counts["corrupted"],
        "refused": rate("refused", "corrupted"), "governed_by_a_preposition": counts["governed"],
        "declined_equals_reference": rate("governed_same", "governed"),
        "declined_equals_reference_where_spelt_alike": rate("governed_spelt_alike_same", "governed_spelt_alike"),
        "restored_equals_reference_by_governor": {
            kind + governor: f"{counts[f'restored_by:{kind}{governor}_same']}/{counts[f'restored_by:{kind}{governor}']}"
            for kind in ("", "person:", "other:") for governor in ("preposition", "table", "nothing")},
        "rendering_sources": {key.split(":", 1)[1]: n for key, n in sorted(counts.items()) if key.startswith("source:")},
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="The person-name check and declension on NTREX Ukrainian references.")
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--part", choices=(*PARTS, "all"), help="default: both halves")
    parser.add_argument("--show", type=int, default=0, metavar="N", help="list N failures (tuning half only)")
    args = parser.parse_args(argv)
    if not (args.folder / "newstest2019-ref.ukr.txt").is_file():
        print(f"error: no NTREX files in {args.folder}; pass the folder as the first argument", file=sys.stderr)
        return 2
    if args.show and args.part != "tuning":
        print("error: --show takes only --part tuning: the reporting half is never inspected", file=sys.stderr)
        return 2
    documents = read_documents(args.folder)  # dealt alternately: even ones tune, odd ones report
    parts = {"tuning": documents[0::2], "reporting": documents[1::2], "all": documents}
    results = {}
    for name in [args.part] if args.part else list(PARTS):
        results[name], shown = evaluate(parts[name], args.show)
        print("\n".join(shown)) if shown else None
        r = results[name]
        print(f"== {name}: {r['people']} people, {r['located_in_reference']} located; accepted {r['accepted']:.3f}, "
              f"refused {r['refused']:.3f} of {r['corrupted_forms']}, declined = reference "
              f"{r['declined_equals_reference']:.3f} of {r['governed_by_a_preposition']}")
    print(json.dumps(results, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
