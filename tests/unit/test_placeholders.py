"""Placeholder redaction: stable numbering, serialisation, collision safety, offsets."""

from __future__ import annotations

import json

import pytest

from trustdesk.privacy.detector import PiiDetector
from trustdesk.privacy.placeholders import (
    PLACEHOLDER_RE,
    PlaceholderRedactor,
    PlaceholderState,
    neutralize_placeholders,
    normalize_value,
)

KEY = b"unit-test-key-0123456789abcdef"


@pytest.fixture(scope="module")
def redactor() -> PlaceholderRedactor:
    return PlaceholderRedactor(PiiDetector(), KEY)


def test_values_are_replaced_with_numbered_placeholders(redactor: PlaceholderRedactor) -> None:
    result = redactor.redact(
        "Mail jane.roe@mail.example or call +44 20 7946 0958.", PlaceholderState()
    )
    assert result.text == "Mail [EMAIL_ADDRESS_1] or call [PHONE_NUMBER_1]."


def test_different_values_get_increasing_numbers_per_entity(
    redactor: PlaceholderRedactor,
) -> None:
    result = redactor.redact(
        "a@mail.example, b@mail.example, 192.0.2.1, a@mail.example", PlaceholderState()
    )
    assert result.text == "[EMAIL_ADDRESS_1], [EMAIL_ADDRESS_2], [IP_ADDRESS_1], [EMAIL_ADDRESS_1]"


def test_same_value_keeps_its_placeholder_across_turns(redactor: PlaceholderRedactor) -> None:
    state = PlaceholderState()
    redactor.redact("card 4111 1111 1111 1111", state)
    redactor.redact("mail jane@mail.example", state)
    later = redactor.redact("new mail joe@mail.example, old card 4111111111111111", state)
    assert later.text == "new mail [EMAIL_ADDRESS_2], old card [CREDIT_CARD_1]"


def test_placeholders_survive_json_round_trip(redactor: PlaceholderRedactor) -> None:
    state = PlaceholderState()
    redactor.redact("jane@mail.example and joe@mail.example", state)
    restored = PlaceholderState.from_json(json.loads(json.dumps(state.to_json())))
    result = redactor.redact("joe@mail.example, then ann@mail.example", restored)
    assert result.text == "[EMAIL_ADDRESS_2], then [EMAIL_ADDRESS_3]"


def test_from_json_none_gives_fresh_state() -> None:
    assert PlaceholderState.from_json(None) == PlaceholderState()


@pytest.mark.parametrize(
    "data",
    [
        {"counters": {"EMAIL_ADDRESS": "one"}, "digests": {}},
        {"counters": {}, "digests": {"abc": "not a placeholder"}},
        {"counters": [], "digests": {}},
    ],
)
def test_from_json_rejects_malformed_state(data: dict[str, object]) -> None:
    with pytest.raises(ValueError, match="placeholder state"):
        PlaceholderState.from_json(data)


def test_same_email_in_different_case_gets_same_placeholder(
    redactor: PlaceholderRedactor,
) -> None:
    result = redactor.redact("Jane.Roe@Mail.Example vs jane.roe@mail.example", PlaceholderState())
    assert result.text == "[EMAIL_ADDRESS_1] vs [EMAIL_ADDRESS_1]"


def test_same_phone_in_different_formats_gets_same_placeholder(
    redactor: PlaceholderRedactor,
) -> None:
    state = PlaceholderState()
    result = redactor.redact("(415) 555-2671 or +1 415 555 2671", state)
    assert result.text == "[PHONE_NUMBER_1] or [PHONE_NUMBER_1]"
    french = redactor.redact("06 12 34 56 78 or +33 6 12 34 56 78", state)
    assert french.text == "[PHONE_NUMBER_2] or [PHONE_NUMBER_2]"


def test_same_card_grouped_differently_gets_same_placeholder(
    redactor: PlaceholderRedactor,
) -> None:
    result = redactor.redact("4111-1111-1111-1111 and 4111 1111 1111 1111", PlaceholderState())
    assert result.text == "[CREDIT_CARD_1] and [CREDIT_CARD_1]"


def test_ipv6_written_long_and_compressed_gets_same_placeholder(
    redactor: PlaceholderRedactor,
) -> None:
    text = "2001:db8::1 and 2001:0db8:0000:0000:0000:0000:0000:0001"
    assert redactor.redact(text, PlaceholderState()).text == "[IP_ADDRESS_1] and [IP_ADDRESS_1]"


def test_typed_placeholder_is_neutralised(redactor: PlaceholderRedactor) -> None:
    result = redactor.redact("see [EMAIL_ADDRESS_1] and jane@mail.example", PlaceholderState())
    assert result.text == "see (EMAIL_ADDRESS_1) and [EMAIL_ADDRESS_1]"


