"""Which HTML5 parser judges and repairs body_html: lexbor (through selectolax) against html5lib, with lxml
for reference.

    .venv/bin/pip install -e '.[bench]' && .venv/bin/python benchmarks/html_parsers.py

What babelwire needs from the parser (it never re-serialises a story it can splice, see translation/round_trip/html):
  1. the tree a browser builds (WHATWG HTML), to check every copy's elements against the source's;
  2. a repair it reads back the same way (parse(serialise(parse(x))) == parse(x)): a malformed source is
     translated in its repaired form;
  3. linear time and no depth limit below what browsers build (512): a megabyte of markup, 10,000 levels.
Measured: babelwire's HTML path on a 1 MB story (pseudo engine) against the same text as plain text; time
to parse and list the elements of a story body (the seed article as HTML) at 100 kB and
1 MB, of 10,000 nested <div>s and of 100 kB of misnested tags; agreement with html5lib (the spec's own
reference implementation in Python) on tricky fragments; repairs read back the same on random tag soup.
"""

import json
import random
import time
from pathlib import Path

import html5lib
import html5lib.serializer
import lxml.etree
import lxml.html
from selectolax.lexbor import LexborHTMLParser

_ROOT = Path(__file__).resolve().parents[2]
SEED = _ROOT / "shared" / "examples" / "unn-2025-12-06.txt"
RESULTS = Path(__file__).parent / "results" / "html_parsers.json"
DOCTYPE = "<!DOCTYPE html>"

TRICKY = [
    "<p><b>bold <i>both</b> italic</i></p>", "<p>one<p>two<li>three", "<div><span>never closed</div>",
    "a < b and c <3 d", "<p>x <![CDATA[ y ]]> z</p>", "<p>a <script>if (a < b) x('</p>')</script> b</p>",
    "<td>cell outside a table</td>", "<table>text<tr><td>a</td></tr></table>", "<p>text</ br> more</p>",
    "<svg><circle r='1'/><text>t</text></svg><p>after</p>", "<a href=1><div><a href=2>x</a></div></a>",
    "<p><table><p>in</p></table>", "<b><p>a</b>b</p>", "<ul><li>a<li>b</ul><li>c", "<select><b>x</b></select>",
    "<p title=\"unterminated>text</p>", "<form><form>x</form></form>", "<h1><h2>x</h2></h1>", "<nobr><nobr>x",
    "<!-- never closed <p>x</p>", "<image src=x>", "<isindex>", "<frameset>", "<math><mi>x</mi></math>",
]
SOUP = ["<p>", "</p>", "<b>", "</b>", "<i>", "</i>", "<a href=x>", "</a>", "<br>", "<li>", "</li>", "<div>",
        "</div>", "<table>", "<td>", "</table>", "<tr>", "<q>", "</q>", "<!-- c -->", "<", "&amp;", "text "]


def lexbor_elements(html: str) -> list:
    return [(n.tag, tuple(n.attributes.items())) for n in LexborHTMLParser(DOCTYPE + html).root.traverse()
            if n.is_element_node]


def lexbor_serialised(html: str) -> str:
    parser = LexborHTMLParser(DOCTYPE + html)
    return parser.head.inner_html + parser.body.inner_html


def html5lib_elements(html: str) -> list:
    root = html5lib.parse(DOCTYPE + html, treebuilder="etree", namespaceHTMLElements=False)
    return [(node.tag.split("}")[-1], tuple(node.attrib.items())) for node in root.iter() if isinstance(node.tag, str)]


def html5lib_serialised(html: str) -> str:
    root = html5lib.parse(DOCTYPE + html, treebuilder="etree", namespaceHTMLElements=False)
    walker = html5lib.getTreeWalker("etree")
    serializer = html5lib.serializer.HTMLSerializer(omit_optional_tags=False, quote_attr_values="always")
    parts = [serializer.render(walker(child)) for part in ("head", "body") for child in root.find(part)]
    texts = [root.find(part).text or "" for part in ("head", "body")]
    return texts[0] + "".join(parts)  # children carry their own tails


