"""The data a target language's renderer reads, from `data/<language>/`: a new language is a new folder.

    established.txt         whole names with an attested form (their surname renders that word alone, their last
                            two or more words that shortening)
    established_clubs.txt   sports clubs with an attested form, for the whole name only ("United" alone is no club)
    regnal.txt              monarchs' and popes' names, by tradition translated (Francis -> Франциск)
    royal.txt               princes' and princesses' given names as media write them (Harry -> Гаррі)
    slavic_given_names.txt  given names in a name romanised from Ukrainian or Russian, in this language's form,
                            and which of the two each spelling shows (Sergei: Russian; Serhiy: Ukrainian)
    language.txt            the name of the reverse romanisation (reported as a rendering's source); the
                            origins whose reading the dictionary may attest instead of the rules' (attested.py),
                            and those whose reading of a word no other origin's replaces
    alternations.txt        letters usage writes two ways, tried where the dictionary decides (attested.py)
    romanised.txt           reverse romanisation rules for names romanised from Ukrainian (or Russian, without
                            the next file)
    romanised_russian.txt   reverse romanisation rules for names whose spelling shows they were romanised from
                            Russian (optional; data/romanisation_signs.txt and the given names tell them)
    particles.txt           lower-case particles inside a name (von, de, al)
    particle_assimilation.txt  a particle's form before a word of certain starts (Arabic al- as ас- before s)
    openers.txt             words opening a name written as a fixed form joined to the next (St, Saint: Сент-)
    closers.txt             words closing a name written as a fixed form joined to the word before (Jr.: -молодший)
    letter_names.txt        the English letters' names, for a given name of letters said one by one (AJ: Ей Джей)
    name_prefixes.txt       surname prefixes written as a unit (Mc-, O'-), the rest rendered on its own
    spelling.txt            letter rules for an English spelling the dictionary does not know
    endings.txt             rows read with spelling.txt only where a name's spelling shows no origin (not with an
                            origin's table, which falls back on spelling.txt: English's ea, silent final e's)
    spelling_<origin>.txt   letter rules for a name whose spelling tells that origin (see data/origin.txt:
                            polish, hungarian, german, french, italian, spanish, romanian...), read before
                            spelling.txt's
    phonemes.txt            the CMU dictionary's phonemes in this language's practical transcription
    pinyin.txt              Chinese pinyin initials, finals and syllables in this language (see pinyin.py)
    korean.txt              Korean and Vietnamese family names, and the initials, vowels and finals of a
    vietnamese.txt          romanised syllable, in this language (see syllabic.py)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from babelwire.translation.target_names.rendering.rules import RuleTable
from babelwire.translation.lexicon.wordlists import fold, load_table


# A run of initials, together or spaced: "j.d.", "j. k.", "h.w." ("robert f. kennedy": one initial is a run too)
_INITIALS = re.compile(r"\b[a-z]\.(?: ?[a-z]\.)*(?=\s|$)")


@dataclass(frozen=True)
class LanguageData:
    code: str  # the folder under data/
    established: dict[str, str]  # lower-case Latin name or word -> target form (people: a word may use it)
    clubs: dict[str, str]  # folded Latin whole name of a sports club -> target form (`established` wins)
    regnal: dict[str, str]  # folded Latin name of a monarch or pope ("francis") -> its regnal form ("Франциск")
    royal: dict[str, str]  # folded Latin given name of a prince or princess ("harry") -> its form ("Гаррі")
    given_names: dict[str, str]  # lower-case Latin given name -> target form
    particles: dict[str, str]  # a particle written in lower case inside a name ("von", "al") -> target form
    # a particle ("al") -> how the word after it starts ("s", "saud") -> the particle's form there ("ас", "аль")
    particle_assimilation: dict[str, dict[str, str]]
    openers: dict[str, tuple[str, str]]  # a word opening a name ("st") -> (its form, what joins it to the next)
    closers: dict[str, tuple[str, str]]  # a word closing a name ("jr.") -> (its form, what joins it to the one before)
    letter_names: dict[str, str]  # an English letter ("j") -> its name in the language ("Джей")
    slavic_given_names: frozenset[str]  # the given names that alone tell a name is Ukrainian or Russian
    given_romanised_from: dict[str, str]  # lower-case Latin given name -> what its spelling shows: "russian"...
    prefixes: tuple[tuple[str, str, bool], ...]  # (Latin prefix, target form, the rest keeps its capital)
    romanisation_name: str
    romanised: RuleTable
    russian_romanisation_name: str  # the source reported for a word read by `romanised_russian`
    romanised_russian: RuleTable  # for a name romanised from Russian (`romanised` where the language has none)
    spelling: RuleTable
    origin_spelling: dict[str, RuleTable]  # origin -> its letter rules, read before the English ones
    dictionary_readings: tuple[str, ...]  # origins whose reading of a word the dictionary may attest instead
    final_readings: tuple[str, ...]  # origins whose reading of a word no other origin's reading replaces
    h_letters: frozenset[str]  # the letters an h is written with (г, ґ, х): a reading must not lose one (words.py)
    # a masculine adjective surname's ending and what a woman's foreign surname spelt -ski ends in instead
    womans_foreign_surname: tuple[str, str] | None  # ("ький", "кі"); None: the language has no such rule
    # letters the orthography never writes together, and what it writes instead ("ьа" -> "ья"), after letter rules
    spelling_fixes: tuple[tuple[str, str], ...] = ()
    # consonants the orthography writes no soft sign after: before я, ю, є, ї an apostrophe stands there instead
    no_soft_sign_after: str = ""


def name_key(name: str) -> str:
    """How a whole name is looked up in the tables of whole names: folded, one space between words, and initials
    written one way, without full stops ("J.D. Vance", "J. D. Vance" and "JD Vance" are one key, "jd vance")."""
    return _INITIALS.sub(lambda run: run.group().replace(".", "").replace(" ", ""), " ".join(fold(name).split()))


def primary(language: str) -> str:
    """"uk-UA" -> "uk"."""
    return language.replace("_", "-").split("-", 1)[0].lower()


def has_data(language: str) -> bool:
    code = primary(language)
    return code.isalpha() and resources.files(__package__).joinpath("data", code, "language.txt").is_file()


def available() -> tuple[str, ...]:
    """The languages with rendering data: the folders of data/ that have a language.txt."""
    folders = resources.files(__package__).joinpath("data").iterdir()
    return tuple(sorted(folder.name for folder in folders if folder.joinpath("language.txt").is_file()))


@cache
def language_data(language: str) -> LanguageData:
    code = primary(language)
    about = dict(load_table(__package__, f"{code}/language"))
    given = load_table(__package__, f"{code}/slavic_given_names")
    return LanguageData(
        code=code,
        established=_established(code),
        clubs=_established_clubs(code),
        regnal=_titled(code, "regnal"),
        royal=_titled(code, "royal"),
        given_names={row[0].lower(): row[1] for row in given},
        particles=dict(load_table(__package__, f"{code}/particles")),
        particle_assimilation=_particle_assimilation(code),
        openers=_joined_words(code, "openers"),
        closers=_joined_words(code, "closers"),
        letter_names=_optional_table(code, "letter_names"),
        slavic_given_names=frozenset(row[0].lower() for row in given if "sign" in _marks(row)),
        given_romanised_from={row[0].lower(): mark for row in given for mark in _marks(row)
                              if mark in ("russian", "ukrainian")},
        prefixes=_prefixes(code),
        romanisation_name=about["romanisation"],
        romanised=RuleTable.load(__package__, f"{code}/romanised"),
        russian_romanisation_name=about.get("romanisation_russian", about["romanisation"]),
        romanised_russian=_russian_table(code),
        spelling=RuleTable.load(__package__, f"{code}/spelling", f"{code}/endings"),
        origin_spelling=_origin_spelling(code),
        dictionary_readings=tuple(about.get("dictionary_readings", "").split()),
        final_readings=tuple(about.get("final_readings", "").split()),
        h_letters=frozenset(about.get("h_letters", "")),
        womans_foreign_surname=tuple(about["womans_foreign_surname"].split()) if "womans_foreign_surname" in about
        else None,
        spelling_fixes=tuple(tuple(pair.split(">")) for pair in about.get("spelling_fixes", "").split()),
        no_soft_sign_after=about.get("no_soft_sign_after", ""),
    )


def _marks(row: tuple[str, ...]) -> list[str]:
    """The space-separated marks of a given name's third column ("sign", "russian", "ukrainian")."""
    return row[2].split() if len(row) > 2 else []


