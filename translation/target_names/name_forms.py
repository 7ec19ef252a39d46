"""What a copy writes for a detected name: the one decision the pipeline and the measurements share.

    kept_by_policy(typed, policy) -> bool          (False: the name is left to the model, as places are)
    written_form(text, name_type, kept, target, render=True, nationality=None) -> NameForm
    written_in(document, named, target, render=True) -> [NameForm]   (each name of a document with the nationality
                                                                     the document states for that person)
    rendered_type(text, name_type) -> bool     (whether a target with rendering data writes it in its script)
    document_forms(text, target, policy) -> [(TypedMention, NameForm)]   (every name of a document)
    protected_names(text, policy, target) -> [TypedMention]   (the names a document's copy protects, typed)
    as_protected(typed, policy) -> [TypedMention]   (the names as the policy protects them: "Rosa" of "Hurricane Rosa")
    in_document(text, named, target) -> [NameForm]   (the forms as the document decides them: regnal, family names)
    after_a_title(line, target) -> (title, NameForm) | None   (one person's name after a title: "President Joe Biden")

A name the policy leaves to the model (a place, demonym, descriptive institution or holiday) is written as the
model words it; for a place CLDR names in the target language that form is checked ("cldr"). A kept name is
rendered in the target's script where its type is rendered there (in Ukrainian a person or a name of no known
type: "rendered"; inside a name of no known type, a place CLDR names in the target or an acronym with an
established form takes that form: "Rapid Vienna" is "Рапід Відень"), and otherwise comes back as written
("kept": organisations, and every name in a Latin-script target). A name whose whole text has an established form
in the target is written in it whatever its type, an organisation's too ("rendered"): clubs the detector took for
organisations ("Manchester United" -> "Манчестер Юнайтед"), written as that data writes them ("Paris
Saint-Germain" -> "Парі Сен-Жермен", with no CLDR "Париж" put in).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from babelwire.translation.protection import name_types, names, translated_names
from babelwire.translation.protection.name_order import surname_first
from babelwire.translation.protection.name_types import TypedMention
from babelwire.translation.protection.policy import ProtectionPolicy
from babelwire.translation.target_names.rendering import ESTABLISHED, ESTABLISHED_ONLY_KINDS, certainty_order, \
    closed_by_a_fixed_form, established_form, is_established_club, least_certain, regnal_form, render_name, \
    renders_names, royal_form, sex_marked
from babelwire.translation.target_names.rendering.pinyin import is_pinyin_name
from babelwire.translation.target_names.rendering.nationality import nationality_origin

CLDR, RENDERED, KEPT, MODEL = "cldr", "rendered", "kept", "model"
_WORD = re.compile(r"[^\W\d_]+")
_ARTICLES = frozenset({"the", "le", "la", "les"})
_ENGLISH_FUNCTION_WORDS = frozenset({"of", "the", "and", "for"})
_ACRONYM = re.compile(r"[A-Z]{2,}")
_ROMAN_NUMERAL = re.compile(r"[IVXLC]+")
_CLUB_ABBREVIATIONS = frozenset({"FC", "AFC", "CF", "AC", "SC", "SV", "FK", "NK", "SK"})  # Football Club, ...
_ROYAL_TITLES = frozenset({"prince", "princess"})
# People, and names no evidence types: Ukrainian references write football clubs, towns and people the detector
# does not know in Cyrillic; organisations (brands, media, acronyms) keep their Latin letters.
RENDERED_TYPES = frozenset({name_types.PERSON, name_types.OTHER})


@dataclass(frozen=True, slots=True)
class NameForm:
    """How the copy writes a name (`way`: "cldr", "rendered", "kept", or "model" where nothing is checked),
    the form (nominative; the CLDR forms for "cldr", first the usual one), and where a rendering came from."""

    way: str
    forms: tuple[str, ...]
    source: str | None = None  # a rendering's source: "established", "kmu2010", "bgn_pcgn", "cmudict", ...


def kept_by_policy(typed: TypedMention, policy: ProtectionPolicy) -> bool:
    """A proper name is kept (or rendered); a name languages word their own way is left to the model unless
    the policy keeps such names. A person's name is never left to the model, even one that is a place's too; a
    place the document shows as one (a dateline's "BONN") is left to it though no list knows it."""
    kind = "place" if typed.own_kind is None and typed.type == name_types.PLACE else typed.own_kind
    return kind is None or typed.type == name_types.PERSON or \
        (policy.institutions if kind == "institution" else policy.places)


def written_form(text: str, name_type: str, kept: bool, target: str | None, render: bool = True,
                 nationality: str | None = None) -> NameForm:
    """What a copy in `target` writes for the name `text` of type `name_type`; `render`: the policy lets the
    target's script be used for names (a desk's `--names keep` does not); `nationality`: the origin the copy states
    for the person right before or after the name (`rendering.nationality.nationality_origin`: "French striker
    ...", "... of France")."""
    if not kept:
        forms = translated_names.target_forms(text, target) if target else ()
        return NameForm(CLDR, forms) if forms else NameForm(MODEL, ())
    if render and target and (rendered_type(text, name_type) or name_type in ESTABLISHED_ONLY_KINDS):
        rendering = render_name(text, target, name_type, nationality)
        if rendering is not None and not (rendering.source != ESTABLISHED and
                                          (_english_words_title(text, name_type, target)
                                           or _with_an_acronym(text, name_type)
                                           or _with_english_function_words(text, name_type))):
            written = rendering.text if name_type == name_types.PERSON or rendering.source == ESTABLISHED else \
                _with_own_words(text, rendering.text, target)
            return NameForm(RENDERED, (written,), rendering.source)
    return NameForm(KEPT, (text,))


def _english_words_title(text: str, name_type: str, target: str) -> bool:
    """"World Vision", "Good Morning America", "Saturday Night Live": a name of no known type made of English words
    only, none a given name, is a group's, a show's or a brand's, which a desk keeps as written (transcribed, it
    reads as nonsense: Ворльд Віжін); a person's made of such words opens with a given name ("Will Smith"). A team's
    name closes with a plural ("Golden State Warriors", "Red Sox"), and a club named after its town with a place:
    desks write clubs in their own letters ("Голден Стейт Ворріорз", "Нью-Йорк Джетс"), and a street as the target
    writes streets ("Wall Street": Волл-стріт)."""
    lexicon, words = names.lexicon, [word.lower() for word in _WORD.findall(text)]
    if name_type != name_types.OTHER or len(words) < 2 or translated_names.classify(" ".join(words[:2])) == "place" \
            or words[-1].endswith(("s", "sox")) or closed_by_a_fixed_form(text, target):
        return False
    if words[0] in _ARTICLES and len(words) > 2:
        words = words[1:]  # "Le Golf National", "The Late Show"
    return all((word in lexicon.ENGLISH_WORDS or word in lexicon.WEEKDAYS_MONTHS) and word not in lexicon.GIVEN_NAMES
               and word not in lexicon.PLACES for word in words)


def _with_english_function_words(text: str, name_type: str) -> bool:
    """"Dow Chemical Co of the United States", "Friends of the Earth": a name of no known type with English's "of",
    "the", "and" or "for" inside in lower case is a company's, a group's or a title's, kept as written (transcribed,
    the function words come out as nonsense: Доу Кемікал Ко ав зе Юнайтед Стейтс); a particle of a person's name is
    none of them ("de", "van", "al")."""
    return name_type == name_types.OTHER and any(word in _ENGLISH_FUNCTION_WORDS for word in text.split()[1:-1])


def _with_an_acronym(text: str, name_type: str) -> bool:
    """"Change UK", "ITV Studios": a name of no known type with a word in capitals beside a word that is not is a
    party's, a brand's or a company's, kept as written (transcribed, the capitals are read out as a word: Чейндж
    ЮКЕЙ); a name all in capitals is a headline's ("JOHN SMITH"), and a club's with an established form is written
    in it all the same ("PSV Eindhoven")."""
    words = text.split()
    return name_type == name_types.OTHER and len(words) > 1 and any(map(_a_brands_acronym, words)) and \
        not all(word.isupper() for word in words)


def _a_brands_acronym(word: str) -> bool:
    """Capitals that are no Roman numeral ("Louis XIV"), no club's abbreviation ("FC Nordsjaelland": ФК), no
    body's acronym the target writes in its own letters ("UEFA Europa League": УЄФА) and, of two letters, no
    person's initials written together ("AJ Styles", "MS Dhoni"), unless a place's ("Change UK")."""
    kind = translated_names.classify(word)
    return bool(_ACRONYM.fullmatch(word)) and not _ROMAN_NUMERAL.fullmatch(word) and \
        word not in _CLUB_ABBREVIATIONS and (kind == "place" or kind is None and len(word) > 2)


def _with_own_words(text: str, rendered: str, target: str) -> str:
    """"Rapid Vienna" is "Рапід Відень", not "Рапід Вієнна": in a name of no known type, a word that is a place
    CLDR names in the target (or an acronym with an established form there, "UEFA") takes that one-word form, and
    a town of several words opening the name takes its form ("New York Jets": "Нью-Йорк Джетс"; a country's name
    opening a club's is not translated: New Zealand Warriors are no "Нова Зеландія Ворріорз")."""
    words, written = text.split(), rendered.split()
    if len(words) < 2 or len(words) != len(written) or name_types.given_name_gender(words[0]):
        return rendered  # a given name first makes it a person's: Luís Montenegro is Монтенегро, no Чорногорія
    for size in range(len(words) - 1, 1, -1):  # "New York Jets": the town of several words first, "Нью-Йорк Джетс"
        town = " ".join(words[:size])
        forms = () if translated_names.is_territory(town) else translated_names.target_forms(town, target)
        if forms and "," not in forms[0]:
            return " ".join([forms[0], *written[size:]])
    for index, word in enumerate(words):
        if index == 0 and _named_after_a_place(words):
            continue
        forms = translated_names.target_forms(word, target)
        if forms and " " not in forms[0] and "," not in forms[0]:
            written[index] = forms[0]
    return " ".join(written)


def _named_after_a_place(words: list[str]) -> bool:
    """"Paris Hilton", "Sydney Sweeney": a place's name first, then one word that is no English word, is a person
    named after the place, whom the census's given names do not know ("Сідней Свіні", not a town's "Париж Хілтон");
    a club named after its town closes with an English word ("Dallas Mavericks", "Sydney Roosters") or an acronym."""
    last = words[-1]
    return len(words) == 2 and not last.isupper() and last.lower() not in names.lexicon.ENGLISH_WORDS


def rendered_type(text: str, name_type: str) -> bool:
    """A demonym or holiday is "other" too, but no name to transcribe where a policy keeps it ("Ukrainian")."""
    return name_type in RENDERED_TYPES and (name_type != name_types.OTHER or translated_names.classify(text) is None)


def as_protected(typed: list[TypedMention], policy: ProtectionPolicy) -> list[TypedMention]:
    """The names as `policy` protects them: where it leaves institutions to the model, a kept name without the kind
    of a named event opening it (`_without_event_kind`)."""
    return typed if policy.institutions else [_without_event_kind(each) if kept_by_policy(each, policy) else each
                                              for each in typed]


def _without_event_kind(typed: TypedMention) -> TypedMention:
    """"Rosa" of "Hurricane Rosa": the kind of a named event is a common word the language translates (not in a
    brand's name: "Storm Shadow" is a missile); the name left is a given name, a person's type, which a target
    writing another script transcribes (Florence: "Флоренс", not the town's Флоренція or a Latin "Florence")."""
    span = typed.mention.span
    cut = translated_names.event_kind_length(span.text)
    if not cut or name_types.well_known(span.text):
        return typed
    name = replace(span, start=span.start + cut, text=span.text[cut:])
    return replace(typed, mention=replace(typed.mention, span=name), type=name_types.PERSON)


def document_forms(text: str, target: str, policy: ProtectionPolicy = ProtectionPolicy()
                   ) -> list[tuple[TypedMention, NameForm]]:
    """Every name the detector finds in a document, typed, and what a copy in `target` writes for it: the names as
    the policy protects them (`as_protected`)."""
    typed = protected_names(text, policy, target)
    named = [(mention.mention.span, mention.type, kept_by_policy(mention, policy)) for mention in typed]
    return list(zip(typed, written_in(text, named, target, policy.renders_people_in(target))))


def protected_names(text: str, policy: ProtectionPolicy, target: str | None) -> list[TypedMention]:
    """The names the detector finds in a document, typed, as the policy protects them (`as_protected`); in a
    target that writes people in its script, a person's name with the word before it where the two are one name
    with an established form there (`_with_a_title_of_its_name`)."""
    typed = as_protected(name_types.typed_mentions(names.find_name_mentions(text), text), policy)
    if not (policy.renders_people_in(target) and renders_names(target)):
        return typed
    return [_with_a_title_of_its_name(text, mention, target) for mention in typed]


# a capitalised word right before a name, which the detector may have cut off as a title ("Emir", "Lady", "Sheikh")
_CAPITALISED_BEFORE = re.compile(r"(?<![\w'’.-])([A-Z][a-z]+) $")  # a space, not a line break


def _with_a_title_of_its_name(text: str, typed: TypedMention, target: str) -> TypedMention:
    """"Emir Kusturica" (Емір Кустуриця), "Lady Gaga" (Леді Гага), "Sheikh Hasina" (Шейх Хасіна): the detector cut
    the first word off as a title, which the model then translated ("емір Кустуриця"); where the word and the
    person's name together have an established form, the name is both."""
    span = typed.mention.span
    match = _CAPITALISED_BEFORE.search(text, max(0, span.start - 20), span.start)
    if typed.type != name_types.PERSON or match is None or \
            established_form(text[match.start(1) : span.end], target) is None:
        return typed
    whole = replace(span, start=match.start(1), text=text[match.start(1) : span.end])
    return replace(typed, mention=replace(typed.mention, span=whole))


def after_a_title(line: str, target: str) -> tuple[str, NameForm] | None:
    """Where `line` is one person's name after a title ("President Joe Biden", "Gen. Mark Milley", "Secretary of
    State Antony Blinken", "Prince Harry"), the title and the name's form as a copy writes it: the detector cuts the
    title off, the model translates it with its sentence, and the name is read after it (a prince's Гаррі, not
    Харрі). None where the words before the name are not all title words ("Will Smith": "Will" opening the line
    read as a verb), where the whole line has an established form ("Lady Gaga": Леді Гага) or the line is no such
    name."""
    capitals = line.isupper()  # read as running text writes it: a headline's capitals confirm no name
    found = document_forms(_as_running_text(line) if capitals else line, target)
    if len(found) != 1 or established_form(line, target) is not None:
        return None
    typed, form = found[0]
    span = typed.mention.span
    title = line[: span.start].strip()
    if typed.type != name_types.PERSON or form.way != RENDERED or line[span.end :].strip() or not _a_title(title):
        return None
    return title, form


def _as_running_text(line: str) -> str:
    """An all-capitals line with each word capitalised as running text writes it ("DR. JOHN SMITH" -> "Dr. John
    Smith"), a regnal numeral kept ("KING CHARLES III"); as long as the line, so offsets hold."""
    words = [word if _ROMAN_NUMERAL.fullmatch(word) and index else word.capitalize()
             for index, word in enumerate(line.split(" "))]
    running = " ".join(words)
    return running if len(running) == len(line) else line


def _a_title(words: str) -> bool:
    """Title words ("Gen.", "Prime Minister", "Secretary of State", "former US Senator"), one at least a title."""
    titles, around = _title_words()
    keys = [word.lower().rstrip(".") for word in words.split()]
    return bool(keys) and all(key in around for key in keys) and any(key in titles for key in keys)


@cache
def _title_words() -> tuple[frozenset[str], frozenset[str]]:
    """(titles, the words a title may have around it), joined once, not for every line `render` reads."""
    lexicon = names.lexicon
    titles = lexicon.TITLES | lexicon.PRE_NAME_TITLES | lexicon.MONARCH_TITLES | _ROYAL_TITLES
    return titles, titles | lexicon.ROLE_MODIFIERS | lexicon.NEVER_ALONE | lexicon.PLACES


def written_in(document: str, named: list[tuple], target: str | None, render: bool = True) -> list[NameForm]:
    """What a copy of `document` in `target` writes for each of its names (`named`: each name's span, with its
    `start`, `end` and `text`, its type, and whether it is kept): `written_form` read by the nationality the
    document states for that person, then as the document decides (`in_document`). A person's nationality holds
    for the whole story: stated once ("German striker Kevin Volland"), it reads every later "Kevin Volland" and
    "Volland" too, which would otherwise be written another way (Фолланд, then Волланд)."""
    nationalities = _stated_for_the_person(document, [span for span, _, _ in named])
    alone = [(span.start, span.text, written_form(span.text, name_type, kept, target, render, nationality))
             for (span, name_type, kept), nationality in zip(named, nationalities)]
    return in_document(document, alone, target)


def _stated_for_the_person(document: str, spans: list) -> list[str | None]:
    """The nationality stated beside each span's name, or beside another mention of the same person: the same
    name, or the full name whose last word a family name alone is (the first one stated wins)."""
    stated = [nationality_origin(document, span.start, span.end) for span in spans]
    by_name: dict[str, str] = {}
    for span, nationality in zip(spans, stated):
        if nationality is not None:
            by_name.setdefault(span.text, nationality)
            if " " in span.text:
                by_name.setdefault(span.text.split()[-1], nationality)
    return [nationality or by_name.get(span.text) for span, nationality in zip(spans, stated)]


def in_document(text: str, named: list[tuple[int, str, NameForm]], target: str) -> list[NameForm]:
    """The forms of the names of the document `text` (`named`: each name's offset, text and form read alone) as
    the document decides them: a name after a monarch's or pope's title takes its regnal form ("Pope Francis" is
    Франциск, "Queen Elizabeth" Єлизавета, where Francis Fukuyama is Френсіс), and a family name standing alone
    takes its full name's (`consistent_forms`); so does a prince's or princess's ("Prince Harry" is Гаррі, where the
    rules write Харрі). The person named again without the title is the same ("Pope Francis ... Francis said"), and
    so is one named again without a regnal numeral ("Leo XIV ... Leo": Лев)."""
    titled: dict[str, str] = {}  # a name -> its form by the title before it somewhere in the document
    for start, name, form in named:
        by_title = _by_the_title(text, start, name, target) if form.way == RENDERED else None
        if by_title is not None:
            titled[name] = by_title
        without = _without_the_numeral(name, by_title or form.forms[0]) if form.way == RENDERED else None
        if without is not None:
            titled.setdefault(*without)
    return consistent_forms([(name, NameForm(RENDERED, (titled[name],), ESTABLISHED) if name in titled else form)
                             for _, name, form in named], target)


def _without_the_numeral(name: str, written: str) -> tuple[str, str] | None:
    """A monarch's or pope's name and its form without the regnal numeral both end in: "Leo XIV" written "Лев XIV"
    gives ("Leo", "Лев"), the same pope named again alone (the rules write a private person's Лео)."""
    words, forms = name.split(), written.split()
    if len(words) < 2 or len(forms) < 2 or not _ROMAN_NUMERAL.fullmatch(words[-1]) or forms[-1] != words[-1]:
        return None
    return " ".join(words[:-1]), " ".join(forms[:-1])


def _by_the_title(text: str, start: int, name: str, target: str) -> str | None:
    words = text[max(0, start - 20) : start].split()
    title = words[-1].lower() if words else ""
    if title in names.lexicon.MONARCH_TITLES:
        return regnal_form(name, target)
    return royal_form(name, target) if title in _ROYAL_TITLES else None


def consistent_forms(named: list[tuple[str, NameForm]], target: str) -> list[NameForm]:
    """The forms of a document's names (`named`: each name's text and form), where a family name is written one
    way throughout the story. Standing alone, it is written as the document's full name writes that word: "Wang Yi
    ... Wang" is "Ван І ... Ван", not "Ванг" (read alone, nothing says the word is Chinese); "Oksana Stefanyshyna
    ... Stefanyshyna" keeps the Ukrainian reading its given name told. Where two full names write it differently
    (relatives: "Sergei Skripal and his daughter Yulia Skripal", whose given names tell Russian and nothing), the
    most certain of them decides, of equally certain ones the first, for the lone name and the other full name
    alike; an established full name keeps its own form, and a surname a woman bears otherwise (Мурковскі) is left
    to each bearer. The family name is the last word, or the first of a name written surname first (Chinese in
    pinyin, Korean, Vietnamese); a club's first word standing alone is written as the club's whole name writes it
    ("Real Madrid ... Real": Реал, not Ріл)."""
    if not any(form.way == RENDERED for _, form in named):  # a Latin-script target, or a desk keeping names
        return [form for _, form in named]
    family = _family_forms(named, target)
    return [_with_the_family_form(text, form, family, target) if form.way == RENDERED else form
            for text, form in named]


def _family_words(text: str, form: NameForm, target: str) -> list[tuple[int, str, str]]:
    """(index, word, written form) of the words of a full name that stand for its family alone: the family name,
    and a club's first word."""
    if form.way != RENDERED or " " not in text:
        return []
    words, written = text.split(), form.forms[0].split()
    first = surname_first(text) or is_pinyin_name([word.lower() for word in words], target)
    family = []
    if len(written) == len(words) or first:  # "Moon Jae-in": Мун Чже Ін, the given name's syllables apart
        index = 0 if first else len(words) - 1
        family.append((index, words[index], written[0 if first else -1]))
    if len(written) == len(words) and is_established_club(text, target):  # "Real Madrid ... Real": Реал
        family.append((0, words[0], written[0]))
    return family


def _family_forms(named: list[tuple[str, NameForm]], target: str) -> dict[str, tuple[str, str | None]]:
    """A family name -> its one written form in the document, and that form's source."""
    certainty = certainty_order(target)
    choices: dict[str, list[tuple[int, int, str, str | None]]] = {}
    for position, (text, form) in enumerate(named):
        for _, word, written in _family_words(text, form, target):
            rank = certainty.index(form.source) if form.source in certainty else len(certainty)
            choices.setdefault(word, []).append((rank, position, written, form.source))
    return {word: min(ranked)[2:] for word, ranked in choices.items() if not sex_marked(word, target)}


def _with_the_family_form(text: str, form: NameForm, family: dict[str, tuple[str, str | None]],
                          target: str) -> NameForm:
    if text in family:  # a family name standing alone
        written, source = family[text]
        return form if written == form.forms[0] else NameForm(RENDERED, (written,), source)
    if form.source == ESTABLISHED:
        return form
    words, written = text.split(), form.forms[0].split()
    for index, word, own in _family_words(text, form, target):
        chosen, source = family.get(word, (own, form.source))
        if chosen != own and len(written) == len(words):
            written[index] = chosen
            form = NameForm(RENDERED, (" ".join(written),), least_certain([form.source, source], target))
    return form
