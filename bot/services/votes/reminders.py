"""The reminder engine's view of votes: remind units that have not voted, and close at the time.

Slots are planned per vote (``bot.services.votes.plan_vote``): the bloc's vote reminder plan
(default 1 day and 1 hour before) plus ``At()`` at the closing time, when ``build`` closes the vote
and returns the results as the notice to every unit.
"""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session

from bot.services.audit import SYSTEM
from bot.services.delivery.notify import Notice, officer_handles
from bot.services.reminders.service import VOTE
from bot.services.votes import chart
from bot.services.votes.service import KIND, OPEN, close_vote, continue_election, plan_vote
from bot.services.votes.views import (
    post_text,
    reminder_group_text,
    reminder_private_text,
    results_text,
    turnout,
    vote_buttons,
)
from storage.models import Bloc, ReminderSlot, Unit, Vote
from storage.queries.votes import open_votes


class VoteSource:
    kind = KIND
    config_kind = VOTE

    def build(self, s: Session, slot: ReminderSlot, now: datetime) -> Notice | list[Notice] | None:
        # Locked: a /vote_close by hand at this instant (any process) waits, or is seen as done.
        vote = s.get(Vote, slot.item_id, with_for_update=slot.slot == "at")
        bloc = s.get(Bloc, slot.bloc_id)
        if vote is None or bloc is None or vote.state != OPEN:
            return None
        if slot.slot == "at":
            closed = close_vote(s, vote=vote, actor=SYSTEM, now=now)
            deputy = continue_election(s, bloc=bloc, closed=closed.vote, actor=SYSTEM, now=now)
            notices = [Notice(group_text=results_text(s, closed.vote, bloc.language, closed.role_error))]
            picture = chart.notice(closed.vote, bloc.language)  # after the text; a void vote has none
            if picture is not None:
                notices.append(picture)
            if deputy is not None and deputy.id is not None:
                # The deputy's ballot, posted after the results and kept live like one opened by hand.
                notices.append(Notice(group_text=post_text(s, deputy, bloc.language),
                                      buttons=vote_buttons(deputy, bloc.language),
                                      live=(KIND, deputy.id)))
            return notices
        if vote.closes_at is None or vote.closes_at <= now:
            return None
        _, waiting = turnout(s, vote)
        if not waiting:
            return None
        handles = officer_handles(s, waiting)
        lang = bloc.language
        closes_at = vote.closes_at

        def private(unit: Unit) -> str:
            return reminder_private_text(vote, unit, lang, bloc, closes_at)

        return Notice(units=waiting, group_text=reminder_group_text(s, vote, waiting, handles, lang, bloc),
                      private_text=private, buttons=vote_buttons(vote, lang))

    def replan_bloc(self, s: Session, bloc: Bloc, now: datetime) -> int:
        assert bloc.id is not None
        votes = [v for v in open_votes(s, bloc.id) if v.closes_at is not None]
        for vote in votes:
            plan_vote(s, vote, bloc, now)
        return len(votes)



SOURCE = VoteSource()
