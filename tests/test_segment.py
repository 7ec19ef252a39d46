"""Sentence segmentation for news English, and the further splitting of over-long sentences."""

import time

import pytest

from shared_data import SEED_ARTICLE as SEED
from babelwire.translation.lexicon import TITLE_ABBREVIATIONS
from babelwire.translation.protection.names.tokens import tokenize
from babelwire.translation.protection.policy import ProtectionPolicy
from babelwire.translation.protection.protect import find_spans
from babelwire.translation.round_trip.segment import split_long, split_sentences
from babelwire.translation.protection.spans import Span, SpanKind


def sentences(text: str, protected=(), quotes_protected=False) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text, protected, quotes_protected)]


def kept(text: str, start: int, end: int) -> Span:
    return Span(SpanKind.NAME, start, end, text[start:end])


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The U.S. economy grew. Analysts expected more.", ["The U.S. economy grew.", "Analysts expected more."]),
        ("She moved to the U.S. The next day she left.", ["She moved to the U.S.", "The next day she left."]),
        ("The U.S. Federal Reserve met. It held.", ["The U.S. Federal Reserve met.", "It held."]),
        ("Talks are on Dec. 6 in Kyiv. Mr. Smith will attend.",
         ["Talks are on Dec. 6 in Kyiv.", "Mr. Smith will attend."]),
        ("He lives at No. 10 Downing Street. It is old.", ["He lives at No. 10 Downing Street.", "It is old."]),
        ("Talks began at 9 a.m. Monday. They ended at 5 p.m. The mood was tense.",
         ["Talks began at 9 a.m. Monday.", "They ended at 5 p.m.", "The mood was tense."]),
        ("GDP rose 1.5 percent. The deal is worth $42.180.00 in total. It was signed.",
         ["GDP rose 1.5 percent.", "The deal is worth $42.180.00 in total.", "It was signed."]),
        ("He paused... Then he spoke. Wait… what?", ["He paused...", "Then he spoke.", "Wait… what?"]),
        ('"We will win. We will never give up," he said. The crowd cheered.',
         ['"We will win. We will never give up," he said.', "The crowd cheered."]),
        ("“We will win. We will not yield,” he said. It rained.",
         ["“We will win. We will not yield,” he said.", "It rained."]),
        ('"Why?" he asked. Nobody knew.', ['"Why?" he asked.', "Nobody knew."]),
        ("J. K. Rowling spoke. Acme Inc. said profits rose. Gen. Smith agreed.",
         ["J. K. Rowling spoke.", "Acme Inc. said profits rose.", "Gen. Smith agreed."]),
        ("Mail info@example.com. Then call.", ["Mail info@example.com.", "Then call."]),
    ],
)
def test_news_english_sentences(text, expected):
    assert sentences(text) == expected


def test_line_breaks_and_paragraphs_are_boundaries_and_whitespace_is_left_between_ranges():
    text = "  Headline without stop\nFirst line. Second.\r\n\n\tNext paragraph here.  \n"
    ranges = split_sentences(text)
    assert [text[s:e] for s, e in ranges] == ["Headline without stop", "First line.", "Second.", "Next paragraph here."]
    gaps = [text[:ranges[0][0]]] + [text[a[1]:b[0]] for a, b in zip(ranges, ranges[1:])] + [text[ranges[-1][1]:]]
    assert all(not gap.strip() for gap in gaps)
    rebuilt = gaps[0] + "".join(text[s:e] + gap for (s, e), gap in zip(ranges, gaps[1:]))
    assert rebuilt == text


def test_protected_ranges_are_never_split_even_across_a_line_break():
    text = "He wrote: Stop. Now\nplease. Then he left. Done."
    protected = [kept(text, 10, 27)]  # "Stop. Now\nplease."
    assert sentences(text, protected) == ["He wrote: Stop. Now\nplease.", "Then he left.", "Done."]


QUOTED = 'She said "we will stay. We will\nnot leave." Then she left.'


@pytest.mark.parametrize("policy", [ProtectionPolicy(), ProtectionPolicy(quotes=False)], ids=["quotes", "no-quotes"])
def test_a_quotation_is_never_cut_whether_protection_kept_it_or_not(policy):
    found = sentences(QUOTED, find_spans(QUOTED, policy), quotes_protected=policy.quotes)
    assert found == ['She said "we will stay. We will\nnot leave."', "Then she left."]