def _russian_table(code: str) -> RuleTable:
    try:
        return RuleTable.load(__package__, f"{code}/romanised_russian")
    except FileNotFoundError:  # a language without its own table reads Russian names as its own romanisation
        return RuleTable.load(__package__, f"{code}/romanised")


def _optional_rows(code: str, table: str) -> tuple[tuple[str, ...], ...]:
    """The rows of a table a language may do without; none where its folder has no such file."""
    try:
        return load_table(__package__, f"{code}/{table}")
    except FileNotFoundError:
        return ()


def _joined_words(code: str, table: str) -> dict[str, tuple[str, str]]:
    return {row[0]: (row[1], row[2]) for row in _optional_rows(code, table)}


def _particle_assimilation(code: str) -> dict[str, dict[str, str]]:
    table: dict[str, dict[str, str]] = {}
    for particle, start, form in _optional_rows(code, "particle_assimilation"):
        table.setdefault(particle, {})[start] = form
    return table


def _prefixes(code: str) -> tuple[tuple[str, str, bool], ...]:
    return tuple((row[0], row[1], row[2:] == ("capital",)) for row in load_table(__package__, f"{code}/name_prefixes"))


def _origin_spelling(code: str) -> dict[str, RuleTable]:
    """spelling_<origin>.txt for each origin that has one, each read before the English spelling.txt."""
    names = [item.name for item in resources.files(__package__).joinpath("data", code).iterdir()]
    origins = [name.removeprefix("spelling_").removesuffix(".txt") for name in names if name.startswith("spelling_")]
    return {origin: RuleTable.load(__package__, f"{code}/spelling_{origin}", f"{code}/spelling") for origin in origins}


