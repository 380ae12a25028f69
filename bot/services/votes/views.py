"""What a vote looks like in a chat: the group post (with live turnout), the results, the reminders.

Only turnout (which units voted) is ever shown while a vote is open; counts are shown only from
the stored results of a closed vote. Nothing here reads a ballot's content.
"""

from __future__ import annotations

import json
from datetime import datetime
from decimal import Decimal
from fractions import Fraction

from sqlmodel import Session

from bot.i18n import t
from bot.ports import Button, OutMessage, callback_data
from bot.services.scores.service import final_scores
from bot.services.scores.table import fmt as fmt_points
from bot.services.votes import final as final_results
from bot.services.votes import slips
from bot.services.votes.rules import BlocRules, share_words
from bot.services.votes.service import (
    AWARD,
    BALLOT_PREFIX,
    CLOSED,
    HIGHER,
    LOW_SCORE,
    OPEN,
    UNREGISTERED,
    BallotSeat,
    Cast,
    electorate,
    outcome,
    rules_snapshot,
    share_base,
    topic_of,
)
from bot.services.votes.tally import BASE_CAST, Share, percent_text
from bot.timefmt import fmt_datetime
from storage.models import Bloc, Unit, Vote, VoteCandidate, id_of
from storage.queries.votes import ballot_of_unit, candidates_of, units_by_ids, voted_unit_ids, votes_of_topic


def vote_title(vote: Vote, lang: str) -> str:
    """"Cờ thi đua của Chính phủ (năm 2026)" or "Trưởng khối năm 2027"."""
    if vote.kind == AWARD:
        return t(lang, "vote.title_award", name=vote.title, year=vote.year)
    return t(lang, "vote.title_role", role=t(lang, f"role.{vote.kind}"), year=vote.term_year)


def _round(vote: Vote, lang: str) -> str:
    return t(lang, "vote.round", round=vote.round, of=vote.runoff_of) if vote.runoff_of else ""


def unit_line(unit: Unit) -> str:
    return f"{unit.code} — {unit.name}"


def codes(units: list[Unit]) -> str:
    return ", ".join(u.code for u in units)


def rules_lines(vote: Vote, lang: str) -> list[str]:
    snap = rules_snapshot(vote)
    quorum = Share.parse(str(snap["quorum"]))
    threshold = Share.parse(str(snap["threshold"]))
    out = [t(lang, "vote.rule_quorum", share=share_words(quorum, lang), needed=quorum.needed(vote.members),
             members=vote.members)]
    if snap.get("plurality"):
        out.append(t(lang, "vote.rule_plurality"))
    elif snap["base"] == BASE_CAST:
        out.append(t(lang, "vote.rule_election", share=share_words(threshold, lang)))
    else:
        out.append(t(lang, "vote.rule_threshold", share=share_words(threshold, lang),
                     needed=threshold.needed(vote.members), members=vote.members))
    out.append(t(lang, "vote.rule_self_yes" if snap.get("self_vote", True) else "vote.rule_self_no"))
    return out


def closing_line(vote: Vote, bloc: Bloc, lang: str) -> str:
    if vote.closes_at is None:
        return t(lang, "vote.closes_by_hand", id=vote.id)
    return t(lang, "vote.closes_at", when=fmt_datetime(vote.closes_at, bloc.timezone), id=vote.id)


def turnout(s: Session, vote: Vote) -> tuple[list[Unit], list[Unit]]:
    """(units that voted, units that have not), in code order: turnout only, never choices."""
    assert vote.id is not None
    voted_ids = set(outcome(vote).voted if vote.state != OPEN else voted_unit_ids(s, vote.id))
    units = units_by_ids(s, electorate(vote))
    ordered = sorted(units.values(), key=lambda u: u.code)
    return [u for u in ordered if u.id in voted_ids], [u for u in ordered if u.id not in voted_ids]


def vote_buttons(vote: Vote, lang: str) -> list[list[Button]]:
    """The «🗳 Bỏ phiếu» button of an open vote's post and reminders: the deep link that opens the
    private ballot (a group on Telegram), or, where the bloc's platforms have no deep links (a bloc
    on Zalo alone), a button that answers the presser's private chat with the ballot."""
    if vote.state != OPEN or vote.id is None:
        return []
    label = t(lang, "vote.btn_vote")
    if vote.link:
        return [[Button(label, url=vote.link)]]
    return [[Button(label, data=f"{BALLOT_PREFIX}:{vote.id}:0:o")]]


