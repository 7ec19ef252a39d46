"""Document translation: segment -> protect -> engine -> verify -> restore.

CONTRACT (fixed; implementation owned by the translation-core work):

    translator = Translator(engine, policy=ProtectionPolicy(), glossary=None)
    results = translator.translate_many(texts, target="uk", extra_terms=("Jane Doe",))
    result = translator.translate(text, target="uk")

`translate_many` batches the sentences of all texts together (one engine call per batch of sorted
sentences), so a worker translating an item's headline, description and body pays for one batch.
Paragraphs and line breaks of each text survive. Nothing is truncated: sentences longer than
`engine.max_input_tokens(target)` are split further before translation.
"""

from dataclasses import dataclass, field

from translation.engines.base import Engine, ModelInfo
from translation.spans import Span


@dataclass(frozen=True, slots=True)
class SentenceReport:
    """What happened to one sentence: its protected spans, how many were restored, which fallback ran."""

    source: str
    spans: tuple[Span, ...]
    restored: int
    fallback: str | None  # None, "tolerant", "alternate-form", "piecewise"


@dataclass(frozen=True, slots=True)
class Translation:
    language: str
    text: str
    model: ModelInfo
    spans: tuple[Span, ...]  # protected spans, offsets into the SOURCE text
    sentences: tuple[SentenceReport, ...] = field(default=())

    @property
    def fallbacks(self) -> int:
        return sum(1 for report in self.sentences if report.fallback is not None)
