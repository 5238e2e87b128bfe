"""A model's reply is judged by what the passages it cites say."""

from __future__ import annotations

import pytest

from trustdesk.assistant.grounding import MIN_TERMS, SUPPORTED, judge, split_sentences
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