def post_text(s: Session, vote: Vote, lang: str) -> str:
    """The group post of a vote: candidates, rules, closing time and live turnout."""
    assert vote.id is not None
    bloc = s.get(Bloc, vote.bloc_id)
    assert bloc is not None
    candidates = candidates_of(s, vote.id)
    units = units_by_ids(s, [c.unit_id for c in candidates])
    voted, waiting = turnout(s, vote)
    head = "vote.post_head_award" if vote.kind == AWARD else "vote.post_head_role"
    lines = [t(lang, head, id=vote.id, title=vote_title(vote, lang), round=_round(vote, lang))]
    if vote.kind == AWARD:
        lines.append(t(lang, "vote.post_quota", quota=vote.quota))
    else:
        lines.append(t(lang, "vote.post_one_choice"))
    lines.append(t(lang, "vote.post_candidates", count=len(candidates)))
    scores = final_scores(s, vote.bloc_id, vote.year) if vote.kind == AWARD else {}
    lines += [f"{c.position}. {unit_line(units[c.unit_id])}" + (
        t(lang, "vote.candidate_score", score=fmt_points(scores[c.unit_id][0]), rank=scores[c.unit_id][1])
        if c.unit_id in scores else "") for c in candidates]
    excluded = [_exclusion(e) for e in json.loads(vote.excluded or "[]")]
    if excluded:
        left = units_by_ids(s, [uid for uid, _, _ in excluded])
        higher = [f"{left[uid].code} ({detail})" for uid, reason, detail in excluded if reason == HIGHER]
        unregistered = [left[uid].code for uid, reason, _ in excluded if reason == UNREGISTERED]
        low = [f"{left[uid].code} ({fmt_points(Decimal(d)) if d else '—'})" for uid, reason, d in excluded
               if reason == LOW_SCORE]
        if higher:
            lines.append(t(lang, "vote.post_excluded", units="; ".join(higher)))
        if unregistered:
            lines.append(t(lang, "vote.post_unregistered", units=", ".join(unregistered)))
        if low:
            minimum = rules_snapshot(vote).get("min_score")
            lines.append(t(lang, "vote.post_low_score", units="; ".join(low),
                           minimum=fmt_points(Decimal(str(minimum))) if minimum else "—"))
    lines += rules_lines(vote, lang)
    lines.append(closing_line(vote, bloc, lang))
    lines.append(t(lang, "vote.turnout", voted=len(voted), members=vote.members))
    if voted:
        lines.append(t(lang, "vote.turnout_voted", units=codes(voted)))
    if vote.state == OPEN:
        if waiting:
            lines.append(t(lang, "vote.turnout_waiting", units=codes(waiting)))
        lines.append(t(lang, "vote.post_secret", id=vote.id))
    else:
        when = fmt_datetime(vote.closed_at, bloc.timezone) if vote.closed_at else ""
        lines.append(t(lang, "vote.post_closed" if vote.state == CLOSED else "vote.post_void", when=when, id=vote.id))
    return "\n".join(lines)


def _exclusion(entry: list[object]) -> tuple[int, str, str]:
    """A stored exclusion: [unit, reason, detail], or [unit, award or None] as votes before the score
    rule stored it."""
    if len(entry) == 3:
        return int(str(entry[0])), str(entry[1]), str(entry[2] or "")
    return int(str(entry[0])), HIGHER if entry[1] is not None else UNREGISTERED, str(entry[1] or "")


def _count_line(vote: Vote, c: VoteCandidate, unit: Unit, lang: str) -> str:
    base = share_base(vote)
    share = percent_text(Fraction(c.approvals or 0, base) if base else Fraction(0), lang)
    mark = " ✅" if c.selected else (" ⚖️" if c.tied else "")
    return t(lang, "results.line", position=c.position, unit=unit_line(unit), count=c.approvals or 0,
             percent=share, mark=mark)


