"""A customer turn answered as server-sent events: the reply shown while it is written.

``POST /api/v1/conversations/{id}/messages`` with ``Accept: text/event-stream`` runs the turn
as usual, in the thread pool, and streams what the turn core lets the customer see before the
whole reply is decided (``conversation.turn.StreamGate``: whole sentences that are grounded
and pass the output guards, the customer's own details filled back in):

- ``event: sentence`` ``{"text": "..."}`` — a sentence of the reply being written (none with
  a backend that does not stream, such as the knowledge-base retrieval);
- ``event: reply`` — the recorded outcome, the same JSON as the plain response; it replaces
  every ``sentence`` shown before it (the decision on the whole reply stands);
- ``event: error`` ``{"status", "error": {"code", "message"}}`` — the turn failed after the
  stream began (the database went away while recording it).

Until the first event is ready nothing is sent, so a turn that fails at once (a bad token, a
closed conversation, a limit) is answered with its usual status and JSON error, as without
streaming.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Callable
from typing import Any

from fastapi.responses import StreamingResponse
from starlette.concurrency import run_in_threadpool

from trustdesk.conversation.service import TurnOutcome
from trustdesk.web.errors import error_of
from trustdesk.web.live import SSE_HEADERS

STREAM_RESPONSE: dict[str, Any] = {
    "description": "With `Accept: text/event-stream`: `sentence` events (`{text}`) while the "
    "reply is written, then one `reply` event with the same JSON as the plain response "
    "(it replaces the sentences shown), or an `error` event.",
    "content": {"text/event-stream": {}},
}

# Turns whose stream was abandoned by the client still run to the end and are recorded.
_RUNNING: set[asyncio.Task[None]] = set()


def wants_stream(accept: str | None) -> bool:
    """True when the client asked for server-sent events."""
    return accept is not None and "text/event-stream" in accept.lower()


def _event(name: str, data: Any) -> str:
    return f"event: {name}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n"


async def streamed_turn(
    turn: Callable[[Callable[[str], None]], TurnOutcome],
    answer: Callable[[TurnOutcome], dict[str, Any]],
) -> StreamingResponse:
    """Run ``turn(show)`` in the thread pool and stream what it shows, then ``answer(outcome)``.
    An error before anything was shown is raised here (the usual error answer)."""
    loop = asyncio.get_running_loop()
    queue: asyncio.Queue[tuple[str, Any]] = asyncio.Queue()

    def show(text: str) -> None:  # called in the turn's thread
        loop.call_soon_threadsafe(queue.put_nowait, ("sentence", text))

    async def run() -> None:
        try:
            outcome = await run_in_threadpool(turn, show)
        except Exception as exc:
            queue.put_nowait(("error", exc))
        else:
            queue.put_nowait(("reply", outcome))

    task = asyncio.create_task(run())
    _RUNNING.add(task)
    task.add_done_callback(_RUNNING.discard)
    first = await queue.get()
    if first[0] == "error":
        raise first[1]

    async def events() -> AsyncIterator[str]:
        item = first
        while True:
            kind, value = item
            if kind == "sentence":
                yield _event("sentence", {"text": value})
            elif kind == "reply":
                yield _event("reply", answer(value))
                return
            else:
                status, body = error_of(value)
                yield _event("error", {"status": status, **body})
                return
            item = await queue.get()

    return StreamingResponse(events(), media_type="text/event-stream", headers=SSE_HEADERS)
