"""How join requests read: the group post (a live post), the approvers' copy, the /requests list."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session

from bot.i18n import t
from bot.ports import Button, OutMessage, callback_data
from bot.services.blocs.standing import ROLES, managers_in_place, role_units_now
from bot.services.people.requests import APPROVED, CANCELLED, EXPIRED, PENDING, REJECTED, PendingRequest
from bot.timefmt import fmt_datetime
from storage.models import Bloc, JoinRequest, Officer, Unit, id_of
from storage.queries.blocs import officers_by_unit

JOIN = "j"  # j:a:<request id> approves, j:r:<request id> rejects (on the request's own post)
LIST = "jl"  # jl:a:<request id>, jl:r:<request id>: the same from the /requests list, which is redrawn


def decision_buttons(lang: str, request_id: int) -> list[list[Button]]:
    return [[Button(t(lang, "join.btn_approve"), data=callback_data(JOIN, "a", request_id)),
             Button(t(lang, "join.btn_reject"), data=callback_data(JOIN, "r", request_id))]]


def who_approves(s: Session, bloc: Bloc, now: datetime) -> str:
    """Names the people who can answer a request now, so nobody waits for a head who does not exist yet."""
    lang = bloc.language
    held = role_units_now(s, bloc, now)
    officers = officers_by_unit(s, held.values())
    names = [o.display_name for role in ROLES if role in held for o in officers.get(held[role], [])]
    admin = s.get(Officer, bloc.setup_admin_id) if bloc.setup_admin_id is not None else None
    if admin is not None and not managers_in_place(s, bloc, now):
        admin_text = t(lang, "join.approver_setup_admin", name=admin.display_name)
        if not names:
            return admin_text
        return t(lang, "join.approvers_and_admin", names=", ".join(names), admin=admin_text)
    if names:
        return t(lang, "join.approvers_named", names=", ".join(names))
    return t(lang, "join.approvers_nobody")


def request_message(s: Session, request: JoinRequest, now: datetime) -> OutMessage:
    """The request's post as it should read now: with buttons while pending, the outcome after."""
    bloc, unit, asker = s.get(Bloc, request.bloc_id), s.get(Unit, request.unit_id), s.get(Officer, request.officer_id)
    assert bloc is not None and unit is not None and asker is not None
    lang, name = bloc.language, asker.display_name
    if request.status == PENDING:
        text = t(lang, "join.request_post", name=name, code=unit.code, unit=unit.name,
                 who=who_approves(s, bloc, now))
        return OutMessage(text=text, buttons=decision_buttons(lang, id_of(request)))
    decider = s.get(Officer, request.decided_by_id) if request.decided_by_id is not None else None
    approver = decider.display_name if decider is not None else ""
    key = {APPROVED: "join.approved_post", REJECTED: "join.rejected_post", CANCELLED: "join.cancelled_post",
           EXPIRED: "join.expired_post"}[request.status]
    return OutMessage(text=t(lang, key, name=name, code=unit.code, unit=unit.name, approver=approver))


def render_live(s: Session, request_id: int) -> OutMessage | None:
    """The live renderer (kind "join")."""
    request = s.get(JoinRequest, request_id)
    if request is None:
        return None
    now = request.decided_at or request.created_at
    return request_message(s, request, now)


def pending_list(bloc: Bloc, pending: list[PendingRequest]) -> OutMessage:
    """/requests: every pending request with its own pair of buttons, so any of them can be answered
    from any platform (on Zalo and in the console the buttons become numbered choices)."""
    lang = bloc.language
    if not pending:
        return OutMessage(text=t(lang, "requests.none"))
    lines = [t(lang, "requests.header", count=len(pending))]
    buttons: list[list[Button]] = []
    for n, p in enumerate(pending, start=1):
        lines.append(t(lang, "requests.line", n=n, name=p.officer.display_name, code=p.unit.code, unit=p.unit.name,
                       at=fmt_datetime(p.request.created_at, bloc.timezone)))
        rid = id_of(p.request)
        buttons.append([Button(t(lang, "requests.btn_approve", n=n, name=p.officer.display_name,
                                 code=p.unit.code), data=callback_data(LIST, "a", rid)),
                        Button(t(lang, "requests.btn_reject", n=n), data=callback_data(LIST, "r", rid))])
    return OutMessage(text="\n".join(lines), buttons=buttons)
