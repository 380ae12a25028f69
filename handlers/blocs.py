"""/setup (bind a group chat to a new bloc, or on Zalo create a bloc in private) and /lang."""

from __future__ import annotations

from bot.errors import UserError
from bot.services import blocs
from handlers.registry import Command, Where, Who
from handlers.request import Request


async def setup(req: Request) -> None:
    # A group command: on Telegram it binds the group it is typed in. On a platform without group
    # chats (Zalo) the dispatcher lets it run in private, and the bloc lives in private chats.
    name = req.args.strip()
    if req.bloc is not None:
        raise UserError("setup.already" if req.is_group else "setup.already_private", bloc=req.bloc.name)
    if not name:
        raise UserError("setup.usage")
    blocs.clean_name(name)  # refuse a bad name before asking the platform anything
    if req.is_group and not await req.is_group_admin():
        raise UserError("setup.not_admin")
    chat = req.incoming.chat if req.is_group else None
    bloc = blocs.setup_bloc(req.session, chat=chat, name=name, actor=req.actor, now=req.now,
                            language=req.core.default_language, timezone=req.core.default_timezone)
    req.bloc = bloc
    await req.reply(req.t("setup.done" if chat else "setup.done_private", bloc=bloc.name, name=req.actor.name))


async def lang(req: Request) -> None:
    choice = req.args.strip().lower()
    if choice not in blocs.LANGUAGES:
        raise UserError("lang.usage")
    bloc = req.require_bloc()
    blocs.set_language(req.session, bloc=bloc, language=choice, actor=req.actor, now=req.now)
    req.lang = choice
    await req.reply(req.t("lang.set", bloc=bloc.name))


COMMANDS = [
    Command("setup", setup, who=Who.ANYONE, where=Where.GROUP),
    Command("lang", lang, who=Who.MANAGER),
]