def results_text(s: Session, vote: Vote, lang: str, role_error: str | None = None) -> str:
    """The results post of a closed (or void) vote, from the stored results."""
    assert vote.id is not None and vote.state != OPEN
    bloc = s.get(Bloc, vote.bloc_id)
    assert bloc is not None
    result = outcome(vote)
    title = vote_title(vote, lang)
    when = fmt_datetime(vote.closed_at, bloc.timezone) if vote.closed_at else ""
    voted, _ = turnout(s, vote)
    cast = vote.cast_count or 0
    if vote.state != CLOSED:
        return t(lang, "results.void", id=vote.id, title=title, when=when, cast=cast, members=vote.members,
                 needed=result.quorum_needed, units=codes(voted) or "—",
                 share=share_words(Share.parse(str(rules_snapshot(vote)["quorum"])), lang))
    candidates = candidates_of(s, vote.id)
    units = units_by_ids(s, [c.unit_id for c in candidates])
    snap = rules_snapshot(vote)
    base_key = "results.base_cast" if snap["base"] == BASE_CAST else "results.base_members"
    lines = [
        t(lang, "results.head", id=vote.id, title=title, round=_round(vote, lang)),
        t(lang, "results.turnout", when=when, members=vote.members, cast=cast,
          percent=percent_text(Fraction(cast, vote.members), lang), blank=vote.blank_count or 0),
        *rules_lines(vote, lang),
        t(lang, base_key),
    ]
    ranked = sorted(candidates, key=lambda c: (-(c.approvals or 0), c.position))
    lines += [_count_line(vote, c, units[c.unit_id], lang) for c in ranked]
    selected = [units[c.unit_id] for c in ranked if c.selected]
    tied = [units[c.unit_id] for c in ranked if c.tied]
    runoff = [units[c.unit_id] for c in candidates if c.position in result.runoff]
    if vote.kind == AWARD:
        lines.append(t(lang, "results.selected", quota=vote.quota, units="; ".join(unit_line(u) for u in selected))
                     if selected else t(lang, "results.none_selected"))
        if tied:
            seats = vote.quota - len(selected)
            lines.append(t(lang, "results.tied", units=codes(tied), seats=seats, id=vote.id))
    else:
        role = t(lang, f"role.{vote.kind}")
        if selected:
            lines.append(t(lang, "results.elected", role=role, year=vote.term_year, unit=unit_line(selected[0])))
            if role_error:
                other = t(lang, "role.deputy" if vote.kind == "head" else "role.head")
                lines.append(t(lang, "results.role_error", error=t(lang, role_error, code=selected[0].code,
                                                                    year=vote.term_year, other=other, role=role)))
            elif vote.kind == "head":
                deputy = next((v for v in votes_of_topic(s, vote.bloc_id, topic_of("deputy", year=vote.term_year or 0))
                               if v.state == OPEN), None)
                lines.append(t(lang, "results.deputy_opened", id=deputy.id, year=vote.term_year) if deputy
                             else t(lang, "results.next_deputy", year=vote.term_year))
            else:
                lines.append(t(lang, "results.roles_recorded", year=vote.term_year))
        elif runoff:
            lines.append(t(lang, "results.runoff_needed", role=role, units=codes(runoff), id=vote.id))
        else:
            lines.append(t(lang, "results.nobody", role=role, year=vote.term_year))
    receipts = list(result.receipts)
    lines.append(t(lang, "results.receipts", count=len(receipts), codes=", ".join(receipts)))
    lines.append(t(lang, "results.voted", units=codes(voted)))
    found = slips.hashes(s, vote)
    lines.append(t(lang, "results.recount", id=vote.id, slips=found.slips, receipts=found.receipts))
    return "\n".join(lines)


def reminder_group_text(s: Session, vote: Vote, waiting: list[Unit], handles: dict[int, str], lang: str,
                        bloc: Bloc) -> str:
    names = "; ".join(f"{u.code}" + (f" ({handles[id_of(u)]})" if handles.get(id_of(u)) else "")
                      for u in waiting)
    return t(lang, "vote.remind_group", id=vote.id, title=vote_title(vote, lang), count=len(waiting),
             members=vote.members, units=names, when=fmt_datetime(vote.closes_at, bloc.timezone) if vote.closes_at
             else "")


