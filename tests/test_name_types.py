"""Name types: every name span says what it names, and `protect` shows it."""

import json

import pytest

from cli_helpers import run_babelwire
from babelwire.translation.protection.name_types import given_name_gender
from babelwire.translation.protection.policy import ProtectionPolicy
from babelwire.translation.protection.protect import find_spans
from babelwire.translation.protection.spans import SpanKind


def types(text: str) -> list[tuple[str, str]]:
    return [(span.text, span.type) for span in find_spans(text, ProtectionPolicy.strict()) if span.kind is SpanKind.NAME]


def test_people_places_and_organisations_are_told_apart():
    text = ("Steve Witkoff met Volodymyr Zelenskyy in Kyiv on Monday. Umerov and the National Bank of Ukraine "
            "were there, the Kyiv Independent reported.")
    assert types(text) == [("Steve Witkoff", "person"), ("Volodymyr Zelenskyy", "person"), ("Kyiv", "place"),
                           ("Umerov", "person"), ("National Bank of Ukraine", "organisation"),
                           ("Kyiv Independent", "organisation")]


def test_a_newspapers_title_is_an_organisation_kept_in_latin_even_where_it_opens_like_a_persons_name():
    # Ukrainian references keep media titles in Latin: The Boston Globe, never Бостон Глоуб
    text = ("The Boston Globe reported it first; the Christian Science Monitor and the Montreal Gazette followed, "
            "and Senator Elizabeth Warren replied.")
    assert types(text) == [("Boston Globe", "organisation"), ("Christian Science Monitor", "organisation"),
                           ("Montreal Gazette", "organisation"), ("Elizabeth Warren", "person")]


def test_a_name_shaped_as_a_persons_in_a_list_of_people_is_a_person():
    # Tiger and Payne are no given names of the lists: the people beside them tell what they are
    text = "Level at 67 were Mike Hulbert, Brian Henninger, Tiger Woods and Payne Stewart."
    assert types(text) == [("Mike Hulbert", "person"), ("Brian Henninger", "person"), ("Tiger Woods", "person"),
                           ("Payne Stewart", "person")]
    # results write each one's country in brackets before the comma; the country is no member
    text = "1. Donovan Bailey (Canada), Michael Johnson (U.S.), Falk Balzer (Germany) 38.87 seconds"
    assert types(text) == [("Donovan Bailey", "person"), ("Canada", "place"), ("Michael Johnson", "person"),
                           ("U.S.", "place"), ("Falk Balzer", "person"), ("Germany", "place")]
    # a list with a place in it proves nothing of its other names
    assert dict(types("They visited Mike Hulbert, Brian Henninger, Tiger Woods and London."))["Tiger Woods"] == "other"


def test_a_given_name_before_a_streets_word_names_a_street_not_a_person():
    assert types("He was found on John Street near Park Avenue. Nathan Lane starred.") == [
        ("John Street", "other"), ("Park Avenue", "other"), ("Nathan Lane", "person")]  # Lane is a surname too


def test_a_possessive_name_is_no_member_of_a_list_of_businesses():
    # "Alphabet's" determines Sundar Pichai: Satya Nadella is not listed with a business
    text = "The Senate will hear Microsoft's Satya Nadella and Alphabet's Sundar Pichai next week."
    assert dict(types(text))["Satya Nadella"] != "organisation"


def test_a_company_named_by_a_word_and_ai_is_one_organisation_a_name_before_ai_is_not():
    text = "Investors backed Scale AI and Mistral AI; the Biden AI order was cited."
    assert types(text) == [("Scale AI", "organisation"), ("Mistral AI", "organisation"), ("Biden", "other")]


@pytest.mark.parametrize("text, expected", [
    ("The talks were led by Neal Lancaster.", ("Neal Lancaster", "person")),  # a census given name opens it
    ("Sainsbury rose.", ("Sainsbury", "other")),  # no evidence: an unknown name stays other
    ("He spoke to Kovalenko.", ("Kovalenko", "person")),  # a surname's ending
    ("He told the rapper Big Boy so.", ("Big Boy", "person")),  # a noun only people are, right before it
    ("Radio host Big Boy asked him.", ("Big Boy", "person")),  # ... a phrase, at a sentence's start too
    ("Big Boy asked him.", ("Big Boy", "other")),  # without one: English words, a brand's as likely
    ("Femke Bol, 23, won the race.", ("Femke Bol", "person")),  # an age in the appositive after it
    ("Margrethe Vestager, the competition chief, said so.", ("Margrethe Vestager", "person")),  # a person's role
    ("Zoof, the mediator in the talks, said so.", ("Zoof", "other")),  # a role a country is given too
])
def test_an_unknown_name_is_a_person_only_with_evidence(text, expected):
    assert types(text) == [expected]


