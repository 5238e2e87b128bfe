"""Put the customer's own values back into text meant for that customer only."""

from __future__ import annotations

import re
from collections.abc import Mapping

from trustdesk.privacy.placeholders import PLACEHOLDER_RE

# The longest possible unfinished placeholder at the end of a chunk: "[", "[EMAIL_ADD", ...
_PARTIAL_TAIL = re.compile(r"\[[A-Z_]*\d*$")


def refill(text: str, originals: Mapping[str, str]) -> str:
    """Replace every known placeholder with its original; unknown ones stay as they are."""
    if not originals or "[" not in text:
        return text
    return PLACEHOLDER_RE.sub(lambda m: originals.get(m.group(0), m.group(0)), text)


class StreamRefiller:
    """Refills a reply that arrives in chunks, where a placeholder may be split across chunks.

    ``feed`` returns what can be shown now and holds back a possible unfinished placeholder;
    ``finish`` returns whatever is left.
    """

    def __init__(self, originals: Mapping[str, str]) -> None:
        self._originals = originals
        self._pending = ""

    def feed(self, chunk: str) -> str:
        text = self._pending + chunk
        tail = _PARTIAL_TAIL.search(text)
        if tail and len(text) - tail.start() <= 64:
            self._pending = text[tail.start() :]
            text = text[: tail.start()]
        else:
            self._pending = ""
        return refill(text, self._originals)

    def finish(self) -> str:
        rest, self._pending = self._pending, ""
        return refill(rest, self._originals)
