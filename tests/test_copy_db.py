"""Moving a bloc from SQLite to PostgreSQL: `khoibot copy-db` copies every row (ids, times with their
zone, the audit trail, a closed vote's anonymous slips), refuses a target that holds data, and the bot
then runs on the copy and goes on numbering where the original stopped."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, select
from sqlmodel import SQLModel

import storage.models  # noqa: F401 - every table on the metadata
from tests import pg
from tests.harness import DATABASES
from tests.test_console import run_cli
from tests.test_console_votes import SCRIPT as VOTE_SCRIPT


def snapshot(url: str) -> dict[str, list[dict[str, Any]]]:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return {table.name: [dict(r) for r in conn.execute(
                select(table).order_by(*table.primary_key.columns)).mappings()]
                for table in SQLModel.metadata.sorted_tables}
    finally:
        engine.dispose()


def test_a_bloc_moves_from_sqlite_to_postgresql_with_every_row(tmp_path: Path) -> None:
    pg.require()
    source = f"sqlite:///{tmp_path / 'console.db'}"
    # The console runs on the real clock: a deadline next year, whatever today is.
    next_year = datetime.now(UTC).year + 1
    made = run_cli(tmp_path, ["console"],
                   VOTE_SCRIPT.removesuffix("/quit\n") + f"/deadline 30/06/{next_year} 17:00 | Báo cáo năm\n/quit\n")
    assert made.returncode == 0, made.stderr
    target = pg.empty_database()

    out = run_cli(tmp_path, ["copy-db", source, target])
    assert out.returncode == 0, out.stderr
    before, after = snapshot(source), snapshot(target)
    assert before == after  # every row, every value (times compare as the same instants)
    assert before["unit"] and before["auditlog"] and before["ballotslip"] and before["calendaritem"]
    assert "Đã chép" in out.stdout and target.split("@")[-1] not in out.stdout + out.stderr

    # Into a database that holds data: refused, nothing changed.
    again = run_cli(tmp_path, ["copy-db", source, target])
    assert again.returncode == 2 and "đã có dữ liệu" in again.stderr and "Traceback" not in again.stderr
    assert snapshot(target) == after

    # The bot runs on the copy; new rows get new ids (the sequences moved past the copied ones).
    other = tmp_path / "on_pg"
    other.mkdir()
    DATABASES[other] = target
    try:
        used = run_cli(other, ["console"], "/as Quản trị\n/unit_add BDT Ban Dân tộc\n/units\n/quit\n")
    finally:
        DATABASES.pop(other, None)
    assert used.returncode == 0 and "Traceback" not in used.stdout + used.stderr, used.stderr
    units = snapshot(target)["unit"]
    assert [u["code"] for u in units] == ["YTE", "GDDT", "BDT"]
    assert units[-1]["id"] > max(u["id"] for u in before["unit"])


def test_a_copy_that_cannot_reach_its_target_says_so_without_the_password(tmp_path: Path) -> None:
    source = f"sqlite:///{tmp_path / 'src.db'}"
    out = run_cli(tmp_path, ["copy-db", source, "postgresql+psycopg://khoi:hunter2-secret@127.0.0.1:1/nowhere"])
    assert out.returncode == 3 and "Không chép được" in out.stderr
    assert "hunter2-secret" not in out.stdout + out.stderr and "Traceback" not in out.stderr
