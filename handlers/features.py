"""All wiring in one place: the feature modules the bot serves, in /help order."""

from __future__ import annotations

from handlers import (
    awards,
    blocs,
    calendar,
    documents,
    people,
    pledge,
    registration,
    reminders,
    scores,
    start,
    votes,
)
from handlers.registry import Registry

FEATURES = (start, blocs, people, reminders, calendar, pledge, registration, scores, awards, votes, documents)


def build_registry() -> Registry:
    registry = Registry()
    for module in FEATURES:
        registry.add_feature(module)
    return registry