def reminder_private_text(vote: Vote, unit: Unit, lang: str, bloc: Bloc, when: datetime | None) -> str:
    return t(lang, "vote.remind_private", id=vote.id, title=vote_title(vote, lang), code=unit.code,
             when=fmt_datetime(when, bloc.timezone) if when else "")


def render_live(s: Session, vote_id: int) -> OutMessage | None:
    """The live post of a vote (its turnout kept up to date), in the bloc's language."""
    vote = s.get(Vote, vote_id)
    bloc = s.get(Bloc, vote.bloc_id) if vote is not None else None
    if vote is None or bloc is None:
        return None
    return OutMessage(post_text(s, vote, bloc.language), buttons=vote_buttons(vote, bloc.language))


# --- /results: every vote of a year, one line each -------------------------------------------------

def _result_line(s: Session, vote: Vote, lang: str) -> str:
    assert vote.id is not None
    title = vote_title(vote, lang)
    if vote.state == OPEN:
        voted = len(voted_unit_ids(s, vote.id))
        return t(lang, "results.item_open", id=vote.id, title=title, voted=voted, members=vote.members)
    if vote.state != CLOSED:
        return t(lang, "results.item_void", id=vote.id, title=title, cast=vote.cast_count or 0, members=vote.members)
    candidates = candidates_of(s, vote.id)
    units = units_by_ids(s, [c.unit_id for c in candidates])
    base = vote.cast_count if vote.kind != AWARD else vote.members
    parts = [f"✅ {units[c.unit_id].code} ({c.approvals}/{base})" for c in candidates if c.selected]
    tied = [f"{units[c.unit_id].code} ({c.approvals}/{base})" for c in candidates if c.tied]
    if tied:
        parts.append(t(lang, "results.item_tied", units=", ".join(tied)))
    runoff = outcome(vote).runoff
    if not parts and runoff and vote.kind != AWARD:
        parts.append(t(lang, "results.item_runoff", units=", ".join(
            units[c.unit_id].code for c in candidates if c.position in runoff)))
    return t(lang, "results.item", id=vote.id, title=title, result="; ".join(parts) or t(lang, "results.item_none"))


def year_results_text(s: Session, bloc: Bloc, votes: list[Vote], year: int, lang: str) -> str:
    """The final answer per award and role after run-offs (units by code, no numbers: a list is not a
    ranking), then the path that led there, round by round."""
    if not votes:
        return t(lang, "results.empty", year=year)
    lines = [t(lang, "results.final_head", bloc=bloc.name, year=year)]
    for f in final_results.final_results(s, bloc, year):
        title = f.title if f.kind == AWARD else t(lang, "vote.title_role", role=t(lang, f"role.{f.kind}"), year=f.year)
        codes = ", ".join(sorted(u.code for u in f.units))
        status = f.status
        if status == final_results.DONE:
            answer = codes
        elif status == final_results.TIED:
            tied = ", ".join(sorted(u.code for u in f.rounds[-1].tied()))
            answer = t(lang, "results.final_tied", units=tied, id=f.rounds[-1].vote.id)
            answer = f"{codes}; {answer}" if codes else answer
        else:
            answer = t(lang, f"results.final_{status}", id=f.rounds[-1].vote.id)
        lines.append(t(lang, "results.final_item", title=title, answer=answer))
    lines.append("")
    lines.append(t(lang, "results.year_head", bloc=bloc.name, year=year))
    lines += [_result_line(s, v, lang) for v in votes]
    lines.append(t(lang, "results.year_foot", year=year))
    return "\n".join(lines)


# --- the private ballot ---------------------------------------------------------------------------------

