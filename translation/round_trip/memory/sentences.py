"""The memory's second layer: a sentence's final translation, kept under the sentence as the pipeline cut it.

The first layer keys the exact text sent to the model. But which texts a sentence sends depends on what the
recovery chain has learned in this process (names shown to the model as words, or masked once the model changed
them), so a sentence seen before could send another text in a later version, or in another worker, and come back
different. Kept under its source text and protected spans (with their renderings, which decide the restored
text), its final translation comes back exactly as before, whatever this process has learned.

The texts the rest of the document protects (`Piece.guarded`) are not part of the key: a version that adds a name
in another paragraph would otherwise miss every sentence. They matter only in that the translation may not hold
one of them more often than the sentence does, and the pipeline checks exactly that before it uses a remembered
translation (recovery.invents_guarded_text).
"""

import json
from dataclasses import dataclass

from babelwire.translation.round_trip.mask import Piece
from babelwire.translation.round_trip.recovery import TranslatedPiece

SENTENCE_LAYER = "sentence"


@dataclass(frozen=True, slots=True)
class Remembered:
    """A sentence's final translation, how many texts it needed from the model when it was made, and the places
    the model lost that were masked then (offsets in the sentence)."""

    outcome: TranslatedPiece
    sent: int
    places: tuple[tuple[int, int], ...] = ()


def sentence_text(piece: Piece) -> str:
    """The sentence with everything the pipeline decided about it, spelled out as the memory's text."""
    return json.dumps({
        "text": piece.text,
        "spans": [[str(span.kind), span.start, span.end, span.restored_text, span.rule] for span in piece.protected],
        "plain": sorted(piece.plain),
        "room": piece.room,
    }, ensure_ascii=False, sort_keys=True)


def encode(remembered: Remembered) -> str:
    outcome = remembered.outcome
    return json.dumps({"text": outcome.text, "restored": outcome.restored, "fallback": outcome.fallback,
                       "form": outcome.form, "sent": remembered.sent, "places": remembered.places},
                      ensure_ascii=False)


def decode(value: str) -> Remembered | None:
    """The remembered translation; None for a value this version cannot read (it then simply misses)."""
    try:
        data = json.loads(value)
        outcome = TranslatedPiece(str(data["text"]), int(data["restored"]), data["fallback"], data["form"])
        return Remembered(outcome, int(data["sent"]), tuple((int(start), int(end)) for start, end in data["places"]))
    except (ValueError, KeyError, TypeError):
        return None
