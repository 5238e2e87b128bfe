"""Replace personal data with typed placeholders: on customer input and on every draft reply."""

from __future__ import annotations

from trustdesk.guards.base import CLEAN, Finding, GuardContext, Stage, Verdict
from trustdesk.privacy.placeholders import PlaceholderRedactor


class PiiRedactionGuard:
    """Customer text and drafts pass through the same redactor, so placeholders stay consistent.

    On the input stage it protects storage and every backend; on the output stage it stops a
    draft from leaking a value a backend made up or copied from somewhere else.
    """

    def __init__(self, redactor: PlaceholderRedactor, stage: Stage) -> None:
        self.redactor = redactor
        self.stage: Stage = stage
        self.name = "pii" if stage == "input" else "pii_leak"

    def check(self, text: str, context: GuardContext) -> Verdict:
        # Customer text may not contain real placeholders; a draft quoting the question may.
        result = self.redactor.redact(text, context.placeholders, neutralize=self.stage == "input")
        if not result.replacements:
            return CLEAN if result.text == text else Verdict(text=result.text)
        sealed: dict[str, str] = {}
        if self.stage == "input":
            # Only the customer's own values go to their vault; a value a draft invented does not.
            for r in result.replacements:
                sealed.setdefault(r.placeholder, text[r.start : r.end])
        findings = tuple(
            Finding(
                guard=self.name,
                rule=r.entity,
                score=r.score,
                reason=f"{r.reason}; replaced by {r.placeholder} ({r.recognizer} recognizer)",
            )
            for r in result.replacements
        )
        return Verdict(findings=findings, text=result.text, sealed=tuple(sealed.items()))
