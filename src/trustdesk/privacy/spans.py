"""What every recognizer returns and the protocol it follows."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True, slots=True)
class PiiSpan:
    """One detected piece of personal data, described without its value."""

    start: int
    end: int
    entity: str
    score: float
    recognizer: str
    reason: str


class Recognizer(Protocol):
    """Finds spans of the entities it names."""

    name: str
    entities: tuple[str, ...]

    def find(self, text: str) -> list[PiiSpan]: ...
