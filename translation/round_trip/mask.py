"""Placeholder masking: hide protected spans from the engine, verify, restore, recover.

A protected span becomes a bracketed number such as "[1]". OPUS-MT's SentencePiece vocabularies keep
digits and brackets as their own pieces and its training data (Wikipedia citations, software
localisation strings such as "{0}") is full of them copied verbatim, and digits look the same in
every script: no Cyrillic look-alike, no case to lose. Numbers are chosen so that they occur nowhere
else in the sentence, so a literal "[1]" or "__PH0__" of the source can never be taken for a placeholder.

Which forms a model can carry is decided per model from its vocabulary (`usable_forms`): a form whose
characters are unknown pieces (the Firefox en-pt student has no "{" or "<") never comes back.
Spans separated only by spaces or commas share one placeholder ("Naples, Italy"): the more placeholders
a sentence has, the more of them a model drops.

Before masking, names as words (`NamesAsWords`, the `words` form): while it stays worth its cost, the names a
sentence allows are shown to the model as they are, and the translation is kept only when each came back verbatim
exactly as often as the sentence has it (the model then writes the articles, prepositions and case around them);
a name the model changed is masked from then on (the sentence is sent again with it masked, as are later
ones), and a sentence that still fails goes through the chain below.

Recovery, per sentence, cheapest first, each keeping the sentence whole until the last:
  1. exact: every placeholder came back exactly once;
  2. "tolerant": each number came back exactly once inside any bracket pair, spaces allowed
     ("[ 1 ]", "(1)", "{1}", full-width brackets);
  3. "unmasked": the spans whose placeholders went astray are shown to the model as the words they
     are; accepted only when each comes back verbatim exactly as often as the sentence has it
     (models copy most names unchanged; "[1]'s" is where placeholders get lost most);
  4. "alternate-form": translate again with each other form the model carries;
  5. "piecewise": translate the text between the spans on its own and join it around the spans.
The last step cannot fail, so every span comes back as often as the source has it, whatever the
engine returns (nothing, gibberish, the placeholders twice). `translate_pieces` runs it all, one engine call
per stage for every sentence still open.
"""

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from translation.protection.spans import Span

Translate = Callable[[list[str]], list[str]]

_TOLERANT = re.compile(r"[\[{(<（［｛【〈⟨«]\s*(\d{1,6})\s*[\]})>）］｝】〉⟩»]")
_DIGIT_RUN = re.compile(r"\d+")
_WORDY = re.compile(r"[^\W_]")
_JOINABLE = re.compile(r"[ ,/]{0,3}")
WORDS = "words"  # the form of a sentence whose names were shown to the model as words and came back verbatim


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
class Outcome:
    text: str
    restored: int
    fallback: str | None  # None, "tolerant", "unmasked", "alternate-form", "piecewise"
    form: str | None = None  # the placeholder form that came back; None when nothing was masked
    sent: tuple[str, ...] = ()  # every text the piece sent to the engine, in order (the memory counts by these)


@dataclass(frozen=True, slots=True)
class Masked:
    text: str
    placeholders: tuple[str, ...]  # one per protected part, in order
    numbers: tuple[int, ...]
    spaced: tuple[tuple[bool, bool], ...]  # was the span preceded / followed by whitespace in the source


def needs_engine(piece: Piece) -> bool:
    """False when the sentence is nothing but protected spans, spaces and punctuation."""
    return any(_WORDY.search(gap) for gap in gaps(piece))


def mask(piece: Piece, form: PlaceholderForm) -> Masked:
    numbers = _free_numbers(piece, len(piece.protected))
    placeholders = tuple(form.render(number) for number in numbers)
    parts, spaced = [], []
    for index, gap in enumerate(gaps(piece)):
        parts.append(gap)
        if index < len(placeholders):
            span = piece.protected[index]
            before, after = _spacing(piece.text, span.start, span.end)
            # A placeholder glued to a word ("[1]daft" for "<a>daft") makes a model copy the word untranslated:
            # it reads one placeholder-and-word token. The model sees them apart; restore glues them again.
            parts.append(("" if before else " ") + placeholders[index] + ("" if after else " "))
            spaced.append((before, after))
    return Masked("".join(parts), placeholders, numbers, tuple(spaced))


