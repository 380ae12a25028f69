"""Title registration (đăng ký danh hiệu thi đua): /register_open, /register and its buttons,
/register_status, /register_export."""

from __future__ import annotations

import re

from bot.errors import UserError
from bot.ports import Button, Document, OutMessage, callback_data
from bot.records import Bloc
from bot.services.blocs.roles import parse_year
from bot.services.registration import export
from bot.services.registration import service as reg
from bot.timefmt import fmt_datetime
from handlers.args import fields
from handlers.calendar import announce_item, deadline_time
from handlers.publish import publish
from handlers.registry import Callback, Command, Who
from handlers.request import Request

PREFIX = "rg"  # rg:<year>:<choice number>: adds or removes that title for the presser's unit
YEAR = re.compile(r"^\d{4}$")


def _post(req: Request, bloc: Bloc, year: int, deadline: str) -> OutMessage:
    offered = reg.choices(req.session, bloc, req.now)
    lines = [req.t("register.post_head", year=year, deadline=deadline), req.t("register.post_how")]
    lines += [f"{n}. {title}" for n, title in enumerate(offered, start=1)]
    lines.append(req.t("register.post_typed", year=year, example=" ".join(str(n) for n in range(1, min(3, len(offered)) + 1))))
    buttons = [[Button(f"{n}. {title}"[:60], data=callback_data(PREFIX, year, n))] for n, title in enumerate(offered, 1)]
    return OutMessage("\n".join(lines), buttons=buttons, numbered_reply=f"/register {year}")


async def register_open(req: Request) -> None:
    bloc = req.require_bloc()
    parts = fields(req.args)
    if len(parts) != 2 or not YEAR.match(parts[0]) or not parts[1]:
        raise UserError("register_open.usage")
    year = parse_year(parts[0], bloc, req.now)
    item = reg.open_registration(req.session, bloc=bloc, year=year, when=deadline_time(req, parts[1]),
                                 standing=req.standing, now=req.now)
    await announce_item(req, item)
    post = _post(req, bloc, year, fmt_datetime(item.when_at, bloc.timezone))
    if not await publish(req, bloc, post, key=f"register{year}:{item.id}"):
        await req.reply(post)


def _done_text(req: Request, year: int, done: reg.Registered) -> str:
    titles = "; ".join(done.titles) or req.t("register.nothing")
    key = "register.replaced" if done.replaced else "register.done"
    text = req.t(key, code=done.unit.code, name=done.unit.name, year=year, titles=titles,
                 version=done.row.version)
    return text + ("\n" + req.t("register.late") if done.late else "")


async def register(req: Request) -> None:
    bloc = req.require_bloc()
    words = req.args.split()
    if not words or not YEAR.match(words[0]):
        raise UserError("register.usage")
    year = parse_year(words[0], bloc, req.now)
    done = reg.register(req.session, bloc=bloc, who=req.standing, year=year, numbers=words[1:],
                        files=req.core.files, platform=req.messenger.platform, now=req.now)
    await req.reply(_done_text(req, year, done))


async def register_press(req: Request, match: re.Match[str]) -> None:
    bloc = req.require_bloc()
    year, number = int(match.group(1)), int(match.group(2))
    done = reg.toggle(req.session, bloc=bloc, who=req.standing, year=year, number=number, files=req.core.files,
                      platform=req.messenger.platform, now=req.now)
    req.toast(_done_text(req, year, done)[:190])


def _year(req: Request) -> int:
    return parse_year(req.args.strip() or None, req.require_bloc(), req.now)


async def register_status(req: Request) -> None:
    bloc = req.require_bloc()
    year = _year(req)
    item, rows = reg.status(req.session, bloc, year)
    lines = [req.t("register.status_head", year=year, deadline=fmt_datetime(item.when_at, bloc.timezone),
                   done=sum(1 for r in rows if r.row is not None), total=len(rows))]
    for row in rows:
        if row.row is None:
            lines.append(req.t("register.status_missing", code=row.unit.code))
        else:
            lines.append(req.t("register.status_line", code=row.unit.code,
                               titles="; ".join(row.titles) or req.t("register.nothing"),
                               when=fmt_datetime(row.row.registered_at, bloc.timezone),
                               who=row.officer.display_name if row.officer else "?", version=row.row.version))
    await req.reply("\n".join(lines))


async def register_export(req: Request) -> None:
    bloc = req.require_bloc()
    year = _year(req)
    _, rows = reg.status(req.session, bloc, year)
    content = export.workbook(bloc, year, reg.choices(req.session, bloc, req.now), rows, req.now)
    await req.reply(OutMessage(req.t("register.export_caption", year=year),
                               document=Document(f"tong-hop-dang-ky-thi-dua-{year}.xlsx", content, export.XLSX_MIME)))


COMMANDS = [
    Command("register_open", register_open, who=Who.MANAGER),
    Command("register", register, who=Who.OFFICER),
    Command("register_status", register_status, who=Who.MEMBER),
    Command("register_export", register_export, who=Who.MEMBER),
]
CALLBACKS = [Callback(PREFIX, register_press, re.compile(r"(\d{4}):(\d{1,2})"))]
