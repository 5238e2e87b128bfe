"""Dates of birth in the seven languages, with abbreviated and mistyped cues."""

from __future__ import annotations

import pytest

from trustdesk.privacy.dates import DateOfBirthRecognizer


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("nací el 21 de febrero de 1980, gracias", "21 de febrero de 1980"),
        ("F. nac.: 16/05/1942", "16/05/1942"),
        ("ddn : 7 septembre 1943", "7 septembre 1943"),
        ("geb. 10 juni 1954, pincode volgt", "10 juni 1954"),
        ("geb. 3. März 1961", "3. März 1961"),
        ("dn: 20-12-1987", "20-12-1987"),
        ("nasci a 15 de janeiro de 1991", "15 de janeiro de 1991"),
        ("DN: 22 DE FEVEREIRO DE 1952", "22 DE FEVEREIRO DE 1952"),
        ("data di nascita 4 settembre 1970", "4 settembre 1970"),
        ("nato il 04/11/1966", "04/11/1966"),
        # one slip in the cue word
        ("gebootredatum 20-3-1947", "20-3-1947"),
        ("nassci a 04-12-1951", "04-12-1951"),
        ("nacsi a 25/2/1974", "25/2/1974"),
        ("my birthdya is 3 May 1990", "3 May 1990"),
    ],
)
def test_birth_dates_with_cues(text: str, date: str) -> None:
    found = [text[s.start : s.end] for s in DateOfBirthRecognizer().find(text)]
    assert found == [date]


@pytest.mark.parametrize(
    "text",
    [
        "order placed on 12/03/2020",
        "delivered 3 March 2021 to my nan",
        "pedido del 21 de febrero de 2023 no llegó",
        "livraison prévue le 7 septembre 2024",
        "bezorgd op 10 juni 2024",
        "geb. 10 juni 2099",  # in the future
        "nasci a 31/02/1980",  # no such day
        "the national (nat'l) sale ended 1/2/2020",
    ],
)
def test_dates_without_a_birth_cue_or_impossible_are_not_reported(text: str) -> None:
    assert DateOfBirthRecognizer().find(text) == []
