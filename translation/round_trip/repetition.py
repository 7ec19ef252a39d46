"""Is a translation looping? A pure check on text, shared by the engines and anyone measuring them.

Neural MT sometimes falls into a loop: "levada a ser levada a ser levada a ser ...". The telltale sign is a
stretch of words repeated back to back more often than anything in the source repeats. The source matters:
"No, no, no, no!" may rightly come back as "Não, não, não, não!".

    looks_looping("It was taken to be seen.", "Foi levada a ser levada a ser levada a ser")  -> True
"""

import re

_TOKEN = re.compile(r"\w+|[^\w\s]")
_LONGEST_UNIT = 12  # words in the repeated stretch; a loop of a longer phrase is rare and already caught twice
# Back-to-back copies that make a loop: a single word four times, a phrase three times.
_WORD_COPIES = 4
_PHRASE_COPIES = 3
_RUN_OF_ONE_CHARACTER = 10  # "!!!!!!!!!!" or "ééééééééé" (a subword loop inside one word)

# What an engine retranslates a looping sentence with: no 3-gram may occur twice, which breaks every loop
# within a few tokens (CTranslate2's and transformers' `no_repeat_ngram_size` mean the same).
RETRY_NO_REPEAT_NGRAM = 3


def looks_looping(source: str, output: str) -> bool:
    """True when `output` repeats a word or phrase back to back more than a translation of `source` would.

    A word repeated four times or a phrase (2-12 words or marks) three times in a row is a loop, unless the
    source itself repeats something as often; so is one character repeated ten times where the source has
    no such run. Case-insensitive; linear in the output's length for each phrase length tried.
    """
    source_copies = _most_copies(_tokens(source))
    output_copies = _most_copies(_tokens(output))
    if output_copies > source_copies and output_copies >= _PHRASE_COPIES:
        return True
    return _longest_character_run(output) >= max(_RUN_OF_ONE_CHARACTER, _longest_character_run(source) + 1)


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.lower())


def _most_copies(tokens: list[str]) -> int:
    """The most back-to-back copies of any stretch of tokens, a single word's copies scaled down so that
    _WORD_COPIES of a word weigh as _PHRASE_COPIES of a phrase."""
    best = 1
    for unit in range(1, min(_LONGEST_UNIT, len(tokens) // 2) + 1):
        copies = 1 + _longest_match_run(tokens, unit) // unit
        best = max(best, copies - (_WORD_COPIES - _PHRASE_COPIES) if unit == 1 else copies)
    return best


def _longest_match_run(tokens: list[str], unit: int) -> int:
    """The longest stretch of positions i in a row where tokens[i] == tokens[i + unit]."""
    longest = run = 0
    for i in range(len(tokens) - unit):
        run = run + 1 if tokens[i] == tokens[i + unit] else 0
        longest = max(longest, run)
    return longest


def _longest_character_run(text: str) -> int:
    longest = run = 0
    previous = None
    for char in text:
        run = run + 1 if char == previous and not char.isspace() else 1
        previous = char
        longest = max(longest, run)
    return longest
