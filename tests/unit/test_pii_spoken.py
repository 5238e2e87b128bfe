"""Numbers, letters and separators said aloud, typed before the recognizers read them
(trustdesk.privacy.spoken, through the detector's normalisation)."""

from __future__ import annotations

import pytest

from trustdesk.privacy.detector import PiiDetector
from trustdesk.privacy.normalise import normalise


def _typed(text: str) -> str | None:
    view = normalise(text)
    return None if view is None else view.text


@pytest.mark.parametrize(
    ("said", "typed"),
    [
        ("call oh seven seven double oh, nine hundred, four five six", "call 07700 900 456"),
        (
            "it's thirty seven park road, leeds, L S six, two A B",
            "it's 37 park road, leeds, LS6 2AB",
        ),
        ("postcode S W one A, one A A", "postcode SW1A 1AA"),
        ("M four B, one B three please", "M4B 1B3 please"),
        ("ten dot zero dot two fifty five dot one", "10.0.255.1"),
        ("my social is 1 2 3 dash 4 5 dash 6 7 8 9", "my social is 123-45-6789"),
        ("expiry oh nine twenty nine", "expiry 0929"),
        ("au quatre-vingt-dix-huit rue Principale", "au 98 rue Principale"),
        ("born nineteen seventy four", "born 1974"),
        ("I twenty-two years ago", "I 22 years ago"),  # "I" is no letter of a code
    ],
)
def test_runs_said_aloud_are_typed(said: str, typed: str) -> None:
    assert _typed(said) == typed


@pytest.mark.parametrize(
    "text",
    [
        "one of them arrived broken",
        "I need one or two more",
        "oh, that one",
        "DOB Sept 9 1991",  # a month, not French "sept"
        "code au dos 118",  # French "dos" (back), not Spanish "dos"
        "columbus, oh 43211",  # Ohio
        "4600 S Four Mile Run Dr",
        "nine four four seven one, two three double eight zero",  # left for the phone rule
    ],
)
def test_words_and_numbers_read_out_digit_by_digit_stay_as_written(text: str) -> None:
    assert _typed(text) is None


@pytest.fixture(scope="module")
def detector() -> PiiDetector:
    return PiiDetector(phone_regions=("GB", "US", "CA", "FR"))


@pytest.mark.parametrize(
    ("text", "value", "entity"),
    [
        (
            "Caller: the number is oh seven seven double oh, nine hundred, four five six",
            "oh seven seven double oh, nine hundred, four five six",
            "PHONE_NUMBER",
        ),
        (
            "Caller: it's forty one mill lane, hebden bridge, H X seven, six D N thanks",
            "forty one mill lane, hebden bridge, H X seven, six D N",
            "ADDRESS",
        ),
        (
            "Client : zéro six, trente-neuf, quatre-vingt-dix-huit, douze, quarante",
            "zéro six, trente-neuf, quatre-vingt-dix-huit, douze, quarante",
            "PHONE_NUMBER",
        ),
        (
            "the IP on the router page is one nine two dot one sixty eight dot one dot twelve",
            "one nine two dot one sixty eight dot one dot twelve",
            "IP_ADDRESS",
        ),
    ],
)
def test_a_value_said_aloud_is_found_over_the_words_said(
    detector: PiiDetector, text: str, value: str, entity: str
) -> None:
    found = [(text[s.start : s.end], s.entity) for s in detector.detect(text)]
    assert (value, entity) in found, found
