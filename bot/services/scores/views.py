"""What a unit is told when its scores are taken: the same receipt in the chat, whether the scores came
in a workbook or through the web form."""

from __future__ import annotations

from bot.i18n import t
from bot.services.scores.service import Scored
from bot.services.scores.table import fmt
from bot.timefmt import fmt_datetime
from storage.models import Bloc


def receipt(lang: str, bloc: Bloc, scored: Scored, key: str, **extra: object) -> str:
    lines = [t(lang, key, code=scored.unit.code, version=scored.row.version,
               when=fmt_datetime(scored.row.submitted_at, bloc.timezone), **extra)]
    lines += [t(lang, "scores.receipt_group", code=g.code, points=fmt(p), max=fmt(g.max)) for g, p in scored.totals.groups]
    lines.append(t(lang, "scores.total", total=fmt(scored.totals.total), max=fmt(scored.table.total)))
    if scored.late:
        lines.append(t(lang, "scores.late"))
    return "\n".join(lines)
