"""People's names written in a target language's own script: "Volodymyr Zelenskyy" -> "Володимир Зеленський".

    render_name(name, language, kind="person") -> Rendering | None
    is_established_club(name, language) -> bool              (the name is a club's with an established form)
    regnal_form(name, language) -> str | None                 (a monarch's or pope's name: "Francis" -> "Франциск")
    royal_form(name, language) -> str | None                  (a prince's or princess's: "Harry" -> "Гаррі")
    established_form(name, language) -> str | None            (the whole name's established form, if it has one)
    renders_names(language) -> bool
    rendering_languages() -> tuple[str, ...]                 (the languages with data: ("uk",) now)

A rendering comes from the first method that knows the name, word by word (`words.py`): data files of
established forms (people's, whose surname also renders that word alone; sports clubs', for the whole name only:
"Real Madrid" -> "Реал Мадрид", "Bayern Munich" -> "Баварія"); for a name whose spelling shows it was romanised
from Ukrainian or Russian, the reverse of the romanisation standard (KMU 2010 for Ukrainian; BGN/PCGN where a given
name or the spelling shows Russian, as Ukrainian writes Russian names); for a Chinese name
in pinyin, the target's system of transcription from Chinese, and for a Taiwanese one in Wade-Giles, the same
system after reading it as pinyin (`wade_giles.py`); for a Japanese name in Hepburn romanisation, the
target's system for Japanese (`japanese.py`); for a Korean or Vietnamese name, the target's system for it
(`syllabic.py`); for other names, their pronunciation in the CMU
Pronouncing Dictionary mapped to the target's practical transcription; letter rules where the dictionary has no
entry. `Rendering.source` names the least certain method any word needed. Everything a language needs is data
in `data/<language>/` (see `languages.py`), so Russian, Bulgarian, Serbian or Greek are a folder, not code.
The desk's glossary is the caller's business and wins over all of this.
"""

from __future__ import annotations

from dataclasses import dataclass

from babelwire.translation.target_names.rendering.languages import available, has_data
from babelwire.translation.target_names.rendering.words import ESTABLISHED, certainty_order, closed_by_a_fixed_form, \
    club_form, established_form, is_established_club, least_certain, regnal_form, render_words, royal_form, sex_marked

__all__ = ["ESTABLISHED", "ESTABLISHED_ONLY_KINDS", "RENDERED_KINDS", "Rendering", "certainty_order",
           "closed_by_a_fixed_form", "established_form", "is_established_club", "least_certain", "regnal_form", "render_name",
           "renders_names", "rendering_languages", "royal_form", "sex_marked"]

# Organisations keep their Latin names and places are translated: people are rendered, and names of no known type
# ("other": clubs, towns, things), whose words the dictionary may attest as a place or thing (attested.py).
RENDERED_KINDS = frozenset({"person", "other"})
# ... but an organisation whose whole name has an established form takes it: a club the detector took for an
# organisation ("Manchester United" -> "Манчестер Юнайтед"); its words are never transcribed.
ESTABLISHED_ONLY_KINDS = frozenset({"organisation"})


@dataclass(frozen=True)
class Rendering:
    text: str  # the whole name in the target script, nominative: "Володимир Зеленський"
    # "established" | "kmu2010" (the language's reverse romanisation) | "bgn_pcgn" (the reverse of Russian's) |
    # "attested" | "pinyin" | "wade_giles" | "hepburn" | "kontsevych" | "quoc_ngu" | "cmudict" | "spelling"
    source: str


def renders_names(language: str) -> bool:
    """True for a target written in another script whose rendering data exists (Ukrainian now)."""
    return has_data(language)


def rendering_languages() -> tuple[str, ...]:
    return available()


def render_name(name: str, language: str, kind: str = "person", nationality: str | None = None) -> Rendering | None:
    """`name` in `language`'s script, nominative; None when the language needs no rendering, the kind is not
    rendered (an organisation keeps its Latin name unless it is a club with an established form), or
    the name has a letter no table of the language covers. `nationality`: the origin the copy states for the
    person (`nationality.nationality_origin`: "french" for "French striker Kylian Mbappe"), which reads a name
    whose spelling shows no origin of its own."""
    if not renders_names(language) or not name.strip():
        return None
    if kind in ESTABLISHED_ONLY_KINDS:
        club = club_form(name, language)
        return None if club is None else Rendering(club, ESTABLISHED)
    if kind not in RENDERED_KINDS:
        return None
    rendered = render_words(name, language, kind, nationality)
    return None if rendered is None else Rendering(*rendered)
