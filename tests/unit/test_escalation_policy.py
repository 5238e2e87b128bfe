"""The escalation section of the policy: validated, defaults in one place, errors with lines."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from trustdesk.cli.main import main
from trustdesk.conversation.handoff import HandoffReason
from trustdesk.errors import PolicyError
from trustdesk.policy.loader import bundled_policy_path, load_policy, parse_policy
from trustdesk.policy.schema import Escalation, HandoffMessages

BUNDLED = bundled_policy_path().read_text(encoding="utf-8")


def _problems(text: str) -> list[str]:
    with pytest.raises(PolicyError) as caught:
        parse_policy(text, "policy.yaml")
    return caught.value.problems


def _line(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def test_the_bundled_section_states_exactly_the_schema_defaults() -> None:
    # The YAML shows every knob; it must not drift from the defaults a shorter policy gets.
    assert load_policy(bundled_policy_path()).policy.escalation == Escalation()
    data = yaml.safe_load(BUNDLED)
    del data["escalation"]
    assert parse_policy(yaml.safe_dump(data)).policy.escalation == Escalation()


def test_policy_check_names_file_line_and_field_of_a_bad_threshold(tmp_path: Path) -> None:
    text = BUNDLED.replace("    threshold: -0.6 ", "    threshold: 0.4 ")
    bad = tmp_path / "bad.yaml"
    bad.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["policy", "check", str(bad)])
    assert result.exit_code == 2
    line = _line(text, "threshold: 0.4")
    assert f"invalid policy {bad}" in result.output
    assert f"line {line}, field escalation.negative_sentiment.threshold:" in result.output
    assert "less than or equal to 0" in result.output


PARIS = {"timezone": "Europe/Paris", "weekly": ["mon-fri 09:00-17:00"]}


@pytest.mark.parametrize(
    ("patch", "field", "says"),
    [
        (
            {"staffed_hours": {**PARIS, "timezone": "Mars/Olympus"}},
            "staffed_hours.timezone",
            "zone",
        ),
        ({"staffed_hours": {**PARIS, "weekly": ["monday 9-5"]}}, "staffed_hours.weekly.0", "like"),
        ({"staffed_hours": {**PARIS, "weekly": []}}, "staffed_hours.weekly", "at least 1"),
        (
            {"staffed_hours": {**PARIS, "closed_message": "back {when}, ask {agent}"}},
            "staffed_hours.closed_message",
            "{when} and {timezone}",
        ),
        ({"low_confidence": {"action": "ignore"}}, "low_confidence.action", "'offer'"),
        ({"repeated_failure": {"similarity": 0}}, "repeated_failure.similarity", "greater"),
        ({"repeated_failure": {"ai_failures": 1}}, "repeated_failure.ai_failures", "greater"),
        (
            {"negative_sentiment": {"threshold": -0.5, "complaint_threshold": -0.8}},
            "negative_sentiment.complaint_threshold",
            "not be below threshold",
        ),
        (
            {"sensitive_topic": {"topics": {"Legal Threats": {"phrases": ["lawyer"]}}}},
            "sensitive_topic.topics.Legal Threats.[key]",
            "pattern",
        ),
        (
            {"sensitive_topic": {"topics": {"legal": {"phrases": []}}}},
            "sensitive_topic.topics.legal.phrases",
            "at least 1",
        ),
        ({"sentiment": {"enabled": False}}, "sentiment", "Extra inputs"),
        ({"messages": {"angry": "calm down"}}, "messages.angry", "Extra inputs"),
    ],
)
def test_a_bad_escalation_value_names_its_field(
    patch: dict[str, Any], field: str, says: str
) -> None:
    data = yaml.safe_load(BUNDLED)
    for section, values in patch.items():
        current = data["escalation"].get(section)
        merged = {**current, **values} if isinstance(current, dict) else values
        data["escalation"][section] = merged
    text = yaml.safe_dump(data, sort_keys=False)
    problems = _problems(text)
    assert len(problems) == 1 and f"field escalation.{field}:" in problems[0], problems
    assert says in problems[0]
    # The line number points inside the escalation section, at or after the changed key.
    line = int(problems[0].split(",")[0].removeprefix("line "))
    assert line >= _line(text, "escalation:")
    target = text.splitlines()[line - 1].strip()
    last = field.split(".")[-1]
    if last.isdigit():
        assert target.startswith("- ")  # the list item itself
    else:
        assert target.startswith((field.split(".")[-2] if last == "[key]" else last) + ":")


def test_a_problem_never_echoes_the_value_sent() -> None:
    canary = "Secret/Zone-7f3a"
    text = BUNDLED.replace(
        "  staffed_hours: null\n",
        f"  staffed_hours:\n    timezone: {canary}\n    weekly: [mon-fri 09:00-17:00]\n",
    )
    assert not any(canary in p for p in _problems(text))


def test_staffed_hours_and_a_shorter_topic_list_load() -> None:
    text = BUNDLED.replace(
        "  staffed_hours: null\n",
        "  staffed_hours:\n    timezone: Europe/London\n"
        '    weekly: ["mon-fri 09:00-17:30", "sat 10:00-14:00"]\n',
    )
    hours = parse_policy(text).policy.escalation.staffed_hours
    assert hours is not None and hours.weekly == ["mon-fri 09:00-17:30", "sat 10:00-14:00"]
    data = yaml.safe_load(BUNDLED)
    data["escalation"]["sensitive_topic"]["topics"] = {"legal": {"phrases": ["lawyer"]}}
    topics = parse_policy(yaml.safe_dump(data)).policy.escalation.sensitive_topic.topics
    assert list(topics) == ["legal"]  # listed topics replace the defaults


def test_every_handoff_reason_has_a_message_field_and_nothing_else_does() -> None:
    assert set(HandoffMessages.model_fields) == {reason.value for reason in HandoffReason}
