"""Document-level evidence: what the rest of the item says about a word.

A word written with a capital in the middle of a sentence is a name wherever it appears (also at a
sentence start or in a capitals headline); a word seen in lower case elsewhere is an ordinary word
where its capital proves nothing.
"""

from dataclasses import dataclass, field

from babelwire.translation.protection.names.lexicon import COMMON_CAPITALISED, DEMONYMS, GIVEN_NAMES, NEVER_ALONE, \
    ROLE_MODIFIERS, SURNAME_TITLES, TITLES, WEEKDAYS_MONTHS
from babelwire.translation.protection.names.layout import (
    field_labels,
    fixture_lines,
    headline_lines,
    source_headings,
    table_lines,
    title_case_lines,
    topic_slugs,
)
from babelwire.translation.protection.names.tokens import Token


@dataclass
class Evidence:
    name_words: set[str] = field(default_factory=set)  # keys seen capitalised mid-sentence
    lower_words: set[str] = field(default_factory=set)  # keys seen in lower case
    headlines: set[int] = field(default_factory=set)  # lines in capitals
    titles: set[int] = field(default_factory=set)  # lines in title case
    tables: set[int] = field(default_factory=set)  # lines of results tables and schedules
    labels: set[int] = field(default_factory=set)  # indices of capitals words labelling a field ("SELLER :")
    slugs: set[int] = field(default_factory=set)  # indices of capitals words of a topic slug ("FOOTBALL -")
    sources: set[int] = field(default_factory=set)  # lines naming the source of the bullets below ("LA PRESSE")
    surnames: set[str] = field(default_factory=set)  # titles used as surnames ("... said King.", "Paul Singer")
    after_given_name: set[int] = field(default_factory=set)  # indices of words right after a given name ("Paul Singer")

    def is_name(self, key: str) -> bool:
        return key in self.name_words

    def is_lower(self, key: str) -> bool:
        return key in self.lower_words


def gather(text: str, tokens: list[Token]) -> Evidence:
    lower_words = {token.key for token in tokens if token.text[0].islower()}
    evidence = Evidence(
        lower_words=lower_words,
        headlines=headline_lines(tokens),
        titles=title_case_lines(tokens, lower_words),
        tables=table_lines(text, tokens) | fixture_lines(text, tokens),
        labels=field_labels(text, tokens),
        slugs=topic_slugs(text, tokens),
        sources=source_headings(text),
    )
    for token in tokens:
        if _after_given_name(text, token, tokens):
            evidence.after_given_name.add(token.index)
        if surname_use(token, tokens):
            evidence.surnames.add(token.key)
            evidence.name_words.add(token.key)
        elif (token.key in SURNAME_TITLES or token.key in WEEKDAYS_MONTHS) and token.index in evidence.after_given_name:
            evidence.surnames.add(token.key)  # "Paul Singer ... Singer added", "Theresa May ... May said": still them
        if not token.text[0].isupper() or token.sentence_start or _in_headline(token, evidence):
            continue
        if token.key not in NEVER_ALONE and token.key not in COMMON_CAPITALISED and not in_a_role(token, tokens):
            evidence.name_words.add(token.key)
    return evidence


def in_a_role(token: Token, tokens: list[Token]) -> bool:
    """"Foreign" of "Russian Foreign Minister": a portfolio word capitalised before a title is the role's, and no
    evidence that the word is a name where it opens a sentence ("Foreign intelligence chief Oleh Ivashchenko")."""
    following = tokens[token.index + 1] if token.index + 1 < len(tokens) else None
    return token.key in ROLE_MODIFIERS and following is not None and following.key in TITLES


def _in_headline(token: Token, evidence: Evidence) -> bool:
    return token.line in evidence.headlines or token.line in evidence.titles


_DETERMINERS = frozenset("the a an his her their its our my your this that s".split())


def _after_given_name(text: str, token: Token, tokens: list[Token]) -> bool:
    """"Paul Singer", "Donald Trump": a capitalised word one space after a capitalised given name."""
    if not token.index or not token.is_capitalised:
        return False
    before = tokens[token.index - 1]
    return before.key in GIVEN_NAMES and before.is_capitalised and text[before.end : token.start] == " "


def surname_use(token: Token, tokens: list[Token]) -> bool:
    """"... said King .", "King said": a title that is also a surname, alone in mid-sentence, with no
    determiner, demonym or capitalised word before it and no capitalised word after it."""
    if token.key not in SURNAME_TITLES or token.sentence_start or token.is_upper or not token.is_capitalised:
        return False
    before = tokens[token.index - 1]
    after = tokens[token.index + 1] if token.index + 1 < len(tokens) else None
    if after is not None and after.is_capitalised and not after.sentence_start:
        return False
    return not before.is_capitalised and before.key not in _DETERMINERS and before.key not in DEMONYMS
