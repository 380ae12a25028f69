"""Short callback data: ``<prefix>:<field>:<field>``, checked against Telegram's 64-byte limit.

Data carries only ids and a verb; every press is re-validated on the server (who presses, whether
the item still exists and is open), so a forged or stale button changes nothing.
"""

from __future__ import annotations

from bot.ports import CALLBACK_DATA_MAX_BYTES


def callback_data(prefix: str, *parts: object) -> str:
    data = ":".join([prefix, *(str(p) for p in parts)])
    if len(data.encode()) > CALLBACK_DATA_MAX_BYTES:
        raise ValueError(f"callback data too long: {data!r}")
    return data
