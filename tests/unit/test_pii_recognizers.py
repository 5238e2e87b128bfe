"""Recognizers and the detector: positives, near-misses, overlap resolution and allowlist."""

from __future__ import annotations

from itertools import pairwise

import pytest

from trustdesk.privacy.detector import DEFAULT_ENTITIES, PiiDetector, resolve_overlaps
from trustdesk.privacy.recognizers import (
    RECOGNIZER_FACTORIES,
    CreditCardRecognizer,
    EmailRecognizer,
    IbanRecognizer,
    IpAddressRecognizer,
    PhoneRecognizer,
    UsSsnRecognizer,
    build_recognizers,
)
from trustdesk.privacy.spans import PiiSpan, Recognizer


def found(recognizer: Recognizer, text: str) -> list[str]:
    return [text[span.start : span.end] for span in recognizer.find(text)]


@pytest.fixture(scope="module")
def detector() -> PiiDetector:
    return PiiDetector()


# --- email -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("write to jane.roe@mail.example please", "jane.roe@mail.example"),
        ("tagged: j.roe+orders@shop.example.co.uk", "j.roe+orders@shop.example.co.uk"),
        ("hyphens: first-last@my-domain.example", "first-last@my-domain.example"),
    ],
)
def test_email_addresses_are_found(text: str, expected: str) -> None:
    assert found(EmailRecognizer(), text) == [expected]


def test_email_trailing_sentence_dot_is_not_included() -> None:
    assert found(EmailRecognizer(), "Mail me at jane@mail.example.") == ["jane@mail.example"]


@pytest.mark.parametrize(
    "text",
    [
        "no at sign in this sentence",
        "single-letter tld a@b.c",
        "no dot in domain jane@localhost",
        "digit in tld jane@mail.c0m",
        "twitter handle @jane_roe",
    ],
)
def test_email_near_misses_are_not_reported(text: str) -> None:
    assert found(EmailRecognizer(), text) == []


# --- phone -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Our London desk: +44 20 7946 0958.", "+44 20 7946 0958"),
        ("my cell is (415) 555-2671 thanks", "(415) 555-2671"),
        ("try 415-555-2671 after six", "415-555-2671"),
        ("Berlin office +49 30 901820", "+49 30 901820"),
        ("Mon numéro : 06 12 34 56 78", "06 12 34 56 78"),
        ("call me on 4155552671 tomorrow", "4155552671"),
        ("my number is 4155552671", "4155552671"),
    ],
)
def test_phone_numbers_are_found(text: str, expected: str) -> None:
    assert found(PhoneRecognizer(), text) == [expected]


def test_formatted_phone_scores_higher_than_context_only_phone() -> None:
    recognizer = PhoneRecognizer()
    (formatted,) = recognizer.find("(415) 555-2671")
    (bare,) = recognizer.find("call 4155552671")
    assert formatted.score == 0.9
    assert bare.score == 0.7


def test_spanish_number_without_a_cue_is_found_only_with_spanish_region() -> None:
    # No trunk prefix, no contact word: only libphonenumber's plan for ES vouches for it.
    # (A trunk-prefixed "06 12 34 56 78" is a phone by its form in any region.)
    text = "612 34 56 78"
    assert found(PhoneRecognizer(regions=("ES",)), text) == [text]
    assert found(PhoneRecognizer(regions=("US",)), text) == []


@pytest.mark.parametrize(
    "text",
    [
        "order 100234567 has shipped",
        "order 4155552671 has shipped",
        "your order number 4155552671 is confirmed",
        "tracking 4155552671",
        "price $1,299.00 incl. VAT",
        "delivered on 2024-05-06 at 12:30",
        "in 2023 and 2024",
        "short 555-2671",
    ],
)
def test_phone_near_misses_are_not_reported(text: str) -> None:
    assert found(PhoneRecognizer(), text) == []


