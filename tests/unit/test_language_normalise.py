"""Normalisation undoes the disguises a rule would otherwise miss, and changes nothing else."""

from __future__ import annotations

import pytest

from trustdesk.language.normalise import clean, fold


@pytest.mark.parametrize(
    ("disguised", "plain"),
    [
        ("I am a hum\u0430n", "i am a human"),  # Cyrillic а
        ("\u0391re y\u03bfu a b\u03bft?", "are you a bot?"),  # Greek Α, ο
        ("are you a b\u200bot", "are you a bot"),  # zero-width space
        ("are you a b\u00adot", "are you a bot"),  # soft hyphen
        ("\u202eare you a bot", "are you a bot"),  # direction override
        ("ＡＲＥ　ＹＯＵ　Ａ　ＢＯＴ", "are you a bot"),  # full width (NFKC)
        ("\U0001d41a\U0001d42b\U0001d41e you a bot", "are you a bot"),  # mathematical bold
        ("I am a hum4n", "i am a human"),
        ("r0b0t", "robot"),
        ("I am a h u m a n", "i am a human"),
        ("h.u.m.a.n", "human"),
        ("humaaaan", "human"),
        ("Êtes-vous un être humain ?", "etes-vous un etre humain ?"),
        ("Bin ich mit einem Menschen verbunden?", "bin ich mit einem menschen verbunden?"),
        ("I\u2019m a person", "i'm a person"),
        ("are   you\n a bot", "are you a bot"),
    ],
)
def test_disguises_are_undone(disguised: str, plain: str) -> None:
    assert fold(disguised) == plain


def test_folding_is_idempotent_and_keeps_plain_text() -> None:
    for text in ["where is my order?", "i need a refund for order af-123456"]:
        assert fold(text) == text
        assert fold(fold(text)) == fold(text)


def test_numbers_are_not_read_as_letters() -> None:
    # Only words that mix letters with digits are read as leetspeak; order numbers stay.
    assert fold("order 4111 arrived on 3 May") == "order 4111 arrived on 3 may"


def test_clean_keeps_case() -> None:
    assert clean("I'm S\u0430rah\u200b") == "I'm Sarah"
