"""Document translation: protect -> segment -> mask -> engine -> verify -> restore.

Usage:

    translator = Translator(engine, policy=ProtectionPolicy(), glossary=None)
    results = translator.translate_many(texts, target="uk", terms=("Jane Doe",))
    result = translator.translate(text, target="uk")
    per_item = translator.translate_documents([(item_texts, item_terms), ...], target="uk")

`translate_many` batches the sentences of all texts together (engine calls over batches of sentences
sorted by length), so a worker translating an item's headline, description and body pays for one batch;
`translate_documents` does the same across several items, each with its own do-not-translate terms.
With a translation memory (translation/round_trip/memory/), each engine call first takes what the memory holds for its
exact texts, and only the rest goes to the engine; `SentenceReport.from_memory` says which sentences the memory
answered entirely.
Paragraphs and line breaks of each text survive. Nothing is truncated: sentences longer than
`engine.max_input_tokens(target)` are split further before translation. Every protected span of a text
comes back verbatim (or as its glossary rendering) exactly as often as the text has it, whatever the
engine returns; `Translation.sentences` records, per sentence, which recovery step that took.
"""

import bisect
import re
from collections.abc import Iterable, Sequence

from dataclasses import dataclass, field, replace

from babelwire.translation.protection import name_types
from babelwire.translation.engines.base import Engine, ModelInfo
from babelwire.translation.errors import InvalidInputError, TranslationError
from babelwire.translation.protection.glossary import Glossary
from babelwire.translation.round_trip.mask import FORMS, Piece, PlaceholderForm, mask, usable_forms
from babelwire.translation.round_trip.names_as_words import NamesAsWords
from babelwire.translation.round_trip.recovery import TranslatedPiece, invents_guarded_text, translate_pieces
from babelwire.translation.round_trip.memory import SentenceMemory
from babelwire.translation.round_trip.memory.sentences import SENTENCE_LAYER, Remembered, decode, encode, sentence_text
from babelwire.translation.protection.policy import ProtectionPolicy
from babelwire.translation.target_names.people import LOST_PERSON_RULE, RenderedName, declined, lost_people, masked_person
from babelwire.translation.protection.place_forms import recognisable
from babelwire.translation.protection.protect import Protection, find_protection
from babelwire.translation.round_trip.segment import split_long, split_sentences
from babelwire.translation.protection.spans import Span, SpanKind


@dataclass(frozen=True, slots=True)
class SentenceReport:
    """What happened to one sentence: its protected spans, how many were restored, which fallback ran."""

    source: str
    start: int  # offset of the sentence in the source text
    spans: tuple[Span, ...]
    restored: int
    fallback: str | None  # None, "tolerant", "unmasked", "alternate-form", "piecewise"
    form: str | None = None  # the placeholder form the engine carried back ("brackets", ...); None: not masked
    sent: int = 0  # texts the sentence needed from the model (0: nothing to translate; more: recovery passes)
    recalled: int = 0  # of those, how many the translation memory answered (or an earlier sentence of the call sent)

    @property
    def needed_model(self) -> bool:
        return self.sent > 0

    @property
    def from_memory(self) -> bool:
        """Every text this sentence needed from the model came from the translation memory."""
        return self.sent > 0 and self.recalled == self.sent


@dataclass(frozen=True, slots=True)
class Translation:
    language: str
    text: str
    model: ModelInfo
    spans: tuple[Span, ...]  # protected spans, offsets into the SOURCE text
    sentences: tuple[SentenceReport, ...] = field(default=())
    names: tuple[RenderedName, ...] = field(default=())  # people written in the target's script

    @property
    def fallbacks(self) -> int:
        return sum(1 for report in self.sentences if report.fallback is not None)


