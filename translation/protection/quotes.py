"""Direct quotes: inline quotes ("…", “…”, ‘…’, '…', «…», „…“), continued quotes and dash-attributed block quotes.

Inline quotes never cross a paragraph boundary (a blank line): an unbalanced quote mark cannot swallow
the rest of the document, and an unclosed quote is protected only as a continued quote: wire style (AP)
runs a long quote over several paragraphs, opening each with a quote mark and closing only the last, so
a line whose last quote stays open, followed by a line that opens with the same mark, is quoted from that
mark to its end. Nested quotes are inside their outer quote, which is the span returned. Apostrophes
(don't, Trump's, rock 'n' roll, the '90s) are not quote marks. A block quote is a paragraph followed by a
short dash line that attributes it ("- she stated."); dash lines next to other dash lines are a list, and
a dash line without a reporting verb is a bullet, not an attribution. Everything here is a single
left-to-right pass over the text.
"""

import bisect
import re

from babelwire.translation.protection.spans import Span, SpanKind
from babelwire.translation.lexicon.wordlists import load

INLINE, CONTINUED, BLOCK = "quote: inline", "quote: continued over paragraphs", "quote: block with dash attribution"

# Quote styles: the characters that open a quote and the characters that may close it.
_STYLES = {
    "straight": ('"', '"'),
    "curly": ("“", "”"),
    "german": ("„", "“”"),
    "guillemet": ("«", "»"),
    "single-straight": ("'", "'"),
    "single-curly": ("‘", "’"),
}
_OPENED_BY = {char: [style for style, (opening, _) in _STYLES.items() if char in opening] for char in "\"“„«'‘"}
_CLOSED_BY = {char: [style for style, (_, closing) in _STYLES.items() if char in closing] for char in "\"“”»'’"}
_QUOTE_CHARS = re.compile("[\"“”„«»'‘’]")
_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n")
# An attribution line: a dash, a space, then a lower-case word ("- she stated.", "— the post says.").
_ATTRIBUTION = re.compile(r"[ \t]*[-–—][ \t]+[^\W\d_A-Z]")
_DASH_LINE = re.compile(r"[ \t]*[-–—•*][ \t]")
_WORD = re.compile(r"[^\W\d_]+")
_MAX_ATTRIBUTION_CHARS = 160
_SINGLE_STYLES = ("single-straight", "single-curly")
_REPORTING_VERBS = load("babelwire.translation.lexicon", "reporting_verbs").words
# Marks that open a paragraph of a continued quote (double quotes only: a single one is too often an apostrophe).
_CONTINUING_MARKS = "\"“„«"


def find_quotes(text: str) -> list[Span]:
    """All direct quotes of `text`, sorted, non-overlapping (block quotes win over inline quotes inside)."""
    return _merge_outer(find_block_quotes(text) + find_inline_quotes(text) + find_continued_quotes(text))


def find_inline_quotes(text: str) -> list[Span]:
    """Quotes between quote marks, each inside one paragraph, outermost only."""
    return [span for start, end in _paragraphs(text) for span in _inline_quotes(text, start, end)]


def hold_every_inline_quote(spans: list[Span]) -> bool:
    """Do the quotes among `spans` (all that `find_quotes` found in a text, with other spans or not) hold
    every inline quote of the text whole, so that a caller given them need not look for inline quotes again?
    Yes, unless a block or continued quote is among them: of overlapping quotes the first is kept, and an
    inline quote that starts inside a block or continued quote may end after it."""
    return all(span.rule == INLINE for span in spans if span.kind == SpanKind.QUOTE)


def find_continued_quotes(text: str) -> list[Span]:
    """The open ends of quotes that continue into the next line: from the unclosed mark to the line's end."""
    spans = []
    blocks = _line_blocks(text)
    for (start, end), following in zip(blocks, blocks[1:]):
        opening = text[following[0]]
        if opening in _CONTINUING_MARKS:
            open_at = _unclosed_mark(text, start, end, opening)
            if open_at is not None:
                spans.append(Span(SpanKind.QUOTE, open_at, end, text[open_at:end], rule=CONTINUED))
    return spans


def _unclosed_mark(text: str, start: int, end: int, mark: str) -> int | None:
    """Position of the last `mark` of the line that opens a quote no closing mark of the line ends. A quote
    closed after it does not close it: "... It is 'bringing the game into disrepute'. stays open."""
    position = _last_outside(text, mark, start, end, _inline_quotes(text, start, end))
    if position == -1 or not _can_open(text, position, start, end) or not text[position + 1 : end].strip():
        return None
    return position