def ballot_message(s: Session, place: BallotSeat, mask: int, lang: str, *, typed: bool) -> OutMessage:
    """The unit's ballot: buttons that tick candidates (the ticks travel as a bitmask in the callback
    data, never stored), or, on a text-only platform (``typed``), numbered lines answered with numbers."""
    vote, unit = place.vote, place.unit
    assert vote.id is not None and unit.id is not None
    how = t(lang, "ballot.how_typed", quota=vote.quota, example=_example(place), id=vote.id) if typed \
        else t(lang, "ballot.how", quota=vote.quota)
    lines = [t(lang, "ballot.head", id=vote.id, title=vote_title(vote, lang)),
             t(lang, "ballot.unit", unit=unit_line(unit)),
             how,
             closing_line(vote, place.bloc, lang)]
    existing = ballot_of_unit(s, vote.id, unit.id)
    if existing is not None:
        lines.append(t(lang, "ballot.already", when=fmt_datetime(existing.cast_at, place.bloc.timezone),
                       receipt=existing.receipt))
    if len(place.offered) < len(place.candidates):
        lines.append(t(lang, "ballot.no_self", code=unit.code))
    lines.append(t(lang, "ballot.secret"))
    if typed:
        # The numbers the officer answers ("2 5") complete /phieu <id>, validated like the typed command.
        lines += [f"{c.position}. {unit_line(place.units[c.unit_id])}" for c in place.offered]
        # Shown after a ballot exists (and said so above), the answer is a confirmed replacement.
        suffix = " thay" if existing is not None else ""
        return OutMessage("\n".join(lines), numbered_reply=f"/phieu {vote.id}{suffix}")
    lines.append(t(lang, "ballot.typed", id=vote.id))
    rows = []
    for c in place.offered:
        mark = "☑️" if mask >> (c.position - 1) & 1 else "⬜"
        rows.append([Button(f"{mark} {c.position}. {unit_line(place.units[c.unit_id])}"[:60],
                            data=callback_data(BALLOT_PREFIX, vote.id, f"{mask:x}", f"t{c.position}"))])
    ticked = bin(mask).count("1")
    label = t(lang, "ballot.btn_send", count=ticked, quota=vote.quota) if ticked else t(lang, "ballot.btn_send_blank")
    rows.append([Button(label, data=callback_data(BALLOT_PREFIX, vote.id, f"{mask:x}", "s"))])
    return OutMessage("\n".join(lines), buttons=rows)


def _example(place: BallotSeat) -> str:
    """An answer that is valid on this ballot, for its how-to line: one number, or two with a quota."""
    offered = [c.position for c in place.offered]
    if not offered:
        return "1"
    first = offered[1] if len(offered) > 2 else offered[0]
    if place.vote.quota < 2 or len(offered) < 2:
        return str(first)
    return f"{first} {offered[-1]}"


def receipt_message(place: BallotSeat, cast: Cast, lang: str, *, buttons: bool) -> OutMessage:
    vote = place.vote
    text = t(lang, "ballot.received", id=vote.id, title=vote_title(vote, lang), code=place.unit.code,
             when=fmt_datetime(cast.at, place.bloc.timezone), receipt=cast.receipt)
    if cast.replaced:
        text += "\n" + t(lang, "ballot.replaced_note")
    again = [[Button(t(lang, "ballot.btn_again"), data=callback_data(BALLOT_PREFIX, vote.id, "0", "n"))]]
    return OutMessage(text, buttons=again if buttons else [])


# --- /vote_rules ----------------------------------------------------------------------------------------

def rules_text(rules: BlocRules, bloc: Bloc, members: int, lang: str) -> str:
    yes_no = {True: t(lang, "rules.yes"), False: t(lang, "rules.no")}
    return "\n".join([
        t(lang, "rules.header", bloc=bloc.name),
        t(lang, "rules.quorum", share=share_words(rules.quorum, lang), members=members,
          needed=rules.quorum.needed(members)),
        t(lang, "rules.threshold", share=share_words(rules.threshold, lang), members=members,
          needed=rules.threshold.needed(members)),
        t(lang, "rules.election", share=share_words(rules.election, lang)),
        t(lang, "rules.self_vote", value=yes_no[rules.self_vote]),
        t(lang, "rules.exclude", value=yes_no[rules.exclude_higher]),
        t(lang, "rules.registration", value=yes_no[rules.registration] if rules.registration is not None
          else t(lang, "rules.registration_auto")),
        t(lang, "rules.min_score", value=fmt_points(rules.min_score) if rules.min_score is not None
          else t(lang, "rules.no")),
        "",
        t(lang, "rules.help"),
    ])