def lxml_elements(html: str) -> list:
    """lxml (libxml2's HTML 4 parser) has no HTML5 tree builder; its document elements, as the others'."""
    try:
        root = lxml.html.document_fromstring(DOCTYPE + html)
    except lxml.etree.ParserError:  # "Document is empty"
        return [("html", ()), ("head", ()), ("body", ())]
    elements = [(node.tag, tuple(node.attrib.items())) for node in root.iter() if isinstance(node.tag, str)]
    return elements if any(tag == "head" for tag, _ in elements) else [elements[0], ("head", ()), *elements[1:]]


PARSERS = {"lexbor (selectolax)": lexbor_elements, "html5lib": html5lib_elements, "lxml": lxml_elements}


def story(size: int) -> str:
    paragraphs = [p.strip() for p in SEED.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    one = "".join(f'<p>{p[:20]}<a href="https://example.org/x?a=1&amp;b=2">{p[20:40]}</a><b>{p[40:]}</b></p>\n'
                  for p in paragraphs)
    return (one * (size // len(one) + 1))[:size].rsplit("</p>", 1)[0] + "</p>"


def timed(function, html: str) -> dict:
    started = time.perf_counter()
    try:
        elements = function(html)
    except Exception as error:  # a parser that cannot: recorded, not fatal
        return {"seconds": round(time.perf_counter() - started, 3), "error": type(error).__name__}
    depth = html.count("<div>") and sum(1 for tag, _ in elements if tag == "div")
    return {"seconds": round(time.perf_counter() - started, 3), "elements": len(elements), "divs": depth}


def markup_overhead(html: str) -> dict:
    """babelwire's HTML path on a 1 MB story with the pseudo engine, against its text alone as plain text."""
    from babelwire.translation.engines.pseudo import PseudoEngine
    from babelwire.translation.round_trip.html import Html, MarkupTranslator
    from babelwire.translation.round_trip.pipeline import Translator

    translator = Translator(PseudoEngine())
    text = lexbor_text(html)
    started = time.perf_counter()
    translator.translate(text, "uk")
    plain_s = time.perf_counter() - started
    started = time.perf_counter()
    result = MarkupTranslator(translator).translate(Html(html), "uk")
    html_s = time.perf_counter() - started
    return {"html_seconds": round(html_s, 2), "plain_text_seconds": round(plain_s, 2), "repairs": result.repairs}


def lexbor_text(html: str) -> str:
    return "\n\n".join(node.text() for node in LexborHTMLParser(html).css("p"))


def main() -> None:
    inputs = {"story 100 kB": story(100_000), "story 1 MB": story(1_000_000),
              "10,000 nested div": "<div>" * 10_000 + "x" + "</div>" * 10_000,
              "misnested 100 kB": "<p><b>a<i>b</b>c</i></p>" * 4_000}
    timing = {name: {parser: timed(function, html) for parser, function in PARSERS.items()}
              for name, html in inputs.items()}
    reference = {html: html5lib_elements(html) for html in TRICKY}
    agreement = {parser: sum(function(html) == reference[html] for html in TRICKY)
                 for parser, function in PARSERS.items()}
    differing = {parser: [html for html in TRICKY if function(html) != reference[html]]
                 for parser, function in PARSERS.items() if parser != "html5lib"}
    rng = random.Random(13)
    soups = ["".join(rng.choice(SOUP) for _ in range(rng.randint(1, 30))) for _ in range(500)]
    stable = {"lexbor (selectolax)": sum(lexbor_elements(lexbor_serialised(s)) == lexbor_elements(s) for s in soups),
              "html5lib": sum(html5lib_elements(html5lib_serialised(s)) == html5lib_elements(s) for s in soups)}
    results = {"markup_translator_1mb": markup_overhead(inputs["story 1 MB"]), "timing": timing,
               "agrees_with_html5lib": agreement, "tricky_fragments": len(TRICKY),
               "differs_from_html5lib": differing,
               "repair_read_back_the_same": stable, "tag_soups": len(soups)}
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