def test_phone_reason_does_not_contain_the_number() -> None:
    (span,) = PhoneRecognizer().find("call 4155552671")
    assert "4155552671" not in span.reason


# --- credit card -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "card",
    [
        "4111 1111 1111 1111",  # Visa, grouped by spaces
        "4111-1111-1111-1111",  # Visa, grouped by hyphens
        "4222222222222",  # Visa, 13 digits
        "5555555555554444",  # Mastercard 51-55
        "2221000000000009",  # Mastercard 2-series
        "378282246310005",  # American Express
        "6011111111111117",  # Discover
        "3530111333300000",  # JCB
        "30569309025904",  # Diners Club
        "6200000000000005",  # UnionPay
    ],
)
def test_valid_card_numbers_are_found(card: str) -> None:
    assert found(CreditCardRecognizer(), f"card: {card}, exp 12/29") == [card]


def test_card_with_bad_luhn_is_not_reported() -> None:
    assert found(CreditCardRecognizer(), "card 4111 1111 1111 1112") == []


def test_luhn_valid_number_with_unknown_issuer_prefix_is_not_reported() -> None:
    # 1000000000000008 passes Luhn but no issuer uses the 1 prefix.
    assert found(CreditCardRecognizer(), "ref 1000000000000008") == []


def test_card_length_must_match_issuer() -> None:
    # Amex prefix with 16 digits (Luhn-valid) is not an Amex number.
    assert found(CreditCardRecognizer(), "3400000000000000") == []


def test_card_followed_by_cvv_digits_is_still_found() -> None:
    assert found(CreditCardRecognizer(), "4111 1111 1111 1111 123") == ["4111 1111 1111 1111"]


@pytest.mark.parametrize(
    "text",
    ["order 100234567", "total $1,299.00", "2024-05-06", "call (415) 555-2671", "v1.2.3"],
)
def test_card_near_misses_are_not_reported(text: str) -> None:
    assert found(CreditCardRecognizer(), text) == []


# --- IBAN ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "iban",
    [
        "DE89 3704 0044 0532 0130 00",
        "DE89370400440532013000",
        "de89370400440532013000",
        "GB82 WEST 1234 5698 7654 32",
        "FR14 2004 1010 0505 0001 3M02 606",
        "NO93 8601 1117 947",
    ],
)
def test_valid_ibans_are_found(iban: str) -> None:
    assert found(IbanRecognizer(), f"pay to {iban}.") == [iban]


def test_iban_followed_by_a_word_is_found_without_the_word() -> None:
    assert found(IbanRecognizer(), "BE71 0961 2345 6769 from me") == ["BE71 0961 2345 6769"]


def test_iban_with_invalid_checksum_is_not_reported() -> None:
    assert found(IbanRecognizer(), "DE89 3704 0044 0532 0130 01") == []


def test_iban_like_product_code_is_not_reported() -> None:
    assert found(IbanRecognizer(), "model AB12 CDEF GHIJ KLMN") == []


# --- US SSN ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("SSN 123-45-6789", "123-45-6789"),
        ("it is 123 45 6789", "123 45 6789"),
        ("my ssn: 123456789", "123456789"),
        ("social security number 123456789", "123456789"),
        ("ITIN 912-70-1234", "912-70-1234"),
        ("900-12-3456", "900-12-3456"),
    ],
)
def test_ssns_are_found(text: str, expected: str) -> None:
    assert found(UsSsnRecognizer(), text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "000-12-3456",
        "666-12-3456",
        "123-00-4567",
        "123-45-0000",
        "123-45 6789",  # mixed separators
        "order 123456789",  # bare digits without an SSN word
        "2024-05-06",
    ],
)
def test_ssn_near_misses_are_not_reported(text: str) -> None:
    assert found(UsSsnRecognizer(), text) == []


