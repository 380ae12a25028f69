"""Moving a deployment's data from one database to another (SQLite to PostgreSQL when a province
outgrows one process): ``khoibot copy-db <from-url> <to-url>``.

Both databases are first brought to the code's schema (the same migrations the bot runs at start),
then every table is copied in the order its foreign keys need, in batches, in one transaction on the
target: a copy that fails leaves the target as empty as it was. The target must be empty, so nothing
is ever merged or overwritten. On PostgreSQL the id sequences are then moved past the copied ids.
The stored files (KHOIBOT_FILES_DIR) are not in the database: copy that directory as well.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Integer, func, select, text
from sqlmodel import SQLModel

import storage.models  # noqa: F401 - registers every table on the metadata
from storage.db import Database

BATCH = 1000


class TargetNotEmpty(RuntimeError):
    def __init__(self, table: str, rows: int) -> None:
        super().__init__(f"the target database already holds data ({rows} rows in {table})")
        self.table, self.rows = table, rows


@dataclass(frozen=True)
class Copied:
    tables: dict[str, int]  # rows copied per table

    @property
    def total(self) -> int:
        return sum(self.tables.values())


def copy_database(source_url: str, target_url: str) -> Copied:
    source, target = Database(source_url), Database(target_url)
    try:
        source.migrate()
        target.migrate()
        tables = SQLModel.metadata.sorted_tables  # parents before the tables that refer to them
        with target.engine.connect() as check:
            for table in tables:
                rows = check.execute(select(func.count()).select_from(table)).scalar_one()
                if rows:
                    raise TargetNotEmpty(table.name, rows)
        copied: dict[str, int] = {}
        with source.engine.connect() as reader, target.engine.begin() as writer:
            for table in tables:
                order = list(table.primary_key.columns)
                result = reader.execution_options(stream_results=True).execute(select(table).order_by(*order))
                count = 0
                while batch := result.mappings().fetchmany(BATCH):
                    writer.execute(table.insert(), [dict(row) for row in batch])
                    count += len(batch)
                copied[table.name] = count
            if writer.dialect.name == "postgresql":
                for table in tables:
                    key = list(table.primary_key.columns)
                    if len(key) == 1 and isinstance(key[0].type, Integer) and key[0].autoincrement in (True, "auto"):
                        # The next id after the copied ones (a fresh sequence would hand out 1 again).
                        writer.execute(text(
                            f"SELECT setval(pg_get_serial_sequence('{table.name}', '{key[0].name}'), "
                            f"COALESCE((SELECT MAX({key[0].name}) FROM {table.name}), 0) + 1, false)"))
        return Copied(copied)
    finally:
        source.dispose()
        target.dispose()
