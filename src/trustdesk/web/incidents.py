"""Concerns from staff, and the incidents every concern becomes (docs/feedback.md).

Staff report a concern about an AI message of a conversation their role may read, openly or
anonymously; supervisors and admins list incidents and work them through. Each route requires
a permission (docs/accountability.md).
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictInt, StrictStr

from trustdesk.conversation.agents import StaffMember
from trustdesk.conversation.feedback import MAX_COMMENT_CHARS
from trustdesk.conversation.incidents import (
    CATEGORIES,
    MAX_MESSAGE_SEQ,
    MAX_NOTE_CHARS,
    Category,
    Incidents,
)
from trustdesk.conversation.staff_auth import Permission
from trustdesk.errors import ForbiddenError, NotFoundError
from trustdesk.web.auth import require
from trustdesk.web.deps import Agents, Running

router = APIRouter(prefix="/api/v1", tags=["incidents"])

Reporter = Annotated[StaffMember, Depends(require(Permission.REPORT_CONCERN))]
Viewer = Annotated[StaffMember, Depends(require(Permission.VIEW_INCIDENTS))]
Manager = Annotated[StaffMember, Depends(require(Permission.MANAGE_INCIDENTS))]


async def incidents(running: Running) -> Incidents:
    return running.incidents


IncidentDesk = Annotated[Incidents, Depends(incidents)]
# The statuses and list filters of conversation/incidents.py (a unit test holds them together).
StatusName = Literal["open", "investigating", "resolved", "dismissed"]
StatusFilter = Literal["open", "investigating", "resolved", "dismissed", "active", "all"]


STATUS_FILTER = Query(
    default="active", description="One status, 'active' (open and investigating) or 'all'."
)


class StaffConcernIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    message_seq: StrictInt = Field(
        ge=1, le=MAX_MESSAGE_SEQ, description="The AI message's sequence number."
    )
    category: Category = Field(description="What is wrong: " + ", ".join(CATEGORIES) + ".")
    comment: StrictStr | None = Field(
        default=None,
        max_length=MAX_COMMENT_CHARS,
        description="Optional. Personal data in it is stored as placeholders.",
    )
    anonymous: StrictBool = Field(
        default=False,
        description="Report without your name: nothing stored says who reported it, so "
        "nobody (supervisors and admins included) can see it.",
    )


class IncidentUpdateIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    status: StatusName | None = Field(default=None, description="The new status.")
    resolution_note: StrictStr | None = Field(
        default=None,
        max_length=MAX_NOTE_CHARS,
        description="What was found and done; needed to resolve or dismiss. Redacted.",
    )
    take_ownership: StrictBool = Field(default=False, description="Become the incident's owner.")


class IncidentOut(BaseModel):
    id: str
    conversation_id: str | None = Field(
        description="The conversation of the AI message; null for an alert or audit finding."
    )
    message_seq: int | None = Field(description="The AI message; null when no message is.")
    source: str = Field(description="'customer', 'staff', 'alert' or 'audit'.")
    reported_by: str = Field(
        description="'the customer', a staff name, 'a member of staff (anonymous)', "
        "'an alert' or 'a fairness audit'."
    )
    anonymous: bool
    category: str
    category_label: str
    subject: str | None = Field(
        description="What an alert or audit finding is about, in words without personal data."
    )
    alert_key: str | None = Field(
        description="The alert (or finding) whose incident this is: one open at a time."
    )
    comment: str | None = Field(description="Redacted: placeholders, never personal data.")
    status: str
    owner: str | None
    resolution_note: str | None
    created_at: str
    updated_at: str


class IncidentAnswer(BaseModel):
    incident: IncidentOut


class IncidentList(BaseModel):
    incidents: list[IncidentOut]


@router.post(
    "/agent/conversations/{conversation_id}/concerns",
    status_code=201,
    response_model=IncidentAnswer,
    tags=["staff"],
)
def report_concern(
    conversation_id: str,
    body: StaffConcernIn,
    desk: IncidentDesk,
    agents: Agents,
    running: Running,
    who: Reporter,
) -> dict[str, Any]:
    """Report a concern about an AI message of a conversation your role may read, with your
    name or anonymously; it becomes an incident."""
    loaded = running.store.load_turn(conversation_id=conversation_id)
    if loaded is None:
        raise NotFoundError("conversation not found")
    if not agents.may_view(who, loaded.conversation):
        raise ForbiddenError("your role may not read this transcript")
    record = desk.report(
        loaded.conversation,
        body.message_seq,
        body.category,
        body.comment,
        member=who,
        anonymous=body.anonymous,
    )
    return {"incident": record.to_json()}


@router.get("/incidents", response_model=IncidentList)
def list_incidents(
    desk: IncidentDesk,
    who: Viewer,
    status: StatusFilter = STATUS_FILTER,
    limit: int = Query(default=100, ge=1, le=500),
) -> dict[str, Any]:
    """Incidents from concerns about AI messages, alerts and audit findings, newest first."""
    return {"incidents": [i.to_json() for i in desk.list(status, limit)]}


@router.patch("/incidents/{incident_id}", response_model=IncidentAnswer)
def update_incident(
    incident_id: str, body: IncidentUpdateIn, desk: IncidentDesk, who: Manager
) -> dict[str, Any]:
    """Take an incident, move it on (open, investigating, resolved, dismissed) or write its
    resolution note (needed to resolve or dismiss); recorded in the ledger."""
    record = desk.update(who, incident_id, body.status, body.resolution_note, body.take_ownership)
    return {"incident": record.to_json()}
