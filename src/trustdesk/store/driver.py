"""Statements compiled once and run on the database driver's own cursor.

The hot paths (a turn's load and its write) skip SQLAlchemy's per-statement work: each statement
is compiled once for the engine's dialect; a call binds values through the column types' own
bind processors (JSON, dates, booleans) and reads rows through their result processors, so what
is stored and read is what ``Connection.execute`` would store and read. Driver errors are
wrapped as the engine wraps them (``hide_parameters``: the statement, never the values), and a
lost connection is invalidated, so callers see what ``Connection.execute`` would raise.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any, cast
from weakref import WeakKeyDictionary

from sqlalchemy import Connection, Engine, Table, bindparam, insert
from sqlalchemy.engine import Dialect
from sqlalchemy.exc import DBAPIError, StatementError
from sqlalchemy.sql import ClauseElement
from sqlalchemy.sql.compiler import SQLCompiler

Row = dict[str, Any]
# Multi-row INSERT statements are built per row count up to this many rows; beyond, executemany.
MAX_VALUES_ROWS = 16


class DriverStatement:
    """A statement compiled once for ``dialect``; see the module docstring.

    Every bound value is the caller's (or a literal of the statement): a statement whose
    compilation would need SQLAlchemy to compute a column default is refused at build time.
    """

    def __init__(self, dialect: Dialect, statement: ClauseElement) -> None:
        compiled = cast(SQLCompiler, statement.compile(dialect=dialect))
        if getattr(compiled, "insert_prefetch", None) or getattr(compiled, "update_prefetch", None):
            raise ValueError("a driver statement needs every value from its caller")
        self.sql = str(compiled)
        self.dialect = dialect
        if getattr(compiled, "escaped_bind_names", None) or "POSTCOMPILE" in self.sql:
            raise ValueError("a driver statement needs plain bind names, rendered at compile")
        # Per rendered parameter: the caller's key (None for the statement's own literals, whose
        # value is bound once here), and the type's bind processor.
        plan: dict[str, tuple[str | None, Any, Any]] = {}
        for bind, name in compiled.bind_names.items():
            if bind.expanding:
                raise ValueError("a driver statement cannot expand IN lists")
            processor = bind.type.dialect_impl(dialect).bind_processor(dialect)
            if bind.required:
                plan[name] = (bind.key, processor, None)
            else:
                value = bind.effective_value
                plan[name] = (None, None, processor(value) if processor else value)
        self._positional = bool(compiled.positional)
        self._names = list(compiled.positiontup or ()) if compiled.positional else list(plan)
        self._plan = [plan[name] for name in self._names]
        columns = getattr(statement, "exported_columns", ())  # a SELECT's, or RETURNING's
        self._columns = [(str(c.key), c.type.dialect_impl(dialect)) for c in columns]
        # Result processors by the driver's type codes (PostgreSQL's numeric needs them).
        self._processors: dict[tuple[Any, ...], list[tuple[str, Any]]] = {}

    def parameters(self, values: Mapping[str, Any]) -> Any:
        """The driver's parameters for ``values`` (a tuple or a dict, as the dialect binds)."""
        bound = []
        for key, processor, literal in self._plan:
            if key is None:
                bound.append(literal)
            elif processor is None:
                bound.append(values[key])
            else:
                bound.append(processor(values[key]))
        return tuple(bound) if self._positional else dict(zip(self._names, bound, strict=True))

    def execute(self, cursor: Any, values: Mapping[str, Any]) -> Any:
        """Run once; returns the cursor (its rowcount, its RETURNING rows)."""
        try:
            cursor.execute(self.sql, self.parameters(values))
        except self.dialect.loaded_dbapi.Error as exc:
            raise self._wrapped(exc) from exc
        return cursor

    def executemany(self, cursor: Any, rows: Sequence[Mapping[str, Any]]) -> None:
        try:
            cursor.executemany(self.sql, [self.parameters(r) for r in rows])
        except self.dialect.loaded_dbapi.Error as exc:
            raise self._wrapped(exc) from exc

    def rows(self, cursor: Any, values: Mapping[str, Any], limit: int | None = None) -> list[Row]:
        """The rows (at most ``limit``) as mappings of column keys to values."""
        self.execute(cursor, values)
        return self.fetch(cursor, limit)

    def fetch(self, cursor: Any, limit: int | None = None) -> list[Row]:
        """The rows of this statement's last execution on ``cursor`` (in a PostgreSQL
        pipeline: once its results have arrived, or waiting for them)."""
        try:
            fetched = cursor.fetchall() if limit is None else cursor.fetchmany(limit)
        except self.dialect.loaded_dbapi.Error as exc:
            raise self._wrapped(exc) from exc
        if not fetched:
            return []
        processors = self._result(cursor)
        return [
            {
                key: processor(value) if processor is not None else value
                for (key, processor), value in zip(processors, row, strict=True)
            }
            for row in fetched
        ]

    def scalar(self, cursor: Any, values: Mapping[str, Any]) -> Any:
        """The first column of the first row (None when there is no row)."""
        found = self.rows(cursor, values, limit=1)
        return next(iter(found[0].values())) if found else None

    def _result(self, cursor: Any) -> list[tuple[str, Any]]:
        result = getattr(cursor, "pgresult", None)
        if result is not None:  # psycopg: the type oids, without building its Column objects
            codes = tuple(result.ftype(i) for i in range(result.nfields))
        else:
            codes = tuple(column[1] for column in cursor.description)
        processors = self._processors.get(codes)
        if processors is None:
            processors = self._processors[codes] = [
                (key, impl.result_processor(self.dialect, code))
                for (key, impl), code in zip(self._columns, codes, strict=True)
            ]
        return processors

    def _wrapped(self, exc: Exception) -> StatementError:
        # As the engine wraps it: the statement, never the values (hide_parameters).
        return DBAPIError.instance(
            self.sql,
            None,
            exc,
            self.dialect.loaded_dbapi.Error,
            hide_parameters=True,
            dialect=self.dialect,
        )


