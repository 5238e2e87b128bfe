"""Coming back to a conversation after the tab was closed (docs/api.md, "Coming back").

The chat page keeps its conversation's token in sessionStorage, which a closed tab loses. So
once a conversation is started or resumed, the page asks the server to *remember* it: an
HttpOnly, SameSite=Strict cookie (``__Host-`` prefixed and Secure over HTTPS) holding the
conversation id and token, valid ``TRUSTDESK_CHAT_RESUME_DAYS`` days from the last visit. On
its next load the page asks to *resume*: with the cookie (same browser), or with the id and token
of a resume link (another browser or device; they travel in the link's #fragment, which browsers
never send to a server, so they reach no access log). Page scripts never read the cookie; a page
on another site can neither send it (SameSite=Strict) nor read an answer (no CORS here). An
erased, purged or unknown conversation resumes nowhere, and its cookie is cleared.
"""

from __future__ import annotations

import re
from typing import Annotated, Any

from fastapi import APIRouter, Cookie, Response
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field, StrictStr
from starlette.requests import Request

from trustdesk.errors import AuthError, NotFoundError
from trustdesk.web.auth import is_https
from trustdesk.web.deps import Running, Service, Token
from trustdesk.web.errors import error_body

router = APIRouter(prefix="/api/v1/chat", tags=["customer"])

COOKIE = "trustdesk_chat"
SECURE_COOKIE = "__Host-trustdesk_chat"
_ID = r"[A-Za-z0-9-]{1,64}"
_TOKEN = r"[A-Za-z0-9_-]{16,128}"
_VALUE = re.compile(rf"({_ID})\.({_TOKEN})")
NOTHING_TO_RESUME = "there is no conversation to resume here; start a new one"


class Remember(BaseModel):
    model_config = ConfigDict(extra="forbid")

    conversation_id: StrictStr = Field(pattern=rf"^{_ID}$", description="The conversation's id.")


class ResumeLink(BaseModel):
    model_config = ConfigDict(extra="forbid")

    conversation_id: StrictStr = Field(pattern=rf"^{_ID}$")
    token: StrictStr = Field(pattern=rf"^{_TOKEN}$", description="The conversation's token.")


class Remembered(BaseModel):
    remembered: bool
    days: int


class Resumed(BaseModel):
    id: str
    token: str
    status: str


def _set(response: Response, request: Request, running: Running, value: str) -> None:
    days = running.settings.chat_resume_days
    secure = is_https(request, running.settings)
    response.set_cookie(
        SECURE_COOKIE if secure else COOKIE,
        value,
        max_age=days * 86400,
        path="/",
        secure=secure,
        httponly=True,
        samesite="strict",
    )


def _clear(response: Response, request: Request, running: Running) -> None:
    secure = is_https(request, running.settings)
    response.delete_cookie(
        SECURE_COOKIE if secure else COOKIE,
        path="/",
        secure=secure,
        httponly=True,
        samesite="strict",
    )


@router.post(
    "/remember",
    response_model=Remembered,
    responses={404: {"description": "The token is another conversation's."}},
)
def remember(
    body: Remember,
    request: Request,
    response: Response,
    svc: Service,
    running: Running,
    token: Token,
) -> dict[str, Any]:
    """Remember this conversation in this browser (the conversation's bearer token)."""
    conversation = svc.authenticate(body.conversation_id, token)
    days = running.settings.chat_resume_days
    if days == 0 or token is None:
        return {"remembered": False, "days": 0}
    _set(response, request, running, f"{conversation.id}.{token}")
    return {"remembered": True, "days": days}


@router.post(
    "/resume", response_model=Resumed, responses={404: {"description": "Nothing to resume."}}
)
def resume(
    request: Request,
    response: Response,
    svc: Service,
    running: Running,
    body: ResumeLink | None = None,
    plain: Annotated[str | None, Cookie(alias=COOKIE)] = None,
    secure: Annotated[str | None, Cookie(alias=SECURE_COOKIE)] = None,
) -> Any:
    """The conversation of a resume link (in the body) or of this browser's cookie, with its
    token for the page to use; the cookie is (re)set for another ``chat_resume_days``."""
    cookie = secure or plain
    if body is not None:
        conversation_id, token = body.conversation_id, body.token
    else:
        found = _VALUE.fullmatch(cookie or "")
        if found is None:
            return _nothing(request, running, clear=cookie is not None)
        conversation_id, token = found.group(1), found.group(2)
    try:
        conversation = svc.authenticate(conversation_id, token)
    except (AuthError, NotFoundError):
        # An erased or unknown conversation, or a wrong token: the same answer for each, and
        # a stale cookie is forgotten.
        return _nothing(request, running, clear=body is None)
    if running.settings.chat_resume_days:
        _set(response, request, running, f"{conversation.id}.{token}")
    return {"id": conversation.id, "token": token, "status": conversation.status.value}


def _nothing(request: Request, running: Running, *, clear: bool) -> JSONResponse:
    answer = error_body(404, "not_found", NOTHING_TO_RESUME)
    if clear:
        _clear(answer, request, running)
    return answer


@router.post("/forget", response_model=Remembered)
def forget(request: Request, response: Response, running: Running) -> dict[str, Any]:
    """Forget the conversation this browser remembers (the chat page calls it after an erasure
    and when the customer starts a new conversation)."""
    _clear(response, request, running)
    return {"remembered": False, "days": 0}
