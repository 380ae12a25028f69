"""All wiring in one place: the feature modules the bot serves, in /help order."""

from __future__ import annotations

from handlers import blocs, invites, membership, reminders, roles, start, units
from handlers.registry import Registry

FEATURES = (start, blocs, units, membership, roles, reminders, invites)


def build_registry() -> Registry:
    registry = Registry()
    for module in FEATURES:
        registry.add_feature(module)
    return registry
