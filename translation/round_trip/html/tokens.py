"""A position-exact HTML tokenizer: every token is a [start, end) range of the source.

babelwire never re-serialises a parsed tree: the copy is the source with translated text spliced in, so
entities, attribute quoting, comments and whitespace come back byte for byte. That needs a tokenizer that
says exactly where each tag starts and ends. This one follows the HTML5 tokenizer's main states (tags,
attributes in three quotings, comments, bogus comments and declarations, raw-text elements such as
<script>), in one left-to-right pass with anchored regular expressions, so its time is linear in the input.
Where the source ends inside a tag or a quoted attribute it raises `TokenizeError`: the caller then lets an
HTML5 parser repair the fragment (see tree.py) instead of guessing.
"""

import re
from dataclasses import dataclass

# Elements whose content is not markup until their own end tag (HTML5 raw text and escapable raw text).
RAW_TEXT_ELEMENTS = frozenset({"script", "style", "xmp", "iframe", "noembed", "noframes", "textarea", "title",
                               "noscript", "plaintext"})

FOREIGN_ELEMENTS = frozenset({"svg", "math"})

_TAG_OPEN = re.compile(r"<(/?)([a-zA-Z][^\s/>]*)")
# HTML5 lets a name start with anything but space, "/" and ">" (quotes too: '<a "b">' has an attribute '"b"').
# A value opened by a quote that never closes runs to the end of the source, which ends inside the tag.
_ATTRIBUTE = re.compile(r"""[\s/]*(?:([^\s/>][^\s/>=]*)"""
                        r"""(?:\s*=\s*("[^"]*"|'[^']*'|["'][\s\S]*|[^\s>"'][^\s>]*|))?)?""")
_TAG_CLOSE = re.compile(r"\s*(/?)>")


class TokenizeError(ValueError):
    """The source cannot be split into tags and text as written (it ends inside a tag, ...)."""


@dataclass(frozen=True, slots=True)
class Attribute:
    name: str  # lower-cased
    value: str | None  # raw, entities not decoded; None when the attribute has no value
    value_start: int  # offsets of the value in the source, quotes excluded (== end of name when no value)
    value_end: int
    quote: str  # '"', "'" or "" (unquoted or no value)


@dataclass(frozen=True, slots=True)
class MarkupToken:
    """A piece of HTML source by its offsets: a tag, a run of text or a comment (a word is `names.tokens.Token`)."""

    kind: str  # "start", "end", "text", "comment" (comments, declarations, CDATA, processing instructions)
    start: int
    end: int
    name: str = ""  # lower-cased tag name for "start" and "end"
    attributes: tuple[Attribute, ...] = ()
    self_closing: bool = False


def tokenize(source: str) -> list[MarkupToken]:
    """The tokens of `source`, in order, covering it without gaps. Raises TokenizeError."""
    tokens: list[MarkupToken] = []
    position, length = 0, len(source)
    foreign = 0  # open <svg> and <math> elements: inside them no element's content is raw text
    while position < length:
        lt = source.find("<", position)
        if lt == -1:
            tokens.append(MarkupToken("text", position, length))
            break
        if lt > position:
            tokens.append(MarkupToken("text", position, lt))
        token = _markup_at(source, lt)
        if token is None:  # a "<" that opens nothing is text, as in HTML5
            tokens.append(MarkupToken("text", lt, lt + 1))
            position = lt + 1
            continue
        tokens.append(token)
        position = token.end
        foreign = max(0, foreign + _foreign_change(token))
        if token.kind == "start" and token.name in RAW_TEXT_ELEMENTS and not token.self_closing and not foreign:
            position = _raw_text(source, token, tokens)
    return _merged_text(tokens)


def _foreign_change(token: MarkupToken) -> int:
    if token.name not in FOREIGN_ELEMENTS or token.self_closing:
        return 0
    return {"start": 1, "end": -1}.get(token.kind, 0)


