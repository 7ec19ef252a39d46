"""The recovery chain: every piece translated, every protected span back exactly as often as the source has it.

First, names as words (`names_as_words`, the `words` form), where the model's learner says it is worth it: the
names a sentence allows are shown as they are, the translation kept only when each came back verbatim; a name the
model changed is masked from then on (the sentence is sent again with it masked), and a sentence that still fails
goes through the chain below.

Then per sentence, cheapest first, each keeping the sentence whole until the last:
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

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from babelwire.translation.round_trip.mask import (FORMS, PLACEHOLDER, WORDY, Masked, Piece, PlaceholderForm, gaps, grouped, mask,
                                         needs_engine, occurrences, restore, spacing, whole_word)
from babelwire.translation.round_trip.names_as_words import (WORDS, NamesAsWords, WordsTry, changed_texts, fits_as_words,
                                                   shown_as_itself, with_words, words_tries)


Translate = Callable[[list[str]], list[str]]


@dataclass(frozen=True, slots=True)
class TranslatedPiece:
    """A piece translated with its protected spans restored, and how: how many spans were `restored`, the recovery
    step that succeeded (`fallback`), the placeholder `form` that came back, and every text `sent` to the engine."""

    text: str
    restored: int
    fallback: str | None  # None, "tolerant", "unmasked", "alternate-form", "piecewise"
    form: str | None = None  # the placeholder form that came back; None when nothing was masked
    sent: tuple[str, ...] = ()  # every text the piece sent to the engine, in order (the memory counts by these)


def translate_pieces(pieces: Sequence[Piece], translate: Translate,
                     forms: Sequence[PlaceholderForm] = FORMS,
                     words_first: NamesAsWords | None = None) -> list[TranslatedPiece]:
    """Translate every piece through the recovery chain; `translate` is called once per stage.

    Stages, each only for the pieces still open: with `words_first` (while it is worth it), the names a
    piece allows shown as words, accepted only when each comes back verbatim exactly as often (the model
    then keeps the articles, prepositions and case around them; a name it changed is masked from then
    on); the first form; the same form with the spans whose placeholders went astray shown as words;
    each other form; piecewise, which cannot fail.
    """
    outcomes: list[TranslatedPiece | None] = [
        None if needs_engine(piece) else TranslatedPiece(_join(gaps(piece), piece), len(piece.protected), None)
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
        outcomes[i] = TranslatedPiece(outcome.text, counts[i], outcome.fallback)
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


def _first_pass(pieces: list[Piece], outcomes: list[TranslatedPiece | None], translate: "_Sender",
                form: PlaceholderForm, counts: list[int], words_first: NamesAsWords | None) -> tuple[dict, dict]:
    """Names as words where that is tried, the first form elsewhere, in one engine call; then, for the pieces
    whose names came back changed, the same with the changed names masked (the names that came back
    verbatim stay words: they keep their articles and possessives), and the first form for the pieces left.
    Returns what each piece sent masked, and got back."""
    words = words_tries(pieces, _open(outcomes), form, words_first) if words_first and words_first.worth_it else {}
    first = [i for i in _open(outcomes) if i not in words]
    if words_first:
        words_first.sentences += len(first) + len(words)
    masked, outputs = _words_or_masked(pieces, outcomes, translate, form, counts, words_first, first, words)
    again = [i for i in words if outcomes[i] is None]
    # Only a piece whose model changed some names is shown fewer of them; one whose names all came back (and
    # failed on its placeholders) would send the same text again, so it goes masked.
    fewer = {i: attempt for i, attempt in (words_tries(pieces, again, form, words_first) if again else {}).items()
             if attempt.shown != words[i].shown}
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


def _words_or_masked(pieces: list[Piece], outcomes: list[TranslatedPiece | None], translate: "_Sender",
                     form: PlaceholderForm, counts: list[int], learned: NamesAsWords | None, masked_ones: list[int],
                     tries: dict[int, WordsTry]) -> tuple[dict, dict]:
    """One engine call: `masked_ones` in the form, `tries` with their names as words (accepted when those came
    back verbatim). Returns what the masked ones sent, and got back."""
    masked = {i: mask(pieces[i], form) for i in masked_ones}
    sent = [masked[i].text for i in masked_ones] + [attempt.masked.text for attempt in tries.values()]
    returned = translate(sent, [*masked_ones, *tries]) if sent else []
    _accept_words(tries, dict(zip(tries, returned[len(masked_ones) :])), outcomes, WORDS, None, counts, learned)
    return masked, dict(zip(masked_ones, returned))


def _open(outcomes: list[TranslatedPiece | None]) -> list[int]:
    return [i for i, outcome in enumerate(outcomes) if outcome is None]


def _accept_words(tries: dict[int, WordsTry], outputs: dict[int, object], outcomes: list[TranslatedPiece | None],
                  form_name: str, step: str | None, counts: list[int], learned: NamesAsWords | None = None) -> None:
    """Keep each try's output when every text shown as words came back exactly as often as it stands."""
    for i, output in outputs.items():
        attempt = tries[i]
        output = output if isinstance(output, str) else ""
        came_back = learned.record(attempt.shown, output, attempt.masked.text) if learned else \
            not changed_texts(attempt.shown, output, attempt.masked.text)
        if came_back:
            outcomes[i] = _verified(output, attempt.masked, attempt.piece, form_name, step, counts[i])


