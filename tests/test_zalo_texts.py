"""Every text that can reach a Zalo chat describes what Zalo can do: Zalo has no replies to a message,
no buttons (choices are numbered) and no group chats. A text here is the one a Zalo reader gets: its
``.nogroup`` variant when the catalog has one (bot.i18n picks it on platforms without groups).

Two checks: every catalog text, except the few listed as said only in a Telegram group or beside
buttons (each with the reason it never reaches Zalo); and, in tests/zalo_harness.py, every message
the Zalo adapter actually sent during the Zalo end-to-end tests."""

from __future__ import annotations

import re

import pytest

from bot.i18n import catalog

# Instructions Zalo cannot follow.
TELEGRAM_ONLY_INSTRUCTIONS = re.compile(
    r"trả lời (tin|bài|tệp)|\(reply\)|reply(ing)? to (this|the|it|a)|\bbấm\b|\bnút\b|\bbuttons?\b|\bpress(es)?\b"
    r"|trong nhóm|vào nhóm|in the group|\bgroup chat of\b",
    re.IGNORECASE,
)

# Keys whose text never reaches a Zalo chat, and why.
NEVER_ON_ZALO = {
    "err.group_only": "group-only commands are allowed in private chats where groups do not exist (Command.allowed_in)",
    "start.group_bound": "the answer to /start typed in a group",
    "join.request_post": "posted in a group; approvers on Zalo get join.request_dm",
    "invite.needs_private": "refuses /invite typed in a group",
    "vote.remind_group": "a reminder's group text; officers who cannot see the group get the private text",
    "ballot.how": "the ballot with buttons; on Zalo the ballot reads ballot.how_typed",
    "phieu.in_group_deleted": "answers /phieu typed in a group",
    "phieu.in_group_kept": "answers /phieu typed in a group",
    "phieu.in_group_public": "answers /phieu typed in a group",
    "phieu.in_group_public_kept": "answers /phieu typed in a group",
    "help.footer_unbound": "/help in a group not bound to a bloc",
    "err.not_bound_group": "a command in a group not bound to a bloc",
    "start.group_unbound": "the greeting when the bot is added to a group",
    "setup.not_admin": "/setup typed in a group by a member who is not its admin",
    "setup.already": "/setup in a group already bound",
    "group.busy_private": "a busy group's answer sent privately instead",
}


def zalo_text(key: str, lang: str) -> str:
    texts = catalog()
    chosen = texts.get(f"{key}.nogroup", texts[key])
    return chosen.get(lang) or chosen["vi"]


def offending(text: str) -> str | None:
    match = TELEGRAM_ONLY_INSTRUCTIONS.search(text)
    return match.group(0) if match else None


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_no_catalog_text_a_zalo_reader_gets_asks_for_a_reply_a_button_or_the_group(lang: str) -> None:
    bad = {}
    for key in catalog():
        if key.endswith(".nogroup") or key.startswith(("cmd.", "args.")) or key in NEVER_ON_ZALO:
            continue
        found = offending(zalo_text(key, lang))
        if found:
            bad[key] = found
    assert bad == {}, "Telegram-only instructions in texts a Zalo reader can get (add a .nogroup variant " \
                      f"in bot/catalog/platforms.py, or reword): {bad}"


def test_the_exempt_keys_exist_and_are_needed() -> None:
    for key in NEVER_ON_ZALO:
        assert key in catalog(), key
    assert any(offending(zalo_text(k, "vi")) or offending(zalo_text(k, "en")) for k in NEVER_ON_ZALO)
