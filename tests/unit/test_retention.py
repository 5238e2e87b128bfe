from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from trustdesk.policy.schema import Retention
from trustdesk.privacy.retention import cutoffs, one_month_later


@pytest.mark.parametrize(
    ("received", "deadline"),
    [
        ((2026, 1, 31), (2026, 2, 28)),
        ((2028, 1, 31), (2028, 2, 29)),
        ((2026, 12, 15), (2027, 1, 15)),
        ((2026, 3, 31), (2026, 4, 30)),
    ],
)
def test_deadline_is_one_calendar_month(
    received: tuple[int, int, int], deadline: tuple[int, int, int]
) -> None:
    got = one_month_later(datetime(*received, 9, 30, tzinfo=UTC))
    assert got == datetime(*deadline, 9, 30, tzinfo=UTC)


def test_cutoffs_follow_the_policy() -> None:
    now = datetime(2026, 6, 1, tzinfo=UTC)
    cut = cutoffs(Retention(transcripts_days=10, transcripts_without_consent_days=2), now)
    assert cut.transcripts == now - timedelta(days=10)
    assert cut.transcripts_without_consent == now - timedelta(days=2)
    assert cut.vault == now - timedelta(days=90)
