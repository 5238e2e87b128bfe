"""The staff desk API: the queue, claim, reply as a person, drafts, hand back, resolve, and
live updates for the console. Every route requires a permission (docs/accountability.md)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, ConfigDict, Field, StrictStr
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request

from trustdesk.conversation.agents import StaffMember
from trustdesk.conversation.desk import MAX_NOTE_CHARS, HumanDesk
from trustdesk.conversation.live import QUEUE
from trustdesk.conversation.staff_auth import Permission
from trustdesk.errors import ForbiddenError, NotFoundError
from trustdesk.web.auth import require
from trustdesk.web.deps import Agents, Running
from trustdesk.web.live import STREAM_RESPONSES, event_stream

router = APIRouter(prefix="/api/v1/agent", tags=["staff"])

QueueViewer = Annotated[StaffMember, Depends(require(Permission.VIEW_QUEUE))]
Claimer = Annotated[StaffMember, Depends(require(Permission.CLAIM))]
Replier = Annotated[StaffMember, Depends(require(Permission.REPLY))]
Drafter = Annotated[StaffMember, Depends(require(Permission.ASSIST_DRAFT))]
Resolver = Annotated[StaffMember, Depends(require(Permission.RESOLVE))]
HandBacker = Annotated[StaffMember, Depends(require(Permission.HAND_BACK))]
Reader = Annotated[StaffMember, Depends(require(Permission.READ_TRANSCRIPT))]
Approver = Annotated[StaffMember, Depends(require(Permission.DECIDE_APPROVAL))]


async def desk(running: Running) -> HumanDesk:
    return running.desk


Desk = Annotated[HumanDesk, Depends(desk)]


class ReplyIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: StrictStr = Field(min_length=1, max_length=32000, description="What the person says.")
    draft_id: StrictStr | None = Field(
        default=None,
        max_length=36,
        description="The agent-assist draft this reply started from, if any.",
    )


class HandBackIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    note: StrictStr = Field(
        min_length=1,
        max_length=MAX_NOTE_CHARS * 2,
        description="Why the AI can take over again; recorded (redacted), never shown to the "
        "customer.",
    )


@router.get("/queue")
def queue(
    desk: Desk,
    who: QueueViewer,
    limit: int = Query(default=100, ge=1, le=500),
) -> dict[str, Any]:
    """Conversations waiting for a person or with one, the longest waiting first, each with
    why a person was brought in and how long it has waited."""
    now = datetime.now(UTC)
    return {"conversations": [item.to_json(now) for item in desk.queue(limit)]}


@router.post("/conversations/{conversation_id}/claim")
def claim(conversation_id: str, desk: Desk, who: Claimer) -> dict[str, Any]:
    """Take the conversation (``handoff_requested -> human_active``); the customer is told
    that a person has joined."""
    conversation = desk.claim(who, conversation_id)
    return {"id": conversation.id, "status": conversation.status.value, "assignee": who.name}


@router.post("/conversations/{conversation_id}/reply", status_code=201)
def reply(conversation_id: str, body: ReplyIn, desk: Desk, who: Replier) -> dict[str, Any]:
    """Reply as a person (labelled with your display name, never as the AI). Personal data
    in what you write is stored as placeholders, like the customer's."""
    message = desk.reply(who, conversation_id, body.text, body.draft_id)
    return {"message": message.to_json()}


@router.post("/conversations/{conversation_id}/typing")
def typing(conversation_id: str, desk: Desk, who: Replier, running: Running) -> dict[str, Any]:
    """You are writing a reply to the conversation you hold: its customer sees "<your display
    name> is typing…" for a few seconds (send this again while you type; the console does), or
    until your reply arrives. Nothing is recorded."""
    until = desk.typing(who, conversation_id)
    running.live.notify(conversation_id)
    return {"until": until.astimezone(UTC).isoformat()}


