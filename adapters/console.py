"""The local console chat: the same core and messages, offline, for newcomers and tests.

It starts in a simulated group. ``/as <tên> [admin]`` switches the person typing, ``/dm`` and
``/group`` switch between that person's private chat and the group, buttons show as numbered
choices (type the number to press one), ``/file <đường dẫn> [chú thích]`` sends a file.
"""

from __future__ import annotations

import asyncio
import itertools
import logging
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from bot.core import Core
from bot.ports import Attachment, Button, ChatInfo, Incoming, OutMessage, Sender, SendError, SentRef
from handlers.dispatch import Dispatcher

log = logging.getLogger(__name__)

PLATFORM = "console"
GROUP_ID = "group"
GROUP_TITLE = "Nhóm thử"
DEEP_LINK = "console-start:"

INTRO = """KhốiBot — chat thử trên máy (console), cùng lõi và cùng tin nhắn như trên Telegram.
Bạn đang là «{name}» (quản trị viên nhóm) trong nhóm thử.
Lệnh của chat thử: /as <tên> [admin] đổi người gõ · /dm chat riêng với bot · /group về nhóm
· /file <đường dẫn> [chú thích] gửi tệp · gõ số để bấm nút · dòng kết thúc bằng \\ viết tiếp dòng sau
· /quit để thoát.
Gõ /help để xem các lệnh của bot, /setup <tên khối> để bắt đầu."""


@dataclass
class Person:
    name: str
    user_id: str
    admin: bool


@dataclass
class ConsoleState:
    people: dict[str, Person] = field(default_factory=dict)
    current: Person | None = None
    in_group: bool = True
    # Latest buttons shown in each chat, pressed by typing their number.
    buttons: dict[str, tuple[str, list[Button]]] = field(default_factory=dict)
    ids: itertools.count = field(default_factory=lambda: itertools.count(1))

    def chat_id(self) -> str:
        assert self.current is not None
        return GROUP_ID if self.in_group else f"dm-{self.current.user_id}"

    def name_of_chat(self, chat_id: str) -> str:
        if chat_id == GROUP_ID:
            return GROUP_TITLE
        for person in self.people.values():
            if chat_id == f"dm-{person.user_id}":
                return f"riêng: {person.name}"
        return chat_id


def person_id(name: str) -> str:
    """A console person is the name typed: the same ``/as Trần Thị Bình`` is the same person (the same
    account row, unit and roles) in every run on the same database, whatever order people appear in."""
    return " ".join(name.split()).casefold()[:64]


_FILE = re.compile(r"""\s*(?:"(?P<dq>[^"]+)"|'(?P<sq>[^']+)'|(?P<bare>\S+))\s*(?P<caption>.*)""", re.DOTALL)


def parse_file_line(rest: str) -> tuple[str, str] | None:
    """``/file <path> [caption]``: a path with spaces goes in quotes (``/file "báo cáo.pdf" /submit 3``)."""
    match = _FILE.fullmatch(rest)
    if match is None:
        return None
    path = match.group("dq") or match.group("sq") or match.group("bare")
    return path, match.group("caption").strip()


