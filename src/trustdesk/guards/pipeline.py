"""A plain loop over guard objects built once from the policy; a broken guard fails closed."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field

from trustdesk.guards.base import Finding, Guard, GuardContext, Route

log = logging.getLogger(__name__)
PRIVACY_GUARD = "pii"
LEAK_GUARD = "pii_leak"


@dataclass(frozen=True, slots=True)
class StageResult:
    """What a stage produced. When ``failed``, ``text`` is empty: nothing raw travels on."""

    text: str
    findings: tuple[Finding, ...]
    routes: tuple[Route, ...]
    failed: bool
    # placeholder -> original collected from the guards' verdicts, for the vault only.
    sealed: tuple[tuple[str, str], ...] = field(default=(), repr=False)
    # The first language a guard recognised the text in (see Verdict.language).
    language: str | None = None

    def wants(self, route: Route) -> bool:
        return route in self.routes


class GuardPipeline:
    """Runs the input guards before routing and the output guards on every draft reply."""

    def __init__(self, input_guards: Sequence[Guard], output_guards: Sequence[Guard]) -> None:
        for guard in input_guards:
            if guard.stage != "input":
                raise ValueError(f"guard {guard.name} is not an input guard")
        for guard in output_guards:
            if guard.stage != "output":
                raise ValueError(f"guard {guard.name} is not an output guard")
        self.input_guards = tuple(input_guards)
        self.output_guards = tuple(output_guards)

    def run_input(self, text: str, context: GuardContext) -> StageResult:
        return self._run(self.input_guards, text, context)

    def run_output(self, text: str, context: GuardContext) -> StageResult:
        return self._run(self.output_guards, text, context)

    def run_privacy(self, text: str, context: GuardContext) -> StageResult:
        """Only the input privacy guard (personal data to placeholders): for what staff write,
        which must be stored like the customer's words but is not a customer turn."""
        return self._run([g for g in self.input_guards if g.name == PRIVACY_GUARD], text, context)

    def run_leak_check(self, text: str, context: GuardContext) -> StageResult | None:
        """Only the output privacy guard: personal data in a draft to placeholders, keeping
        the placeholders the draft quotes (for a draft kept for review, not sent). None when
        the policy runs no such guard."""
        leak = [g for g in self.output_guards if g.name == LEAK_GUARD]
        return self._run(leak, text, context) if leak else None

    @staticmethod
    def _run(guards: Sequence[Guard], text: str, context: GuardContext) -> StageResult:
        findings: list[Finding] = []
        routes: list[Route] = []
        sealed: list[tuple[str, str]] = []
        language: str | None = None
        for guard in guards:
            try:
                verdict = guard.check(text, context)
            except Exception as exc:  # a broken guard must never let a turn through
                # Only the exception class: its message could quote the customer's text.
                log.error("guard %s failed: %s", guard.name, exc.__class__.__name__)
                findings.append(
                    Finding(
                        guard=guard.name,
                        rule="guard_error",
                        score=1.0,
                        reason=f"guard raised {exc.__class__.__name__}; failing closed",
                    )
                )
                # Neither the text (maybe not yet redacted) nor what was sealed travels on.
                return StageResult("", tuple(findings), (Route.HANDOFF_FAILURE,), True)
            findings.extend(verdict.findings)
            sealed.extend(verdict.sealed)
            if verdict.text is not None:
                text = verdict.text
            if verdict.route is not None:
                routes.append(verdict.route)
            if language is None:
                language = verdict.language
        return StageResult(text, tuple(findings), tuple(routes), False, tuple(sealed), language)