class DriverInsert:
    """INSERT of whole rows into ``table`` (``columns``, every one given by the caller): one
    statement with a VALUES list per call (row counts up to MAX_VALUES_ROWS, each compiled on
    first use), so several rows cost one round trip on PostgreSQL; executemany on SQLite,
    whose driver loops in C."""

    def __init__(
        self,
        dialect: Dialect,
        table: Table,
        columns: Sequence[str],
        returning: str | None = None,
        ignore_conflicts: bool = False,
    ) -> None:
        self.dialect = dialect
        self.table = table
        self.columns = tuple(columns)
        self.returning = returning
        self.ignore_conflicts = ignore_conflicts  # ON CONFLICT DO NOTHING
        self._many = dialect.name == "sqlite" and returning is None
        self._by_rows: dict[int, DriverStatement] = {}

    def _statement(self, count: int) -> DriverStatement:
        statement = self._by_rows.get(count)
        if statement is None:
            types = {c: self.table.c[c].type for c in self.columns}
            if count == 1 or self._many:
                values: Any = {c: bindparam(c, type_=types[c]) for c in self.columns}
            else:
                values = [
                    {c: bindparam(f"{c}__{i}", type_=types[c]) for c in self.columns}
                    for i in range(count)
                ]
            built: Any = _insert(self.dialect, self.ignore_conflicts, self.table).values(values)
            if self.ignore_conflicts:
                built = built.on_conflict_do_nothing()
            if self.returning is not None:
                built = built.returning(self.table.c[self.returning])
            statement = self._by_rows[count] = DriverStatement(self.dialect, built)
        return statement

    def one(self, cursor: Any, row: Mapping[str, Any]) -> Any:
        """Insert one row; its RETURNING value when the insert has one."""
        statement = self._statement(1)
        if self.returning is None:
            statement.execute(cursor, row)
            return None
        return statement.scalar(cursor, row)

    def many(self, cursor: Any, rows: Sequence[Mapping[str, Any]]) -> None:
        """Insert rows (no RETURNING)."""
        if not rows:
            return
        if len(rows) == 1:
            self._statement(1).execute(cursor, rows[0])
        elif self._many or len(rows) > MAX_VALUES_ROWS:
            self._statement(1).executemany(cursor, rows)
        else:
            values = {f"{c}__{i}": row[c] for i, row in enumerate(rows) for c in self.columns}
            self._statement(len(rows)).execute(cursor, values)


