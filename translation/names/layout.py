"""The layout of an item's lines, where capitals mean something else than in running text.

Tables list teams and prices; headlines and title-case lines capitalise every word; form fields
("ISSUER :", "AMT :") and topic slugs ("SOCCER - ...", "IPO FILING -- ...") label what follows. Each
function is one pass over the tokens.
"""

import re

from translation.names.tokens import Token

_LABEL_END = re.compile(r"[ \t]?:")
_SLUG_END = re.compile(r"[ \t]?(?:-{1,2}|–|—)[ \t]")


def table_lines(tokens: list[Token]) -> set[int]:
    """Lines of results tables ("Carlisle 4 2 1 1 2 1 7", "NEW YORK 74 59 .556"): labels, not sentences."""
    numbers: dict[int, int] = {}
    words: dict[int, int] = {}
    for token in tokens:
        if token.text[0].isdigit():
            numbers[token.line] = numbers.get(token.line, 0) + 1
        elif token.text[0].islower():
            words[token.line] = words.get(token.line, 0) + 1
    return {line for line, n in numbers.items() if n >= 2 and n >= words.get(line, 0)}


def headline_lines(tokens: list[Token]) -> set[int]:
    """Lines written in capitals (headlines, table headers, datelines): capitals prove nothing there."""
    upper: dict[int, int] = {}
    total: dict[int, int] = {}
    for token in tokens:
        if not any(c.isalpha() for c in token.text):
            continue
        total[token.line] = total.get(token.line, 0) + 1
        upper[token.line] = upper.get(token.line, 0) + token.is_upper
    return {line for line, n in total.items() if upper[line] * 3 >= n * 2}


def field_labels(text: str, tokens: list[Token]) -> set[int]:
    """Indices of capitals words that label a form field: "ISSUER :", "PAYING AGENT :", "1ST CPN :"."""
    return _capitals_runs_before(text, tokens, _LABEL_END, line_start_only=False)


def topic_slugs(text: str, tokens: list[Token]) -> set[int]:
    """Indices of capitals words that open a line before a dash: "BASEBALL -", "IPO FILING --"."""
    return _capitals_runs_before(text, tokens, _SLUG_END, line_start_only=True)


def _capitals_runs_before(text: str, tokens: list[Token], ending: re.Pattern, line_start_only: bool) -> set[int]:
    """Token indices of the runs of capitals words (separated by single spaces) followed by `ending`."""
    found: set[int] = set()
    run: list[int] = []
    for token in tokens:
        joins = run and token.start - tokens[run[-1]].end == 1 and text[token.start - 1] == " "
        if not (token.is_all_caps and (joins or not line_start_only or _opens_line(text, tokens, token))):
            run = []
            continue
        run = run + [token.index] if joins else [token.index]
        if ending.match(text, token.end):
            found.update(run)
    return found


def _opens_line(text: str, tokens: list[Token], token: Token) -> bool:
    gap = text[tokens[token.index - 1].end if token.index else 0 : token.start]
    return (token.index == 0 or "\n" in gap) and not gap.rpartition("\n")[2].strip()
