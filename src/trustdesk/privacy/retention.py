"""Retention periods (GDPR Art. 5(1)(e)): when each class of data expires."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import datetime, timedelta

from trustdesk.policy.schema import Retention


@dataclass(frozen=True, slots=True)
class Cutoffs:
    """Anything older than its cutoff is deleted by a purge."""

    transcripts: datetime  # for customers who consented to transcript storage
    transcripts_without_consent: datetime
    vault: datetime
    decision_records: datetime
    consents: datetime  # superseded consent records
    feedback: datetime  # ratings and comments, by when they were last changed


def cutoffs(retention: Retention, now: datetime) -> Cutoffs:
    return Cutoffs(
        transcripts=now - timedelta(days=retention.transcripts_days),
        transcripts_without_consent=now
        - timedelta(days=retention.transcripts_without_consent_days),
        vault=now - timedelta(days=retention.vault_days),
        decision_records=now - timedelta(days=retention.decision_records_days),
        consents=now - timedelta(days=retention.consents_days),
        feedback=now - timedelta(days=retention.feedback_days),
    )


def one_month_later(moment: datetime) -> datetime:
    """The GDPR Art. 12(3) deadline: the same day of the next month (or its last day)."""
    year, month = (moment.year + 1, 1) if moment.month == 12 else (moment.year, moment.month + 1)
    day = min(moment.day, calendar.monthrange(year, month)[1])
    return moment.replace(year=year, month=month, day=day)
