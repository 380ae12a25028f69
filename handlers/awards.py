"""/awards: the bloc's award catalog (danh hiệu, hình thức khen thưởng) and their quotas."""

from __future__ import annotations

from bot.errors import UserError
from bot.services.awards import service as awards
from bot.text import fold
from handlers.registry import Command, Who
from handlers.request import Request

_VERBS = {
    "them": "add", "add": "add",
    "chitieu": "quota", "quota": "quota",
    "vitri": "move", "move": "move", "order": "move",
    "xoa": "remove", "remove": "remove",
}


def catalog_text(req: Request) -> str:
    bloc = req.require_bloc()
    items = awards.catalog(req.session, bloc, req.now)
    lines = [req.t("awards.header", bloc=bloc.name)]
    lines += [req.t("awards.line", index=i, name=a.name, quota=a.quota) for i, a in enumerate(items, start=1)]
    if not items:
        lines.append(req.t("awards.empty"))
    lines += ["", req.t("awards.help")]
    return "\n".join(lines)


def _split_last(rest: str, usage: str) -> tuple[str, str]:
    """``Bằng khen 4`` or ``3 | 4`` -> (reference, number)."""
    if "|" in rest:
        ref, _, number = rest.rpartition("|")
    else:
        ref, _, number = rest.strip().rpartition(" ")
    if not ref.strip() or not number.strip():
        raise UserError(usage)
    return ref.strip(), number.strip()


async def awards_command(req: Request) -> None:
    bloc = req.require_bloc()
    word, _, rest = req.args.strip().partition(" ")
    if not word:
        await req.reply(catalog_text(req))
        return
    verb = _VERBS.get(fold(word))
    if verb is None:
        raise UserError("awards.usage")
    if not req.standing.can_manage:
        raise UserError("err.not_manager", command="awards")
    if verb == "add":
        parts = [p.strip() for p in rest.split("|")]
        if len(parts) not in (2, 3) or not parts[0]:
            raise UserError("awards.usage")
        quota = awards.parse_quota(parts[1])
        position = None
        if len(parts) == 3:
            if not parts[2].isdigit():
                raise UserError("awards.usage")
            position = int(parts[2])
        award = awards.add_award(req.session, bloc=bloc, name=parts[0], quota=quota, position=position,
                                 actor=req.actor, now=req.now)
        done = req.t("awards.added", name=award.name, quota=award.quota)
    elif verb == "quota":
        ref, number = _split_last(rest, "awards.usage")
        award = awards.set_quota(req.session, bloc=bloc, ref=ref, quota=awards.parse_quota(number),
                                 actor=req.actor, now=req.now)
        done = req.t("awards.quota_set", name=award.name, quota=award.quota)
    elif verb == "move":
        ref, number = _split_last(rest, "awards.usage")
        if not number.isdigit():
            raise UserError("awards.usage")
        award = awards.move_award(req.session, bloc=bloc, ref=ref, position=int(number), actor=req.actor,
                                  now=req.now)
        done = req.t("awards.moved", name=award.name)
    else:
        if not rest.strip():
            raise UserError("awards.usage")
        award = awards.remove_award(req.session, bloc=bloc, ref=rest, actor=req.actor, now=req.now)
        done = req.t("awards.removed", name=award.name)
    await req.reply(done + "\n\n" + catalog_text(req))


COMMANDS = [
    Command("awards", awards_command, who=Who.MEMBER),
]
