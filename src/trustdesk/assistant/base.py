"""The assistant backend protocol and what a backend returns."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from trustdesk.assistant.actions import ProposedAction


@dataclass(frozen=True, slots=True)
class Citation:
    """A knowledge-base passage a reply is based on."""

    source: str
    title: str

    def to_json(self) -> dict[str, Any]:
        return {"source": self.source, "title": self.title}


@dataclass(frozen=True, slots=True)
class Draft:
    """A backend's proposed reply. Output guards and the service decide whether it is sent."""

    text: str
    citations: tuple[Citation, ...]
    confidence: float
    # What the backend proposes to do (a refund, a closure …): the policy decides whether a
    # person must approve it first (assistant.actions.approval_rule).
    actions: tuple[ProposedAction, ...] = ()


@dataclass(frozen=True, slots=True)
class HistoryItem:
    """One earlier message, already redacted."""

    role: str
    text: str


class AssistantBackend(Protocol):
    """Answers a redacted question. Raises BackendError when it cannot; never invents silently.

    A backend may set ``history_turns``: how many earlier messages it wants (default 10).
    """

    name: str

    def answer(self, question: str, history: Sequence[HistoryItem]) -> Draft: ...
