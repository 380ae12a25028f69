"""The command menu (setMyCommands): Vietnamese by default, English for English-language clients."""

from __future__ import annotations

import logging

from telegram import Bot, BotCommand, BotCommandScopeAllGroupChats, BotCommandScopeAllPrivateChats
from telegram.error import TelegramError

from bot.i18n import t
from handlers.registry import Registry, Where

log = logging.getLogger(__name__)


def menu_commands(registry: Registry, lang: str, group: bool) -> list[BotCommand]:
    wrong_place = Where.PRIVATE if group else Where.GROUP
    return [
        BotCommand(cmd.name, t(lang, cmd.help_key)[:256])
        for cmd in registry.commands.values()
        if cmd.menu and cmd.where is not wrong_place
    ]


async def register_menu(bot: Bot, registry: Registry) -> None:
    for scope, group in ((BotCommandScopeAllGroupChats(), True), (BotCommandScopeAllPrivateChats(), False)):
        for lang, code in (("vi", None), ("en", "en")):
            try:
                await bot.set_my_commands(menu_commands(registry, lang, group), scope=scope, language_code=code)
            except TelegramError:
                log.warning("setMyCommands failed; the bot works without the menu", exc_info=True)
                return
