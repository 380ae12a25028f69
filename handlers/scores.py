"""The score table and the year's scores: /scoretable, /score_open, /score, /crosscheck, /score_status,
/score_final. Workbooks travel as .xlsx: sent as files, read back from a file captioned with the
command or a reply to one."""

from __future__ import annotations

from decimal import Decimal

from bot.errors import UserError
from bot.ports import Attachment, Document, OutMessage
from bot.records import Bloc, Unit
from bot.services.blocs.roles import parse_year
from bot.services.blocs.standing import bloc_year
from bot.services.scores import export, facts, forms, views
from bot.services.scores import service as scores
from bot.services.scores.sheets import XLSX_MIME, SheetError, table_workbook
from bot.services.scores.table import BONUS, PENALTY, Table, fmt
from bot.timefmt import fmt_datetime
from handlers.args import fields
from handlers.calendar import announce_item, deadline_time, download
from handlers.registry import Command, Who
from handlers.request import Request


def _attachment(req: Request) -> Attachment | None:
    return req.incoming.attachment or req.incoming.reply_attachment


async def _workbook(req: Request, attachment: Attachment) -> bytes:
    if attachment.kind == "link":
        raise UserError("scores.not_xlsx")
    return await download(req, attachment)


def _refusal(req: Request, exc: SheetError) -> UserError:
    """All the problems of a workbook in one answer (nothing of it is stored)."""
    lines = [req.t(key, **params) for key, params in exc.problems]
    return UserError("scores.refused", problems="\n".join(f"• {line}" for line in lines))


def _summary(req: Request, table: Table, year: int, adopted: bool) -> str:
    lines = [req.t("scores.table_head", year=year, total=fmt(table.total),
                   source=req.t("scores.table_adopted" if adopted else "scores.table_default"))]
    for group in table.groups:
        key = "scores.group_bonus" if group.kind == BONUS else "scores.group_penalty" if group.kind == PENALTY \
            else "scores.group"
        lines.append(req.t(key, code=group.code, name=group.name, max=fmt(group.max)))
    lines.append(req.t("scores.table_foot", criteria=len(table.leaves)))
    return "\n".join(lines)


async def scoretable(req: Request) -> None:
    bloc = req.require_bloc()
    assert bloc.id is not None
    words = req.args.split()
    if words and words[0].lower() == "map":
        if not req.standing.can_manage:
            raise UserError("err.not_manager", command="scoretable")
        if len(words) != 3:
            raise UserError("scores.map_usage")
        year = bloc_year(bloc, req.now)
        table = scores.map_fact(req.session, bloc=bloc, year=year, code=words[1], fact=words[2], actor=req.actor,
                                now=req.now)
        await req.reply(req.t("scores.mapped", year=year, mapping="; ".join(facts.describe(table))))
        return
    year = parse_year(req.args.strip() or None, bloc, req.now)
    attachment = _attachment(req)
    if attachment is not None:
        if not req.standing.can_manage:
            raise UserError("err.not_manager", command="scoretable")
        data = await _workbook(req, attachment)
        saved = req.core.files.write(data)
        try:
            table = scores.adopt(req.session, bloc=bloc, year=year, data=data, saved=saved,
                                 file_name=attachment.file_name or f"bang-tieu-chuan-{year}.xlsx",
                                 platform=req.messenger.platform, actor=req.actor, now=req.now)
        except SheetError as exc:
            raise _refusal(req, exc) from None
        await req.reply(req.t("scores.adopted", year=year) + "\n\n" + _summary(req, table, year, True))
        return
    table, adopted = scores.table_of(req.session, bloc.id, year)
    content = table_workbook(table, title=f"BẢNG TIÊU CHUẨN CHẤM ĐIỂM THI ĐUA NĂM {year} — {bloc.name}")
    await req.reply(OutMessage(_summary(req, table, year, adopted),
                               document=Document(f"bang-tieu-chuan-{year}.xlsx", content, XLSX_MIME)))


