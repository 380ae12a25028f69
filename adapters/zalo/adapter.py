"""Wires Zalo's Bot API to the core: receive (long polling or webhook), keep, handle, answer.

- Keep: every update is written to the inbox (:mod:`bot.services.delivery.inbox`) before it is handled
  (unique per message id), so an update that was received survives a crash, and one delivered twice is
  handled once. Once handled, only its key is kept (a week): the text is erased, ballots included.
  ``getUpdates`` forgets an update once it has returned it, so the poller keeps retrying the write
  rather than ask for the next one.
- Handle: updates of one chat in order, different chats concurrently; numbers typed as an answer
  ("2", "2 5") are matched to the numbered choices last shown in that chat.
- Back off on 429, 5xx and network errors (doubling, up to a minute); never spin.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from collections.abc import Awaitable, Callable
from dataclasses import replace
from typing import Any

from adapters.web import WebServer
from adapters.zalo import updates
from adapters.zalo.client import TOO_MANY, ZaloApiError, ZaloClient, ZaloNetworkError
from adapters.zalo.messenger import PLATFORM, ZaloMessenger
from adapters.zalo.web import register as register_routes
from bot.core import Core
from bot.errors import StartupError
from bot.i18n import t
from bot.ports import Attachment, Incoming, OutMessage, SendError, SentRef
from bot.services.delivery import inbox, menus, shared_files
from handlers.dispatch import Dispatcher

log = logging.getLogger(__name__)

WORKERS = 32
MAX_BACKOFF = 60.0
MAX_ATTEMPTS = 3  # an update that crashed the process this often is given up (and logged)
PRUNE_EVERY = 3600.0
STOP_GRACE = 5.0  # seconds given to updates being handled when the bot stops


class ZaloAdapter:
    def __init__(
        self,
        core: Core,
        dispatcher: Dispatcher,
        *,
        webhook: bool = False,
        client: ZaloClient | None = None,
        poll_timeout: int = 10,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        on_processed: Callable[[str], None] | None = None,
        web: WebServer | None = None,
    ) -> None:
        settings = core.settings
        token = settings.zalo_token()
        if not token and client is None:
            raise ValueError("ZALO_BOT_TOKEN is not set")
        if webhook and not (settings.webhook_secret() and settings.khoibot_public_url):
            raise ValueError("the Zalo webhook needs ZALO_WEBHOOK_SECRET and KHOIBOT_PUBLIC_URL")
        self.core = core
        self.dispatcher = dispatcher
        self.webhook = webhook
        self.client = client or ZaloClient(token or "", settings.zalo_api_base_url)
        # A web server runs when the bot has a public address: Zalo's webhook, and file links.
        self.serves_http = settings.khoibot_public_url is not None
        self.messenger = ZaloMessenger(core, self.client, file_links=self.serves_http, sleep=sleep)
        core.add_messenger(self.messenger)
        self.poll_timeout = poll_timeout
        self._sleep = sleep  # injected so tests of back-off never wait
        self._on_processed = on_processed
        self._queue: asyncio.Queue[int] = asyncio.Queue()
        self._tasks: list[asyncio.Task[None]] = []  # receiving: the poller, the pruner
        self._poller: asyncio.Task[None] | None = None
        self._stopping = False
        self._polling = False  # a getUpdates is in flight
        self._workers: list[asyncio.Task[None]] = []  # handling
        self._locks: dict[str, asyncio.Lock] = {}
        self._users: dict[str, int] = {}
        # The process's web server (shared with Telegram's webhook), or one of its own when none is given.
        self._own_web = web is None and self.serves_http
        self.web = web if web is not None else (WebServer(core) if self.serves_http else None)
        if self.web is not None:
            register_routes(self.web, self)

    # --- lifecycle --------------------------------------------------------------------------------
    async def start(self) -> None:
        try:
            await self._start()
        except BaseException:
            await self.stop()  # a webhook Zalo refused: leave nothing running behind
            raise

    async def _start(self) -> None:
        try:
            me = await self.client.get_me() or {}
            log.info("Zalo bot %s connected", me.get("account_name") or me.get("display_name") or me.get("id"))
        except ZaloApiError as exc:
            if exc.code in (401, 403, 404):
                raise StartupError("ZALO_BOT_TOKEN", "rejected") from None
            log.warning("Zalo getMe failed (%s); will keep trying to receive", exc)
        except ZaloNetworkError as exc:
            log.warning("Zalo getMe failed (%s); will keep trying to receive", exc)
        self.prune()
        for row_id in self._unhandled():  # kept by a process that stopped before handling them
            self._queue.put_nowait(row_id)
        self._workers = [asyncio.create_task(self._worker(), name=f"zalo-worker-{i}") for i in range(WORKERS)]
        self._tasks.append(asyncio.create_task(self._prune_loop(), name="zalo-prune"))
        if self._own_web and self.web is not None:
            await self.web.start()
        if self.webhook:
            settings = self.core.settings
            url = f"{settings.khoibot_public_url}{settings.zalo_webhook_path}"
            await self.client.set_webhook(url, settings.webhook_secret() or "")
            log.info("Zalo webhook set to %s", url)
        else:
            try:
                await self.client.delete_webhook()  # polling and a webhook cannot be used together
            except (ZaloApiError, ZaloNetworkError) as exc:
                log.info("Zalo deleteWebhook: %s", exc)
            self._poller = asyncio.create_task(self._poll(), name="zalo-poll")
            self._tasks.append(self._poller)

    async def stop(self) -> None:
        """Stops receiving, gives updates being handled a moment to finish, then stops. An update
        still unhandled stays in the database and is handled by the next start.

        A getUpdates in flight is let finish (at most the poll's timeout) and what it returns is
        kept: abandoned, it could still take the next update from Zalo, which never returns an
        update twice, and that update would be lost.
        """
        self._stopping = True
        poller = self._poller
        if poller is not None and self._polling and not poller.done():
            with contextlib.suppress(TimeoutError, asyncio.CancelledError):
                await asyncio.wait_for(asyncio.shield(poller), self.poll_timeout + STOP_GRACE)
        for task in self._tasks:
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        self._tasks, self._poller = [], None
        if self._own_web and self.web is not None:
            await self.web.stop()
        if self._workers:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._queue.join(), STOP_GRACE)
        for task in self._workers:
            task.cancel()
        await asyncio.gather(*self._workers, return_exceptions=True)
        self._workers = []
        await self.client.close()

    def _unhandled(self) -> list[int]:
        with self.core.db.session() as s:
            return inbox.unhandled(s, PLATFORM)

    def prune(self) -> None:
        """Forgets updates handled more than a week ago, and expired file links."""
        now = self.core.now()
        with self.core.db.session() as s:
            inbox.prune(s, now, PLATFORM)
            shared_files.prune(s, now)

    async def _prune_loop(self) -> None:
        while True:
            await asyncio.sleep(PRUNE_EVERY)
            try:
                self.prune()
            except Exception:
                log.exception("pruning Zalo updates failed")

    # --- receiving ----------------------------------------------------------------------------------
    async def receive(self, body: Any) -> int:
        """Keeps the updates of a body (either envelope) and queues them; returns how many were new.

        Raises if the database cannot keep them: the webhook then answers 500 (Zalo delivers
        again) and the poller retries.
        """
        new = 0
        for update in updates.updates_in(body):
            with self.core.db.session() as s:
                row_id = inbox.keep(s, platform=PLATFORM, key=updates.update_key(update),
                                    chat_id=updates.chat_id(update), payload=json.dumps(update, ensure_ascii=False),
                                    now=self.core.now())
            if row_id is None:
                continue  # delivered twice: handled once
            self._queue.put_nowait(row_id)
            new += 1
        return new

    async def _poll(self) -> None:
        failures = 0
        while not self._stopping:
            try:
                result = await self._get_updates()
            except asyncio.CancelledError:
                raise
            except ZaloApiError as exc:
                failures += 1
                if exc.retryable:
                    log.warning("Zalo getUpdates: %s", exc)
                else:  # a wrong token or a method refused: keep trying, slowly, and say so loudly
                    log.error("Zalo getUpdates refused: %s", exc)
                await self._sleep(self._backoff(failures, exc.code == TOO_MANY or not exc.retryable))
                continue
            except ZaloNetworkError as exc:
                failures += 1
                log.warning("Zalo unreachable: %s", exc)
                await self._sleep(self._backoff(failures))
                continue
            failures = 0
            if result is not None:
                await self._keep({"ok": True, "result": result})

    async def _get_updates(self) -> Any:
        self._polling = True  # stop() lets this request finish (see there)
        try:
            return await self.client.get_updates(self.poll_timeout)
        finally:
            self._polling = False

    async def _keep(self, body: dict[str, Any]) -> None:
        """Stores what getUpdates returned, retrying until it is kept: Zalo will not return it again."""
        attempt = 0
        while True:
            try:
                await self.receive(body)
                return
            except asyncio.CancelledError:
                raise
            except Exception:
                attempt += 1
                log.exception("could not keep a Zalo update (attempt %s); retrying", attempt)
                await self._sleep(self._backoff(attempt))

    @staticmethod
    def _backoff(failures: int, slow: bool = False) -> float:
        """1 s, 2 s, 4 s ... (5 s, 10 s ... after a 429), at most a minute."""
        base = 5.0 if slow else 1.0
        return min(MAX_BACKOFF, base * 2 ** max(0, failures - 1))

    # --- handling -----------------------------------------------------------------------------------
    async def _worker(self) -> None:
        while True:
            row_id = await self._queue.get()
            try:
                await self._handle(row_id)
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("Zalo update %s failed", row_id)
            finally:
                self._queue.task_done()

    async def _handle(self, row_id: int) -> None:
        with self.core.db.session() as s:
            taken = inbox.take(s, row_id, max_attempts=MAX_ATTEMPTS, now=self.core.now())
        if taken is None:
            return
        if taken.given_up:
            log.error("giving up on Zalo update %s after %s attempts", taken.key, taken.attempts - 1)
            return
        chat, key, update = taken.chat_id, taken.key, inbox.payload_of(taken)
        # A chat's updates in order: taking the lock does not yield, so the worker that took an
        # earlier update from the queue holds the chat's lock first (asyncio locks are FIFO).
        lock = self._locks.setdefault(chat, asyncio.Lock())
        self._users[chat] = self._users.get(chat, 0) + 1
        try:
            async with lock:
                try:
                    await self._dispatch(update)
                finally:
                    with self.core.db.session() as s:
                        inbox.done(s, row_id, self.core.now())
        finally:
            # Idle chats drop their lock, so memory does not grow with every chat ever seen.
            self._users[chat] -= 1
            if not self._users[chat]:
                del self._users[chat], self._locks[chat]
        if self._on_processed is not None:
            self._on_processed(key)

    async def _say(self, chat_id: str, key: str, **params: object) -> None:
        try:
            await self.messenger.send(chat_id, OutMessage(t(self.messenger.language_of(chat_id), key, **params)))
        except SendError:
            log.warning("Zalo reply to %s failed", chat_id, exc_info=True)

    async def _dispatch(self, update: dict[str, Any]) -> None:
        incoming = updates.to_incoming(update)
        if incoming is None:
            return
        incoming = replace(incoming, update_key=updates.update_key(update))
        chat_id = incoming.chat.chat_id
        if incoming.chat.is_group:  # announced by Zalo, not generally available: answer commands only
            if incoming.text.startswith("/"):
                await self._say(chat_id, "zalo.group_unsupported")
            return
        event = update.get("event_name")
        if event in (updates.STICKER, updates.UNSUPPORTED) or not (incoming.text or incoming.attachment):
            await self._say(chat_id, "zalo.unsupported")
            return
        numbers = menus.parse_numbers(incoming.text) if incoming.attachment is None else None
        if numbers is not None and await self._answer_menu(incoming, numbers):
            return
        await self.dispatcher.handle_message(self.messenger, incoming)

    async def _answer_menu(self, incoming: Incoming, numbers: list[int]) -> bool:
        """Numbers answering the chat's latest menu; False when there is none (plain text then)."""
        chat_id = incoming.chat.chat_id
        with self.core.db.session() as s:
            menu = menus.current(s, platform=PLATFORM, chat_id=chat_id, now=self.core.now())
            if menu is None:
                return False
            choices, numbered_reply, message_id = menus.choices_of(menu), menu.numbered_reply, menu.message_id
        typed = " ".join(str(n) for n in numbers)
        if numbered_reply:  # "2 5" completes the menu's command; the feature checks the numbers
            await self._type(incoming, f"{numbered_reply} {typed}")
            return True
        if len(numbers) != 1:
            await self._say(chat_id, "menu.one_number", last=len(choices))
            return True
        if not 1 <= numbers[0] <= len(choices):
            await self._say(chat_id, "menu.out_of_range", number=numbers[0], last=len(choices))
            return True
        choice = choices[numbers[0] - 1]
        if choice.command is not None:
            await self._type(incoming, choice.command)
            return True
        watching = _Watching(self.messenger, chat_id)
        answer = await self.dispatcher.handle_callback(watching, incoming, choice.data or "",
                                                       SentRef(PLATFORM, chat_id, message_id))
        # No toasts on Zalo: the answer arrives as a message, unless the press already answered
        # with one (an approved request shows its new state); an alert (a refusal) always does.
        if answer.text and (answer.alert or not watching.spoke):
            try:
                await self.messenger.send(chat_id, OutMessage(answer.text))
            except SendError:
                log.warning("Zalo answer to %s failed", chat_id, exc_info=True)
        return True

    async def _type(self, incoming: Incoming, text: str) -> None:
        """Handles ``text`` as if the person had typed it."""
        await self.dispatcher.handle_message(self.messenger, Incoming(
            sender=incoming.sender, chat=incoming.chat, text=text, message_id=incoming.message_id,
            update_key=incoming.update_key))

    @property
    def http_port(self) -> int | None:
        return self.web.port if self.web is not None else None

    async def idle(self) -> None:
        """Waits until every received update is handled (orderly shutdown, tests)."""
        await self._queue.join()


class _Watching:
    """The Zalo messenger as one numbered answer sees it: notes whether anything was said in the
    answerer's chat while the press was handled."""

    def __init__(self, inner: ZaloMessenger, chat_id: str) -> None:
        self.inner = inner
        self.chat_id = chat_id
        self.spoke = False
        self.platform = inner.platform
        self.supports_buttons = inner.supports_buttons
        self.supports_edits = inner.supports_edits
        self.supports_groups = inner.supports_groups

    async def send(self, chat_id: str, message: OutMessage) -> SentRef:
        self.spoke = self.spoke or chat_id == self.chat_id
        return await self.inner.send(chat_id, message)

    async def edit(self, ref: SentRef, message: OutMessage) -> None:
        self.spoke = self.spoke or ref.chat_id == self.chat_id
        await self.inner.edit(ref, message)

    async def is_group_admin(self, chat_id: str, user_id: str) -> bool:
        return await self.inner.is_group_admin(chat_id, user_id)

    async def delete(self, ref: SentRef) -> bool:
        return await self.inner.delete(ref)

    def backlog(self, chat_id: str) -> float:
        return self.inner.backlog(chat_id)

    def share_limits(self, processes: int) -> None:
        self.inner.share_limits(processes)

    def deep_link(self, payload: str) -> str | None:
        return self.inner.deep_link(payload)

    async def download(self, attachment: Attachment) -> bytes:
        return await self.inner.download(attachment)

