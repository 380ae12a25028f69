"""Schema migrations: they build exactly the models' schema, and a database of release 0.1 upgrades with
every row kept."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlmodel import SQLModel

from storage.db import Database, NewerDatabaseError
from tests import pg

FIXTURES = Path(__file__).parent / "fixtures"


def _tables(db: Database) -> dict[str, int]:
    with db.engine.connect() as conn:
        names = [r[0] for r in conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' AND name != 'alembic_version'")]
        return {n: int(conn.exec_driver_sql(f"SELECT COUNT(*) FROM {n}").scalar() or 0) for n in names}


def test_the_migrations_build_exactly_the_models_schema(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'fresh.db'}")
    head = db.migrate()
    with db.engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), SQLModel.metadata) == []
        assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == head
    db.dispose()


def test_on_postgresql_the_migrations_build_the_schema_and_the_audit_log_is_append_only() -> None:
    pg.require()
    url = pg.empty_database()
    db = Database(url)
    try:
        head = db.migrate()
        assert db.migrate() == head  # a second start-up changes nothing
        with db.engine.connect() as conn:
            assert compare_metadata(MigrationContext.configure(conn), SQLModel.metadata) == []
        with db.engine.begin() as conn:
            conn.exec_driver_sql("INSERT INTO auditlog (at, actor, action, details) VALUES (now(), 'x', 'test', '{}')")
        for statement in ("UPDATE auditlog SET action = 'changed'", "DELETE FROM auditlog"):
            with pytest.raises(DBAPIError), db.engine.begin() as conn:
                conn.exec_driver_sql(statement)
        # Newer than the code: refused.
        with db.engine.begin() as conn:
            conn.exec_driver_sql("UPDATE alembic_version SET version_num = '9999'")
        with pytest.raises(NewerDatabaseError):
            db.migrate()
    finally:
        db.dispose()
        pg.drop_database(url)


def test_a_release_0_1_database_upgrades_with_every_row_kept(tmp_path: Path) -> None:
    """tests/fixtures/release-0.1.sql is a database the release's own code filled (make_release_0_1_db.py):
    a bloc, units, officers, a deadline with a submission, a conference, a pledge with signatures, closed
    and open votes, reminders, the outbox, the audit trail."""
    path = tmp_path / "release.db"
    with sqlite3.connect(path) as raw:
        raw.executescript((FIXTURES / "release-0.1.sql").read_text(encoding="utf-8"))
    db = Database(f"sqlite:///{path}")
    before = _tables(db)
    assert sum(before.values()) > 200 and all(before[t] for t in ("ballot", "ballotslip", "pledgesignature", "submission"))
    db.migrate()
    after = _tables(db)
    assert {t: after[t] for t in before} == before
    with db.engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), SQLModel.metadata) == []
    # The audit trail is still append-only after the upgrade.
    with pytest.raises(DBAPIError), db.engine.begin() as conn:
        conn.execute(text("DELETE FROM auditlog"))
    db.migrate()  # a second start-up changes nothing
    assert _tables(db) == after
    db.dispose()


def test_a_database_newer_than_the_code_is_refused(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'newer.db'}")
    db.migrate()
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(NewerDatabaseError):
        db.migrate()
    db.dispose()


def test_khoibot_migrate_and_a_newer_database_at_start_up(tmp_path: Path) -> None:
    from alembic.script import ScriptDirectory

    from storage.db import MIGRATIONS
    from tests.test_console import run_cli

    out = run_cli(tmp_path, ["migrate"])
    head = ScriptDirectory(str(MIGRATIONS)).get_current_head()
    assert out.returncode == 0 and f"phiên bản {head}" in out.stdout
    db = Database(f"sqlite:///{tmp_path / 'console.db'}")
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = 'ffff'"))
    db.dispose()
    out = run_cli(tmp_path, ["console"], "/quit\n")
    assert out.returncode == 4 and "ffff" in out.stderr and "Traceback" not in out.stderr