def test_every_placeholder_in_output_comes_from_a_replacement(
    redactor: PlaceholderRedactor,
) -> None:
    text = "[PHONE_NUMBER_7] [X_1] [IP_ADDRESS_1]x call +44 20 7946 0958"
    result = redactor.redact(text, PlaceholderState())
    produced = [r.placeholder for r in result.replacements]
    assert [m.group(0) for m in PLACEHOLDER_RE.finditer(result.text)] == produced


def test_neutralising_keeps_length_and_leaves_other_brackets() -> None:
    text = "[EMAIL_ADDRESS_1] [note] [a_1] [X_]"
    neutral = neutralize_placeholders(text)
    assert neutral == "(EMAIL_ADDRESS_1) [note] [a_1] [X_]"
    assert len(neutral) == len(text)


def test_replacement_offsets_point_into_original_text(redactor: PlaceholderRedactor) -> None:
    text = "[US_SSN_1] typed; SSN 123-45-6789, mail jane@mail.example, IBAN DE89370400440532013000"
    result = redactor.redact(text, PlaceholderState())
    assert [text[r.start : r.end] for r in result.replacements] == [
        "123-45-6789",
        "jane@mail.example",
        "DE89370400440532013000",
    ]
    assert [r.entity for r in result.replacements] == ["US_SSN", "EMAIL_ADDRESS", "IBAN_CODE"]


def test_replacements_carry_detection_metadata(redactor: PlaceholderRedactor) -> None:
    (replacement,) = redactor.redact("card 4111111111111111", PlaceholderState()).replacements
    assert replacement.placeholder == "[CREDIT_CARD_1]"
    assert replacement.recognizer == "credit_card"
    assert replacement.score > 0.9
    assert "4111" not in replacement.reason


def test_state_json_contains_no_original_value(redactor: PlaceholderRedactor) -> None:
    values = ["jane.roe@mail.example", "4111 1111 1111 1111", "+44 20 7946 0958", "192.0.2.44"]
    state = PlaceholderState()
    redactor.redact(" / ".join(values), state)
    dumped = json.dumps(state.to_json())
    assert len(state.digests) == len(values)
    for value in values:
        assert value not in dumped
    assert "4111111111111111" not in dumped
    assert "442079460958" not in dumped


def test_digest_depends_on_key() -> None:
    detector = PiiDetector()
    one = PlaceholderRedactor(detector, KEY).digest("EMAIL_ADDRESS", "jane@mail.example")
    other = PlaceholderRedactor(detector, KEY[::-1]).digest("EMAIL_ADDRESS", "jane@mail.example")
    assert one != other
    assert len(one) == 64


def test_short_key_is_rejected() -> None:
    with pytest.raises(ValueError, match="at least 16 bytes"):
        PlaceholderRedactor(PiiDetector(), b"short")


def test_text_without_pii_is_unchanged_and_state_untouched(
    redactor: PlaceholderRedactor,
) -> None:
    state = PlaceholderState()
    result = redactor.redact("Where is my parcel? It was due on 2024-05-06.", state)
    assert result.text == "Where is my parcel? It was due on 2024-05-06."
    assert result.replacements == ()
    assert state == PlaceholderState()


@pytest.mark.parametrize(
    ("entity", "raw", "expected"),
    [
        ("EMAIL_ADDRESS", "Jane@Mail.Example", "jane@mail.example"),
        ("PHONE_NUMBER", "(415) 555-2671", "+14155552671"),
        ("PHONE_NUMBER", "06 12 34 56 78", "+33612345678"),
        ("CREDIT_CARD", "4111-1111-1111-1111", "4111111111111111"),
        ("IBAN_CODE", "de89 3704 0044 0532 0130 00", "DE89370400440532013000"),
        ("US_SSN", "123 45 6789", "123456789"),
        ("IP_ADDRESS", "2001:0DB8::0001", "2001:db8::1"),
        ("PASSPORT", "ab 123456", "AB123456"),
        ("SECRET", "Hunter2", "Hunter2"),  # passwords keep their case
    ],
)
def test_values_are_normalised_per_entity(entity: str, raw: str, expected: str) -> None:
    assert normalize_value(entity, raw, ("US", "GB", "DE", "FR")) == expected


def test_a_name_written_in_another_case_keeps_its_placeholder() -> None:
    from trustdesk.privacy.detector import PiiDetector
    from trustdesk.privacy.placeholders import PlaceholderRedactor, PlaceholderState

    redactor = PlaceholderRedactor(PiiDetector(entities=["PERSON"]), b"k" * 32)
    state = PlaceholderState()
    first = redactor.redact("My name is John Smith.", state)
    second = redactor.redact("my name is john  smith", state)
    assert "[PERSON_1]" in first.text and "[PERSON_1]" in second.text
    assert state.counters == {"PERSON": 1}
