"""Staff access to conversations: redacted by default, originals only for allowed roles, and
every reveal recorded (who, which conversation, which placeholders, why, when)."""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any, Protocol

from trustdesk.conversation.identity import hash_token
from trustdesk.conversation.ports import ConversationReader
from trustdesk.conversation.records import ConversationRecord, MessageRecord, Status
from trustdesk.errors import AuthError, ForbiddenError, InputError, NotFoundError
from trustdesk.policy.schema import Policy
from trustdesk.privacy.placeholders import PLACEHOLDER_RE
from trustdesk.privacy.refill import refill

_NAME = re.compile(r"^[a-z0-9][a-z0-9._-]{0,63}$")
_ROLE = re.compile(r"^[a-z][a-z_]{1,39}$")
MIN_REASON_CHARS = 10
# Conversations a person has been asked for, or is handling.
_WITH_PEOPLE = frozenset({Status.HANDOFF_REQUESTED, Status.HUMAN_ACTIVE})
MAX_REASON_CHARS = 500


class StaffStore(Protocol):
    def add(self, name: str, role: str, token_hash: str, now: datetime) -> None: ...
    def by_token_hash(self, token_hash: str) -> dict[str, Any] | None: ...
    def disable(self, name: str, now: datetime) -> bool: ...
    def list_staff(self) -> list[dict[str, Any]]: ...
    def record_reveal(
        self,
        staff_name: str,
        role: str,
        conversation_id: str,
        placeholders: Sequence[str],
        reason: str,
        now: datetime,
    ) -> None: ...
    def reveals(self, conversation_id: str) -> list[dict[str, Any]]: ...


def _now() -> datetime:
    return datetime.now(UTC)


def create_staff(store: StaffStore, name: str, role: str, now: datetime) -> str:
    """Create a staff account; returns its access token (shown once, stored hashed)."""
    if not _NAME.match(name):
        raise InputError("staff name: 1-64 lowercase letters, digits, '.', '_' or '-'")
    if not _ROLE.match(role):
        raise InputError("role: 2-40 lowercase letters or '_', e.g. agent or supervisor")
    token = secrets.token_urlsafe(32)
    store.add(name, role, hash_token(token), now)
    return token


@dataclass(frozen=True, slots=True)
class StaffMember:
    name: str
    role: str


class AgentAccess:
    """What support staff may see of a conversation.

    The policy says which roles may read which transcripts (``privacy.transcript_roles``: any
    conversation; ``privacy.queue_roles``: only conversations handed to a person) and which may
    reveal originals (``privacy.reveal_roles``). Everyone else is refused (403).
    """

    def __init__(
        self,
        conversations: ConversationReader,
        staff: StaffStore,
        policy: Policy,
        clock: Callable[[], datetime] = _now,
    ) -> None:
        self.conversations = conversations
        self.staff = staff
        self.policy = policy
        self.clock = clock

    @property
    def reveal_roles(self) -> frozenset[str]:
        return frozenset(self.policy.privacy.reveal_roles)

    def add_staff(self, name: str, role: str) -> str:
        return create_staff(self.staff, name, role, self.clock())

    def authenticate(self, token: str | None) -> StaffMember:
        if not token:
            raise AuthError("missing staff bearer token")
        row = self.staff.by_token_hash(hash_token(token))
        if row is None:
            raise AuthError("invalid or disabled staff token")
        return StaffMember(row["name"], row["role"])

    def may_view(self, member: StaffMember, conversation: ConversationRecord) -> bool:
        privacy = self.policy.privacy
        if member.role in privacy.transcript_roles:
            return True
        return member.role in privacy.queue_roles and conversation.status in _WITH_PEOPLE

    def view(
        self, member: StaffMember, conversation_id: str
    ) -> tuple[ConversationRecord, list[MessageRecord]]:
        """The conversation as staff see it by default: personal data as placeholders."""
        conversation = self.conversations.get_conversation(conversation_id)
        if conversation is None:
            raise NotFoundError("conversation not found")
        if not self.may_view(member, conversation):
            raise ForbiddenError(
                "your role may not read this transcript; the policy's privacy.transcript_roles "
                "and privacy.queue_roles say who may"
            )
        return conversation, self.conversations.list_messages(conversation_id)

    def reveal(
        self, member: StaffMember, conversation_id: str, reason: str
    ) -> tuple[list[MessageRecord], list[str]]:
        """The transcript with originals, for a role the policy allows; recorded first."""
        if member.role not in self.reveal_roles:
            raise ForbiddenError(
                f"role {member.role!r} may not reveal personal data; the policy allows: "
                + ", ".join(sorted(self.reveal_roles))
            )
        reason = " ".join(reason.split())
        if not MIN_REASON_CHARS <= len(reason) <= MAX_REASON_CHARS:
            raise InputError(
                f"say why you need the originals ({MIN_REASON_CHARS}-{MAX_REASON_CHARS} "
                "characters); the reason is recorded"
            )
        conversation, messages = self.view(member, conversation_id)
        originals = self.conversations.originals(conversation.id)
        used = sorted(
            {m.group(0) for msg in messages for m in PLACEHOLDER_RE.finditer(msg.text)}
            & set(originals)
        )
        # Recorded before anything is shown: a reveal that cannot be recorded does not happen.
        self.staff.record_reveal(
            member.name, member.role, conversation.id, used, reason, self.clock()
        )
        return [replace(m, text=refill(m.text, originals)) for m in messages], used
