"""Stored fairness audits for staff: the list, one run as JSON or as its HTML report, and the
sign-off by an accountable owner (docs/fairness.md, "History and sign-off").

Reading needs ``read_audits``; signing off ``sign_off_audits`` (supervisor, privacy officer,
admin — not the auditor, who checks the record; docs/accountability.md). Results hold groups,
counts and statistics only, never personal data.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query
from fastapi.responses import HTMLResponse
from pydantic import BaseModel, ConfigDict, Field, StrictStr

from trustdesk.audit.history import MAX_NOTE_CHARS, AuditHistory
from trustdesk.conversation.agents import StaffMember
from trustdesk.conversation.staff_auth import Permission
from trustdesk.web.auth import require
from trustdesk.web.deps import Running
from trustdesk.web.middleware import REPORT_CSP

router = APIRouter(prefix="/api/v1/audits", tags=["audits"])

Reader = Annotated[StaffMember, Depends(require(Permission.READ_AUDITS))]
Signer = Annotated[StaffMember, Depends(require(Permission.SIGN_OFF_AUDITS))]


async def audit_history(running: Running) -> AuditHistory:
    return running.audits


History = Annotated[AuditHistory, Depends(audit_history)]


class SignOffIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    note: StrictStr = Field(
        min_length=1,
        max_length=MAX_NOTE_CHARS,
        description="What was reviewed and what follows from it. Stored with the run; the "
        "ledger entry carries its SHA-256.",
    )


class AuditRunOut(BaseModel):
    id: str
    kind: str = Field(description="'outcomes' or 'probe'.")
    trigger: str = Field(description="'schedule' or 'manual'.")
    started_at: str | None
    finished_at: str | None
    period_start: str | None
    period_end: str | None
    policy_version: str
    suite_version: str | None
    findings: int
    worst_severity: str | None
    signed_off_by: str | None
    signed_off_at: str | None
    sign_off_note: str | None


class AuditRunList(BaseModel):
    runs: list[AuditRunOut]


class AuditRunDetail(AuditRunOut):
    sha256: str = Field(description="SHA-256 of the stored result, as in the ledger.")
    result: dict[str, Any] = Field(description="The audit's findings document.")


@router.get("", response_model=AuditRunList)
def list_runs(
    history: History,
    who: Reader,
    kind: Literal["outcomes", "probe"] | None = Query(default=None),
    limit: int = Query(default=100, ge=1, le=500),
) -> dict[str, Any]:
    """Stored audit runs, newest first, without their results."""
    return {"runs": [r.summary_json() for r in history.runs(kind, limit)]}


@router.get("/{run_id}", response_model=AuditRunDetail)
def get_run(run_id: str, history: History, who: Reader) -> dict[str, Any]:
    """One stored run with its result and the result's SHA-256."""
    return history.get(run_id).to_json()


@router.get("/{run_id}/report", response_class=HTMLResponse)
def run_report(run_id: str, history: History, running: Running, who: Reader) -> HTMLResponse:
    """The run's self-contained HTML report (with the impact-ratio history for outcome runs)."""
    from trustdesk.reports.audit_runs import render_run_html

    run = history.get(run_id)
    # Its styles are inline and it has no script: a policy of its own, not the pages'.
    return HTMLResponse(
        render_run_html(history, run, running.policy.policy),
        headers={"Content-Security-Policy": REPORT_CSP},
    )


@router.post("/{run_id}/sign-off", response_model=AuditRunDetail)
def sign_off(run_id: str, body: SignOffIn, history: History, who: Signer) -> dict[str, Any]:
    """Sign the run off as its accountable owner, with a note; recorded in the decision
    ledger. A run is signed off once: a second attempt answers 409."""
    return history.sign_off(run_id, who.name, body.note, actor=f"staff:{who.name}").to_json()
