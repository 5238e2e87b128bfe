"""Staff: accounts, sign-in and what each role may see.

Conversations are redacted by default; originals only for the roles the policy allows, and
every reveal recorded (who, which conversation, which placeholders, why, when). Staff reach the
API with a per-member token (kept hashed) or, in the console, a session that a password opens
(roles, passwords, sessions and throttling: ``conversation/staff_auth.py``).
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any, Protocol

from trustdesk.conversation.identity import hash_token
from trustdesk.conversation.ports import ConversationReader
from trustdesk.conversation.records import (
    ConversationRecord,
    DecisionRecord,
    MessageRecord,
    Status,
)
from trustdesk.conversation.staff_auth import (
    ATTEMPT_RETENTION,
    PasswordHashing,
    Permission,
    SessionLimits,
    SignInThrottle,
    account_digest,
    address_digest,
    check_password,
    check_role,
    csrf_matches,
    csrf_token,
    new_session_id,
    normalise_name,
    permissions_of,
    role_allows,
    session_digest,
)
from trustdesk.errors import (
    AuthError,
    ForbiddenError,
    InputError,
    NotFoundError,
    RateLimitError,
)
from trustdesk.events import Event, OriginalsRevealed, StaffChanged
from trustdesk.policy.schema import Policy
from trustdesk.privacy.placeholders import PLACEHOLDER_RE
from trustdesk.privacy.refill import refill

_NAME = re.compile(r"^[a-z0-9][a-z0-9._-]{0,63}$")
MAX_DISPLAY_NAME_CHARS = 80
MIN_REASON_CHARS = 10
# Conversations a person has been asked for, or is handling.
_WITH_PEOPLE = frozenset({Status.HANDOFF_REQUESTED, Status.HUMAN_ACTIVE})
MAX_REASON_CHARS = 500
#: The one answer to a failed sign-in, whatever failed: no caller learns which names exist.
SIGN_IN_FAILED = "sign-in failed: the name or the password is wrong, or the account is disabled"


class StaffStore(Protocol):
    def add(
        self,
        name: str,
        role: str,
        token_hash: str,
        now: datetime,
        *,
        display_name: str | None = None,
        password_hash: str | None = None,
    ) -> None: ...
    def by_token_hash(self, token_hash: str) -> dict[str, Any] | None: ...
    def by_name(self, name: str) -> dict[str, Any] | None: ...
    def set_password(self, name: str, password_hash: str, now: datetime) -> bool: ...
    def replace_password_hash(self, name: str, old_hash: str, new_hash: str) -> None: ...
    def rotate_token(self, name: str, token_hash: str) -> bool: ...
    def set_role(self, name: str, role: str) -> bool: ...
    def disable(self, name: str, now: datetime) -> bool: ...
    def list_staff(self) -> list[dict[str, Any]]: ...
    def start_session(
        self, digest: str, name: str, now: datetime, expires_at: datetime, stale_before: datetime
    ) -> None: ...
    def session(self, digest: str) -> dict[str, Any] | None: ...
    def touch_session(self, digest: str, now: datetime) -> None: ...
    def end_session(self, digest: str) -> None: ...
    def sign_in_failures(
        self, account: str, address: str, since: datetime, most: int
    ) -> tuple[list[datetime], list[datetime]]: ...
    def record_sign_in_failure(
        self, account: str, address: str, now: datetime, purge_before: datetime
    ) -> None: ...
    def clear_sign_in_failures(self, account: str) -> None: ...
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


def check_name(name: str) -> str:
    if not _NAME.match(name):
        raise InputError("staff name: 1-64 lowercase letters, digits, '.', '_' or '-'")
    return name


def check_display_name(display_name: str | None) -> str | None:
    """The name customers see on a person's replies; None when not given."""
    if display_name is None:
        return None
    cleaned = " ".join(display_name.split())
    if not 1 <= len(cleaned) <= MAX_DISPLAY_NAME_CHARS or not cleaned.isprintable():
        raise InputError(
            f"display name: 1-{MAX_DISPLAY_NAME_CHARS} printable characters (customers see it "
            "on your replies)"
        )
    return cleaned


def create_staff(
    store: StaffStore,
    name: str,
    role: str,
    now: datetime,
    *,
    display_name: str | None = None,
    password_hash: str | None = None,
) -> str:
    """Create a staff account; returns its API token (shown once, stored hashed)."""
    check_name(name)
    check_role(role)
    token = secrets.token_urlsafe(32)
    store.add(
        name,
        role,
        hash_token(token),
        now,
        display_name=check_display_name(display_name),
        password_hash=password_hash,
    )
    return token