_LOST_PLACE_RULE = "name: place the model lost, kept verbatim"
# Span kinds a model may see as words (names it should copy): never quotes, URLs or renderings; of numbers, only
# bare figures (see _may_be_shown_as_words).
_SHOWN_AS_WORDS = frozenset({SpanKind.NAME, SpanKind.TERM})
_BARE_FIGURE = re.compile(r"\d[\d.,\s-]*%?")  # digits, separators, a range, a percent sign
# Most tokens one placeholder may take ("[12]" is "▁[", "12", "]"; the alternate forms are no longer).
_PLACEHOLDER_TOKENS = 4


@dataclass(frozen=True, slots=True)
class _Unit:
    """One engine-sized stretch of one text: its source range, its protected spans, and the Piece that is
    measured against the engine's limit and then translated (built once)."""

    text_index: int
    start: int
    end: int
    spans: tuple[Span, ...]
    piece: Piece


class Translator:
    """Translates whole texts through an Engine, keeping protected spans verbatim.

    Arguments:
        engine: translates batches of masked sentences (Marian, pseudo, a test double).
        policy: which kinds of span are protected.
        glossary: do-not-translate terms and per-language renderings.
        batch_size: most sentences per engine call; the engines pack each call into batches under their own
            token budgets, so this only bounds the work of one call.
        names_as_words_budget: kept names are shown to the model as words first (better grammar around
            them) while the second passes this costs (a sentence whose names did not come back verbatim is
            translated again, masked) stay within this share of the sentences translated; 0 never shows them.
        memory: the translation memory asked before the engine (None: every sentence goes to the engine).
    """

    def __init__(
        self,
        engine: Engine,
        policy: ProtectionPolicy = ProtectionPolicy(),
        glossary: Glossary | None = None,
        batch_size: int = 512,
        names_as_words_budget: float = 0.10,
        memory: SentenceMemory | None = None,
    ):
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        self._engine = engine
        self._policy = policy
        self._glossary = glossary
        self._batch_size = batch_size
        self._forms_by_target: dict[str, tuple[PlaceholderForm, ...]] = {}
        self._names_as_words_budget = names_as_words_budget
        self._names_as_words_by_target: dict[str, NamesAsWords] = {}
        self.memory = memory

    @property
    def policy(self) -> ProtectionPolicy:
        """What this translator protects: a MarkupTranslator over it follows the same policy."""
        return self._policy

    def translate(self, text: str, target: str, terms: Iterable[str] = ()) -> Translation:
        """Translate one text. Raises InvalidInputError for empty text; engine errors propagate."""
        return self.translate_many([text], target, terms)[0]

    def translate_many(self, texts: Sequence[str], target: str, terms: Iterable[str] = ()) -> list[Translation]:
        """Translate several texts (e.g. an item's headline and body) in shared engine batches.

        Arguments:
            terms: do-not-translate terms for these texts (per item), kept verbatim, whole words.

        Raises:
            InvalidInputError: a text is not a string, or is empty / whitespace only.
            UnsupportedLanguageError, ModelNotFoundError, ModelLoadError: from the engine, unchanged.
        """
        return self.translate_documents([(texts, terms)], target)[0]

    def translate_documents(
        self, documents: Sequence[tuple[Sequence[str], Iterable[str]]], target: str
    ) -> list[list[Translation]]:
        """Translate several documents (e.g. wire items), each given as (its texts, its do-not-translate
        terms), with the sentences of all of them in shared engine batches. A document's terms protect
        its own texts only. Returns each document's translations, in order. Raises as `translate_many`.
        """
        texts: list[str] = []
        terms: list[list[str]] = []
        counts: list[int] = []
        for document_texts, document_terms in documents:
            document_texts = list(document_texts)
            for index, text in enumerate(document_texts):
                _check_text(text, index, len(document_texts))
            texts += document_texts
            terms += [list(document_terms)] * len(document_texts)
            counts.append(len(document_texts))
        translations = iter(self._translate_texts(texts, terms, target))
        return [[next(translations) for _ in range(count)] for count in counts]

    def _translate_texts(self, texts: list[str], terms: list[list[str]], target: str) -> list[Translation]:
        if not texts:
            return []
        protections = [find_protection(text, self._policy, text_terms, self._glossary, target)
                       for text, text_terms in zip(texts, terms)]
        spans = [protection.spans for protection in protections]
        guarded = [tuple({span.restored_text for span in found}) for found in spans]
        limit = self._engine.max_input_tokens(target)
        units = [unit for i, text in enumerate(texts)
                 for unit in self._units(i, text, spans[i], guarded[i], target, limit)]
        model = self._engine.model_info(target)
        names: list[list[RenderedName]] = [[] for _ in texts]
        outcomes, counts = self._outcomes(texts, units, protections, spans, guarded, target, model, names)
        done: list[list[tuple[_Unit, TranslatedPiece, tuple[int, int]]]] = [[] for _ in texts]
        for unit, outcome, count in zip(units, outcomes, counts):
            done[unit.text_index].append((unit, outcome, count))
        return [_assemble(text, target, model, spans[i], done[i], names[i]) for i, text in enumerate(texts)]

    def _outcomes(self, texts: list[str], units: list[_Unit], protections: list[Protection], spans: list[list[Span]],
                  guarded: list[tuple[str, ...]], target: str, model: ModelInfo, names: list[list[RenderedName]]
                  ) -> tuple[list[TranslatedPiece], list[tuple[int, int]]]:
        """Each unit's outcome, and (texts it needed from the model, how many of those cost the engine nothing).
        A unit whose final translation the memory holds takes it (with the places it masked then); the others go
        through the recovery chain (each engine call asking the memory first) and the lost-name check, and are
        memorised with their people declined; `names` receives how each person reached the copy."""
        keys = {k: sentence_text(unit.piece) for k, unit in enumerate(units)} if self.memory else {}
        known = self._recall_sentences(keys, units, target, model)
        for k, remembered in known.items():
            start = units[k].start
            self._mask_places(k, [_lost_place(texts[units[k].text_index], start + begin, start + end)
                                  for begin, end in remembered.places], texts, units, spans, guarded)
        fresh = [k for k in range(len(units)) if k not in known]
        outcomes = [known[k].outcome if k in known else None for k in range(len(units))]
        recalled: set[str] = set()  # the texts of this call that the memory answered
        for k, outcome in zip(fresh, self._translate_pieces([units[k].piece for k in fresh], target, recalled)):
            outcomes[k] = outcome
        left = [_LeftToModel.of(protection) for protection in protections]
        masked = self._mask_lost_names(texts, units, outcomes, left, spans, guarded, target, recalled, fresh)
        self._decline_people(units, outcomes, left, masked, names, target)
        counts = self._sent_counts(outcomes, recalled, known)
        self._remember_sentences({k: keys[k] for k in fresh if k in keys}, outcomes, counts, masked, units, target,
                                 model)
        return outcomes, counts

    def _recall_sentences(self, keys: dict[int, str], units: list[_Unit], target: str, model: ModelInfo
                          ) -> dict[int, Remembered]:
        """The units whose final translation the memory holds (memory/sentences.py), by index; `keys`: each
        unit's text in the memory."""
        if not keys:
            return {}
        found = self.memory.recall(list(set(keys.values())), target, model, layer=SENTENCE_LAYER)
        remembered = {k: decode(found[text]) for k, text in keys.items() if text in found}
        return {k: value for k, value in remembered.items()
                if value is not None and not invents_guarded_text(value.outcome.text, units[k].piece)}

    def _remember_sentences(self, keys: dict[int, str], outcomes: list[TranslatedPiece], counts: list[tuple[int, int]],
                            masked: dict[int, list[Span]], units: list[_Unit], target: str, model: ModelInfo) -> None:
        """Keep the final translation of each unit that needed the model, under its text as it was cut."""
        entries = {}
        for k, key in keys.items():
            if counts[k][0]:
                places = tuple((span.start - units[k].start, span.end - units[k].start)
                               for span in masked.get(k, ()) if span.rule == _LOST_PLACE_RULE)
                entries[key] = encode(Remembered(replace(outcomes[k], sent=()), counts[k][0], places))
        if entries:
            self.memory.remember(entries, target, model, layer=SENTENCE_LAYER)

    def _sent_counts(self, outcomes: list[TranslatedPiece], recalled: set[str], known: dict[int, Remembered]
                     ) -> list[tuple[int, int]]:
        """Per unit: how many texts it needed from the model, and how many of those cost the engine nothing: the
        memory answered them (all of them, for a unit whose final translation it held) or, with a memory, an
        earlier unit of this call sent the same text (the engine translated it once for both, and the memory
        now holds it). Without a memory, none is free."""
        charged: set[str] = set()
        counts = []
        for k, outcome in enumerate(outcomes):
            if k in known:
                counts.append((known[k].sent, known[k].sent))
                continue
            free = sum(text in recalled or text in charged for text in outcome.sent) if self.memory else 0
            counts.append((len(outcome.sent), free))
            charged.update(outcome.sent)
        return counts

    def _mask_lost_names(self, texts: list[str], units: list[_Unit], outcomes: list[TranslatedPiece],
                         left: "list[_LeftToModel]", spans: list[list[Span]], guarded: list[tuple[str, ...]],
                         target: str, recalled: set[str], candidates: list[int]) -> dict[int, list[Span]]:
        """Translate again, with the name masked, each unit of `candidates` whose translation lost a name the
        policy left to the model. A place is lost when no recognisable form of its target-language name came
        back; it is then kept verbatim, as the strict policy would, rather than its CLDR name pasted in (a name
        CLDR gives one place, "Georgia", may stand for another). A person (in a target written in another
        script) is lost when the translation has no form of the person's rendering (the model kept the Latin
        name, misspelt it, or translated it word by word); the rendering is then restored, and declined by
        `_decline_people`. The masked names join their unit's and their text's protected `spans`, so the copy
        reports them. Returns the spans masked, by unit."""
        redo: dict[int, list[Span]] = {}
        for k in candidates:
            unit, outcome = units[k], outcomes[k]
            text = texts[unit.text_index]
            lost = [_lost_place(text, place.span.start, place.span.end, place.span.type)
                    for place in left[unit.text_index].places.within(unit)
                    if not recognisable(outcome.text, place.span.text, place.forms)]
            lost += [masked_person(person, text)
                     for person in lost_people(outcome.text, left[unit.text_index].people.within(unit), target)]
            if lost:
                redo[k] = lost
        # A name masked takes up to a placeholder's tokens where its words took at least one: a unit measured
        # near the limit keeps its first translation rather than be sent over the limit.
        redo = {k: lost for k, lost in redo.items() if len(lost) * _PLACEHOLDER_TOKENS <= units[k].piece.room}
        if not redo:
            return {}
        for k, added in redo.items():
            self._mask_places(k, added, texts, units, spans, guarded)
        retried = self._translate_pieces([units[k].piece for k in redo], target, recalled)
        for k, outcome in zip(redo, retried):
            outcomes[k] = replace(outcome, sent=outcomes[k].sent + outcome.sent)
        return redo

    @staticmethod
    def _mask_places(k: int, added: list[Span], texts: list[str], units: list[_Unit], spans: list[list[Span]],
                     guarded: list[tuple[str, ...]]) -> None:
        """Unit `k` with the names of `added` masked: they join its spans and its text's."""
        if not added:
            return
        unit = units[k]
        rebuilt = _unit(unit.text_index, texts[unit.text_index], unit.start, unit.end,
                        tuple(sorted((*unit.spans, *added), key=lambda span: span.start)), guarded[unit.text_index])
        units[k] = _with_room(rebuilt, unit.piece.room - len(added) * _PLACEHOLDER_TOKENS)
        spans[unit.text_index].extend(added)
        spans[unit.text_index].sort(key=lambda span: span.start)

    @staticmethod
    def _decline_people(units: list[_Unit], outcomes: list[TranslatedPiece], left: "list[_LeftToModel]",
                        masked: dict[int, list[Span]], names: list[list[RenderedName]], target: str) -> None:
        """Each unit's people as the copy writes them: a rendering restored in a masked slot declined to the case
        the words before it demand, the model's own forms kept; `names` receives how each person got there."""
        for k, unit in enumerate(units):
            in_unit = left[unit.text_index].people.within(unit)
            if in_unit:
                restored = {span.start for span in masked.get(k, ()) if span.rule == LOST_PERSON_RULE}
                text, reports = declined(outcomes[k].text, in_unit, restored, target)
                outcomes[k] = replace(outcomes[k], text=text)
                names[unit.text_index].extend(reports)

    def _units(self, index: int, text: str, spans: list[Span], guarded: tuple[str, ...], target: str,
               limit: int) -> list[_Unit]:
        starts = [span.start for span in spans]
        measured: dict[tuple[int, int], _Unit] = {}

        def too_long(start: int, end: int) -> bool:
            inside = tuple(spans[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)])
            unit = _unit(index, text, start, end, inside, guarded)
            # Headroom of one token per placeholder: the alternate forms may tokenize longer.
            tokens = self._engine.count_tokens(mask(unit.piece, FORMS[0]).text, target) + len(inside)
            measured[start, end] = _with_room(unit, limit - tokens)
            return tokens > limit

        def near(start: int, end: int) -> list[Span]:
            # The spans a cut in text[start:end] could hit (spans are sorted and disjoint, so only the one
            # before can reach in). Passing all of them made a text of many short sentences quadratic.
            first = max(0, bisect.bisect_left(starts, start) - 1)
            return spans[first : bisect.bisect_left(starts, end)]

        return [
            measured[start, end]  # split_long measures every range it returns
            for sentence_start, sentence_end in split_sentences(text, spans, self._policy.quotes)
            for start, end in split_long(text, sentence_start, sentence_end, too_long,
                                         near(sentence_start, sentence_end))
        ]

    def _translate_pieces(self, pieces: list[Piece], target: str, recalled: set[str]) -> list[TranslatedPiece]:
        """The recovery chain, with names shown as words first while that works for this target's model."""
        learned = None
        if self._names_as_words_budget > 0:
            learned = self._names_as_words_by_target.setdefault(target, NamesAsWords(self._names_as_words_budget))
        return translate_pieces(pieces, lambda batch: self._batch(batch, target, recalled), self._forms(target),
                                learned)

    def _forms(self, target: str) -> tuple[PlaceholderForm, ...]:
        """The placeholder forms the target's model carries, decided once per target from its vocabulary."""
        if target not in self._forms_by_target:
            self._forms_by_target[target] = usable_forms(lambda text: self._engine.carries(text, target))
        return self._forms_by_target[target]

    def _batch(self, sentences: list[str], target: str, recalled: set[str]) -> list[str]:
        """Translate distinct sentences once each: those the memory holds from it (noted in `recalled`), the
        others by the engine, shortest first, `batch_size` per engine call (and then memorised)."""
        unique = sorted(set(sentences), key=len)
        model = self._engine.model_info(target) if self.memory else None
        translated = self.memory.recall(unique, target, model) if self.memory else {}
        recalled.update(translated)
        missing = [sentence for sentence in unique if sentence not in translated]
        for offset in range(0, len(missing), self._batch_size):
            chunk = missing[offset : offset + self._batch_size]
            outputs = self._engine.translate(chunk, target)
            if len(outputs) != len(chunk):
                name = type(self._engine).__name__
                raise TranslationError(f"engine {name} returned {len(outputs)} translations for {len(chunk)} sentences")
            translated.update(zip(chunk, outputs))
        if self.memory and missing:
            self.memory.remember({sentence: translated[sentence] for sentence in missing}, target, model)
        return [translated[sentence] for sentence in sentences]


