"""What a protected name names: a person, an organisation, a place, or other.

    name_type(text, guessed, own_kind) -> "person" | "organisation" | "place" | "other"

`guessed` is the name detector's guess ("PER", "ORG", "LOC", "MISC", "NAME" for unknown), `own_kind` what
`babelwire.translation.protection.translated_names.classify` says ("place", "demonym", "institution", "holiday",
"common noun", None), or "work" where the document calls the name a creative work's title ("the film ...").
The policy reads the type: a Ukrainian copy writes people in Cyrillic and keeps organisations' Latin names. An
unknown name is "other" unless it opens with a given name (`data/given_name_genders.txt`, US Census 1990, and
`data/given_name_genders_more.txt`) before a capitalised word, its last word has the shape of a surname
(`data/surname_endings.txt`), a noun only people are stands right before it (`data/person_nouns.txt`: "the
rapper Big Boy"), or an appositive only a person has follows it (an age, "Femke Bol, 23,"; a role, "Margrethe
Vestager, the EU's competition chief,"): a wrong "person" would transcribe a brand, a wrong "other" only keeps a
person's name in Latin letters.

    given_name_gender(word) -> "f" | "m" | None   (the sex a given name is given to, where the census says)
    typed_mentions(mentions, text) -> [TypedMention(mention, own_kind, type)]   (a document's names, typed together)

A document types its names together: a word of a person's full name is that person when it stands alone
("Jordan" after "Michael Jordan"), a place's name alone is no surname ("Texas"), and an unknown name the
document treats as a business is an organisation: closed or followed by a business noun ("Fox News Channel",
"Sainsbury's stores", "Barclaycard TV ads", `data/business_words.txt`), with one in its appositive ("Celesio, the
owner of ..."), after what only a business does ("published by", "reported by Nielsen"), listed with an
organisation, a well-known brand or a business of the document, or after a business noun ("brands such as
Revlon, Essie and Maybelline", "Google, Microsoft and Apple", "ranges from L'Oreal"), or opening with such a
business ("Microsoft Research"); so is any name that is a well-known brand (`data/well_known_brands.txt`:
"Google"), that opens with one or with a well-known organisation ("BBC Scotland"), that a business word closes
("Lloyds Pharmacy"), or one word with a capital inside ("MerPolCC", not "McGregor"). That evidence is all it
takes: references keep brands in Latin letters but write football clubs, towns and people they do not know in
Cyrillic, so the names left "other" are those a Ukrainian copy renders. A name the document treats as a sports
club (beside a score, "Livingston 1 - 0 Rangers", or before a playing position, `data/club_words.txt`:
"Manchester City goalkeeper"; and the last word of such a name alone, "City") is "other" even where the detector
took it for an organisation. A name the document places with a compass word ("in east Belfast") is no
business, whatever noun follows it elsewhere ("Belfast restaurant stabbing").
"""

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from babelwire.translation.protection import translated_names
from babelwire.translation.lexicon.wordlists import WordList, fold, load, load_table

PERSON, ORGANISATION, PLACE, OTHER = "person", "organisation", "place", "other"
NAME_TYPES = (PERSON, ORGANISATION, PLACE, OTHER)

_OF_GUESS = {"PER": PERSON, "ORG": ORGANISATION, "LOC": PLACE, "MISC": OTHER}
_OF_OWN_KIND = {"place": PLACE, "institution": ORGANISATION, "demonym": OTHER, "holiday": OTHER, "common noun": OTHER,
                "work": OTHER}


def name_type(text: str, guessed: str, own_kind: str | None) -> str:
    if own_kind is None and _a_street(text):
        return OTHER  # "John Street", "Park Avenue": a given name before a street's word names the street
    if guessed == "PER" and own_kind is None:
        return PERSON  # the detector's evidence (a given name, a title before it); `own_kind` says where it is wrong
    if own_kind is not None:
        return _OF_OWN_KIND[own_kind]
    if guessed in _OF_GUESS:
        return _OF_GUESS[guessed]
    return PERSON if _opens_with_given_name(text) or _surname_shaped(text) else OTHER


@dataclass(frozen=True, slots=True)
class TypedMention:
    """A detected name (`babelwire.translation.protection.names.NameMention`), what `translated_names.classify` says of it (None for a
    person's name or a word of one), and its type."""

    mention: object
    own_kind: str | None
    type: str


