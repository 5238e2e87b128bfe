"""Staff roles and what each may do, passwords, sessions, CSRF tokens and sign-in throttling.

Pure logic: no database and no web framework. ``conversation/agents.py`` puts it to work with a
store, ``web/auth.py`` at the HTTP edge. docs/accountability.md shows :data:`PERMISSIONS` as a
table; keep the two together.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import hmac
import ipaddress
import math
import secrets
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError

from trustdesk.errors import InputError
from trustdesk.policy.schema import Privacy


class Role(StrEnum):
    """The staff roles ``trustdesk staff add`` accepts."""

    AGENT = "agent"
    SUPERVISOR = "supervisor"
    AUDITOR = "auditor"
    PRIVACY_OFFICER = "privacy_officer"
    ADMIN = "admin"


KNOWN_ROLES = frozenset(Role)


class Permission(StrEnum):
    """Something a staff member may do; every staff endpoint requires one (or only a sign-in)."""

    VIEW_QUEUE = "view_queue"
    CLAIM = "claim"
    REPLY = "reply"  # reply to a customer as a person
    RESOLVE = "resolve"
    HAND_BACK = "hand_back"  # human_active -> ai_active
    ASSIST_DRAFT = "assist_draft"  # ask the assistant for a draft reply
    READ_TRANSCRIPT = "read_transcript"  # with placeholders; the policy says who
    REVEAL = "reveal"  # originals behind placeholders; the policy says who
    DECIDE_APPROVAL = "decide_approval"
    READ_LEDGER = "read_ledger"  # read and verify the decision ledger
    READ_AUDITS = "read_audits"
    # Sign a stored audit off as its accountable owner (not the auditor who checks it).
    SIGN_OFF_AUDITS = "sign_off_audits"
    READ_METRICS = "read_metrics"
    PRIVACY_REQUESTS = "privacy_requests"  # export, erasure, subject request records
    MANAGE_STAFF = "manage_staff"
    MANAGE_POLICY = "manage_policy"
    MANAGE_KEYS = "manage_keys"
    REPORT_CONCERN = "report_concern"  # on an AI message of a conversation one may read
    VIEW_INCIDENTS = "view_incidents"  # concerns about AI messages, as incidents
    MANAGE_INCIDENTS = "manage_incidents"  # take, investigate, resolve or dismiss one


_AGENT_WORK = {
    Permission.VIEW_QUEUE,
    Permission.CLAIM,
    Permission.REPLY,
    Permission.RESOLVE,
    Permission.HAND_BACK,
    Permission.ASSIST_DRAFT,
}

#: Who may do what, for the permissions this table decides (see POLICY_GOVERNED for the rest).
PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.AGENT: frozenset(_AGENT_WORK | {Permission.REPORT_CONCERN}),
    Role.SUPERVISOR: frozenset(
        _AGENT_WORK
        | {
            Permission.DECIDE_APPROVAL,
            Permission.READ_LEDGER,
            Permission.READ_AUDITS,
            Permission.SIGN_OFF_AUDITS,
            Permission.READ_METRICS,
            Permission.REPORT_CONCERN,
            Permission.VIEW_INCIDENTS,
            Permission.MANAGE_INCIDENTS,
        }
    ),
    # Read-only, and never personal data in the clear (see NEVER_IN_CLEAR).
    Role.AUDITOR: frozenset(
        {Permission.READ_LEDGER, Permission.READ_AUDITS, Permission.READ_METRICS}
    ),
    Role.PRIVACY_OFFICER: frozenset(
        {
            Permission.PRIVACY_REQUESTS,
            Permission.READ_LEDGER,
            Permission.READ_AUDITS,
            Permission.SIGN_OFF_AUDITS,
            Permission.REPORT_CONCERN,
        }
    ),
    Role.ADMIN: frozenset(
        {
            Permission.MANAGE_STAFF,
            Permission.MANAGE_POLICY,
            Permission.MANAGE_KEYS,
            Permission.READ_LEDGER,
            Permission.READ_METRICS,
            Permission.READ_AUDITS,
            Permission.SIGN_OFF_AUDITS,
            Permission.VIEW_INCIDENTS,
            Permission.MANAGE_INCIDENTS,
        }
    ),
}

#: Permissions the policy grants, by its role lists, rather than the table above.
POLICY_GOVERNED: dict[Permission, str] = {
    Permission.READ_TRANSCRIPT: "privacy.transcript_roles (any conversation) and "
    "privacy.queue_roles (conversations handed to a person)",
    Permission.REVEAL: "privacy.reveal_roles",
}

#: Roles that never see personal data in the clear, whatever the policy lists.
NEVER_IN_CLEAR = frozenset({Role.AUDITOR})


def role_allows(role: str, permission: Permission, privacy: Privacy) -> bool:
    """Whether ``role`` has ``permission`` under this table and the policy's role lists.

    A role string outside :class:`Role` (an account from before roles were fixed) gets nothing
    from the table, only what the policy's privacy role lists name it for: exactly what it
    could do before.
    """
    if permission is Permission.READ_TRANSCRIPT:
        return role in privacy.transcript_roles or role in privacy.queue_roles
    if permission is Permission.REVEAL:
        return role in privacy.reveal_roles and role not in NEVER_IN_CLEAR
    return role in KNOWN_ROLES and permission in PERMISSIONS[Role(role)]


def permissions_of(role: str, privacy: Privacy) -> list[Permission]:
    """Every permission ``role`` has, in the order of :class:`Permission`."""
    return [p for p in Permission if role_allows(role, p, privacy)]


def check_role(role: str) -> Role:
    """A role ``staff add`` accepts, or an InputError listing them."""
    if role not in KNOWN_ROLES:
        raise InputError("role must be one of: " + ", ".join(r.value for r in Role))
    return Role(role)


# -- passwords ------------------------------------------------------------------------------

MIN_PASSWORD_CHARS = 12
MAX_PASSWORD_CHARS = 256
GENERATED_PASSWORD_BYTES = 18  # 144 random bits, 24 characters


def normalise_password(password: str) -> str:
    """NFKC, so that the same password typed on two keyboards is the same password."""
    return unicodedata.normalize("NFKC", password)


def check_password(name: str, password: str) -> str:
    """The normalised password if it may be set for ``name``; else an InputError saying what
    to fix (never repeating the password)."""
    password = normalise_password(password)
    if not MIN_PASSWORD_CHARS <= len(password) <= MAX_PASSWORD_CHARS:
        raise InputError(
            f"the password must be {MIN_PASSWORD_CHARS}-{MAX_PASSWORD_CHARS} characters long"
        )
    if not password.strip():
        raise InputError("the password must not be only spaces")
    if password.strip().casefold() == name.strip().casefold():
        raise InputError("the password must not be the account name")
    return password


def generate_password() -> str:
    """A random password (144 bits) for ``--generate-password`` and the demo accounts."""
    return secrets.token_urlsafe(GENERATED_PASSWORD_BYTES)


def _b64(data: bytes) -> str:
    """Base64 without padding, as in argon2's encoded hashes."""
    return base64.b64encode(data).rstrip(b"=").decode("ascii")


