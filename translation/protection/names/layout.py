"""The layout of an item's lines, where capitals mean something else than in running text.

Tables list teams and prices; headlines and title-case lines capitalise every word; form fields
("SELLER :", "RATE :") and topic slugs ("FOOTBALL - ...", "CORRECTED -- ...") label what follows. Each
function is one pass over the tokens.
"""

import re

from babelwire.translation.protection.names.lexicon import ENGLISH_WORDS, FUNCTION_WORDS, NAME_PARTICLES
from babelwire.translation.protection.names.tokens import Token

_LABEL_END = re.compile(r"[ \t]?:")
_PHONE_GAP = re.compile(r"[ ().-]{1,3}")
_PHONE_START = re.compile(r"[+(]\d[\d ().-]*$")
# "FOOTBALL - ", "CORRECTED -- ", and Reuters' slug joined to its headline: "SOCCER-Arsenal"
_SLUG_END = re.compile(r"[ \t]?(?:-{1,2}|–|—)[ \t]|-(?=[A-Z][a-z])")
_SHORT_CAPITALISED_LINE = re.compile(r"[ \t]*[A-Z][\w'’&.-]*(?:[ \t]+[A-Z][\w'’&.-]*){0,4}[ \t]*")
_BULLETS = ("-", "–", "—", "•", "*")


def table_lines(text: str, tokens: list[Token]) -> set[int]:
    """Lines of results tables ("Shakhtar 4 2 1 1 7 3 7", "CHICAGO 80 52 .606"): labels, not sentences.
    A phone number ("Call +380 44 123 4567 for details.") is one value, not a row of figures."""
    numbers: dict[int, int] = {}
    words: dict[int, int] = {}
    previous: Token | None = None
    for token in tokens:
        if token.text[0].isdigit():
            if not (previous and _continues_phone(text, previous, token)):
                numbers[token.line] = numbers.get(token.line, 0) + 1
        elif token.text[0].islower():
            words[token.line] = words.get(token.line, 0) + 1
        previous = token
    return {line for line, n in numbers.items() if n >= 2 and n >= words.get(line, 0)}


def _continues_phone(text: str, previous: Token, token: Token) -> bool:
    """Whether `token` is a further digit group of a phone number that opened with "+" or "(": "+380 44"."""
    if not previous.text[0].isdigit() or not _PHONE_GAP.fullmatch(text, previous.end, token.start):
        return False
    return _PHONE_START.search(text, max(0, previous.start - 24), previous.start + 1) is not None


_FIXTURE_WORDS = frozenset({"at", "v", "vs", "vs.", "versus"})


def fixture_lines(text: str, tokens: list[Token]) -> set[int]:
    """Lines of a schedule ("Baltimore at California", "KANSAS CITY AT DETROIT", "Somerset v Kent"): teams on
    either side of "at", "v" or "vs" and no other word in lower case. A schedule lists two fixtures or more; a
    single line like "CLINTON AT RALLY" is a headline."""
    lines: dict[int, list[Token]] = {}
    for token in tokens:
        lines.setdefault(token.line, []).append(token)
    fixtures = {number for number, words in lines.items() if _is_fixture(words) and not _labelled(text, words)}
    return fixtures if len(fixtures) > 1 else set()


def _labelled(text: str, words: list[Token]) -> bool:
    """"Playing Sunday : Rangers v Bolton": a label before a colon is no team (the teams after it are names anyway)."""
    return ":" in text[words[0].start : words[-1].end]


def _is_fixture(words: list[Token]) -> bool:
    """One "at"/"v"/"vs" between capitalised words, written in lower case unless the whole line is in capitals."""
    separators = [i for i, word in enumerate(words) if word.key in _FIXTURE_WORDS]
    if len(separators) != 1 or not 0 < separators[0] < len(words) - 1:
        return False
    separator = words[separators[0]]
    teams = [word for word in words if word is not separator]
    if not all(word.is_capitalised for word in teams):
        return False
    return separator.text.islower() or all(word.is_upper for word in teams)


def headline_lines(tokens: list[Token]) -> set[int]:
    """Lines written in capitals (headlines, table headers, datelines): capitals prove nothing there."""
    upper: dict[int, int] = {}
    total: dict[int, int] = {}
    for token in tokens:
        if not any(c.isalpha() for c in token.text):
            continue
        total[token.line] = total.get(token.line, 0) + 1
        upper[token.line] = upper.get(token.line, 0) + token.is_upper
    return {line for line, n in total.items() if upper[line] * 3 >= n * 2}


