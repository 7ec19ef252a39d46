"""One HTML fragment being translated: its units, their renderings, and the copy spliced from them.

The copy is the source with only two kinds of change: the core of each unit (its text and inline tags)
replaced by its translation, and translated alt/title values written into their tags. Everything else
(tags, attributes, entities, comments, whitespace between blocks) is the source's, byte for byte.
"""

import bisect
import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from babelwire.translation.errors import InvalidHtmlError
from babelwire.translation.round_trip.html import tree
from babelwire.translation.round_trip.html.tokens import MarkupToken, TokenizeError, tokenize
from babelwire.translation.round_trip.html.units import (AttributeText, Layout, Part, Unit, decode_into, find_sentinels, find_units,
                                    WORD_CHARACTER, is_wordy, sentinel, sentinel_number)
from babelwire.translation.protection.quotes import find_quotes

_CHARREF = re.compile(r"&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[A-Za-z][A-Za-z0-9]{0,31};)")
_SENTINEL_SPLIT = re.compile("([\U000F0000-\U000FFFFD])")
_EDGE_SPACE = " \t\n\r\f"


@dataclass(slots=True)
class Fragment:
    original: str
    source: str  # the markup translated: the original, or its HTML5 repair when it was not well nested
    tokens: list[MarkupToken]
    pairs: dict[int, int]
    layout: Layout
    repair_reason: str | None  # why the original was repaired first
    expected: list = field(default_factory=list)  # the original's element signature
    renderings: dict[int, str] = field(default_factory=dict)  # unit index -> translated core markup
    attribute_values: dict[int, str] = field(default_factory=dict)  # attribute index -> translated value
    final_tags: dict[int, str] = field(default_factory=dict)  # token index -> markup with translated values
    escape: Callable[[str], str] = str  # escapes translated text for this fragment (see _escaper)

    @property
    def units(self) -> list[Unit]:
        return self.layout.units


def parse(text: str, keep_quotes: bool) -> Fragment:
    """The fragment of `text`, repaired by the HTML5 parser when it is not well nested.

    Raises:
        InvalidHtmlError: nested past what browsers build, or still not well nested after repair.
    """
    repair_reason = None
    try:
        source, tokens, pairs = text, *_well_nested(text)
    except (TokenizeError, tree.NestingError) as error:
        repair_reason = str(error)
        source = tree.normalised(text)
        try:
            tokens, pairs = _well_nested(source)
        except (TokenizeError, tree.NestingError) as again:
            raise InvalidHtmlError(f"HTML is not well nested ({error}) and its HTML5 repair is not either ({again})"
                                   ) from None
    layout = find_units(source, tokens, pairs, keep_quotes)
    fragment = Fragment(text, source, tokens, pairs, layout, repair_reason, tree.signature(text))
    fragment.escape = _escaper(source)
    return fragment


def _well_nested(source: str) -> tuple[list[MarkupToken], dict[int, int]]:
    tokens = tokenize(source)
    try:
        return tokens, tree.partners(tokens)
    except tree.TooDeepError as error:
        raise InvalidHtmlError(f"HTML {error}", offset=error.offset) from None


def render_unit(fragment: Fragment, unit: Unit, output: str) -> tuple[str, bool] | None:
    """(the unit's core markup, whether its tags needed reordering) from a translation that kept its
    sentinels; None when the tags came back out of order even after swapping the start and end tags of an
    element that the model put the wrong way round."""
    order = find_sentinels(output)
    if sorted(order) != list(range(len(unit.sentinel_parts))):
        return None
    reordered = order != sorted(order)
    if reordered:
        output = _swap_reversed_pairs(fragment, unit, output, order)
        if find_sentinels(output) != sorted(order):
            return None
    if _emptied_element(fragment, unit, output):
        return None
    pieces = []
    for piece in _SENTINEL_SPLIT.split(output):
        if len(piece) == 1 and _SENTINEL_SPLIT.fullmatch(piece):
            pieces.append(_part_markup(fragment, unit.parts[unit.sentinel_parts[sentinel_number(piece)]]))
        else:
            pieces.append(fragment.escape(piece))
    return "".join(pieces), reordered


