"""Alembic's environment: the models' metadata, and the connection the caller hands over.

Run by :func:`storage.db.Database.migrate` (``khoibot migrate`` and every start-up), never by hand with
an ``alembic.ini``: the database URL is the bot's own ``DATABASE_URL``.
"""

from __future__ import annotations

from typing import Any, Literal

from alembic import context
from alembic.autogenerate.api import AutogenContext
from sqlmodel import SQLModel
from sqlmodel.sql.sqltypes import AutoString

import storage.models  # noqa: F401  (registers every table on the metadata)
from storage.models.types import UTCDateTime


def render_item(kind: str, item: Any, autogen: AutogenContext) -> str | Literal[False]:
    """New revisions spell SQLModel's string and the UTC column as plain SQLAlchemy types, so a
    revision does not depend on the code that wrote it."""
    if kind == "type" and isinstance(item, AutoString):
        return f"sa.String(length={item.length})" if item.length else "sa.String()"
    if kind == "type" and isinstance(item, UTCDateTime):
        return "sa.DateTime(timezone=True)"
    return False


connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=SQLModel.metadata,
    # SQLite cannot alter most things in place; batch mode rebuilds the table (data kept).
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
    render_item=render_item,
)
with context.begin_transaction():
    context.run_migrations()