_LIST_JOINERS = frozenset({"and", "or", "&"})  # a list of names has them; a title-case headline has "for", "on", "to"
# The only words title case leaves in lower case; a line with another one in lower case ("is", "has") is a sentence.
_TITLE_CASE_SMALL = frozenset({"a", "an", "the", "and", "or", "but", "nor", "for", "on", "at", "to", "from", "by", "of",
                               "in", "with", "as", "vs", "via", "into", "over", "after"})


def title_case_lines(tokens: list[Token], lower_words: set[str]) -> set[int]:
    """Lines in title case ("Has Trump Done Anything for Ukraine?", "Plastic Surgery Gets Boost"): every word
    but the small ones capitalised, at least three, one of them a small word or a word the item writes in
    lower case elsewhere, or most of them (two at least) dictionary words with a small word in lower case between
    the capitals, and no other word in lower case ("Zelenskyy Meets Trump for White House Talks"; "John Smith is
    Director of the Council" is a sentence: title case writes "Is"). A list of names ("Shevchenko, Andriy Yarmolenko,
    Ruslan Malinovskyi") has no such word, nor the small words that join a headline's phrases, and a caption's
    names outnumber its dictionary words ("BBC Scotland's Alasdair Lamont at the Tony Macaroni Arena")."""
    capitals: dict[int, int] = {}
    inner_capitals: dict[int, int] = {}
    dictionary_words: dict[int, int] = {}
    common: set[int] = set()
    joined: set[int] = set()
    sentences: set[int] = set()
    prose: set[int] = set()
    for token in tokens:
        if not token.text[0].isalpha():
            continue
        if token.text[0].islower():
            if token.key not in FUNCTION_WORDS and token.key not in NAME_PARTICLES:
                prose.add(token.line)
            elif token.key not in _TITLE_CASE_SMALL:
                sentences.add(token.line)
            elif token.key not in _LIST_JOINERS:
                joined.add(token.line)
            continue
        capitals[token.line] = capitals.get(token.line, 0) + 1
        if not token.sentence_start and (token.key in FUNCTION_WORDS or token.key in lower_words):
            common.add(token.line)
        if not token.sentence_start:
            inner_capitals[token.line] = inner_capitals.get(token.line, 0) + 1
            dictionary_words[token.line] = dictionary_words.get(token.line, 0) + (token.key in ENGLISH_WORDS)
    headline = common | {line for line in joined - sentences
                         if dictionary_words.get(line, 0) >= 2 and dictionary_words[line] * 2 > inner_capitals[line]}
    return {line for line, n in capitals.items() if n >= 3 and line in headline and line not in prose}


def source_headings(text: str) -> set[int]:
    """Lines that name the sources of the bullets below them, as press digests do ("LA PRESSE" over "- Tunisia
    's exports rose ...", then "LE TEMPS" over its own): lines of one to five capitalised words, nothing else,
    each directly above a bullet. A digest names two sources or more; a single heading over bullets ("KEY
    POINTS") is a heading, not a source."""
    lines = text.split("\n")
    headings = {
        number
        for number, (line, below) in enumerate(zip(lines, lines[1:]))
        if below.lstrip().startswith(_BULLETS) and _SHORT_CAPITALISED_LINE.fullmatch(line)
    }
    return headings if len(headings) > 1 else set()


def field_labels(text: str, tokens: list[Token]) -> set[int]:
    """Indices of capitals words that label a form field: "SELLER :", "CLOSING DATE :", "1ST RATE :"."""
    return _capitals_runs_before(text, tokens, _LABEL_END, line_start_only=False)


def topic_slugs(text: str, tokens: list[Token]) -> set[int]:
    """Indices of capitals words that open a line before a dash: "FOOTBALL -", "CORRECTED --"."""
    return _capitals_runs_before(text, tokens, _SLUG_END, line_start_only=True)


def _capitals_runs_before(text: str, tokens: list[Token], ending: re.Pattern, line_start_only: bool) -> set[int]:
    """Token indices of the runs of capitals words (separated by single spaces) followed by `ending`."""
    found: set[int] = set()
    run: list[int] = []
    for token in tokens:
        joins = run and token.start - tokens[run[-1]].end == 1 and text[token.start - 1] == " "
        if not (token.is_all_caps and (joins or not line_start_only or _opens_line(text, tokens, token))):
            run = []
            continue
        run = run + [token.index] if joins else [token.index]
        if ending.match(text, token.end):
            found.update(run)
    return found


def _opens_line(text: str, tokens: list[Token], token: Token) -> bool:
    gap = text[tokens[token.index - 1].end if token.index else 0 : token.start]
    return (token.index == 0 or "\n" in gap) and not gap.rpartition("\n")[2].strip()