# --- IP address ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("from 192.0.2.44 yesterday", "192.0.2.44"),
        ("host 198.51.100.7.", "198.51.100.7"),
        ("v6 2001:db8::1 here", "2001:db8::1"),
        ("full 2001:0db8:0000:0000:0000:ff00:0042:8329", "2001:0db8:0000:0000:0000:ff00:0042:8329"),
    ],
)
def test_ip_addresses_are_found(text: str, expected: str) -> None:
    assert found(IpAddressRecognizer(), text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "invalid 999.1.1.1",
        "version 1.2.3",
        "release v1.2.3.4",
        "five parts 1.2.3.4.5",
        "meet at 12:30",
        "at 12:30:45",
        "mac 00:1a:2b:3c:4d:5e",
        "std::vector",
        "price 1,299.00",
    ],
)
def test_ip_near_misses_are_not_reported(text: str) -> None:
    assert found(IpAddressRecognizer(), text) == []


# --- registry --------------------------------------------------------------------------------


def test_registry_builds_one_recognizer_per_default_entity() -> None:
    recognizers = build_recognizers(DEFAULT_ENTITIES, ("US",))
    # ... and, last, the one for values answered to a question naming them (answers.py)
    *one_each, answers = recognizers
    assert [r.entities for r in one_each] == [(e,) for e in DEFAULT_ENTITIES]
    assert answers.name == "answers"
    assert set(answers.entities) == {"CARD_SECURITY_CODE", "CARD_EXPIRY", "DATE_OF_BIRTH", "SECRET"}
    assert set(RECOGNIZER_FACTORIES) == set(DEFAULT_ENTITIES)
    assert {"PERSON", "ADDRESS", "DATE_OF_BIRTH", "UK_NINO", "NL_BSN"} <= set(DEFAULT_ENTITIES)


def test_registry_passes_phone_regions_to_phone_recognizer() -> None:
    (phone,) = build_recognizers(["PHONE_NUMBER"], ("FR",))
    assert isinstance(phone, PhoneRecognizer)
    assert phone.regions == ("FR",)


def test_unknown_entity_raises_value_error_naming_it() -> None:
    with pytest.raises(ValueError, match="DRIVER_LICENSE"):
        build_recognizers(["EMAIL_ADDRESS", "DRIVER_LICENSE"], ("US",))


# --- detector --------------------------------------------------------------------------------


def span(start: int, end: int, entity: str, score: float) -> PiiSpan:
    return PiiSpan(start, end, entity, score, "test", "synthetic")


def test_overlap_longer_span_wins() -> None:
    spans = [span(0, 10, "PHONE_NUMBER", 0.9), span(0, 16, "CREDIT_CARD", 0.5)]
    assert resolve_overlaps(spans) == [spans[1]]


def test_overlap_equal_length_higher_score_wins() -> None:
    spans = [span(0, 11, "US_SSN", 0.75), span(0, 11, "EMAIL_ADDRESS", 0.9)]
    assert resolve_overlaps(spans) == [spans[1]]


def test_overlap_equal_length_strict_format_beats_a_phone_number() -> None:
    # "192.0.2.44" or a dotted birth date can also parse as a phone number somewhere.
    spans = [span(0, 10, "PHONE_NUMBER", 0.9), span(0, 10, "IP_ADDRESS", 0.85)]
    assert resolve_overlaps(spans) == [spans[1]]


def test_overlap_equal_length_checksum_beats_format_and_heuristic() -> None:
    spans = [
        span(0, 11, "PERSON", 0.95),
        span(0, 11, "US_SSN", 0.95),
        span(0, 11, "SE_PERSONNUMMER", 0.85),
    ]
    assert resolve_overlaps(spans) == [spans[2]]


def test_overlap_equal_length_and_score_uses_entity_priority() -> None:
    spans = [
        span(5, 16, "PHONE_NUMBER", 0.8),
        span(5, 16, "IP_ADDRESS", 0.8),
        span(5, 16, "US_SSN", 0.8),
    ]
    assert resolve_overlaps(spans) == [spans[2]]