_POSSESSIVE_AFTER = re.compile(r"['’]s?\s")
# The words closing a street's name (not Lane or Close, surnames too: Nathan Lane, Glenn Close)
_STREET_WORDS = frozenset({"street", "road", "avenue", "boulevard", "square", "crescent", "mews", "terrace"})
_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+|&\s*)")
_PEOPLE_GAP = re.compile(r"\s*(?:\([^()\n]{1,40}\)\s*)?(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+|&\s*)")
_BRACKET_AFTER = re.compile(r"\s*\(\s*[^()\n]*")  # from a name's end to the next name inside a bracket after it
_NOUN_BEFORE = re.compile(r"([^\W\d_]+)(?:,?\s+(?:such\s+as|like|including)|\s+of|\s+from)?\s+$")
_NOUN_AFTER = re.compile(r"^(?:['’]s?)?\s+(?:[A-Z]{2,}\s+)?([^\W\d_]+)")  # "Boots shops", "Barclaycard TV ads"
# What only a business does to something: "published by", "owned by", "acquired by", "reported by" (a
# ratings firm, an outlet). An unknown name after it is a business; a person's name is typed before.
_BY_BUSINESS = re.compile(r"\b(?:published|owned|acquired|bought|manufactured|operated|reported)"
                          r"(?:\s+[a-z]+){0,2}\s+by\s+(?:the\s+)?$")
_PUBLISHED_IN = re.compile(r"\b(?:published|reported|wrote)\s+in\s+(?:[Tt]he\s+)?$")  # "published in The Lancet"
_SHARES_IN = re.compile(r"\b(?:shares|stake|stakes|holding|holdings)\s+in\s+$")  # "shares in Marks & Spencer"
_PLACED_BEFORE = re.compile(r"(?<![\w-])(?:(?:north|south)(?:-?(?:east|west))?|east|west|central|(?:north|south)?"
                             r"(?:east|west)ern|northern|southern|near)\s+$")
_VERB_AFTER = re.compile(r"\s+([a-z]+)")
_PREPOSITIONS_AFTER_A_SHOP = frozenset({"in", "for", "on", "at", "from", "by"})
_OWNED_BEFORE = re.compile(r"\b(?:its|their|our)\s+$")
_SITE_AFTER = re.compile(r"\s+(?:store|shop|plant|factory|office|site|branch|depot|warehouse|mine|refinery|"
                         r"headquarters)s?\b")
_INNER_CAPITAL = re.compile(r"[a-z][A-Z]")
_NAME_PREFIX = re.compile(r"(?:Mc|Mac|Fitz|O['’]|D['’]|De|Di|Da|Du|La|Le|Van|Von)[A-Z][a-z]+$")
_SCORE_AFTER = re.compile(r"^(?:['’]s?)?\s+\d{1,2}\s*[-–]\s*\d{1,2}\b")  # "Livingston 1 - 0", "City's 2-0 win"
_BUILT_KINDS = ("place", "institution")  # what a saint's name with its possessive opens: a square, a cathedral
_POSSESSIVE_BEFORE = re.compile(r"((?:[A-Z][\w.]*\s)?[A-Z][\w.]*['’]s\s)$")  # "St. Peter's " before "Square"
_HOLIDAY_TAIL = re.compile(r"(['’]s)?((?: [A-Z][\w'’-]*){0,2})")  # "'s Day" after "St. Patrick"
_FORM_OF_BE = re.compile(r"\s(?:Is|Are|Was|Were|Be|Been)\s")  # capitalised inside a name, as in a title
_WORD_BEFORE = re.compile(r"([^\W\d_]+)\s+$")
_PEERAGE_BEFORE = re.compile(r"\b(?:[Dd]uke|[Dd]uchess|[Ee]arl|[Cc]ountess|[Mm]arquess|[Mm]archioness|[Vv]iscount(?:ess)?|"
                             r"[Bb]aron(?:ess)?)\s+of\s+$")
