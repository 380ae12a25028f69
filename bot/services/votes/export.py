"""The count data of a closed vote as CSV (the minutes in official form: bot/services/documents).

Built from the stored results only: the bloc, the award or role, the dates, the member
units and who voted, the rules used, each candidate's count and share, who was selected or tied,
and the receipt codes of the counted ballots. Nothing links a unit to its choices, because nothing
stored does.
"""

from __future__ import annotations

import csv as csv_module
import io
from fractions import Fraction

from sqlmodel import Session

from bot.i18n import t
from bot.services.votes.service import CLOSED, outcome, share_base
from bot.services.votes.tally import percent_text
from bot.services.votes.views import rules_lines, turnout, vote_title
from bot.timefmt import fmt_datetime
from storage.models import Bloc, Officer, Unit, Vote, VoteCandidate
from storage.queries.votes import candidates_of, units_by_ids


def count_rows(s: Session, vote: Vote, lang: str) -> list[tuple[VoteCandidate, Unit, int, str, str]]:
    """(candidate, unit, count, share, result) in ballot order; the minutes' table and the CSV."""
    assert vote.id is not None
    candidates = candidates_of(s, vote.id)
    units = units_by_ids(s, [c.unit_id for c in candidates])
    base = share_base(vote)
    out = []
    for c in candidates:
        n = c.approvals or 0
        share = percent_text(Fraction(n, base), lang) if base and vote.state == CLOSED else ""
        result = (t(lang, "minutes.selected") if c.selected else t(lang, "minutes.tied") if c.tied
                  else t(lang, "minutes.not_selected")) if vote.state == CLOSED else ""
        out.append((c, units[c.unit_id], n, share, result))
    return out


def _facts(s: Session, vote: Vote, lang: str) -> list[tuple[str, str]]:
    bloc = s.get(Bloc, vote.bloc_id)
    assert bloc is not None
    voted, waiting = turnout(s, vote)
    opener = s.get(Officer, vote.opened_by_id) if vote.opened_by_id else None
    closer = s.get(Officer, vote.closed_by_id) if vote.closed_by_id else None
    result = outcome(vote)
    return [
        (t(lang, "minutes.bloc"), bloc.name),
        (t(lang, "minutes.vote"), f"#{vote.id} — {vote_title(vote, lang)}"
         + (f" ({t(lang, 'minutes.runoff_of', id=vote.runoff_of)})" if vote.runoff_of else "")),
        (t(lang, "minutes.quota"), str(vote.quota)),
        (t(lang, "minutes.opened"), fmt_datetime(vote.opened_at, bloc.timezone)
         + (f" — {opener.display_name}" if opener else "")),
        (t(lang, "minutes.closed"), (fmt_datetime(vote.closed_at, bloc.timezone) if vote.closed_at else "")
         + (f" — {closer.display_name}" if closer else f" — {t(lang, 'minutes.closed_on_time')}")),
        (t(lang, "minutes.members"), f"{vote.members}: " + ", ".join(u.code for u in voted + waiting)),
        (t(lang, "minutes.turnout"), f"{vote.cast_count or 0}/{vote.members} "
         f"({percent_text(Fraction(vote.cast_count or 0, vote.members), lang)}); "
         + t(lang, "minutes.blank", blank=vote.blank_count or 0)),
        (t(lang, "minutes.voted"), ", ".join(u.code for u in voted) or "—"),
        (t(lang, "minutes.not_voted"), ", ".join(u.code for u in waiting) or "—"),
        (t(lang, "minutes.validity"), t(lang, "minutes.valid") if vote.state == CLOSED
         else t(lang, "minutes.void", needed=result.quorum_needed)),
    ]


def csv(s: Session, vote: Vote, lang: str) -> bytes:
    """The same as a table: facts first, then one row per candidate. UTF-8 with BOM for Excel."""
    out = io.StringIO()
    writer = csv_module.writer(out)
    for label, value in _facts(s, vote, lang):
        writer.writerow([label, value])
    writer.writerow([t(lang, "minutes.rules"), " | ".join(line.lstrip("• ") for line in rules_lines(vote, lang))])
    receipts = list(outcome(vote).receipts)
    writer.writerow([t(lang, "minutes.receipts", count=len(receipts)), " ".join(receipts)])
    writer.writerow([])
    writer.writerow([t(lang, "minutes.col_number"), t(lang, "minutes.col_code"), t(lang, "minutes.col_unit"),
                     t(lang, "minutes.col_count"), t(lang, "minutes.col_share"), t(lang, "minutes.col_result")])
    for c, unit, n, share, result in count_rows(s, vote, lang):
        writer.writerow([c.position, unit.code, unit.name, n if vote.state == CLOSED else "", share, result])
    return ("\ufeff" + out.getvalue()).encode("utf-8")
