"""Translation units of an HTML fragment: the runs of inline content between block boundaries.

A unit is what a reader sees as one paragraph: the text of a <p>, <li>, <td>, <h2>, ... with its inline
markup (<a>, <b>, <em>, <br>, ...). Inline tags stay in the unit as sentinel characters (one private-use
character per tag), which the Translator protects like any do-not-translate term, so each tag travels
through the model as a placeholder tied to the words around it and comes back exactly once. Elements whose
content is not prose (<script>, <code>, <pre>, <iframe>, comments, ...) and, under the quote policy,
<q> and <blockquote> are atoms: one sentinel for the whole element, kept byte for byte.
"""

import html
import re
from dataclasses import dataclass, field

from babelwire.translation.round_trip.html.tokens import MarkupToken
from babelwire.translation.round_trip.html.tree import TRANSLATED_ATTRIBUTES
from babelwire.translation.protection.spans import Span, SpanKind

INLINE_ELEMENTS = frozenset({
    "a", "abbr", "acronym", "b", "bdi", "bdo", "big", "br", "cite", "data", "del", "dfn", "em", "font", "i", "img",
    "ins", "label", "mark", "nobr", "q", "rb", "rp", "rt", "ruby", "s", "small", "span", "strike", "strong", "sub",
    "sup", "time", "tt", "u", "wbr",
})
# Content that is not prose: kept byte for byte, with everything inside it.
OPAQUE_ELEMENTS = frozenset({
    "audio", "canvas", "code", "embed", "iframe", "kbd", "math", "noembed", "noframes", "noscript", "object",
    "plaintext", "pre", "samp", "script", "select", "style", "svg", "template", "textarea", "title", "video", "xmp",
})
QUOTE_ELEMENTS = frozenset({"q", "blockquote"})
QUOTE_ELEMENT_RULE = "quote: <q> or <blockquote> element"  # the audit rule `babelwire protect` shows for them
# Opaque elements that are blocks: they also end the unit before them.
_OPAQUE_BLOCKS = frozenset({"pre", "blockquote", "template", "plaintext"})

SENTINEL_BASE = 0xF0000  # Supplementary Private Use Area-A: no model and no real story uses these
# Every unit's tags are do-not-translate terms of its whole document, and each text's term pattern grows with
# them: past this many tags in one paragraph (no real story has them) its text runs are translated apart.
MAX_SENTINELS = 256
_SENTINELS = re.compile("[\U000F0000-\U000FFFFD]")
_CHARREF = re.compile(r"&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\t\n\f <&#;]{1,32};?)")
_SPACE = re.compile(r"[ \t\n\r\f]+")
WORD_CHARACTER = re.compile(r"[^\W_]")


@dataclass(frozen=True, slots=True)
class Part:
    kind: str  # "text", "tag" (an inline start or end tag, or a void inline element) or "atom"
    start: int
    end: int
    token: int = -1  # index of the tag's token


@dataclass(slots=True)
class Unit:
    parts: list[Part]  # the core: what is translated (edge tags and edge whitespace stay outside)
    start: int  # source range of the core
    end: int
    text: str = ""  # the core as plain text, one sentinel per tag or atom, whitespace collapsed
    offsets: list[int] = field(default_factory=list)  # source offset of each character of `text`, and the end
    sentinel_parts: list[int] = field(default_factory=list)  # part index of sentinel i
    runs_only: bool = False  # too many tags, or sentinel characters in the source: translate text runs only

    @property
    def wordy(self) -> bool:
        return bool(WORD_CHARACTER.search(_SENTINELS.sub("", self.text)))


@dataclass(frozen=True, slots=True)
class Layout:
    units: list[Unit]  # the units with words in them
    attributes: list["AttributeText"]  # translatable attribute values
    quotes: list[Span]  # <q> and <blockquote> elements kept as quotes, offsets into the source


@dataclass(frozen=True, slots=True)
class AttributeText:
    token: int  # index of the start tag
    name: str
    text: str  # the value, entities decoded and whitespace collapsed
    value_start: int
    value_end: int
    quote: str


def sentinel(number: int) -> str:
    return chr(SENTINEL_BASE + number)


def sentinel_number(char: str) -> int:
    return ord(char) - SENTINEL_BASE


def is_sentinel(text: str) -> bool:
    return len(text) == 1 and _SENTINELS.match(text) is not None


def find_sentinels(text: str) -> list[int]:
    return [sentinel_number(match.group()) for match in _SENTINELS.finditer(text)]


def is_wordy(text: str) -> bool:
    return bool(WORD_CHARACTER.search(text))


