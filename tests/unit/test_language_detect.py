"""The customer's language: a browser's Accept-Language, function words, the model."""

from __future__ import annotations

import pytest

from trustdesk.language.detect import guess, preferred_language, reply_language


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("fr-CH, fr;q=0.9, en;q=0.8, de;q=0.7, *;q=0.5", "fr"),
        ("sv-SE, de-AT;q=0.8", "de"),
        ("en;q=0.2, nl;q=0.9", "nl"),
        ("ja, ko", None),
        ("", None),
        (None, None),
        ("pt-BR;q=abc, es", "es"),
        ("it;q=0", None),
    ],
)
def test_preferred_language(header: str | None, expected: str | None) -> None:
    assert preferred_language(header) == expected


def test_function_words_decide_a_clear_case_without_the_model() -> None:
    assert guess("Bonjour, je voudrais savoir où est ma commande, merci") == ("fr", 1.0)
    assert guess("ok") is None  # too short to tell


def test_the_matching_rules_language_comes_first() -> None:
    assert reply_language("sei un bot?", "en", "it") == "it"
    assert reply_language("Hallo, ich möchte wissen, wo meine Bestellung ist", "en") == "de"
    assert reply_language("??", "en") == "en"
