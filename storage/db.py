"""Engine, schema creation and sessions.

SQLite runs in WAL mode (readers never wait for the writer) with a busy timeout, foreign keys on.
Rule for callers: keep a session's write transaction free of ``await`` — commit before talking to a
chat platform — because every coroutine shares one thread and one SQLite write lock.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, event, inspect
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import SessionTransaction
from sqlmodel import Session, create_engine

import storage.models  # noqa: F401  (registers every table on the metadata)

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 5000


def _on_sqlite_connect(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA synchronous=NORMAL")
    if os.environ.get("KHOIBOT_NO_AUTOCHECKPOINT"):
        cur.execute("PRAGMA wal_autocheckpoint=0")
    # Deleted rows are overwritten with zeros, not left in free pages (a closed vote's ballots).
    cur.execute("PRAGMA secure_delete=ON")
    cur.close()


WIPE = "khoibot.wipe"  # session.info flag: the transaction deleted what must leave no trace on disk


def forget_deleted(s: Session) -> None:
    """Asks that the rows this transaction deletes leave no trace on disk once it commits (a closed
    vote's ballots): on SQLite the write-ahead log is checkpointed and truncated, so the old pages that
    held them are gone from the -wal file as ``secure_delete`` already zeroes them in the database; on
    PostgreSQL the ballot table is rewritten (VACUUM FULL), its old files removed."""
    s.info[WIPE] = True


_COMMITTED = "khoibot.committed"


@event.listens_for(Session, "after_commit")
def _note_commit(session: Session) -> None:
    session.info[_COMMITTED] = True


@event.listens_for(Session, "after_soft_rollback")
def _forget_on_rollback(session: Session, previous: SessionTransaction) -> None:
    if previous.parent is None:  # the whole transaction was rolled back: nothing was deleted
        session.info.pop(_COMMITTED, None)
        session.info.pop(WIPE, None)


@event.listens_for(Session, "after_transaction_end")
def _wipe_after_commit(session: Session, transaction: SessionTransaction) -> None:
    # Only when the outermost transaction ends committed: after_commit also fires when a savepoint is
    # released, and the deleted rows are on disk only once the whole transaction commits (on
    # PostgreSQL, VACUUM would even wait forever on the still-open transaction).
    if transaction.parent is not None or transaction.nested:
        return
    committed = session.info.pop(_COMMITTED, False)
    database = session.info.get("database")
    if committed and session.info.pop(WIPE, False) and isinstance(database, Database):
        database.wipe_deleted()


MIGRATIONS = Path(__file__).resolve().parent / "migrations"
BASELINE = "0001"
MIGRATION_LOCK = 4_242_001  # PostgreSQL advisory lock key: one process migrates at a time


class NewerDatabaseError(RuntimeError):
    """The database was migrated by a newer release than this code."""

    def __init__(self, current: str, head: str) -> None:
        super().__init__(f"database schema {current} is newer than this code's {head}")
        self.current, self.head = current, head


def _alembic_config(conn: Connection) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = conn
    return config


class Database:
    """Owns the engine; hands out sessions. One per process."""

    def __init__(self, url: str, echo: bool = False) -> None:
        parsed = make_url(url)
        self.is_sqlite = parsed.get_backend_name() == "sqlite"
        kwargs: dict[str, Any] = {"echo": echo}
        if self.is_sqlite:
            db_path = parsed.database
            if db_path and db_path != ":memory:":
                Path(db_path).expanduser().parent.mkdir(parents=True, exist_ok=True)
            kwargs["connect_args"] = {"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000}
        self.engine: Engine = create_engine(url, **kwargs)
        self.wipe_pending = False
        self._second_wipe = False
        if self.is_sqlite:
            event.listen(self.engine, "connect", _on_sqlite_connect)

    def create_all(self) -> None:
        """Brings the schema to the code's (``migrate``); kept under its old name for callers."""
        self.migrate()

    def migrate(self) -> str:
        """Upgrades the schema to the newest revision (storage/migrations); returns it.

        A database created by release 0.1 (tables, no revision) is first stamped at the baseline. A
        database with a revision this code does not know (a newer release wrote it) is refused: the
        code would misread it. On PostgreSQL an advisory lock lets one process migrate at a time.
        """
        with self.engine.connect() as conn:
            if self.is_sqlite:
                # SQLite rebuilds a table to alter it; with foreign keys enforced, dropping the old copy
                # of a referenced table fails. Checked again below, after the migrations.
                conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
                conn.commit()
            try:
                with conn.begin():
                    head = self._upgrade(conn)
                    if self.is_sqlite:
                        broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                        if broken:
                            raise RuntimeError(f"the migration broke {len(broken)} foreign keys: {broken[:5]}")
            finally:
                if self.is_sqlite:
                    conn.exec_driver_sql("PRAGMA foreign_keys=ON")
                    conn.commit()
            return head

    def _upgrade(self, conn: Connection) -> str:
        if conn.dialect.name == "postgresql":
            conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK})")
        config = _alembic_config(conn)
        script = ScriptDirectory.from_config(config)
        current = MigrationContext.configure(conn).get_current_revision()
        if current is None and inspect(conn).has_table("bloc"):
            command.stamp(config, BASELINE)  # created by release 0.1's create_all
        elif current is not None and current not in {r.revision for r in script.walk_revisions()}:
            raise NewerDatabaseError(current, script.get_current_head() or "")
        command.upgrade(config, "head")
        return script.get_current_head() or ""

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work: commits on success, rolls back on any exception.

        ``expire_on_commit=False`` keeps loaded rows readable after commit, so replies can be
        rendered from them without a second query.
        """
        with Session(self.engine, expire_on_commit=False, info={"database": self}) as s:
            try:
                yield s
                s.commit()
            except BaseException:
                s.rollback()
                raise

    def wipe_deleted(self) -> bool:
        """Makes deleted rows unreadable on disk now; False when a reader held the old pages (then
        ``wipe_pending`` stays set and the scheduler's next pass tries again)."""
        if not self.is_sqlite:
            # PostgreSQL has no secure_delete: deleted rows stay in the table's pages as dead tuples until
            # VACUUM. VACUUM FULL rewrites the (small: open votes only) ballot table and its indexes into
            # new files and drops the old ones, at once rather than at autovacuum's leisure. It holds the
            # table's lock for milliseconds; ballots of other votes wait that long. The WAL still holds the
            # rows until it is recycled (README, "What a PostgreSQL operator can see").
            with self.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                # Never wait long on the event loop: a ballot being cast elsewhere holds the lock for
                # milliseconds; if it is longer, the scheduler's next pass tries again.
                conn.exec_driver_sql("SET lock_timeout = '2s'")
                try:
                    conn.exec_driver_sql("VACUUM FULL ballot")
                except OperationalError:
                    self.wipe_pending = True
                    log.warning("ballot table busy; its VACUUM is retried on the next pass")
                    return False
            # VACUUM keeps a just-deleted row while any transaction open at that instant (any backend of
            # the cluster whose snapshot predates the close) might still see it, and copies it into the
            # new files. So it runs once more on the scheduler's next pass, when such snapshots are gone.
            self.wipe_pending = not self._second_wipe
            self._second_wipe = not self._second_wipe
            return True
        with self.engine.connect() as conn:
            # A short wait: this runs on the event loop, and a busy checkpoint is simply retried.
            conn.exec_driver_sql("PRAGMA busy_timeout=200")
            try:
                busy = conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").one()[0]
            finally:
                conn.exec_driver_sql(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        self.wipe_pending = bool(busy)
        if busy:
            log.warning("write-ahead log still in use; its checkpoint is retried on the next pass")
        return not busy

    def dispose(self) -> None:
        self.engine.dispose()