def test_host_alone_is_the_verb_before_a_club_not_a_persons_noun():
    assert dict(types("Celtic host Rangers on Sunday."))["Rangers"] == "other"


@pytest.mark.parametrize("text, business", [
    ("Shares of Sainsbury rose.", "Sainsbury"),  # a business noun before "of"
    ("Sainsbury's stores will sell it.", "Sainsbury"),  # a business noun after the name
    ("He watched Fox News Channel.", "Fox News Channel"),  # a business noun closing it
    ("It stocks brands such as Revlon, Essie and Maybelline.", "Maybelline"),  # a list after such a noun
    ("Gronk spoke to Reuters.", "Reuters"),  # a well-known organisation
    ("Gronk searched Google.", "Google"),  # a well-known brand
    ("Morrisons and Wells Fargo fell.", "Wells Fargo"),  # a British retailer, a US bank: were transcribed
    ("The study was published in The Lancet.", "Lancet"),  # a journal: was the dictionary's noun Ланцет
    ("Gronk backed Reform UK.", "Reform UK"),  # a well-known organisation of several words
    ("Gronk ate at McDonald's.", "McDonald"),  # a well-known brand whose name ends in a possessive
    ("He sold Lloyds Pharmacy.", "Lloyds Pharmacy"),  # a business word closes a name that opens like a person's
    ("Melrose Corp, Gronk and Zoof sued.", "Zoof"),  # listed with an organisation
    ("He worked for Google, Microsoft and Apple.", "Apple"),  # listed with a well-known brand
    ("Boots shops gain. It takes on Boots, Zoof and Gronk.", "Gronk"),  # listed with a business of the document
    ("Zoof shops gain. He ran Zoof Research.", "Zoof Research"),  # opens with a business of the document
    ("He ran Google Research.", "Google Research"),  # opens with a well-known brand
    ("BBC Scotland reported it.", "BBC Scotland"),  # opens with a well-known organisation
    ("Google China said so.", "Google China"),  # ... even where it ends like a surname
    ("He sold it to Zoof, the owner of a chain.", "Zoof"),  # an appositive's business noun
    ("Gronk, a ratings company, said so.", "Gronk"),
    ("Le Monde and Der Spiegel reported it.", "Der Spiegel"),  # a foreign news title: was rendered, Ле Монд
    ("Al Jazeera reported it.", "Al Jazeera"),  # ... though a census given name opens it: was a person's
    ("The book was published this month by Zoof Gronk Melrose.", "Zoof Gronk Melrose"),  # what a business does
    ("Ten million watched, as reported by Nielsen. Nielsen said more did.", "Nielsen"),
    ("He will launch his new album Yandhi.", "Yandhi"),  # a record's title
    ("Ranges from Zoof, Gronk and Melrose get more space.", "Melrose"),  # a list after "ranges from"
    ("Call 101 or contact MerPolCC today.", "MerPolCC"),  # a capital inside one word: a brand's spelling
    ("He once played in the Zoof TV ads.", "Zoof"),  # a business noun after an acronym
    ("The results were published in the journal Zoof.", "Zoof"),  # a maker's, a lender's or a journal's noun
    ("The chipmaker Zoof and the lender Gronk rose.", "Gronk"),
])
def test_a_name_the_document_treats_as_a_business_is_an_organisation(text, business):
    assert (business, "organisation") in types(text)


@pytest.mark.parametrize("text, club", [
    ("Livingston 1 - 0 Rangers", "Rangers"),  # beside a score
    ("It hit Manchester City goalkeeper Ederson.", "Manchester City"),  # before a playing position
    ("Manchester City's 2-0 win. City manager Pep Guardiola smiled.", "City"),  # a club's name shortened
    ("Bristol Rovers beat Cambridge United 2-1.", "Bristol Rovers"),  # a result's verb, its score after the other
    ("Stockport lost 2-0 to Wrexham Athletic.", "Wrexham Athletic"),  # a score, then the other side: were kept
])
def test_a_club_is_written_like_a_name_of_no_known_type(text, club):
    assert (club, "other") in types(text)


