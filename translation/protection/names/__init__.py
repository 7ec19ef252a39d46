"""Proper-name detection (people, organisations, places) for protection.

`find_names(text)` returns the NAME spans of a text, sorted, non-overlapping, with offsets into the text.
It works on a whole document (document-level evidence: a word seen lower-case elsewhere is not a name).
Pure function of the text; linear time; no network. `find_name_mentions` also gives a guessed type, and
every span names the rule that made it (`Span.rule`), so a desk can audit a decision.

Layout: `tokens` (words with offsets), `layout` (lines where capitals mean something else: tables, headlines,
form fields, topic slugs), `evidence` (what the whole item says about a word), `roles` (the ordered rule table
deciding each word's role), `passes` (sweeps over the item that revise roles with what the neighbours say), `runs`
(grouping words into names by named join, cut and trim steps), `guess` (the type), `lexicon` (the detector's
word lists, read from `translation/lexicon/data/`, each file citing its source).
"""

from dataclasses import dataclass

from babelwire.translation.protection.names.evidence import gather
from babelwire.translation.protection.names.guess import guess_types
from babelwire.translation.protection.names.passes import assign_roles
from babelwire.translation.protection.names.runs import find_runs
from babelwire.translation.protection.names.tokens import tokenize
from babelwire.translation.protection.spans import Span, SpanKind

__all__ = ["NameMention", "WordDecision", "explain", "find_name_mentions", "find_names"]


@dataclass(frozen=True, slots=True)
class NameMention:
    """A detected name and its guessed type: "PER", "ORG", "LOC", "MISC" or "NAME" (unknown)."""

    span: Span
    type: str


def find_name_mentions(text: str) -> list[NameMention]:
    tokens = tokenize(text)
    runs = find_runs(text, tokens, gather(text, tokens))
    return [
        NameMention(Span(SpanKind.NAME, run.start, run.end, text[run.start : run.end], rule=f"name: {run.rule}"), kind)
        for run, kind in zip(runs, guess_types(runs))
    ]


def find_names(text: str) -> list[Span]:
    """NAME spans of `text`, sorted and non-overlapping."""
    return [mention.span for mention in find_name_mentions(text)]


@dataclass(frozen=True, slots=True)
class WordDecision:
    """Why a word is or is not part of a name: its role ("name", "maybe", "no") and the rule that decided."""

    word: str
    start: int
    role: str
    rule: str


def explain(text: str) -> list[WordDecision]:
    """Every word of `text` with the role the rule table gave it, before words are grouped into names."""
    tokens = tokenize(text)
    roles = assign_roles(text, tokens, gather(text, tokens))
    return [WordDecision(t.text, t.start, role, rule) for t, role, rule in zip(tokens, roles.roles, roles.rules)]
