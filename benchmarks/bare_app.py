"""The peer of benchmarks/http.py: a bare FastAPI POST endpoint with a pydantic body.

It has the shape of TrustDesk's `POST /api/v1/conversations/{id}/messages` (a path parameter,
a bearer header, a strict pydantic body, a synchronous handler run in the thread pool, a
response model) and does no work: no guards, no storage, no assistant. The same wrk script and
the same uvicorn options drive both, so the ratio of their throughputs is what TrustDesk's turn
costs on top of the framework.

Run: uvicorn benchmarks.bare_app:app --log-level warning   (from the repository root)
"""

from __future__ import annotations

from typing import Annotated

from fastapi import FastAPI, Header
from pydantic import BaseModel, ConfigDict, StrictStr

app = FastAPI(title="bare peer of benchmarks/http.py")

_REPLY = {
    "text": "Here is what our help centre says: items can be returned within 30 days.",
    "ai": True,
    "citations": [{"source": "returns.md#return-window", "title": "Return window"}],
    "confidence": 0.9,
}


class PostMessage(BaseModel):
    """The request body: what the customer typed."""

    model_config = ConfigDict(extra="forbid")

    text: StrictStr


class Citation(BaseModel):
    """A cited knowledge-base passage."""

    source: str
    title: str


class ReplyOut(BaseModel):
    """A fixed reply, the size of a short TrustDesk answer."""

    text: str
    ai: bool
    citations: list[Citation]
    confidence: float | None


class TurnOut(BaseModel):
    """The response body, as TrustDesk's turn response."""

    reply: ReplyOut | None
    status: str


@app.post("/api/v1/conversations/{conversation_id}/messages", response_model=TurnOut)
def post_message(
    conversation_id: str,
    body: PostMessage,
    authorization: Annotated[str | None, Header()] = None,
) -> dict[str, object]:
    """Validate the body and answer with a fixed reply."""
    return {"reply": _REPLY, "status": "ai_active"}


@app.get("/healthz")
def healthz() -> dict[str, str]:
    """Liveness, for the harness to wait on."""
    return {"status": "ok"}
