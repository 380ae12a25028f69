"""Posting an item to the whole bloc: its group chat(s), or each officer privately when it has none.

Conferences, deadlines, the pledge and votes are announced the same way: the post goes to every
chat bound to the bloc and becomes the item's live post (its counter is kept up to date). A chat
whose platform is not connected now, or whose send fails, gets the post through the outbox, which
retries it and registers the live post once it is sent. A bloc without a group chat (Zalo has
none) gets the post privately, once per officer, through the same notice path as reminders.
"""

from __future__ import annotations

from bot.ports import OutMessage
from bot.services import live, outbox
from bot.services.notify import Notice, queue_notice
from handlers.request import Request
from storage.models import Bloc
from storage.queries.blocs import chats_of_bloc


async def publish(req: Request, bloc: Bloc, message: OutMessage, *, key: str,
                  live_item: tuple[str, int] | None = None) -> bool:
    """Posts ``message`` to the bloc; ``key`` makes the queued copies idempotent.

    Returns True when the chat the request came from is one of the bloc's chats and so gets the post
    (now, or from the outbox shortly): the caller then need not confirm there.
    """
    assert bloc.id is not None
    chats = chats_of_bloc(req.session, bloc.id)
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
    if not chats:
        queue_notice(req.session, bloc=bloc, notice=Notice(group_text=message.text, buttons=message.buttons),
                     key=f"{key}:post", now=req.now)
    return any((c.platform, c.chat_id) == here for c in chats)
