"""The customer REST API, version 1.

Two kinds of caller: a conversation token (``Authorization: Bearer``) opens its own
conversation only; a customer the business vouched for (a signed identity assertion, see
docs/identity.md) reaches all their conversations under ``/api/v1/me``.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse
from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictInt, StrictStr
from starlette.concurrency import run_in_threadpool

from trustdesk.conversation.feedback import MAX_COMMENT_CHARS
from trustdesk.conversation.identity import MAX_ASSERTION_CHARS, validate_customer_ref
from trustdesk.conversation.incidents import CATEGORIES, MAX_MESSAGE_SEQ, Category
from trustdesk.conversation.records import ConversationRecord, MessageRecord
from trustdesk.conversation.service import ConversationService, TurnOutcome
from trustdesk.errors import AuthError, InputError, NotFoundError
from trustdesk.language.detect import preferred_language
from trustdesk.privacy.requests import Scope
from trustdesk.web.deps import Identity, Privacy, Running, Service, Token
from trustdesk.web.reply_stream import STREAM_RESPONSE, streamed_turn, wants_stream

router = APIRouter(prefix="/api/v1", tags=["conversations"])
CHANNEL = r"^[a-z][a-z0-9_-]{0,39}$"
MAX_MESSAGE_CHARS = 32000  # the policy's ceiling; the policy's own limit is checked per turn
DEFAULT_PAGE = 100
MAX_PAGE = 500


class CreateConversation(BaseModel):
    model_config = ConfigDict(extra="forbid")

    identity: StrictStr | None = Field(
        default=None,
        max_length=MAX_ASSERTION_CHARS,
        description="A signed identity assertion from your backend (HS256 JWT with the customer "
        "reference in 'sub' and an expiry in 'exp'): the customer is vouched for, and their "
        "conversations are linked. Leave out for an anonymous customer.",
    )
    customer_ref: StrictStr | None = Field(
        default=None,
        max_length=64,
        description="Server-to-server only: your own customer id, accepted only with "
        "'Authorization: Bearer <TRUSTDESK_SERVICE_API_KEY>'. Browsers send 'identity'.",
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
    channel: StrictStr = Field(default="api", pattern=CHANNEL)


class SetConsent(BaseModel):
    model_config = ConfigDict(extra="forbid")

    purpose: Literal["ai_assistance", "transcript_storage", "service_improvement"]
    granted: StrictBool
    channel: StrictStr = Field(default="api", pattern=CHANNEL)


class PostMessage(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: StrictStr = Field(
        max_length=MAX_MESSAGE_CHARS,
        description="What the customer typed (at most the policy's limits.max_message_chars).",
    )


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
    author: str | None = Field(
        default=None, description="A person's reply: the display name of who wrote it."
    )
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
    next_after: int | None = Field(
        default=None,
        description="More messages follow: ask again with after=<this>. Null on the last page.",
    )


class CreatedConversationOut(ConversationOut):
    token: str = Field(description="Bearer token; the only key to this conversation. Keep it.")
    attributes_stored: bool
    vouched: bool = Field(description="Whether the business vouched for this customer.")


class TurnOut(BaseModel):
    reply: ReplyOut | None
    status: str


class ConversationSummary(BaseModel):
    id: str
    status: str
    created_at: str
    updated_at: str


class MyConversationsOut(BaseModel):
    conversations: list[ConversationSummary]


def _disclosure(svc: ConversationService) -> dict[str, Any]:
    d = svc.policy.disclosure
    return {
        "banner": d.banner,
        "ai_label": d.ai_label,
        "assistant_name": d.assistant_name,
        "privacy_notice_url": svc.policy.organization.privacy_notice_url,
    }


def _conversation(
    svc: ConversationService,
    conversation: ConversationRecord,
    messages: list[MessageRecord],
    next_after: int | None = None,
) -> dict[str, Any]:
    return {
        "id": conversation.id,
        "status": conversation.status.value,
        "messages": [m.to_json() for m in messages],
        "disclosure": _disclosure(svc),
        "next_after": next_after,
    }


def _turn(outcome: TurnOutcome) -> dict[str, Any]:
    return {
        "reply": outcome.reply.to_json() if outcome.reply else None,
        "status": outcome.status.value,
    }


def _vouched_ref(body: CreateConversation, ids: Identity, token: str | None) -> str | None:
    """The customer reference the business vouched for, or None for an anonymous customer."""
    if body.identity is not None and body.customer_ref is not None:
        raise InputError("send either 'identity' or 'customer_ref', not both")
    if body.identity is not None:
        return ids.verify(body.identity, datetime.now(UTC)).customer_ref
    if body.customer_ref is not None:
        if not ids.is_service_key(token):
            raise AuthError(
                "customer_ref is accepted only with the service API key "
                "('Authorization: Bearer <key>', server to server); browsers send 'identity'"
            )
        return validate_customer_ref(body.customer_ref)
    return None


@router.post("/conversations", status_code=201, response_model=CreatedConversationOut)
def create_conversation(
    request: Request,
    svc: Service,
    ids: Identity,
    token: Token,
    body: CreateConversation | None = None,
) -> dict[str, Any]:
    """Start a conversation. The first message is the greeting that discloses the AI, in the
    language the browser prefers (``Accept-Language``) when the policy has it."""
    body = body or CreateConversation()
    ref = _vouched_ref(body, ids, token)
    language = preferred_language(request.headers.get("accept-language"))
    started = svc.start(ref, body.attributes, body.consents, body.channel, language)
    return {
        **_conversation(svc, started.conversation, started.messages),
        "token": started.token,
        "attributes_stored": started.attributes_stored,
        "vouched": ref is not None,
    }


@router.post(
    "/conversations/{conversation_id}/messages",
    response_model=TurnOut,
    responses={200: STREAM_RESPONSE},
)
async def post_message(
    conversation_id: str, body: PostMessage, svc: Service, token: Token, request: Request
) -> Any:
    """Send the customer's message; the reply is null once a person has been asked for.

    The reply is shown to this customer with their own details filled back in; what is stored
    and what any model saw has placeholders. With `Accept: text/event-stream` the reply of a
    language-model backend is shown while it is written (server-sent events: `sentence`,
    then the final `reply`; docs/api.md).
    """
    if wants_stream(request.headers.get("accept")):
        return await streamed_turn(
            lambda show: svc.customer_turn(conversation_id, token, body.text, show), _turn
        )
    # The turn blocks (guards, the backend, the database): it runs in the thread pool. The
    # handler itself is async so that FastAPI checks the response here, without a second hop.
    outcome = await run_in_threadpool(svc.customer_turn, conversation_id, token, body.text)
    return _turn(outcome)


@router.post("/conversations/{conversation_id}/handoff", response_model=TurnOut)
def request_handoff(conversation_id: str, svc: Service, token: Token) -> dict[str, Any]:
    """The "Talk to a person" button: hand the conversation to the human queue."""
    svc.authenticate(conversation_id, token)
    return _turn(svc.request_handoff(conversation_id, via="button"))


@router.get("/conversations/{conversation_id}", response_model=ConversationOut)
def get_conversation(
    conversation_id: str,
    svc: Service,
    token: Token,
    after: int = Query(default=0, ge=0, description="Only messages after this sequence number."),
    limit: int = Query(default=DEFAULT_PAGE, ge=1, le=MAX_PAGE),
) -> dict[str, Any]:
    """The transcript as its customer sees it, with their own details filled back in,
    a page at a time (``next_after`` says where the next page starts)."""
    conversation = svc.authenticate(conversation_id, token)
    page = svc.transcript_page(conversation, after, limit)
    return _conversation(svc, conversation, page.messages, page.next_after)


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


# -- feedback and concerns (docs/feedback.md) ----------------------------------------------


class FeedbackIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    rating: StrictInt = Field(ge=1, le=5, description="1 (poor) to 5 (excellent).")
    solved: StrictBool | None = Field(default=None, description="Did this solve your problem?")
    comment: StrictStr | None = Field(
        default=None,
        max_length=MAX_COMMENT_CHARS,
        description="Optional. Personal data in it is stored as placeholders.",
    )


class FeedbackOut(BaseModel):
    rating: int
    solved: bool | None
    comment: str | None
    created_at: str
    updated_at: str


class FeedbackAnswer(BaseModel):
    feedback: FeedbackOut | None


class ConcernIn(BaseModel):
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


class ConcernOut(BaseModel):
    id: str
    message_seq: int
    category: str
    comment: str | None
    status: str
    resolution_note: str | None
    created_at: str
    updated_at: str


class ConcernAnswer(BaseModel):
    concern: ConcernOut


@router.get("/conversations/{conversation_id}/feedback", response_model=FeedbackAnswer)
def get_feedback(
    conversation_id: str, svc: Service, token: Token, running: Running
) -> dict[str, Any]:
    """The feedback given on this conversation, or null."""
    svc.authenticate(conversation_id, token)
    return {"feedback": running.feedback.for_customer(conversation_id)}


@router.post("/conversations/{conversation_id}/feedback", response_model=FeedbackAnswer)
def give_feedback(
    conversation_id: str, body: FeedbackIn, svc: Service, token: Token, running: Running
) -> dict[str, Any]:
    """Rate the conversation (1-5), say whether it solved the problem, and optionally
    comment. Giving it again replaces it (a limited number of times)."""
    conversation = svc.authenticate(conversation_id, token)
    running.feedback.give(conversation, body.rating, body.solved, body.comment)
    return {"feedback": running.feedback.for_customer(conversation_id)}


@router.post(
    "/conversations/{conversation_id}/concerns", status_code=201, response_model=ConcernAnswer
)
def report_concern(
    conversation_id: str, body: ConcernIn, svc: Service, token: Token, running: Running
) -> dict[str, Any]:
    """Report a concern about one of the AI's messages in this conversation; the support
    team looks into it as an incident."""
    conversation = svc.authenticate(conversation_id, token)
    record = running.incidents.report(conversation, body.message_seq, body.category, body.comment)
    originals = svc.originals(conversation_id) if record.comment else {}
    return {"concern": record.for_customer(originals)}


def _export_response(data: dict[str, Any], svc: ConversationService, format: str) -> Any:
    if format == "json":
        return data
    from trustdesk.reports.export import render_export_html

    return HTMLResponse(render_export_html(data, svc.policy.organization.name))


FORMAT = Query(default="json", pattern="^(json|html)$", description="json or html")


HTML_EXPORT: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "JSON by default; a readable page with format=html",
        "content": {"text/html": {"schema": {"type": "string"}}},
    }
}


@router.get("/conversations/{conversation_id}/export", tags=["privacy"], responses=HTML_EXPORT)
def export_conversation(
    conversation_id: str, svc: Service, privacy: Privacy, token: Token, format: str = FORMAT
) -> Any:
    """Everything held about this conversation (GDPR Art. 15 and 20): messages with the
    customer's own details, consents given in it, decisions and staff reveals.

    A vouched customer exports all their conversations at ``/api/v1/me/export``.
    """
    conversation = svc.authenticate(conversation_id, token)
    scope = Scope(conversation.subject_id, conversation.id)
    return _export_response(privacy.export(scope).to_json(), svc, format)


@router.post("/conversations/{conversation_id}/erase", tags=["privacy"])
def erase_conversation(
    conversation_id: str, svc: Service, privacy: Privacy, token: Token
) -> dict[str, Any]:
    """Erase everything held about this conversation (GDPR Art. 17); an anonymous customer's
    data key is destroyed with it. Returns the receipt. Afterwards the token opens nothing.

    A vouched customer erases all their conversations at ``/api/v1/me/erase``.
    """
    conversation = svc.authenticate(conversation_id, token)
    return privacy.erase(Scope(conversation.subject_id, conversation.id))


# -- a vouched customer --------------------------------------------------------------------


def _me(svc: ConversationService, ids: Identity, token: str | None) -> str:
    """The subject of the customer a signed identity assertion vouches for."""
    if not token:
        raise AuthError("send your signed identity assertion: 'Authorization: Bearer <jwt>'")
    customer = ids.verify(token, datetime.now(UTC))
    subject = svc.store.subject_of(customer.customer_ref)
    if subject is None:
        raise NotFoundError("no conversations are held for this customer")
    return subject


@router.get("/me/conversations", tags=["customer"], response_model=MyConversationsOut)
def my_conversations(svc: Service, ids: Identity, token: Token) -> dict[str, Any]:
    """The vouched customer's conversations (``Authorization: Bearer <identity assertion>``)."""
    subject = _me(svc, ids, token)
    return {
        "conversations": [
            {
                "id": c.id,
                "status": c.status.value,
                "created_at": c.created_at.isoformat(),
                "updated_at": c.updated_at.isoformat(),
            }
            for c in svc.store.conversations_of(subject)
        ]
    }


