"""Find the spans of a text that must come back verbatim (or as their glossary rendering).

    find_spans(text, policy=ProtectionPolicy(), terms=(), glossary=None, target=None) -> list[Span]
    find_protection(...) -> Protection(spans, translated_places, rendered_people)

Names that languages word their own way (places, demonyms, descriptive institutions: see
`babelwire.translation.protection.translated_names`) are left to the model unless the policy keeps them; the places among them that
CLDR names in the target language come back in `translated_places`, so the pipeline can check that a
recognisable form came through. In a target written in another script (Ukrainian), people are left to the
model too, with their rendering in that script (`rendered_people`), so the pipeline can check the model's form
of each against it, as for places.

Detection runs on the whole document; overlaps are resolved in one place: a quote wins over anything
inside or across it, an explicit term (per-item or glossary) wins over the detectors, and otherwise the
longest span wins. A name that contains a glossary term is cut around the term so both apply.
"""

import bisect
import re
from collections.abc import Iterable

from dataclasses import dataclass, field, replace

from babelwire.translation.target_names import name_forms
from babelwire.translation.protection import name_types, names, translated_names, patterns, quotes
from babelwire.translation.target_names.declension import NO_ROLE, NOMINATIVE, SourceRole, club_gender, family_form, \
    person_gender
from babelwire.translation.target_names.families import family_surname
from babelwire.translation.protection.glossary import Glossary
from babelwire.translation.protection.name_order import surname_first
from babelwire.translation.protection.policy import ProtectionPolicy
from babelwire.translation.protection.pronouns import Evidence, pronoun_sexes, titled_sexes
from babelwire.translation.target_names.rendering import Rendering, is_established_club, render_name, renders_names
from babelwire.translation.target_names.rendering.origin import origin_of
from babelwire.translation.target_names.rendering.words import read_as_slavic
from babelwire.translation.protection.spans import Span, SpanKind

_DETECTORS = (
    (SpanKind.URL, patterns.find_urls),
    (SpanKind.EMAIL, patterns.find_emails),
    (SpanKind.HANDLE, patterns.find_handles),
    (SpanKind.HASHTAG, patterns.find_hashtags),
    (SpanKind.NUMBER, patterns.find_numbers),
)
_WORD_SPLIT = re.compile(r"\w+")
_AFTER_BY = re.compile(r"\bby\s+$", re.IGNORECASE)
_AFTER_FROM = re.compile(r"\b(?:from|of)\s+$", re.IGNORECASE)
_AFTER_TO = re.compile(r"(?:(?<!\w)(\w+)\s+)?\bto\s+$", re.IGNORECASE)
_WORD_BEFORE = re.compile(r"(?<![\w'’-])([a-z]+)\s+$")  # a lower-case English word right before the name
# words before "to" that make it no recipient's: a compound preposition's ("according to Trump": за словами Трампа;
# "close to Trump": близький до Трампа; "due to Smith": через Сміта), a verb's own preposition ("referring to Ford":
# маючи на увазі Форд; "listened to Trump": слухав Трампа) and what befalls a person ("an injury to Knott": травма
# Кнотта)
_TO_NO_RECIPIENTS = frozenset({"according", "next", "close", "closer", "closest", "due", "owing", "prior", "compared",
                               "contrary", "opposed", "addition", "contrast", "regard", "respect", "relative",
                               "similar", "up", "as", "refer", "refers", "referred", "referring", "listen", "listens",
                               "listened", "listening", "injury", "injuries", "damage", "harm"})
_POSSESSIVE_AFTER = re.compile(r"['’]s?(?!\w)")
_WORD_CHAR = re.compile(r"\w")


@dataclass(frozen=True, slots=True)
class TranslatedPlace:
    """A place left to the model, and the names CLDR gives it in the target language."""

    span: Span
    forms: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class RenderedPerson:
    """A person left to the model in a target written in another script: the name's rendering there
    (nominative), the gender its declension follows, and whether it declines (a club's compound name does not)."""

    span: Span
    rendering: Rendering
    gender: str  # "f" | "m"
    declines: bool = True
    surname_first: bool = False  # "Kim Jong Un": the given name's inner words do not decline
    role: SourceRole = NO_ROLE  # what the English around it says of its part: "replaced by Kane", "told Trump"...
    possessor: bool = False  # "Witkoff's team", "Liverpool's defence": the owner, in the genitive
    slavic: bool | None = None  # the (full) name reads as Slavic: Путіним, but Остіном (`read_as_slavic`)
    family: str | None = None  # "the Obamas": the surname (Обама) whose plural names a family (`families.py`)


@dataclass(frozen=True, slots=True)
class Protection:
    spans: list[Span]
    translated_places: list[TranslatedPlace]
    rendered_people: list[RenderedPerson] = field(default_factory=list)


