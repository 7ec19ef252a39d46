"""Which kinds of span the masker protects. Detection is separate from policy."""

from dataclasses import dataclass

from translation.spans import SpanKind


@dataclass(frozen=True, slots=True)
class ProtectionPolicy:
    """Which spans come back verbatim. By default a desk's choice: quotes, people and proper-noun
    organisations are kept, while places, demonyms and institutions described in common words are
    translated (see `translation.own_names`). `strict()` keeps every name, as before."""

    quotes: bool = True
    names: bool = True
    urls: bool = True
    emails: bool = True
    handles: bool = True
    hashtags: bool = True
    numbers: bool = True
    terms: bool = True
    places: bool = False  # places, demonyms and holidays that languages have their own words for
    institutions: bool = False  # institution names built from common words ("Supreme Court")

    @classmethod
    def strict(cls) -> "ProtectionPolicy":
        """Every detected name kept verbatim, places and descriptive institutions included."""
        return cls(places=True, institutions=True)

    @classmethod
    def named(cls, name: str) -> "ProtectionPolicy":
        """"desk" (the default) or "strict"; ValueError for anything else."""
        if name not in POLICY_NAMES:
            raise ValueError(f"unknown protection policy {name!r}: use one of {', '.join(POLICY_NAMES)}")
        return cls.strict() if name == "strict" else cls()

    def allows(self, kind: SpanKind) -> bool:
        return getattr(self, _FIELD_OF_KIND[kind])


POLICY_NAMES = ("desk", "strict")

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
