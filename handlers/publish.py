"""Posting to the whole bloc: its group chat(s), and privately every officer who cannot see them.

Conferences, deadlines, the pledge and votes are announced the same way: the post goes to every
chat bound to the bloc and becomes the item's live post (its counter is kept up to date). A chat
whose platform is not connected now, or whose send fails, gets the post through the outbox, which
retries it and registers the live post once it is sent. Officers who cannot see any of those chats
(a bloc without a group chat, as on Zalo, or a Zalo officer of a Telegram bloc) get the post
privately, once per account, through the outbox; a private copy is never a live post (Zalo cannot
edit a message), the counter is read with the item's status command.
"""

from __future__ import annotations

from bot.ports import OutMessage
from bot.records import Bloc
from bot.services.blocs import service as blocs
from bot.services.delivery import live, outbox
from bot.services.delivery.notify import queue_unseen_copies
from handlers.request import Request


async def publish(req: Request, bloc: Bloc, message: OutMessage, *, key: str,
                  live_item: tuple[str, int] | None = None, skip_asker: bool = False) -> bool:
    """Posts ``message`` to the bloc; ``key`` makes the queued copies idempotent.

    Returns True when the chat the request came from is one of the bloc's chats and so gets the post
    (now, or from the outbox shortly): the caller then need not confirm there. ``skip_asker`` leaves
    the asker's own account out of the private copies (the caller answers them here instead).
    """
    assert bloc.id is not None
    chats = blocs.chats_of(req.session, bloc)
    here = (req.incoming.chat.platform, req.incoming.chat.chat_id)
    for chat in chats:
        messenger = req.core.messengers.get(chat.platform)
        ref = await req.send(messenger, chat.chat_id, message) if messenger is not None else None
        if ref is not None:
            if live_item is not None:
                live.register_post(req.session, bloc_id=bloc.id, kind=live_item[0], item_id=live_item[1], ref=ref,
                                   now=req.now)
        else:  # not connected now, or the send failed: the outbox delivers it and makes it live then
            outbox.enqueue_many(req.session, [outbox.Outgoing(
                f"{key}:post:{chat.platform}:{chat.chat_id}", chat.platform, chat.chat_id, message.text, bloc.id,
                None, message.buttons, live_item)], req.now)
    queue_unseen_copies(req.session, bloc=bloc, text=message.text, buttons=message.buttons, key=f"{key}:post",
                        now=req.now, skip=[req.account.id] if skip_asker else [], chats=chats)
    return any((c.platform, c.chat_id) == here for c in chats)


async def publish_in_origin(req: Request, bloc: Bloc, message: OutMessage, *, key: str,
                            live_item: tuple[str, int]) -> None:
    """The message whose button was pressed in the bloc's group becomes the item's live post there (the
    guided /vote's last step); whoever cannot see the group gets a copy privately."""
    assert req.origin is not None and bloc.id is not None
    await req.edit_origin(message)
    live.register_post(req.session, bloc_id=bloc.id, kind=live_item[0], item_id=live_item[1], ref=req.origin,
                       now=req.now)
    queue_unseen_copies(req.session, bloc=bloc, text=message.text, buttons=message.buttons, key=f"{key}:post",
                        now=req.now)


async def announce(req: Request, bloc: Bloc, text: str, *, key: str) -> None:
    """A notice for the whole bloc that the asker reads at once too (results, a handover): posted in
    the bloc's chats and privately to whoever cannot see them; typed elsewhere, also answered here."""
    chats = blocs.chats_of(req.session, bloc)
    in_bloc_chat = any((c.platform, c.chat_id) == (req.incoming.chat.platform, req.incoming.chat.chat_id)
                       for c in chats)
    if not in_bloc_chat:
        await req.reply(text)
    await publish(req, bloc, OutMessage(text), key=key, skip_asker=not in_bloc_chat)


def deep_link(req: Request, bloc: Bloc, payload: str) -> str | None:
    """A link that opens a private chat with the bot at ``payload``, on the platform of the bloc's group
    (else the asker's); None where no connected platform has deep links (Zalo)."""
    platforms = [c.platform for c in blocs.chats_of(req.session, bloc)] + [req.messenger.platform]
    for platform in platforms:
        messenger = req.core.messengers.get(platform)
        link = messenger.deep_link(payload) if messenger is not None else None
        if link:
            return link
    return None