@dataclass(frozen=True, slots=True)
class StaffMember:
    name: str
    role: str
    display_name: str | None = None

    @classmethod
    def of(cls, row: dict[str, Any]) -> StaffMember:
        return cls(row["name"], row["role"], row.get("display_name"))


@dataclass(frozen=True, slots=True)
class StaffSession:
    """A signed-in staff member's session; ``session_id`` lives only in their cookie."""

    member: StaffMember
    expires_at: datetime
    session_id: str = field(repr=False)


class AgentAccess:
    """What support staff may see and do.

    The policy says which roles may read which transcripts (``privacy.transcript_roles``: any
    conversation; ``privacy.queue_roles``: only conversations handed to a person) and which may
    reveal originals (``privacy.reveal_roles``); ``staff_auth.PERMISSIONS`` says the rest.
    Everyone else is refused (403).

    ``key`` makes the CSRF tokens and the digests of sign-in attempts; it must be the same in
    every server process (the composition root derives it from the master key).
    """

    def __init__(
        self,
        conversations: ConversationReader,
        staff: StaffStore,
        policy: Policy,
        clock: Callable[[], datetime] = _now,
        *,
        key: bytes | None = None,
        passwords: PasswordHashing | None = None,
        sessions: SessionLimits | None = None,
        throttle: SignInThrottle | None = None,
        publish: Callable[[Event], None] | None = None,
    ) -> None:
        self.conversations = conversations
        self.staff = staff
        self.policy = policy
        self.clock = clock
        self._key = key or secrets.token_bytes(32)
        self.passwords = passwords or PasswordHashing()
        self.sessions = sessions or SessionLimits()
        self.throttle = throttle or SignInThrottle()
        self._publish = publish

    @property
    def reveal_roles(self) -> frozenset[str]:
        return frozenset(self.policy.privacy.reveal_roles)

    # -- accounts ---------------------------------------------------------------------------

    def add_staff(
        self,
        name: str,
        role: str,
        *,
        password: str | None = None,
        display_name: str | None = None,
        by: str = "cli",
    ) -> str:
        """Create an account; returns its API token. Without a password it cannot sign in
        until one is set (``trustdesk staff passwd``)."""
        check_name(name)
        check_role(role)
        hashed = None
        if password is not None:
            hashed = self.passwords.hash(check_password(name, password))
        token = create_staff(
            self.staff, name, role, self.clock(), display_name=display_name, password_hash=hashed
        )
        self._changed(name, "added", role, by)
        return token

    def set_password(self, name: str, password: str, *, by: str = "cli") -> None:
        """Set a new password; the member's sessions end at once."""
        hashed = self.passwords.hash(check_password(name, password))
        if not self.staff.set_password(name, hashed, self.clock()):
            raise NotFoundError("no active staff account by that name")
        self._changed(name, "password_changed", self._role(name), by)

    def rotate_token(self, name: str, *, by: str = "cli") -> str:
        """A new API token for ``name``; the old one stops working at once."""
        token = secrets.token_urlsafe(32)
        if not self.staff.rotate_token(name, hash_token(token)):
            raise NotFoundError("no active staff account by that name")
        self._changed(name, "token_rotated", self._role(name), by)
        return token

    def set_role(self, name: str, role: str, *, by: str = "cli") -> None:
        check_role(role)
        if not self.staff.set_role(name, role):
            raise NotFoundError("no active staff account by that name")
        self._changed(name, "role_changed", role, by)

    def disable(self, name: str, *, by: str = "cli") -> bool:
        """Disable ``name``: its token and its sessions stop working at once. False when there
        is no active account by that name."""
        if not self.staff.disable(name, self.clock()):
            return False
        self._changed(name, "disabled", self._role(name), by)
        return True

    def _role(self, name: str) -> str:
        row = self.staff.by_name(name)
        return str(row["role"]) if row else ""

    def _changed(self, name: str, change: str, role: str, by: str) -> None:
        if self._publish is not None:
            self._publish(StaffChanged(self.clock(), name, change, role, by))

    # -- who is asking ----------------------------------------------------------------------

    def authenticate(self, token: str | None) -> StaffMember:
        """The member an API token belongs to (AuthError for a missing, unknown or disabled
        one)."""
        if not token:
            raise AuthError("missing staff bearer token")
        row = self.staff.by_token_hash(hash_token(token))
        if row is None:
            raise AuthError("invalid or disabled staff token")
        return StaffMember.of(row)

    def sign_in(self, name: str, password: str, address: str) -> StaffSession:
        """Open a session for ``name`` with ``password``.

        Every failure answers the same (unknown name, wrong password, disabled account, no
        password set) after the same work. Failures are counted per name and per address,
        and beyond the throttle's limits every attempt is refused with RateLimitError, whether
        the name exists or not and whether the password is right or not.
        """
        now = self.clock()
        name = normalise_name(name)
        account = account_digest(self._key, name)
        where = address_digest(self._key, address)
        by_account, by_address = self.staff.sign_in_failures(
            account, where, now - self.throttle.window, self.throttle.most
        )
        wait = self.throttle.retry_after(by_account, by_address, now)
        if wait:
            raise RateLimitError(f"too many failed sign-ins; try again in {wait} s", wait)
        row = self.staff.by_name(name) if _NAME.match(name) else None
        stored = row.get("password_hash") if row else None
        check = self.passwords.verify(stored, password)
        if row is None or not check.ok or row["disabled_at"] is not None:
            self.staff.record_sign_in_failure(account, where, now, now - ATTEMPT_RETENTION)
            raise AuthError(SIGN_IN_FAILED)
        if check.rehash and stored:
            self.staff.replace_password_hash(name, stored, check.rehash)
        session_id = new_session_id()
        expires_at = self.sessions.expires_at(now, now)
        self.staff.start_session(
            session_digest(session_id),
            name,
            now,
            now + self.sessions.lifetime,
            now - self.sessions.idle,
        )
        self.staff.clear_sign_in_failures(account)
        return StaffSession(StaffMember.of(row), expires_at, session_id)

    def session(self, session_id: str | None) -> StaffSession:
        """The live session ``session_id`` opens (AuthError when missing, unknown, expired or
        its account disabled); its idle time starts again."""
        if not session_id:
            raise AuthError("sign in first: no staff session")
        digest = session_digest(session_id)
        row = self.staff.session(digest)
        if row is None:
            raise AuthError("your session has ended; sign in again")
        now = self.clock()
        created, seen = row["created_at"], row["last_seen_at"]
        if self.sessions.expired(created, seen, now) or now >= row["expires_at"]:
            self.staff.end_session(digest)
            raise AuthError("your session has expired; sign in again")
        if now - seen >= self.sessions.touch_after:
            self.staff.touch_session(digest, now)
            seen = now
        expires_at = min(self.sessions.expires_at(created, seen), row["expires_at"])
        return StaffSession(StaffMember.of(row), expires_at, session_id)

    def sign_out(self, session_id: str) -> None:
        self.staff.end_session(session_digest(session_id))

    def csrf_token(self, session_id: str) -> str:
        return csrf_token(self._key, session_id)

    def csrf_matches(self, session_id: str, sent: str | None) -> bool:
        return csrf_matches(self._key, session_id, sent)

    # -- what they may do -------------------------------------------------------------------

    def allows(self, member: StaffMember, permission: Permission) -> bool:
        return role_allows(member.role, permission, self.policy.privacy)

    def permissions(self, member: StaffMember) -> list[Permission]:
        return permissions_of(member.role, self.policy.privacy)

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

    def withheld_drafts(self, member: StaffMember, conversation_id: str) -> list[DecisionRecord]:
        """The assistant's drafts the customer was not sent as written (placeholders only),
        for whoever may read the transcript: what the model wrote, next to why it was held."""
        self.view(member, conversation_id)
        decisions = self.conversations.list_decisions(conversation_id)
        return [d for d in decisions if d.withheld_draft]

    def reveal(
        self, member: StaffMember, conversation_id: str, reason: str
    ) -> tuple[list[MessageRecord], list[str]]:
        """The transcript with originals, for a role the policy allows; recorded first."""
        if not self.allows(member, Permission.REVEAL):
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
        now = self.clock()
        self.staff.record_reveal(member.name, member.role, conversation.id, used, reason, now)
        if (
            self._publish is not None
        ):  # the ledger records it too (which placeholders, never values)
            self._publish(
                OriginalsRevealed(now, conversation.id, member.name, member.role, tuple(used))
            )
        return [replace(m, text=refill(m.text, originals)) for m in messages], used
