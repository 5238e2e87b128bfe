"""Consent per customer and purpose (GDPR Art. 7): given, withdrawn, and always provable."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any


class Purpose(StrEnum):
    """What a customer can agree to, each separately."""

    AI_ASSISTANCE = "ai_assistance"  # the AI assistant may answer (else a person does)
    TRANSCRIPT_STORAGE = "transcript_storage"  # keep the transcript for the longer period
    SERVICE_IMPROVEMENT = "service_improvement"  # self-reported attributes for fairness audits


@dataclass(frozen=True, slots=True)
class ConsentRecord:
    """One decision by the customer: what, yes or no, against which notice, how and when."""

    subject_id: str
    purpose: Purpose
    granted: bool
    notice_version: str
    channel: str
    recorded_at: datetime
    conversation_id: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "purpose": self.purpose.value,
            "granted": self.granted,
            "notice_version": self.notice_version,
            "channel": self.channel,
            "recorded_at": self.recorded_at.isoformat(),
        }


def parse_purposes(values: dict[str, bool]) -> dict[Purpose, bool]:
    """Validate purpose names; raises ValueError naming the known ones.

    The message never repeats the unknown names: a caller can put anything there.
    """
    known = {p.value for p in Purpose}
    if set(values) - known:
        raise ValueError(f"unknown consent purpose; known: {', '.join(sorted(known))}")
    return {Purpose(k): v for k, v in values.items()}
