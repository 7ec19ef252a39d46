"""Detectors for the machine-shaped spans: URLs, e-mail addresses, @handles, #hashtags, numbers.

Every pattern is linear-time on any input: no nested quantifiers, and a look-behind anchors each
match at the start of a run, so a long run of matching characters is scanned once instead of once
per start position (the ReDoS that sacremoses guards against with a stress test).
"""

import re
from collections.abc import Iterator

from translation.spans import Span, SpanKind

# Closing punctuation that ends a sentence around a URL rather than belonging to it.
_URL_TRAILING = ".,;:!?'\"”’»)]}"

_URL = re.compile(
    r"(?<![\w@./-])"
    r"(?:(?:https?|ftp)://|www\.)"
    r"[^\s<>\"“”«»{}|\\^`]+",
    re.IGNORECASE,
)
_BARE_DOMAIN = re.compile(
    r"(?<![\w@./-])"
    r"[a-z0-9][a-z0-9-]*\.(?:com|org|net|gov|edu|int|io|info|news|ua|uk|de|fr|eu|ru|pl)"
    r"(?:/[^\s<>\"“”«»{}|\\^`]*)?"
    r"(?![\w@.-]*[\w@-])",
    re.IGNORECASE,
)
_EMAIL = re.compile(
    r"(?<![\w.%+-])[\w.%+-]+@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9-]+)+",
    re.IGNORECASE,
)
_HANDLE = re.compile(r"(?<![\w@./])@[A-Za-z0-9_]{1,30}(?![\w@])")
_HASHTAG = re.compile(r"(?<![\w#&/])#(?:[^\W\d]|\d+[^\W\d])\w*")

_CURRENCY_BEFORE = r"(?:US\$|A\$|C\$|[$€£¥₴₽]|(?:USD|EUR|GBP|UAH|CHF|JPY|RUB)\s?)"
_UNITS = (
    r"%|\s?(?:per\s?cent|percent|percentage points?|pp"
    r"|km/h|km²|km|kms|m²|mm|cm|kg|mg|g|t|lb|lbs|mph|kW|MW|GW|kWh|MWh|GWh|°C|°F"
    r"|USD|EUR|GBP|UAH|CHF|JPY|RUB|hryvnias?|dollars?|euros?|pounds?|cents?"
    r"|bn|mln|million|billion|trillion|thousand|[kmb])"
)
_AMOUNT = r"\d+(?:[.,]\d+)*"
_NUMBER = re.compile(
    rf"(?<![\w.,$€£¥₴₽])(?:(?P<cur>{_CURRENCY_BEFORE}){_AMOUNT}(?:\s?(?:bn|mln|million|billion|trillion|[kmb])\b)?"
    rf"|{_AMOUNT}(?P<unit>{_UNITS})(?![^\W_])"
    rf"|\d+[.,]\d+(?:[.,]\d+)*)"
    r"(?![\w])",
    re.IGNORECASE,
)


def find_urls(text: str) -> list[Span]:
    spans = [_trim_url(match, text) for match in _URL.finditer(text)]
    spans += [_trim_url(match, text) for match in _BARE_DOMAIN.finditer(text)]
    return sorted((span for span in spans if span is not None), key=lambda span: span.start)


def find_emails(text: str) -> list[Span]:
    return list(_spans(_EMAIL.finditer(text), SpanKind.EMAIL, text))


def find_handles(text: str) -> list[Span]:
    return list(_spans(_HANDLE.finditer(text), SpanKind.HANDLE, text))


def find_hashtags(text: str) -> list[Span]:
    return list(_spans(_HASHTAG.finditer(text), SpanKind.HASHTAG, text))


def find_numbers(text: str) -> list[Span]:
    """Amounts with a currency, numbers with a unit or percent sign, and numbers with separators.

    Bare integers ("December 6", "21") are left to the model: dates and counts are translated.
    """
    return [_trim_number(match, text) for match in _NUMBER.finditer(text)]


def _spans(matches: Iterator[re.Match], kind: SpanKind, text: str) -> Iterator[Span]:
    for match in matches:
        yield Span(kind, match.start(), match.end(), text[match.start() : match.end()])


def _trim_url(match: re.Match, text: str) -> Span | None:
    start, end = match.start(), match.end()
    while end > start and text[end - 1] in _URL_TRAILING and not _closes_bracket_inside(text[start:end]):
        end -= 1
    if end - start < 4:
        return None
    return Span(SpanKind.URL, start, end, text[start:end])


def _closes_bracket_inside(url: str) -> bool:
    """A trailing ')' belongs to the URL when the URL opened it (Wikipedia links)."""
    closing = url[-1]
    opening = {")": "(", "]": "[", "}": "{"}.get(closing)
    return opening is not None and url.count(opening) >= url.count(closing)


def _trim_number(match: re.Match, text: str) -> Span:
    start, end = match.start(), match.end()
    while end > start and text[end - 1] in ".,":
        end -= 1
    return Span(SpanKind.NUMBER, start, end, text[start:end])