def test_a_share_price_s_fall_is_no_result():
    assert ("Tesla", "organisation") in types("Tesla lost 2-3 percent on Monday.")  # a club's score would have it


def test_a_name_the_document_places_with_a_compass_word_is_no_business():
    text = "Belfast restaurant stabbing. A man was stabbed in a restaurant in east Belfast."
    assert ("Belfast", "organisation") not in types(text)


def test_a_name_prefix_before_an_inner_capital_is_no_brand():
    assert types("He met LeBron and McGregor, then MaliVai Washington.") == [
        ("LeBron", "other"), ("McGregor", "other"), ("MaliVai Washington", "other")]  # rendered, not kept


def test_names_without_business_evidence_stay_other():
    assert types("Melrose beat Gronk, and Zoof scored.") == [
        ("Melrose", "other"), ("Gronk", "other"), ("Zoof", "other")]


def test_a_word_also_in_a_persons_name_is_that_person():
    assert types("Michael Jordan scored. Jordan said he was tired.") == [("Michael Jordan", "person"),
                                                                         ("Jordan", "person")]
    # ... its surname, or another word that is no place's: "U.S." of a name taken for a person (as the detector
    # took "U.S. Open" in a Reuters results column, now a competition) stays the country
    from babelwire.translation.protection.name_types import typed_mentions
    from babelwire.translation.protection.names import NameMention
    from babelwire.translation.protection.spans import Span

    text = "the U.S. Rider. The U.S. team won."
    mentions = [NameMention(Span(SpanKind.NAME, 4, 14, "U.S. Rider"), "PER"),
                NameMention(Span(SpanKind.NAME, 20, 24, "U.S."), "LOC")]
    assert [typed.type for typed in typed_mentions(mentions, text)] == ["person", "place"]
    assert types("He won the U.S. Open and the Open.") == [("U.S. Open", "other"), ("Open", "other")]


def test_a_name_typed_by_evidence_once_is_that_type_throughout_the_story():
    # "President Obama" is a person; "the Obama campaign" shows nothing, and is the same man: not a name of no type
    assert types("They met President Obama. The Obama campaign wrote to Dole.") == [
        ("Obama", "person"), ("Obama", "person"), ("Dole", "other")]


def test_a_name_after_a_role_written_in_lower_case_is_a_persons():
    # Elon is no census given name: the role before the name tells (and "Elon Musk and SpaceX" is no list of firms)
    assert types("Tesla chief executive Elon Musk and SpaceX staff met. Economist Jan Hatzius spoke.") == [
        ("Tesla", "organisation"), ("Elon Musk", "person"), ("SpaceX", "organisation"), ("Jan Hatzius", "person")]
    # a research firm is a firm, kept in Latin (was a name of no type, transcribed Ярдені Ресеарч)
    assert ("Yardeni Research", "organisation") in types("Analyst Ed Yardeni of Yardeni Research said.")
    # a capitalised title may open an organisation's name, which stays one
    assert ("General Motors", "organisation") in types("Shares in General Motors fell.")


def test_a_law_named_after_a_title_is_no_person_and_leaves_its_place_a_place():
    # "Government of" reads like "Secretary of State Warren Christopher", but an Act is never a person, and
    # "Wales" alone is then no surname of one
    text = "Readers outside of Wales laughed. The Government of Wales Act 2017 gave the assembly the power."
    assert types(text) == [("Wales", "place"), ("Wales Act", "organisation")]


def test_an_institution_after_a_role_is_no_person():
    # after "a spokesperson for", a run is a person's name ("Secretary of State Warren Christopher") unless it
    # is an institution: transcribed as a person, it was "Індоніжін Ред Кросс"
    assert types("Aulia Arriani, a spokesperson for the Indonesian Red Cross, and Secretary of State "
                 "Warren Christopher spoke.")[1:] == [("Indonesian Red Cross", "organisation"),
                                                    ("Warren Christopher", "person")]


def test_given_names_know_their_sex_where_the_census_is_clear():
    assert (given_name_gender("Elizabeth"), given_name_gender("Donald"), given_name_gender("Xqzt")) == ("f", "m", None)
    # names the 1990 census lacks, from the project's own list
    assert (given_name_gender("Liam"), given_name_gender("Giorgia"), given_name_gender("Volodymyr")) == ("m", "f", "m")
    assert types("The talks were led by Liam Kelly.") == [("Liam Kelly", "person")]