class ConsoleMessenger:
    platform = PLATFORM
    supports_buttons = True
    supports_edits = True
    supports_groups = True

    def __init__(self, state: ConsoleState, out: TextIO) -> None:
        self.state = state
        self.out = out
        self.message_ids = itertools.count(1)
        self.saved_dir = Path("data/console-files")

    def _print(self, chat_id: str, text: str) -> None:
        print(f"[{self.state.name_of_chat(chat_id)}] KhốiBot: {text}", file=self.out, flush=True)

    def _show_buttons(self, chat_id: str, message_id: str, buttons: list[list[Button]]) -> None:
        flat = [b for row in buttons for b in row]
        if not flat:
            return
        self.state.buttons[chat_id] = (message_id, flat)
        print("   " + "   ".join(f"[{i}] {b.label}" for i, b in enumerate(flat, start=1)), file=self.out, flush=True)

    async def send(self, chat_id: str, message: OutMessage) -> SentRef:
        message_id = str(next(self.message_ids))
        self._print(chat_id, f"(#{message_id}) {message.text}")
        if message.document is not None:
            self.saved_dir.mkdir(parents=True, exist_ok=True)
            path = self.saved_dir / message.document.filename
            path.write_bytes(message.document.content)
            print(f"   📎 {message.document.filename} ({len(message.document.content)} byte) → {path}",
                  file=self.out, flush=True)
        self._show_buttons(chat_id, message_id, message.buttons)
        return SentRef(PLATFORM, chat_id, message_id)

    async def edit(self, ref: SentRef, message: OutMessage) -> None:
        self._print(ref.chat_id, f"(sửa tin #{ref.message_id}) {message.text}")
        shown = self.state.buttons.get(ref.chat_id)
        if shown is not None and shown[0] == ref.message_id and not message.buttons:
            del self.state.buttons[ref.chat_id]
        self._show_buttons(ref.chat_id, ref.message_id, message.buttons)

    async def delete(self, ref: SentRef) -> bool:
        print(f"   (tin #{ref.message_id} trong {self.state.name_of_chat(ref.chat_id)} đã bị xoá)", file=self.out, flush=True)
        return True

    def backlog(self, chat_id: str) -> float:
        return 0.0

    def share_limits(self, processes: int) -> None:
        return None  # one terminal, no limits

    async def is_group_admin(self, chat_id: str, user_id: str) -> bool:
        return any(p.user_id == user_id and p.admin for p in self.state.people.values())

    def deep_link(self, payload: str) -> str | None:
        return f"{DEEP_LINK}{payload}"

    async def download(self, attachment: Attachment) -> bytes:
        if attachment.file_ref is None:
            raise SendError("no file")
        return await asyncio.to_thread(Path(attachment.file_ref).read_bytes)


