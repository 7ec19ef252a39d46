"""Detectors for the machine-shaped spans: URLs, e-mail addresses, @handles, #hashtags, numbers and phones.

Every pattern is linear-time on any input: no nested quantifiers, and a look-behind anchors each
match at the start of a run, so a long run of matching characters is scanned once instead of once
per start position (the ReDoS that sacremoses guards against with a stress test).
"""

import re
from collections.abc import Iterator

from babelwire.translation.protection.spans import Span, SpanKind
from babelwire.translation.lexicon.wordlists import load

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

_SEPARATOR_SPACES = " \u00a0\u202f"  # "5 000", "5\u00a0000" (no-break), "5\u202f000" (narrow no-break)
_FIGURE = rf"(?:\d{{1,3}}(?:[{_SEPARATOR_SPACES}]\d{{3}})+|\d+)(?:[.,]\d+)*"  # 5 000 | 1,200.50 | 42.180.00
_RANGE = rf"{_FIGURE}(?:\s?[-–]\s?{_FIGURE})?"  # 10-12
_CODES = r"USD|EUR|GBP|UAH|CHF|JPY|RUB|PLN|CNY"
_CURRENCY_BEFORE = rf"(?:US\$|A\$|C\$|[$€£¥₴₽]|(?:{_CODES})\s?)"
_SYMBOL_AFTER = rf"(?:%|‰|\s?°[CF]?|\s?(?:{_CODES})(?![^\W_]))"  # signs that stay with their figure


def _alternatives(name: str) -> str:
    entries = load("babelwire.translation.lexicon", name)
    forms = sorted(list(entries.words) + [r"\s".join(phrase) for phrase in entries.phrases], key=len, reverse=True)
    return "|".join(form if "\\s" in form else re.escape(form) for form in forms)


_SCALE = _alternatives("scale_words")
_UNIT = _alternatives("unit_words")
# A figure starts a number, never in the middle of one: not after a word character, a separator, a
# currency sign, or a digit and a space (so "1 111 111 ..." is scanned once, not from every group).
_NUMBER_START = rf"(?<![\w.,$€£¥₴₽])(?<!\d[{_SEPARATOR_SPACES}])"
# What a number can start with, tested first so that most positions of a text fail after one character.
_NUMBER_FIRST = rf"(?=[\d+($€£¥₴₽]|US\$|[AC]\$|{_CODES})"
_NUMBER = re.compile(
    rf"{_NUMBER_FIRST}(?:(?P<phone>(?<![\w+])\+\d{{1,3}}(?:[ .-]?\(?\d{{1,4}}\)?){{2,5}}(?![\w])"
    rf"|(?<![\w(])\(\d{{3}}\)\s?\d{{3}}[-. ]\d{{4}}(?![\w])|(?<![\w-])\d{{3}}-\d{{3}}-\d{{4}}(?![\w-]))"
    rf"|(?P<currency>(?<![\w$€£¥₴₽]){_CURRENCY_BEFORE}{_RANGE}(?=(?i:{_SCALE})?(?![^\W_])))"
    rf"|{_NUMBER_START}(?P<symbol>{_RANGE}{_SYMBOL_AFTER})(?![^\W_])"
    rf"|{_NUMBER_START}(?P<unit>{_RANGE})(?=\s?(?i:(?:{_SCALE})\s)?(?i:{_UNIT})(?![^\W_])))"
)
_MIN_PHONE_DIGITS = 8
NUMBER_RULES = {
    "phone": "number: phone number",
    "currency": "number: amount with its currency sign",
    "symbol": "number: figure with its sign (%, °, currency code)",
    "unit": "number: figure before a unit word (the unit is translated)",
}


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
    """Phone numbers, amounts with a currency sign, figures with %, ° or a currency code, and the figure of
    a measure ("15" of "15 km", "2.5" of "2.5 million hryvnias").

    Scale and unit words ("million", "km", "hryvnias") are left to the model, which has its own form of
    them. Bare counts and dates ("1,200 people", "December 6") are translated too.
    """
    spans = []
    for match in _NUMBER.finditer(text):
        kind = match.lastgroup
        if kind == "phone" and sum(c.isdigit() for c in match.group()) < _MIN_PHONE_DIGITS:
            continue
        start, end = match.span(kind)
        spans.append(Span(SpanKind.NUMBER, start, end, text[start:end], rule=NUMBER_RULES[kind]))
    return spans


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
