"""The protected spans of an HTML fragment, with offsets into its markup (what `babelwire protect` shows)."""

from dataclasses import replace

from babelwire.translation.protection.glossary import Glossary
from babelwire.translation.round_trip.html import document
from babelwire.translation.round_trip.html.units import decode_into, is_sentinel, sentinel
from babelwire.translation.protection.policy import ProtectionPolicy
from babelwire.translation.protection.protect import find_spans
from babelwire.translation.protection.spans import Span


def find_html_spans(html: str, policy: ProtectionPolicy = ProtectionPolicy(), terms=(),
                    glossary: Glossary | None = None, target: str | None = None) -> tuple[list[Span], str | None]:
    """(the spans translation keeps verbatim, sorted, their text as the markup has it; the HTML5 repair of
    the fragment when it was not well nested, to which the offsets then refer, else None).

    Raises:
        InvalidHtmlError: as MarkupTranslator does.
    """
    fragment = document.parse(html, policy.quotes)
    source = fragment.source
    found = list(fragment.layout.quotes)
    for unit in fragment.units:
        marks = [sentinel(n) for n in range(len(unit.sentinel_parts))]
        found += _mapped(find_spans(unit.text, policy, [*terms, *marks], glossary, target), unit.offsets, source)
    for attribute in fragment.layout.attributes:
        chars, offsets = [], []
        decode_into(source, attribute.value_start, attribute.value_end, chars, offsets)
        offsets.append(attribute.value_end)
        found += _mapped(find_spans("".join(chars), policy, terms, glossary, target), offsets, source)
    return sorted(found, key=lambda span: span.start), fragment.source if fragment.repair_reason else None


def _mapped(spans: list[Span], offsets: list[int], source: str) -> list[Span]:
    mapped = []
    for span in spans:
        if is_sentinel(span.text):
            continue
        start, end = offsets[span.start], offsets[span.end]
        mapped.append(replace(span, start=start, end=end, text=source[start:end]))
    return mapped
