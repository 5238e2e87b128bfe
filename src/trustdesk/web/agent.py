"""The staff API: conversations as agents see them, and recorded reveals of originals.

Staff authenticate with their API token or their console session (``web/auth.py``); each
route requires a permission (``conversation/staff_auth.py``).
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends
from pydantic import BaseModel, ConfigDict, Field, StrictStr

from trustdesk.conversation.agents import MAX_REASON_CHARS, MIN_REASON_CHARS, StaffMember
from trustdesk.conversation.staff_auth import Permission
from trustdesk.web.auth import require
from trustdesk.web.deps import Agents

router = APIRouter(prefix="/api/v1/agent", tags=["staff"])


class RevealRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    reason: StrictStr = Field(
        min_length=MIN_REASON_CHARS,
        max_length=MAX_REASON_CHARS * 2,
        description="Why the originals are needed; recorded with the reveal.",
    )


Access = Agents
Reader = Annotated[StaffMember, Depends(require(Permission.READ_TRANSCRIPT))]
Revealer = Annotated[StaffMember, Depends(require(Permission.REVEAL))]


@router.get("/conversations/{conversation_id}")
def view_conversation(conversation_id: str, agents: Access, who: Reader) -> dict[str, Any]:
    """The transcript with personal data as placeholders, the reveals so far, and the
    assistant's drafts the customer was not sent as written (placeholders only)."""
    conversation, messages = agents.view(who, conversation_id)
    return {
        "id": conversation.id,
        "status": conversation.status.value,
        "messages": [m.to_json() for m in messages],
        "reveals": agents.staff.reveals(conversation.id),
        "withheld_drafts": [
            {
                "customer_seq": d.customer_seq,
                "route": d.route,
                "reason": d.reason,
                "backend": d.backend,
                "text": d.withheld_draft,
                "created_at": d.created_at.isoformat(),
            }
            for d in agents.withheld_drafts(who, conversation.id)
        ],
    }


@router.post("/conversations/{conversation_id}/reveal")
def reveal_originals(
    conversation_id: str, body: RevealRequest, agents: Access, who: Revealer
) -> dict[str, Any]:
    """The transcript with originals, for roles the policy allows (403 otherwise).

    The reveal — who, which placeholders, the reason given, when — is recorded first.
    """
    messages, revealed = agents.reveal(who, conversation_id, body.reason)
    return {"messages": [m.to_json() for m in messages], "revealed": revealed}
