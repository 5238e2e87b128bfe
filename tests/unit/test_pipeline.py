from __future__ import annotations

import pytest

from trustdesk.guards.base import Finding, GuardContext, Route, Stage, Verdict
from trustdesk.guards.pipeline import GuardPipeline
from trustdesk.privacy.placeholders import PlaceholderState


class Upper:
    name = "upper"
    stage: Stage = "input"

    def check(self, text: str, context: GuardContext) -> Verdict:
        return Verdict(findings=(Finding(self.name, "r", 0.5, "why"),), text=text.upper())


class Broken:
    name = "broken"
    stage: Stage = "input"

    def check(self, text: str, context: GuardContext) -> Verdict:
        raise RuntimeError("secret customer text")


class Handoff:
    name = "handoff"
    stage: Stage = "input"

    def check(self, text: str, context: GuardContext) -> Verdict:
        return Verdict(route=Route.HANDOFF_REQUESTED)


def _ctx() -> GuardContext:
    return GuardContext(PlaceholderState.from_json(None))


def test_guards_run_in_order_and_see_the_previous_text() -> None:
    class Seen:
        name = "seen"
        stage: Stage = "input"
        text = ""

        def check(self, text: str, context: GuardContext) -> Verdict:
            Seen.text = text
            return Verdict()

    result = GuardPipeline([Upper(), Seen(), Handoff()], []).run_input("abc", _ctx())
    assert Seen.text == "ABC" and result.text == "ABC"
    assert result.wants(Route.HANDOFF_REQUESTED) and not result.failed
    assert [f.guard for f in result.findings] == ["upper"]


def test_a_broken_guard_fails_closed_without_leaking_its_message(
    caplog: pytest.LogCaptureFixture,
) -> None:
    result = GuardPipeline([Broken(), Upper()], []).run_input("abc", _ctx())
    assert result.failed and result.routes == (Route.HANDOFF_FAILURE,)
    assert result.findings[0].rule == "guard_error"
    assert "RuntimeError" in result.findings[0].reason
    assert "secret" not in result.findings[0].reason and "secret" not in caplog.text
    assert result.text == ""  # nothing of the raw text travels on
    assert [f.guard for f in result.findings] == ["broken"]  # later guards did not run


def test_guards_must_be_placed_at_their_own_stage() -> None:
    with pytest.raises(ValueError, match="not an output guard"):
        GuardPipeline([], [Upper()])