_WORDS_BEFORE = re.compile(r"(?:[A-Za-z][a-z-]*\s+){1,2}$")  # the last one or two words (a capital: a sentence's)
# An appositive right after a name that says a person bears it: an age ("Femke Bol, 23, won") or a role whose head is
# a noun only people are ("Margrethe Vestager, the EU's competition chief, said", "Zoof, a spokeswoman for ...").
_AGE_AFTER = re.compile(r",\s+\d{1,2},\s")  # not a batsman's or a side's score: "Chris Adams, 123, and"
_APPOSITIVE_HEAD = re.compile(r",\s+(?:the|a|an|his|her|their)\s+(?:[\w'’.-]+\s+){0,4}?([a-z][a-z-]*)"
                              r"(?=\s*[,;.]|\s+(?:of|for|at|to|in|on|with|who|and)\b)")
# Roles an organisation or a country is given too: "Zoof, the owner of a chain", "Qatar, the mediator", "Liverpool,
# the league leader", "BlackRock, the fund manager"
_SHARED_ROLES = frozenset({"owner", "publisher", "producer", "investor", "champion", "leader", "member", "manager",
                           "adviser", "advisor", "auditor", "underwriter", "mediator", "negotiator", "seal",
                           "representative", "keeper", "host"})
_SCORE_BEFORE = re.compile(r"\b\d{1,2}\s*[-–]\s*\d{1,2}\s+$")  # "1 - 0 Rangers"
# A result's verb and its score in the clause after a name ("Bristol Rovers beat Cambridge United 2-1"; not a share
# price's "lost 2-3 percent"), and a score with the preposition before the other side ("drew 1-1 with Port Vale", "a
# 3-1 win over Everton")
_RESULT_AFTER = re.compile(r"^\s+(?:beat|beats|defeated|drew|draw|lost|lose|thrashed|edged|held|hammered|routed|"
                           r"overcame|stunned)\b[^.;\n]{0,40}?\b\d{1,2}\s*[-–]\s*\d{1,2}\b"
                           r"(?!\s*(?:%|percent|per cent|pct|points))")
_RESULT_BEFORE = re.compile(r"\b\d{1,2}\s*[-–]\s*\d{1,2}\s+(?:(?:home|away)\s+)?(?:win\s+|victory\s+|defeat\s+|draw\s+)?"
                            r"(?:with|to|against|over|at|by)\s+(?:the\s+)?$")


def typed_mentions(mentions: list, text: str = "") -> list[TypedMention]:
    """The type of each of a document's name mentions (`text`: the document they were found in), with the
    document's evidence."""
    kinds = [_translated_kind(mention, text) for mention in mentions]
    proper_words = {word for mention, kind in zip(mentions, kinds) if mention.type == "PER" and kind is None
                    and " " in mention.span.text for word in _personal_words(mention.span.text)}
    types = [_type_in_document(mention, kind, proper_words, text) for mention, kind in zip(mentions, kinds)]
    # a name a language words its own way (the Security Council) makes no business of a list it stands in
    business_evidence = [kind_of if kind is None else None for kind, kind_of in zip(kinds, types)]
    businesses = _businesses(mentions, business_evidence, text)
    clubs = _clubs(mentions, text) - businesses
    titled = {mention.span.text for mention in mentions if _after_a_title(mention, text)}
    # "Trump's in a bind" is Trump is: a name the document gives a person's full name to stays a person's
    named_a_business = frozenset(mention.span.text for mention in mentions
                                 if _owning_nothing(mention, text) or _right_after_a_business_noun(mention, text)) - \
        proper_words
    typed = [TypedMention(mention, kind, _final_type(mention, kind, kind_of, businesses, clubs,
                                                     mention.span.text in titled, named_a_business))
             for mention, kind, kind_of in zip(mentions, kinds, types)]
    return _one_type_per_name(_people_of_a_list(typed, text))


def _people_of_a_list(typed: list[TypedMention], text: str) -> list[TypedMention]:
    """"Mike Hulbert, Brian Henninger, Tiger Woods, Steve Jurgenson": a name shaped as a person's (two or three
    capitalised words) in a list of two people or more and nothing but people and untyped names is a person too,
    though its given name is in no list (Tiger, Payne, Jesper)."""
    typed = list(typed)
    for run in _lists([each.mention for each in typed], text, notes_in_brackets=True):
        members = [typed[index].type for index in run]
        if members.count(PERSON) < 2 or any(each not in (PERSON, OTHER) for each in members):
            continue
        for index in run:
            if typed[index].type == OTHER and typed[index].own_kind is None and \
                    _shaped_as_a_persons_name(typed[index].mention.span.text):
                typed[index] = replace(typed[index], type=PERSON)
    return typed


