"""The result chart posted when a vote closes (matplotlib, rendered off-screen): one horizontal bar per
candidate with its count and share, the selection threshold as a line, the selected units marked, the
turnout and the quorum in the title. DejaVu Sans (shipped with matplotlib) has every Vietnamese letter.

A void vote has no counts, so no chart. The chart shows counts only, like the results text.
"""

from __future__ import annotations

import io
from datetime import datetime
from fractions import Fraction

import matplotlib

matplotlib.use("Agg")  # off-screen: no display on a server
from matplotlib import pyplot as plt
from matplotlib.ticker import MaxNLocator
from sqlmodel import Session

from bot.i18n import t
from bot.ports import Document
from bot.services.delivery.notify import Notice, queue_notice
from bot.services.votes.service import CLOSED, outcome, share_base
from bot.services.votes.tally import percent_text
from bot.services.votes.views import vote_title
from storage.models import Bloc, Vote
from storage.queries.votes import candidates_of, units_by_ids

KIND = "chart"
SELECTED, OTHER, TIED = "#2e7d32", "#90a4ae", "#f9a825"


def chart_png(s: Session, vote: Vote, lang: str) -> bytes | None:
    """The chart as PNG bytes; None for a vote that is not closed with counts (open, void)."""
    if vote.id is None or vote.state != CLOSED:
        return None
    candidates = candidates_of(s, vote.id)
    units = units_by_ids(s, [c.unit_id for c in candidates])
    cast = vote.cast_count or 0
    base = share_base(vote)
    result = outcome(vote)
    ordered = sorted(candidates, key=lambda c: (c.approvals or 0, -c.position))  # the largest on top
    labels = [f"{units[c.unit_id].code} — {units[c.unit_id].name}"[:42] for c in ordered]
    counts = [c.approvals or 0 for c in ordered]
    colours = [SELECTED if c.selected else TIED if c.tied else OTHER for c in ordered]
    height = 1.6 + 0.45 * len(ordered)
    fig, ax = plt.subplots(figsize=(9, height), dpi=110)
    try:
        plt.rcParams["font.family"] = "DejaVu Sans"
        bars = ax.barh(range(len(ordered)), counts, color=colours, height=0.6)
        ax.set_yticks(range(len(ordered)), labels, fontsize=9)
        top = max([*counts, result.threshold_needed, 1])
        ax.set_xlim(0, top * 1.35 + 0.5)
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        for bar, c, n in zip(bars, ordered, counts, strict=True):
            share = percent_text(Fraction(n, base), lang) if base else ""
            mark = " ✓" if c.selected else (" =" if c.tied else "")
            ax.text(bar.get_width() + top * 0.02, bar.get_y() + bar.get_height() / 2, f"{n} ({share}){mark}",
                    va="center", fontsize=9)
        if result.threshold_needed:
            ax.axvline(result.threshold_needed, color="#c62828", linestyle="--", linewidth=1.2,
                       label=t(lang, "chart.threshold", needed=result.threshold_needed))
            ax.legend(loc="lower right", fontsize=8, frameon=False)
        turnout = percent_text(Fraction(cast, vote.members), lang) if vote.members else ""
        ax.set_title(t(lang, "chart.title", id=vote.id, title=vote_title(vote, lang)) + "\n"
                     + t(lang, "chart.turnout", cast=cast, members=vote.members, percent=turnout,
                         blank=vote.blank_count or 0, quorum=result.quorum_needed),
                     fontsize=10, loc="left")
        ax.set_xlabel(t(lang, "chart.axis"), fontsize=9)
        ax.spines[["top", "right"]].set_visible(False)
        fig.tight_layout()
        out = io.BytesIO()
        fig.savefig(out, format="png")
        return out.getvalue()
    finally:
        plt.close(fig)


def render(s: Session, vote_id: int, now: datetime) -> Document | None:
    """The outbox's attachment renderer for ``chart:<vote id>`` (in the bloc's language)."""
    vote = s.get(Vote, vote_id)
    if vote is None:
        return None
    bloc = s.get(Bloc, vote.bloc_id)
    png = chart_png(s, vote, bloc.language if bloc is not None else "vi")
    return Document(f"ket-qua-phieu-{vote_id}.png", png, "image/png") if png is not None else None


def notice(vote: Vote, lang: str) -> Notice | None:
    """The chart as a notice for the whole bloc (rendered when sent: bot.services.delivery.outbox);
    None for a void vote."""
    if vote.state != CLOSED or vote.id is None:
        return None
    caption = t(lang, "chart.caption", id=vote.id, title=vote_title(vote, lang))
    return Notice(group_text=caption, attachment=(KIND, vote.id))


def queue(s: Session, *, bloc: Bloc, vote: Vote, now: datetime) -> int:
    """Queues the chart for the bloc's group(s) and, privately, officers who cannot see them."""
    chart = notice(vote, bloc.language)
    return queue_notice(s, bloc=bloc, notice=chart, key=f"vote{vote.id}:chart", now=now) if chart else 0