def find_spans(
    text: str,
    policy: ProtectionPolicy = ProtectionPolicy(),
    terms: Iterable[str] = (),
    glossary: Glossary | None = None,
    target: str | None = None,
) -> list[Span]:
    """Protected spans of `text`: sorted, non-overlapping, offsets into `text`.

    Arguments:
        terms: do-not-translate terms for this text (whole-word, case-sensitive), kept verbatim.
        glossary: its terms are protected too; with `target`, a term's rendering for that language
            becomes the span's `replacement`.
    """
    return find_protection(text, policy, terms, glossary, target).spans


def find_protection(
    text: str,
    policy: ProtectionPolicy = ProtectionPolicy(),
    terms: Iterable[str] = (),
    glossary: Glossary | None = None,
    target: str | None = None,
) -> Protection:
    """The protected spans of `text` (as `find_spans`) and the places the policy leaves to the model."""
    quoted = quotes.find_quotes(text) if policy.quotes else []
    explicit = find_terms(text, _term_table(terms, glossary, target)) if policy.terms else []
    detected = [span for kind, find in _DETECTORS if policy.allows(kind) for span in find(text)]
    translated: list[Span] = []
    kept: list[Span] = []
    if policy.names:
        kept, translated = _names_by_policy(text, policy, target)
        detected += _cut_around(kept, explicit) + (_demonyms(text) if policy.places else [])
    spans = _resolve([quoted, explicit, detected])
    if policy.renders_people_in(target):
        spans = _typed_item_people(spans, kept, _item_terms(terms, glossary, target))
    people = _people_to_render(text, spans, target) if policy.renders_people_in(target) else []
    if people:
        rendered = {id(person.span) for person in people}
        spans = [span for span in spans if id(span) not in rendered]
    return Protection(spans, _places_to_check(translated, spans, target), people)


def _item_terms(terms: Iterable[str], glossary: Glossary | None, target: str | None) -> set[str]:
    """The item's own do-not-translate terms that the glossary does not keep or render."""
    listed = glossary.terms_for(target) if glossary is not None else {}
    return {term.strip() for term in terms if term.strip() and term.strip() not in listed}


def _typed_item_people(spans: list[Span], names_found: list[Span], item_terms: set[str]) -> list[Span]:
    """An item's do-not-translate term (a ninjs item lists its people) that the detector finds as a person is
    that person: typed so, it is rendered like any other (a glossary's `keep` still keeps a name in Latin)."""
    people = {(span.start, span.end) for span in names_found if span.type == name_types.PERSON}
    return [replace(span, type=name_types.PERSON)
            if span.kind is SpanKind.TERM and span.text in item_terms and (span.start, span.end) in people else span
            for span in spans]


def _people_to_render(text: str, spans: list[Span], target: str) -> list[RenderedPerson]:
    """The people among the kept names that the target writes in its own script (glossary terms and quotes
    are other spans, so a glossary's `keep` keeps a name in Latin). A surname alone takes the gender of the
    full name it shortens ("Oksana Stefanyshyna ... Stefanyshyna", "Kim Jong Un ... Kim")."""
    if not renders_names(target):
        return []
    typed = [span for span in spans if span.type]
    written = name_forms.written_in(text, [(span, span.type, True) for span in typed], target)
    forms = {id(span): form for span, form in zip(typed, written)}
    people = [span for span in typed if forms[id(span)].way == name_forms.RENDERED]
    full_names = {span.text.split()[-1]: span.text for span in people if " " in span.text}
    full_names |= {span.text.split()[0]: span.text for span in people if surname_first(span.text)}  # "Kim"
    sexes = _pronoun_evidence(text, spans, people, full_names)
    titled = titled_sexes(text, [(full_names.get(span.text, span.text), span.start, span.end) for span in people])
    rendered = []
    for span in people:
        form = forms[id(span)]
        rendering = Rendering(form.forms[0], form.source)
        source = full_names.get(span.text, span.text)
        if _a_team(span, source, target):  # "Баварія" declines as a noun, "Манчестер Юнайтед" not
            club = None if _english_plural(span.text) or _a_plural_short_name(span.text, source) else \
                club_gender(rendering.text, target)
            rendered.append(RenderedPerson(span, rendering, club or "m", declines=club is not None,
                                           **_english_cues(text, span)))
            continue
        family = family_surname(text, span.start, span.text, full_names, target)
        if family is not None:  # "the Obamas": Обами, declined in the plural
            plural = Rendering(family_form(family.text, NOMINATIVE, target), family.source)
            rendered.append(RenderedPerson(span, plural, "m", family=family.text, **_english_cues(text, span)))
            continue
        rendered_source = render_name(source, target) if source != span.text else rendering
        gender = titled.get(source) or _by_pronouns(source, sexes.get(source)) or \
            person_gender(source, (rendered_source or rendering).text, target)
        rendered.append(RenderedPerson(span, rendering, gender, surname_first=surname_first(span.text),
                                       slavic=read_as_slavic(source, target), **_english_cues(text, span)))
    return rendered