@router.get(
    "/me/conversations/{conversation_id}", tags=["customer"], response_model=ConversationOut
)
def my_conversation(
    conversation_id: str,
    svc: Service,
    ids: Identity,
    token: Token,
    after: int = Query(default=0, ge=0),
    limit: int = Query(default=DEFAULT_PAGE, ge=1, le=MAX_PAGE),
) -> dict[str, Any]:
    """One of the vouched customer's conversations, a page at a time."""
    subject = _me(svc, ids, token)
    conversation = svc.store.get_conversation(conversation_id)
    if conversation is None or conversation.subject_id != subject:
        raise NotFoundError("conversation not found")
    page = svc.transcript_page(conversation, after, limit)
    return _conversation(svc, conversation, page.messages, page.next_after)


@router.get("/me/export", tags=["customer", "privacy"], responses=HTML_EXPORT)
def export_me(
    svc: Service, privacy: Privacy, ids: Identity, token: Token, format: str = FORMAT
) -> Any:
    """Everything held about the vouched customer, across all their conversations."""
    subject = _me(svc, ids, token)
    return _export_response(privacy.export(Scope(subject)).to_json(), svc, format)


@router.post("/me/erase", tags=["customer", "privacy"])
def erase_me(svc: Service, privacy: Privacy, ids: Identity, token: Token) -> dict[str, Any]:
    """Erase everything held about the vouched customer and destroy their data key."""
    subject = _me(svc, ids, token)
    return privacy.erase(Scope(subject))
