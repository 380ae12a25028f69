"""Keeping the files people send: content on disk, named by its SHA-256, written atomically.

Nothing a unit submitted is lost: the bytes are on disk before the database row that points at
them is committed, and the same content sent twice is stored once.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlmodel import Session

from storage.models import StoredFile

MAX_NAME = 255


@dataclass(frozen=True)
class Saved:
    sha256: str
    size: int


class FileStore:
    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def path_of(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256

    def write(self, content: bytes) -> Saved:
        sha = hashlib.sha256(content).hexdigest()
        target = self.path_of(sha)
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".part-")
            try:
                with os.fdopen(fd, "wb") as handle:
                    handle.write(content)
                    handle.flush()
                    os.fsync(handle.fileno())
                os.replace(tmp, target)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        return Saved(sha, len(content))

    def read(self, sha256: str) -> bytes:
        return self.path_of(sha256).read_bytes()


def record_file(s: Session, saved: Saved, *, file_name: str, mime: str | None, platform: str | None,
                platform_file_id: str | None, now: datetime) -> StoredFile:
    """The database row of a file already written with :meth:`FileStore.write`."""
    row = StoredFile(sha256=saved.sha256, size=saved.size, file_name=(file_name or "tep")[:MAX_NAME], mime=mime,
                     platform=platform, platform_file_id=platform_file_id, stored_at=now)
    s.add(row)
    s.flush()
    return row