def _emptied_element(fragment: Fragment, unit: Unit, output: str) -> bool:
    """Did an element that wraps words in the source come back with none ("Parlamento galês <a></a>")? A link
    with no text is lost to a reader; translated run by run, its words stay inside it."""
    in_source, in_output = _words_between(unit.text), _words_between(output)
    return any(in_source(opening, closing) and not in_output(opening, closing)
               for opening, closing in _tag_pairs(fragment, unit))


def _tag_pairs(fragment: Fragment, unit: Unit) -> list[tuple[int, int]]:
    """(sentinel number of a tag, sentinel number of its partner) for each tag of the unit whose partner is in it."""
    number_of = {unit.parts[part].token: number for number, part in enumerate(unit.sentinel_parts)}
    pairs = []
    for number, part in enumerate(unit.sentinel_parts):
        partner = number_of.get(fragment.pairs.get(unit.parts[part].token, -1))
        if partner is not None:
            pairs.append((number, partner))
    return pairs


def _words_between(text: str) -> Callable[[int, int], bool]:
    """Whether a word character stands between two sentinels of `text`; one pass over the text, then each
    question in constant time (elements nest: looking at each element's text would be quadratic)."""
    position = {sentinel_number(match.group()): match.start() for match in _SENTINEL_SPLIT.finditer(text)}
    wordy = [match.start() for match in WORD_CHARACTER.finditer(text)]

    def between(opening: int, closing: int) -> bool:
        start, end = position.get(opening, -1), position.get(closing, -1)
        following = bisect.bisect_right(wordy, start)  # the first word character after the opening tag
        return 0 <= start < end and following < len(wordy) and wordy[following] < end

    return between


def _swap_reversed_pairs(fragment: Fragment, unit: Unit, output: str, order: list[int]) -> str:
    """Put back the right way round each element whose end tag came back before its start tag."""
    place = {number: position for position, number in enumerate(order)}
    relabel = {}
    for number, partner in _tag_pairs(fragment, unit):
        if place[partner] < place[number]:
            relabel[sentinel(number)], relabel[sentinel(partner)] = sentinel(partner), sentinel(number)
    swapped = _SENTINEL_SPLIT.sub(lambda match: relabel.get(match.group(), match.group()), output)
    if not relabel:
        return swapped
    source = unit.text
    at = {match.group(): match.start() for match in _SENTINEL_SPLIT.finditer(source)}
    return _SWAPPED_SPACE.sub(
        lambda match: _spaced_as_source(source, at[match.group(2)], match) if match.group(2) in relabel
        else match.group(), swapped)


# A sentinel with a space on one side only: after a swap, the space may be on the side of the tag it replaced.
_SWAPPED_SPACE = re.compile("(?<=\\S)( ?)([\U000F0000-\U000FFFFD])( ?)(?=\\S)")


def _spaced_as_source(source: str, at: int, match: re.Match) -> str:
    """A swapped tag with its single space on the side the source has one ("met <b>the", "envoy</b> today")."""
    before, mark, after = match.groups()
    space_before = at > 0 and source[at - 1].isspace()
    space_after = at + 1 < len(source) and source[at + 1].isspace()
    if bool(before) == bool(after) or space_before == space_after:
        return match.group()
    return " " + mark if space_before else mark + " "


def run_pieces(fragment: Fragment, unit: Unit, keep_quotes: bool) -> list[tuple[int, int, bool]]:
    """The unit's text as (start, end, translate) source ranges: text runs between tags, cut where a quote
    begins or ends, so a quote that spans a tag is still kept verbatim when runs are translated apart."""
    quoted = [(unit.offsets[q.start], unit.offsets[q.end]) for q in find_quotes(unit.text)] if keep_quotes else []
    starts = [start for start, _ in quoted]  # sorted, the quotes do not overlap
    pieces = []
    for part in unit.parts:
        if part.kind != "text":
            continue
        start, end = max(part.start, unit.start), min(part.end, unit.end)
        nearby = quoted[max(0, bisect.bisect_right(starts, start) - 1) : bisect.bisect_left(starts, end)]
        cuts = sorted({start, end, *(c for q in nearby for c in q if start < c < end)})
        for low, high in zip(cuts, cuts[1:]):
            inside = any(q_start <= low and high <= q_end for q_start, q_end in nearby)
            pieces.append((low, high, not inside and is_wordy(run_text(fragment, low, high))))
    return pieces