@router.post("/conversations/{conversation_id}/draft", status_code=201)
def draft(conversation_id: str, desk: Desk, who: Drafter) -> dict[str, Any]:
    """Agent assist: the assistant drafts a reply to the customer's last message, with
    citations. Nothing is sent; edit it and send it with ``reply`` (``draft_id``)."""
    return {"draft": desk.draft(who, conversation_id).to_json()}


@router.post("/conversations/{conversation_id}/resolve")
def resolve(conversation_id: str, desk: Desk, who: Resolver) -> dict[str, Any]:
    """Close the conversation; the customer is told."""
    desk.resolve(who, conversation_id)
    return {"id": conversation_id, "status": "resolved"}


@router.post("/conversations/{conversation_id}/hand-back")
def hand_back(
    conversation_id: str, body: HandBackIn, desk: Desk, who: HandBacker
) -> dict[str, Any]:
    """Give the conversation back to the AI (``human_active -> ai_active``) with a note."""
    desk.hand_back(who, conversation_id, body.note)
    return {"id": conversation_id, "status": "ai_active"}


class DecisionIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    note: StrictStr = Field(
        min_length=1,
        max_length=MAX_NOTE_CHARS * 2,
        description="Why; recorded with the decision (redacted), not shown to the customer.",
    )


@router.get("/approvals")
def approvals(
    desk: Desk,
    who: Approver,
    status: Literal["pending", "approved", "denied", "all"] = Query(default="pending"),
    limit: int = Query(default=100, ge=1, le=500),
) -> dict[str, Any]:
    """Actions the assistant proposed that the policy says need a person, oldest first."""
    chosen = None if status == "all" else status
    return {"approvals": [a.to_json() for a in desk.approvals(chosen, limit)]}


@router.post("/approvals/{approval_id}/approve")
def approve(approval_id: str, body: DecisionIn, desk: Desk, who: Approver) -> dict[str, Any]:
    """Approve a proposed action; the customer is told, as from you."""
    return {"approval": desk.decide(who, approval_id, True, body.note).to_json()}


@router.post("/approvals/{approval_id}/deny")
def deny(approval_id: str, body: DecisionIn, desk: Desk, who: Approver) -> dict[str, Any]:
    """Deny a proposed action; the customer is told, as from you, and you hold the
    conversation to explain."""
    return {"approval": desk.decide(who, approval_id, False, body.note).to_json()}


@router.get("/events", response_class=StreamingResponse, responses=STREAM_RESPONSES)
async def queue_events(request: Request, running: Running, who: QueueViewer) -> StreamingResponse:
    """Live updates of the queue: a `state` event (`{waiting, with_people, newest}`) whenever
    it changes; fetch ``/queue`` for the list."""
    system = running

    async def state() -> dict[str, Any]:
        items = await run_in_threadpool(system.desk.queue, 500)
        return {
            "waiting": sum(1 for i in items if i.assignee is None),
            "with_people": len(items),
            "ids": [f"{i.conversation_id}:{i.status.value}:{i.assignee or ''}" for i in items],
        }

    return event_stream(request, system.live, QUEUE, state)


@router.get(
    "/conversations/{conversation_id}/events",
    response_class=StreamingResponse,
    responses=STREAM_RESPONSES,
)
async def conversation_events(
    conversation_id: str, request: Request, running: Running, agents: Agents, who: Reader
) -> StreamingResponse:
    """Live updates of one conversation for staff allowed to read it: a `state` event
    (`{status, last_seq, assignee}`) whenever it changes."""

    def read() -> dict[str, Any]:
        loaded = running.store.load_turn(conversation_id=conversation_id)
        if loaded is None:
            raise NotFoundError("conversation not found")
        conversation = loaded.conversation
        if not agents.may_view(who, conversation):
            raise ForbiddenError("your role may not read this transcript")
        return {
            "status": conversation.status.value,
            "last_seq": conversation.last_seq or 0,
            "assignee": conversation.assignee,
        }

    async def state() -> dict[str, Any]:
        return await run_in_threadpool(read)

    await state()  # 404 / 403 before the stream starts
    return event_stream(request, running.live, conversation_id, state)
