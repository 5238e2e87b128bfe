"""Staffed hours: is anyone there now, and if not, when will they be (on the local clock)."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from trustdesk.conversation.handoff import (
    HandoffReason,
    handoff_message,
    is_staffed,
    next_staffed,
    staffed_sentence,
)
from trustdesk.policy.loader import bundled_policy_path, load_policy
from trustdesk.policy.schema import Policy, StaffedHours, parse_weekly

PARIS = ZoneInfo("Europe/Paris")
OFFICE = StaffedHours(timezone="Europe/Paris", weekly=["mon-fri 09:00-17:00"])
NIGHTS = StaffedHours(timezone="Europe/Paris", weekly=["mon-fri 22:00-06:00"])


def paris(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=PARIS)


@pytest.mark.parametrize(
    ("when", "staffed"),
    [
        ("2026-06-05 08:59:59", False),  # Friday, a second before opening
        ("2026-06-05 09:00:00", True),
        ("2026-06-05 16:59:59", True),
        ("2026-06-05 17:00:00", False),  # the end minute is closed
        ("2026-06-06 12:00:00", False),  # Saturday
        ("2026-06-07 12:00:00", False),  # Sunday
    ],
)
def test_office_hours_with_boundary_minutes_and_the_weekend(when: str, staffed: bool) -> None:
    assert is_staffed(OFFICE, paris(when)) is staffed


@pytest.mark.parametrize(
    ("when", "staffed"),
    [
        ("2026-06-08 21:59:00", False),  # Monday evening, before the night shift
        ("2026-06-08 22:00:00", True),
        ("2026-06-09 03:00:00", True),  # Tuesday early morning: Monday's shift
        ("2026-06-06 05:59:00", True),  # Saturday early morning: Friday's shift
        ("2026-06-06 06:00:00", False),
        ("2026-06-08 05:00:00", False),  # Monday early morning: Sunday has no shift
    ],
)
def test_a_range_past_midnight_belongs_to_the_day_it_starts(when: str, staffed: bool) -> None:
    assert is_staffed(NIGHTS, paris(when)) is staffed


def test_the_customer_is_told_when_the_team_is_back() -> None:
    saturday = paris("2026-06-06 12:00")
    assert staffed_sentence(OFFICE, saturday) == (
        "Our team is away right now and back Monday at 09:00 (Europe/Paris)."
    )
    assert staffed_sentence(OFFICE, paris("2026-06-08 07:30")).endswith(
        "back today at 09:00 (Europe/Paris)."
    )
    assert "back tomorrow at 09:00" in staffed_sentence(OFFICE, paris("2026-06-08 17:00"))
    assert staffed_sentence(OFFICE, paris("2026-06-08 10:00")) == OFFICE.open_message
    assert "back today at 22:00" in staffed_sentence(NIGHTS, paris("2026-06-08 05:00"))


def test_the_time_is_read_on_the_business_clock_not_utc() -> None:
    # Friday 20:00 in Los Angeles is already Saturday in UTC.
    hours = StaffedHours(timezone="America/Los_Angeles", weekly=["mon-fri 09:00-21:00"])
    friday_evening = datetime(2026, 6, 6, 3, 0, tzinfo=UTC)
    assert is_staffed(hours, friday_evening)
    assert is_staffed(hours, friday_evening.replace(tzinfo=None))  # naive means UTC


def test_spring_forward_an_opening_in_the_skipped_hour_moves_to_one_that_exists() -> None:
    # Paris skips 02:00-03:00 on Sunday 2026-03-29.
    hours = StaffedHours(timezone="Europe/Paris", weekly=["sun 02:30-04:00"])
    before = datetime(2026, 3, 29, 0, 30, tzinfo=UTC)  # 01:30 CET
    opening = next_staffed(hours, before)
    assert opening is not None and opening.astimezone(UTC) == datetime(
        2026, 3, 29, 1, 30, tzinfo=UTC
    )
    assert "back today at 03:30" in staffed_sentence(hours, before)
    assert is_staffed(hours, datetime(2026, 3, 29, 1, 0, tzinfo=UTC))  # 03:00 CEST


def test_fall_back_the_opening_is_an_hour_later_in_utc() -> None:
    # Paris goes from 03:00 CEST back to 02:00 CET on Sunday 2026-10-25.
    hours = StaffedHours(timezone="Europe/Paris", weekly=["sun 09:00-17:00"])
    assert not is_staffed(hours, datetime(2026, 10, 25, 7, 59, tzinfo=UTC))  # 08:59 CET
    assert is_staffed(hours, datetime(2026, 10, 25, 8, 0, tzinfo=UTC))  # 09:00 CET
    opening = next_staffed(hours, datetime(2026, 10, 25, 0, 0, tzinfo=UTC))
    assert opening is not None and opening.astimezone(UTC).hour == 8


def test_a_day_can_run_to_midnight() -> None:
    hours = StaffedHours(timezone="Europe/Paris", weekly=["sat 10:00-24:00"])
    assert is_staffed(hours, paris("2026-06-06 23:59"))
    assert not is_staffed(hours, paris("2026-06-07 00:00"))
    assert parse_weekly("sat 10:00-24:00") == (frozenset({5}), 600, 1440)


def test_day_lists_and_ranges_that_wrap_the_week() -> None:
    assert parse_weekly("fri-mon 10:00-12:00")[0] == {4, 5, 6, 0}
    assert parse_weekly("mon, wed,fri 10:00-12:00")[0] == {0, 2, 4}
    assert parse_weekly("SAT-SUN 10:00-12:00")[0] == {5, 6}


@pytest.mark.parametrize(
    "text",
    [
        "monday 09:00-17:00",
        "mon-fri 9-5",
        "mon-fri 09:00-09:00",
        "mon 25:00-26:00",
        "xyz 09:00-10:00",
        "mon-fri 09:60-10:00",
    ],
)
def test_a_range_that_cannot_be_read_says_how_to_write_it(text: str) -> None:
    with pytest.raises(ValueError):
        parse_weekly(text)


def test_the_handoff_reply_adds_the_hours_only_when_the_policy_gives_them() -> None:
    bundled: Policy = load_policy(bundled_policy_path()).policy
    saturday = paris("2026-06-06 12:00")
    plain = handoff_message(bundled, HandoffReason.CUSTOMER_REQUEST, saturday)
    assert plain == bundled.handoff.requested_message  # the demo policy gives no hours
    staffed = bundled.model_copy(
        update={"escalation": bundled.escalation.model_copy(update={"staffed_hours": OFFICE})}
    )
    told = handoff_message(staffed, HandoffReason.SENSITIVE_TOPIC, saturday)
    sensitive = bundled.escalation.messages.sensitive_topic
    assert (
        told == f"{sensitive} Our team is away right now and back Monday at 09:00 (Europe/Paris)."
    )
    assert handoff_message(staffed, HandoffReason.SENSITIVE_TOPIC) == sensitive  # no clock given
    failed = handoff_message(staffed, HandoffReason.BACKEND_ERROR, paris("2026-06-08 10:00"))
    assert failed == f"{bundled.handoff.failure_message} {OFFICE.open_message}"
