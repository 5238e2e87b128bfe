"""Concept terms: words customers and help centres use alike (assistant/synonyms.py)."""

from __future__ import annotations

import pytest

from trustdesk.assistant.knowledge import Passage
from trustdesk.assistant.retrieval import PassageIndex, Tokenizer
from trustdesk.assistant.synonyms import Concepts, _matches, _steps

BIKE_SHOP = [
    Passage(
        "returns.md#how-do-i-return-a-bike",
        "Returns — How do I return a bike?",
        "Start a return from your order page within 30 days; we collect the bike for free.",
    ),
    Passage(
        "servicing.md#how-much-is-a-service",
        "Servicing — How much is a service?",
        "A standard service costs 60 pounds and includes brakes, gears and a safety check.",
    ),
    Passage(
        "shipping.md#where-do-you-deliver",
        "Shipping — Where do you deliver?",
        "We deliver across the United Kingdom and Ireland; bikes arrive fully built.",
    ),
]


@pytest.fixture(scope="module")
def tokenize() -> Tokenizer:
    return Tokenizer()


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("my vase arrived smashed", "~damage"),
        ("The order arrived damaged", "~damage"),
        ("the lamp was in pieces", "~damage"),
        ("can I send it back?", "~return"),
        ("How do I return an item?", "~return"),
        ("I want my money back", "~refund"),
        ("my card keeps getting rejected", "~decline"),
        ("the payment won't go through", "~decline"),
        ("nobody was home when the driver came", "~missed"),
        ("What happens if I miss the delivery?", "~missed"),
        ("does a gift card run out?", "~expire"),
        ("only 3 of the 4 glasses came", "~missing"),
        ("this isn't what I ordered", "~wrongitem"),
        ("stop emailing me", "~unsubscribe"),
        ("how much is a rental?", "~hire"),
        ("how much is a rental?", "~cost"),
    ],
)
def test_words_and_phrases_give_their_concept(tokenize: Tokenizer, text: str, concept: str) -> None:
    assert concept in tokenize(text)


@pytest.mark.parametrize(
    "text",
    ["I'd like to go to the shop", "The box was heavy", "Where is my order?", "back pain"],
)
def test_unrelated_text_gives_no_concept(tokenize: Tokenizer, text: str) -> None:
    assert not [t for t in tokenize(text) if t.startswith("~")]


def test_concepts_come_after_the_words_they_stand_beside(tokenize: Tokenizer) -> None:
    terms = tokenize("my vase arrived smashed")
    assert terms[: terms.index("~damage")] == ["my", "vase", "arriv", "smash"]


def test_other_languages_have_no_concepts() -> None:
    assert not [t for t in Tokenizer("fr")("mon vase est arrivé cassé") if t.startswith("~")]


def test_phrase_steps_optional_any_and_numbers() -> None:
    send_back = _steps("send|sent *? back")
    assert _matches("send back".split(), 1, send_back[1:])
    assert _matches("sent it back".split(), 1, send_back[1:])
    assert not _matches("send the parcel back".split(), 1, send_back[1:])
    only = _steps("only #|two of")
    assert _matches("only 3 of".split(), 1, only[1:])
    assert not _matches("only some of".split(), 1, only[1:])


def test_a_phrase_must_start_with_a_word(
    tokenize: Tokenizer, monkeypatch: pytest.MonkeyPatch
) -> None:
    from trustdesk.assistant import synonyms

    monkeypatch.setitem(synonyms._GROUPS, "broken", ("", ("* back",)))
    with pytest.raises(ValueError, match="must start with a word"):
        Concepts(tokenize._stem).of("go back", ["go", "back"])


def test_send_back_finds_the_return_passage() -> None:
    # The example: a bike shop's knowledge base says "return", the customer "send back".
    index = PassageIndex(BIKE_SHOP)
    hits = index.search("can i send my bike back, it's too small", k=1)
    assert hits[0].passage.source == "returns.md#how-do-i-return-a-bike"


def test_a_concept_no_passage_uses_is_dropped_from_the_question() -> None:
    index = PassageIndex(BIKE_SHOP)
    query = index.query("my parcel was smashed")
    assert "~damage" not in query.terms
    assert "smash" in query.terms  # still an unknown word: the knowledge base cannot say


def test_a_word_the_knowledge_base_knows_by_another_is_not_unknown() -> None:
    index = PassageIndex(BIKE_SHOP)
    # "dispatch" is a word of the deliver concept; the knowledge base says "deliver"
    query = index.query("do you dispatch to Ireland?")
    assert "~deliver" in query.terms
    assert "dispatch" not in query.terms
    assert query.unknown_share == 0.0
