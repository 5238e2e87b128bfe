"""SQL for staff accounts and the reveal log."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Engine, insert, select, update
from sqlalchemy.exc import IntegrityError

from trustdesk.errors import ConflictError
from trustdesk.store.repository import _aware
from trustdesk.store.tables import reveal_log, staff
from trustdesk.store.transactions import read, write


class SqlStaffStore:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def add(self, name: str, role: str, token_hash: str, now: datetime) -> None:
        try:
            with write(self.engine) as conn:
                conn.execute(
                    insert(staff).values(
                        name=name, role=role, token_hash=token_hash, created_at=now
                    )
                )
        except IntegrityError:
            raise ConflictError(f"a staff member named {name!r} already exists") from None

    def by_token_hash(self, token_hash: str) -> dict[str, Any] | None:
        with read(self.engine) as conn:
            row = (
                conn.execute(
                    select(staff).where(
                        staff.c.token_hash == token_hash, staff.c.disabled_at.is_(None)
                    )
                )
                .mappings()
                .first()
            )
        return dict(row) if row else None

    def disable(self, name: str, now: datetime) -> bool:
        with write(self.engine) as conn:
            return bool(
                conn.execute(
                    update(staff)
                    .where(staff.c.name == name, staff.c.disabled_at.is_(None))
                    .values(disabled_at=now)
                ).rowcount
            )

    def list_staff(self) -> list[dict[str, Any]]:
        with read(self.engine) as conn:
            rows = conn.execute(select(staff).order_by(staff.c.name)).mappings()
            return [
                {
                    "name": r["name"],
                    "role": r["role"],
                    "created_at": _aware(r["created_at"]).isoformat(),
                    "disabled": r["disabled_at"] is not None,
                }
                for r in rows
            ]

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
