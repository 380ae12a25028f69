"""Files people sent (submissions, pledge texts): metadata here, content on disk by SHA-256."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column
from sqlmodel import Field, SQLModel

from storage.models.types import UTCDateTime, utc_now


class StoredFile(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    sha256: str = Field(max_length=64, index=True)
    size: int
    file_name: str = Field(max_length=255)
    mime: str | None = Field(default=None, max_length=120)
    platform: str | None = Field(default=None, max_length=20)
    # The platform's own id, to send the same file again without uploading it.
    platform_file_id: str | None = Field(default=None, max_length=255)
    stored_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False, default=utc_now))