def restore(output: str, masked: Masked, replacements: Sequence[str]) -> tuple[str, bool] | None:
    """Put the replacements back. (text, exact) or None when some placeholder is missing or repeated."""
    index_of = {number: index for index, number in enumerate(masked.numbers)}
    found = [m for m in _TOLERANT.finditer(output) if int(m.group(1)) in index_of]
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

    def record(self, shown: set[str], output: str, masked_text: str) -> bool:
        """Did every shown text come back verbatim, as often as it stands? Remember the ones that did not."""
        changed = _changed(shown, output, masked_text)
        if len(self.changed) + len(changed) > self.max_remembered:
            self.changed.clear()
        self.changed |= changed
        self.tried += 1
        self.kept += not changed
        return not changed


def translate_pieces(pieces: Sequence[Piece], translate: Translate,
                     forms: Sequence[PlaceholderForm] = FORMS, words_first: NamesAsWords | None = None) -> list[Outcome]:
    """Translate every piece through the recovery chain; `translate` is called once per stage.

    Stages, each only for the pieces still open: with `words_first` (while it is worth it), the names a
    piece allows shown as words, accepted only when each comes back verbatim exactly as often (the model
    then keeps the articles, prepositions and case around them; a name it changed is masked from then
    on); the first form; the same form with the spans whose placeholders went astray shown as words;
    each other form; piecewise, which cannot fail.
    """
    outcomes: list[Outcome | None] = [
        None if needs_engine(piece) else Outcome(_join(gaps(piece), piece), len(piece.protected), None)
        for piece in pieces
    ]
    counts = [len(piece.protected) for piece in pieces]
    pieces = [grouped(piece) for piece in pieces]
    sender = _Sender(translate, len(pieces))
    masked, outputs = _first_pass(pieces, outcomes, sender, forms[0], counts, words_first)
    _unmasked_retry(pieces, outcomes, masked, outputs, sender, forms[0], counts)
    for form in forms[1:]:
        pending = _open(outcomes)
        masked = {i: mask(pieces[i], form) for i in pending}
        for i, output in zip(pending, sender([masked[i].text for i in pending], pending) if pending else []):
            outcomes[i] = _verified(output, masked[i], pieces[i], form.name, "alternate-form", counts[i])
    pending = _open(outcomes)
    for i, outcome in zip(pending, _piecewise([pieces[i] for i in pending], pending, sender)):
        outcomes[i] = Outcome(outcome.text, counts[i], outcome.fallback)
    return [replace(outcome, sent=tuple(sent)) for outcome, sent in zip(outcomes, sender.sent)]


class _Sender:
    """The engine calls of one `translate_pieces`, noting which piece sent each text."""

    def __init__(self, translate: Translate, count: int):
        self._translate = translate
        self.sent: list[list[str]] = [[] for _ in range(count)]

    def __call__(self, texts: list[str], owners: Sequence[int]) -> list[str]:
        for text, owner in zip(texts, owners, strict=True):
            self.sent[owner].append(text)
        return self._translate(texts)