def find_units(source: str, tokens: list[MarkupToken], pairs: dict[int, int], keep_quotes: bool) -> Layout:
    """The units, translatable attribute values and kept quotes of a well-nested fragment."""
    opaque = OPAQUE_ELEMENTS | QUOTE_ELEMENTS if keep_quotes else OPAQUE_ELEMENTS
    units, attributes, quotes, current = [], [], [], []
    partner = {**pairs, **{end: start for start, end in pairs.items()}}
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token.kind == "text":
            current.append(Part("text", token.start, token.end))
        elif token.kind == "comment":
            current.append(Part("atom", token.start, token.end))
        elif token.kind == "start" and token.name in opaque:
            if token.name in _OPAQUE_BLOCKS:
                _flush(source, current, partner, units)
            closing = pairs.get(index, index)
            current.append(Part("atom", token.start, tokens[closing].end))
            if token.name in QUOTE_ELEMENTS:
                quotes.append(_quote_element(source, token.start, tokens[closing].end))
            index = closing
        elif token.name in INLINE_ELEMENTS:
            current.append(Part("tag", token.start, token.end, index))
        else:
            _flush(source, current, partner, units)
        if token.kind == "start" and token.name not in opaque:
            attributes += _attribute_texts(index, token)
        index += 1
    _flush(source, current, partner, units)
    return Layout(units, attributes, quotes)


def _quote_element(source: str, start: int, end: int) -> Span:
    return Span(SpanKind.QUOTE, start, end, source[start:end], rule=QUOTE_ELEMENT_RULE)


def _flush(source: str, parts: list[Part], partner: dict[int, int], units: list[Unit]) -> None:
    """End the unit being built: keep it if it has words, then start a new one. `partner` maps each start
    tag's token to its end tag's and back."""
    core = _peeled(source, parts, partner)
    parts.clear()
    if core is None:
        return
    unit = _with_text(source, core)
    if unit.wordy:
        units.append(unit)


def _peeled(source: str, parts: list[Part], partner: dict[int, int]) -> Unit | None:
    """The unit without the tags and whitespace at its edges that need no translation: an element that
    wraps all of it (<p><b>...</b></p>), atoms, void tags, tags whose partner is in another unit."""
    in_unit = {part.token for part in parts if part.kind == "tag"}

    def loose(part: Part) -> bool:
        if part.kind == "atom":
            return True
        if part.kind == "text":
            return not source[part.start : part.end].strip(" \t\n\r\f")
        other = partner.get(part.token)
        return other is None or other not in in_unit

    low, high = 0, len(parts) - 1
    while low <= high:
        if loose(parts[low]):
            low += 1
        elif loose(parts[high]):
            high -= 1
        elif parts[low].kind == "tag" and partner.get(parts[low].token) == parts[high].token > parts[low].token:
            low, high = low + 1, high - 1
        else:
            break
    if low > high:
        return None
    core = parts[low : high + 1]
    start, end = core[0].start, core[-1].end
    if core[0].kind == "text":
        raw = source[start:end] if len(core) == 1 else source[start : core[0].end]
        start += len(raw) - len(raw.lstrip(" \t\n\r\f"))
    if core[-1].kind == "text":
        raw = source[core[-1].start : end]
        end -= len(raw) - len(raw.rstrip(" \t\n\r\f"))
    return Unit(core, start, end)


def _with_text(source: str, unit: Unit) -> Unit:
    chars: list[str] = []
    offsets: list[int] = []
    for number, part in enumerate(unit.parts):
        if part.kind == "text":
            decode_into(source, max(part.start, unit.start), min(part.end, unit.end), chars, offsets)
        else:
            unit.sentinel_parts.append(number)
            chars.append(sentinel(len(unit.sentinel_parts) - 1))
            offsets.append(part.start)
    offsets.append(unit.end)
    unit.text, unit.offsets = "".join(chars), offsets
    raw_text = "".join(source[p.start : p.end] for p in unit.parts if p.kind == "text")
    unit.runs_only = len(unit.sentinel_parts) > MAX_SENTINELS or _SENTINELS.search(raw_text) is not None
    return unit


def decode_into(source: str, start: int, end: int, chars: list[str], offsets: list[int]) -> None:
    """The text of source[start:end] with entities decoded and whitespace runs as one space, each
    character's source offset beside it."""
    position = start
    for match in _CHARREF.finditer(source, start, end):
        _plain_into(source, position, match.start(), chars, offsets)
        decoded = html.unescape(match.group())
        chars.append(decoded)
        offsets.extend([match.start()] * len(decoded))
        position = match.end()
    _plain_into(source, position, end, chars, offsets)


def _plain_into(source: str, start: int, end: int, chars: list[str], offsets: list[int]) -> None:
    position = start
    for match in _SPACE.finditer(source, start, end):
        chars.append(source[position : match.start()])
        offsets.extend(range(position, match.start()))
        chars.append(" ")
        offsets.append(match.start())
        position = match.end()
    chars.append(source[position:end])
    offsets.extend(range(position, end))


def _attribute_texts(index: int, token: MarkupToken) -> list[AttributeText]:
    found = []
    for attribute in token.attributes:
        text = _SPACE.sub(" ", html.unescape(attribute.value or "")).strip(" ")
        if attribute.name in TRANSLATED_ATTRIBUTES and is_wordy(text):
            found.append(AttributeText(index, attribute.name, text, attribute.value_start, attribute.value_end,
                                       attribute.quote))
    return found