def _markup_at(source: str, lt: int) -> MarkupToken | None:
    if source.startswith("<!--", lt):
        return _comment(source, lt)
    bogus_end = source.startswith("</", lt) and _bogus_end(source, lt)
    if source.startswith("<!", lt) or source.startswith("<?", lt) or bogus_end:
        end = source.find(">", lt)
        if end == -1:
            raise TokenizeError(f"the markup ends inside a declaration opened at offset {lt}")
        return MarkupToken("comment", lt, end + 1)
    match = _TAG_OPEN.match(source, lt)
    if match is None:
        return None
    return _tag(source, lt, match)


def _bogus_end(source: str, lt: int) -> bool:
    """"</" not followed by a letter: "</>" is dropped and "</ x>" a bogus comment in HTML5."""
    return lt + 2 >= len(source) or not source[lt + 2].isascii() or not source[lt + 2].isalpha()


def _comment(source: str, lt: int) -> MarkupToken:
    end = source.find("-->", lt + 4)
    if source.startswith("<!-->", lt) or source.startswith("<!--->", lt):
        return MarkupToken("comment", lt, source.find(">", lt) + 1)
    if end == -1:
        raise TokenizeError(f"the markup ends inside a comment opened at offset {lt}")
    return MarkupToken("comment", lt, end + 3)


def _tag(source: str, lt: int, match: re.Match) -> MarkupToken:
    closing, name = match.group(1) == "/", match.group(2).lower()
    position, attributes, seen = match.end(), [], set()
    while True:
        close = _TAG_CLOSE.match(source, position)
        if close is not None:
            kind = "end" if closing else "start"
            return MarkupToken(kind, lt, close.end(), name, tuple(attributes), self_closing=close.group(1) == "/")
        attribute = _ATTRIBUTE.match(source, position)
        if attribute.end() == position:
            raise TokenizeError(f"the markup ends inside the tag <{name}> at offset {lt}")
        position = attribute.end()
        if attribute.group(1) is not None and attribute.group(1).lower() not in seen:
            seen.add(attribute.group(1).lower())  # HTML5 keeps the first of repeated attributes
            attributes.append(_attribute(attribute))
        if position >= len(source):
            raise TokenizeError(f"the markup ends inside the tag <{name}> at offset {lt}")


def _attribute(match: re.Match) -> Attribute:
    name, value = match.group(1).lower(), match.group(2)
    if value is None:
        return Attribute(name, None, match.end(1), match.end(1), "")
    quote = value[0] if value[:1] in ('"', "'") else ""
    start = match.start(2) + len(quote)
    end = match.end(2) - len(quote)
    return Attribute(name, value[len(quote) : len(value) - len(quote)], start, end, quote)


def _raw_text(source: str, token: MarkupToken, tokens: list[MarkupToken]) -> int:
    """Skip the content of a raw-text element up to its end tag; returns the offset after that end tag."""
    if token.name == "plaintext":
        tokens.append(MarkupToken("text", token.end, len(source)))
        return len(source)
    closer = re.compile(rf"</{token.name}(?=[\s/>])", re.IGNORECASE)
    match = closer.search(source, token.end)
    if match is None:
        raise TokenizeError(f"the markup ends inside <{token.name}> opened at offset {token.start}")
    if match.start() > token.end:
        tokens.append(MarkupToken("text", token.end, match.start()))
    end_tag = _tag(source, match.start(), _TAG_OPEN.match(source, match.start()))
    tokens.append(end_tag)
    return end_tag.end


def _merged_text(tokens: list[MarkupToken]) -> list[MarkupToken]:
    """Adjacent text tokens (a stray "<" between two runs) as one."""
    merged: list[MarkupToken] = []
    for token in tokens:
        if token.kind == "text" and merged and merged[-1].kind == "text":
            merged[-1] = MarkupToken("text", merged[-1].start, token.end)
        else:
            merged.append(token)
    return merged