def test_protect_shows_the_type_beside_the_rule():
    result = run_babelwire("protect", "--policy", "strict", "Jared Kushner flew to Kyiv.")
    assert result.returncode == 0, result.stderr
    spans = json.loads(result.stdout)["spans"]
    assert [(span["text"], span["rule"] is not None, span["type"]) for span in spans] == [
        ("Jared Kushner", True, "person"), ("Kyiv", True, "place")]


def test_a_person_after_a_title_is_a_person_whatever_word_closes_the_name():
    # "Store" closes shop names ("Apple Store"), but not the name of Norway's prime minister: as an organisation
    # he was kept in Latin letters in a Ukrainian copy; the whole document then knows him as a person
    assert types("Prime Minister Jonas Gahr Store spoke. Later Jonas Gahr Store left.") == [
        ("Jonas Gahr Store", "person"), ("Jonas Gahr Store", "person")]
    assert types("Shoppers queued at the Fifth Avenue Store.")[-1] == ("Fifth Avenue Store", "organisation")


def test_a_name_after_a_business_noun_that_is_a_person_s_title_is_no_business():
    # "CEO" makes "Tesla" a business, but Elon Musk after it is its chief executive, not a brand kept in Latin
    assert types("Tesla CEO Elon Musk spoke, and brands such as Revlon sold.") == [
        ("Tesla", "organisation"), ("Elon Musk", "other"), ("Revlon", "organisation")]


def test_a_us_state_capital_is_a_place():
    assert types("Police in Baton Rouge and Des Moines said so; Tallahassee agreed.") == [
        ("Baton Rouge", "place"), ("Des Moines", "place"), ("Tallahassee", "place")]


def test_a_name_with_a_verb_in_it_is_a_title_and_one_after_the_is_no_person():
    found = dict(types("Lady Gaga stars in A Star Is Born, which won the Golden Lion. Joe Root leads the Test side."))
    assert found["Star Is Born"] == "other" and found["Golden Lion"] == "other"  # not people: Star, Golden are
    assert found["Joe Root"] == "person" and "Test" not in found  # census given names too; a cricket Test is none


def test_a_possessive_owning_nothing_is_a_shops_name_and_a_name_before_an_owners_site_a_place():
    found = dict(types("A spokesman for Sainsbury's said the supermarket would cut jobs at its Coventry store. "
                       "Trump's plan failed. Debenhams chairman Sergio Bucher agreed. "
                       "It sold at Christie's in London."))
    assert found["Christie"] == "organisation"
    assert found["Debenhams"] == "organisation" and found["Sergio Bucher"] == "person"
    assert found["Sainsbury"] == "organisation" and found["Trump"] != "organisation"
    assert found["Coventry"] != "organisation"  # the store's town, not a business


def test_a_persons_name_with_a_contracted_is_stays_a_persons():
    found = dict(types("Donald Trump spoke. Trump's in a bind, aides said."))
    assert found["Trump"] == "person"


def test_the_place_a_peers_title_names_is_no_person():
    # "Cambridge" was a person's name, written Кеймбрідж in a Ukrainian copy; a Ukrainian desk writes Кембриджські
    typed = dict(types("The Duke and Duchess of Cambridge met the Earl of Wessex and Prince Harry."))
    assert typed["Cambridge"] == typed["Wessex"] == "place"
    assert typed["Harry"] == "person"


def test_a_business_noun_right_before_a_name_makes_a_business_of_a_name_like_a_persons():
    text = ("The travel firm Thomas Cook collapsed. Retailer John Lewis said so. Shares in Debenhams Group fell. "
            "Tesla CEO Elon Musk and investor Warren Buffett spoke.")
    typed = dict(types(text))
    assert typed["Thomas Cook"] == typed["John Lewis"] == typed["Debenhams Group"] == "organisation"
    assert typed["Elon Musk"] != "organisation" and typed["Warren Buffett"] == "person"  # a title between: people


def test_a_persons_role_in_the_appositive_makes_no_business_of_the_name():
    # "chairman" after a name makes a business ("Sainsbury's chairman"), but in its appositive it is the person's role:
    # she was an organisation, kept in Latin letters in a Ukrainian copy
    assert types("Margrethe Vestager, the chairwoman of the committee, said so.") == [
        ("Margrethe Vestager", "person")]


def test_a_noun_that_may_be_a_persons_too_makes_no_business_of_a_persons_name():
    typed = dict(types("The election monitor John Smith and veteran broadcaster David Dimbleby spoke."))
    assert typed["John Smith"] == typed["David Dimbleby"] == "person"