def _first_pass(pieces: list[Piece], outcomes: list[Outcome | None], translate: "_Sender", form: PlaceholderForm,
                counts: list[int], words_first: NamesAsWords | None) -> tuple[dict, dict]:
    """Names as words where that is tried, the first form elsewhere, in one engine call; then, for the pieces
    whose names came back changed, the same with the changed names masked (the names that came back
    verbatim stay words: they keep their articles and possessives), and the first form for the pieces left.
    Returns what each piece sent masked, and got back."""
    words = _words_tries(pieces, outcomes, form, words_first) if words_first and words_first.worth_it else {}
    first = [i for i in _open(outcomes) if i not in words]
    if words_first:
        words_first.sentences += len(first) + len(words)
    masked, outputs = _words_or_masked(pieces, outcomes, translate, form, counts, words_first, first, words)
    again = [i for i in words if outcomes[i] is None]
    # Only a piece whose model changed some names is shown fewer of them; one whose names all came back (and
    # failed on its placeholders) would send the same text again, so it goes masked.
    fewer = {i: attempt for i, attempt in (_words_tries(pieces, outcomes, form, words_first, among=again)
                                           if again else {}).items() if attempt[2] != words[i][2]}
    more, more_outputs = _words_or_masked(pieces, outcomes, translate, form, counts, words_first,
                                          [i for i in again if i not in fewer], fewer)
    masked.update(more)
    outputs.update(more_outputs)
    last = [i for i in fewer if outcomes[i] is None]
    masked.update({i: mask(pieces[i], form) for i in last})
    outputs.update(zip(last, translate([masked[i].text for i in last], last) if last else []))
    for i in first + list(more) + last:
        if outcomes[i] is None:
            outcomes[i] = _verified(outputs[i], masked[i], pieces[i], form.name, None, counts[i])
    return masked, outputs


def _words_or_masked(pieces: list[Piece], outcomes: list[Outcome | None], translate: "_Sender",
                     form: PlaceholderForm, counts: list[int], learned: NamesAsWords | None, masked_ones: list[int],
                     tries: dict) -> tuple[dict, dict]:
    """One engine call: `masked_ones` in the form, `tries` with their names as words (accepted when those came
    back verbatim). Returns what the masked ones sent, and got back."""
    masked = {i: mask(pieces[i], form) for i in masked_ones}
    sent = [masked[i].text for i in masked_ones] + [attempt[1].text for attempt in tries.values()]
    returned = translate(sent, [*masked_ones, *tries]) if sent else []
    _accept_words(tries, dict(zip(tries, returned[len(masked_ones) :])), outcomes, WORDS, None, counts, learned)
    return masked, dict(zip(masked_ones, returned))


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


def _open(outcomes: list[Outcome | None]) -> list[int]:
    return [i for i, outcome in enumerate(outcomes) if outcome is None]


def _words_tries(pieces: list[Piece], outcomes: list[Outcome | None], form: PlaceholderForm,
                 learned: NamesAsWords, among: list[int] | None = None) -> dict:
    """For each open piece (of `among`) with names that may be shown: the piece with them as words, masked
    otherwise."""
    tries = {}
    for i in _open(outcomes) if among is None else among:
        shown = [span for index, span in enumerate(pieces[i].protected)
                 if index in pieces[i].plain and _shown_as_itself(pieces[i].text, span)
                 and learned.shows(span.restored_text)]
        if shown and _fits_as_words(pieces[i], shown):
            tries[i] = _with_words(pieces[i], shown, form)
    return tries


def _with_words(piece: Piece, shown: list[Span], form: PlaceholderForm):
    reduced = Piece(piece.text, tuple(span for span in piece.protected if span not in shown), piece.guarded)
    return reduced, mask(reduced, form), {span.restored_text for span in shown}


def _accept_words(tries: dict, outputs: dict[int, object], outcomes: list[Outcome | None], form_name: str,
                  step: str | None, counts: list[int], learned: NamesAsWords | None = None) -> None:
    """Keep each try's output when every text shown as words came back exactly as often as it stands."""
    for i, output in outputs.items():
        reduced, masked, shown_texts = tries[i]
        output = output if isinstance(output, str) else ""
        came_back = learned.record(shown_texts, output, masked.text) if learned else \
            not _changed(shown_texts, output, masked.text)
        if came_back:
            outcomes[i] = _verified(output, masked, reduced, form_name, step, counts[i])


