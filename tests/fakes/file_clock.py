"""A clock that bot processes of their own read from a file the test writes: time injected across
processes (the test moves it; nobody sleeps waiting for a reminder to fall due)."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path


class FileClock:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._seen: tuple[int, datetime] | None = None

    def now(self) -> datetime:
        stamp = os.stat(self.path).st_mtime_ns
        if self._seen is None or self._seen[0] != stamp:
            self._seen = (stamp, datetime.fromisoformat(self.path.read_text().strip()))
        return self._seen[1]

    def set(self, when: datetime) -> None:
        """Writes the time atomically (a reader never sees half a line)."""
        if when.tzinfo is None:
            raise ValueError("FileClock needs an aware datetime")
        temporary = self.path.with_suffix(".tmp")
        temporary.write_text(when.isoformat())
        os.replace(temporary, self.path)
