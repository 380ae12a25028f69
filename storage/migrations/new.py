"""Writes a new revision for the models' changes: ``make revision MSG="what changed"`` (developers).

Brings a scratch SQLite database to the newest revision and lets Alembic compare it with the models;
read and adjust the generated file (PostgreSQL-only details, data to move) before committing it.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from alembic import command
from alembic.script import ScriptDirectory

from storage.db import MIGRATIONS, Database, _alembic_config


def main() -> None:
    message = " ".join(sys.argv[1:]).strip() or "schema change"
    head = ScriptDirectory(str(MIGRATIONS)).get_current_head() or "0000"
    number = f"{int(head) + 1:04d}"
    with tempfile.TemporaryDirectory() as tmp:
        db = Database(f"sqlite:///{Path(tmp) / 'scratch.db'}")
        with db.engine.begin() as conn:
            config = _alembic_config(conn)
            command.upgrade(config, "head")
            command.revision(config, message=message, autogenerate=True, rev_id=number)
        db.dispose()


if __name__ == "__main__":
    main()
