"""Finding the spans that must come back verbatim: quotes, names, URLs, e-mails, handles, hashtags, numbers, terms."""

import pytest
import timing
from hypothesis import given, settings
from hypothesis import strategies as st

from shared_data import SEED_ARTICLE as SEED
from babelwire.translation.protection import names
from babelwire.translation.protection.glossary import Glossary
from babelwire.translation.protection.policy import ProtectionPolicy
from babelwire.translation.protection.protect import find_protection, find_spans
from babelwire.translation.protection.spans import Span, SpanKind

NO_NAMES = ProtectionPolicy(names=False)


def texts(text: str, kind: SpanKind | None = None, policy=NO_NAMES, **kwargs) -> list[str]:
    return [s.text for s in find_spans(text, policy, **kwargs) if kind is None or s.kind == kind]


@pytest.mark.parametrize(
    "text, quoted",
    [
        ('He said "we will win" today.', ['"we will win"']),
        ("He said “we will win” today.", ["“we will win”"]),
        ("He said ‘we will win’ today.", ["‘we will win’"]),
        ("He said 'we will win' today.", ["'we will win'"]),
        ("Er sagte „wir gewinnen“ heute.", ["„wir gewinnen“"]),
        ("Він сказав «ми переможемо» сьогодні.", ["«ми переможемо»"]),
        ("He said ‘it’s fine,’ and left.", ["‘it’s fine,’"]),
    ],
)
def test_every_quote_style_is_found(text, quoted):
    assert texts(text, SpanKind.QUOTE) == quoted


@pytest.mark.parametrize(
    "text",
    ["We don't know.", "Trump's team met.", "They play rock 'n' roll.", "In the '90s and the '80s.",
     "The students' union and the teachers' union met.", "It’s Trump’s call, isn’t it?"],
)
def test_apostrophes_are_not_quotes(text):
    assert texts(text, SpanKind.QUOTE) == []


def test_the_outer_quote_wins_over_an_inner_quote_and_a_name(monkeypatch):
    text = "He said “Smith told me ‘go home’ twice” and left."
    monkeypatch.setattr(names, "find_names", lambda t: [Span(SpanKind.NAME, 9, 14, "Smith")])
    spans = find_spans(text)
    assert [(s.kind, s.text) for s in spans] == [(SpanKind.QUOTE, "“Smith told me ‘go home’ twice”")]


def test_names_come_from_the_name_detector(monkeypatch):
    text = "Jane Doe met officials in Kyiv."
    monkeypatch.setattr(names, "find_names", lambda t: [Span(SpanKind.NAME, 0, 8, "Jane Doe")])
    assert [(s.kind, s.text) for s in find_spans(text)] == [(SpanKind.NAME, "Jane Doe")]


def test_an_unbalanced_quote_is_bounded_by_its_paragraph_and_not_protected():
    text = 'He said "we will win and then\n\nShe said "yes" later.\n\nA third "paragraph" here.'
    assert texts(text, SpanKind.QUOTE) == ['"yes"', '"paragraph"']


def test_an_unclosed_quote_protects_nothing():
    assert texts('He said "we will win, and left.', SpanKind.QUOTE) == []


def test_a_text_that_is_only_a_quote():
    assert texts("“We will win.”", SpanKind.QUOTE) == ["“We will win.”"]


def test_seed_article_every_quote_is_found():
    text = SEED.read_text(encoding="utf-8")
    quoted = texts(text, SpanKind.QUOTE)
    assert quoted == [
        "«Ukrainian Wire Bulletin»",
        '"cautious."',
        "Nobody expects a quick deal on land, an official briefed on the call said. Moscow still wants every "
        "Ukrainian soldier out of Donbas, while the US team is drafting a map that would freeze the current line, "
        "another official said.",
        '"Guarantees have to work on the first day, not after a year of debate.',
        '"We will not sign a paper that our soldiers cannot trust,"',
        "We want an agreement that holds in winter and in summer, in Kyiv and in every village near the front.",
        '"every promise will be checked against what happens on the ground."',
        "We need every partner at the table and no surprises",
    ]


def test_block_quote_needs_a_dash_attribution_in_lower_case():
    text = "A plain paragraph.\n\n- Item one\n\nAnother paragraph.\n\n— he said.\n"
    assert texts(text, SpanKind.QUOTE) == ["Another paragraph."]


def test_machine_shaped_spans():
    text = (
        "Mail john.doe@example.com or see https://example.com/a_(b). Follow @unn_ua and #Ukraine on www.unn.ua, "
        "it costs $42.180.00 with 2,250 views, a 1.5% rise, 10 km, €5 million and UAH 100."
    )
    found = [(s.kind, s.text) for s in find_spans(text, NO_NAMES)]
    assert found == [
        (SpanKind.EMAIL, "john.doe@example.com"),
        (SpanKind.URL, "https://example.com/a_(b)"),
        (SpanKind.HANDLE, "@unn_ua"),
        (SpanKind.HASHTAG, "#Ukraine"),
        (SpanKind.URL, "www.unn.ua"),
        (SpanKind.NUMBER, "$42.180.00"),
        (SpanKind.NUMBER, "1.5%"),
        (SpanKind.NUMBER, "10"),
        (SpanKind.NUMBER, "€5"),
        (SpanKind.NUMBER, "UAH 100"),
    ]


