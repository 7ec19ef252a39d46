"""Proper-name detection (people, organisations, places) for protection.

CONTRACT (fixed):

    find_names(text: str) -> list[Span]   # kind=SpanKind.NAME, sorted, non-overlapping, offsets into text

Works on a whole document (document-level evidence: a word seen lower-case elsewhere is not a name).
Pure function of the text; linear time; no network. `find_name_mentions` also gives a guessed type.
"""

from dataclasses import dataclass

from translation import names_runs
from translation.names_evidence import gather
from translation.names_tokens import tokenize
from translation.names_types import guess_type
from translation.spans import Span, SpanKind


@dataclass(frozen=True, slots=True)
class NameMention:
    """A detected name and its guessed type: "PER", "ORG", "LOC", "MISC" or "NAME" (unknown)."""

    span: Span
    type: str


def find_name_mentions(text: str) -> list[NameMention]:
    tokens = tokenize(text)
    evidence = gather(tokens)
    mentions = []
    for run in names_runs.find_runs(text, tokens, evidence):
        start, end = run.start, run.end
        span = Span(SpanKind.NAME, start, end, text[start:end])
        mentions.append(NameMention(span, guess_type(run, text)))
    return mentions


def find_names(text: str) -> list[Span]:
    """NAME spans of `text`, sorted and non-overlapping."""
    return [mention.span for mention in find_name_mentions(text)]
