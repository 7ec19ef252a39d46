"""Proper-name detection (people, organisations, places) for protection.

CONTRACT (fixed):

    find_names(text: str) -> list[Span]   # kind=SpanKind.NAME, sorted, non-overlapping, offsets into text

Works on a whole document (document-level evidence: a word seen lower-case elsewhere is not a name).
Pure function of the text; linear time; no network.
"""

from translation.names_lexicon import DEMONYMS, FUNCTION_WORDS, TITLES, WEEKDAYS_MONTHS
from translation.names_tokens import Token, tokenize
from translation.spans import Span, SpanKind

_NEVER_ALONE = FUNCTION_WORDS | WEEKDAYS_MONTHS | TITLES | DEMONYMS


def find_names(text: str) -> list[Span]:
    """NAME spans of `text`: runs of capitalised words that are not known non-names."""
    tokens = tokenize(text)
    spans: list[Span] = []
    run: list[Token] = []
    for token in tokens:
        if _is_name_word(token) and _continues(run, token, text):
            run.append(token)
            continue
        _flush(run, text, spans)
        run = [token] if _is_name_word(token) else []
    _flush(run, text, spans)
    return spans


def name_type(span: Span) -> str:
    """The guessed entity type of a span from `find_names` (not classified yet: "NAME")."""
    return "NAME"


def _is_name_word(token: Token) -> bool:
    return token.is_capitalised and not (token.sentence_start and token.text.lower() in FUNCTION_WORDS)


def _continues(run: list[Token], token: Token, text: str) -> bool:
    return bool(run) and text[run[-1].end : token.start] == " " and not token.sentence_start


def _flush(run: list[Token], text: str, spans: list[Span]) -> None:
    while run and run[0].text.lower() in _NEVER_ALONE:
        run = run[1:]
    while run and run[-1].text.lower() in _NEVER_ALONE:
        run = run[:-1]
    if run:
        start, end = run[0].start, run[-1].end
        spans.append(Span(SpanKind.NAME, start, end, text[start:end]))
