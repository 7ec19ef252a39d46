"""The shape of an HTML fragment: is it well nested, what elements does an HTML5 parser build from it,
and the HTML5 parser's repair of a fragment that is not well nested.

The HTML5 parser is lexbor (through selectolax): it builds the tree a browser builds, in linear time,
at any depth (see benchmarks/html_parsers.py for the comparison with html5lib and lxml).
"""

from selectolax.lexbor import LexborHTMLParser

from babelwire.translation.round_trip.html.tokens import FOREIGN_ELEMENTS, MarkupToken  # in foreign content "<x/>" closes x

# Elements that never have content or an end tag.
VOID_ELEMENTS = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
                           "source", "track", "wbr", "keygen", "basefont", "bgsound", "frame"})
# Browsers stop nesting at this depth (Blink's HTML parser flattens deeper elements), so a deeper fragment
# would render differently from its markup: it is refused rather than translated.
MAX_DEPTH = 512
# Attributes whose values are translated; the structure check ignores their values.
TRANSLATED_ATTRIBUTES = frozenset({"alt", "title"})


class NestingError(ValueError):
    """The tokens are not well nested (an unclosed, stray or misnested tag)."""


class TooDeepError(ValueError):
    """Elements nest deeper than MAX_DEPTH; `offset`: where the element past the limit starts."""

    def __init__(self, message: str, offset: int):
        super().__init__(message)
        self.offset = offset


def partners(tokens: list[MarkupToken]) -> dict[int, int]:
    """{index of a start tag: index of its end tag} for a well-nested token list.

    Well nested means: every element other than a void one is closed by its own end tag, in order, and
    "<x/>" only where it closes x (void and foreign elements). HTML's optional end tags ("<p>a<p>b") are
    not accepted here: the HTML5 parser writes them out first (see `normalised`).

    Raises:
        NestingError: with the first offending tag and its offset.
        TooDeepError: elements nest deeper than MAX_DEPTH.
    """
    stack: list[int] = []
    foreign = 0  # how many of the open elements are svg/math
    pairs: dict[int, int] = {}
    for index, token in enumerate(tokens):
        if token.kind == "start":
            if token.name in VOID_ELEMENTS or token.self_closing and foreign:
                continue
            if token.self_closing:
                raise NestingError(f"<{token.name}/> at offset {token.start} does not close an HTML element")
            stack.append(index)
            foreign += token.name in FOREIGN_ELEMENTS
            if len(stack) > MAX_DEPTH:
                raise TooDeepError(f"elements nest deeper than {MAX_DEPTH} levels (at offset {token.start}), "
                                   f"past what browsers build", token.start)
        elif token.kind == "end":
            if not stack or tokens[stack[-1]].name != token.name:
                expected = f"</{tokens[stack[-1]].name}>" if stack else "no end tag"
                raise NestingError(f"</{token.name}> at offset {token.start} where {expected} was due")
            opened = stack.pop()
            foreign -= tokens[opened].name in FOREIGN_ELEMENTS
            pairs[opened] = index
    if stack:
        token = tokens[stack[-1]]
        raise NestingError(f"<{token.name}> at offset {token.start} is never closed")
    return pairs


# Parsed in standards mode, as in the page a partner site renders the fragment into (without a doctype an
# HTML5 parser reads in quirks mode, where "<p><table>" nests differently).
_STANDARDS_MODE = "<!DOCTYPE html>"


def signature(html: str) -> list[tuple[str, tuple[tuple[str, str | None], ...]]]:
    """The elements an HTML5 parser builds from `html`, in document order, each with its attributes
    (names and values; the values of alt and title are left out, since they are translated). An attribute
    written without a value ("<td nowrap>") has the empty string as its value in the DOM, as "nowrap=\"\"" has:
    lexbor tells them apart, the HTML5 repair writes the second, and a browser builds the same element."""
    parser = LexborHTMLParser(_STANDARDS_MODE + html)
    return [
        (node.tag, tuple((name, None if name in TRANSLATED_ATTRIBUTES else value or "")
                         for name, value in node.attributes.items()))
        for node in parser.root.traverse()
        if node.is_element_node
    ]


def normalised(html: str) -> str:
    """`html` as an HTML5 parser reads it, written back with every element closed explicitly."""
    parser = LexborHTMLParser(_STANDARDS_MODE + html)
    return (parser.head.inner_html if parser.head else "") + (parser.body.inner_html if parser.body else "")
