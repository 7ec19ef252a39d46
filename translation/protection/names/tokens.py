"""Word tokens with offsets, the raw material of name detection.

A token is a run of letters/digits with inner hyphens, apostrophes, ampersands and dots
("Bre-X", "O'Neill", "AT&T", "U.S."). A possessive 's / ’s is cut off so that it stays
outside a protected span ("Trump's" -> "Trump"). One regex pass: linear time.
"""

import re
from dataclasses import dataclass

from babelwire.translation.protection.names.lexicon import (DOTTED_ABBREVIATIONS, FUNCTION_WORDS, NUMBER_ABBREVIATIONS,
                                                           PRE_NAME_TITLES)

# Letters then optional inner connectors; initials/abbreviations like U.S. keep their final dot.
_TOKEN = re.compile(
    r"(?<![^\n])[A-Z]{3,}(?=-[A-Z][a-z])"  # a wire slug joined to a headline: "SOCCER-Arsenal beat Bayern"
    r"|\d+(?=-[A-Z][a-z])"  # a seeding joined to a player: "1-Jannik Sinner (Italy) beat 2-Carlos Alcaraz"
    r"|(?:[^\W\d_]\.){2,}"  # U.S. / J.P.
    r"|[^\W_](?:[\w]|[-'’&.](?=\w))*"  # words with inner - ' ’ & .
)
_POSSESSIVE = re.compile(r"['’][sS]$")


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int
    index: int  # position in the document's token list
    line: int  # line number (0-based)
    sentence_start: bool  # first word of a sentence (or line), where capitals prove nothing
    key: str  # lower-case form, for word lists (computed once: looked up many times)
    is_upper: bool  # every letter upper-case, single letters included ("W", "PCT", "U.S.")

    @property
    def is_capitalised(self) -> bool:
        return self.text[0].isupper()

    @property
    def is_all_caps(self) -> bool:
        """Two letters or more, all upper-case ("PCT", "1ST", "U.S."), unlike "W" or "1996"."""
        return self.is_upper and sum(c.isalpha() for c in self.text) >= 2


_NUMBER_AFTER = re.compile(r"\s*\d")
# no ";": a capital after a semicolon is a name's or a list item's, which roles.py tells apart ("Panahi; Will Smith")
_SENTENCE_END = frozenset(".!?:\"“”«»—-–•|")
# A comma, then an opening single quote: speech quoted inside a quote ("told me, 'You have to go'"), whose first word
# is a sentence's; a single quote alone may open a word quoted mid-sentence (the so-called 'Jungle').
_SPEECH_IN_SINGLE_QUOTES = re.compile(r",\s*['‘]")


def tokenize(text: str) -> list[Token]:
    """All word tokens of `text`, with line numbers and sentence-start flags."""
    tokens: list[Token] = []
    line, last_end = 0, 0
    for m in _TOKEN.finditer(text):
        word, start = m.group(), m.start()
        gap = text[last_end:start]
        line += gap.count("\n")
        starts_sentence = not tokens or "\n" in gap or _ends_sentence(gap) or \
            _after_a_final_abbreviation(tokens[-1], word)
        if text.startswith(".", m.end()) and _keeps_dot(word, text, m.end()):
            word += "."
        possessive = _POSSESSIVE.search(word)
        if possessive and len(word) > 2:
            word = word[: possessive.start()]
        upper = word.upper() == word
        tokens.append(Token(word, start, start + len(word), len(tokens), line, starts_sentence, word.lower(), upper))
        last_end = start + len(word) if word.endswith(".") else m.end()
    return tokens




def _after_a_final_abbreviation(previous: Token, word: str) -> bool:
    """"... the West Coast of the U.S. As Rosa approaches": a capitalised function word after an abbreviation's dot
    opens a sentence, the dot ending both; not after a title that precedes a name and nothing else ("Mrs. May",
    "Dr. Will Smith": a name, though "may" and "will" are modal verbs)."""
    return previous.text.endswith(".") and word[:1].isupper() and word.lower() in FUNCTION_WORDS and \
        previous.key.rstrip(".") not in PRE_NAME_TITLES


def _keeps_dot(word: str, text: str, dot: int) -> bool:
    """Initials ("M. Gatting") and abbreviations ("Mr.", "Corp.") own their dot; one that stands before a number
    only where a number follows ("No. 10", "Dec. 6"; in "She said no. Trump knew" the dot ends the sentence)."""
    key = word.lower()
    if len(word) == 1 and word.isupper():
        return True
    return key in DOTTED_ABBREVIATIONS and (key not in NUMBER_ABBREVIATIONS or _NUMBER_AFTER.match(text, dot + 1))


def _ends_sentence(gap: str) -> bool:
    """Punctuation between two words that puts the second at a sentence start."""
    stripped = gap.strip()
    if not stripped:
        return False
    return any(c in _SENTENCE_END for c in stripped) or _SPEECH_IN_SINGLE_QUOTES.fullmatch(stripped) is not None
