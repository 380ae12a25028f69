"""Reading Zalo updates: both envelopes, the key that deduplicates them, the platform-neutral view.

An update (documented shape; ids are opaque strings, ``date`` is epoch milliseconds)::

    {"event_name": "message.text.received",
     "message": {"from": {"id": "6ede9afa66b88fe6d6a9", "display_name": "Ted", "is_bot": false},
                 "chat": {"id": "6ede9afa66b88fe6d6a9", "chat_type": "PRIVATE"},
                 "text": "Xin chào", "message_id": "2d758cb5e222177a4e35", "date": 1750316131602}}

``getUpdates`` and some webhook deliveries wrap it as ``{"ok": true, "result": <update>}``; other
webhook deliveries send it flat. Photos arrive as ``message.image.received`` with a ``photo`` URL
and an optional ``caption``.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from bot.ports import Attachment, ChatInfo, Incoming, Sender
from bot.services.calendar.links import find_url

PLATFORM = "zalo"
TEXT = "message.text.received"
IMAGE = "message.image.received"
STICKER = "message.sticker.received"
UNSUPPORTED = "message.unsupported.received"


def updates_in(body: Any) -> list[dict[str, Any]]:
    """The updates in a body of either envelope (a wrapped ``result`` may also be a list)."""
    if not isinstance(body, dict):
        return []
    inner: Any = body.get("result") if "result" in body else body
    items = inner if isinstance(inner, list) else [inner]
    return [u for u in items if isinstance(u, dict) and isinstance(u.get("event_name"), str)]


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _message(update: dict[str, Any]) -> dict[str, Any]:
    return _dict(update.get("message"))


def update_key(update: dict[str, Any]) -> str:
    """What makes a delivery the same update: Zalo's ``message_id``, or a digest of the update
    when it has none (an identical re-delivery then has the same key)."""
    key = _message(update).get("message_id")
    if key not in (None, ""):
        return f"m:{key}"[:128]
    digest = hashlib.sha256(json.dumps(update, sort_keys=True, ensure_ascii=False).encode()).hexdigest()
    return f"d:{digest}"


def chat_id(update: dict[str, Any]) -> str:
    message = _message(update)
    chat, sender = _dict(message.get("chat")), _dict(message.get("from"))
    return str(chat.get("id") or sender.get("id") or "")[:64]


def to_incoming(update: dict[str, Any]) -> Incoming | None:
    """The platform-neutral message; None when there is nobody to answer (or it is a bot)."""
    message = _message(update)
    sender, chat = _dict(message.get("from")), _dict(message.get("chat"))
    if not sender.get("id") or sender.get("is_bot"):
        return None
    user_id = str(sender["id"])
    name = str(sender.get("display_name") or sender.get("name") or user_id)
    text = str(message.get("text") or message.get("caption") or "")
    attachment: Attachment | None = None
    photo = message.get("photo")
    if update.get("event_name") == IMAGE and isinstance(photo, str) and photo:
        attachment = Attachment("photo", url=photo, file_name=f"zalo_{message.get('message_id') or 'anh'}.jpg",
                                mime="image/jpeg")
    else:
        # Zalo has no file uploads: a link to the document (Drive, the unit's portal) stands for it.
        link = find_url(text)
        if link:
            attachment = Attachment("link", url=link)
    return Incoming(
        sender=Sender(PLATFORM, user_id, name[:200]),
        chat=ChatInfo(PLATFORM, str(chat.get("id") or user_id), str(chat.get("chat_type", "")).upper() == "GROUP"),
        text=text,
        message_id=str(message.get("message_id") or "") or None,
        attachment=attachment,
    )