def _english_cues(text: str, span: Span) -> dict:
    """What the English words around the name say of its part in the sentence, which tells the case a translation
    gives it: an agent ("by"), a recipient ("to", "told"), a verb's object ("called"), where from ("from", "of"), an
    owner ("'s")."""
    start = max(0, span.start - 8)
    match = _WORD_BEFORE.search(text, max(0, span.start - 30), span.start)
    verb = match.group(1) if match else ""
    role = SourceRole(agent=_AFTER_BY.search(text, start, span.start) is not None,
                      recipient=_a_recipient(text, span) or verb in names.lexicon.RECIPIENT_VERBS,
                      object=verb in names.lexicon.OBJECT_VERBS,
                      from_or_of=_AFTER_FROM.search(text, start, span.start) is not None)
    return {"role": role, "possessor": _a_possessor(text, span)}


def _a_recipient(text: str, span: Span) -> bool:
    """The name follows a recipient's "to": "a pass to Sterling", "a letter to Kim", "lost to Federer", "an adviser to
    Trump" (not "according to Trump", "referring to Ford", "an injury to Knott")."""
    match = _AFTER_TO.search(text, max(0, span.start - 30), span.start)
    return match is not None and (match.group(1) or "").lower() not in _TO_NO_RECIPIENTS


def _a_possessor(text: str, span: Span) -> bool:
    """The name is followed by an English possessive: "Witkoff's", "Simmons'" (a bare apostrophe only after an s,
    where it is no closing quote mark)."""
    ending = _POSSESSIVE_AFTER.match(text, span.end)
    return ending is not None and (ending.group().endswith("s") or span.text.endswith("s"))


def _pronoun_evidence(text: str, spans: list[Span], people: list[Span], full_names: dict[str, str]
                      ) -> dict[str, Evidence]:
    """What the pronouns after each person's mentions say, by full name: a person's, or a name of no known type
    rendered as one where the pronoun follows its own reporting verb ("Naledi Pandor said she", whose given name no
    census has); a town "she" was found in gets none."""
    mentions = [(full_names.get(span.text, span.text), span.start, span.end) for span in people
                if span.type in (name_types.PERSON, name_types.OTHER)]
    stops = [span.start for span in people] + [span.start for span in spans if span.kind is SpanKind.QUOTE]
    untyped = {span.start for span in people if span.type == name_types.OTHER}
    return pronoun_sexes(text, mentions, stops, told_by_report=untyped)


def _a_team(span: Span, full_name: str, target: str) -> bool:
    """A club the target has a form of, named in full or by the word its full name ends in ("Lakers" after "Los
    Angeles Lakers"), or one word of no known type that is an English plural (a team: "з «Лейкерс»", "в «Хартс»"),
    unless it shortens a person's name given in full ("Sims" after "Wayde Sims")."""
    return is_established_club(span.text, target) or is_established_club(full_name, target) or \
        span.type == name_types.OTHER and full_name == span.text and " " not in span.text and _english_plural(span.text)


def _english_plural(name: str) -> bool:
    """"Rangers", "Hearts": a club named by an English plural, which Ukrainian leaves undeclined ("над
    «Рейнджерс»"), unlike a name that merely ends in -s ("Олімпіакосом", "Бетіса")."""
    word = name.split()[-1].lower()
    return word.endswith("s") and not word.endswith("ss") and word[:-1] in names.lexicon.ENGLISH_WORDS and \
        origin_of(word) is None  # "Morales" is Spanish, whatever "morale" is


def _a_plural_short_name(short: str, full: str) -> bool:
    """"Celtics" after "Boston Celtics": the plural its full name ends in shortens a club's compound name, and stays
    undeclined as the full name does ("з «Селтікс»"), though its singular is no English word of the list."""
    return full != short and full.endswith(" " + short) and short.endswith("s") and not short.endswith("ss")


def _by_pronouns(source: str, evidence: Evidence | None) -> str | None:
    """The sex the pronouns give a person where they outweigh the census: two mentions or more agreeing, or
    one where the census has no word on the given name ("Liam Fox ... his")."""
    if evidence is None:
        return None
    words = source.split()
    census = name_types.given_name_gender(words[0]) if len(words) > 1 and not surname_first(source) else None
    return evidence.sex if evidence.votes >= 2 or census is None else None


def _names_by_policy(text: str, policy: ProtectionPolicy, target: str | None) -> tuple[list[Span], list[Span]]:
    """(names kept verbatim, names left to the model), typed with the document's evidence
    (`name_types.typed_mentions`), kept as `name_forms.kept_by_policy` says."""
    kept, translated = [], []
    for typed in name_forms.protected_names(text, policy, target):
        span = replace(typed.mention.span, type=typed.type)
        (kept if name_forms.kept_by_policy(typed, policy) else translated).append(span)
    return kept, translated


