from __future__ import annotations

import pytest

from trustdesk.conversation.identity import validate_customer_ref
from trustdesk.conversation.validation import (
    validate_attributes,
    validate_customer_text,
)
from trustdesk.errors import InputError


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "must not be empty"),
        ("  \n\t ", "must not be empty"),
        ("x" * 11, "11 characters long; the limit is 10"),
        ("bell\x07", r"U\+0007\) at position 4"),
        ("nul\x00", "U\\+0000"),
        ("c1\x85", "U\\+0085"),
        ("lone \ud800", "U\\+D800"),
    ],
)
def test_bad_text_is_refused_with_what_to_fix(text: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        validate_customer_text(text, max_chars=10)


def test_tabs_newlines_and_unicode_are_fine() -> None:
    assert validate_customer_text("a\tb\r\nç 🙂", max_chars=10) == "a\tb\r\nç 🙂"


@pytest.mark.parametrize("ref", ["someone@example.com", "has space", "", "x" * 65])
def test_customer_ref_must_be_an_id_not_contact_details(ref: str) -> None:
    with pytest.raises(InputError, match="customer reference"):
        validate_customer_ref(ref)


def test_attributes_are_checked() -> None:
    assert validate_attributes({"language": " de "}) == {"language": "de"}
    with pytest.raises(InputError, match="attribute name"):
        validate_attributes({"Bad Key": "x"})
    with pytest.raises(InputError, match="printable"):
        validate_attributes({"age_band": ""})
    with pytest.raises(InputError, match="at most 20"):
        validate_attributes({f"a{i}": "x" for i in range(21)})
