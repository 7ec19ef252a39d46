"""Ordered rewrite rules from a data file: a Latin spelling (or a phoneme) and its target-script form, by context.

One engine for every table a language supplies (reverse romanisation, spelling): at each position the longest source
that matches in its context wins, so "shch" beats "sh" and "skyy" at a word's end beats "s". Context marks,
comma-separated in the table's third column: `^` the word's start, `$` the word's end, `V_` / `C_` after a vowel / a
consonant, `_V` / `_C` before a vowel / a consonant. Between rows of the same letters in one table, the one with
more marks is tried first, wherever it is written: a table states its rule, then the exceptions (Hungarian h is г,
but х at a word's end after a vowel), and the exception must not be shadowed by the rule written above it. A word no
rule covers (a letter outside the tables) has no rendering, never a partial one.
"""

from __future__ import annotations

from dataclasses import dataclass

from babelwire.translation.lexicon.wordlists import load_table

# with their accents: an l before ä is before a vowel (Läänemets), an s before ü too (Süssmuth)
LATIN_VOWELS = frozenset("aeiouyáàâäãåæéèêëíìîïóòôöõøőúùûüűýÿąęėįųūāēīōœ")


@dataclass(frozen=True, slots=True)
class Rule:
    source: str
    target: str
    context: frozenset[str]

    def matches(self, word: str, start: int) -> bool:
        end = start + len(self.source)
        if word[start:end] != self.source:
            return False
        before = word[start - 1] if start else ""
        after = word[end] if end < len(word) else ""
        return all(_holds(mark, start, after, before, end == len(word)) for mark in self.context)


_MARKS = frozenset({"^", "$", "V_", "C_", "_V", "_C"})


def _holds(mark: str, start: int, after: str, before: str, at_end: bool) -> bool:
    if mark == "^":
        return start == 0
    if mark == "$":
        return at_end
    letter = before if mark.endswith("_") else after
    if not letter.isalpha():
        return False
    return (letter in LATIN_VOWELS) == ("V" in mark)


@dataclass(frozen=True, slots=True)
class RuleTable:
    rules: tuple[Rule, ...]  # longest source first, then by table, then the more marks, then as written

    @classmethod
    def load(cls, package: str, *names: str) -> RuleTable:
        """The rules of the named tables together; on a tie in length, an earlier table's rule wins (an origin's
        own letters before the English ones it falls back on), and within a table the row with more marks."""
        ranked = [(-len(rule.source), table, -len(rule.context), rule)
                  for table, name in enumerate(names) for rule in map(_rule, load_table(package, name))]
        return cls(tuple(rule for *_, rule in sorted(ranked, key=lambda entry: entry[:3])))

    def rewrite(self, word: str) -> str | None:
        """`word` (lower case) in the target script; None where some letter has no rule."""
        out, position = [], 0
        while position < len(word):
            rule = next((rule for rule in self.rules if rule.matches(word, position)), None)
            if rule is None:
                return None
            out.append(rule.target)
            position += len(rule.source)
        return "".join(out)


def _rule(row: tuple[str, ...]) -> Rule:
    return Rule(row[0].lower(), row[1] if len(row) > 1 else "", frozenset(_marks(row)))


def _marks(row: tuple[str, ...]) -> list[str]:
    marks = [mark.strip() for mark in row[2].split(",") if mark.strip()] if len(row) > 2 else []
    unknown = set(marks) - _MARKS
    if unknown:
        raise ValueError(f"rule {row[0]!r}: unknown context mark(s) {sorted(unknown)} (known: {sorted(_MARKS)})")
    return marks