def run_text(fragment: Fragment, start: int, end: int) -> str:
    chars: list[str] = []
    decode_into(fragment.source, start, end, chars, [])
    return "".join(chars).strip(_EDGE_SPACE)


def render_runs(fragment: Fragment, unit: Unit, translated: dict[tuple[int, int], str]) -> str:
    """The unit's core markup with each text run replaced by its own translation (tags where they were)."""
    edits = [(part.start, part.end, _part_markup(fragment, part)) for part in unit.parts if part.kind != "text"]
    for (start, end), text in translated.items():
        raw = fragment.source[start:end]
        leading = raw[: len(raw) - len(raw.lstrip(_EDGE_SPACE))]
        trailing = raw[len(raw.rstrip(_EDGE_SPACE)) :]
        edits.append((start, end, leading + fragment.escape(text) + trailing))
    return _spliced(fragment.source, unit.start, unit.end, edits)


def copy_markup(fragment: Fragment) -> str:
    """The translated fragment: unit cores replaced by their renderings, translated attribute values set."""
    edits = [(unit.start, unit.end, fragment.renderings[number])
             for number, unit in enumerate(fragment.units) if number in fragment.renderings]
    inside = _tokens_inside(fragment)
    edits += [(fragment.tokens[token].start, fragment.tokens[token].end, markup)
              for token, markup in fragment.final_tags.items() if token not in inside]
    return _spliced(fragment.source, 0, len(fragment.source), edits)


def is_intact(fragment: Fragment, copy: str) -> bool:
    """The invariant: the copy is well nested and an HTML5 parser builds the source's elements from it."""
    return is_well_nested_with_signature(copy, fragment.expected)


def is_well_nested_with_signature(copy: str, expected: list) -> bool:
    try:
        tree.partners(tokenize(copy))
    except (TokenizeError, tree.NestingError, tree.TooDeepError):
        return False
    return tree.signature(copy) == expected


def _tokens_inside(fragment: Fragment) -> set[int]:
    """Tags inside a rendered unit core: their markup is already in that rendering."""
    return {part.token for number, unit in enumerate(fragment.units) if number in fragment.renderings
            for part in unit.parts if part.kind == "tag"}


def set_attribute_values(fragment: Fragment, values: dict[int, str]) -> None:
    """Record the translated attribute values (attribute index -> value) and the tags they change."""
    fragment.attribute_values = values
    fragment.final_tags = _final_tags(fragment)


def _final_tags(fragment: Fragment) -> dict[int, str]:
    """{token index: the tag's markup with its translated attribute values}, for tags that have some."""
    by_token: dict[int, list[tuple[AttributeText, str]]] = {}
    for number, attribute in enumerate(fragment.layout.attributes):
        if number in fragment.attribute_values:
            by_token.setdefault(attribute.token, []).append((attribute, fragment.attribute_values[number]))
    final = {}
    for token_index, values in by_token.items():
        token = fragment.tokens[token_index]
        edits = [(a.value_start, a.value_end, _attribute_value(value, a.quote)) for a, value in values]
        final[token_index] = _spliced(fragment.source, token.start, token.end, edits)
    return final


def _attribute_value(value: str, quote: str) -> str:
    escaped = value.replace("&", "&amp;")
    if quote == "'":
        return escaped.replace("'", "&#39;")
    escaped = escaped.replace('"', "&quot;")
    return escaped if quote == '"' else f'"{escaped}"'


def _part_markup(fragment: Fragment, part: Part) -> str:
    if part.kind == "tag":
        return fragment.final_tags.get(part.token) or fragment.source[part.start : part.end]
    return fragment.source[part.start : part.end]


def _spliced(source: str, start: int, end: int, edits: list[tuple[int, int, str]]) -> str:
    pieces, position = [], start
    for edit_start, edit_end, text in sorted(edits):
        pieces += [source[position:edit_start], text]
        position = edit_end
    pieces.append(source[position:end])
    return "".join(pieces)


def _escaper(source: str):
    """Escapes translated text for the copy: & < > always, and each character the source wrote as a
    named or numeric reference (&nbsp;, &mdash;, &#8217;) written the same way again."""
    references = {}
    for match in _CHARREF.finditer(source):
        char = html.unescape(match.group())
        if len(char) == 1 and not char.isascii():
            references.setdefault(char, match.group())
    table = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", **references})
    return lambda text: text.translate(table)