class _Sorted:
    """Places or people of one text, sorted by start, with their starts listed once (a text has many units)."""

    def __init__(self, found: list):
        self.found = found
        self.starts = [item.span.start for item in found]

    def within(self, unit: _Unit) -> list:
        """Those that lie wholly within `unit`."""
        inside = self.found[bisect.bisect_left(self.starts, unit.start) : bisect.bisect_left(self.starts, unit.end)]
        return [item for item in inside if item.span.end <= unit.end]


@dataclass(frozen=True, slots=True)
class _LeftToModel:
    """The places and the people of one text that the policy left to the model, each sorted once."""

    places: _Sorted
    people: _Sorted

    @classmethod
    def of(cls, protection: Protection) -> "_LeftToModel":
        return cls(_Sorted(protection.translated_places), _Sorted(protection.rendered_people))


def _check_text(text: object, index: int, count: int) -> None:
    which = "the text" if count == 1 else f"text {index + 1} of {count}"
    if not isinstance(text, str):
        raise InvalidInputError(f"{which} is not a string ({type(text).__name__}): pass text to translate",
                                text_index=index)
    if not text.strip():
        raise InvalidInputError(f"{which} is empty or only whitespace: nothing to translate", text_index=index)


def _unit(text_index: int, text: str, start: int, end: int, spans: tuple[Span, ...],
          guarded: tuple[str, ...]) -> _Unit:
    """text[start:end] as a unit, with its Piece: the spans relative to the unit, and which may be shown as words."""
    protected = tuple(span.shifted(-start) for span in spans)
    plain = frozenset(i for i, span in enumerate(spans) if _may_be_shown_as_words(span))
    return _Unit(text_index, start, end, spans, Piece(text[start:end], protected, guarded, plain))


