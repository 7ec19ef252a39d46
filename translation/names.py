"""Proper-name detection (people, organisations, places) for protection.

CONTRACT (fixed; implementation owned by the name-detection work):

    find_names(text: str) -> list[Span]   # kind=SpanKind.NAME, sorted, non-overlapping, offsets into text

Works on a whole document (document-level evidence: a word seen lower-case elsewhere is not a name).
Pure function of the text; linear time; no network.
"""

from translation.spans import Span


def find_names(text: str) -> list[Span]:
    raise NotImplementedError