def _shaped_as_a_persons_name(name: str) -> bool:
    words = name.split()
    return 2 <= len(words) <= 3 and all(word[:1].isupper() and word.isalpha() for word in words)


def _one_type_per_name(typed: list[TypedMention]) -> list[TypedMention]:
    """A name the document types once by evidence ("WBO champion": an organisation) is that type where another
    mention of it shows none ("the WBO said"): "other" says no evidence, and a story names one thing by one name.
    A name typed two ways by evidence is left as each mention says."""
    evidenced: dict[str, set[str]] = {}
    for each in typed:
        if each.type != OTHER and each.own_kind is None:
            evidenced.setdefault(each.mention.span.text, set()).add(each.type)
    return [replace(each, type=next(iter(evidenced[each.mention.span.text])))
            if each.type == OTHER and each.own_kind is None and len(evidenced.get(each.mention.span.text, ())) == 1
            else each for each in typed]


def _translated_kind(mention, text: str) -> str | None:
    """What kind of name a language words its own way the mention is. A person's never is, but the detector's
    guess of a person can be wrong: a whole name of several words that is a place's or an institution's is one
    ("the White House said"), a single word that is an institution's too ("House Speaker"; a place's single word
    may be a given name: Jordan, Georgia), and a holiday named after a person is a holiday ("Martin Luther King Jr.
    Day"), as is a part of one the detector cut off ("Day" of "Presidents Day", whose first word it took for a
    title; "St. Patrick" of "St. Patrick's Day"), and a place's ("St. Peter" of "St. Peter's Square"); a creative
    work's title is one after the noun of its kind ("the film One Battle After Another")."""
    kind = translated_names.classify(mention.span.text)
    if kind is None and text and _in_a_holiday(mention.span, text):
        return "holiday"
    built = _in_a_places_name(mention.span, text) if kind is None and text else None
    if built is not None:
        return built
    if kind is None and text and (_after_a_work_noun(mention.span, text) or _FORM_OF_BE.search(mention.span.text)):
        return "work"  # "A Star Is Born": a name with a verb in it is a title
    if text and _PEERAGE_BEFORE.search(text, max(0, mention.span.start - 16), mention.span.start):
        return "place"  # "the Duke and Duchess of Cambridge": a peer's title names a place, never a person
    return kind if mention.type != "PER" or kind in ("holiday", "institution") or " " in mention.span.text else None


def _in_a_holiday(span, text: str) -> bool:
    """Whether up to three words before the name (capitalised, or "in", "for", "of" between capitalised ones: "Nobel
    Prize in Physics"), or its possessive and up to two capitalised words after it, make with it a holiday's or
    event's name."""
    words_before = text[max(0, span.start - 50) : span.start].split()[-3:] if text[span.start - 1 : span.start] == " " \
        else []
    tails = [words_before[len(words_before) - size :] for size in range(len(words_before) + 1)]
    befores = [tail for tail in tails if _opens_a_name(tail)]
    after = _HOLIDAY_TAIL.match(text, span.end)
    possessive, following = after.group(1) or "", after.group(2).split()
    return any(translated_names.classify(" ".join(before + [span.text + possessive] + following[:a])) == "holiday"
               for before in befores for a in range(len(following) + 1) if a or before)


def _after_a_work_noun(span, text: str) -> bool:
    """"the film One Battle After Another", "the series Adolescence": the title of a creative work right after the
    noun of its kind (`data/work_nouns.txt`), which a language words its own way."""
    before = _WORD_BEFORE.search(text[max(0, span.start - 30) : span.start])
    return before is not None and before.group(1) in _words("work_nouns")


def _in_a_places_name(span, text: str) -> str | None:
    """"St. Peter" and "Square" of "St. Peter's Square", "St. Michael" of "St. Michael's Golden-Domed Monastery": a
    name whose possessive opens a square's or a named building's name, or that closes one after a possessive, which a
    language words its own way; the kind of that name ("place", "institution"), or None."""
    after = _HOLIDAY_TAIL.match(text, span.end)
    before = _POSSESSIVE_BEFORE.search(text[max(0, span.start - 40) : span.start])
    whole = [span.text + after.group(1) + after.group(2)] if after.group(1) else []
    whole += [before.group(1) + span.text] if before is not None else []
    return next((kind for kind in map(translated_names.classify, whole) if kind in _BUILT_KINDS), None)


