"""Names pronounced by the CMU Pronouncing Dictionary, in a target's practical transcription (not yet built)."""

from __future__ import annotations


def transcribe(word: str, data) -> str | None:
    """`word` (lower case) through its CMU pronunciation; None when the dictionary has no entry."""
    return None
