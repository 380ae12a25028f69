"""Posting an item to the bloc from anywhere: the head's private chat, or when the group send fails.

The post lands in the bloc's group as a live post either way: sent at once, or queued in the outbox
and made live when it is finally delivered, so its counter keeps following the data.
"""

from __future__ import annotations

from datetime import timedelta

from sqlmodel import select

from storage.models import LivePost
from tests.fakes.telegram_api import ApiError
from tests.harness import TelegramHarness
from tests.texts import said
from tests.vote_play import HEAD, OFFICERS, setup_bloc, vote


def live_posts(tg: TelegramHarness, kind: str) -> list[LivePost]:
    with tg.core.db.session() as s:
        return list(s.exec(select(LivePost).where(LivePost.kind == kind)))


async def test_a_vote_opened_in_private_is_posted_live_in_the_group(tg_fast: TelegramHarness, clock) -> None:
    tg = tg_fast
    group = await setup_bloc(tg)
    dm = tg.api.private(HEAD)
    sent = await tg.say(HEAD, dm, "/vote 1 | tay")
    here = [m for m in sent if m["chat"]["id"] == dm.id]
    post = next(m for m in sent if m["chat"]["id"] == group.id)
    assert len(here) == 1 and "✅ Đã mở bỏ phiếu #1" in here[0]["text"]
    assert "BỎ PHIẾU KÍN #1" in post["text"] and "Đã bỏ phiếu: 0/9" in post["text"]
    assert post["reply_markup"]["inline_keyboard"][0][0]["url"].endswith("?start=v1")
    [row] = live_posts(tg, "vote")
    assert row.chat_id == str(group.id) and row.message_id == str(post["message_id"])
    await vote(tg, OFFICERS["YTE"], 1, ["YTE"])
    clock.advance(timedelta(seconds=3))  # past the live post's coalescing window
    await tg.tick()
    assert said(post["text"], 'vote.turnout', voted=1, members=9)


async def test_a_post_whose_send_failed_is_delivered_later_and_made_live(tg_fast: TelegramHarness, clock) -> None:
    tg = tg_fast
    group = await setup_bloc(tg)
    tg.api.fail("sendMessage", ApiError(500, "Internal Server Error"), lambda p: int(p["chat_id"]) == group.id)
    sent = await tg.say(HEAD, group, "/vote 1 | tay")
    assert [m for m in sent if m["chat"]["id"] == group.id] == []  # the post did not go out
    assert live_posts(tg, "vote") == []
    clock.advance(timedelta(seconds=1))
    report = await tg.tick()
    assert report.outbox.sent == 1
    post = tg.api.bot_messages(group.id)[-1]
    assert "Đã bỏ phiếu: 0/9" in post["text"] and post["reply_markup"]["inline_keyboard"][0][0]["url"]
    [row] = live_posts(tg, "vote")
    assert row.message_id == str(post["message_id"])
    await vote(tg, OFFICERS["GDDT"], 1, ["YTE"])
    clock.advance(timedelta(seconds=3))
    await tg.tick()
    assert "Đã bỏ phiếu: 1/9" in post["text"] and "GDDT" in post["text"]