async def score_open(req: Request) -> None:
    bloc = req.require_bloc()
    parts = fields(req.args)
    if len(parts) != 2 or not parts[0].isdigit() or not parts[1]:
        raise UserError("score_open.usage")
    year = parse_year(parts[0], bloc, req.now)
    item = scores.open_scoring(req.session, bloc=bloc, year=year, when=deadline_time(req, parts[1]),
                               standing=req.standing, now=req.now,
                               sheet_text=req.t("scores.sheet_sent", year=year, code="{code}"))
    await announce_item(req, item)


def _form_line(req: Request, bloc: Bloc, unit: Unit, year: int, kind: str) -> str:
    """A personal one-time link to the web form, where the bot's web server is reachable (on Zalo, the
    way to score: no uploads); the link goes to this chat only, so it is not offered in a group."""
    secret = req.core.settings.form_secret()
    if req.is_group or secret is None or req.core.settings.khoibot_public_url is None:
        return ""
    if kind == forms.SELF and scores.scoring_item(req.session, bloc, year) is None:
        return ""
    token, expires = forms.create(req.session, bloc=bloc, unit=unit, year=year, kind=kind,
                                  officer_id=req.actor.officer_id, account_id=req.account.id, secret=secret,
                                  now=req.now)
    return "\n" + req.t("scores.form_link", url=req.core.settings.form_url(token),
                        expires=fmt_datetime(expires, bloc.timezone))


def _year(req: Request, bloc: Bloc) -> int:
    raw = req.args.split()[0] if req.args.split() else None
    return parse_year(raw, bloc, req.now) if raw else bloc_year(bloc, req.now)


async def score(req: Request) -> None:
    bloc = req.require_bloc()
    year = _year(req, bloc)
    unit = req.standing.unit
    if unit is None:
        raise UserError("scores.not_officer")
    attachment = _attachment(req)
    if attachment is None:
        text = req.t("scores.sheet_here", code=unit.code, year=year) + _form_line(req, bloc, unit, year, forms.SELF)
        await req.reply(OutMessage(text, document=Document(
            f"bang-diem-{year}-{unit.code}.xlsx", scores.unit_sheet(req.session, bloc, unit, year, req.now),
            XLSX_MIME)))
        return
    if scores.scoring_item(req.session, bloc, year) is None:  # refused before downloading anything
        raise UserError("scores.not_open", year=year)
    data = await _workbook(req, attachment)
    saved = req.core.files.write(data)
    try:
        scored = scores.submit_self(req.session, bloc=bloc, who=req.standing, year=year, data=data, saved=saved,
                                    attachment=Attachment("document", file_name=attachment.file_name or
                                                          f"bang-diem-{year}-{unit.code}.xlsx", mime=XLSX_MIME),
                                    platform=req.messenger.platform, now=req.now)
    except SheetError as exc:
        raise _refusal(req, exc) from None
    await req.reply(views.receipt(req.lang, bloc, scored, "scores.received"))