def _opens_a_name(words: list[str]) -> bool:
    """Words that may stand before the rest of a name: capitalised ones, joined by "in", "for" or "of"."""
    return not words or _capitalised(words[0]) and all(_capitalised(word) or word in ("in", "for", "of")
                                                       for word in words)


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def _final_type(mention, own_kind: str | None, kind: str, businesses: set[str], clubs: set[str],
                titled: bool = False, named_a_business: frozenset[str] = frozenset()) -> str:
    """A club is written as references write clubs, like a name of no known type, even where the detector
    took it for an organisation; otherwise a business is an organisation, and so is a name like a person's that the
    document names as a business (`named_a_business`: a possessive that owns nothing, a business noun right
    before it)."""
    text = mention.span.text
    if own_kind is None and kind in (ORGANISATION, OTHER) and mention.type != "PER" and text in clubs:
        return OTHER
    if own_kind is None and kind == PERSON and text in businesses and text in named_a_business:
        return ORGANISATION
    return ORGANISATION if _is_business(text, mention.type, kind, businesses, titled) else kind


def _after_a_title(mention, text: str) -> bool:
    """A person's name right after a title ("Prime Minister Jonas Gahr Store"), whatever word closes it."""
    before = _WORD_BEFORE.search(text[max(0, mention.span.start - 30) : mention.span.start])
    return mention.type == "PER" and before is not None and before.group(1).lower() in _words("titles")


def _clubs(mentions: list, text: str) -> set[str]:
    """The names the document treats as sports clubs: next to a score ("Livingston 1 - 0 Rangers", "Manchester
    City's 2-0 win"), on either side of a result with its score ("Bristol Rovers beat ... 2-1", "drew 1-1 with Port
    Vale") or before a playing position (`data/club_words.txt`: "Rangers goalkeeper"), and the
    last word of such a name standing alone ("City" after "Manchester City")."""
    words = _words("club_words")
    found = set()
    for mention in mentions:
        following = text[mention.span.end : mention.span.end + 60]
        preceding = text[max(0, mention.span.start - 40) : mention.span.start]
        after = _NOUN_AFTER.match(following)
        if _SCORE_AFTER.match(following) or _SCORE_BEFORE.search(preceding) or _RESULT_AFTER.match(following) or \
                _RESULT_BEFORE.search(preceding) or \
                (after and after.group(1).lower() in words):
            found.add(mention.span.text)
    shortened = {name.split()[-1] for name in found if " " in name}
    return found | {mention.span.text for mention in mentions if mention.span.text in shortened}


def _is_business(text: str, guessed: str, kind: str, businesses: set[str], titled: bool = False) -> bool:
    """An unknown name the document treats as a business; any name that is a well-known brand or organisation
    ("Google", "Reform UK"), or that a business word closes ("Lloyds Pharmacy", which opens with a given name), or
    that opens with a well-known brand where the detector saw no person ("Google China", which ends like a surname).
    A person's name after a title (`titled`) is no business for its last word ("Prime Minister Jonas Gahr Store")."""
    if kind == OTHER and (text in businesses and not titled or _camel_case(text)):
        return True
    words = text.split()
    closed_by_business_word = not titled and len(words) > 1 and words[-1].lower() in _words("business_words")
    return kind in (OTHER, PERSON) and (well_known(text) or closed_by_business_word or
                                        guessed != "PER" and _opens_with_business(text, set()))


def _camel_case(text: str) -> bool:
    """"MerPolCC", "PhD", "YouTube": a capital inside a name of one word is a brand's, a handle's or an
    abbreviation's spelling, unless it follows a surname's or given name's prefix ("McGregor", "LeBron"). Not in a
    longer name: a person's may have such a given name ("MaliVai Washington")."""
    return " " not in text and bool(_INNER_CAPITAL.search(text)) and not _NAME_PREFIX.match(text)


