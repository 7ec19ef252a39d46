"""Placeholder masking: hide a sentence's protected spans from the engine behind placeholders, and put them back.

A protected span becomes a bracketed number such as "[1]". OPUS-MT's SentencePiece vocabularies keep
digits and brackets as their own pieces and its training data (Wikipedia citations, software
localisation strings such as "{0}") is full of them copied verbatim, and digits look the same in
every script: no Cyrillic look-alike, no case to lose. Numbers are chosen so that they occur nowhere
else in the sentence, so a literal "[1]" or "__PH0__" of the source can never be taken for a placeholder.

Which forms a model can carry is decided per model from its vocabulary (`usable_forms`): a form whose
characters are unknown pieces (the Firefox en-pt student has no "{" or "<") never comes back.
Spans separated only by spaces or commas share one placeholder ("Naples, Italy"): the more placeholders
a sentence has, the more of them a model drops.

What happens when placeholders do not come back is `recovery`; showing names to the model as words is
`names_as_words`.
"""

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from babelwire.translation.protection.spans import Span


# A placeholder as a model may return it: its number in any bracket pair, spaces allowed ("[ 1 ]", "(1)", "{1}").
PLACEHOLDER = re.compile(r"[\[{(<（［｛【〈⟨«]\s*(\d{1,6})\s*[\]})>）］｝】〉⟩»]")
_DIGIT_RUN = re.compile(r"\d+")
WORDY = re.compile(r"[^\W_]")
_JOINABLE = re.compile(r"[ ,/]{0,3}")


@dataclass(frozen=True, slots=True)
class PlaceholderForm:
    name: str
    opening: str
    closing: str

    def render(self, number: int) -> str:
        return f"{self.opening}{number}{self.closing}"


FORMS = (
    PlaceholderForm("brackets", "[", "]"),
    PlaceholderForm("parentheses", "(", ")"),
    PlaceholderForm("braces", "{", "}"),
    PlaceholderForm("angles", "<", ">"),
)


@dataclass(frozen=True, slots=True)
class Piece:
    """A sentence to translate and its protected spans, offsets relative to the sentence, sorted.

    `guarded`: further protected texts (of the whole document) that the engine must not write itself.
    `plain`: indexes of the protected parts that may be shown to the model as the words they are (names
    kept verbatim; never quotes, numbers or glossary renderings), when `translate_pieces` tries words first.
    `room`: how many tokens the engine's input limit leaves beyond the masked sentence as measured (None: no
    limit to keep). Spans are shown as words only where they surely fit in it.
    """

    text: str
    protected: tuple[Span, ...]
    guarded: tuple[str, ...] = ()
    plain: frozenset[int] = frozenset()
    room: int | None = None


@dataclass(frozen=True, slots=True)
class Masked:
    text: str
    placeholders: tuple[str, ...]  # one per protected part, in order
    numbers: tuple[int, ...]
    spaced: tuple[tuple[bool, bool], ...]  # was the span preceded / followed by whitespace in the source


def needs_engine(piece: Piece) -> bool:
    """False when the sentence is nothing but protected spans, spaces and punctuation."""
    return any(WORDY.search(gap) for gap in gaps(piece))


def mask(piece: Piece, form: PlaceholderForm) -> Masked:
    numbers = _free_numbers(piece, len(piece.protected))
    placeholders = tuple(form.render(number) for number in numbers)
    parts, spaced = [], []
    for index, gap in enumerate(gaps(piece)):
        parts.append(gap)
        if index < len(placeholders):
            span = piece.protected[index]
            before, after = spacing(piece.text, span.start, span.end)
            # A placeholder glued to a word ("[1]daft" for "<a>daft") makes a model copy the word untranslated:
            # it reads one placeholder-and-word token. The model sees them apart; restore glues them again.
            parts.append(("" if before else " ") + placeholders[index] + ("" if after else " "))
            spaced.append((before, after))
    return Masked("".join(parts), placeholders, numbers, tuple(spaced))


