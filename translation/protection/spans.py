"""Protected spans: the parts of a source text that must come back verbatim."""

from dataclasses import dataclass, replace
from enum import StrEnum


class SpanKind(StrEnum):
    QUOTE = "quote"
    NAME = "name"
    URL = "url"
    EMAIL = "email"
    HANDLE = "handle"
    HASHTAG = "hashtag"
    NUMBER = "number"
    TERM = "term"  # glossary or per-item do-not-translate term


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open character range [start, end) of the source, and what it is.

    `replacement` is the text to put back in place of the span: the source text itself,
    except for glossary terms that have a rendering in the target language. `rule` names the detector
    rule that produced the span ("name: dateline", "quote: continued", "number: amount"), for audits;
    `type`, for a name, what it names (the policy reads it: people are rendered in another script).
    """

    kind: SpanKind
    start: int
    end: int
    text: str
    replacement: str | None = None
    rule: str | None = None
    type: str | None = None  # a name's type: "person", "organisation", "place", "other" (babelwire.translation.protection.name_types)

    @property
    def restored_text(self) -> str:
        """The text that comes back in the span's place: its glossary rendering, else the span itself."""
        return self.text if self.replacement is None else self.replacement

    def shifted(self, offset: int) -> "Span":
        """The same span with its offsets moved by `offset` (negative: relative to a sentence's start)."""
        return replace(self, start=self.start + offset, end=self.end + offset)

    def as_dict(self) -> dict:
        return {"kind": str(self.kind), "start": self.start, "end": self.end, "text": self.text, "rule": self.rule,
                "type": self.type}