def _demonyms(text: str) -> list[Span]:
    """Demonyms on their own ("Ukrainian forces"), which the name detector does not report as names."""
    return [Span(SpanKind.NAME, start, end, text[start:end], rule="name: demonym", type=name_types.OTHER)
            for start, end in translated_names.find_demonyms(text)]


def _places_to_check(translated: list[Span], protected: list[Span], target: str | None) -> list[TranslatedPlace]:
    if target is None:
        return []
    starts = [span.start for span in protected]
    places = []
    for span in translated:
        inside = bisect.bisect_right(starts, span.start) - 1
        if inside >= 0 and protected[inside].end > span.start:
            continue  # inside a quote or a term: it comes back verbatim anyway
        form = name_forms.written_form(span.text, span.type, False, target)
        if form.way == name_forms.CLDR:
            places.append(TranslatedPlace(span, form.forms))
    return places


def find_terms(text: str, table: dict[str, str | None]) -> list[Span]:
    """Whole-word occurrences of the terms in `table` (longest first), kind TERM."""
    if not table:
        return []
    terms = sorted(table, key=len, reverse=True)
    if all(_WORD_CHAR.match(term[0]) and _WORD_CHAR.match(term[-1]) for term in terms):
        # The usual case, and the faster pattern: the boundaries checked once per position, not once per term.
        pattern = re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, terms))})(?!\w)")
    else:
        pattern = re.compile("|".join(_whole_word(term) for term in terms))
    return [_term_span(m, table[m.group()]) for m in pattern.finditer(text)]


def _term_span(match: re.Match, replacement: str | None) -> Span:
    rule = "term: rendered by the glossary" if replacement is not None else "term: kept verbatim (glossary or item)"
    return Span(SpanKind.TERM, match.start(), match.end(), match.group(), replacement=replacement, rule=rule)


def _whole_word(term: str) -> str:
    """`term` as a whole word at an edge that is a word character ("US" is not in "USA"); an edge that is
    not one (".NET", an inline tag's marker) may touch a word."""
    before = r"(?<!\w)" if _WORD_CHAR.match(term[0]) else ""
    after = r"(?!\w)" if _WORD_CHAR.match(term[-1]) else ""
    return before + re.escape(term) + after


def _term_table(terms: Iterable[str], glossary: Glossary | None, target: str | None) -> dict[str, str | None]:
    table = glossary.terms_for(target) if glossary is not None else {}
    for term in terms:
        if term.strip():
            table[term.strip()] = None  # a per-item term is kept verbatim, whatever the glossary says
    return table


def _resolve(tiers: list[list[Span]]) -> list[Span]:
    """Earlier tiers win; inside a tier the longest span wins, then the earliest."""
    if not any(tiers):
        return []
    taken = bytearray(max(span.end for tier in tiers for span in tier))
    kept = []
    for tier in tiers:
        for span in sorted(tier, key=lambda s: (s.start - s.end, s.start)):
            if span.end > span.start and taken.find(1, span.start, span.end) == -1:
                taken[span.start : span.end] = b"\x01" * (span.end - span.start)
                kept.append(span)
    return sorted(kept, key=lambda span: span.start)


def _cut_around(found: list[Span], terms: list[Span]) -> list[Span]:
    """Names minus the terms inside them: "Volodymyr Zelenskyy" with term "Zelenskyy" keeps "Volodymyr"."""
    if not terms:
        return found
    starts = [term.start for term in terms]
    pieces = []
    for span in found:
        nearby = terms[bisect.bisect_left(starts, span.start) : bisect.bisect_left(starts, span.end)]
        inside = [term for term in nearby if _within(term, span)]
        pieces += _pieces(span, inside) if inside else [span]
    return pieces


def _within(term: Span, span: Span) -> bool:
    return span.start <= term.start and term.end <= span.end and (term.start, term.end) != (span.start, span.end)


def _pieces(span: Span, inside: list[Span]) -> list[Span]:
    pieces, cursor = [], span.start
    for term in inside + [Span(span.kind, span.end, span.end, "")]:
        chunk = span.text[cursor - span.start : term.start - span.start]
        for word_run in _trimmed(chunk, cursor):
            piece = chunk[word_run[0] - cursor : word_run[1] - cursor]
            pieces.append(Span(span.kind, word_run[0], word_run[1], piece, rule=span.rule, type=span.type))
        cursor = term.end
    return pieces


def _trimmed(chunk: str, offset: int) -> list[tuple[int, int]]:
    words = list(_WORD_SPLIT.finditer(chunk))
    if not words:
        return []
    return [(offset + words[0].start(), offset + words[-1].end())]