def _changed(shown: set[str], output: str, masked_text: str) -> set[str]:
    """The texts shown as words that did not come back verbatim exactly as often as they stand."""
    return {text for text in shown if _count(output, text) != _count(masked_text, text)}


def _unmasked_retry(pieces: list[Piece], outcomes: list[Outcome | None], masked: dict[int, Masked],
                    outputs: dict[int, object], translate: "_Sender", form: PlaceholderForm, counts: list[int]) -> None:
    """Retry the failed pieces with the spans whose placeholders went astray shown to the model as the
    words they are (it copies most names unchanged, and keeps the grammar around them); accept only when
    each of those texts comes back verbatim exactly as often as the sentence has it."""
    retries = {}
    for i in _open(outcomes):
        astray = _astray(outputs.get(i), masked[i])
        shown = [span for index, span in enumerate(pieces[i].protected)
                 if index in astray and _shown_as_itself(pieces[i].text, span)]
        if shown and _fits_as_words(pieces[i], shown):
            retries[i] = _with_words(pieces[i], shown, form)
    if retries:
        outputs = dict(zip(retries, translate([retry[1].text for retry in retries.values()], list(retries))))
        _accept_words(retries, outputs, outcomes, form.name, "unmasked", counts)


def _fits_as_words(piece: Piece, shown: list[Span]) -> bool:
    """Do `shown` fit the piece's room as words? A text takes at most two tokens per character (a piece per
    character, a word boundary per word), so no second count of the sentence is needed."""
    return piece.room is None or sum(2 * len(span.text) for span in shown) <= piece.room


def _shown_as_itself(text: str, span: Span) -> bool:
    """A span can be shown to the model as words when it is its own replacement and stands as whole words
    (so that counting it in the output counts it, and only it)."""
    return text[span.start : span.end] == span.restored_text and _spacing(text, span.start, span.end) == (True, True)


def _astray(output: object, masked: Masked) -> set[int]:
    """Indexes of the placeholders that did not come back exactly once."""
    found = Counter(int(m.group(1)) for m in _TOLERANT.finditer(output if isinstance(output, str) else ""))
    return {index for index, number in enumerate(masked.numbers) if found[number] != 1}


def _verified(output: object, masked: Masked, piece: Piece, form_name: str, step: str | None,
              restored: int) -> Outcome | None:
    """The restored outcome, or None when the output lost, repeated or made up a protected part. `step`: the
    recovery step that produced the output (None for a first try, which may still be "tolerant")."""
    output = output if isinstance(output, str) else ""
    if _invents_span_text(_TOLERANT.sub(" ", output), "".join(gaps(piece)), piece):
        return None
    result = restore(output, masked, [span.restored_text for span in piece.protected])
    if result is None:
        return None
    text, exact = result
    fallback = step if step is not None else (None if exact else "tolerant")
    return Outcome(text, restored, fallback, form_name)


def _piecewise(pieces: list[Piece], owners: list[int], translate: "_Sender") -> list[Outcome]:
    """Translate the text between the spans on its own, then join it around the spans. `owners`: the index
    of each piece among those `translate` counts for."""
    sources = [gaps(piece) for piece in pieces]
    wanted = [(gap.strip(), owner) for parts, owner in zip(sources, owners) for gap in parts if _WORDY.search(gap)]
    translated = iter(translate([gap for gap, _ in wanted], [owner for _, owner in wanted]) if wanted else [])
    outcomes = []
    for piece, parts in zip(pieces, sources):
        rendered = [_framed(gap, _honest(next(translated, ""), gap, piece)) if _WORDY.search(gap) else gap
                    for gap in parts]
        outcomes.append(Outcome(_join(rendered, piece), len(piece.protected), "piecewise"))
    return outcomes