def _with_room(unit: _Unit, room: int) -> _Unit:
    """`unit` whose Piece knows how many more tokens the engine's limit leaves it beyond its measurement, so
    that spans shown as words never take it over (names_as_words.py checks before showing them)."""
    return replace(unit, piece=replace(unit.piece, room=room))


def _may_be_shown_as_words(span: Span) -> bool:
    """A name kept as it is, made of letters (not an inline-markup marker or a code), or a bare figure ("14%",
    "100" of "100 percent": models copy digits, and keep the preposition before them). Not a place the model
    lost: shown as words, it would be translated again, and the sentence paid for twice more; nor an amount
    with its currency sign, which models reword ("$2 billion" -> "2 bilhões de dólares")."""
    if span.replacement is not None or span.rule == _LOST_PLACE_RULE:
        return False
    if span.kind is SpanKind.NUMBER:
        return _BARE_FIGURE.fullmatch(span.text) is not None
    return span.kind in _SHOWN_AS_WORDS and any(c.isalpha() for c in span.text)


def _lost_place(text: str, start: int, end: int, type: str | None = name_types.PLACE) -> Span:
    """text[start:end], a place the model lost, masked: kept verbatim, as the strict policy would keep it."""
    return Span(SpanKind.NAME, start, end, text[start:end], rule=_LOST_PLACE_RULE, type=type)


def _assemble(text: str, target: str, model: ModelInfo, spans: list[Span],
              done: list[tuple[_Unit, TranslatedPiece, tuple[int, int]]], names: list[RenderedName]) -> Translation:
    """The translations of the units, joined with exactly the whitespace of the source between them."""
    parts, position, reports = [], 0, []
    for unit, outcome, (sent, free) in done:
        parts += [text[position : unit.start], outcome.text]
        position = unit.end
        reports.append(SentenceReport(text[unit.start : unit.end], unit.start, unit.spans, outcome.restored,
                                      outcome.fallback, outcome.form, sent=sent, recalled=free))
    parts.append(text[position:])
    return Translation(target, "".join(parts), model, tuple(spans), tuple(reports), tuple(names))