def _businesses(mentions: list, types: list[str], text: str) -> set[str]:
    """The names the document treats as a business, brand or media title (see the module's docstring)."""
    words = _words("business_words")
    found = set()
    for mention in mentions:
        last = mention.span.text.split()[-1].lower()
        following = text[mention.span.end : mention.span.end + 60]
        after = _NOUN_AFTER.match(following) or _appositive_business(following, words)
        if last in words or (after and after.group(1).lower() in words) or _after_business_word(mention, text) or \
                _brand_with_its_possessive(mention, text):
            found.add(mention.span.text)
    for indices in _lists(mentions, text):
        if _after_business_word(mentions[indices[0]], text) or \
                any(_known_business(mentions[index].span.text, types[index], found) for index in indices):
            found.update(mentions[index].span.text for index in indices)
    known = found | {mention.span.text for mention, kind in zip(mentions, types) if kind == ORGANISATION}
    found.update([mention.span.text for mention in mentions if _opens_with_business(mention.span.text, known)])
    return found - _placed(mentions, text)


def _brand_with_its_possessive(mention, text: str) -> bool:
    """"McDonald's", "Moody's": a well-known brand whose name ends in a possessive, which the detector leaves out of
    the name, or a name whose possessive owns nothing."""
    possessive = text[mention.span.end : mention.span.end + 2]
    return possessive in ("'s", "’s") and (well_known(mention.span.text + "'s") or _owning_nothing(mention, text))


def _owning_nothing(mention, text: str) -> bool:
    """"a spokesman for Sainsbury's said", "sold at Christie's for $450 million": a possessive that owns nothing,
    before a reporting verb or a preposition, is a shop's or a firm's name (no person's, whatever the detector
    guessed)."""
    if text[mention.span.end : mention.span.end + 2] not in ("'s", "’s"):
        return False
    following = _VERB_AFTER.match(text, mention.span.end + 2)
    return following is not None and (following.group(1) in _words("reporting_verbs") or
                                      following.group(1) in _PREPOSITIONS_AFTER_A_SHOP)


def _right_after_a_business_noun(mention, text: str) -> bool:
    """"the travel firm Thomas Cook", "retailer John Lewis", "shares in Thomas Cook": a noun that introduces only a
    company (`data/company_nouns.txt`; not "broadcaster", "independent") right before the name names a business,
    even one named like a person."""
    preceding = text[max(0, mention.span.start - 30) : mention.span.start]
    before = _WORD_BEFORE.search(preceding)
    noun = before.group(1).lower() if before is not None else ""
    return noun in _words("company_nouns") or bool(_SHARES_IN.search(preceding))


def _placed(mentions: list, text: str) -> set[str]:
    """The names the document places with a compass word or "near" ("in east Belfast", "southern Arizona", "near
    Huntingdon") or as where an owner's site is ("its Coventry store", "their Derby plant"): a place, whatever noun
    follows it elsewhere ("Belfast restaurant stabbing") or whatever business it is listed with ("near Huntingdon,
    Cambridgeshire Police said")."""
    return {mention.span.text for mention in mentions
            if _PLACED_BEFORE.search(text[max(0, mention.span.start - 20) : mention.span.start])
            or _OWNED_BEFORE.search(text[max(0, mention.span.start - 8) : mention.span.start])
            and _SITE_AFTER.match(text, mention.span.end)}


def _appositive_business(following: str, words: frozenset[str]) -> re.Match | None:
    """The appositive after a name, where one of its first three words is a business word that is no person's role
    ("Zoof, the owner of a chain", not ", the chairman of")."""
    for size in range(3):
        match = re.match(rf"^,\s+(?:the|a|an)\s+(?:[a-z][\w-]*\s+){{{size}}}([a-z]+)\b", following)
        if match and match.group(1) in words and match.group(1) not in _persons_roles():  # not ", the chairman of"
            return match
    return None


def _known_business(text: str, kind: str, found: set[str]) -> bool:
    """A list member that makes the whole list businesses: an organisation, a name with business evidence
    of its own ("Boots shops"), a well-known brand ("Google, Microsoft and Apple")."""
    return kind == ORGANISATION or text in found or _list("well_known_brands").has_entry(text)