def _unmasked_retry(pieces: list[Piece], outcomes: list[TranslatedPiece | None], masked: dict[int, Masked],
                    outputs: dict[int, object], translate: "_Sender", form: PlaceholderForm, counts: list[int]) -> None:
    """Retry the failed pieces with the spans whose placeholders went astray shown to the model as the
    words they are (it copies most names unchanged, and keeps the grammar around them); accept only when
    each of those texts comes back verbatim exactly as often as the sentence has it."""
    retries = {}
    for i in _open(outcomes):
        astray = _astray(outputs.get(i), masked[i])
        shown = [span for index, span in enumerate(pieces[i].protected)
                 if index in astray and shown_as_itself(pieces[i].text, span)]
        if shown and fits_as_words(pieces[i], shown):
            retries[i] = with_words(pieces[i], shown, form)
    if retries:
        outputs = dict(zip(retries, translate([retry.masked.text for retry in retries.values()], list(retries))))
        _accept_words(retries, outputs, outcomes, form.name, "unmasked", counts)


def _astray(output: object, masked: Masked) -> set[int]:
    """Indexes of the placeholders that did not come back exactly once."""
    found = Counter(int(m.group(1)) for m in PLACEHOLDER.finditer(output if isinstance(output, str) else ""))
    return {index for index, number in enumerate(masked.numbers) if found[number] != 1}


def _verified(output: object, masked: Masked, piece: Piece, form_name: str, step: str | None,
              restored: int) -> TranslatedPiece | None:
    """The restored outcome, or None when the output lost, repeated or made up a protected part. `step`: the
    recovery step that produced the output (None for a first try, which may still be "tolerant")."""
    output = output if isinstance(output, str) else ""
    if _invents_span_text(PLACEHOLDER.sub(" ", output), "".join(gaps(piece)), piece):
        return None
    result = restore(output, masked, [span.restored_text for span in piece.protected])
    if result is None:
        return None
    text, exact = result
    fallback = step if step is not None else (None if exact else "tolerant")
    return TranslatedPiece(text, restored, fallback, form_name)


def _piecewise(pieces: list[Piece], owners: list[int], translate: "_Sender") -> list[TranslatedPiece]:
    """Translate the text between the spans on its own, then join it around the spans. `owners`: the index
    of each piece among those `translate` counts for."""
    sources = [gaps(piece) for piece in pieces]
    wanted = [(gap.strip(), owner) for parts, owner in zip(sources, owners) for gap in parts if WORDY.search(gap)]
    translated = iter(translate([gap for gap, _ in wanted], [owner for _, owner in wanted]) if wanted else [])
    outcomes = []
    for piece, parts in zip(pieces, sources):
        rendered = [_framed(gap, _honest(next(translated, ""), gap, piece)) if WORDY.search(gap) else gap
                    for gap in parts]
        outcomes.append(TranslatedPiece(_join(rendered, piece), len(piece.protected), "piecewise"))
    return outcomes


def invents_guarded_text(translation: str, piece: Piece) -> bool:
    """Does a finished `translation` of `piece` hold one of its guarded texts (the document's protected texts that
    are not the piece's own spans) more often than the sentence does? The check a translation made when the
    document guarded fewer texts must pass before it is used again."""
    own = {span.restored_text for span in piece.protected}
    return any(text.strip() and text not in own and text in translation
               and occurrences(translation, text) > occurrences(piece.text, text) for text in piece.guarded)


def _invents_span_text(output: str, source: str, piece: Piece) -> bool:
    """Did the engine write a protected text itself (a small model echoing "Axios" from its training
    data)? Then that text would come back more often than the source has it."""
    return any(text in output and occurrences(output, text) > occurrences(source, text) for text in _span_texts(piece))


def _honest(output: object, gap: str, piece: Piece) -> str:
    """A gap's translation without protected texts the engine made up; the source gap if that fails."""
    output = output if isinstance(output, str) else ""
    for text in _span_texts(piece):
        if text in output and occurrences(output, text) > occurrences(gap, text):
            output = whole_word(text).sub("", output) if occurrences(gap, text) == 0 else gap
    return " ".join(output.split())


def _span_texts(piece: Piece) -> set[str]:
    return {text for text in (*piece.guarded, *(span.restored_text for span in piece.protected)) if text.strip()}


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
        before, after = spacing(piece.text, span.start, span.end)
        if before and parts[-1][-1:].isalnum() and replacement[:1].isalnum():
            parts.append(" ")
        parts.append(replacement)
        if after and gap[:1].isalnum() and replacement[-1:].isalnum():
            parts.append(" ")
        parts.append(gap)
    return "".join(parts)