def _optional_table(code: str, table: str) -> dict[str, str]:
    return {row[0]: row[1] for row in _optional_rows(code, table)}


def _titled(code: str, table: str) -> dict[str, str]:
    return {name_key(latin): form for latin, form in _optional_table(code, table).items()}


def _established_clubs(code: str) -> dict[str, str]:
    """Clubs' whole names only: a word of one is no form of that word elsewhere ("Madrid" of "Real Madrid" is a
    city, "United" of "Manchester United" a word of many clubs and companies)."""
    return {name_key(latin): form for latin, form, *_ in _optional_rows(code, "established_clubs")}


def _established(code: str) -> dict[str, str]:
    """Whole names, and the surname of each (the whole names win).

    A surname alone is the same person ("Zelenskyy"); a given name is not: Antonio Guterres's Антоніу is not
    Antonio Conte's Антоніо, so given names come only from their own rows ("David	Девід").
    """
    return established_forms([(latin, form) for latin, form, *_ in load_table(__package__, f"{code}/established")])


def established_forms(rows: list[tuple[str, str]]) -> dict[str, str]:
    """The lookup table of `_established` made of (Latin name, form) rows."""
    surnames = {latin.split()[-1].lower(): form.split()[-1] for latin, form in rows if _surname_apart(latin, form)}
    return surnames | _shortened(rows) | {name_key(latin): form for latin, form in rows}


def _surname_apart(latin: str, form: str) -> bool:
    """The form's last word is the Latin name's last: the words match one for one, or the form joins given names
    (Ole Gunnar Solskjaer, Уле-Гуннар Сульшер); not where the form splits the surname ("DiCaprio" alone is no Капріо
    of Ді Капріо) or is one word ("Lama" is no Далай-лама)."""
    latin_words, form_words = len(latin.split()), len(form.split())
    return latin_words > 1 and (latin_words == form_words or 1 < form_words < latin_words)


def _shortened(rows: list[tuple[str, str]]) -> dict[str, str]:
    """A name of three words or more shortened as the press shortens it, to its last two or more words ("Tayyip
    Erdogan" of Recep Tayyip Erdogan, "Lula da Silva"), each word taking the whole form's word; where two rows
    shorten to one key with other forms, neither is the person, and a shortening that opens with a particle
    ("da Silva") or an initial ("D. Roosevelt") is no name to look up."""
    forms: dict[str, set[str]] = {}
    for latin, form in rows:
        words, form_words = latin.split(), form.split()
        if len(words) < 3 or len(form_words) != len(words):
            continue
        for start in range(1, len(words) - 1):
            if words[start][:1].isupper() and len(words[start].rstrip(".")) > 1:
                forms.setdefault(name_key(" ".join(words[start:])), set()).add(" ".join(form_words[start:]))
    return {key: next(iter(found)) for key, found in forms.items() if len(found) == 1}