def test_a_quotation_that_runs_past_a_block_quote_is_not_cut_where_the_block_quote_ends():
    # The block quote (a line before a dash attribution) is protected; the inline quote that opens inside it
    # and closes in the attribution line is not, as protection keeps the first of overlapping quotes.
    text = 'He said "we will go.\n- she said, "really" and left.'
    spans = find_spans(text)
    assert [span.rule for span in spans] == ["quote: block with dash attribution"]
    assert sentences(text, spans, quotes_protected=True) == [text]


def test_seed_article_segments_like_a_careful_reader():
    text = SEED.read_text(encoding="utf-8")
    found = sentences(text)
    assert len(found) == 34
    assert "Free to reuse under the project's licence." in found and "© 2025 — 2026" in found
    assert "- she stated." in found
    assert 'Stefanyshyna added that "every promise will be checked against what happens on the ground."' in found
    assert all("\n" not in sentence for sentence in found)


def test_empty_and_blank_text_have_no_sentences():
    assert split_sentences("") == []
    assert split_sentences(" \n\n\t ") == []


@pytest.mark.parametrize("title", sorted(TITLE_ABBREVIATIONS))
def test_segmenter_and_name_tokenizer_agree_that_a_title_ends_no_sentence(title):
    text = f"He met {title.capitalize()}. Mullen in Kyiv."
    assert sentences(text) == [text]
    abbreviation, following = (token for token in tokenize(text) if token.key in (f"{title}.", "mullen"))
    assert abbreviation.text.endswith(".") and not following.sentence_start


@pytest.mark.parametrize(
    "text",
    ["." * 100_000 + "x", "a. " * 50_000, '"' * 100_000, "Mr. " * 30_000, ". \n" * 40_000,
     "U.S.A." * 20_000 + " The"],
)
def test_adversarial_inputs_segment_in_bounded_time(text):
    started = time.perf_counter()
    ranges = split_sentences(text)
    assert time.perf_counter() - started < 2.0
    assert "".join(text[s:e] for s, e in ranges).replace(" ", "").replace("\n", "") == text.replace(" ", "").replace("\n", "")


def words_over(limit: int):
    return lambda text: lambda start, end: len(text[start:end].split()) > limit


def test_split_long_prefers_clause_boundaries_and_keeps_every_character():
    text = "First clause runs on here; second clause runs on too, and a third one, then more words - and the end."
    pieces = split_long(text, 0, len(text), words_over(8)(text))
    assert [text[s:e] for s, e in pieces][0] == "First clause runs on here;"
    assert all(len(text[s:e].split()) <= 8 for s, e in pieces)
    assert " ".join(text[s:e] for s, e in pieces) == text


def test_split_long_falls_back_to_words_then_characters_without_truncating():
    text = "word " * 500 + "x" * 5000
    text = text.strip()
    pieces = split_long(text, 0, len(text), lambda s, e: e - s > 100)
    assert all(e - s <= 100 for s, e in pieces)
    assert "".join(text[s:e] for s, e in pieces).replace(" ", "") == text.replace(" ", "")


def test_split_long_never_cuts_a_protected_range():
    text = "Before, " + "quoted words " * 40 + "after, and the rest, of it."
    quote = kept(text, 8, 8 + len("quoted words " * 40) - 1)
    pieces = split_long(text, 0, len(text), lambda s, e: e - s > 30, [quote])
    assert (quote.start, quote.end) in pieces  # kept whole, even though it is too long
    assert all(not (s < quote.start < e or s < quote.end < e) for s, e in pieces)


def test_split_long_measures_each_range_once():
    text = "One clause here, another clause there; a third one, and a fourth one to end it."
    measured = []

    def too_long(start: int, end: int) -> bool:
        measured.append((start, end))
        return len(text[start:end].split()) > 4

    pieces = split_long(text, 0, len(text), too_long)
    assert len(pieces) > 2 and len(measured) == len(set(measured))


def test_split_long_leaves_short_text_alone():
    assert split_long("Short one.", 0, 10, lambda s, e: False) == [(0, 10)]


def test_two_megabytes_segment_quickly():
    text = SEED.read_text(encoding="utf-8") * 800
    assert len(text) > 2_000_000
    started = time.perf_counter()
    ranges = split_sentences(text)
    assert time.perf_counter() - started < 5.0
    assert len(ranges) == 34 * 800
