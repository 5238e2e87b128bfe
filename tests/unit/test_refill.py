from __future__ import annotations

import pytest

from trustdesk.privacy.refill import StreamRefiller, refill

ORIGINALS = {"[EMAIL_ADDRESS_1]": "jo@example.com", "[PHONE_NUMBER_12]": "+44 20 7946 0958"}


def test_known_placeholders_are_filled_and_unknown_kept() -> None:
    text = "Mail [EMAIL_ADDRESS_1] or call [PHONE_NUMBER_12]; not [CREDIT_CARD_1]."
    assert refill(text, ORIGINALS) == (
        "Mail jo@example.com or call +44 20 7946 0958; not [CREDIT_CARD_1]."
    )


@pytest.mark.parametrize("cut", range(1, 40))
def test_placeholder_split_across_stream_chunks_is_filled(cut: int) -> None:
    text = "We wrote to [EMAIL_ADDRESS_1] and [PHONE_NUMBER_12] [x] done"
    stream = StreamRefiller(ORIGINALS)
    shown = stream.feed(text[:cut]) + stream.feed(text[cut:]) + stream.finish()
    assert shown == refill(text, ORIGINALS)
    assert "[EMAIL" not in shown and "[PHONE" not in shown


def test_stream_does_not_hold_back_ordinary_brackets_forever() -> None:
    stream = StreamRefiller(ORIGINALS)
    assert stream.feed("see [") == "see "
    assert stream.feed("1] ok") == "[1] ok"
    assert stream.finish() == ""
