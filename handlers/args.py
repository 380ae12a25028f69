"""Reading the arguments officers type: ``|``-separated fields and ``#12`` item ids."""

from __future__ import annotations

import re

from bot.errors import UserError

_ITEM_ID = re.compile(r"^#?(\d{1,9})$")


def fields(args: str) -> list[str]:
    """``20/12/2026 08:00 | Hội nghị | Hội trường`` -> the trimmed fields (empty ones kept)."""
    if not args.strip():
        return []
    return [part.strip() for part in args.split("|")]


def item_id(raw: str, usage_key: str, **params: object) -> int:
    """``#12`` or ``12`` -> 12; anything else is refused with the command's usage text."""
    match = _ITEM_ID.match(raw.strip())
    if match is None:
        raise UserError(usage_key, **params)
    return int(match.group(1))