def test_non_overlapping_spans_are_all_kept_sorted_by_start() -> None:
    spans = [span(20, 30, "EMAIL_ADDRESS", 0.9), span(0, 10, "PHONE_NUMBER", 0.7)]
    assert resolve_overlaps(spans) == [spans[1], spans[0]]


def test_detector_finds_several_entities_in_order(detector: PiiDetector) -> None:
    text = (
        "I'm jane.roe@mail.example, card 4111 1111 1111 1111, IBAN DE89 3704 0044 0532 0130 00, "
        "SSN 123-45-6789, IP 192.0.2.44, phone +44 20 7946 0958."
    )
    assert [s.entity for s in detector.detect(text)] == [
        "EMAIL_ADDRESS",
        "CREDIT_CARD",
        "IBAN_CODE",
        "US_SSN",
        "IP_ADDRESS",
        "PHONE_NUMBER",
    ]


def test_detector_spans_never_overlap(detector: PiiDetector) -> None:
    text = "call 4111 1111 1111 1111 or 415-555-2671 or ssn 415 55 2671 at 192.0.2.1"
    spans = detector.detect(text)
    assert [s.entity for s in spans] == ["CREDIT_CARD", "PHONE_NUMBER", "US_SSN", "IP_ADDRESS"]
    assert all(a.end <= b.start for a, b in pairwise(spans))


def test_detector_reports_nothing_in_ordinary_text(detector: PiiDetector) -> None:
    text = (
        "Hi, order 100234567 from 2024-05-06 cost $1,299.00; app v1.2.3 crashed at 12:30. "
        "Can you refund it by Friday?"
    )
    assert detector.detect(text) == []


def test_allowlisted_value_is_not_reported_case_insensitively() -> None:
    detector = PiiDetector(allow=["help@alderfinch.example"])
    text = "I wrote to HELP@alderfinch.example from jane.roe@mail.example"
    assert [text[s.start : s.end] for s in detector.detect(text)] == ["jane.roe@mail.example"]


def test_detector_limited_to_chosen_entities() -> None:
    detector = PiiDetector(entities=["EMAIL_ADDRESS"])
    assert [s.entity for s in detector.detect("jane@mail.example 192.0.2.1")] == ["EMAIL_ADDRESS"]


# -- numbers written in words ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "number"),
    [
        (
            "my number is zero seven nine four six one two three four five six",
            "zero seven nine four six one two three four five six",
        ),
        (
            "call me on double five, two one, nine eight seven six four thanks",
            "double five, two one, nine eight seven six four",
        ),
        ("ring oh two oh seven nine four six oh nine five eight", None),
        ("zero seven 946 one two three four", "zero seven 946 one two three four"),
        (
            "mi número es seis cero cero uno dos tres cuatro cinco seis",
            "seis cero cero uno dos tres cuatro cinco seis",
        ),
        (
            "bel me op nul zes een twee drie vier vijf zes zeven acht",
            "nul zes een twee drie vier vijf zes zeven acht",
        ),
        (
            "meine Nummer: null eins sieben eins, sechs zwei drei neun null zwei sieben",
            "null eins sieben eins, sechs zwei drei neun null zwei sieben",
        ),
    ],
)
def test_a_phone_number_written_in_words_is_found(
    detector: PiiDetector, text: str, number: str | None
) -> None:
    spans = [s for s in detector.detect(text) if s.entity == "PHONE_NUMBER"]
    expected = number or text.removeprefix("ring ")
    assert [text[s.start : s.end] for s in spans] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "one two three, go!",
        "I bought two, then three, then four more of them",
        "two or three days, maybe four or five",
        "one, two, three, four, five, six: the six steps of a return",
        "order 12345678 arrived",  # digits alone are the digit recognizers' business
    ],
)
def test_counting_and_a_few_number_words_are_not(detector: PiiDetector, text: str) -> None:
    assert not [s for s in detector.detect(text) if s.entity == "PHONE_NUMBER"]
