"""Checks on what customers send, shared by every channel."""

from __future__ import annotations

import re
from collections.abc import Mapping

from trustdesk.errors import InputError

# C0 and C1 control characters except tab, newline and carriage return; DEL; lone surrogates.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
_ATTRIBUTE_KEY = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
MAX_ATTRIBUTES = 20
MAX_ATTRIBUTE_VALUE = 100


def validate_customer_text(text: str, max_chars: int) -> str:
    """Return the text unchanged if acceptable, else raise InputError saying what to fix."""
    if not text.strip():
        raise InputError("text must not be empty or only whitespace")
    if len(text) > max_chars:
        raise InputError(f"text is {len(text)} characters long; the limit is {max_chars}")
    if match := _CONTROL.search(text):
        raise InputError(
            f"text contains a control or invalid character (U+{ord(match.group()):04X}) "
            f"at position {match.start()}; remove it"
        )
    return text


def validate_attributes(attributes: Mapping[str, str] | None) -> dict[str, str] | None:
    """Self-reported attributes, values stripped; errors say what is allowed, not what was sent."""
    if attributes is None:
        return None
    if len(attributes) > MAX_ATTRIBUTES:
        raise InputError(f"at most {MAX_ATTRIBUTES} attributes are accepted")
    clean: dict[str, str] = {}
    for key, value in attributes.items():
        if not _ATTRIBUTE_KEY.match(key):
            raise InputError(
                "attribute names must be lowercase letters, digits and '_' "
                "(at most 40), starting with a letter"
            )
        if not value.strip() or len(value) > MAX_ATTRIBUTE_VALUE or _CONTROL.search(value):
            raise InputError(
                f"attribute values must be 1-{MAX_ATTRIBUTE_VALUE} printable characters"
            )
        clean[key] = value.strip()
    return clean
