"""The customer REST API, version 1."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, Request
from fastapi.responses import HTMLResponse
from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictStr

from trustdesk.conversation.records import ConversationRecord, MessageRecord
from trustdesk.conversation.service import ConversationService, TurnOutcome
from trustdesk.errors import InputError

router = APIRouter(prefix="/api/v1", tags=["conversations"])


class CreateConversation(BaseModel):
    model_config = ConfigDict(extra="forbid")

    customer_ref: StrictStr | None = Field(
        default=None, description="Your own customer or account id (not an email or a name)."
    )
    attributes: dict[StrictStr, StrictStr] | None = Field(
        default=None,
        description="Self-reported attributes for fairness audits, e.g. {'language': 'de'}. "
        "Stored apart from the transcript, and only with consent to service_improvement.",
    )
    consents: dict[StrictStr, StrictBool] | None = Field(
        default=None,
        description="The customer's choices: ai_assistance (false: a person answers), "
        "transcript_storage, service_improvement. Each is recorded with the notice version.",
    )
    channel: StrictStr = Field(default="api", pattern=r"^[a-z][a-z0-9_-]{0,39}$")


class SetConsent(BaseModel):
    model_config = ConfigDict(extra="forbid")

    purpose: StrictStr
    granted: StrictBool
    channel: StrictStr = Field(default="api", pattern=r"^[a-z][a-z0-9_-]{0,39}$")


class PostMessage(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: StrictStr = Field(description="What the customer typed.")


class Citation(BaseModel):
    source: str
    title: str


class ReplyOut(BaseModel):
    text: str
    ai: bool
    citations: list[Citation]
    confidence: float | None


class MessageOut(BaseModel):
    seq: int
    role: str
    text: str
    ai: bool
    citations: list[Citation]
    confidence: float | None
    created_at: str


class DisclosureOut(BaseModel):
    banner: str
    ai_label: str
    assistant_name: str
    privacy_notice_url: str


class ConversationOut(BaseModel):
    id: str
    status: str
    messages: list[MessageOut]
    disclosure: DisclosureOut


class CreatedConversationOut(ConversationOut):
    token: str = Field(description="Bearer token; the only key to this conversation. Keep it.")
    attributes_stored: bool


class TurnOut(BaseModel):
    reply: ReplyOut | None
    status: str


def service(request: Request) -> ConversationService:
    svc: ConversationService = request.app.state.system.service
    return svc


Service = Annotated[ConversationService, Depends(service)]


def bearer(authorization: Annotated[str | None, Header()] = None) -> str | None:
    if not authorization:
        return None
    scheme, _, token = authorization.partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


Token = Annotated[str | None, Depends(bearer)]


def _disclosure(svc: ConversationService) -> dict[str, Any]:
    d = svc.policy.disclosure
    return {
        "banner": d.banner,
        "ai_label": d.ai_label,
        "assistant_name": d.assistant_name,
        "privacy_notice_url": svc.policy.organization.privacy_notice_url,
    }


def _conversation(
    svc: ConversationService, conversation: ConversationRecord, messages: list[MessageRecord]
) -> dict[str, Any]:
    return {
        "id": conversation.id,
        "status": conversation.status.value,
        "messages": [m.to_json() for m in messages],
        "disclosure": _disclosure(svc),
    }


def _turn(outcome: TurnOutcome) -> dict[str, Any]:
    return {
        "reply": outcome.reply.to_json() if outcome.reply else None,
        "status": outcome.status.value,
    }


@router.post("/conversations", status_code=201, response_model=CreatedConversationOut)
def create_conversation(svc: Service, body: CreateConversation | None = None) -> dict[str, Any]:
    """Start a conversation. The first message is the greeting that discloses the AI."""
    body = body or CreateConversation()
    started = svc.start(body.customer_ref, body.attributes, body.consents, body.channel)
    return {
        **_conversation(svc, started.conversation, started.messages),
        "token": started.token,
        "attributes_stored": started.attributes_stored,
    }


@router.post("/conversations/{conversation_id}/messages", response_model=TurnOut)
def post_message(
    conversation_id: str, body: PostMessage, svc: Service, token: Token
) -> dict[str, Any]:
    """Send the customer's message; the reply is null once a person has been asked for.

    The reply is shown to this customer with their own details filled back in; what is stored
    and what any model saw has placeholders.
    """
    svc.authenticate(conversation_id, token)
    outcome = svc.handle_turn(conversation_id, body.text)
    return _turn(svc.customer_reply(conversation_id, outcome))


@router.post("/conversations/{conversation_id}/handoff", response_model=TurnOut)
def request_handoff(conversation_id: str, svc: Service, token: Token) -> dict[str, Any]:
    """The "Talk to a person" button: hand the conversation to the human queue."""
    svc.authenticate(conversation_id, token)
    return _turn(svc.request_handoff(conversation_id, via="button"))


@router.get("/conversations/{conversation_id}", response_model=ConversationOut)
def get_conversation(conversation_id: str, svc: Service, token: Token) -> dict[str, Any]:
    """The transcript as its customer sees it, with their own details filled back in."""
    conversation = svc.authenticate(conversation_id, token)
    return _conversation(svc, conversation, svc.customer_transcript(conversation_id))


@router.get("/conversations/{conversation_id}/consents")
def get_consents(conversation_id: str, svc: Service, token: Token) -> dict[str, Any]:
    """The customer's consents in force, each with notice version, channel and time."""
    svc.authenticate(conversation_id, token)
    return {"consents": svc.consents(conversation_id)}


@router.post("/conversations/{conversation_id}/consents", response_model=TurnOut)
def set_consent(
    conversation_id: str, body: SetConsent, svc: Service, token: Token
) -> dict[str, Any]:
    """Give or withdraw one consent. Withdrawing ai_assistance hands over to a person."""
    svc.authenticate(conversation_id, token)
    return _turn(svc.set_consent(conversation_id, body.purpose, body.granted, body.channel))


@router.get("/conversations/{conversation_id}/export", tags=["privacy"])
def export_my_data(
    conversation_id: str, svc: Service, token: Token, request: Request, format: str = "json"
) -> Any:
    """Everything held about this conversation's customer (GDPR Art. 15 and 20).

    ``format=html`` gives a readable page; the default is JSON for portability.
    """
    conversation = svc.authenticate(conversation_id, token)
    if format not in ("json", "html"):
        raise InputError("format must be 'json' or 'html'")
    privacy = request.app.state.system.privacy
    data = privacy.export(conversation.subject_id).to_json()
    if format == "json":
        return data
    from trustdesk.reports.export import render_export_html

    return HTMLResponse(render_export_html(data, svc.policy.organization.name))


@router.post("/conversations/{conversation_id}/erase", tags=["privacy"])
def erase_my_data(
    conversation_id: str, svc: Service, token: Token, request: Request
) -> dict[str, Any]:
    """Erase everything held about this conversation's customer (GDPR Art. 17).

    Returns the receipt. Afterwards the token opens nothing.
    """
    conversation = svc.authenticate(conversation_id, token)
    receipt: dict[str, Any] = request.app.state.system.privacy.erase(conversation.subject_id)
    return receipt
