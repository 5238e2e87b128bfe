"""A model's reply is judged by what the passages it cites say."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from trustdesk.assistant.grounding import (
    MIN_TERMS,
    SUPPORTED,
    SentenceStream,
    judge,
    split_sentences,
    whole_sentences,
)
from trustdesk.assistant.retrieval import Tokenizer

RETURNS = "You have 30 days from delivery to return most items for a full refund."
SHIPPING = "Standard delivery takes three to five working days within the country."
PASSAGES = [RETURNS, SHIPPING]


@pytest.fixture(scope="module")
def tokenize() -> Tokenizer:
    return Tokenizer()


def test_a_sentence_its_cited_passage_says_is_supported(tokenize: Tokenizer) -> None:
    grounding = judge("You have 30 days from delivery to return items [1].", PASSAGES, tokenize)
    assert grounding.confidence >= SUPPORTED
    assert grounding.supporting == (1,)


def test_citing_the_wrong_passage_is_not_support(tokenize: Tokenizer) -> None:
    grounding = judge("You have 30 days from delivery to return items [2].", PASSAGES, tokenize)
    assert grounding.confidence < SUPPORTED
    assert grounding.supporting == ()


def test_one_invented_sentence_sinks_the_reply(tokenize: Tokenizer) -> None:
    text = (
        "You have 30 days from delivery to return items [1]. "
        "We also give every customer a free gift voucher worth fifty euros."
    )
    grounding = judge(text, PASSAGES, tokenize)
    assert grounding.confidence < SUPPORTED
    assert [s.text for s in grounding.unsupported] == [
        "We also give every customer a free gift voucher worth fifty euros."
    ]


def test_courtesy_is_not_judged_and_placeholders_are_not_words(tokenize: Tokenizer) -> None:
    text = (
        "Happy to help! Standard delivery takes three to five working days [2]. "
        "We will write to [EMAIL_ADDRESS_1] about it."
    )
    grounding = judge(text, PASSAGES, tokenize)
    assert [s.cited for s in grounding.sentences] == [(2,)]
    assert grounding.confidence == 1.0


def test_a_reply_that_cites_nothing_has_no_confidence(tokenize: Tokenizer) -> None:
    assert judge("Returns are accepted within thirty days.", PASSAGES, tokenize).confidence == 0
    assert judge("", PASSAGES, tokenize).confidence == 0


def test_citations_outside_the_passages_count_for_nothing(tokenize: Tokenizer) -> None:
    grounding = judge("You have 30 days from delivery to return items [7].", PASSAGES, tokenize)
    assert grounding.sentences[0].cited == ()
    assert grounding.confidence == 0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One thing [1]. Another [2].", ["One thing [1].", "Another [2]."]),
        ("Returns take 30 days. [1] Then more.", ["Returns take 30 days. [1]", "Then more."]),
        ("Mail jo@example.org or call. Next.", ["Mail jo@example.org or call.", "Next."]),
        ("It costs 3.5 EUR. Done!", ["It costs 3.5 EUR.", "Done!"]),
        ("- first item\n- second item", ["- first item", "- second item"]),
        ('He said "yes." Then left.', ['He said "yes."', "Then left."]),
    ],
)
def test_sentences_split_where_sentences_end(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


def test_min_terms_is_a_small_number() -> None:
    assert 2 <= MIN_TERMS <= 4


# -- sentences judged while the reply arrives ------------------------------------------------

STREAMED = (
    "Happy to help! You have 30 days from delivery to return items. [1] "
    "Standard delivery takes three to five working days [2].\nWe will write to "
    "[EMAIL_ADDRESS_1] about it. Anything else?"
)


def _streamed(text: str, cuts: list[int], tokenize: Tokenizer) -> list[tuple[str, float | None]]:
    stream = SentenceStream(PASSAGES, tokenize)
    out = []
    start = 0
    for cut in [*cuts, len(text)]:
        out += [(s.text, s.support) for s in stream.feed(text[start:cut])]
        start = cut
    out += [(s.text, s.support) for s in stream.finish()]
    assert stream.text == text
    return out


def test_a_streamed_reply_is_cut_and_judged_as_the_whole_reply_is(tokenize: Tokenizer) -> None:
    whole = judge(STREAMED, PASSAGES, tokenize)
    supports = {s.text: s.support for s in whole.sentences}
    expected = [(s, supports.get(s)) for s in split_sentences(STREAMED)]
    # a character at a time, a word at a time, and in one piece
    assert _streamed(STREAMED, list(range(1, len(STREAMED))), tokenize) == expected
    words = [m.end() for m in re.finditer(r"\S+", STREAMED)]
    assert _streamed(STREAMED, words, tokenize) == expected
    assert _streamed(STREAMED, [], tokenize) == expected


@given(st.lists(st.integers(min_value=1, max_value=len(STREAMED) - 1), max_size=12))
@settings(max_examples=200, deadline=None)
def test_any_cutting_gives_the_same_sentences(cuts: list[int]) -> None:
    tokenize = Tokenizer()
    expected = [s for s in split_sentences(STREAMED)]
    assert [t for t, _ in _streamed(STREAMED, sorted(set(cuts)), tokenize)] == expected


def test_a_sentence_is_given_only_once_the_next_has_begun(tokenize: Tokenizer) -> None:
    stream = SentenceStream(PASSAGES, tokenize)
    assert stream.feed("You have 30 days from delivery to return items.") == []
    assert stream.feed(" ") == []
    # a citation marker that opens the next part still belongs to this sentence
    assert stream.feed("[") == []
    assert stream.feed("1]") == []
    given_ = stream.feed(" Then")
    assert [s.text for s in given_] == ["You have 30 days from delivery to return items. [1]"]
    assert given_[0].support is not None and given_[0].support >= SUPPORTED
    assert [s.text for s in stream.finish()] == ["Then"]


def test_a_reply_cut_at_the_length_limit_loses_its_half_sentence(tokenize: Tokenizer) -> None:
    stream = SentenceStream(PASSAGES, tokenize)
    given_ = stream.feed("Standard delivery takes three to five working days [2]. You can")
    given_ += stream.feed(" also pay")
    assert [s.text for s in given_] == ["Standard delivery takes three to five working days [2]."]
    assert stream.finish(complete=False) == []
    assert whole_sentences(stream.text) == [
        "Standard delivery takes three to five working days [2]."
    ]


def test_courtesy_is_streamed_unjudged(tokenize: Tokenizer) -> None:
    stream = SentenceStream(PASSAGES, tokenize)
    given_ = stream.feed("Happy to help! Next")
    assert [(s.text, s.support) for s in given_] == [("Happy to help!", None)]
