"""Quotes that run over paragraphs, block quotes with a dash attribution, and lists that are neither."""

import time

import pytest

from shared_data import SEED_ARTICLE as SEED
from babelwire.translation.protection.quotes import BLOCK, CONTINUED, INLINE, find_quotes


def quoted(text: str) -> list[str]:
    return [span.text for span in find_quotes(text)]


@pytest.mark.parametrize("separator", ["\n\n", "\n"])
def test_a_quote_continued_over_paragraphs_is_protected_in_every_paragraph(separator):
    paragraphs = [
        "The minister spoke for an hour.",
        '"We will rebuild every power plant. It will take years.',
        '"Nobody should doubt our resolve.',
        '"We will not give up," he said.',
        "The talks resume on Monday.",
    ]
    found = quoted(separator.join(paragraphs))
    assert "".join(found).count("power plant") == 1 and "".join(found).count("resolve") == 1
    assert "".join(found).count("give up") == 1 and not any("talks resume" in q or "hour" in q for q in found)


def test_a_continued_quote_may_open_after_an_attribution_and_in_curly_marks():
    text = "Zelenskyy said: “We will win.\n\n“And we will rebuild,” he added.\n\nNext."
    spans = find_quotes(text)
    assert [(s.text, s.rule) for s in spans] == [("“We will win.", CONTINUED), ("“And we will rebuild,”", INLINE)]


@pytest.mark.parametrize("nested", ["'bringing the game into disrepute'", "‘bringing the game into disrepute’",
                                    "“bringing the game into disrepute”"])
def test_a_continued_quote_holding_a_quoted_phrase_is_still_protected(nested):
    opening = f'He said: "We have to act. It is {nested}.'
    text = f'The chairman spoke.\n\n{opening}\n\n"We will not allow it," he added.\n\nNext.'
    spans = find_quotes(text)
    assert [(s.text, s.rule) for s in spans] == [(opening[9:], CONTINUED), ('"We will not allow it,"', INLINE)]


def test_an_open_quote_after_a_closed_one_and_holding_another_is_protected():
    text = 'He said "yes" and then: "We go on, as \'agreed\'.\n\n"And we stay," he said.'
    assert quoted(text)[:2] == ['"yes"', '"We go on, as \'agreed\'.']


def test_an_unclosed_quote_not_followed_by_a_quote_paragraph_is_not_protected():
    assert quoted('He said "we will win and then\n\nShe left.') == []
    assert quoted('He said "yes" and "no\n\nShe left.') == ['"yes"']


def test_a_bulleted_list_after_a_lead_in_is_not_a_block_quote():
    for separator in ("\n", "\n\n"):
        text = separator.join(["The package includes three measures.", "- more air defence.",
                               "- faster deliveries.", "- new sanctions.", "Talks go on."])
        assert quoted(text) == []


def test_a_single_bullet_without_a_reporting_verb_is_not_an_attribution():
    assert quoted("The package includes one measure:\n\n- more air defence.\n\nTalks go on.") == []
    assert quoted("Prices rose again.\n\n- more air defence.") == []


def test_a_dash_line_with_a_reporting_verb_attributes_the_paragraph_above():
    text = "We strive for a fair peace.\n\n- she stated.\n\nPrices rose.\n\n— a Ukrainian official told Axios."
    spans = find_quotes(text)
    assert [(s.text, s.rule) for s in spans] == [("We strive for a fair peace.", BLOCK), ("Prices rose.", BLOCK)]


def test_the_seed_articles_block_quotes_still_work():
    found = quoted(SEED.read_text(encoding="utf-8"))
    assert "We want an agreement that holds in winter and in summer, in Kyiv and in every village near the front." in found
    assert "We need every partner at the table and no surprises" in found
    assert any(q.startswith("Nobody expects a quick deal on land") for q in found)


@pytest.mark.parametrize("text", ['"\n' * 50_000, '"a\n' * 50_000, "- a\n" * 30_000, "a\n- said\n" * 30_000,
                                  '“a “b\n' * 30_000])
def test_adversarial_paragraphs_are_linear_time(text):
    began = time.perf_counter()
    find_quotes(text)
    assert time.perf_counter() - began < 3.0
