"""A fake Telegram Bot API: the state and the methods, independent of transport.

It plays the people: officers write in a group and in private chats, press buttons, upload files;
the bot's calls are recorded. Served over real HTTP by :mod:`tests.fakes.telegram_http`, or
in-process by :mod:`tests.fakes.telegram_inprocess` for fast tests.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

BOT_ID = 900_000_001
BOT_USERNAME = "KhoiTestBot"
TOKEN = f"{BOT_ID}:TEST-TOKEN-abcdefghijklmnopqrstuvwxyz"

_INT_FIELDS = {"chat_id", "message_id", "user_id", "offset", "limit", "timeout", "reply_to_message_id",
               "from_chat_id", "cache_time"}


class ApiError(Exception):
    def __init__(self, code: int, description: str, retry_after: int | None = None) -> None:
        super().__init__(description)
        self.code, self.description, self.retry_after = code, description, retry_after

    def payload(self) -> dict[str, Any]:
        out: dict[str, Any] = {"ok": False, "error_code": self.code, "description": self.description}
        if self.retry_after is not None:
            out["parameters"] = {"retry_after": self.retry_after}
        return out


@dataclass(frozen=True)
class TgUser:
    id: int
    first_name: str
    last_name: str | None = None
    username: str | None = None

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "is_bot": False, "first_name": self.first_name}
        if self.last_name:
            out["last_name"] = self.last_name
        if self.username:
            out["username"] = self.username
        return out

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}" if self.last_name else self.first_name


@dataclass
class TgChat:
    id: int
    type: str  # private | group | supergroup
    title: str | None = None
    admins: set[int] = field(default_factory=set)
    user: TgUser | None = None  # for private chats

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "type": self.type}
        if self.title:
            out["title"] = self.title
        if self.user is not None:
            out["first_name"] = self.user.first_name
        return out


@dataclass
class Call:
    method: str
    params: dict[str, Any]
    at: float
    via: str = ""  # which bot process called (the path prefix of its TELEGRAM_API_BASE_URL), if several


def _coerce(params: dict[str, Any]) -> dict[str, Any]:
    """Form fields arrive JSON-encoded as strings; turn them back into values."""
    out: dict[str, Any] = {}
    for key, value in params.items():
        if isinstance(value, str):
            if key in _INT_FIELDS:
                try:
                    value = int(value)
                except ValueError:
                    pass
            elif value[:1] in "[{" or value in ("true", "false"):
                try:
                    value = json.loads(value)
                except ValueError:
                    pass
        out[key] = value
    return out


class FakeBotApi:
    def __init__(self) -> None:
        self.bot_user = {"id": BOT_ID, "is_bot": True, "first_name": "KhốiBot", "username": BOT_USERNAME,
                         "can_join_groups": True, "can_read_all_group_messages": False,
                         "supports_inline_queries": False}
        self.updates: list[dict[str, Any]] = []
        self._update_ids = itertools.count(1)
        self._message_ids = itertools.count(1000)
        self._file_ids = itertools.count(1)
        self._group_ids = itertools.count(1)
        self._callback_ids = itertools.count(1)
        self.chats: dict[int, TgChat] = {}
        self.messages: dict[tuple[int, int], dict[str, Any]] = {}
        self.files: dict[str, tuple[str, bytes]] = {}  # file_id -> (file_path, content)
        self.calls: list[Call] = []
        self.callback_answers: dict[str, dict[str, Any]] = {}
        self.blocked: set[int] = set()
        # Groups where the bot is an admin allowed to delete members' messages; deleted (chat, message).
        self.can_delete: set[int] = set()
        self.deleted: list[tuple[int, int]] = []
        self.faults: list[tuple[str, ApiError, Callable[[dict[str, Any]], bool]]] = []
        self._event = asyncio.Event()
        self.processed: set[int] = set()
        self.times_processed: dict[int, int] = {}  # update id -> how many times the bot handled it
        self._sent_updates: dict[int, dict[str, Any]] = {}
        self._again: list[dict[str, Any]] = []  # updates Telegram delivers once more (offset not confirmed)
        # Set while the bot stops: a long poll in flight returns at once instead of at its timeout.
        self.polls_closed = False
        # Every message the bot sent, in order (edits change these dicts in place).
        self.bot_log: list[dict[str, Any]] = []
        # Webhook mode (setWebhook): updates are POSTed, in order, to the URL with the secret header.
        self.webhook: dict[str, Any] | None = None
        self.webhook_statuses: list[int] = []  # the bot's answer to each delivery
        self._hook_queue: list[dict[str, Any]] = []
        self._hook_task: asyncio.Task[None] | None = None
        # With no adapter in this process (bot processes of their own), an update counts as processed
        # when the bot answered its webhook delivery 200 (it handles before answering).
        self.mark_on_answer = False
        # Several updates in flight at once, as Telegram's max_connections allows; never two of one chat.
        self.webhook_connections = 1

    # --- people and chats ---------------------------------------------------------------------
    def group(self, title: str, admins: list[TgUser] | None = None) -> TgChat:
        chat = TgChat(id=-1_000_000_000_000 - next(self._group_ids), type="supergroup", title=title,
                      admins={u.id for u in admins or []})
        self.chats[chat.id] = chat
        return chat

    def private(self, user: TgUser) -> TgChat:
        chat = self.chats.get(user.id)
        if chat is None:
            chat = TgChat(id=user.id, type="private", user=user)
            self.chats[chat.id] = chat
        return chat

    # --- what people do -------------------------------------------------------------------------
    def _push(self, update: dict[str, Any]) -> int:
        update_id = next(self._update_ids)
        update["update_id"] = update_id
        self._sent_updates[update_id] = update
        if self.webhook is not None:
            self._hook_queue.append(update)
        else:
            self.updates.append(update)
        self._notify()
        return update_id

    async def _deliver_by_webhook(self) -> None:
        """Posts queued updates to the webhook, up to ``webhook_connections`` at once but one at a time
        per chat (a chat's updates keep their order, as Telegram does); an update not answered 200 is
        tried again (the secret header is sent as set)."""
        import aiohttp

        in_flight: set[int] = set()  # chats with a delivery under way
        tasks: set[asyncio.Task[None]] = set()

        def chat_of(update: dict[str, Any]) -> int:
            inner = update.get("message") or (update.get("callback_query") or {}).get("message") or {}
            if "callback_query" in update:
                return int(update["callback_query"]["from"]["id"])
            return int((inner.get("chat") or {}).get("id", 0))

        async def post(http: aiohttp.ClientSession, update: dict[str, Any], hook: dict[str, Any], chat: int) -> None:
            headers = {"X-Telegram-Bot-Api-Secret-Token": hook.get("secret_token") or ""}
            try:
                async with http.post(hook["url"], json=update, headers=headers) as response:
                    status = response.status
            except aiohttp.ClientError:
                status = 599
            self.webhook_statuses.append(status)
            if status == 200:
                if self.mark_on_answer:
                    self.mark_processed(update["update_id"])
            else:
                await asyncio.sleep(0.05)
                self._hook_queue.insert(0, update)  # first again: its chat's later updates wait behind it
            in_flight.discard(chat)  # before the notice: the loop re-checks on it
            self._notify()

        def next_ready() -> int | None:
            if len(in_flight) >= self.webhook_connections:
                return None
            return next((i for i, u in enumerate(self._hook_queue) if chat_of(u) not in in_flight), None)

        async with aiohttp.ClientSession() as http:
            while self.webhook is not None:
                index = next_ready()
                if index is None:
                    await self.wait_for(lambda: next_ready() is not None or self.webhook is None, within=3600)
                    continue
                update = self._hook_queue.pop(index)
                chat = chat_of(update)
                in_flight.add(chat)
                task = asyncio.create_task(post(http, update, self.webhook, chat))
                tasks.add(task)
                task.add_done_callback(tasks.discard)
            for task in list(tasks):
                task.cancel()

    def _user_message(self, user: TgUser, chat: TgChat, reply_to: dict[str, Any] | None) -> dict[str, Any]:
        msg: dict[str, Any] = {"message_id": next(self._message_ids), "date": int(time.time()),
                               "chat": chat.as_dict(), "from": user.as_dict()}
        if reply_to is not None:
            msg["reply_to_message"] = reply_to
        return msg

    def send_text(self, user: TgUser, chat: TgChat, text: str, reply_to: dict[str, Any] | None = None) -> int:
        msg = self._user_message(user, chat, reply_to)
        msg["text"] = text
        if text.startswith("/"):
            msg["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
        self.messages[(chat.id, msg["message_id"])] = msg
        return self._push({"message": msg})

    def upload(self, content: bytes, file_name: str) -> str:
        file_id = f"FILE{next(self._file_ids)}"
        self.files[file_id] = (f"documents/{file_id}_{file_name}", content)
        return file_id

    def send_document(self, user: TgUser, chat: TgChat, content: bytes, file_name: str, caption: str = "",
                      reply_to: dict[str, Any] | None = None, mime: str = "application/pdf") -> int:
        file_id = self.upload(content, file_name)
        msg = self._user_message(user, chat, reply_to)
        msg["document"] = {"file_id": file_id, "file_unique_id": f"U{file_id}", "file_name": file_name,
                           "mime_type": mime, "file_size": len(content)}
        if caption:
            msg["caption"] = caption
            if caption.startswith("/"):
                msg["caption_entities"] = [{"type": "bot_command", "offset": 0, "length": len(caption.split()[0])}]
        self.messages[(chat.id, msg["message_id"])] = msg
        return self._push({"message": msg})

    def press(self, user: TgUser, message: dict[str, Any], data: str) -> tuple[int, str]:
        """Presses a button (any data: tests also forge some); returns (update id, callback id)."""
        callback_id = f"CB{next(self._callback_ids)}"
        update_id = self._push({"callback_query": {"id": callback_id, "from": user.as_dict(), "message": message,
                                                    "chat_instance": "ci", "data": data}})
        return update_id, callback_id

    def migrate(self, chat: TgChat, admin: TgUser) -> tuple[TgChat, int]:
        """Upgrades a group to a supergroup with a new id, as Telegram does; returns it and the update id."""
        new = TgChat(id=chat.id * 10, type="supergroup", title=chat.title, admins=set(chat.admins))
        self.chats[new.id] = new
        msg = self._user_message(admin, chat, None)
        msg["migrate_to_chat_id"] = new.id
        return new, self._push({"message": msg})

    def block(self, user: TgUser) -> None:
        self.blocked.add(user.id)

    def fail(self, method: str, error: ApiError, when: Callable[[dict[str, Any]], bool] = lambda p: True) -> None:
        """The next call of ``method`` matching ``when`` fails with ``error``."""
        self.faults.append((method, error, when))

    # --- what the bot sent ------------------------------------------------------------------------
    def bot_messages(self, chat_id: int | None = None) -> list[dict[str, Any]]:
        return [m for (cid, _), m in sorted(self.messages.items(), key=lambda kv: kv[0][1])
                if m["from"]["id"] == BOT_ID and (chat_id is None or cid == chat_id)]

    def calls_of(self, method: str) -> list[Call]:
        return [c for c in self.calls if c.method == method]

    # --- synchronisation ----------------------------------------------------------------------------
    def _notify(self) -> None:
        # Wake every waiter: they re-check their condition and wait on the next event.
        event, self._event = self._event, asyncio.Event()
        event.set()

    def close_polls(self) -> None:
        self.polls_closed = True
        self._notify()

    def open_polls(self) -> None:
        self.polls_closed = False

    def mark_processed(self, update_id: int) -> None:
        self.processed.add(update_id)
        self.times_processed[update_id] = self.times_processed.get(update_id, 0) + 1
        self._notify()

    def redeliver(self, update_id: int) -> None:
        """Delivers an update once more, as Telegram does when the bot crashed after handling it but
        before its offset was confirmed (or, by webhook, before it answered)."""
        again = json.loads(json.dumps(self._sent_updates[update_id]))
        if self.webhook is not None:
            self._hook_queue.append(again)
        else:
            self._again.append(again)
        self._notify()

    async def wait_for(self, predicate: Callable[[], bool], within: float = 10.0) -> None:
        """Waits until ``predicate()`` holds; each call of the API or processed update re-checks it."""
        async with asyncio.timeout(within):
            while not predicate():
                await self._event.wait()

    # --- the Bot API ---------------------------------------------------------------------------------
    async def call(self, method: str, raw_params: dict[str, Any], files: dict[str, tuple[str, bytes]],
                   via: str = "") -> dict[str, Any]:
        params = _coerce(raw_params)
        self.calls.append(Call(method, params, time.monotonic(), via))
        for index, (name, error, when) in enumerate(self.faults):
            if name == method and when(params):
                del self.faults[index]
                self._notify()
                return error.payload()
        handler = getattr(self, f"m_{method}", None)
        if handler is None:
            return ApiError(404, f"Not Found: method {method} not faked").payload()
        try:
            result = await handler(params, files) if method in ("getUpdates",) else handler(params, files)
        except ApiError as exc:
            return exc.payload()
        self._notify()
        return {"ok": True, "result": result}

    def _chat(self, chat_id: Any) -> TgChat:
        chat = self.chats.get(int(chat_id))
        if chat is None:
            raise ApiError(400, "Bad Request: chat not found")
        if chat.type == "private" and chat.id in self.blocked:
            raise ApiError(403, "Forbidden: bot was blocked by the user")
        return chat

    def _bot_message(self, chat: TgChat, params: dict[str, Any]) -> dict[str, Any]:
        msg: dict[str, Any] = {"message_id": next(self._message_ids), "date": int(time.time()),
                               "chat": chat.as_dict(), "from": self.bot_user}
        if params.get("reply_markup"):
            msg["reply_markup"] = params["reply_markup"]
        self.messages[(chat.id, msg["message_id"])] = msg
        self.bot_log.append(msg)
        return msg

    def m_getMe(self, params: dict[str, Any], files: Any) -> dict[str, Any]:
        return self.bot_user

    def m_deleteWebhook(self, params: dict[str, Any], files: Any) -> bool:
        self.webhook = None
        self._notify()
        return True

    def m_setWebhook(self, params: dict[str, Any], files: Any) -> bool:
        self.webhook = {"url": params["url"], "secret_token": params.get("secret_token")}
        if self._hook_task is None or self._hook_task.done():
            self._hook_task = asyncio.get_running_loop().create_task(self._deliver_by_webhook())
        return True

    def m_setMyCommands(self, params: dict[str, Any], files: Any) -> bool:
        for command in params.get("commands", []):
            if not (1 <= len(command["command"]) <= 32 and 1 <= len(command["description"]) <= 256):
                raise ApiError(400, "Bad Request: BOT_COMMAND_INVALID")
        return True

    async def m_getUpdates(self, params: dict[str, Any], files: Any) -> list[dict[str, Any]]:
        if self.webhook is not None:
            raise ApiError(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first")
        offset = int(params.get("offset") or 0)
        limit = int(params.get("limit") or 100)
        timeout = float(params.get("timeout") or 0)
        if offset:
            self.updates = [u for u in self.updates if u["update_id"] >= offset]
        if self.polls_closed:
            return []
        if self._again:
            again, self._again = self._again, []
            return again
        if not self.updates and timeout > 0:
            try:
                await self.wait_for(lambda: bool(self.updates or self._again) or self.polls_closed, within=timeout)
            except TimeoutError:
                return []
            if self.polls_closed:
                return []
            if self._again:
                again, self._again = self._again, []
                return again
        return self.updates[:limit]

    def m_sendMessage(self, params: dict[str, Any], files: Any) -> dict[str, Any]:
        chat = self._chat(params["chat_id"])
        text = params.get("text", "")
        if not text or len(text) > 4096:
            raise ApiError(400, "Bad Request: message text is empty or too long")
        msg = self._bot_message(chat, params)
        msg["text"] = text
        return msg

    def m_sendPhoto(self, params: dict[str, Any], files: dict[str, tuple[str, bytes]]) -> dict[str, Any]:
        chat = self._chat(params["chat_id"])
        attached = files.get("photo")
        if attached is None or not attached[1].startswith(b"\x89PNG\r\n\x1a\n"):
            raise ApiError(400, "Bad Request: IMAGE_PROCESS_FAILED")
        name, content = attached
        file_id = self.upload(content, name)
        msg = self._bot_message(chat, params)
        msg["photo"] = [{"file_id": file_id, "file_unique_id": f"U{file_id}", "file_size": len(content),
                         "width": 990, "height": 600}]
        if params.get("caption"):
            msg["caption"] = params["caption"]
        return msg

    def m_sendDocument(self, params: dict[str, Any], files: dict[str, tuple[str, bytes]]) -> dict[str, Any]:
        chat = self._chat(params["chat_id"])
        attached = files.get("document")
        if attached is None:
            raise ApiError(400, "Bad Request: there is no document in the request")
        name, content = attached
        file_id = self.upload(content, name)
        msg = self._bot_message(chat, params)
        msg["document"] = {"file_id": file_id, "file_unique_id": f"U{file_id}", "file_name": name,
                           "file_size": len(content)}
        if params.get("caption"):
            msg["caption"] = params["caption"]
        return msg

    def _edit(self, params: dict[str, Any]) -> dict[str, Any]:
        key = (int(params["chat_id"]), int(params["message_id"]))
        msg = self.messages.get(key)
        if msg is None or msg["from"]["id"] != BOT_ID:
            raise ApiError(400, "Bad Request: message to edit not found")
        return msg

    def m_editMessageText(self, params: dict[str, Any], files: Any) -> dict[str, Any]:
        msg = self._edit(params)
        markup = params.get("reply_markup")
        if msg.get("text") == params["text"] and msg.get("reply_markup") == markup:
            raise ApiError(400, "Bad Request: message is not modified")
        msg["text"] = params["text"]
        if markup:
            msg["reply_markup"] = markup
        else:
            msg.pop("reply_markup", None)
        msg["edit_count"] = msg.get("edit_count", 0) + 1
        return msg

    def m_editMessageReplyMarkup(self, params: dict[str, Any], files: Any) -> dict[str, Any]:
        msg = self._edit(params)
        if params.get("reply_markup"):
            msg["reply_markup"] = params["reply_markup"]
        else:
            msg.pop("reply_markup", None)
        return msg

    def m_deleteMessage(self, params: dict[str, Any], files: Any) -> bool:
        key = (int(params["chat_id"]), int(params["message_id"]))
        msg = self.messages.get(key)
        if msg is None:
            raise ApiError(400, "Bad Request: message to delete not found")
        if key[0] < 0 and msg["from"]["id"] != BOT_ID and key[0] not in self.can_delete:
            raise ApiError(400, "Bad Request: message can't be deleted")
        del self.messages[key]
        self.deleted.append(key)
        return True

    def m_answerCallbackQuery(self, params: dict[str, Any], files: Any) -> bool:
        self.callback_answers[params["callback_query_id"]] = params
        return True

    def m_getChatMember(self, params: dict[str, Any], files: Any) -> dict[str, Any]:
        chat = self._chat(params["chat_id"])
        user_id = int(params["user_id"])
        user = {"id": user_id, "is_bot": False, "first_name": str(user_id)}
        if user_id in chat.admins:
            flags = dict.fromkeys(
                ("can_manage_chat", "can_delete_messages", "can_manage_video_chats", "can_restrict_members",
                 "can_promote_members", "can_change_info", "can_invite_users", "can_post_stories",
                 "can_edit_stories", "can_delete_stories"), True)
            return {"status": "administrator", "user": user, "can_be_edited": False, "is_anonymous": False,
                    **flags}
        return {"status": "member", "user": user}

    def m_getFile(self, params: dict[str, Any], files: Any) -> dict[str, Any]:
        entry = self.files.get(params["file_id"])
        if entry is None:
            raise ApiError(400, "Bad Request: invalid file_id")
        path, content = entry
        return {"file_id": params["file_id"], "file_unique_id": f"U{params['file_id']}", "file_size": len(content),
                "file_path": path}

    def file_content(self, path: str) -> bytes | None:
        for file_path, content in self.files.values():
            if file_path == path:
                return content
        return None

    def m_sendChatAction(self, params: dict[str, Any], files: Any) -> bool:
        return True
