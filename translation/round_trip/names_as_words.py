"""Names as words: while it stays worth its cost, the names a sentence allows are shown to the model as they are,
and the translation is kept only when each came back verbatim exactly as often as the sentence has it (the model
then writes the articles, prepositions and case around them). `NamesAsWords` learns, per model, the names it
changed (masked from then on) and what the second passes cost; `recovery` runs the tries.
"""

from dataclasses import dataclass, field

from babelwire.translation.protection.spans import Span
from babelwire.translation.round_trip.mask import Masked, Piece, PlaceholderForm, mask, occurrences, spacing


WORDS = "words"  # the form of a sentence whose names were shown to the model as words and came back verbatim


@dataclass
class NamesAsWords:
    """What showing names to one model as words has taught: the names it changed (masked from then on), and
    the second passes that cost. A sentence whose names the model changes is translated again, masked; names
    are shown only while those second passes stay within `extra_budget` of the sentences translated, so a
    model that changes most names (en-uk writes them in Cyrillic) soon stops paying for them."""

    extra_budget: float = 0.10
    max_remembered: int = 50_000
    changed: set[str] = field(default_factory=set)
    sentences: int = 0
    tried: int = 0
    kept: int = 0

    @property
    def worth_it(self) -> bool:
        return self.tried - self.kept <= self.extra_budget * self.sentences

    def shows(self, text: str) -> bool:
        return text not in self.changed

    def record(self, shown: frozenset[str], output: str, masked_text: str) -> bool:
        """Did every shown text come back verbatim, as often as it stands? Remember the ones that did not."""
        changed = changed_texts(shown, output, masked_text)
        if len(self.changed) + len(changed) > self.max_remembered:
            self.changed.clear()
        self.changed |= changed
        self.tried += 1
        self.kept += not changed
        return not changed


@dataclass(frozen=True, slots=True)
class WordsTry:
    """A piece with some of its names shown to the model as words: `piece` protects only the others, `masked` is
    that piece masked (what the model is sent), `shown` the texts shown as words."""

    piece: Piece
    masked: Masked
    shown: frozenset[str]


def words_tries(pieces: list[Piece], among: list[int], form: PlaceholderForm, learned: NamesAsWords
                ) -> dict[int, WordsTry]:
    """For each piece of `among` with names that may be shown: the piece with them as words, masked otherwise."""
    tries = {}
    for i in among:
        shown = [span for index, span in enumerate(pieces[i].protected)
                 if index in pieces[i].plain and shown_as_itself(pieces[i].text, span)
                 and learned.shows(span.restored_text)]
        if shown and fits_as_words(pieces[i], shown):
            tries[i] = with_words(pieces[i], shown, form)
    return tries


def with_words(piece: Piece, shown: list[Span], form: PlaceholderForm) -> WordsTry:
    reduced = Piece(piece.text, tuple(span for span in piece.protected if span not in shown), piece.guarded)
    return WordsTry(reduced, mask(reduced, form), frozenset(span.restored_text for span in shown))


def fits_as_words(piece: Piece, shown: list[Span]) -> bool:
    """Do `shown` fit the piece's room as words? A text takes at most two tokens per character (a piece per
    character, a word boundary per word), so no second count of the sentence is needed."""
    return piece.room is None or sum(2 * len(span.text) for span in shown) <= piece.room


def shown_as_itself(text: str, span: Span) -> bool:
    """A span can be shown to the model as words when it is its own replacement and stands as whole words
    (so that counting it in the output counts it, and only it)."""
    return text[span.start : span.end] == span.restored_text and spacing(text, span.start, span.end) == (True, True)


def changed_texts(shown: frozenset[str], output: str, masked_text: str) -> set[str]:
    """The texts shown as words that did not come back verbatim exactly as often as they stand."""
    return {text for text in shown if occurrences(output, text) != occurrences(masked_text, text)}
