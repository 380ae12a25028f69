"""The scoring web form on the bot's web server: ``GET /form/<token>`` shows it, ``POST`` submits it.

A small, mobile-friendly Vietnamese page: the table's criteria with their maxima, an input for the
points and one for the evidence per scored criterion, running totals (a few lines of script; the
server checks everything again), and the same messages as a workbook gets. Rules and storage are in
bot.services.scores.forms; this module only renders and reads HTTP. Nothing on the page comes from
the request unescaped.
"""

from __future__ import annotations

import html
import logging
from typing import TYPE_CHECKING

from aiohttp import web

from bot.errors import UserError
from bot.i18n import t
from bot.services.scores import forms
from bot.services.scores.sheets import SheetError
from bot.services.scores.table import BONUS, PENALTY, fmt

if TYPE_CHECKING:
    from adapters.web import WebServer
    from bot.core import Core

log = logging.getLogger(__name__)

STYLE = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;padding:12px;max-width:760px;
margin-inline:auto;color:#1b1f24;background:#f6f8fa}
h1{font-size:1.15rem;margin:.2rem 0 .6rem}p{margin:.4rem 0}
.c{background:#fff;border:1px solid #d0d7de;border-radius:8px;padding:10px;margin:8px 0}
.g{font-weight:600;background:#e8eef4}.code{color:#57606a;font-size:.85rem}
label{display:block;font-size:.85rem;color:#57606a;margin-top:6px}
input[type=text]{width:100%;box-sizing:border-box;font-size:1rem;padding:8px;border:1px solid #8c959f;border-radius:6px}
.s{max-width:9rem}.err{background:#ffebe9;border-color:#ff8182}.ok{background:#dafbe1;border-color:#4ac26b}
#totals{position:sticky;bottom:0;background:#fff;border-top:2px solid #0969da;padding:8px;font-weight:600}
button{font-size:1rem;padding:10px 18px;background:#0969da;color:#fff;border:0;border-radius:6px;margin:10px 0}
"""

SCRIPT = """
function total(){var sum=0,bonus=0,pen=0;document.querySelectorAll('input[data-kind]').forEach(function(i){
var v=parseFloat((i.value||'0').replace(',','.'));if(isNaN(v))v=0;var k=i.dataset.kind;
if(k==='bonus')bonus+=v;else if(k==='penalty')pen+=v;else sum+=v;});
var cap=parseFloat(document.getElementById('totals').dataset.cap);if(bonus>cap)bonus=cap;
var t=sum+bonus-pen;document.getElementById('total').textContent=(Math.round(t*100)/100).toString().replace('.',',');}
document.addEventListener('input',total);window.addEventListener('load',total);
"""


def _page(title: str, body: str, lang: str = "vi") -> web.Response:
    text = (f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width,initial-scale=1"><title>{html.escape(title)}</title>'
            f"<style>{STYLE}</style></head><body>{body}</body></html>")
    return web.Response(text=text, content_type="text/html", headers={"Cache-Control": "no-store",
                                                                       "Referrer-Policy": "no-referrer"})


def _form(opened: forms.Opened, values: dict[str, str], problems: list[str], lang: str) -> str:
    link, table = opened.link, opened.table
    title = t(lang, "form.title_self", year=link.year) if link.kind == forms.SELF else \
        t(lang, "form.title_check", year=link.year, code=opened.scorer.code, target=opened.unit.code)
    parts = [f"<h1>{html.escape(title)}</h1>",
             f"<p>{html.escape(opened.bloc.name)} — {html.escape(opened.unit.code)} — {html.escape(opened.unit.name)}</p>",
             f"<p>{html.escape(t(lang, 'form.intro'))}</p>"]
    if problems:
        items = "".join(f"<li>{html.escape(p)}</li>" for p in problems)
        parts.append(f'<div class="c err" id="problems"><p>{html.escape(t(lang, "form.refused"))}</p><ul>{items}</ul></div>')
    parts.append('<form method="post">')
    leaves = {c.code for c in table.leaves}
    for c in table.criteria:
        head = f'<span class="code">{html.escape(c.code)}</span> {html.escape(c.name)} ' \
               f'({html.escape(t(lang, "form.max"))} {fmt(c.max)})'
        if c.code not in leaves:
            parts.append(f'<div class="c g">{head}</div>')
            continue
        given = opened.given.scores.get(c.code) if opened.given and link.kind == forms.SELF else None
        score = values.get(f"score-{c.code}", fmt(given) if given is not None else "")
        note = values.get(f"note-{c.code}", opened.given.notes.get(c.code, "") if opened.given and
                          link.kind == forms.SELF else "")
        kind = "bonus" if c.kind == BONUS else "penalty" if c.kind == PENALTY else "ordinary"
        mine = ""
        if link.kind == forms.CHECK and opened.given and c.code in opened.given.scores:
            mine = f' · {opened.unit.code}: {fmt(opened.given.scores[c.code])}'
        parts.append(
            f'<div class="c">{head}{html.escape(mine)}'
            f'<label for="score-{html.escape(c.code)}">{html.escape(t(lang, "form.score"))}</label>'
            f'<input type="text" inputmode="decimal" class="s" id="score-{html.escape(c.code)}" '
            f'name="score-{html.escape(c.code)}" data-kind="{kind}" value="{html.escape(score)}">'
            f'<label for="note-{html.escape(c.code)}">{html.escape(t(lang, "form.note"))}</label>'
            f'<input type="text" id="note-{html.escape(c.code)}" name="note-{html.escape(c.code)}" '
            f'value="{html.escape(note)}"></div>')
    parts.append(f'<div id="totals" data-cap="{table.bonus_cap}">{html.escape(t(lang, "form.total"))}: '
                 f'<span id="total">0</span> / {fmt(table.total)}</div>')
    parts.append(f'<button type="submit" id="send">{html.escape(t(lang, "form.submit"))}</button></form>')
    parts.append(f"<script>{SCRIPT}</script>")
    return "".join(parts)


def register(server: WebServer, core: Core) -> None:
    def secret() -> str:
        value = core.settings.form_secret()
        if value is None:
            raise UserError("form.bad_link")
        return value

    async def show(request: web.Request) -> web.Response:
        lang = core.default_language
        try:
            with core.db.session() as s:
                opened = forms.open_link(s, request.match_info["token"], secret(), core.now())
                lang = opened.bloc.language
                return _page(opened.link.kind, _form(opened, {}, [], lang), lang)
        except UserError as exc:
            return _page("KhốiBot", f'<div class="c err" id="refused"><p>{html.escape(t(lang, exc.key, **exc.params))}'
                                    f"</p></div>", lang)

    async def submit(request: web.Request) -> web.Response:
        lang = core.default_language
        posted = await request.post()
        values = {k: str(v) for k, v in posted.items() if isinstance(v, str)}
        try:
            with core.db.session() as s:
                opened = forms.open_link(s, request.match_info["token"], secret(), core.now())
                lang = opened.bloc.language
                try:
                    receipt = forms.submit(s, opened, values, core.files, core.now())
                except SheetError as exc:
                    s.rollback()  # nothing of a refused form is stored
                    problems = [t(lang, key, **params) for key, params in exc.problems]
                    return _page(opened.link.kind, _form(opened, values, problems, lang), lang)
                lines = "".join(f"<p>{html.escape(line)}</p>" for line in receipt.split("\n"))
                return _page("KhốiBot", f'<div class="c ok" id="done"><p>{html.escape(t(lang, "form.done"))}</p>'
                                        f"{lines}</div>", lang)
        except UserError as exc:
            return _page("KhốiBot", f'<div class="c err" id="refused"><p>{html.escape(t(lang, exc.key, **exc.params))}'
                                    f"</p></div>", lang)

    server.add("GET", "/form/{token}", show)
    server.add("POST", "/form/{token}", submit)
