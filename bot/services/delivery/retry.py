"""How long to wait before trying a failed send or edit again (shared by the outbox and live posts)."""

from __future__ import annotations

from datetime import timedelta

MAX_BACKOFF = timedelta(minutes=30)


def backoff(attempts: int) -> timedelta:
    """30 s, 1 min, 2 min, ... capped at 30 minutes."""
    return min(MAX_BACKOFF, timedelta(seconds=30 * 2 ** max(0, attempts - 1)))
