"""The guard protocol: a guard looks at text and returns a verdict made of findings."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any, Literal, Protocol

if TYPE_CHECKING:  # importing the detector would pull in phonenumbers
    from trustdesk.privacy.placeholders import PlaceholderState

Stage = Literal["input", "output"]


class Route(StrEnum):
    """What a turn does next. Guards may ask for a route; the service decides."""

    ASSISTANT = "assistant"
    DISCLOSURE = "disclosure"
    HANDOFF_REQUESTED = "handoff_requested"
    HANDOFF_FAILURE = "handoff_failure"
    LOW_CONFIDENCE = "low_confidence"
    # The assistant asked whether the customer wants a person (they may have asked for one).
    PERSON_OFFERED = "person_offered"
    HUMAN_QUEUE = "human_queue"


@dataclass(frozen=True, slots=True)
class Finding:
    """One observation by one guard, explained in words. Never carries personal data."""

    guard: str
    rule: str
    score: float
    reason: str

    def to_json(self) -> dict[str, Any]:
        return {"guard": self.guard, "rule": self.rule, "score": self.score, "reason": self.reason}


@dataclass(frozen=True, slots=True)
class Verdict:
    """A guard's answer: findings, an optional replacement text and an optional route request."""

    findings: tuple[Finding, ...] = ()
    text: str | None = None
    route: Route | None = None
    # placeholder -> original, for the encrypted vault only (the input privacy guard). It goes
    # back to the caller of the pipeline; no later guard can read it.
    sealed: tuple[tuple[str, str], ...] = field(default=(), repr=False)
    # The language the guard recognised the text in ("" when its rule holds in every
    # language), for the answer; None when it has no opinion.
    language: str | None = None


CLEAN = Verdict()


@dataclass(slots=True)
class GuardContext:
    """What a guard may read besides the text: per-conversation state, never the database.

    It carries no personal data: placeholder assignments are keyed digests, and originals
    travel only in a verdict's ``sealed`` field, straight back to the caller.
    """

    placeholders: PlaceholderState
    confidence: float | None = None
    # The conversation's earlier customer messages, redacted, oldest first (escalation triggers).
    recent: tuple[str, ...] = ()
    # The language of the answer, once the turn knows it (the output guards' fallback text).
    language: str | None = None


class Guard(Protocol):
    """A guard compiles its options once in ``__init__`` and checks text in ``check``.

    ``check`` must not raise on a normal verdict; an exception means the guard itself broke,
    and the pipeline fails closed (the conversation goes to a person).
    """

    name: str
    stage: Stage

    def check(self, text: str, context: GuardContext) -> Verdict: ...