def _opens_with_business(text: str, businesses: set[str]) -> bool:
    """"Microsoft Research", "BBC Scotland": a longer name that opens with a business the document names, or
    a well-known brand or organisation, is a part of that business."""
    words = text.split()
    return any(" ".join(words[:size]) in businesses or well_known(" ".join(words[:size]))
               for size in range(1, len(words)))


def well_known(name: str) -> bool:
    """A brand or organisation every reader knows by its Latin name ("Google", "BBC"; `well_known_brands.txt`,
    `well_known_orgs.txt`), not one a language writes in its own letters ("UEFA" is "УЄФА")."""
    key = name.lower()
    known = _list("well_known_brands").has_entry(key) or _list("well_known_orgs").has_entry(key)
    return known and translated_names.classify(name) is None


def _after_business_word(mention, text: str) -> bool:
    """"brands such as Revlon", "discounters Aldi", "shares of Sainsbury", "shares in Thomas Cook", "ranges from
    L'Oreal", "published by Houghton Mifflin", "published in The Lancet"."""
    preceding = text[max(0, mention.span.start - 40) : mention.span.start]
    before = _NOUN_BEFORE.search(preceding)
    noun = before.group(1).lower() if before is not None else ""
    after_noun = noun in _words("business_words") and noun not in _words("titles")  # "Tesla CEO Elon Musk": a person
    return after_noun or any(pattern.search(preceding) for pattern in (_BY_BUSINESS, _SHARES_IN, _PUBLISHED_IN))


def _lists(mentions: list, text: str, notes_in_brackets: bool = False) -> list[list[int]]:
    """The indices of runs of two or more names joined only by commas, "and", "or" or "&" ("Boots, Superdrug and
    Debenhams"), where a possessive name determining the next is no member (`_determines_the_next`); with
    `notes_in_brackets`, as results list people, a bracket after a name may stand before the comma ("Linford Christie
    (Britain), Osmond Ezinwa (Nigeria)"), the names in it no members. Linear in the mentions: a long hostile text
    has thousands."""
    gap = _PEOPLE_GAP if notes_in_brackets else _LIST_GAP
    runs, current, last = [], [], None
    for index, mention in enumerate(mentions):
        span = mention.span
        if notes_in_brackets and last is not None and _BRACKET_AFTER.fullmatch(text, last, span.end) and \
                text[span.end:].lstrip()[:1] == ")":
            continue  # "(Britain)": said of the name before it
        if current and gap.fullmatch(text, last, span.start) and \
                (notes_in_brackets or not _determines_the_next(mentions, index, text)):
            current.append(index)
        else:
            runs.append(current)
            current = [index]
        last = span.end
    return [run for run in [*runs, current] if len(run) > 1]


def _determines_the_next(mentions: list, index: int, text: str) -> bool:
    """"Microsoft's Satya Nadella and Alphabet's Sundar Pichai": a possessive name right before a name of two words
    or more (its chief, its player) determines that name and is no member of a list; "Burt's Bees", one brand, is."""
    after = _POSSESSIVE_AFTER.match(text, mentions[index].span.end)
    following = mentions[index + 1] if index + 1 < len(mentions) else None
    return bool(after and following and following.span.start == after.end() and " " in following.span.text)


def _personal_words(name: str) -> list[str]:
    """The words of a person's name that stand for the person alone: the surname ("Jordan" of "Michael Jordan",
    a place's name too), and any other word but a place's ("U.S." of a "U.S. Open" taken for a person is the
    country)."""
    *others, surname = name.split()
    return [surname, *(word for word in others if translated_names.classify(word) != "place")]


def _type_in_document(mention, own_kind: str | None, proper_words: set[str], document: str = "") -> str:
    """"Jordan" after "Michael Jordan" is the person; otherwise the detector's guess and the own-name kind; a name
    the detector did not take for a person's, after "the", is none even where a given name opens it ("won the
    Golden Lion")."""
    text = mention.span.text
    if text in proper_words and own_kind != "holiday":  # "Day" of "Presidents Day" is no Doris Day
        return PERSON
    if mention.type == "PER" and " " not in text and translated_names.classify(text) == "place":
        return PLACE  # a place's name repeated alone ("Texas", "Chechnya") is no surname
    kind = name_type(text, mention.type, own_kind)
    if kind == OTHER and own_kind is None and mention.type == "NAME" and \
            (_after_a_persons_noun(mention, document) or _before_a_persons_appositive(mention, document)):
        return PERSON
    after_the = document[max(0, mention.span.start - 4) : mention.span.start].lower() == "the "
    return OTHER if kind == PERSON and mention.type != "PER" and after_the else kind