@dataclass(frozen=True, slots=True)
class PasswordCheck:
    """The result of a verification: ``ok``, and a new hash to store when the stored one was
    made with other parameters (``rehash``)."""

    ok: bool
    rehash: str | None = None


class PasswordHashing:
    """argon2id (argon2-cffi). The defaults are RFC 9106's second recommended option ("low
    memory"): 64 MiB, 3 passes, 4 lanes, a 16-byte salt and a 32-byte tag.

    A hash made with other parameters still verifies, and is replaced on the next successful
    sign-in (:attr:`PasswordCheck.rehash`).
    """

    def __init__(self, time_cost: int = 3, memory_kib: int = 64 * 1024, lanes: int = 4) -> None:
        self._hasher = PasswordHasher(
            time_cost=time_cost,
            memory_cost=memory_kib,
            parallelism=lanes,
            hash_len=32,
            salt_len=16,
            type=Type.ID,
        )
        # Checked when there is no hash to check: the same parameters, so the same work, and
        # written out rather than computed, so that building this costs nothing.
        self._dummy = (
            f"$argon2id$v=19$m={memory_kib},t={time_cost},p={lanes}"
            f"${_b64(secrets.token_bytes(16))}${_b64(secrets.token_bytes(32))}"
        )

    def hash(self, password: str) -> str:
        return self._hasher.hash(normalise_password(password))

    def verify(self, stored: str | None, password: str) -> PasswordCheck:
        """Check ``password`` against ``stored``; with no stored hash (an unknown name, an
        account without a password) a dummy hash is checked, so that the answer takes as long
        and no caller learns which names exist."""
        password = normalise_password(password)
        if stored is None:
            self._burn(password)
            return PasswordCheck(False)
        try:
            self._hasher.verify(stored, password)
        except (VerificationError, InvalidHashError):
            return PasswordCheck(False)
        if self._hasher.check_needs_rehash(stored):
            return PasswordCheck(True, self._hasher.hash(password))
        return PasswordCheck(True)

    def _burn(self, password: str) -> None:
        with contextlib.suppress(VerificationError):
            self._hasher.verify(self._dummy, password)