class ConsoleChat:
    def __init__(self, core: Core, dispatcher: Dispatcher, out: TextIO = sys.stdout) -> None:
        self.state = ConsoleState()
        self.out = out
        self.messenger = ConsoleMessenger(self.state, out)
        self.dispatcher = dispatcher
        core.add_messenger(self.messenger)
        self.switch_person("Quản trị", admin=True)

    def say(self, text: str) -> None:
        print(text, file=self.out, flush=True)

    def switch_person(self, name: str, admin: bool = False) -> Person:
        person = self.state.people.get(name.casefold())
        if person is None:
            person = Person(name=name, user_id=person_id(name), admin=admin)
            self.state.people[name.casefold()] = person
        elif admin:
            person.admin = True
        self.state.current = person
        return person

    def _incoming(self, text: str, attachment: Attachment | None = None) -> Incoming:
        person = self.state.current
        assert person is not None
        chat_id = self.state.chat_id()
        chat = ChatInfo(PLATFORM, chat_id, chat_id == GROUP_ID, GROUP_TITLE if chat_id == GROUP_ID else None)
        return Incoming(sender=Sender(PLATFORM, person.user_id, person.name), chat=chat, text=text,
                        message_id=str(next(self.state.ids)), attachment=attachment)

    async def handle_line(self, line: str) -> bool:
        """Handles one typed line; False when the person asked to quit."""
        text = line.strip()
        if not text:
            return True
        lowered = text.split(maxsplit=1)[0].lower()
        if lowered in ("/quit", "/exit", "/thoat"):
            return False
        if lowered == "/as":
            return self._as(text)
        if lowered == "/dm":
            self.state.in_group = False
            self.say(f"→ Chat riêng của {self.state.current.name if self.state.current else ''} với KhốiBot.")
            return True
        if lowered == "/group":
            self.state.in_group = True
            self.say(f"→ {GROUP_TITLE}.")
            return True
        if lowered == "/file":
            await self._file(text)
            return True
        if re.fullmatch(r"\d{1,2}", text):
            if self.state.chat_id() in self.state.buttons:
                await self._press(int(text))
            else:  # the buttons were answered or replaced: say so rather than send a bare number
                self.say("(Ở chat này không còn nút nào để bấm. Trưởng khối xem các yêu cầu chờ duyệt "
                         "bằng /requests; các lệnh khác: /help.)")
            return True
        await self.dispatcher.handle_message(self.messenger, self._incoming(text))
        return True

    def _as(self, text: str) -> bool:
        parts = text.split()[1:]
        admin = bool(parts) and parts[-1].lower() == "admin"
        name = " ".join(parts[:-1] if admin else parts).strip()
        if not name:
            self.say("Cách dùng: /as <tên> [admin], ví dụ /as Lan hoặc /as Hùng admin")
            return True
        person = self.switch_person(name, admin=admin)
        where = GROUP_TITLE if self.state.in_group else "chat riêng"
        self.say(f"→ Bây giờ bạn là «{person.name}»{' (quản trị viên nhóm)' if person.admin else ''}, ở {where}.")
        return True

    async def _file(self, text: str) -> None:
        parsed = parse_file_line(text.split(maxsplit=1)[1] if len(text.split(maxsplit=1)) > 1 else "")
        # A local path typed by the person at the keyboard: a blocking stat is harmless here.
        path = Path(parsed[0]).expanduser() if parsed else None  # noqa: ASYNC240
        if parsed is None or path is None or not path.is_file():
            if parsed is not None:
                self.say(f"Không thấy tệp «{parsed[0]}». Đường dẫn có dấu cách thì đặt trong ngoặc kép.")
            self.say('Cách dùng: /file <đường dẫn tệp> [chú thích], ví dụ /file baocao.pdf /submit 3 '
                     'hoặc /file "Báo cáo quý 4.docx" /submit 3')
            return
        attachment = Attachment("document", file_ref=str(path), file_name=path.name, size=path.stat().st_size)
        await self.dispatcher.handle_message(self.messenger, self._incoming(parsed[1], attachment))

    async def _press(self, number: int) -> None:
        chat_id = self.state.chat_id()
        message_id, buttons = self.state.buttons[chat_id]
        if not 1 <= number <= len(buttons):
            self.say(f"Chọn một số từ 1 đến {len(buttons)}.")
            return
        button = buttons[number - 1]
        if button.url is not None:
            if button.url.startswith(DEEP_LINK):
                # A deep link opens the private chat and sends /start <payload>, as on Telegram.
                self.state.in_group = False
                self.say(f"→ Mở chat riêng của {self.state.current.name if self.state.current else ''} với KhốiBot.")
                payload = button.url[len(DEEP_LINK):]
                await self.dispatcher.handle_message(self.messenger, self._incoming(f"/start {payload}"))
            else:
                self.say(f"(liên kết) {button.url}")
            return
        assert button.data is not None
        incoming = self._incoming("")
        answer = await self.dispatcher.handle_callback(self.messenger, incoming, button.data,
                                                       SentRef(PLATFORM, chat_id, message_id))
        if answer.text:
            self.say(f"({'⚠️ ' if answer.alert else ''}thông báo cho {self.state.current.name if self.state.current else ''}) {answer.text}")

    async def run(self, stdin: TextIO = sys.stdin) -> None:
        assert self.state.current is not None
        self.say(INTRO.format(name=self.state.current.name))
        while True:
            prompt_name = self.state.current.name if self.state.current else ""
            where = "nhóm" if self.state.in_group else "riêng"
            if stdin.isatty():
                print(f"{prompt_name} ({where})> ", end="", file=self.out, flush=True)
            line = await asyncio.to_thread(stdin.readline)
            if not line:
                break
            # A line ending in "\" continues on the next one (for multi-line /unit_add lists).
            while line.rstrip("\r\n").endswith("\\"):
                more = await asyncio.to_thread(stdin.readline)
                line = line.rstrip("\r\n")[:-1] + "\n" + more
                if not more:
                    break
            if not stdin.isatty():
                self.say(f"{prompt_name} ({where})> {line.rstrip()}")
            try:
                if not await self.handle_line(line):
                    break
            except Exception:  # the console keeps running, like the bot does
                log.exception("console line failed")
                self.say("⚠️ Lỗi nội bộ; xem log.")
        self.say("Tạm biệt!")
