"""The seam between the core and chat platforms.

Adapters (Telegram, Zalo, console) turn platform updates into :class:`Incoming` values and
implement :class:`Messenger` to render :class:`OutMessage` replies. Platform ids are opaque strings.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

# Telegram's limit; the core keeps every callback payload within it (see callback_data).
CALLBACK_DATA_MAX_BYTES = 64


@dataclass(frozen=True)
class Sender:
    platform: str
    user_id: str
    display_name: str
    username: str | None = None


@dataclass(frozen=True)
class ChatInfo:
    platform: str
    chat_id: str
    is_group: bool
    title: str | None = None


@dataclass(frozen=True)
class Attachment:
    """A file or link a person sent: a document, a photo, or a URL (Zalo has no uploads)."""

    kind: str  # document | photo | link
    file_ref: str | None = None  # the platform's file id, to download through its API
    file_name: str | None = None
    size: int | None = None
    mime: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class SentRef:
    """Where a message the bot sent lives, so it can be edited later."""

    platform: str
    chat_id: str
    message_id: str


@dataclass(frozen=True)
class Incoming:
    """One message from a person, platform-neutral."""

    sender: Sender
    chat: ChatInfo
    text: str = ""
    message_id: str | None = None
    reply_to: SentRef | None = None
    reply_to_bot: bool = False
    attachment: Attachment | None = None
    # The file of the message this one replies to (a head's "/deadline ..." in reply to a template).
    reply_attachment: Attachment | None = None
    # The platform's id of this delivery (Telegram's update_id, Zalo's message id): an update delivered
    # again is recognised by it and changes nothing. None where deliveries are never repeated (console).
    update_key: str | None = None


def callback_data(prefix: str, *parts: object) -> str:
    """Short callback data ``<prefix>:<field>:<field>`` within Telegram's 64 bytes. It carries only ids and
    a verb; every press is validated again on the server (who presses, whether the item still exists and
    is open), so a forged or stale button changes nothing."""
    data = ":".join([prefix, *(str(p) for p in parts)])
    if len(data.encode()) > CALLBACK_DATA_MAX_BYTES:
        raise ValueError(f"callback data too long: {data!r}")
    return data


@dataclass(frozen=True)
class Button:
    """A choice under a message: callback ``data`` (validated on the server) or an ``url``."""

    label: str
    data: str | None = None
    url: str | None = None

    def __post_init__(self) -> None:
        if (self.data is None) == (self.url is None):
            raise ValueError("a button has either callback data or a URL")
        if self.data is not None and len(self.data.encode()) > CALLBACK_DATA_MAX_BYTES:
            raise ValueError(f"callback data over {CALLBACK_DATA_MAX_BYTES} bytes: {self.data!r}")


@dataclass(frozen=True)
class Document:
    filename: str
    content: bytes
    mime: str = "application/octet-stream"


@dataclass
class OutMessage:
    """A reply: plain text (no markup, so user-given names need no escaping), buttons, a file.

    Text-only platforms (Zalo) show buttons as numbered choices answered by typing a number, and
    a document as a download link or a description. ``numbered_reply`` is for a multi-choice menu
    such as a ballot: the text numbers its items itself, text-only platforms drop the buttons, and
    the numbers a person types complete this command ("/phieu #12" + "2 5" -> "/phieu #12 2 5"),
    which the feature validates as any typed command. Telegram ignores it.
    """

    text: str
    buttons: list[list[Button]] = field(default_factory=list)
    document: Document | None = None
    numbered_reply: str | None = None
    # Bulk messages (reminders and notices from the outbox, live-post edits) wait behind interactive
    # ones (a reply to what someone just typed) where the platform limits the bot's sending rate.
    bulk: bool = False


class SendError(Exception):
    """Sending failed for a reason worth retrying later."""


class RecipientUnavailable(SendError):
    """The person blocked the bot or the chat is gone: record it, do not retry."""


class Messenger(Protocol):
    """What the core needs from a chat platform."""

    platform: str
    supports_buttons: bool
    supports_edits: bool
    supports_groups: bool

    async def send(self, chat_id: str, message: OutMessage) -> SentRef:
        """Sends; raises RecipientUnavailable or SendError."""
        ...

    async def edit(self, ref: SentRef, message: OutMessage) -> None:
        """Replaces a sent message's text and buttons (or sends anew where edits are impossible)."""
        ...

    async def is_group_admin(self, chat_id: str, user_id: str) -> bool: ...

    async def delete(self, ref: SentRef) -> bool:
        """Deletes a message, a member's where the bot has the right to; False where it cannot."""
        ...

    def backlog(self, chat_id: str) -> float:
        """Seconds a message to ``chat_id`` would now wait for the platform's flood limit (a busy group)."""
        ...

    def share_limits(self, processes: int) -> None:
        """``processes`` bot processes now send for this bot: keep to this share of its flood limits."""
        ...

    def deep_link(self, payload: str) -> str | None:
        """A link that opens a private chat with the bot and sends ``/start <payload>``."""
        ...

    async def download(self, attachment: Attachment) -> bytes: ...