async def crosscheck(req: Request) -> None:
    bloc = req.require_bloc()
    words = req.args.split(maxsplit=1)
    year = bloc_year(bloc, req.now)
    if words and words[0].lower() in ("open", "mo", "mở"):
        if not req.standing.can_manage:
            raise UserError("err.not_manager", command="crosscheck")
        pairs = scores.assign_checks(req.session, bloc=bloc, year=year, how=words[1] if len(words) > 1 else "",
                                     actor=req.actor, now=req.now,
                                     sheet_text=req.t("scores.check_sent", year=year, code="{code}", target="{target}"))
        await req.reply(req.t("scores.checks_assigned", year=year,
                              pairs=", ".join(f"{c.code} → {t.code}" for c, t in pairs)))
        return
    unit = req.standing.unit
    if unit is None:
        raise UserError("scores.not_officer")
    attachment = _attachment(req)
    if attachment is None:
        target, content = scores.check_sheet(req.session, bloc, unit, year)
        text = req.t("scores.check_here", code=unit.code, target=target.code) + _form_line(
            req, bloc, unit, year, forms.CHECK)
        await req.reply(OutMessage(text, document=Document(f"cham-cheo-{year}-{target.code}.xlsx", content,
                                                           XLSX_MIME)))
        return
    scores.check_sheet(req.session, bloc, unit, year)  # refused before downloading: no assignment
    data = await _workbook(req, attachment)
    saved = req.core.files.write(data)
    try:
        checked, own_total = scores.submit_check(req.session, bloc=bloc, who=req.standing, year=year, data=data,
                                                 saved=saved, file_name=attachment.file_name or "cham-cheo.xlsx",
                                                 platform=req.messenger.platform, now=req.now)
    except SheetError as exc:
        raise _refusal(req, exc) from None
    await req.reply(views.receipt(req.lang, bloc, checked, "scores.check_received", checker=unit.code,
                                  own=fmt(own_total)))


def _unit_score(req: Request, row: scores.UnitScores) -> str:
    if row.self_row is None:
        return req.t("scores.status_missing", code=row.unit.code)
    line = req.t("scores.status_self", code=row.unit.code, total=fmt(Decimal(row.self_row.total)),
                 version=row.self_row.version)
    if row.check_row is not None and row.checker is not None:
        line += "; " + req.t("scores.status_checked", checker=row.checker.code,
                             total=fmt(Decimal(row.check_row.total)),
                             differences=", ".join(row.differences()) or req.t("scores.no_differences"))
    return line


async def score_status(req: Request) -> None:
    bloc = req.require_bloc()
    year = _year(req, bloc)
    rows = scores.status(req.session, bloc, year)
    lines = [req.t("scores.status_head", year=year, done=sum(1 for r in rows if r.self_row), total=len(rows))]
    lines += [_unit_score(req, r) for r in rows]
    await req.reply("\n".join(lines))


async def score_final(req: Request) -> None:
    bloc = req.require_bloc()
    year = bloc_year(bloc, req.now)
    words = req.args.split()
    if words and len(words) != 3:
        raise UserError("score_final.usage")
    override = (words[0], words[1], words[2]) if words else None
    table, ranking = scores.settle(req.session, bloc=bloc, year=year, actor=req.actor, now=req.now, override=override)
    lines = [req.t("scores.ranking_head", year=year)]
    for r in ranking:
        mark = req.t("scores.ranking_changed", criteria=", ".join(r.changed)) if r.changed else ""
        if r.corrected:
            mark += req.t("scores.ranking_corrected", criteria=", ".join(r.corrected))
        lines.append(req.t("scores.ranking_line", rank=r.rank, code=r.unit.code, name=r.unit.name,
                           total=fmt(r.total), mark=mark))
    ties = {r.rank for r in ranking if sum(1 for x in ranking if x.rank == r.rank) > 1}
    if ties:
        lines.append(req.t("scores.ranking_ties"))
    content = export.workbook(bloc, year, table, ranking, export.cell_values(req.session, bloc, year), req.now)
    await req.reply(OutMessage("\n".join(lines), document=Document(
        f"tong-hop-ket-qua-cham-diem-{year}.xlsx", content, XLSX_MIME)))


COMMANDS = [
    Command("scoretable", scoretable, who=Who.MEMBER),
    Command("score_open", score_open, who=Who.MANAGER),
    Command("score", score, who=Who.OFFICER),
    Command("crosscheck", crosscheck, who=Who.OFFICER),
    Command("score_status", score_status, who=Who.MEMBER),
    Command("score_final", score_final, who=Who.MANAGER),
]
ATTACHMENTS = {scores.SHEET: scores.render_sheet, scores.CHECK_SHEET: scores.render_check_sheet}
