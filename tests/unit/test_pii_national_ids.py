"""National ids: validated numbers are found, invalid check digits and bare look-alikes are not."""

from __future__ import annotations

import pytest

from trustdesk.privacy.national_ids import RULES, NationalIdRecognizer, is_valid_nino


def found(entity: str, text: str) -> list[str]:
    return [text[s.start : s.end] for s in NationalIdRecognizer(entity).find(text)]


@pytest.mark.parametrize(
    ("entity", "text", "value"),
    [
        ("UK_NINO", "my NI number is AB 12 34 56 C", "AB 12 34 56 C"),
        ("UK_NINO", "NINO: JK123456D", "JK123456D"),
        ("UK_NHS", "NHS number 943 476 5919", "943 476 5919"),
        ("ES_NIF", "DNI 31939071Y", "31939071Y"),
        ("ES_NIE", "NIE X9942864X", "X9942864X"),
        ("IT_FISCAL_CODE", "codice fiscale RSSMRA85T10A562S", "RSSMRA85T10A562S"),
        ("PL_PESEL", "PESEL 44051401359", "44051401359"),
        ("FI_PERSONAL_IDENTITY_CODE", "hetu 131052-308T", "131052-308T"),
        ("SE_PERSONNUMMER", "personnummer 811228-9874", "811228-9874"),
        ("NL_BSN", "mijn BSN is 111222333", "111222333"),
    ],
)
def test_valid_ids_are_found(entity: str, text: str, value: str) -> None:
    assert found(entity, text) == [value]


@pytest.mark.parametrize(
    ("entity", "text"),
    [
        ("UK_NINO", "NI number ZZ 12 34 56 C"),  # never-issued prefix
        ("UK_NINO", "code QQ123456C"),  # Q is never a first letter
        ("UK_NINO", "NI AB123456E"),  # suffix must be A-D
        ("UK_NHS", "order 943 476 5919"),  # needs the word NHS
        ("UK_NHS", "NHS 943 476 5918"),  # wrong check digit
        ("ES_NIF", "DNI 31939071A"),  # wrong check letter
        ("IT_FISCAL_CODE", "RSSMRA85T10A562X"),  # wrong check character
        ("PL_PESEL", "order 44051401359"),  # eleven digits without the word PESEL
        ("PL_PESEL", "PESEL 44051401358"),  # wrong check digit
        ("FI_PERSONAL_IDENTITY_CODE", "131052-308U"),  # wrong check character
        ("SE_PERSONNUMMER", "811228-9873"),  # Luhn fails
        ("NL_BSN", "order 111222333"),  # nine digits without the word BSN
        ("NL_BSN", "BSN 111222334"),  # fails the 11-test
    ],
)
def test_invalid_or_uncued_ids_are_not_found(entity: str, text: str) -> None:
    assert found(entity, text) == []


def test_nino_rules_follow_hmrc() -> None:
    assert is_valid_nino("AB 12 34 56 C")
    assert not any(is_valid_nino(f"{p}123456A") for p in ("BG", "GB", "KN", "NK", "NT", "TN"))
    assert not is_valid_nino("DA123456A")


def test_every_rule_has_a_presidio_style_upper_snake_name() -> None:
    assert all(name.isupper() and " " not in name for name in RULES)
