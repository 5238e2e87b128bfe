"""Disguised personal data: the detector reads the undisguised text and reports original offsets."""

from __future__ import annotations

import pytest

from trustdesk.privacy.detector import PiiDetector
from trustdesk.privacy.normalise import normalise


@pytest.fixture(scope="module")
def detector() -> PiiDetector:
    return PiiDetector(phone_regions=("US", "GB", "DE", "FR"))


@pytest.mark.parametrize(
    ("text", "undone"),
    [
        ("write to jane dot doe at gmail dot com please", "write to jane.doe@gmail.com please"),
        ("jane[at]example[dot]com", "jane@example.com"),
        ("jane (at) example (dot) co (dot) uk", "jane@example.co.uk"),
        ("jane { at } example { dot } org", "jane@example.org"),
        ("ann @ example . com", "ann@example.com"),
        ("jsmith at gmail.com", "jsmith@gmail.com"),
        ("j.smith at work.de", "j.smith@work.de"),
        ("maria (arroba) correo (punto) es", "maria@correo.es"),
        ("jean (arobase) free (point) fr", "jean@free.fr"),
        ("ｊａｎｅ＠ｅｘａｍｐｌｅ．ｃｏｍ", "jane@example.com"),
        ("call ０７９１１ １２３４５６", "call 07911 123456"),
        ("Jo\u200bhn Smi\u200dth", "John Smith"),
        ("my name is j\u043ehn", "my name is john"),  # Cyrillic o inside a Latin word
    ],
)
def test_disguises_are_undone(text: str, undone: str) -> None:
    result = normalise(text)
    assert result is not None
    assert result.text == undone
    # Every character maps back inside the original, in order.
    assert list(result.starts) == sorted(result.starts)
    assert result.original_span(0, len(result.text)) == (0, len(text))


@pytest.mark.parametrize(
    "text",
    [
        "I bought it at amazon.com last week",
        "I was at Tesco. It was shut",
        "ann@example.com is my address",
        "meet me at the station dot",
        "Москва is a city",  # Cyrillic text stays Cyrillic
        "Plain ASCII with nothing to undo.",
        "Café crème, s'il vous plaît",
    ],
)
def test_text_without_disguise_is_left_alone(text: str) -> None:
    assert normalise(text) is None


@pytest.mark.parametrize(
    ("text", "value", "entity"),
    [
        (
            "mail me: jane dot doe at gmail dot com, thanks",
            "jane dot doe at gmail dot com",
            "EMAIL_ADDRESS",
        ),
        ("it's pat[at]example[dot]org", "pat[at]example[dot]org", "EMAIL_ADDRESS"),
        (
            "card ４１１１ １１１１ １１１１ １１１１ please",
            "４１１１ １１１１ １１１１ １１１１",
            "CREDIT_CARD",
        ),
        (
            "card 4111\u200b1111\u200b1111\u200b1111 please",
            "4111\u200b1111\u200b1111\u200b1111",
            "CREDIT_CARD",
        ),
        ("my email is ja\u200bne@example.com", "ja\u200bne@example.com", "EMAIL_ADDRESS"),
        ("My name is J\u043ehn Sm\u0456th.", "J\u043ehn Sm\u0456th", "PERSON"),
    ],
)
def test_detections_cover_the_disguised_original(
    detector: PiiDetector, text: str, value: str, entity: str
) -> None:
    spans = [s for s in detector.detect(text) if s.entity == entity]
    assert [text[s.start : s.end] for s in spans] == [value]


def test_spans_after_a_disguise_keep_their_offsets(detector: PiiDetector) -> None:
    text = "ｍｙ ｅｍａｉｌ: bob (at) example (dot) com and call +44 20 7946 0958"
    found = {s.entity: text[s.start : s.end] for s in detector.detect(text)}
    assert found["EMAIL_ADDRESS"] == "bob (at) example (dot) com"
    assert found["PHONE_NUMBER"] == "+44 20 7946 0958"
