"""Placeholder masking: verification, tolerant restore and the recovery chain, against adversarial translators."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from babelwire.translation.round_trip.mask import FORMS, Piece, mask, restore
from babelwire.translation.round_trip.names_as_words import NamesAsWords
from babelwire.translation.round_trip.recovery import translate_pieces
from babelwire.translation.protection.spans import Span, SpanKind


def piece_with(text: str, *parts: tuple[int, int, str], **options) -> Piece:
    """A Piece whose spans are given as (start, end, text restored in their place)."""
    spans = tuple(Span(SpanKind.NAME, start, end, text[start:end], None if restored == text[start:end] else restored)
                  for start, end, restored in parts)
    return Piece(text, spans, **options)


SENTENCE = piece_with(
    "Mr Doe said “we will win” in Kyiv today.", (3, 6, "Doe"), (12, 25, "“we will win”"), (29, 33, "Kyiv")
)
PLACEHOLDER = re.compile(r"[\[{<(]\d+[\]}>)]")


def words_to_x(text: str) -> str:
    """A 'translation' that keeps placeholders and replaces every other word."""
    return PLACEHOLDER.sub(lambda m: m.group(), re.sub(r"\b[^\W\d_]+\b", "ж", text))


def run(translate, pieces=(SENTENCE,)):
    calls = []

    def recorded(batch):
        calls.append(list(batch))
        return translate(batch)

    return translate_pieces(list(pieces), recorded), calls


def assert_invariant(outcome, piece=SENTENCE):
    restored = [span.restored_text for span in piece.protected]
    for text in restored:
        assert outcome.text.count(text) == restored.count(text)
    assert outcome.restored == len(piece.protected)


def test_placeholders_are_bracketed_numbers_that_do_not_occur_in_the_source():
    piece = piece_with("See [X1X] ⟦0⟧ __PH0__ [1] and 2 for Kyiv.", (36, 40, "Kyiv"))
    masked = mask(piece, FORMS[0])
    assert masked.text == "See [X1X] ⟦0⟧ __PH0__ [1] and 2 for [3]."
    outcome, _ = run(lambda batch: batch, [piece])
    assert outcome[0].text == piece.text and outcome[0].fallback is None


def test_faithful_engine_needs_no_fallback():
    (outcome,), calls = run(lambda batch: [words_to_x(s) for s in batch])
    assert outcome.fallback is None and len(calls) == 1
    assert outcome.text == "ж Doe ж “we will win” ж Kyiv ж."


def test_reordered_placeholders_are_restored_in_place_without_fallback():
    def reorder(batch):
        return [" ".join(reversed(PLACEHOLDER.findall(s))) + " ж." for s in batch]

    (outcome,), _ = run(reorder)
    assert outcome.text == "Kyiv “we will win” Doe ж." and outcome.fallback is None


@pytest.mark.parametrize(
    "damage",
    [
        lambda s: s.replace("[", "[ ").replace("]", " ]"),  # spaces inside
        lambda s: s.replace("[", "(").replace("]", ")"),  # other brackets
        lambda s: s.replace("[", "［").replace("]", "］"),  # full-width brackets
        lambda s: s.upper().replace("[", "{").replace("]", "}"),  # case and braces
    ],
)
def test_respaced_or_rebracketed_placeholders_are_matched_tolerantly(damage):
    (outcome,), calls = run(lambda batch: [damage(words_to_x(s)) for s in batch])
    assert outcome.fallback == "tolerant" and len(calls) == 1
    assert_invariant(outcome)


def test_a_placeholder_glued_to_a_word_gets_its_space_back():
    (outcome,), _ = run(lambda batch: [s.replace(" [1]", "[1]") for batch_s in [batch] for s in batch_s])
    assert "Mr Doe said" in outcome.text


def test_a_span_glued_to_a_word_is_shown_apart_and_glued_again():
    piece = piece_with("Shares of Naftogazprom rose.", (10, 18, "Naftogaz"))  # a term inside a longer word
    assert mask(piece, FORMS[0]).text == "Shares of [1] prom rose."
    (outcome,), _ = run(lambda batch: [words_to_x(s) for s in batch], [piece])
    assert outcome.text == "ж ж Naftogazж ж."
    assert restore("ж ж [1]  ж ж.", mask(piece, FORMS[0]), ["Naftogaz"]) == ("ж ж Naftogazж ж.", True)


def test_dropped_placeholder_is_recovered_with_another_form():
    def drop_square_ones(batch):
        return [s.replace("[1]", "") if "[" in s else words_to_x(s) for s in batch]

    (outcome,), calls = run(drop_square_ones)
    assert outcome.fallback == "alternate-form" and outcome.form == "parentheses"
    assert calls[1] == ["Mr Doe said [1] in [2] today."]  # the lost span shown as a word: the engine changed it
    assert "(1)" in calls[2][0]
    assert_invariant(outcome)


def test_a_lost_placeholder_is_retried_as_the_word_it_stands_for_and_kept_when_it_comes_back_verbatim():
    calls_so_far = []

    def drop_a_placeholder_once(batch):
        calls_so_far.append(batch)
        return [s.replace("[1]", "") for s in batch] if len(calls_so_far) == 1 else batch

    (outcome,), calls = run(drop_a_placeholder_once)
    assert outcome.fallback == "unmasked" and len(calls) == 2
    assert outcome.text == SENTENCE.text
    assert_invariant(outcome)


def test_a_span_with_a_glossary_rendering_is_never_shown_to_the_engine_as_a_word():
    piece = piece_with("Mr Doe met Smith.", (3, 6, "Доу"), (11, 16, "Smith"))
    (outcome,), calls = run(lambda batch: ["ж" for _ in batch], [piece])
    assert all("Doe" not in sentence for call in calls for sentence in call)
    assert outcome.fallback == "piecewise" and "Доу" in outcome.text and "Smith" in outcome.text


def test_spans_separated_only_by_a_comma_share_one_placeholder():
    piece = piece_with("It happened in Naples, Italy on Monday.", (15, 21, "Naples"), (23, 28, "Italy"))
    (outcome,), calls = run(lambda batch: batch, [piece])
    assert calls[0] == ["It happened in [1] on Monday."]
    assert outcome.text == piece.text and outcome.restored == 2


def test_forms_the_model_cannot_spell_are_not_used():
    from babelwire.translation.round_trip.mask import usable_forms

    no_braces = usable_forms(lambda text: "{" not in text and "<" not in text)
    assert [form.name for form in no_braces] == ["brackets", "parentheses"]
    assert [form.name for form in usable_forms(lambda text: False)] == ["brackets"]


@pytest.mark.parametrize(
    "adversary",
    [
        lambda s: "",  # empty
        lambda s: s + " " + s,  # duplicates every placeholder
        lambda s: PLACEHOLDER.sub("", s),  # drops them all
        lambda s: "qwzx vblk [99] ((7))",  # gibberish
        lambda s: PLACEHOLDER.sub(lambda m: m.group()[1:-1], s),  # strips the brackets
    ],
)
def test_hopeless_engine_falls_back_to_piecewise_and_keeps_every_span(adversary):
    (outcome,), calls = run(lambda batch: [adversary(s) if PLACEHOLDER.search(s) else "ж" for s in batch])
    assert outcome.fallback == "piecewise"
    assert len(calls) <= len(FORMS) + 2  # every form, the unmasked retry where a span went astray, piecewise
    assert calls[-1] == ["Mr", "said", "in", "today."]  # the text between the spans, nothing protected
    assert outcome.text == "ж Doe ж “we will win” ж Kyiv ж"
    assert_invariant(outcome)


def test_protected_text_made_up_by_the_engine_is_not_counted_twice():
    def echo(batch):  # a small model parroting names from its training data
        return [words_to_x(s) + " Kyiv Doe" for s in batch]

    (outcome,), calls = run(echo)
    assert outcome.fallback == "piecewise"
    assert_invariant(outcome)
    assert outcome.text == "ж Doe ж “we will win” ж Kyiv ж."


def test_a_sentence_without_spans_is_guarded_against_the_documents_protected_texts():
    piece = Piece("Details follow.", (), guarded=("Axios",))
    (outcome,), _ = run(lambda batch: ["Axios ж ж."], [piece])
    assert outcome.text == "ж ж." and outcome.fallback == "piecewise"


def test_a_word_that_merely_contains_a_span_text_is_not_made_up():
    piece = piece_with("The US said so.", (4, 6, "US"))
    (outcome,), _ = run(lambda batch: [s.replace("The", "USA") for s in batch], [piece])
    assert outcome.text == "USA US said so." and outcome.fallback is None


def test_piecewise_survives_an_engine_that_returns_nothing_at_all():
    (outcome,), _ = run(lambda batch: ["" for _ in batch])
    assert_invariant(outcome)
    assert outcome.text.split() == ["Doe", "“we", "will", "win”", "Kyiv"]


def test_a_sentence_of_only_spans_and_punctuation_is_not_sent():
    piece = piece_with("“Hi.” — Kyiv!", (0, 5, "“Hi.”"), (8, 12, "Київ"))
    (outcome,), calls = run(lambda batch: 1 / 0, [piece])
    assert calls == [] and outcome.text == "“Hi.” — Київ!" and outcome.fallback is None


def test_restore_rejects_a_missing_or_repeated_placeholder():
    masked = mask(SENTENCE, FORMS[0])
    assert restore("[1] [2]", masked, ["a", "b", "c"]) is None
    assert restore("[1] [2] [3] [3]", masked, ["a", "b", "c"]) is None
    assert restore("[3] [1] [2]", masked, ["a", "b", "c"]) == ("c a b", True)


_WORDS = st.sampled_from(["alpha", "beta", "[1]", "{2}", "7", " ", ",", "(3)"])


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.tuples(st.lists(_WORDS, max_size=4).map("".join), st.sampled_from(["Kyiv", "“a quote”", "1.5%", "@x"])),
             min_size=1, max_size=5),
    st.lists(_WORDS, max_size=8).map("".join),
    st.integers(0, 5),
)
def test_any_engine_output_keeps_every_span(parts, junk, choice):
    text, protected = "", []
    for gap, span in parts:
        text += gap
        protected.append((len(text), len(text) + len(span), span))
        text += span
    piece = piece_with(text + " end.", *protected)
    adversaries = [
        lambda s: junk,
        lambda s: s + junk,
        lambda s: junk + s[::-1],
        lambda s: s.replace("[", "").replace("{", ""),
        lambda s: s * 2,
        lambda s: s,
    ]
    (outcome,), _ = run(lambda batch: [adversaries[choice](s) for s in batch], [piece])
    for _, _, span in protected:
        expected = sum(r == span for _, _, r in protected)
        assert outcome.text.count(span) >= expected
        if choice in (0, 3):  # outputs that cannot contain a span by themselves
            assert outcome.text.count(span) == expected


NAMED = Piece("Mr Doe said “we will win” in Kyiv today.", SENTENCE.protected, plain=frozenset({0, 2}))


def test_names_shown_as_words_first_are_kept_when_they_come_back_verbatim():
    outcomes = []
    calls = []
    outcomes = translate_pieces([NAMED], lambda batch: calls.append(batch) or batch, words_first=NamesAsWords())
    assert calls == [["Mr Doe said [1] in Kyiv today."]]  # the quote stays masked
    assert outcomes[0].text == NAMED.text and outcomes[0].form == "words" and outcomes[0].fallback is None


def test_names_the_model_changes_are_masked_after_all():
    calls = []

    def transliterate(batch):
        calls.append(batch)
        return [s.replace("Doe", "Доу") for s in batch]

    learned = NamesAsWords(extra_budget=1.0)  # room for a second pass on every sentence
    (outcome,) = translate_pieces([NAMED], transliterate, words_first=learned)
    assert calls[1] == ["Mr [1] said [2] in Kyiv today."]  # the name that came back verbatim stays words
    assert outcome.text == NAMED.text and outcome.form == "words" and len(calls) == 2
    assert_invariant(outcome)
    calls.clear()
    translate_pieces([NAMED], transliterate, words_first=learned)  # "Doe" is masked from now on, "Kyiv" not
    assert calls[0] == ["Mr [1] said [2] in Kyiv today."]


def test_a_name_changed_again_on_the_second_pass_ends_masked():
    calls = []

    def changes_each_name_once(batch):
        calls.append(batch)
        return [s.replace("Doe", "Доу") if len(calls) == 1 else s.replace("Kyiv", "Києві") for s in batch]

    (outcome,) = translate_pieces([NAMED], changes_each_name_once, words_first=NamesAsWords(extra_budget=1.0))
    assert calls[1:] == [["Mr [1] said [2] in Kyiv today."], ["Mr [1] said [2] in [3] today."]]
    assert outcome.text == NAMED.text and outcome.form == "brackets"
    assert_invariant(outcome)


def test_names_that_came_back_but_lost_a_placeholder_are_not_sent_again_as_they_were():
    calls = []

    def loses_the_quote_once(batch):
        calls.append(batch)
        return [s.replace("[1]", "") if len(calls) == 1 else s for s in batch]

    (outcome,) = translate_pieces([NAMED], loses_the_quote_once, words_first=NamesAsWords(extra_budget=1.0))
    # the names were fine, so the second pass masks them all rather than repeat the first text
    assert calls == [["Mr Doe said [1] in Kyiv today."], ["Mr [1] said [2] in [3] today."]]
    assert outcome.text == NAMED.text and outcome.form == "brackets"
    assert_invariant(outcome)


def test_names_are_shown_only_while_the_second_passes_stay_within_budget():
    plain = Piece("The weather was fine.", ())
    learned = NamesAsWords(extra_budget=0.10)
    change_names = lambda batch: [s.replace("Doe", "Доу") for s in batch]  # noqa: E731
    translate_pieces([NAMED] + [plain] * 9, change_names, words_first=learned)  # 1 second pass for 10 sentences
    assert learned.worth_it
    other = piece_with("Ms Roe said “no” in Lviv today.", (3, 6, "Roe"), (12, 16, "“no”"), (20, 24, "Lviv"),
                  plain=frozenset({0, 2}))
    translate_pieces([other], lambda batch: [s.replace("Roe", "Ро") for s in batch], words_first=learned)
    assert not learned.worth_it  # 2 second passes for 11 sentences: over 10%
    calls = []
    translate_pieces([other], lambda batch: calls.append(batch) or batch, words_first=learned)
    assert calls == [["Ms [1] said [2] in [3] today."]]
