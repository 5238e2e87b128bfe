"""ADDRESS, DATE_OF_BIRTH and policy business identifiers: positives and near-misses."""

from __future__ import annotations

import pytest

from trustdesk.privacy.addresses import AddressRecognizer
from trustdesk.privacy.custom import BusinessIdentifierSpec, PatternRecognizer
from trustdesk.privacy.dates import DateOfBirthRecognizer
from trustdesk.privacy.detector import PiiDetector


def found(recognizer: AddressRecognizer | DateOfBirthRecognizer, text: str) -> list[str]:
    return [text[s.start : s.end] for s in recognizer.find(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Please ship to 221B Baker Street.", "221B Baker Street"),
        ("ship to 344 Mathis Parkway Suite 907 asap", "344 Mathis Parkway Suite 907"),
        ("my flat is Flat 3, Christian Road now", "Flat 3, Christian Road"),
        ("It's 12 Elm Ave. in Springfield", "12 Elm Ave."),
        ("Lieferung an Hauptstraße 5a bitte", "Hauptstraße 5a"),
        ("an Jens-Drubin-Straße 47-26", "Jens-Drubin-Straße 47-26"),
        ("naar Kerkstraat 12 graag", "Kerkstraat 12"),
        ("livraison au 12, rue de la Paix merci", "12, rue de la Paix"),
        ("envío a Calle Mayor 3 Puerta 2", "Calle Mayor 3 Puerta 2"),
        ("spedire a Via Roma, 10", "Via Roma, 10"),
    ],
)
def test_street_addresses_are_found(text: str, expected: str) -> None:
    assert found(AddressRecognizer(), text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "I ordered 2 Oak Dining Tables and 3 lamps",
        "Spring 2024 collection",
        "12 items in the street sale",  # lowercase street words
        "order AF-123456 for 129.99",
        "see you at 5 pm",
    ],
)
def test_non_addresses_are_not_found(text: str) -> None:
    assert found(AddressRecognizer(), text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I was born on 12/03/1985 in Leeds", "12/03/1985"),
        ("DOB: 1985-03-12", "1985-03-12"),
        ("date of birth 12 March 1985", "12 March 1985"),
        ("my birthday is March 12, 1985", "March 12, 1985"),
        ("geboren am 12.03.1985", "12.03.1985"),
        ("1985-03-12 is my date of birth", "1985-03-12"),
    ],
)
def test_birth_dates_with_a_cue_are_found(text: str, expected: str) -> None:
    assert found(DateOfBirthRecognizer(), text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "ordered on 12/03/2024, delivered 2024-03-15",  # dates of orders
        "born in 1985",  # a year alone
        "DOB: 31/02/1985",  # no such day
        "birthday voucher expires 2999-01-01",  # in the future
        "DOB: 29/04/1976 My order from 21/01/2025",  # the cue belongs to the first date only
    ],
)
def test_dates_without_a_birth_cue_are_not_birth_dates(text: str) -> None:
    found_dates = found(DateOfBirthRecognizer(), text)
    assert found_dates in ([], ["29/04/1976"])
    assert "21/01/2025" not in found_dates


def test_business_identifier_is_reported_under_the_policy_name() -> None:
    recognizer = PatternRecognizer(BusinessIdentifierSpec("ORDER_NUMBER", r"\bAF-\d{6}\b"))
    (span,) = recognizer.find("where is AF-123456?")
    assert (span.entity, span.recognizer) == ("ORDER_NUMBER", "policy_order_number")


def test_business_identifier_with_context_needs_a_context_word() -> None:
    spec = BusinessIdentifierSpec("TICKET_NUMBER", r"#?\d{5}\b", ("ticket", "case"))
    recognizer = PatternRecognizer(spec)
    assert [s.entity for s in recognizer.find("my ticket #48213 is open")] == ["TICKET_NUMBER"]
    assert recognizer.find("I paid 48213 yen") == []


def test_detector_adds_business_identifiers_to_built_ins() -> None:
    detector = PiiDetector(
        ["EMAIL_ADDRESS"],
        business_identifiers=[BusinessIdentifierSpec("ORDER_NUMBER", r"AF-\d{6}")],
    )
    text = "AF-123456 for jane@mail.example"
    assert [s.entity for s in detector.detect(text)] == ["ORDER_NUMBER", "EMAIL_ADDRESS"]