# -- sessions and CSRF ----------------------------------------------------------------------


def new_session_id() -> str:
    """A session id: 256 random bits. Only its SHA-256 is stored (:func:`session_digest`)."""
    return secrets.token_urlsafe(32)


def session_digest(session_id: str) -> str:
    return hashlib.sha256(session_id.encode("utf-8")).hexdigest()


def csrf_token(key: bytes, session_id: str) -> str:
    """The CSRF token of a session: an HMAC of its id, so nothing more is stored."""
    mac = hmac.new(key, b"csrf\x00" + session_id.encode("utf-8"), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(mac).rstrip(b"=").decode("ascii")


def csrf_matches(key: bytes, session_id: str, sent: str | None) -> bool:
    """Whether ``sent`` is the session's CSRF token (compared in constant time)."""
    if not sent:
        return False
    return hmac.compare_digest(csrf_token(key, session_id).encode(), sent.encode("utf-8"))


@dataclass(frozen=True, slots=True)
class SessionLimits:
    """A session ends ``idle`` after its last request, and ``lifetime`` after sign-in."""

    idle: timedelta = timedelta(minutes=30)
    lifetime: timedelta = timedelta(hours=12)

    def expires_at(self, created_at: datetime, last_seen_at: datetime) -> datetime:
        return min(created_at + self.lifetime, last_seen_at + self.idle)

    def expired(self, created_at: datetime, last_seen_at: datetime, now: datetime) -> bool:
        return now >= self.expires_at(created_at, last_seen_at)

    @property
    def touch_after(self) -> timedelta:
        """How stale a session's last-seen time may get before it is written again: a write
        per request would serialise every staff request on SQLite's write lock."""
        return min(timedelta(minutes=1), self.idle / 10)


# -- sign-in throttling ---------------------------------------------------------------------

#: Failed sign-in records older than this are deleted.
ATTEMPT_RETENTION = timedelta(days=1)


@dataclass(frozen=True, slots=True)
class ThrottleRule:
    """At most ``limit`` failures within ``window``."""

    limit: int
    window: timedelta

    def wait(self, failures: Iterable[datetime], now: datetime) -> float:
        """Seconds until one more attempt is allowed (0.0: now)."""
        recent = sorted(t for t in failures if now - self.window < t <= now)
        if len(recent) < self.limit:
            return 0.0
        # Allowed again once the failure that made the count reach the limit leaves the window.
        return max(0.0, (recent[-self.limit] + self.window - now).total_seconds())


@dataclass(frozen=True, slots=True)
class SignInThrottle:
    """Failures are counted per account name (known or not) and per client address."""

    per_account: ThrottleRule = ThrottleRule(5, timedelta(minutes=15))
    per_address: ThrottleRule = ThrottleRule(20, timedelta(minutes=15))

    @classmethod
    def counting(cls, per_account: int, per_address: int, window: timedelta) -> SignInThrottle:
        return cls(ThrottleRule(per_account, window), ThrottleRule(per_address, window))

    @property
    def window(self) -> timedelta:
        return max(self.per_account.window, self.per_address.window)

    @property
    def most(self) -> int:
        """The most failures of one kind the rules look at."""
        return max(self.per_account.limit, self.per_address.limit)

    def retry_after(
        self,
        account_failures: Sequence[datetime],
        address_failures: Sequence[datetime],
        now: datetime,
    ) -> int:
        """Whole seconds to wait before the next attempt; 0 when it may go ahead."""
        wait = max(
            self.per_account.wait(account_failures, now),
            self.per_address.wait(address_failures, now),
        )
        return math.ceil(wait) if wait > 0 else 0


def normalise_name(name: str) -> str:
    """Names are stored lowercase; what is typed at sign-in is matched the same way."""
    return name.strip().lower()


def account_digest(key: bytes, name: str) -> str:
    """A keyed digest of a name typed at sign-in: a password typed into the name field by
    mistake must not end up in the attempts table."""
    data = b"account\x00" + normalise_name(name).encode("utf-8")
    return hmac.new(key, data, hashlib.sha256).hexdigest()


def address_digest(key: bytes, address: str) -> str:
    """A keyed digest of a client address; an IPv6 client is counted by its /64 network."""
    text = address
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        parsed = None
    if isinstance(parsed, ipaddress.IPv6Address):
        mapped = parsed.ipv4_mapped
        text = str(mapped) if mapped else str(ipaddress.IPv6Network((parsed, 64), strict=False))
    elif parsed is not None:
        text = str(parsed)
    return hmac.new(key, b"address\x00" + text.encode("utf-8"), hashlib.sha256).hexdigest()
