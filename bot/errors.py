"""Errors that become a polite reply instead of a traceback."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlmodel import Session


class StartupError(Exception):
    """A platform could not be started: ``variable`` is the setting to fix, ``reason`` is ``rejected``
    (the platform refused the token) or ``unreachable`` (its API did not answer). Carries no secret."""

    def __init__(self, variable: str, reason: str) -> None:
        super().__init__(f"{variable}: {reason}")
        self.variable = variable
        self.reason = reason


class UserError(Exception):
    """A request the bot refuses, with the catalog key of the reply that says what to do instead.

    Raised by services and handlers before anything is written, or with the transaction rolled
    back, so a refused request changes nothing. The one exception is ``remember``: what the refusal
    itself must leave behind (a wrong invitation code is counted), written after the rollback.
    """

    def __init__(self, key: str, /, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params
        self.remember: Callable[[Session], None] | None = None

    def remembering(self, write: Callable[[Session], None]) -> UserError:
        """This refusal, with what it must write after the rollback."""
        self.remember = write
        return self