def invents_guarded_text(translation: str, piece: Piece) -> bool:
    """Does a finished `translation` of `piece` hold one of its guarded texts (the document's protected texts that
    are not the piece's own spans) more often than the sentence does? The check a translation made when the
    document guarded fewer texts must pass before it is used again."""
    own = {span.restored_text for span in piece.protected}
    return any(text.strip() and text not in own and text in translation
               and _count(translation, text) > _count(piece.text, text) for text in piece.guarded)


def _invents_span_text(output: str, source: str, piece: Piece) -> bool:
    """Did the engine write a protected text itself (a small model echoing "Axios" from its training
    data)? Then that text would come back more often than the source has it."""
    return any(text in output and _count(output, text) > _count(source, text) for text in _span_texts(piece))


def _honest(output: object, gap: str, piece: Piece) -> str:
    """A gap's translation without protected texts the engine made up; the source gap if that fails."""
    output = output if isinstance(output, str) else ""
    for text in _span_texts(piece):
        if text in output and _count(output, text) > _count(gap, text):
            output = _whole(text).sub("", output) if _count(gap, text) == 0 else gap
    return " ".join(output.split())


def _span_texts(piece: Piece) -> set[str]:
    return {text for text in (*piece.guarded, *(span.restored_text for span in piece.protected)) if text.strip()}


def _count(text: str, span_text: str) -> int:
    return len(_whole(span_text).findall(text))


def _whole(span_text: str) -> re.Pattern:
    """`span_text` as a whole word where it starts or ends with a word character ("US" is not in "USA")."""
    before = r"(?<!\w)" if span_text[0].isalnum() or span_text[0] == "_" else ""
    after = r"(?!\w)" if span_text[-1].isalnum() or span_text[-1] == "_" else ""
    return re.compile(before + re.escape(span_text) + after)


def _framed(source_gap: str, output: object) -> str:
    """The translation of a gap with the gap's own leading and trailing whitespace."""
    text = output.strip() if isinstance(output, str) else ""
    leading = source_gap[: len(source_gap) - len(source_gap.lstrip())]
    trailing = source_gap[len(source_gap.rstrip()) :]
    if not text:
        return " " if leading or trailing else ""
    return leading + text + trailing


def _join(rendered_gaps: list[str], piece: Piece) -> str:
    """Gaps and replacements in turn, with a space where a translated word would touch a span's word."""
    parts = [rendered_gaps[0]]
    for span, gap in zip(piece.protected, rendered_gaps[1:]):
        replacement = span.restored_text
        before, after = _spacing(piece.text, span.start, span.end)
        if before and parts[-1][-1:].isalnum() and replacement[:1].isalnum():
            parts.append(" ")
        parts.append(replacement)
        if after and gap[:1].isalnum() and replacement[-1:].isalnum():
            parts.append(" ")
        parts.append(gap)
    return "".join(parts)


def _free_numbers(piece: Piece, count: int) -> tuple[int, ...]:
    """The smallest numbers that occur nowhere in the unprotected text (so no literal can pose as one)."""
    taken = {int(run) for gap in gaps(piece) for run in _DIGIT_RUN.findall(gap) if len(run) <= 6}
    numbers, candidate = [], 1
    while len(numbers) < count:
        if candidate not in taken:
            numbers.append(candidate)
        candidate += 1
    return tuple(numbers)


def _spacing(text: str, start: int, end: int) -> tuple[bool, bool]:
    """Was the span separate from the word before / after it in the source (not "Trump" in "Trumpism")?"""
    return (start == 0 or not text[start - 1].isalnum(), end == len(text) or not text[end].isalnum())


def _spaced(replacement: str, output: str, match: re.Match, before: bool, after: bool) -> str:
    """Re-insert a space where the model glued a word to a span that stood apart ("слово[1]")."""
    glued_before = before and match.start() > 0 and output[match.start() - 1].isalnum() and replacement[:1].isalnum()
    glued_after = after and match.end() < len(output) and output[match.end()].isalnum() and replacement[-1:].isalnum()
    return (" " if glued_before else "") + replacement + (" " if glued_after else "")
