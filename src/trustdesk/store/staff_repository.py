"""SQL for staff accounts, their sessions, failed sign-ins and the reveal log."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Engine, delete, insert, select, update
from sqlalchemy.exc import IntegrityError

from trustdesk.errors import ConflictError
from trustdesk.store.repository import _aware
from trustdesk.store.tables import reveal_log, sign_in_failures, staff, staff_sessions
from trustdesk.store.transactions import read, write


def _optional(value: datetime | None) -> str | None:
    return _aware(value).isoformat() if value is not None else None


class SqlStaffStore:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    # -- accounts ---------------------------------------------------------------------------

    def add(
        self,
        name: str,
        role: str,
        token_hash: str,
        now: datetime,
        *,
        display_name: str | None = None,
        password_hash: str | None = None,
    ) -> None:
        try:
            with write(self.engine) as conn:
                conn.execute(
                    insert(staff).values(
                        name=name,
                        role=role,
                        token_hash=token_hash,
                        created_at=now,
                        display_name=display_name,
                        password_hash=password_hash,
                    )
                )
        except IntegrityError:
            raise ConflictError(f"a staff member named {name!r} already exists") from None

    def by_token_hash(self, token_hash: str) -> dict[str, Any] | None:
        with read(self.engine) as conn:
            row = (
                conn.execute(
                    select(staff.c.name, staff.c.role, staff.c.display_name).where(
                        staff.c.token_hash == token_hash, staff.c.disabled_at.is_(None)
                    )
                )
                .mappings()
                .first()
            )
        return dict(row) if row else None

    def by_name(self, name: str) -> dict[str, Any] | None:
        """The account, disabled or not, with its password hash (for sign-in only)."""
        with read(self.engine) as conn:
            row = (
                conn.execute(
                    select(
                        staff.c.name,
                        staff.c.role,
                        staff.c.display_name,
                        staff.c.password_hash,
                        staff.c.disabled_at,
                    ).where(staff.c.name == name)
                )
                .mappings()
                .first()
            )
        return dict(row) if row else None

    def set_password(self, name: str, password_hash: str, now: datetime) -> bool:
        """Set an active account's password and end its sessions, in one transaction."""
        with write(self.engine) as conn:
            changed = conn.execute(
                update(staff)
                .where(staff.c.name == name, staff.c.disabled_at.is_(None))
                .values(password_hash=password_hash)
            ).rowcount
            conn.execute(delete(staff_sessions).where(staff_sessions.c.staff_name == name))
        return bool(changed)

    def replace_password_hash(self, name: str, old_hash: str, new_hash: str) -> None:
        """Store a rehash, unless the password was changed in the meantime."""
        with write(self.engine) as conn:
            conn.execute(
                update(staff)
                .where(staff.c.name == name, staff.c.password_hash == old_hash)
                .values(password_hash=new_hash)
            )

    def rotate_token(self, name: str, token_hash: str) -> bool:
        with write(self.engine) as conn:
            return bool(
                conn.execute(
                    update(staff)
                    .where(staff.c.name == name, staff.c.disabled_at.is_(None))
                    .values(token_hash=token_hash)
                ).rowcount
            )

    def set_role(self, name: str, role: str) -> bool:
        with write(self.engine) as conn:
            return bool(
                conn.execute(
                    update(staff)
                    .where(staff.c.name == name, staff.c.disabled_at.is_(None))
                    .values(role=role)
                ).rowcount
            )

    def disable(self, name: str, now: datetime) -> bool:
        """Disable an active account and end its sessions, in one transaction."""
        with write(self.engine) as conn:
            changed = conn.execute(
                update(staff)
                .where(staff.c.name == name, staff.c.disabled_at.is_(None))
                .values(disabled_at=now)
            ).rowcount
            conn.execute(delete(staff_sessions).where(staff_sessions.c.staff_name == name))
        return bool(changed)

    def list_staff(self) -> list[dict[str, Any]]:
        """Every account, without its hashes."""
        with read(self.engine) as conn:
            rows = conn.execute(
                select(
                    staff.c.name,
                    staff.c.role,
                    staff.c.display_name,
                    staff.c.created_at,
                    staff.c.disabled_at,
                    staff.c.last_sign_in_at,
                    staff.c.password_hash.is_not(None).label("has_password"),
                ).order_by(staff.c.name)
            ).mappings()
            return [
                {
                    "name": r["name"],
                    "role": r["role"],
                    "display_name": r["display_name"],
                    "created_at": _aware(r["created_at"]).isoformat(),
                    "disabled": r["disabled_at"] is not None,
                    "disabled_at": _optional(r["disabled_at"]),
                    "last_sign_in_at": _optional(r["last_sign_in_at"]),
                    "has_password": bool(r["has_password"]),
                }
                for r in rows
            ]

    # -- sessions ---------------------------------------------------------------------------

    def start_session(
        self, digest: str, name: str, now: datetime, expires_at: datetime, stale_before: datetime
    ) -> None:
        """Store a new session, note the sign-in, and drop sessions that have ended (past
        their absolute end, or unused since ``stale_before``)."""
        with write(self.engine) as conn:
            conn.execute(
                delete(staff_sessions).where(
                    (staff_sessions.c.expires_at <= now)
                    | (staff_sessions.c.last_seen_at < stale_before)
                )
            )
            conn.execute(
                insert(staff_sessions).values(
                    id_hash=digest,
                    staff_name=name,
                    created_at=now,
                    last_seen_at=now,
                    expires_at=expires_at,
                )
            )
            conn.execute(update(staff).where(staff.c.name == name).values(last_sign_in_at=now))

    def session(self, digest: str) -> dict[str, Any] | None:
        """A session of an active account, with the account's name, role and display name."""
        with read(self.engine) as conn:
            row = (
                conn.execute(
                    select(
                        staff.c.name,
                        staff.c.role,
                        staff.c.display_name,
                        staff_sessions.c.created_at,
                        staff_sessions.c.last_seen_at,
                        staff_sessions.c.expires_at,
                    )
                    .join(staff, staff.c.name == staff_sessions.c.staff_name)
                    .where(staff_sessions.c.id_hash == digest, staff.c.disabled_at.is_(None))
                )
                .mappings()
                .first()
            )
        if row is None:
            return None
        found = dict(row)
        for column in ("created_at", "last_seen_at", "expires_at"):
            found[column] = _aware(found[column])
        return found

    def touch_session(self, digest: str, now: datetime) -> None:
        with write(self.engine) as conn:
            conn.execute(
                update(staff_sessions)
                .where(staff_sessions.c.id_hash == digest)
                .values(last_seen_at=now)
            )

    def end_session(self, digest: str) -> None:
        with write(self.engine) as conn:
            conn.execute(delete(staff_sessions).where(staff_sessions.c.id_hash == digest))

    # -- failed sign-ins --------------------------------------------------------------------

    def sign_in_failures(
        self, account: str, address: str, since: datetime, most: int
    ) -> tuple[list[datetime], list[datetime]]:
        """The newest ``most`` failures since ``since`` for the account digest and for the
        address digest, newest first."""
        t = sign_in_failures
        with read(self.engine) as conn:
            found = []
            for column, value in ((t.c.account_digest, account), (t.c.address_digest, address)):
                times = conn.execute(
                    select(t.c.failed_at)
                    .where(column == value, t.c.failed_at > since)
                    .order_by(t.c.failed_at.desc())
                    .limit(most)
                ).scalars()
                found.append([_aware(v) for v in times])
        return found[0], found[1]

    def record_sign_in_failure(
        self, account: str, address: str, now: datetime, purge_before: datetime
    ) -> None:
        """Record a failure and delete those older than ``purge_before``."""
        with write(self.engine) as conn:
            conn.execute(
                delete(sign_in_failures).where(sign_in_failures.c.failed_at < purge_before)
            )
            conn.execute(
                insert(sign_in_failures).values(
                    account_digest=account, address_digest=address, failed_at=now
                )
            )

    def clear_sign_in_failures(self, account: str) -> None:
        """Forget an account's failures after it signed in (the address's are kept)."""
        with write(self.engine) as conn:
            conn.execute(
                delete(sign_in_failures).where(sign_in_failures.c.account_digest == account)
            )

    # -- reveals ----------------------------------------------------------------------------

    def record_reveal(
        self,
        staff_name: str,
        role: str,
        conversation_id: str,
        placeholders: Sequence[str],
        reason: str,
        now: datetime,
    ) -> None:
        with write(self.engine) as conn:
            conn.execute(
                insert(reveal_log).values(
                    staff_name=staff_name,
                    role=role,
                    conversation_id=conversation_id,
                    placeholders=list(placeholders),
                    reason=reason,
                    revealed_at=now,
                )
            )

    def reveals(self, conversation_id: str) -> list[dict[str, Any]]:
        with read(self.engine) as conn:
            rows = conn.execute(
                select(reveal_log)
                .where(reveal_log.c.conversation_id == conversation_id)
                .order_by(reveal_log.c.id)
            ).mappings()
            return [
                {
                    "staff_name": r["staff_name"],
                    "role": r["role"],
                    "placeholders": r["placeholders"],
                    "reason": r["reason"],
                    "revealed_at": _aware(r["revealed_at"]).isoformat(),
                }
                for r in rows
            ]
