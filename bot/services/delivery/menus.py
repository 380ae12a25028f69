"""Numbered choices for text-only platforms (Zalo): a message's buttons shown as "1. …", answered
by typing the number.

- A callback button becomes a choice that presses it (the dispatcher re-validates it as always).
- A deep-link button (``/start <payload>`` on Telegram) becomes a choice that types that command.
- A plain URL button is shown as the link itself.
- A message with ``numbered_reply`` (a multi-choice menu such as a ballot) numbers its items in its
  own text; its buttons are not shown, and the numbers typed ("2 5") complete that command
  ("/phieu #12" + "2 5" -> "/phieu #12 2 5"), which the feature validates like any typed command.

The latest menu shown in a chat is kept in the database, so "2" means the same choice after a
restart; menus older than two weeks are ignored.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta

from sqlmodel import Session, col, delete, select

from bot.i18n import t
from bot.ports import Button
from storage.models import ChoiceMenu

MENU_TTL = timedelta(days=14)
_NUMBERS = re.compile(r"^\s*\d{1,2}(?:[\s,;]+\d{1,2})*\s*$")


@dataclass(frozen=True)
class Choice:
    label: str
    data: str | None = None  # a button's callback data: answering presses it
    command: str | None = None  # a typed command: answering sends it ("/start v12")


def parse_numbers(text: str) -> list[int] | None:
    """``"2"`` -> [2]; ``"2 5"``, ``"2, 5"``, ``"2;5"`` -> [2, 5]; None unless the text is only numbers."""
    if not _NUMBERS.match(text):
        return None
    return [int(n) for n in re.findall(r"\d{1,2}", text)]


def layout(buttons: list[list[Button]], start_payload: Callable[[str], str | None]
           ) -> tuple[list[Choice], list[Button]]:
    """The numbered choices and the plain links of a message's buttons, in reading order.

    ``start_payload`` recognises a deep link (any platform's) and returns its payload.
    """
    choices: list[Choice] = []
    links: list[Button] = []
    for button in (b for row in buttons for b in row):
        if button.data is not None:
            choices.append(Choice(button.label, data=button.data))
            continue
        payload = start_payload(button.url or "")
        if payload is not None:
            choices.append(Choice(button.label, command=f"/start {payload}"))
        else:
            links.append(button)
    return choices, links


def render(text: str, choices: list[Choice], links: list[Button], numbered_reply: str | None, lang: str) -> str:
    """The message as plain text: its choices numbered, its links spelled out, how to answer."""
    lines = [text]
    shown = [] if numbered_reply else choices
    if shown:
        lines.append("")
        lines += [f"{i}. {c.label}" for i, c in enumerate(shown, start=1)]
    if links:
        lines.append("")
        lines += [f"🔗 {b.label}: {b.url}" for b in links]
    if numbered_reply:
        # No example here: only the feature knows how many numbers its menu takes (a ballot's quota).
        lines += ["", t(lang, "menu.reply_numbers", command=numbered_reply)]
    elif shown:
        lines += ["", t(lang, "menu.reply_number", last=len(shown))]
    return "\n".join(lines)


def save(s: Session, *, platform: str, chat_id: str, message_id: str, choices: list[Choice],
         numbered_reply: str | None, now: datetime) -> None:
    """Remembers the chat's latest menu (one row per chat, replaced by the next menu)."""
    data = json.dumps([] if numbered_reply else [asdict(c) for c in choices], ensure_ascii=False)
    row = s.exec(select(ChoiceMenu).where(ChoiceMenu.platform == platform, ChoiceMenu.chat_id == chat_id)).first()
    if row is None:
        row = ChoiceMenu(platform=platform, chat_id=chat_id, message_id=message_id, choices=data,
                         numbered_reply=numbered_reply, created_at=now)
    else:
        row.message_id, row.choices, row.numbered_reply, row.created_at = message_id, data, numbered_reply, now
    s.add(row)


def forget(s: Session, *, platform: str, chat_id: str, message_id: str) -> None:
    """The menu's message was replaced by one without choices (an answered request): its numbers
    no longer mean anything."""
    s.execute(delete(ChoiceMenu).where(col(ChoiceMenu.platform) == platform, col(ChoiceMenu.chat_id) == chat_id,
                                       col(ChoiceMenu.message_id) == message_id))


def current(s: Session, *, platform: str, chat_id: str, now: datetime) -> ChoiceMenu | None:
    row = s.exec(select(ChoiceMenu).where(ChoiceMenu.platform == platform, ChoiceMenu.chat_id == chat_id)).first()
    if row is None or row.created_at < now - MENU_TTL:
        return None
    return row


def choices_of(row: ChoiceMenu) -> list[Choice]:
    return [Choice(**c) for c in json.loads(row.choices)]