def test_dates_and_bare_counts_are_left_to_the_translation():
    assert texts("On Saturday, December 6, 21 people and #1 fan met in 2025.", SpanKind.NUMBER) == []
    assert texts("On Saturday, December 6, 21 people and #1 fan met.", SpanKind.HASHTAG) == []


def test_terms_are_whole_words_and_longest_first():
    text = "Kyiv Post wrote from Kyiv; Kyivstar did not."
    found = find_spans(text, NO_NAMES, terms=["Kyiv", "Kyiv Post"])
    assert [(s.kind, s.text) for s in found] == [(SpanKind.TERM, "Kyiv Post"), (SpanKind.TERM, "Kyiv")]


def test_glossary_terms_carry_the_rendering_of_the_target_language():
    glossary = Glossary.from_dict({"keep": ["Kyiv"], "render": {"Zelenskyy": {"uk": "Зеленський"}}})
    uk = find_spans("Zelenskyy is in Kyiv.", NO_NAMES, glossary=glossary, target="uk")
    de = find_spans("Zelenskyy is in Kyiv.", NO_NAMES, glossary=glossary, target="de")
    assert [(s.text, s.replacement) for s in uk] == [("Zelenskyy", "Зеленський"), ("Kyiv", None)]
    assert [(s.text, s.replacement) for s in de] == [("Zelenskyy", None), ("Kyiv", None)]


def test_a_name_containing_a_glossary_term_is_cut_around_it(monkeypatch):
    text = "President Volodymyr Zelenskyy spoke."
    monkeypatch.setattr(names, "find_names", lambda t: [Span(SpanKind.NAME, 10, 29, "Volodymyr Zelenskyy")])
    glossary = Glossary.from_dict({"render": {"Zelenskyy": {"uk": "Зеленський"}}})
    found = find_spans(text, ProtectionPolicy(render_people=False), glossary=glossary, target="uk")
    assert [(s.kind, s.text, s.replacement) for s in found] == [
        (SpanKind.NAME, "Volodymyr", None), (SpanKind.TERM, "Zelenskyy", "Зеленський")]
    # Where people are rendered, the piece left of the person is rendered too: "Володимир" before "Зеленський".
    protection = find_protection(text, glossary=glossary, target="uk")
    assert [(p.span.text, p.rendering.text) for p in protection.rendered_people] == [("Volodymyr", "Володимир")]


def test_each_kind_can_be_switched_off():
    text = 'Say "hi" at https://x.org to @a_b #tag 1.5% a@b.com'
    off = ProtectionPolicy(quotes=False, names=False, urls=False, emails=False, handles=False, hashtags=False,
                           numbers=False, terms=False)
    assert find_spans(text, off, terms=["Say"]) == []
    assert len(find_spans(text, NO_NAMES, terms=["Say"])) == 7


@pytest.mark.parametrize(
    "text",
    ['"' * 100_000, "“" * 100_000, "'" * 100_000, "a" * 100_000 + "@", "@" * 100_000, "a@" * 50_000,
     "#" * 100_000, "1." * 50_000 + "x", "$" + "1," * 50_000, "https://" + "a" * 100_000, "- a\n" * 30_000,
     "www." * 25_000, "a." * 50_000 + "com"],
)
def test_adversarial_inputs_are_linear_time(text):
    timing.assert_linear(lambda part: find_spans(part, NO_NAMES, terms=["aa"]), lambda size: text[:size],
                         len(text) // timing.FACTOR, max_us_per_char=30, rounds=1)


_PIECES = st.sampled_from(
    ["word", " ", "\n", "\n\n", '"', "“", "”", "'", "’", "‘", "«", "»", ".", ",", "1.5%", "$3", "@x", "#y",
     "http://a.b/c", "e@x.org", "- she said.", "Kyiv", "don't"]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_PIECES, max_size=40).map("".join))
def test_spans_are_sorted_disjoint_and_point_into_the_text(text):
    spans = find_spans(text, NO_NAMES, terms=["Kyiv"])
    assert all(text[s.start : s.end] == s.text and s.start < s.end for s in spans)
    assert all(a.end <= b.start for a, b in zip(spans, spans[1:]))


def test_a_term_edge_that_is_not_a_word_character_may_touch_a_word():
    from babelwire.translation.protection.protect import find_terms

    assert [span.start for span in find_terms("ASP.NET and .NETwork", {".NET": None})] == [3]  # not in .NETwork
    assert [span.text for span in find_terms("US and USA", {"US": None})] == ["US"]
    assert [span.text for span in find_terms("x\U000f0000word", {"\U000f0000": None, "US": None})] == ["\U000f0000"]


def test_a_place_after_a_greeting_is_left_to_the_translation():
    """"Hello Kyiv.": Kyiv is a place the desk policy translates; no span keeps "Hello Kyiv" verbatim."""
    assert find_spans("Hello Kyiv.") == []
    assert [span.text for span in find_spans("Hello Kyiv.", ProtectionPolicy.strict())] == ["Kyiv"]