def _last_outside(text: str, mark: str, start: int, end: int, closed: list[Span]) -> int:
    """The last `mark` of text[start:end] outside the (sorted, disjoint) `closed` quotes, or -1."""
    starts = [span.start for span in closed]
    position = text.rfind(mark, start, end)
    while position != -1:
        inside = bisect.bisect_right(starts, position) - 1
        if inside < 0 or closed[inside].end <= position:
            return position
        position = text.rfind(mark, start, closed[inside].start)  # skip the whole closed quote
    return -1


def find_block_quotes(text: str) -> list[Span]:
    """Paragraphs followed by an attribution line that starts with a dash, as wire copy sets long quotes."""
    spans = []
    blocks = _line_blocks(text)
    dashed = [_DASH_LINE.match(text, start) is not None for start, _ in blocks]
    for i in range(1, len(blocks)):
        (start, end), (line_start, line_end) = blocks[i - 1], blocks[i]
        in_list = dashed[i - 1] or (i + 1 < len(blocks) and dashed[i + 1])
        if not in_list and not text[start:end].endswith(":") and _is_attribution(text[line_start:line_end]):
            spans.append(Span(SpanKind.QUOTE, start, end, text[start:end], rule=BLOCK))
    return spans


def _is_attribution(line: str) -> bool:
    """"- she stated.", "— the post says.": short, after a dash, lower case, with a reporting verb."""
    if len(line) > _MAX_ATTRIBUTION_CHARS or _ATTRIBUTION.match(line) is None:
        return False
    return any(word.group().lower() in _REPORTING_VERBS for word in _WORD.finditer(line))


def _line_blocks(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-blank line, whitespace trimmed."""
    blocks = []
    position = 0
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        if stripped:
            start = position + line.index(stripped[0])
            blocks.append((start, start + len(stripped)))
        position += len(line)
    return blocks


def _paragraphs(text: str) -> list[tuple[int, int]]:
    bounds, start = [], 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        bounds.append((start, match.start()))
        start = match.end()
    bounds.append((start, len(text)))
    return bounds


def _inline_quotes(text: str, start: int, end: int) -> list[Span]:
    marks = [m.start() for m in _QUOTE_CHARS.finditer(text, start, end)]
    closers: dict[str, list[int]] = {style: [] for style in _STYLES}
    for position in marks:
        if _CLOSED_BY.get(text[position]) and _can_close(text, position, start, end):
            for style in _CLOSED_BY[text[position]]:
                closers[style].append(position)
    spans, index = [], 0
    while index < len(marks):
        span = _quote_opened_at(text, marks[index], closers, start, end)
        if span is None:
            index += 1
            continue
        spans.append(span)
        index = bisect.bisect_left(marks, span.end, lo=index)
    return spans


def _quote_opened_at(text: str, position: int, closers: dict, start: int, end: int) -> Span | None:
    styles = _OPENED_BY.get(text[position], ())
    if not styles or not _can_open(text, position, start, end):
        return None
    for style in styles:
        candidates = closers[style]
        nearest = bisect.bisect_right(candidates, position)
        if nearest < len(candidates):
            close = candidates[nearest]
            if _plausible_content(text[position + 1 : close], style):
                return Span(SpanKind.QUOTE, position, close + 1, text[position : close + 1], rule=INLINE)
    return None


def _can_open(text: str, position: int, start: int, end: int) -> bool:
    """An opening mark starts a word: nothing or a space/bracket/dash before, a non-space after."""
    before = text[position - 1] if position > start else " "
    after = text[position + 1] if position + 1 < end else " "
    if after.isspace():
        return False
    if text[position] in "'’‘" and (after.isdigit() or before.isalnum()):
        return False  # the '90s, Trump's
    return not before.isalnum()


def _can_close(text: str, position: int, start: int, end: int) -> bool:
    """A closing mark ends a word: a non-space before, nothing or a non-letter after (not don't)."""
    before = text[position - 1] if position > start else " "
    after = text[position + 1] if position + 1 < end else " "
    return not before.isspace() and not after.isalnum()


def _plausible_content(content: str, style: str) -> bool:
    """Single quotes need two letters inside: rock 'n' roll holds no quote."""
    if style in _SINGLE_STYLES:
        return sum(char.isalpha() for char in content) >= 2
    return any(not char.isspace() for char in content)


def _merge_outer(spans: list[Span]) -> list[Span]:
    """Keep the outermost of overlapping quotes (a block quote contains its inline quotes)."""
    kept: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if kept and span.start < kept[-1].end:
            continue
        kept.append(span)
    return kept
