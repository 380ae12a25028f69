"""One noisy group never slows the other chats: its queued updates hold no processing slot, and its
answers go privately when the group's flood limit would make them late."""

from __future__ import annotations

import asyncio

from telegram import Update

from adapters.telegram.processor import PerChatUpdateProcessor
from tests.harness import TelegramHarness
from tests.texts import said
from tests.vote_play import OFFICERS, setup_bloc


def _update(update_id: int, chat_id: int) -> Update:
    chat = {"id": chat_id, "type": "supergroup" if chat_id < 0 else "private", "title": "g", "first_name": "x"}
    message = {"message_id": update_id, "date": 0, "chat": chat, "text": "/lang en",
               "from": {"id": 7, "is_bot": False, "first_name": "Ai"}}
    return Update.de_json({"update_id": update_id, "message": message}, None)


async def test_a_busy_group_holds_no_slot_while_it_waits() -> None:
    processor = PerChatUpdateProcessor(max_concurrent_updates=4)
    release = asyncio.Event()
    started: list[int] = []

    async def slow(n: int) -> None:  # a group command whose answer waits at the group's flood limit
        started.append(n)
        await release.wait()

    group = [asyncio.ensure_future(processor.process_update(_update(i, -100), slow(i))) for i in range(1000)]
    await asyncio.sleep(0)
    done = asyncio.Event()

    async def private() -> None:
        done.set()

    await asyncio.wait_for(processor.process_update(_update(5000, 42), private()), 1)
    assert done.is_set() and started == [0]  # the group's updates stay in order, one at a time
    release.set()
    await asyncio.gather(*group)
    assert started == list(range(1000))


async def test_answers_in_a_backed_up_group_go_privately(tg: TelegramHarness) -> None:
    group = await setup_bloc(tg)
    yte, gddt = OFFICERS["YTE"], OFFICERS["GDDT"]
    await tg.say(yte, tg.api.private(yte), "/start")
    assert tg.adapter is not None
    tg.adapter.messenger.backlog = lambda chat_id: 45.0 if chat_id == str(group.id) else 0.0  # type: ignore[method-assign]

    sent = await tg.say(yte, group, "/lang en")
    assert [m["chat"]["id"] for m in sent] == [yte.id]  # at once, in private, not 45 s late in the group
    assert said(sent[0]["text"], "group.busy_private") and said(sent[0]["text"], "err.not_manager")
    # Someone who never opened a private chat with the bot is still answered in the group.
    sent = await tg.say(gddt, group, "/lang en")
    assert [m["chat"]["id"] for m in sent] == [group.id]
