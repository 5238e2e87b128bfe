"""PERSON: lexicon and context rules, positives and near-misses."""

from __future__ import annotations

import pytest

from trustdesk.privacy.name_lexicon import fold_name, load_name_lexicon
from trustdesk.privacy.names import PersonRecognizer


@pytest.fixture(scope="module")
def person() -> PersonRecognizer:
    return PersonRecognizer()


def names(recognizer: PersonRecognizer, text: str) -> list[str]:
    return [text[s.start : s.end] for s in recognizer.find(text)]


def test_lexicon_holds_census_surnames_and_ssa_first_names() -> None:
    lexicon = load_name_lexicon()
    assert lexicon.is_surname("GARCIA") and lexicon.is_surname("MULLER")
    assert lexicon.first_name_count("EMMA") > 100_000
    assert lexicon.first_name_count("TABLE") == 0
    assert load_name_lexicon() is lexicon  # built once per process


def test_fold_name_drops_accents_and_punctuation() -> None:
    assert fold_name("Müller") == "MULLER"
    assert fold_name("O'Connor") == "OCONNOR"
    assert fold_name("Strauß") == "STRAUSS"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hi, my name is John Smith and my order is late.", ["John Smith"]),
        ("my name is john smith, order AF-123456", ["john smith"]),
        ("Thanks,\nPierre Lefèvre", ["Pierre Lefèvre"]),
        ("Kind regards, Giuseppe Rossi", ["Giuseppe Rossi"]),
        ("cheers, mike", ["mike"]),
        ("Dear Mr. de Vries, the lamp broke.", ["de Vries"]),
        ("Could Dr Okonkwo call me back?", ["Okonkwo"]),
        ("I spoke to Sarah from your team yesterday", ["Sarah"]),
        ("The parcel was signed for by Maria José García Pérez.", ["Maria José García Pérez"]),
        ("Sean O'Neill-Ross's order arrived", ["Sean O'Neill-Ross"]),
        ("Will Smith ordered it", ["Will Smith"]),
        ("Je m'appelle Élisabeth Le Jacquet.", ["Élisabeth Le Jacquet"]),
        ("Mit freundlichen Grüßen\nJürgen Schäfer", ["Jürgen Schäfer"]),
        ("Hi there, this is Daan van Dijk.", ["Daan van Dijk"]),
        ("Name: Anna-Lena Müller", ["Anna-Lena Müller"]),
        ("— Kasper Wouters", ["Kasper Wouters"]),
        ("Hi Mark, thanks for the quick reply", ["Mark"]),
    ],
)
def test_names_are_found_with_their_exact_span(
    person: PersonRecognizer, text: str, expected: list[str]
) -> None:
    assert names(person, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Will you refund me? Grace period is over.",
        "May I change the colour to Rose Gold?",
        "Hope you can help, this is the third time I write.",
        "Mark the order as a gift please.",
        "Bill me later for the lamp.",
        "I love the Hudson Oak Floor Lamp and the Aspen Linen Sofa.",
        "Is the Willow Velvet Armchair available in Sage Green?",
        "this is great, i'm happy with it",
        "The Oak Dining Table arrived on Monday.",
        "Dear Alder & Finch team, hello",
        "Hello Support, hi there",
        "Delivered to 31798 West Jonathan yesterday.",
        "my name is not important, my order is",
        "Could you call me back tomorrow?",
    ],
)
def test_everyday_words_and_product_names_are_not_names(
    person: PersonRecognizer, text: str
) -> None:
    assert names(person, text) == []


def test_titles_are_left_out_of_the_span(person: PersonRecognizer) -> None:
    text = "Kind regards,\nSr. Falcó"
    assert names(person, text) == ["Falcó"]


def test_every_finding_explains_itself(person: PersonRecognizer) -> None:
    (span,) = person.find("My name is Ada Lovelace.")
    assert span.recognizer == "person_lexicon"
    assert "my name is" in span.reason
    assert 0 < span.score <= 1