def _insert(dialect: Dialect, ignore_conflicts: bool, table: Table) -> Any:
    if not ignore_conflicts:
        return insert(table)
    if dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        return pg_insert(table)
    if dialect.name == "sqlite":
        from sqlalchemy.dialects.sqlite import insert as sqlite_insert

        return sqlite_insert(table)
    # Settings accept only sqlite:// and postgresql:// URLs, so this is never reached.
    raise ValueError(f"ON CONFLICT DO NOTHING on SQLite and PostgreSQL only, not {dialect.name}")


def cursor_of(conn: Connection) -> Any:
    """A cursor of the driver connection under ``conn``, inside ``conn``'s transaction."""
    return conn.connection.driver_connection.cursor()  # type: ignore[union-attr]


@contextmanager
def invalidating(conn: Connection) -> Iterator[None]:
    """Invalidate ``conn`` when a statement run on its driver cursor lost the connection, as
    ``Connection.execute`` would (the pool then replaces it). A driver error raised outside a
    DriverStatement (a pipeline's sync) is wrapped as the engine would wrap it."""
    dialect = conn.dialect
    try:
        try:
            yield
        except dialect.loaded_dbapi.Error as raw:
            error = dialect.loaded_dbapi.Error
            raise DBAPIError.instance(
                None, None, raw, error, hide_parameters=True, dialect=dialect
            ) from raw
    except DBAPIError as exc:
        if (
            not conn.invalidated
            and isinstance(exc.orig, dialect.loaded_dbapi.Error)
            and dialect.is_disconnect(exc.orig, conn.connection.driver_connection, None)
        ):
            exc.connection_invalidated = True
            conn.invalidate(exc)
        raise


_COMPILED: WeakKeyDictionary[Dialect, dict[str, Any]] = WeakKeyDictionary()


def compiled_for(dialect: Dialect, key: str, build: Any) -> Any:
    """``build(dialect)``, once per dialect (each engine has its own) and ``key``."""
    cache = _COMPILED.get(dialect)
    if cache is None:
        cache = _COMPILED[dialect] = {}
    found = cache.get(key)
    if found is None:
        found = cache[key] = build(dialect)
    return found


class DriverSnapshot:
    """Reads on one pooled connection through the driver's own cursor, for none of the
    engine's per-statement work, as one snapshot.

    SQLite: one statement outside BEGIN is a transaction of its own; several are wrapped in a
    deferred BEGIN … COMMIT (a WAL snapshot, as store.transactions.read takes). PostgreSQL: an
    autocommit connection (for this read only), so no BEGIN and COMMIT round trips; each
    statement sees the data committed before it, as under the READ COMMITTED transaction it
    replaces. Driver errors are wrapped as the engine wraps them (``hide_parameters``; a lost
    connection is discarded), so callers see what ``Connection.execute`` would raise.
    """

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._sqlite = engine.dialect.name == "sqlite"

    @contextmanager
    def cursor(self, statements: int) -> Iterator[Any]:
        """A cursor for ``statements`` reads that must see one snapshot."""
        dialect = self._engine.dialect
        connection = self._engine.raw_connection()
        driver = connection.driver_connection
        wrapped = self._sqlite and statements > 1
        try:
            if not self._sqlite:
                driver.autocommit = True  # type: ignore[union-attr]
            cursor = connection.cursor()
            try:
                if wrapped:
                    cursor.execute("BEGIN")
                yield cursor
                if wrapped:
                    cursor.execute("COMMIT")
            finally:
                if wrapped and driver.in_transaction:  # type: ignore[union-attr]
                    driver.rollback()  # type: ignore[union-attr]
                cursor.close()
        except DBAPIError as exc:  # a statement failed (wrapped by DriverStatement)
            if isinstance(exc.orig, dialect.loaded_dbapi.Error) and dialect.is_disconnect(
                exc.orig, driver, None
            ):
                connection.invalidate(exc)
            raise
        except dialect.loaded_dbapi.Error as exc:  # BEGIN, COMMIT or the connection
            if dialect.is_disconnect(exc, driver, None):
                connection.invalidate(exc)
            raise DBAPIError.instance(
                None, None, exc, dialect.loaded_dbapi.Error, hide_parameters=True
            ) from exc
        finally:
            if not self._sqlite and connection.is_valid:
                try:
                    driver.autocommit = False  # type: ignore[union-attr]
                except dialect.loaded_dbapi.Error as exc:
                    connection.invalidate(exc)  # unusable: the pool opens another
            connection.close()  # back to the pool
