"""Which letters of a word spell each of its phonemes: "warren" / W AO1 R AH0 N -> w, a, rr, e, n.

The alignment is what lets a transcription follow the spelling where Ukrainian practice does (doubled consonants
as spelt, an unstressed vowel as written). A small dynamic programme: a phoneme takes one letter it can be spelt
with (cost 0; ER prefers its vowel letter to its r) or one it cannot (cost 3), or none (an extra phoneme, as the
S of "x", cost 1.5); a letter no phoneme takes is silent (cost 1; less for a doubled letter, a final e, the h of a
digraph, the second letter of a vowel pair ("ea", "ow"), the g of "gh", the c of "tch" or the k of "ck"). Silent
letters join the phoneme before them ("rr", "th", "ck"), or the first phoneme when they open the word.
"""

from __future__ import annotations

VOWEL_PHONEMES = frozenset({"AA", "AE", "AH", "AO", "AW", "AY", "EH", "ER", "EY", "IH", "IY", "OW", "OY", "UH", "UW"})
_VOWEL_LETTERS = "aeiouy"
_SPELT_BY = {  # consonant letter -> the phonemes it can spell; vowel letters spell any vowel
    "b": "B", "c": "K S CH SH", "d": "D JH T", "f": "F V", "g": "G JH ZH K", "h": "HH", "j": "JH Y HH ZH",
    "k": "K", "l": "L", "m": "M", "n": "N NG", "p": "P F", "q": "K", "r": "R ER", "s": "S Z SH ZH",
    "t": "T CH SH TH DH D", "v": "V F", "w": "W V", "x": "K Z S G", "z": "Z S ZH T",
}
_EXTRA_SPELT_BY = {"y": "Y IY IH AY", "u": "W Y", "w": "AW OW UW", "i": "Y"}
_DIGRAPH_H = frozenset("cgpstwk")


def base(phoneme: str) -> str:
    """"AH0" -> "AH"."""
    return phoneme.rstrip("012")


def _match_cost(letter: str, phoneme: str) -> float:
    sound = base(phoneme)
    if sound == "ER" and letter == "r":
        return 0.5  # "er", "or": the vowel letter spells the ER, the r joins it
    if letter in _VOWEL_LETTERS and sound in VOWEL_PHONEMES:
        return 0.0
    if sound in _SPELT_BY.get(letter, "").split() or sound in _EXTRA_SPELT_BY.get(letter, "").split():
        return 0.0
    return 3.0


def _silent_cost(word: str, index: int) -> float:
    letter = word[index]
    previous = word[index - 1] if index else ""
    following = word[index + 1] if index + 1 < len(word) else ""
    if letter in _VOWEL_LETTERS + "w" and previous in _VOWEL_LETTERS or letter == "g" and following == "h":
        return 0.5  # the second letter of a vowel pair ("au", "ea", "ow"), the g of "gh"
    if letter == previous or (letter == "e" and index == len(word) - 1) or (letter == "h" and previous in _DIGRAPH_H) \
            or (letter == "c" and previous == "t" and following == "h") or (letter == "k" and previous == "c"):
        return 0.3
    return 1.0


def align(word: str, phonemes: list[str]) -> list[str]:
    """The letters of `word` that spell each phoneme (a phoneme no letter spells gets "")."""
    n, m = len(word), len(phonemes)
    inf = float("inf")
    cost = [[inf] * (m + 1) for _ in range(n + 1)]
    step: list[list[str]] = [[""] * (m + 1) for _ in range(n + 1)]
    cost[0][0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            here = cost[i][j]
            if here == inf:
                continue
            if i < n and j < m and here + _match_cost(word[i], phonemes[j]) < cost[i + 1][j + 1]:
                cost[i + 1][j + 1], step[i + 1][j + 1] = here + _match_cost(word[i], phonemes[j]), "match"
            if i < n and here + _silent_cost(word, i) < cost[i + 1][j]:
                cost[i + 1][j], step[i + 1][j] = here + _silent_cost(word, i), "silent"
            if j < m and here + 1.5 < cost[i][j + 1]:
                cost[i][j + 1], step[i][j + 1] = here + 1.5, "extra"
    return _groups(word, m, step)


def _groups(word: str, m: int, step: list[list[str]]) -> list[str]:
    """Walk the choices back: each phoneme's letters, silent letters joined to the phoneme before them."""
    groups = [""] * m
    pending = ""  # silent letters met walking backwards, waiting for the phoneme before them
    i, j = len(word), m
    while i or j:
        move = step[i][j]
        if move == "match":
            groups[j - 1] = word[i - 1] + pending
            pending, i, j = "", i - 1, j - 1
        elif move == "silent":
            pending, i = word[i - 1] + pending, i - 1
        else:
            j -= 1
    if pending and m:  # silent letters that open the word ("kn", "wr")
        groups[0] = pending + groups[0]
    return groups
