"""All wiring in one place: the feature modules the bot serves, in /help order."""

from __future__ import annotations

from handlers import (
    awards,
    blocs,
    calendar,
    elections,
    invites,
    membership,
    pledge,
    reminders,
    roles,
    start,
    units,
    votes,
)
from handlers.registry import Registry

FEATURES = (start, blocs, units, membership, roles, invites, reminders, calendar, pledge, awards, votes, elections)


def build_registry() -> Registry:
    registry = Registry()
    for module in FEATURES:
        registry.add_feature(module)
    return registry