def restore(output: str, masked: Masked, replacements: Sequence[str]) -> tuple[str, bool] | None:
    """Put the replacements back. (text, exact) or None when some placeholder is missing or repeated."""
    index_of = {number: index for index, number in enumerate(masked.numbers)}
    found = [m for m in PLACEHOLDER.finditer(output) if int(m.group(1)) in index_of]
    if Counter(int(m.group(1)) for m in found) != Counter(masked.numbers):
        return None
    parts, position, exact, glued_after = [], 0, True, False
    for match in found:
        index = index_of[int(match.group(1))]
        exact = exact and match.group() == masked.placeholders[index]
        before, after = masked.spaced[index]
        parts.append(_glued(output[position : match.start()], glued_after, not before))
        parts.append(_spaced(replacements[index], output, match, before, after))
        position, glued_after = match.end(), not after
    parts.append(_glued(output[position:], glued_after, False))
    return "".join(parts), exact


def _glued(between: str, to_previous: bool, to_next: bool) -> str:
    """The output between two placeholders without the spaces mask put in where a span touched a word."""
    between = between.lstrip() if to_previous else between
    return between.rstrip() if to_next else between


def gaps(piece: Piece) -> list[str]:
    """The len(protected) + 1 stretches of text around the protected parts."""
    result, position = [], 0
    for span in piece.protected:
        result.append(piece.text[position : span.start])
        position = span.end
    result.append(piece.text[position:])
    return result


def usable_forms(carries: Callable[[str], bool]) -> tuple[PlaceholderForm, ...]:
    """The forms whose placeholders the model's vocabulary spells exactly (no unknown pieces): a form
    that splits into odd pieces ("{1}" -> "1o") never comes back. Brackets when the model carries none."""
    usable = tuple(form for form in FORMS if carries(f"{form.render(1)} and {form.render(23)}"))
    return usable or FORMS[:1]


def grouped(piece: Piece) -> Piece:
    """Spans separated only by spaces, commas or slashes ("Naples, Italy") as one placeholder: the model
    drops placeholders more often the more a sentence has, and nothing between them needs translating."""
    merged: list[Span] = []
    plain: list[bool] = []
    for index, span in enumerate(piece.protected):
        if merged and _JOINABLE.fullmatch(piece.text[merged[-1].end : span.start]):
            merged[-1] = _joined(merged[-1], span, piece.text)
            plain[-1] = plain[-1] and index in piece.plain
        else:
            merged.append(span)
            plain.append(index in piece.plain)
    if len(merged) == len(piece.protected):
        return piece
    return replace(piece, protected=tuple(merged), plain=frozenset(i for i, shown in enumerate(plain) if shown))


def _joined(first: Span, second: Span, text: str) -> Span:
    """Two spans and what separates them, as one span restored as both with that separator between."""
    between = text[first.end : second.start]
    return replace(first, end=second.end, text=text[first.start : second.end],
                   replacement=first.restored_text + between + second.restored_text)


def _free_numbers(piece: Piece, count: int) -> tuple[int, ...]:
    """The smallest numbers that occur nowhere in the unprotected text (so no literal can pose as one)."""
    taken = {int(run) for gap in gaps(piece) for run in _DIGIT_RUN.findall(gap) if len(run) <= 6}
    numbers, candidate = [], 1
    while len(numbers) < count:
        if candidate not in taken:
            numbers.append(candidate)
        candidate += 1
    return tuple(numbers)


def spacing(text: str, start: int, end: int) -> tuple[bool, bool]:
    """Was the span separate from the word before / after it in the source (not "Trump" in "Trumpism")?"""
    return (start == 0 or not text[start - 1].isalnum(), end == len(text) or not text[end].isalnum())


def _spaced(replacement: str, output: str, match: re.Match, before: bool, after: bool) -> str:
    """Re-insert a space where the model glued a word to a span that stood apart ("слово[1]")."""
    glued_before = before and match.start() > 0 and output[match.start() - 1].isalnum() and replacement[:1].isalnum()
    glued_after = after and match.end() < len(output) and output[match.end()].isalnum() and replacement[-1:].isalnum()
    return (" " if glued_before else "") + replacement + (" " if glued_after else "")


def occurrences(text: str, span_text: str) -> int:
    return len(whole_word(span_text).findall(text))


def whole_word(span_text: str) -> re.Pattern:
    """`span_text` as a whole word where it starts or ends with a word character ("US" is not in "USA")."""
    before = r"(?<!\w)" if span_text[0].isalnum() or span_text[0] == "_" else ""
    after = r"(?!\w)" if span_text[-1].isalnum() or span_text[-1] == "_" else ""
    return re.compile(before + re.escape(span_text) + after)
