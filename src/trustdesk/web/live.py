"""Live updates over server-sent events, for the customer's chat page.

``GET /api/v1/conversations/{id}/events`` (the conversation's bearer token) streams a small
``state`` event — status, last message number, who is handling it, whether a person is typing
a reply — whenever it changes; the
page then fetches the new messages through the normal transcript endpoint. Streams carry no
message text, end after a few minutes (the page reconnects), and are capped per process.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

from fastapi import APIRouter
from fastapi.responses import StreamingResponse
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request

from trustdesk.conversation.live import LiveUpdates
from trustdesk.conversation.records import ConversationRecord
from trustdesk.errors import StoreError, TrustDeskError
from trustdesk.web.deps import Running, Service, Token

router = APIRouter(prefix="/api/v1", tags=["customer"])

# A stream is re-checked at least this often (changes made by another server process), kept
# alive with a comment line, and closed after STREAM_S (the client reconnects).
POLL_S = 3.0
KEEPALIVE_S = 15.0
STREAM_S = 300.0
MAX_STREAMS = 500
SSE_HEADERS = {"Cache-Control": "no-store", "X-Accel-Buffering": "no"}
STREAM_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "A text/event-stream of `state` events (`{status, last_seq, "
        "with_person, typing}`; `typing`: the display name of the person writing a reply, or "
        "null; staff streams carry `assignee` instead of the last two).",
        "content": {"text/event-stream": {}},
    }
}


class StreamSlots:
    """How many live streams this process serves; beyond the cap a stream is refused (503)."""

    def __init__(self, limit: int = MAX_STREAMS) -> None:
        self.limit = limit
        self.open = 0

    def take(self) -> None:
        if self.open >= self.limit:
            raise StoreError("too many live streams are open; reload the page in a minute")
        self.open += 1

    def give_back(self) -> None:
        self.open -= 1


_SLOTS = StreamSlots()


def _customer_state(conversation: ConversationRecord, typing: str | None) -> dict[str, Any]:
    return {
        "status": conversation.status.value,
        "last_seq": conversation.last_seq or 0,
        "with_person": conversation.assignee is not None,
        # the display name of the person writing a reply now, else null
        "typing": typing,
    }


def event_stream(
    request: Request,
    live: LiveUpdates,
    key: str,
    state: Callable[[], Awaitable[dict[str, Any]]],
    slots: StreamSlots = _SLOTS,
) -> StreamingResponse:
    """An SSE response that sends ``state()`` at once and again whenever it changes."""
    slots.take()

    async def events() -> AsyncIterator[str]:
        try:
            loop = asyncio.get_running_loop()
            ends = loop.time() + STREAM_S
            last: dict[str, Any] | None = None
            quiet_since = loop.time()
            yield f"retry: {int(POLL_S * 1000)}\n\n"
            async with live.listen(key) as listener:
                while loop.time() < ends and not await request.is_disconnected():
                    try:
                        now_state = await state()
                    except TrustDeskError:  # erased, expired, gone: the stream ends
                        yield "event: closed\ndata: {}\n\n"
                        return
                    if now_state != last:
                        last = now_state
                        quiet_since = loop.time()
                        yield f"event: state\ndata: {json.dumps(now_state)}\n\n"
                    elif loop.time() - quiet_since >= KEEPALIVE_S:
                        quiet_since = loop.time()
                        yield ": keep-alive\n\n"
                    await listener.wait(POLL_S)
        finally:
            slots.give_back()

    return StreamingResponse(events(), media_type="text/event-stream", headers=SSE_HEADERS)


@router.get(
    "/conversations/{conversation_id}/events",
    response_class=StreamingResponse,
    responses=STREAM_RESPONSES,
)
async def conversation_events(
    conversation_id: str, request: Request, svc: Service, running: Running, token: Token
) -> StreamingResponse:
    """Live updates for the customer: a `state` event whenever the conversation changes
    (a reply, a person joining, a status change, a person typing). Read the messages with
    `GET /conversations/{id}?after=<seq>`. Send the bearer token in the Authorization header
    (never in the URL)."""
    await run_in_threadpool(svc.authenticate, conversation_id, token)

    def read() -> dict[str, Any]:
        conversation = svc.authenticate(conversation_id, token)
        return _customer_state(conversation, running.desk.person_typing(conversation))

    async def state() -> dict[str, Any]:
        return await run_in_threadpool(read)

    return event_stream(request, running.live, conversation_id, state)


@router.post("/conversations/{conversation_id}/contest")
def contest_answer(conversation_id: str, svc: Service, token: Token) -> dict[str, Any]:
    """ "I disagree — ask a person": the customer contests the AI's answer and the
    conversation goes to a person with the reason `contested`."""
    svc.authenticate(conversation_id, token)
    outcome = svc.request_handoff(conversation_id, via="contest")
    return {
        "reply": outcome.reply.to_json() if outcome.reply else None,
        "status": outcome.status.value,
        "route": outcome.route,
    }
