"""Which kinds of span the masker protects. Detection is separate from policy."""

from dataclasses import dataclass

from translation.spans import SpanKind


@dataclass(frozen=True, slots=True)
class ProtectionPolicy:
    quotes: bool = True
    names: bool = True
    urls: bool = True
    emails: bool = True
    handles: bool = True
    hashtags: bool = True
    numbers: bool = True
    terms: bool = True

    def allows(self, kind: SpanKind) -> bool:
        return getattr(self, _FIELD_OF_KIND[kind])


_FIELD_OF_KIND = {
    SpanKind.QUOTE: "quotes",
    SpanKind.NAME: "names",
    SpanKind.URL: "urls",
    SpanKind.EMAIL: "emails",
    SpanKind.HANDLE: "handles",
    SpanKind.HASHTAG: "hashtags",
    SpanKind.NUMBER: "numbers",
    SpanKind.TERM: "terms",
}