def _after_a_persons_noun(mention, document: str) -> bool:
    """"the rapper Big Boy", "Radio host Big Boy": a noun only people are (`data/person_nouns.txt`) right before
    the name; or a title written in lower case, as a role before a person's name is ("Tesla chief executive Elon
    Musk", "Amazon founder Jeff Bezos"; a capitalised one may open an organisation's name: "General Motors")."""
    before = _WORDS_BEFORE.search(document[max(0, mention.span.start - 40) : mention.span.start])
    if before is None:
        return False
    written = before.group(0).split()
    nouns, words = _list("person_nouns"), [word.lower() for word in written]
    return nouns.has_entry(words[-1]) or len(words) > 1 and nouns.has_entry(" ".join(words[-2:])) or \
        written[-1].islower() and written[-1] in _words("titles")


def _before_a_persons_appositive(mention, document: str) -> bool:
    """"Femke Bol, 23, won", "Margrethe Vestager, the EU's competition chief, said": an age, or a role only people
    have, in the appositive right after the name."""
    return _AGE_AFTER.match(document, mention.span.end) is not None or \
        appositive_role(document, mention.span.end) is not None


def appositive_role(text: str, end: int) -> str | None:
    """The head of the appositive right after a name that ends at `end`, where it is a role only people have
    ("chief" of ", the EU's competition chief,"; "spokeswoman" of ", a spokeswoman for"); None for any other."""
    match = _APPOSITIVE_HEAD.match(text, end)
    return match.group(1) if match is not None and match.group(1) in _persons_roles() else None


@lru_cache(maxsize=1)
def _persons_roles() -> frozenset[str]:
    """Titles, nouns only people are and nouns that say a sex, less the roles organisations are given too."""
    gendered = {title for title, _ in load_table("babelwire.translation.lexicon", "gendered_titles")}
    return (_words("titles") | _words("person_nouns") | gendered) - _SHARED_ROLES


def given_name_gender(word: str) -> str | None:
    """The sex the census (or the project's list) gives a given name; a name written with accents is the name
    without them ("Luís", "André", "Chloé")."""
    return _given_names().get(fold(word))


_FRENCH_ARTICLES = frozenset({"le", "les"})  # census given names too, but "Le Golf National" is no person's


def _a_street(text: str) -> bool:
    words = text.split()
    return len(words) > 1 and words[-1].lower() in _STREET_WORDS


def _opens_with_given_name(text: str) -> bool:
    """"Tiger Woods", "Payne Stewart": a census given name, then a capitalised word that is not in capitals."""
    words = text.split()
    return len(words) >= 2 and given_name_gender(words[0]) is not None and words[0].lower() not in _FRENCH_ARTICLES \
        and words[0][1:].islower() and words[1][:1].isupper() and not words[1].isupper()


def _surname_shaped(text: str) -> bool:
    """"Umerov", "Kovalenko", "Shevchuk": a last word with an ending surnames of many languages have, and
    that is not a common English word's (the detector has already ruled out most of those)."""
    words = text.split()
    if not words or not words[-1][:1].isupper() or words[-1].isupper():
        return False
    last = words[-1].lower()
    return any(last.endswith(ending) and len(last) > len(ending) + 1 for ending in _surname_endings())


def _words(list_name: str) -> frozenset[str]:
    """A word list of `translation/lexicon/data/` (read once: `load` caches it)."""
    return _list(list_name).words


def _list(list_name: str) -> WordList:
    return load("babelwire.translation.lexicon", list_name)


@lru_cache(maxsize=1)
def _surname_endings() -> tuple[str, ...]:
    return tuple(sorted(load("babelwire.translation.lexicon", "surname_endings").words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _given_names() -> dict[str, str]:
    """The census's given names, then the names it lacks (`data/given_name_genders_more.txt`: "Liam", "Giorgia")."""
    more = {name: sex for name, sex in load_table("babelwire.translation.lexicon", "given_name_genders_more")}
    return more | {name: sex for name, sex in load_table("babelwire.translation.lexicon", "given_name_genders")}
